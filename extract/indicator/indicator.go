package indicator

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/quantity"
	"github.com/gongwen/gongwen/extract/segment"
)

// Indicator is a quantity with what it counts.
type Indicator struct {
	quantity.Quantity
	Name     string // what is counted, from the same clause: 受理人民调解案件
	Sentence string // the sentence the quantity sits in
}

// Find names the quantities of text, found by extract/quantity, and returns
// them in text order. A quantity shared by several subjects (A和B均为100%) is
// returned once per subject. seg tags words for the prepositional-phrase
// rule; nil skips it.
func Find(text string, qs []quantity.Quantity, seg *segment.Segmenter) []Indicator {
	var out []Indicator
	var subjects, units []string // carried over a line broken mid-sentence
	carry := ""                  // and the start of the clause the break cut
	afterPage := false           // the line before was a page number
	prevOn := false              // the line before ran on
	headers := headers{text: text}
	for lineStart := 0; lineStart < len(text) && len(qs) > 0; {
		lineEnd := lineEndAt(text, lineStart)
		n := 0
		for n < len(qs) && qs[n].Start < lineEnd {
			n++
			if qs[n-1].End > lineEnd {
				// 收入完成93.6⏎亿元，为预算的101.3%: a figure cut by a line
				// break joins the two lines
				lineEnd = lineEndAt(text, qs[n-1].End)
			}
		}
		line := strings.TrimSpace(text[lineStart:lineEnd])
		if prevOn && n == 0 && headers.pageBreak(line, afterPage) {
			// 占一般公共预⏎— 2 —⏎(running header)⏎算支出的78.9%: a sentence
			// runs on over a page break
			afterPage = pageNumber.MatchString(line)
			lineStart = lineEnd + 1
			continue
		}
		// 地区生产总值468亿元，⏎增长4.1%: a PDF line break inside a sentence
		on := runsOn(line) && !headers.is(line, afterPage)
		p := paragraph{text: text, start: lineStart, end: lineEnd, qs: qs[:n], seg: seg, subjects: subjects, units: units, carry: carry}
		if on {
			p.next = headers.openHead(lineEnd)
		}
		if n > 0 {
			out = append(out, p.name()...)
			qs = qs[n:]
		}
		subjects, units, carry = nil, nil, ""
		if on {
			subjects, units = p.subjects, p.units
			carry = p.openClause()
		}
		afterPage = pageNumber.MatchString(line)
		prevOn = on
		lineStart = lineEnd + 1
	}
	return out
}

