package indicator

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/quantity"
	"github.com/gongwen/gongwen/extract/segment"
)

// Stage 3, discourse: what the clauses before say — the subjects counted so
// far, the clause before, a total whose parts follow — for the rules to use.

// paragraph names the quantities of one line of text.
type paragraph struct {
	text        string // folded (extract/internal/fold)
	original    string // as written, for the sentence
	start, end  int
	qs          []quantity.Quantity
	seg         *segment.Segmenter
	subjects    []string // names of earlier quantities that have their own subject
	units       []string // their units
	stops       []int    // sentence starts: the paragraph start and each offset after 。！？; empty until asked
	clauseBuf   []clause // the clauses, once split
	prev        earlier  // the clause before the one being named, in the same sentence
	prevAmount  earlier  // the same, passing over clauses whose figure is a rate
	borrowed    bool     // the clause being named took the subject of the one before
	parts       bool     // the sentence lists the parts of a total after 其中
	among       bool     // the sentence lists parts of a group named before 中: 医院中，公立医院41个
	institution string   // the institutions the sentence counted: 幼儿园 of 幼儿园2275所
	total       *string  // that total, once a part has looked for it
	inSentence  int      // the first of subjects named in the sentence being read
	// tags holds the words of what the report has tagged so far: the same
	// words are tagged by several rules, and recur in a report
	// (一般公共预算收入, whose 共 dropScope tags to tell from the adverb).
	tags map[string][]segment.Word
	// The figure being named and what its clause passes on: the rules take
	// them by pointer, which puts them on the heap, so they live here
	// rather than being made for each figure and clause.
	fig    figure
	clause clauseState
	name   [1]string // the name a rule gives a figure (one)
}

// earlier is the clause before the one being named: the subject of its last
// figure, or its words when it has no figure.
type earlier struct {
	subject    string
	start, end int
}

// tag returns the words of s with their part-of-speech tags, as p.seg.Tag
// does, tagging each text once per report. The words are shared: callers
// only read them.
func (p *paragraph) tag(s string) []segment.Word {
	if words, ok := p.tags[s]; ok {
		return words
	}
	if p.tags == nil {
		p.tags = make(map[string][]segment.Word)
	}
	words := p.seg.Tag(s)
	p.tags[s] = words
	return words
}