// lineEndAt returns the offset of the line break ending the line at text[i:], or len(text).
func lineEndAt(text string, i int) int {
	if k := strings.IndexByte(text[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(text)
}

// runsOn reports whether a line stops mid-sentence, as PDF text breaks at the
// page edge: it ends in a word or a comma-like mark, and it is prose (it has
// clause punctuation or is long) rather than a heading (十二、社会事业).
func runsOn(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	if line == "" || !(strings.ContainsRune("，,、；;：:%", r) || unicode.Is(unicode.Han, r) || unicode.IsDigit(r)) {
		return false
	}
	if ordinal.MatchString(line) && !strings.Contains(line, "。") {
		return false
	}
	return strings.ContainsAny(line, "，,；;。") || utf8.RuneCountInString(line) >= 25
}

// pageNumber matches a line that is only a page number: — 3 —, - 4 -, 第2页 共10页, 3/12.
var pageNumber = regexp.MustCompile(`^(?:[-—–－_·\s]*[0-9０-９]{1,4}[-—–－_·\s]*|第\s*[0-9０-９]{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*[页頁])?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$`)

// headers finds the running headers of PDF pages: the title of the report,
// repeated at the top of each page. Their words are not the start of the
// sentence on the next line.
type headers struct {
	text  string
	lines map[string]int // lines without clause punctuation, counted on first use
}

// is reports whether a line without clause punctuation is a running header:
// it follows a page number, or it recurs as a whole line.
func (h *headers) is(line string, afterPage bool) bool {
	if strings.ContainsAny(line, "，,；;。：:") {
		return false
	}
	if afterPage {
		return true
	}
	if h.lines == nil {
		h.lines = map[string]int{}
		for l := range strings.SplitSeq(h.text, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.ContainsAny(l, "，,；;。：:") {
				h.lines[l]++
			}
		}
	}
	return h.lines[line] >= 2
}

// pageBreak reports whether a line is part of a page break that a sentence
// runs over: a page number or a running header. An empty line is not: it
// ends a paragraph.
func (h *headers) pageBreak(line string, afterPage bool) bool {
	return line != "" && (pageNumber.MatchString(line) || h.is(line, afterPage))
}

// openHead returns the words at the start of the line after the line break
// at text[i], up to the first clause mark: the rest of a word that the break
// cut (对23个重点项⏎目开展财政重点评价 → 目开展财政重点评价). A page break
// between the two lines is skipped.
func (h *headers) openHead(i int) string {
	afterPage := false
	for n := 0; n < 4 && i < len(h.text); n++ {
		end := lineEndAt(h.text, i+1)
		line := strings.TrimSpace(h.text[i+1 : end])
		if h.pageBreak(line, afterPage) {
			afterPage = pageNumber.MatchString(line)
			i = end
			continue
		}
		if k := strings.IndexAny(line, "，,；;：:。！？!?|｜\t、（("); k >= 0 {
			line = line[:k]
		}
		return line
	}
	return ""
}

// paragraph names the quantities of one line of text.
type paragraph struct {
	text       string
	start, end int
	qs         []quantity.Quantity
	seg        *segment.Segmenter
	subjects   []string // names of earlier quantities that have their own subject
	units      []string // their units
	stops      []int    // sentence starts: the paragraph start and each offset after 。！？
	carry      string   // the start of the first clause, on the line before
	next       string   // the start of the next line, when this one is cut mid-sentence
	prev       earlier  // the clause before the one being named, in the same sentence
	prevAmount earlier  // the same, passing over clauses whose figure is a rate
	borrowed   bool     // the clause being named took the subject of the one before
	parts      bool     // the sentence lists the parts of a total after 其中
	total      *string  // that total, once a part has looked for it
}

// earlier is the clause before the one being named: the subject of its last
// figure, or its words when it has no figure.
type earlier struct {
	subject    string
	start, end int
}

// openClause returns the words of the last clause of the paragraph when no
// quantity follows them: 受理人民调解⏎案件49545件 names 受理人民调解案件.
func (p *paragraph) openClause() string {
	start := p.start
	if len(p.qs) > 0 {
		start = p.qs[len(p.qs)-1].End
	}
	tail := strings.TrimSpace(p.text[start:p.end])
	if k := strings.LastIndexAny(tail, "，,；;：:。！？!?|｜\t"); k >= 0 {
		_, size := utf8.DecodeRuneInString(tail[k:])
		tail = tail[k+size:]
	}
	return tail
}

// clause is a stretch between clause punctuation; parentheses that hold a
// quantity are clauses of their own, other parentheses are transparent.
type clause struct {
	start, end int
	inParen    bool
}

func (p *paragraph) clauses() []clause {
	var out []clause
	start := p.start
	paren := false
	k := 0 // next quantity: its separators (1,234件) are not clause breaks
	for i := p.start; i < p.end; {
		for k < len(p.qs) && p.qs[k].End <= i {
			k++
		}
		if k < len(p.qs) && p.qs[k].Start <= i {
			i = p.qs[k].End
			continue
		}
		r, size := utf8.DecodeRuneInString(p.text[i:])
		switch {
		case r == '(' || r == '（':
			closeAt := p.closeParen(i + size)
			if closeAt > 0 && p.hasQuantity(i, closeAt) {
				out = append(out, clause{start, i, paren})
				start, paren = i+size, true
			} else if closeAt > 0 {
				i = closeAt // (区), (GDP): part of the clause
				continue
			}
		case (r == ')' || r == '）') && paren:
			out = append(out, clause{start, i, true})
			start, paren = i+size, false
		case strings.ContainsRune("，,；;：:。！？!?|｜\t\u3000", r) || r == ' ' && strings.HasPrefix(p.text[i+size:], " "):
			// a full-width space or a run of spaces separates a heading from its text
			out = append(out, clause{start, i, paren})
			start = i + size
		}
		i += size
	}
	out = append(out, clause{start, p.end, paren})
	return out
}

// closeParen returns the byte offset just after the parenthesis closing at or after i, or -1.
func (p *paragraph) closeParen(i int) int {
	for j := i; j < p.end; {
		r, size := utf8.DecodeRuneInString(p.text[j:])
		switch r {
		case ')', '）':
			return j + size
		case '(', '（', '。':
			return -1
		}
		j += size
	}
	return -1
}

func (p *paragraph) hasQuantity(start, end int) bool {
	k, _ := slices.BinarySearchFunc(p.qs, start, func(q quantity.Quantity, start int) int { return q.Start - start })
	return k < len(p.qs) && p.qs[k].End <= end
}

func (p *paragraph) name() []Indicator {
	var out []Indicator
	k := 0
	for _, c := range p.clauses() {
		first := k
		for k < len(p.qs) && p.qs[k].Start < c.end {
			k++
		}
		if !c.inParen && strings.HasPrefix(strings.TrimSpace(p.text[c.start:c.end]), "其中") {
			p.parts = true
		}
		known := len(p.subjects)
		p.borrowed = false
		if k > first {
			out = append(out, p.nameClause(c, p.qs[first:k])...)
		}
		switch {
		case c.inParen, p.borrowed:
			// 涉及金额45.2万元，涉及人员136人: both are about the clause before
		case len(p.subjects) > known:
			p.prev = earlier{subject: p.subjects[len(p.subjects)-1]}
			if !isShare(p.units[len(p.units)-1]) {
				// 调解成功2.79万件，调解成功率98.2%，涉及金额…: a rate involves no money
				p.prevAmount = p.prev
			}
		case k > first:
			// 增长5.2%: figures of the subject before, which stays
		default:
			p.prev = earlier{start: c.start, end: c.end}
			p.prevAmount = p.prev
		}
		if r, _ := utf8.DecodeRuneInString(p.text[c.end:]); c.end >= p.end || strings.ContainsRune("。！？!?", r) {
			p.prev, p.prevAmount, p.parts, p.total = earlier{}, earlier{}, false, nil // a new sentence
		}
	}
	return out
}

// previousSubject returns what the clause before the one being named, in
// the same sentence, is about: the subject of its last figure, or its words
// up to a bare number (三是固定资产账实不符; 综合指数为3.62 → 综合指数). Only
// a percentage may be about a rate.
func (p *paragraph) previousSubject(q quantity.Quantity) string {
	prev := p.prevAmount
	if q.Kind == quantity.Percent || q.Kind == quantity.Rank {
		prev = p.prev
	}
	if prev.subject != "" {
		return withoutChange(prev.subject)
	}
	s := p.text[prev.start:prev.end]
	if prev.start == p.start {
		s = p.carry + s // 对15个重点项⏎目开展绩效评价，涉及资金…
	}
	if k := strings.IndexFunc(s, unicode.IsDigit); k >= 0 {
		s = s[:k]
	}
	return p.dropPreposition(clean(s), "")
}

// isShare reports whether unit is that of a percentage.
func isShare(unit string) bool {
	return strings.ContainsAny(unit, "%％‰") || strings.Contains(unit, "百分")
}

// generic reports whether a name only says what kind of measure a figure
// is, and so needs the subject of the clause before: 涉及金额, 涉及部门,
// 金额, 资金, 平均.
func generic(name string) bool {
	switch name {
	case "金额", "金額", "资金", "資金", "总额", "總額", "数量", "數量", "人数", "人數", "平均", "平均值", "均值":
		return true
	}
	return strings.HasPrefix(name, "涉及") && name != "涉及"
}

// partName puts the head of a total back on a part listed after 其中:
// 居民人均可支配收入46,215元，其中城镇居民58,730元 → 城镇居民人均可支配收入. The
// part ends in a word of two or more characters that the total's name has
// before its head; a part with the head already (其中税收收入) stays.
func (p *paragraph) partName(name, unit string) string {
	if p.total == nil {
		total := ""
		for k := len(p.subjects) - 1; k >= 0; k-- {
			if p.units[k] == unit {
				total = withoutChange(p.subjects[k])
				break
			}
		}
		p.total = &total
	}
	total := *p.total
	for i := range name {
		if i == 0 || utf8.RuneCountInString(name[i:]) < 2 {
			continue
		}
		if k := strings.LastIndex(total, name[i:]); k >= 0 && k+len(name)-i < len(total) {
			head := total[k+len(name)-i:] // after the last: 公证机构办理各类公证事项 → 涉外公证事项
			if p.seg != nil {
				if words := p.seg.Tag(head); len(words) > 1 && words[0].Pos == "v" && utf8.RuneCountInString(words[0].Text) > 1 {
					return name // 承办单位纳入热线工单系统: an action, not a head noun
				}
			}
			return name + head
		}
	}
	return name
}

// lastSubject returns the latest of the last three subjects counted in
// unit, or the last subject: 10个民生实事项目，总投资6.8亿元，已完成9个 → 民生实事项目.
func (p *paragraph) lastSubject(unit string) string {
	for k := len(p.subjects) - 1; k >= max(0, len(p.subjects)-3); k-- {
		if p.units[k] == unit {
			return withoutChange(p.subjects[k])
		}
	}
	return withoutChange(p.subjects[len(p.subjects)-1])
}

// countedIn returns the latest of the last three subjects counted in unit, or "".
func (p *paragraph) countedIn(unit string) string {
	for k := len(p.subjects) - 1; k >= max(0, len(p.subjects)-3); k-- {
		if p.units[k] == unit {
			return withoutChange(p.subjects[k])
		}
	}
	return ""
}

// startsWithVerb reports whether s starts with a verb: 举行了听证会, not 乡镇.
func (p *paragraph) startsWithVerb(s string) bool {
	if p.seg == nil || s == "" {
		return false
	}
	words := p.seg.Tag(s)
	return strings.HasPrefix(words[0].Pos, "v")
}

// sharedVerb returns the verb phrase after the last count of a list of
// counts in one unit, for the counts before it: 在11个街道、96个社区设立便民服务站点
// gives 设立便民服务站点 to 11个街道 (but 1900家次媒体、2500人次记者参加 are
// two figures of their own).
func (p *paragraph) sharedVerb(qs []quantity.Quantity, i, end int) string {
	if p.seg == nil {
		return ""
	}
	j := i
	for j+1 < len(qs) && qs[j+1].Unit == qs[i].Unit && qs[j+1].Kind == quantity.Count {
		between := strings.TrimSpace(p.text[qs[j].End:qs[j+1].Start])
		if listEnd(between) <= 0 {
			break // not 街道、 or 部门和: a noun, then the 、 or 和 before the next count
		}
		j++
	}
	if j == i {
		return ""
	}
	if j+1 < len(qs) {
		end = qs[j+1].Start
	}
	tail := p.text[qs[j].End:end]
	if k := listComma(tail); k >= 0 {
		tail = tail[:k]
	}
	tail = cleanAfter(tail)
	off := 0
	for _, w := range p.seg.Tag(tail) {
		if strings.HasPrefix(w.Pos, "v") && off > 0 {
			return tail[off:]
		}
		off += len(w.Text)
	}
	return ""
}

// onlyPlace reports whether s is only a preposition and a place or scope,
// with no verb: 对全市, 在全省.
func (p *paragraph) onlyPlace(s string) bool {
	if p.seg == nil || s == "" {
		return false
	}
	words := p.seg.Tag(s)
	if len(words) < 2 || words[0].Pos != "p" {
		return false
	}
	for _, w := range words[1:] {
		if strings.HasPrefix(w.Pos, "v") {
			return false
		}
	}
	return true
}

// bareNoun reports whether s is only nouns: 部门 in 涉及7个部门1.15亿元.
func (p *paragraph) bareNoun(s string) bool {
	if p.seg == nil || s == "" {
		return false
	}
	for _, w := range p.seg.Tag(s) {
		if !strings.HasPrefix(w.Pos, "n") {
			return false
		}
	}
	return true
}

// nameClause names the quantities of one clause, left to right.
func (p *paragraph) nameClause(c clause, qs []quantity.Quantity) []Indicator {
	var out []Indicator
	var predicate string // 增长, 占总人口: shared by the rest of a 分别 clause
	distributive := false
	var subjects []string // for 分别: the subjects the values go to, in order
	prevName := ""
	prevUnit := ""
	prevBefore := ""
	listBefore := ""        // the words before the first count of a list of counts
	var respective []string // 出口和进口分别增长4.2%和1.3%: one subject per value
	respectiveOwn := false
	for i, q := range qs {
		regionStart := c.start
		if i > 0 {
			regionStart = qs[i-1].End
		}
		raw := p.text[regionStart:q.Start]
		if regionStart == p.start {
			raw = p.carry + raw
		}
		afterEnd := c.end
		if i+1 < len(qs) {
			afterEnd = qs[i+1].Start
		}
		after := p.text[q.End:afterEnd]
		if afterEnd == p.end && strings.TrimSpace(after) != "" {
			after += p.next // 对23个重点项⏎目开展评价: a word cut by a line break
		}
		if k := listComma(after); k >= 0 {
			after = after[:k]
		} else if k := listEnd(after); k > 0 && i+1 < len(qs) {
			after = after[:k] // 22个市直部门和9个县市区: the 和 joins the next count
		}
		after = cleanAfter(after)
		if startsChange(after) {
			after = "" // 由2020年的2,136亿元增加到…: a change follows, not a noun
		}
		if q.Kind == quantity.Count && after != "" {
			after += p.sharedVerb(qs, i, c.end)
		}

		sharedBy := splitShared(raw)
		joined := false // the count is joined to the one before by 和
		if k := lastListComma(raw); k >= 0 && i > 0 {
			// 发布会54 场、新闻通气会14场: 、 separates the items of a list of
			// figures; before the first figure it is part of the object.
			raw = raw[k+len("、"):]
		} else if i > 0 && listEnd(raw) > 0 {
			raw = "" // 9名律师和3名专家学者: the words before are the last count's noun
			joined = true
		}
		before := clean(raw)
		if m := rateAlias.FindStringSubmatch(raw); m != nil && q.Kind == quantity.Percent {
			before = m[1] // 占常住人口比重（常住人口城镇化率）为60.81%: the rate's own name
		}
		if joined && after != "" && q.Kind == quantity.Count && qs[i-1].Kind == quantity.Count {
			// 法律顾问团由9名律师和3名专家学者组成: the items of a list of
			// counts share the words before the first
			before = listBefore
		} else {
			listBefore = before
		}
		if q.Kind == quantity.Money && i > 0 && qs[i-1].Kind == quantity.Count && after == "" && p.bareNoun(before) {
			// 涉及7个部门1.15亿元: the noun is the count's, the money their amount
			before = prevBefore + "金额"
		}
		prevBefore = before

		if i == 0 {
			of := ""
			if len(p.subjects) > 0 {
				of = withoutChange(p.subjects[len(p.subjects)-1])
			}
			respective, respectiveOwn = splitRespective(raw, len(qs), of)
		}

		var names []string
		own := false // the name has a subject of its own, which later predicates may take
		switch {
		case respective != nil:
			names, own = []string{respective[i]}, respectiveOwn
		case q.Kind == quantity.Rank && rankVerb(before) >= 0:
			n := rankName(before)
			if isPredicate(before) && len(p.subjects) > 0 {
				n = p.subjects[len(p.subjects)-1] + n // 增长4.1%，增速居全省第2位
			} else if m := amongPeers.FindStringSubmatch(p.text[c.start:q.Start]); m != nil && !evaluation.MatchString(m[0]) {
				if s := p.previousSubject(q); s != "" {
					n = s + m[1] + "排名" // 综合指数为3.62，在全省16个设区市中排名第2
				}
			}
			names = []string{n}
		case sharedBy != nil:
			names = sharedBy
		case q.Kind == quantity.Percent && sharePredicate(raw, before):
			// 收入93.6亿元，为预算的101.3%: the share of the subject before
			names = []string{p.compose(nil, 0, before, false)}
		case isPredicate(before):
			pred, dist := predicatePart(before)
			if q.Kind != quantity.Percent {
				pred = pointInTime(before) + pred // 比上年末增加0.3万人: the base of a stock stays
			}
			predicate, distributive = pred, dist
			if dist {
				subjects = lastN(p.subjects, len(qs)-i)
			}
			names = []string{p.compose(subjects, 0, pred, distributive)}
		case before == "" && predicate != "":
			// the second and later values of 分别增长4.6%、7.7%和8.7%
			names = []string{p.compose(subjects, i, predicate, distributive)}
		case before == "" && after == "" && prevName != "":
			// 培训56场1万余人次: the second figure of the same thing
			n := prevName
			if q.Unit != prevUnit {
				n += q.Unit
			}
			names, own = []string{n}, true
		case before == "" && after == "" && len(p.subjects) > 0:
			// 突破3000亿元，达到3125.6亿元: the figure of the last subject;
			// 10个民生实事项目，总投资6.8亿元，已完成9个: of the last one counted so
			n := p.lastSubject(q.Unit)
			if strings.Contains(raw, "完成") {
				n += "完成"
			}
			names, own = []string{n}, true
		case len(p.subjects) > 0 && wholeMatch(period, before):
			// 粮食总产量86.5万吨，连续5年稳定在85万吨以上: a level held for years
			names = []string{withoutChange(p.subjects[len(p.subjects)-1]) + before}
		case before == "" && q.Kind == quantity.Count && strings.Contains(raw, "其中") && p.startsWithVerb(after) && p.countedIn(q.Unit) != "":
			// 作出重大行政决策5项，其中2项举行了听证会: a part of what was counted
			names, own = []string{p.countedIn(q.Unit) + after}, true
		case before == "":
			names, own = []string{after}, true
		case q.Kind == quantity.Count && after != "" && strings.HasSuffix(strings.TrimSpace(raw), "的"):
			// 对省级已明令废止的24件文件: the words before describe what is counted
			names, own = []string{before + "的" + after}, true
		case q.Kind == quantity.Count || q.Kind == quantity.Rank:
			names, own = []string{p.dropPreposition(before, after)}, q.Kind == quantity.Count
		case q.Kind == quantity.Percent && after != "" && strings.HasPrefix(strings.TrimSpace(p.text[q.End:afterEnd]), "的") && p.onlyPlace(before):
			// 对全市20%的涉企行政执法案卷进行评查: the words before only say where
			names, own = []string{after}, true
		default:
			names, own = []string{p.dropPreposition(before, "")}, true
		}
		if names[0] == "" {
			names[0], own = p.rowLabel(q), false // 自然资源	58	33.7%
		}
		if own && generic(names[0]) {
			// 发现重复领取待遇41人，涉及金额36.7万元 → 发现重复领取待遇涉及金额; a
			// longer subject is a report of its own and is left out: 全省自然资源系统
			// 立案查处违法用地违法采矿案件3418件，…，涉及土地面积1.09万亩 → 涉及土地面积
			if s := p.previousSubject(q); s != "" && !strings.Contains(names[0], s) && utf8.RuneCountInString(s) <= 16 {
				names[0] = s + names[0]
				p.borrowed = true
			}
		}
		for k, n := range names {
			if q.Kind == quantity.Percent && (strings.HasSuffix(n, "占") || strings.HasSuffix(n, "佔")) {
				names[k] = n + "比" // 其中医院2.64万张，占84.6% → 医院占比: the share it is
			}
		}
		if own && !c.inParen && names[0] != "" {
			names[0] = p.restoreHead(names[0], q.Unit)
			if p.parts {
				names[0] = p.partName(names[0], q.Unit)
			}
			subject := names[0]
			if q.Kind == quantity.Percent && strings.HasSuffix(strings.TrimSpace(raw), "的") {
				subject = withoutShare(subject)
			}
			if subject != "" {
				p.subjects = append(p.subjects, subject)
				p.units = append(p.units, q.Unit)
			}
		}
		for _, n := range names {
			out = append(out, Indicator{Quantity: q, Name: n, Sentence: p.sentence(q)})
		}
		prevName, prevUnit = names[0], q.Unit
	}
	return out
}

// listEnd returns the offset of the 、 or conjunction (和 及 与 或) that ends
// s after a word, or -1: 街道、 and 市直部门和 end an item of a list of counts.
func listEnd(s string) int {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if k := listComma(s); k > 0 && k == len(s)-len("、") {
		return k
	}
	if strings.ContainsAny(s, "、，,；;") {
		return -1
	}
	for _, c := range []string{"和", "及", "与", "與", "或"} {
		if strings.HasSuffix(s, c) && len(s) > len(c) {
			return len(s) - len(c)
		}
	}
	return -1
}

// listComma returns the offset of the first 、 of s outside parentheses, or
// -1: in 12个县（市、区）实地检查 the 、 lists the places of one term.
func listComma(s string) int {
	if ks := listCommas(s); len(ks) > 0 {
		return ks[0]
	}
	return -1
}

// lastListComma returns the offset of the last 、 of s outside parentheses, or -1.
func lastListComma(s string) int {
	if ks := listCommas(s); len(ks) > 0 {
		return ks[len(ks)-1]
	}
	return -1
}

// listCommas returns the offsets of the 、 of s that stand outside parentheses.
func listCommas(s string) []int {
	var out []int
	depth := 0
	for i, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth = max(0, depth-1)
		case '、':
			if depth == 0 {
				out = append(out, i)
			}
		}
	}
	return out
}

// rowLabel returns the label of a table row flattened to one line with tabs
// or bars (自然资源	58	33.7%, | 规章 | 12件 |): the nearest cell before q
// that has words and is not a figure itself.
func (p *paragraph) rowLabel(q quantity.Quantity) string {
	var cells [][2]int // the cells before q, as offsets
	from := p.start
	for i := p.start; i < q.Start; {
		r, size := utf8.DecodeRuneInString(p.text[i:])
		if r == '\t' || r == '|' || r == '｜' {
			if i > from {
				cells = append(cells, [2]int{from, i})
			}
			from = i + size
		}
		i += size
	}
	if q.Start > from {
		cells = append(cells, [2]int{from, q.Start})
	}
	if len(cells) < 2 && !strings.ContainsAny(p.text[p.start:p.end], "\t|") {
		return ""
	}
	for k := len(cells) - 1; k >= 0; k-- {
		cell := clean(p.text[cells[k][0]:cells[k][1]])
		if _, ok := quantity.Parse("1" + cell); ok {
			continue // 粮食	万吨	52.36: the unit column
		}
		if strings.ContainsFunc(cell, func(r rune) bool { return unicode.Is(unicode.Han, r) }) && !p.hasFigure(cells[k][0], cells[k][1]) {
			return cell
		}
	}
	return ""
}