// appendNames appends the indicators of the paragraph to out.
func (p *paragraph) appendNames(out []Indicator) []Indicator {
	k := 0
	for _, c := range p.clauses() {
		first := k
		for k < len(p.qs) && p.qs[k].Start < c.end {
			k++
		}
		if !c.inParen && strings.Contains(p.text[c.start:c.end], "中") {
			words := trimSpace(p.text[c.start:c.end])
			if strings.HasPrefix(words, "其中") {
				p.parts, p.total = true, nil // the parts of the total just before
			}
			if k == first && strings.HasSuffix(words, "中") {
				p.among = true
			}
		}
		known := len(p.subjects)
		p.borrowed = false
		if k > first {
			out = p.appendClause(out, c, p.qs[first:k])
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
		if r, _ := decodeRune(p.text[c.end:]); c.end >= p.end || chars.SentenceEnds.Has(r) {
			p.prev, p.prevAmount, p.parts, p.total, p.among, p.institution = earlier{}, earlier{}, false, nil, false, "" // a new sentence
			p.inSentence = len(p.subjects)
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
	if k := strings.IndexFunc(s, unicode.IsDigit); k >= 0 {
		s = s[:k]
	}
	return p.dropPreposition(clean(s), "")
}

// isShare reports whether unit is that of a percentage.
func isShare(unit string) bool {
	// one look at each character of a unit, as short as 亿元, rather than a
	// search for each mark
	for _, r := range unit {
		switch r {
		case '%', '％', '‰':
			return true
		}
	}
	return strings.Contains(unit, "百分")
}

// generic reports whether a name only says what kind of measure a figure
// is, and so needs the subject of the clause before: 涉及金额, 涉及部门,
// 金额, 资金, 平均.
func generic(name string) bool {
	return genericNames[name] || strings.HasPrefix(name, "涉及") && name != "涉及"
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
			if strings.Contains(name, head) {
				return name // 发布信息…，其中动态类信息发布: the part has the head already
			}
			if p.seg != nil {
				if words := p.tag(head); len(words) > 1 && words[0].Pos == "v" && utf8.RuneCountInString(words[0].Text) > 1 {
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

// ofInstitution puts the institutions counted in the clause before back on
// a bare noun of their people: 幼儿园2275所，毕业生13.85万人 → 幼儿园毕业生.
func (p *paragraph) ofInstitution(name, unit string) string {
	if p.institution == "" || !people[unit] || utf8.RuneCountInString(name) > 5 ||
		!members[name] && !p.bareNoun(name) || strings.Contains(name, p.institution) {
		return name
	}
	return p.institution + name
}

// lastWord returns the last word of s (with the segmenter; else its last
// two characters): 禁止生产和使用厚度 → 厚度.
func (p *paragraph) lastWord(s string) string {
	if s == "" {
		return ""
	}
	if p.seg == nil {
		r := []rune(s)
		return string(r[max(0, len(r)-2):])
	}
	words := p.tag(s)
	return words[len(words)-1].Text
}

// lastSubjectAny returns the last subject of the paragraph, or "".
func (p *paragraph) lastSubjectAny() string {
	if len(p.subjects) == 0 {
		return ""
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

// restoreHead puts back a head noun left out in a list: after 粮食播种面积
// 8884公顷 and 油菜籽播种面积667公顷, 蔬菜7275公顷 is 蔬菜播种面积. The head is
// the common ending of the two previous names with the same unit, the
// nearest in the same sentence (公开政府信息320条。…图文65条 is not 图文信息). Parts of a
// group named before 中 keep their names: 医院中，公立医院41个.
func (p *paragraph) restoreHead(name, unit string) string {
	// a name of more than 16 bytes has more than four characters: most are
	// not counted
	if len(name) > 4*utf8.UTFMax || utf8.RuneCountInString(name) > 4 || p.seg == nil || p.among {
		return name
	}
	var prev []string
	for k := len(p.subjects) - 1; k >= 0 && len(prev) < 2; k-- {
		if p.units[k] == unit {
			if len(prev) == 0 && k < p.inSentence {
				return name // the list is in the sentence
			}
			prev = append(prev, p.subjects[k])
		}
	}
	if len(prev) < 2 {
		return name
	}
	head := p.wordsOf(prev[0], commonSuffix(prev[0], prev[1]))
	if utf8.RuneCountInString(head) < 2 || head == prev[0] || head == prev[1] || strings.Contains(name, head) {
		return name
	}
	if r, _ := decodeLastRune(head); strings.HasSuffix(name, string(r)) {
		return name // 合格率…，优良率: a name of the same kind has its own head
	}
	for _, w := range p.tag(name) {
		if strings.HasPrefix(w.Pos, "v") {
			return name // 予以公开 is an action of its own, not a bare item of a list
		}
	}
	if words := p.tag(head); len(words) > 1 && strings.HasPrefix(words[len(words)-1].Pos, "v") {
		return name // 开展督查: items share a noun (播种面积, 收入), not an action
	}
	for i := range name {
		if i > 0 && utf8.RuneCountInString(name[i:]) >= 2 && strings.HasPrefix(head, name[i:]) {
			return name[:i] + head // 农村居民 + 居民人均可支配收入: the words they share once
		}
	}
	return name + head
}

// wordsOf returns the longest ending of tail, itself an ending of name, that
// starts at a word of name or is one word: the 级公路 of 三级公路 and 四级公路
// is 公路, the 学校 of 普通高等学校 stays.
func (p *paragraph) wordsOf(name, tail string) string {
	if words := p.tag(tail); len(words) == 1 {
		return tail
	}
	start := len(name) - len(tail)
	off := 0
	for _, w := range p.tag(name) {
		if off >= start {
			return name[off:]
		}
		off += len(w.Text)
	}
	return ""
}

// commonSuffix returns the longest common ending of a and b, in whole runes.
func commonSuffix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := decodeLastRune(a[:len(a)-n])
		rb, _ := decodeLastRune(b[:len(b)-n])
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
var trailingChange = regexp.MustCompile(`(?:同比|环比|(?:比|较)(?:上年|去年)(?:同期|末)?)?(?:年均|年平均|平均)?(?:净增|净减|净?(?:增长|下降|增加|减少|提高|降低|上升|上涨))$`)

// changeEnds are the last characters of the verbs of trailingChange.
var changeEnds = chars.NewSet("增减长降加少高低升涨")

// withoutChange turns the subject of 高技术制造业增加值增长7.4%，占…的比重为71.6%
// back into 高技术制造业增加值 before a second predicate is added to it.
func withoutChange(subject string) string {
	// A change is at most 10 characters (比上年同期年平均增长): match only the
	// tail, since the regexp would try a match at every position.
	if last, _ := decodeLastRune(subject); !changeEnds.Has(last) {
		return subject // the regexp's every match ends in one of these
	}
	tail := max(0, len(subject)-12*utf8.UTFMax)
	for tail > 0 && !utf8.RuneStart(subject[tail]) {
		tail--
	}
	if loc := trailingChange.FindStringIndex(subject[tail:]); loc != nil && tail+loc[0] > 0 {
		return subject[:tail+loc[0]]
	}
	return subject
}

func lastN(s []string, n int) []string {
	if n > len(s) {
		n = len(s)
	}
	return s[len(s)-n:]
}

// rowLabel returns the label of a table row flattened to one line with tabs
// or bars (自然资源	58	33.7%, | 规章 | 12件 |): the nearest cell before q
// that has words and is not a figure itself.
func (p *paragraph) rowLabel(q quantity.Quantity) string {
	var cells [][2]int // the cells before q, as offsets
	from := p.start
	for i := p.start; i < q.Start; {
		r, size := decodeRune(p.text[i:])
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
	if len(cells) < 2 && !chars.ContainsAny(p.text[p.start:p.end], "\t|") {
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