// hasFigure reports whether a quantity of the paragraph overlaps text[start:end].
func (p *paragraph) hasFigure(start, end int) bool {
	for _, q := range p.qs {
		if q.Start < end && q.End > start {
			return true
		}
	}
	return false
}

// restoreHead puts back a head noun left out in a list: after 粮食播种面积
// 8884公顷 and 油菜籽播种面积667公顷, 蔬菜7275公顷 is 蔬菜播种面积. The head is
// the common ending of the two previous names with the same unit.
func (p *paragraph) restoreHead(name, unit string) string {
	if utf8.RuneCountInString(name) > 4 || p.seg == nil {
		return name
	}
	var prev []string
	for k := len(p.subjects) - 1; k >= 0 && len(prev) < 2; k-- {
		if p.units[k] == unit {
			prev = append(prev, p.subjects[k])
		}
	}
	if len(prev) < 2 {
		return name
	}
	head := commonSuffix(prev[0], prev[1])
	if utf8.RuneCountInString(head) < 2 || head == prev[0] || head == prev[1] || strings.Contains(name, head) {
		return name
	}
	if r, _ := utf8.DecodeLastRuneInString(head); strings.HasSuffix(name, string(r)) {
		return name // 合格率…，优良率: a name of the same kind has its own head
	}
	for _, w := range p.seg.Tag(name) {
		if strings.HasPrefix(w.Pos, "v") {
			return name // 予以公开 is an action of its own, not a bare item of a list
		}
	}
	if words := p.seg.Tag(head); len(words) > 1 && strings.HasPrefix(words[len(words)-1].Pos, "v") {
		return name // 开展督查: items share a noun (播种面积, 收入), not an action
	}
	for i := range name {
		if i > 0 && utf8.RuneCountInString(name[i:]) >= 2 && strings.HasPrefix(head, name[i:]) {
			return name[:i] + head // 农村居民 + 居民人均可支配收入: the words they share once
		}
	}
	return name + head
}

// commonSuffix returns the longest common ending of a and b, in whole runes.
func commonSuffix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeLastRuneInString(a[:len(a)-n])
		rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-n])
		if ra != rb {
			break
		}
		n += sa
	}
	return a[len(a)-n:]
}

// compose joins a subject and a predicate: 地区生产总值 + 增长.
func (p *paragraph) compose(subjects []string, i int, pred string, distributive bool) string {
	subject := ""
	switch {
	case distributive && i < len(subjects):
		subject = subjects[i]
	case len(subjects) > 0 && distributive:
		subject = subjects[len(subjects)-1]
	case len(p.subjects) > 0:
		subject = p.subjects[len(p.subjects)-1]
	}
	return withoutChange(subject) + pred
}

// trailingChange is a change at the end of a subject: 增加值同比增长.
var trailingChange = regexp.MustCompile(`(?:同比|环比|環比|(?:比|较|較)(?:上年|去年)(?:同期|末)?)?(?:年均|年平均|平均)?(?:增长|增長|下降|增加|减少|減少|提高|降低|上升|上涨|上漲)$`)

// withoutChange turns the subject of 高技术制造业增加值增长7.4%，占…的比重为71.6%
// back into 高技术制造业增加值 before a second predicate is added to it.
func withoutChange(subject string) string {
	if loc := trailingChange.FindStringIndex(subject); loc != nil && loc[0] > 0 {
		return subject[:loc[0]]
	}
	return subject
}

func lastN(s []string, n int) []string {
	if n > len(s) {
		n = len(s)
	}
	return s[len(s)-n:]
}

// sentence returns the sentence around q, up to and including its final stop.
func (p *paragraph) sentence(q quantity.Quantity) string {
	if p.stops == nil {
		p.stops = []int{p.start}
		for i, r := range p.text[p.start:p.end] {
			if strings.ContainsRune("。！？!?", r) {
				p.stops = append(p.stops, p.start+i+utf8.RuneLen(r))
			}
		}
		p.stops = append(p.stops, p.end)
	}
	// the last stop at or before q.Start, and the first one after q.End
	k, _ := slices.BinarySearch(p.stops, q.Start+1)
	start := p.stops[k-1]
	k, _ = slices.BinarySearch(p.stops, q.End+1)
	end := p.stops[min(k, len(p.stops)-1)]
	return strings.TrimSpace(p.text[start:end])
}

// phraseStarts are the first characters of prepositions and of pronouns for
// the issuer (对 向 在 针对 按照 通过 … 我市 该区 本县).
const phraseStarts = "对對向在针針为為按根通经經由从從据據于於以把将將被因与與跟替给給用就依凭憑随隨围圍我该該本其各"

// loneStarts are prepositions that may stand alone before a count whose
// noun follows: 对23个重点项目开展评价, 向12家企业发放补贴.
const loneStarts = "对對向给給与與跟在"

// scopeAdverbs sum up what the words before them did: 热线共受理群众诉求.
var scopeAdverbs = strings.Fields(`共 共计 共計 累计 累計 合计 合計 总计 總計 一共 总共 總共`)

// scopeTimes may stand before a summing adverb: 柳河县全年共办理.
var scopeTimes = strings.Fields(`全年 全市 全区 全區 全县 全縣 全省 年内 年內 当年 當年 今年 本年`)

// dropScope drops a summing adverb inside a name, with a scope of time or
// place before it, when a verb follows: 市12345热线共受理群众诉求 →
// 市12345热线受理群众诉求, 柳河县全年共办理… → 柳河县办理…. The doer before it
// stays (石门区累计完成… names the district's figure); 共 must be the adverb,
// not part of a word (公共, 共享).
func (p *paragraph) dropScope(before string) string {
	words := p.seg.Tag(before)
	off := 0
	for k, w := range words {
		if k > 0 && k+1 < len(words) && slices.Contains(scopeAdverbs, w.Text) &&
			(w.Pos == "d" || w.Text != "共" && strings.HasPrefix(words[k+1].Pos, "v")) {
			start := off
			if slices.Contains(scopeTimes, words[k-1].Text) {
				start -= len(words[k-1].Text)
			}
			return before[:start] + before[off+len(w.Text):]
		}
		off += len(w.Text)
	}
	return before
}

// dropPreposition joins the words before and after a figure, without a
// leading prepositional phrase of before when a verb with an object follows:
// 针对具体案件召开 + 协调会 → 召开协调会, 在政府网站发布政务信息 → 发布政务信息.
// A lone preposition whose object holds the figure goes: 对 + 领导干部进行经济责任审计.
func (p *paragraph) dropPreposition(before, after string) string {
	if p.seg == nil || before == "" {
		return before + after
	}
	if first, size := utf8.DecodeRuneInString(before); size == len(before) && after != "" && strings.ContainsRune(loneStarts, first) {
		return after // 对23个重点项目开展评价: the figure holds the whole object
	}
	if strings.ContainsAny(before, "共累合总總") {
		before = p.dropScope(before)
	}
	if first, _ := utf8.DecodeRuneInString(before); !strings.ContainsRune(phraseStarts, first) {
		return before + after // tagging costs more than the rest of naming: only where it may help
	}
	words := p.seg.Tag(before)
	if len(words) < 2 {
		return before + after
	}
	if r, _ := utf8.DecodeLastRuneInString(words[0].Text); words[0].Pos == "r" && strings.ContainsRune("市区區县縣镇鎮省州乡鄉村", r) &&
		!strings.HasPrefix(words[0].Text, "各") {
		// 我市, 该区: a pronoun for the issuer says nothing about what is counted
		// (各县 is every county, and stays)
		return before[len(words[0].Text):] + after
	}
	if words[0].Pos != "p" {
		return before + after
	}
	// Drop up to the first verb of two or more characters, and only through
	// words the dictionary knows: an unknown word (x) means the tags are guesses.
	off := len(words[0].Text)
	for _, w := range words[1:] {
		if r, _ := utf8.DecodeRuneInString(w.Text); w.Pos == "x" && unicode.Is(unicode.Han, r) {
			break
		}
		if w.Pos == "v" && utf8.RuneCountInString(w.Text) >= 2 {
			if strings.HasPrefix(before[off+len(w.Text):], "的") {
				break // 在公办学校就读的: the phrase is part of a relative clause naming who
			}
			if rest := before[off:]; len(rest) > len(w.Text) || after != "" {
				return rest + after
			}
			break // 被采纳, 按汇率折算: without its phrase the verb says too little
		}
		off += len(w.Text)
	}
	return before + after
}

var (
	footnote     = regexp.MustCompile(`[\[［〔]\d{1,2}[\]］〕]|[①-⑳]|\*`)
	titles       = regexp.MustCompile(`《[^》]*》(?:[和与與及、]《[^》]*》)*`)
	examples     = regexp.MustCompile(`(?:“[^“”]{1,20}”[、和及与與]?)+等`)
	rateAlias    = regexp.MustCompile(`(?:比重|比例)\s*[（(]([^()（）]{2,15}率)[)）]\s*(?:为|為|达到|達到|达|達)?\s*$`)
	parens       = regexp.MustCompile(`[(（][^()（）]{0,20}[)）]`)
	placeClasses = regexp.MustCompile(`^[(（](?:市|区|區|县|縣|村|镇|鎮|乡|鄉|街道|社区|社區|居|旗)(?:[、，,/](?:市|区|區|县|縣|村|镇|鎮|乡|鄉|街道|社区|社區|居|旗))*[)）]$`)
	yearStart    = regexp.MustCompile(`^(?:(?:截至|截止到?|到)\s*)?[0-9０-９]{4}\s*年度?(?:[0-9０-９]{1,2}月)?[底末]?`)
	yearEnd      = regexp.MustCompile(`(?:由|从|從)?(?:[0-9０-９]{4}\s*年(?:末|底|度)?|原来|原來)的?$|(?:由|从|從)(?:法定|承诺|承諾|以往|过去|過去|去年|上年)的?$`)
	conjunction  = regexp.MustCompile(`[和及与與、]`)
	levels       = regexp.MustCompile(`^([^、]{1,3}(?:、[^、]{1,3})+)[两兩二三四五]级$`)
	issuer       = regexp.MustCompile(`^(?:我|本|该|該)(?:局|厅|廳|委|办|辦|院|署|部门|部門|机关|機關|单位|單位|中心)`)
	evaluation   = regexp.MustCompile(`(?:考核|考評|考评|评价|評價|评估|評估|测评|測評|评比|評比|评选|評選|检查|檢查|调查|調查|督查|排行|竞赛|競賽|监测|監測)中`)
	amongPeers   = regexp.MustCompile(`^\s*(?:在|于|於)(全[省市国國区區县縣州]|省内|省內|市内|市內)?[^，。]*中(?:排名|排位|排|位居|位列|居|列)`)
	ordinal      = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[是、]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])`)
)

// Scope and discourse words around a name that say nothing about what is counted.
var (
	leadWords = strings.Fields(`仍有 尚有 还有 還有 约有 約有 其中 其 包括 含 另有 此外 同时 同時 另外 另 加上 力争 力爭 预计 預計 全年 年末 年底 年初 年内 年內 当年 當年 全市 全区 全區
		全县 全縣 全镇 全鎮 全乡 全鄉 全省 全国 全國 共有 现有 現有 本市 本区 本區 本县 本縣 我市 我区 我區 我县 我縣 我镇 我鎮 我省
		共计 共計 合计 合計 累计 累計 总计 總計 一共 共 首先 其次 最后 最後 和 及 与 與 并 並 且 还 還 本年度 本年 今年 去年 实现 實現`)
	tailWords = strings.Fields(`达到 達到 达 達 为 為 是 共计 共計 累计 累計 合计 合計 总计 總計 共有 共 约 約 近 超过 超過 超 逾
		将近 將近 接近 大约 大約 突破 预计 預計 已 的 了 由 从 從 完成 实现 實現 分别 分別 均 都 总共 總共 多达 多達
		下降到 下降至 降到 降至 降低到 降低至 減少到 减少到 减少至 減少至 减至 減至 压缩至 壓縮至 压缩到 壓縮到 压减至 壓減至
		缩短至 縮短至 缩短到 縮短到 提高到 提高至 提升到 提升至 上升到 上升至 升至 升到 增加到 增加至 增至 增长到 增長到
		增长至 增長至 扩大到 擴大到 扩大至 擴大至 精简至 精簡至 精简到 精簡到 压减到 壓減到 削减至 削減至 削减到 削減到 控制在 稳定在 穩定在 保持在 维持在 維持在
		不少于 不少於 不低于 不低於 不超过 不超過 不高于 不高於 至少 最多 保持`)
	changeVerbs = strings.Fields(`增长 增長 增加 下降 减少 減少 提高 降低 上升 上涨 上漲 下跌 提升 回升 攀升 下滑 回落
		增幅 降幅 增速 增 降 减 減 多 少 偏多 偏少 偏高 偏低 占 佔 扩大 擴大 缩小 縮小 压缩 壓縮 缩短 縮短 缩减 縮減 延长 延長 年均 年平均`)
)

// clean strips what is not part of a name: footnote markers, 《titles》,
// short parentheses, years, text ordinals, scope words and copulas.
func clean(s string) string {
	s = trimPunct(removeMarks(s))
	for changed := true; changed; {
		changed = false
		first, _ := utf8.DecodeRuneInString(s)
		if strings.ContainsRune("我本该該", first) {
			if loc := issuer.FindStringIndex(s); loc != nil {
				s, changed = s[loc[1]:], true // 我局, 本机关: the issuer says nothing about what is counted
			}
		}
		if !unicode.Is(unicode.Han, first) || strings.ContainsRune("截到一二三四五六七八九十", first) {
			// the regular expressions only where they may match: most names start with a word
			if loc := yearStart.FindStringIndex(s); loc != nil {
				s, changed = s[loc[1]:], true
			}
			if loc := ordinal.FindStringIndex(s); loc != nil {
				s, changed = s[loc[1]:], true
			}
		}
		if strings.HasSuffix(s, "年") || strings.HasSuffix(s, "的") || strings.HasSuffix(s, "末") || strings.HasSuffix(s, "底") || strings.HasSuffix(s, "度") || strings.HasSuffix(s, "来") || strings.HasSuffix(s, "來") {
			if loc := yearEnd.FindStringIndex(s); loc != nil {
				s, changed = s[:loc[0]], true // 地区生产总值由2017年的1,856亿元; 由2020年的 alone
			}
		}
		for _, w := range leadWords {
			if strings.HasPrefix(s, w) && !(w == "其" && strings.HasPrefix(s, "其他")) {
				s, changed = s[len(w):], true
			}
		}
		if k := strings.Index(s, "期间"); k > 0 && utf8.RuneCountInString(s[k:]) > 3 {
			s, changed = s[k+len("期间"):], true // 人大二次会议期间代表提出的建议: a span of time, like 全年
		}
		for _, w := range tailWords {
			if strings.HasSuffix(s, w) && !partOfWord(s, w) {
				s, changed = s[:len(s)-len(w)], true
			}
		}
		if t := trimPunct(s); t != s {
			s, changed = t, true
		}
	}
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return "" // +, —: no words, no name
	}
	return s
}

// removeMarks removes footnote markers, 《titles》, quoted examples before 等
// and short parentheses. The
// cheap checks first spare the regular expressions on most names.
func removeMarks(s string) string {
	if strings.ContainsAny(s, "[［〔*①②③④⑤⑥⑦⑧⑨⑩") {
		s = footnote.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "《") {
		s = titles.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "”等") {
		s = examples.ReplaceAllString(s, "") // 组织“宪法进万家”“法律明白人”等主题活动 → 组织主题活动
	}
	if strings.ContainsAny(s, "(（") {
		s = parens.ReplaceAllStringFunc(s, func(paren string) string {
			if placeClasses.MatchString(paren) {
				return paren // 县（市、区）, 村（社区）: one term for the places of a level
			}
			return ""
		})
	}
	return s
}

// partOfWord reports whether the copula 为 or 是, or the adverb 均, ending s
// belongs to a word: 行为, 作为, 认为, 平均, 人均 keep it, 失业率为 does not.
func partOfWord(s, w string) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(w)])
	switch w {
	case "为", "為", "是":
		return strings.ContainsRune("行作认認成因视視称稱以凡总總但于於就还還即", prev)
	case "均":
		return strings.ContainsRune("平人户戶日年月", prev) // 平均, 人均: the average, not "all"
	}
	return false
}

// cleanAfter keeps the noun phrase after a count: 29个重点行政执法系统修订… .
func cleanAfter(s string) string {
	s = trimPunct(removeMarks(s))
	for _, w := range []string{"以上", "左右", "多", "的"} {
		s = strings.TrimPrefix(s, w) // 98%的群众 → 群众
	}
	return trimPunct(s)
}

// trimPunct trims spaces and punctuation except quotes that still enclose something.
func trimPunct(s string) string {
	trimmed := func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && !strings.ContainsRune("“”\"《》", r))
	}
	s = strings.TrimLeftFunc(s, trimmed)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !trimmed(r) || (r == '）' || r == ')') && strings.ContainsAny(s, "（(") {
			break // 示范村（社区）: the parenthesis closes one of the name
		}
		s = s[:len(s)-size]
	}
	s = strings.TrimLeft(s, "”")
	s = strings.TrimRight(s, "“")
	return s
}

// comparison opens a change against a base: 比上年, 较上年同期, 比2022年末, 同比.
var comparison = regexp.MustCompile(`^(?:(?:比|较|較|与|與)(?:上年|去年|上一年|年初|常年|[0-9０-９]{4}\s*年)(?:同期|末|底|初)?(?:相比)?|同比|环比|環比)`)

// pointInTime returns the comparison of s with a point in time — 比上年末,
// 比年初, 较上年底 — or "". An amount of a stock (population, deposits)
// changes against a date, which its name keeps: 常住人口比上年末增加; a flow
// changes against last year and a rate is a rate, which go without saying:
// 地区生产总值增长, 城镇化率提高.
func pointInTime(s string) string {
	for _, w := range []string{"分别", "分別", "均", "都"} {
		s = strings.TrimPrefix(s, w)
	}
	loc := comparison.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	c := strings.TrimSuffix(s[:loc[1]], "相比")
	if r, _ := utf8.DecodeLastRuneInString(c); strings.ContainsRune("末底初", r) {
		return c
	}
	return ""
}

// startsChange reports whether s starts with a verb of change of two or more
// characters (增加到2024年的, 下降3.2%) or of a cut to a level (精简至29个;
// 压减低效资金 alone is an act with its own object).
func startsChange(s string) bool {
	for _, v := range changeVerbs {
		if strings.HasPrefix(s, v) && len(v) > len("增") {
			return true
		}
	}
	return hasAnyPrefix(s, "精简至", "精簡至", "精简到", "精簡到", "压减至", "壓減至", "压减到", "壓減到", "削减至", "削減至", "削减到", "削減到")
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// wholeMatch reports whether re matches all of s.
func wholeMatch(re *regexp.Regexp, s string) bool {
	loc := re.FindStringIndex(s)
	return loc != nil && loc[0] == 0 && loc[1] == len(s)
}

// period opens a predicate over several years: 两年平均增长, 近五年年均增长.
var period = regexp.MustCompile(`^(?:近|连续|連續)?[0-9两兩二三四五六七八九十]+年(?:来|來)?(?:平均)?`)

// isPredicate reports whether a clause has no subject of its own but only a
// change or share: 增长, 比上年增长, 分别增长, 占比, 占总人口的, 两年平均增长.
func isPredicate(s string) bool {
	pred, _ := predicatePart(s)
	if loc := period.FindStringIndex(pred); loc != nil {
		pred = pred[loc[1]:]
	}
	for _, v := range changeVerbs {
		if pred == v || strings.HasPrefix(pred, v) && utf8.RuneCountInString(v) > 1 {
			return true // 增 and 降 alone, but not 减税降费
		}
	}
	return strings.HasPrefix(pred, "占") || strings.HasPrefix(pred, "佔")
}

// predicatePart strips 分别 and comparisons: 分别比上年增长 → 增长, distributive.
func predicatePart(s string) (pred string, distributive bool) {
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"分别", "分別", "均", "都"} {
			if strings.HasPrefix(s, w) {
				s, changed, distributive = s[len(w):], true, true
			}
		}
		if loc := comparison.FindStringIndex(s); loc != nil && loc[1] > 0 {
			s, changed = s[loc[1]:], true
		}
	}
	return strings.TrimSuffix(s, "的"), distributive
}

// shareVerbs are copulas that open a clause giving a figure as a share of
// something: 为预算的, 是上年同期的. 完成预算的 says what it measures by itself.
var shareVerbs = strings.Fields(`为 為 是 相当于 相當於`)

// sharePredicate reports whether the words before a percentage are a share
// without a subject of their own: 为预算的, 为调整预算的, 是上年同期的. raw is
// the text as written, name the cleaned words.
func sharePredicate(raw, name string) bool {
	if !strings.HasSuffix(strings.TrimSpace(raw), "的") {
		return false
	}
	for _, v := range shareVerbs {
		if strings.HasPrefix(name, v) && len(name) > len(v) {
			return true
		}
	}
	return false
}

// withoutShare returns the subject of a name that ends in a share: 收入完成预算
// (of 收入完成预算的102.3%，为45.62亿元，增长6.8%) → 收入; 完成调整预算 → "".
// The figures after it are of the subject, not of the share.
func withoutShare(name string) string {
	k := -1
	for _, v := range []string{"完成", "为", "為", "占", "佔", "是", "相当于", "相當於"} {
		if i := strings.LastIndex(name, v); i > k && !partOfWord(name[:i+len(v)], v) {
			k = i
		}
	}
	if k < 0 {
		return name
	}
	return name[:k]
}

// splitShared splits "合法性审查率和备案率均为" into the subjects that share one value.
func splitShared(raw string) []string {
	s := strings.TrimSpace(raw)
	found := false
	for _, w := range []string{"均为", "均為", "均达到", "均達到", "均达", "均達", "都是", "都为", "都為", "均是", "均"} {
		if strings.HasSuffix(s, w) {
			s, found = strings.TrimSuffix(s, w), true
			break
		}
	}
	if !found {
		return nil
	}
	parts := conjunction.Split(s, -1)
	if len(parts) < 2 {
		return nil
	}
	var names []string
	for _, part := range parts {
		n := clean(part)
		if utf8.RuneCountInString(n) < 2 {
			return nil
		}
		names = append(names, n)
	}
	return names
}

// splitRespective splits "出口和进口分别为" or "出口和进口分别增长" into one
// name per value of the clause (出口, 进口 or 出口增长, 进口增长). It needs as
// many subjects as values, each of two or more characters, so that
// 城乡居民人均可支配收入分别增长 stays whole. own is false when the names end
// in a change.
//
// Places or tiers listed before their number of levels qualify of, the
// subject before them: 持证行政执法人员1,279名，县、乡两级分别为862名和417名 →
// 县级持证行政执法人员, 乡级持证行政执法人员.
func splitRespective(raw string, values int, of string) (names []string, own bool) {
	k := max(strings.LastIndex(raw, "分别"), strings.LastIndex(raw, "分別"))
	if k <= 0 || values < 2 {
		return nil, false
	}
	subjects, pred := raw[:k], clean(raw[k+len("分别"):])
	own = true
	if isPredicate(pred) {
		pred, _ = predicatePart(pred)
		own = false
	} else if pred != "" {
		return nil, false // 分别召开…: not a list of values
	}
	parts := conjunction.Split(clean(subjects), -1)
	if m := levels.FindStringSubmatch(clean(subjects)); m != nil && of != "" {
		parts = strings.Split(m[1], "、")
		for k := range parts {
			parts[k] += "级" + of
		}
	}
	if len(parts) != values {
		return nil, false
	}
	for _, part := range parts {
		n := clean(part)
		if utf8.RuneCountInString(n) < 2 {
			return nil, false
		}
		names = append(names, n+pred)
	}
	return names, own
}

// rankVerbs introduce a bare rank: 位居全省第二, 排名第3.
var rankVerbs = strings.Fields(`位居 位列 居于 居於 排名 排在 排位 列 居 排`)

// rankVerb returns where the ranking verb of s starts, or -1; the verb must
// be near the end (居全省, 排名全市) so that 居民 or 列入 earlier do not count.
func rankVerb(s string) int {
	for _, v := range rankVerbs {
		if k := strings.LastIndex(s, v); k >= 0 && utf8.RuneCountInString(s[k+len(v):]) <= 6 {
			return k
		}
	}
	return -1
}

// rankName turns 总办件量位居全省 into 总办件量全省排名.
func rankName(s string) string {
	k := rankVerb(s)
	for _, v := range rankVerbs {
		if strings.HasPrefix(s[k:], v) {
			return clean(s[:k]) + s[k+len(v):] + "排名"
		}
	}
	return s
}
