package indicator

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// Stage 5, clean-up: what a name keeps of the words around its figure.

// The word lists of clean-up (words.tsv says what each is for).
var (
	// phraseStarts are the first characters of prepositions and of pronouns
	// for the issuer (对 向 在 针对 按照 通过 … 我市 该区 本县).
	phraseStarts = charsOf(lists.Chars("phrase-start"))
	// loneStarts are prepositions that may stand alone before a count whose
	// noun follows: 对23个重点项目开展评价, 向12家企业发放补贴.
	loneStarts = lists.Chars("lone-preposition")
	// scopeAdverbs sum up what the words before them did: 热线共受理群众诉求.
	scopeAdverbs = lists.Of("sum-adverb")
	// scopeAdverbEnds are their last characters: words without any of them
	// have none of the adverbs.
	scopeAdverbEnds = lastChars(scopeAdverbs)
	// scopeTimes may stand before a summing adverb: 柳河县全年共办理.
	scopeTimes   = lists.Of("sum-scope")
	issuerPlaces = lists.Chars("issuer-place")
	leadWords    = lists.Of("lead")
	tailWords    = lists.Of("tail")
	// leadStarts and tailEnds are the characters a lead word starts with and
	// a tail word ends with: a name that starts or ends otherwise is not
	// looked up in each of the hundred and more words.
	leadStarts  = firstChars(leadWords)
	leadFirsts  = firstRunes(leadWords)
	tailEnds    = lastChars(tailWords)
	changeVerbs = lists.Of("change")
	keepsWei    = lists.Chars("keeps-wei")
	keepsJun    = lists.Chars("keeps-jun")
	keepsDa     = lists.Chars("keeps-da")
	afterLeads  = lists.Of("after-lead")
	// frameVerbs open a phrase of purpose or means before the act counted:
	// 聚焦重点领域开设专栏.
	frameVerbs = lists.Of("frame-verb")
	// actVerbs are the acts counted after such a phrase: 开设, 发布, 办理.
	actVerbs = lists.Of("act-verb")
	// frameStarts are the characters a frame verb starts with.
	frameStarts = firstChars(frameVerbs)
	// levelCopulas make a second figure the level a change reached:
	// 净增3.2万户、突破41万户.
	levelCopulas = lists.Set("level-copula")
)

// dropScope drops a summing adverb inside a name, with a scope of time or
// place before it, when a verb follows: 市12345热线共受理群众诉求 →
// 市12345热线受理群众诉求, 柳河县全年共办理… → 柳河县办理…. The doer before it
// stays (石门区累计完成… names the district's figure); 共 must be the adverb,
// not part of a word (公共, 共享).
func (p *paragraph) dropScope(before string) string {
	words := p.tag(before)
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

// hasAnyChar reports whether a character of s is in set.
func hasAnyChar(s string, set *charSet) bool {
	for i := 0; i < len(s); { // decodeRune costs less than a range loop
		r, size := decodeRune(s[i:])
		if set.Has(r) {
			return true
		}
		i += size
	}
	return false
}

// hasAnyWord reports whether s contains one of words.
func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// dropFrame drops a phrase of purpose or means that a frame verb opens, up
// to the act counted, the last act verb (with one right before it: 发布解读):
// 聚焦全县经济发展、城乡建设等重点领域开设 → 开设, 依托政务服务平台办理业务 →
// 办理业务. The act must come after the phrase's list (…、…等), and before
// any 的 (围绕…开展的调研 names what was done): else the words stay.
func dropFrame(before, frame string) string {
	at := -1
	for _, v := range actVerbs {
		if k := strings.LastIndex(before, v); k > len(frame) && k > at {
			at = k
		}
	}
	if at < 0 {
		return before
	}
	for _, v := range actVerbs {
		if k := at - len(v); k > len(frame) && before[k:at] == v {
			at = k
			break
		}
	}
	if chars.ContainsAny(before[at:], "、等的") {
		return before
	}
	return before[at:]
}

// dropPreposition joins the words before and after a figure, without a
// leading prepositional phrase of before when a verb with an object follows:
// 针对具体案件召开 + 协调会 → 召开协调会, 在政府网站发布政务信息 → 发布政务信息.
// A lone preposition whose object holds the figure goes: 对 + 领导干部进行经济责任审计.
func (p *paragraph) dropPreposition(before, after string) string {
	if first, _ := decodeRune(before); frameStarts.Has(first) {
		for _, v := range frameVerbs {
			if strings.HasPrefix(before, v) {
				return dropFrame(before, v) + after
			}
		}
	}
	if p.seg == nil || before == "" {
		return before + after
	}
	if first, size := decodeRune(before); size == len(before) && after != "" && strings.ContainsRune(loneStarts, first) {
		return after // 对23个重点项目开展评价: the figure holds the whole object
	}
	if hasAnyChar(before, scopeAdverbEnds) && hasAnyWord(before, scopeAdverbs) {
		before = p.dropScope(before) // tagging only where an adverb is: 总 alone is in 总量, 总额
	}
	if first, _ := decodeRune(before); !phraseStarts.Has(first) {
		return before + after // tagging costs more than the rest of naming: only where it may help
	}
	words := p.tag(before)
	if len(words) < 2 {
		return before + after
	}
	if r, _ := decodeLastRune(words[0].Text); words[0].Pos == "r" && strings.ContainsRune(issuerPlaces, r) &&
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
		if r, _ := decodeRune(w.Text); w.Pos == "x" && unicode.Is(unicode.Han, r) {
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
	titles       = regexp.MustCompile(`《[^》]*》(?:[和与及、]?《[^》]*》)*(?:等[^级次]|等$)?`)
	examples     = regexp.MustCompile(`(?:“[^“”]{1,20}”[、和及与]?)+等`)
	rateAlias    = regexp.MustCompile(`(?:比重|比例)\s*[（(]([^()（）]{2,15}率)[)）]\s*(?:为|达到|达)?\s*$`)
	parens       = regexp.MustCompile(`[(（][^()（）]{0,20}[)）]`)
	scopeNote    = regexp.MustCompile(`^[(（](?:含|不含|包括|包含)[^()（）]+[)）]$`)
	placeClasses = regexp.MustCompile(`^[(（](?:` + alternatives("place-class") + `)(?:[、，,/](?:` + alternatives("place-class") + `))*[)）]$`)
	yearStart    = regexp.MustCompile(`^(?:(?:截至|截止到?|到)\s*)?[0-9０-９]{4}\s*年度?(?:[0-9０-９]{1,2}月)?[底末]?`)
	yearEnd      = regexp.MustCompile(`(?:由|从)?(?:[0-9０-９]{4}\s*年(?:末|底|度)?|原来)的?$|(?:由|从)(?:法定|承诺|以往|过去|去年|上年)的?$`)
	conjunction  = regexp.MustCompile(`[和及与、]`)
	ordinals     = regexp.MustCompile(`^第([一二三四五六七八九十](?:、[一二三四五六七八九十])+)(\p{Han}.*)$`)
	levels       = regexp.MustCompile(`^([^、]{1,3}(?:、[^、]{1,3})+)[两二三四五]级$`)
	boundInName  = regexp.MustCompile(`(?:一般|原则上|最高|最多)?(?:不超过|不高于|不低于|不少于|不多于)\p{Han}{2,}$`)
	issuerYear   = regexp.MustCompile(`^\p{Han}{2,30}?(?:局|委员会|委|厅|办公室|院|政府|中心|公司|集团|署|处|所|站|街道|镇|乡|县|区|市|省)\s*[0-9０-９]{4}\s*年度?`)
	issuer       = regexp.MustCompile(`^(?:我|本|该)(?:` + alternatives("issuer-organ") + `)`)
	evaluation   = regexp.MustCompile(`(?:` + alternatives("evaluation") + `)中`)
	amongPeers   = regexp.MustCompile(`^\s*(?:在|于)(全[省市国区县州]|省内|市内)?[^，。]*中(?:排名|排位|排|位居|位列|居|列)`)
)

// hasYearDigit reports whether s has a digit a year can be written with. It
// looks at each byte, and decodes only the characters that start as a
// full-width digit does.
func hasYearDigit(s string) bool {
	for i := range len(s) {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			return true
		case c == "０"[0]: // the first byte of every full-width form: ０-９, and ，％…
			if r, _ := decodeRune(s[i:]); chars.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// charSet is a set of characters looked up with one bit test, for the sets
// of dozens of characters (the first or last characters of a word list)
// that a character of every name is looked up in: chars.Set compares a
// Chinese character with each of its characters in turn.
type charSet struct {
	bmp   [1 << 16 / 64]uint64 // bit r of the Basic Multilingual Plane
	other []rune
}

// Has reports whether r is in the set.
func (set *charSet) Has(r rune) bool {
	if 0 <= r && r < 1<<16 {
		return set.bmp[r/64]&(1<<(r%64)) != 0
	}
	return slices.Contains(set.other, r)
}

// add adds r to the set.
func (set *charSet) add(r rune) {
	if 0 <= r && r < 1<<16 {
		set.bmp[r/64] |= 1 << (r % 64)
	} else if !slices.Contains(set.other, r) {
		set.other = append(set.other, r)
	}
}

// charsOf returns the set of the characters of s.
func charsOf(s string) *charSet {
	set := new(charSet)
	for _, r := range s {
		set.add(r)
	}
	return set
}

// firstChars returns the set of the first characters of words.
func firstChars(words []string) *charSet {
	set := new(charSet)
	for _, w := range words {
		r, _ := decodeRune(w)
		set.add(r)
	}
	return set
}

// firstRunes returns the first character of each of words.
func firstRunes(words []string) []rune {
	firsts := make([]rune, len(words))
	for i, w := range words {
		firsts[i], _ = utf8.DecodeRuneInString(w)
	}
	return firsts
}

// lastChars returns the set of the last characters of words.
func lastChars(words []string) *charSet {
	set := new(charSet)
	for _, w := range words {
		r, _ := decodeLastRune(w)
		set.add(r)
	}
	return set
}

// issuerStarts are the first characters of the words for the issuer (我局,
// 本机关), and numeralStarts those of the years and ordinals that clean
// looks for before a name of Chinese characters.
var (
	issuerStarts  = chars.NewSet("我本该")
	numeralStarts = chars.NewSet("截到一二三四五六七八九十")
)

// isHan reports whether r is a Chinese character, with a quick test for
// the ideographs most are.
func isHan(r rune) bool {
	return isIdeograph(r) || unicode.Is(unicode.Han, r)
}

// isLetter is unicode.IsLetter, with a quick test for the ideographs most
// characters of a name are.
func isLetter(r rune) bool {
	return isIdeograph(r) || unicode.IsLetter(r)
}

// clean strips what is not part of a name: footnote markers, 《titles》,
// short parentheses, years, text ordinals, scope words and copulas.
func clean(s string) string {
	s = trimPunct(removeMarks(s))
	for changed := true; changed; {
		changed = false
		first, _ := decodeRune(s)
		if !hasYearDigit(s) {
			// the regexp has no literal to look for first, and needs a year
		} else if loc := issuerYear.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			s, changed = s[loc[1]:], true // 上海市普陀区规划和自然资源局2024年度收入支出总计: the issuer and the year
		}
		if issuerStarts.Has(first) {
			if loc := issuer.FindStringIndex(s); loc != nil {
				s, changed = s[loc[1]:], true // 我局, 本机关: the issuer says nothing about what is counted
			}
		}
		if !isHan(first) || numeralStarts.Has(first) {
			// the regular expressions only where they may match: most names start with a word
			if loc := yearStart.FindStringIndex(s); loc != nil {
				s, changed = s[loc[1]:], true
			}
			if end := ordinalEnd(s); end >= 0 {
				s, changed = s[end:], true
			}
		}
		if strings.HasSuffix(s, "年") || strings.HasSuffix(s, "的") || strings.HasSuffix(s, "末") || strings.HasSuffix(s, "底") || strings.HasSuffix(s, "度") || strings.HasSuffix(s, "来") {
			if loc := yearEnd.FindStringIndex(s); loc != nil {
				s, changed = s[:loc[0]], true // 地区生产总值由2017年的1,856亿元; 由2020年的 alone
			}
		}
		if t := trimLeads(s); t != s {
			s, changed = t, true
		}
		if k := strings.Index(s, "期间"); k > 0 && utf8.RuneCountInString(s[k:]) > 3 {
			s, changed = s[k+len("期间"):], true // 人大二次会议期间代表提出的建议: a span of time, like 全年
		}
		tail := "" // the longest: 不超过, not the 超过 of it
		if last, _ := decodeLastRune(s); tailEnds.Has(last) {
			for _, w := range tailWords {
				if len(w) > len(tail) && strings.HasSuffix(s, w) && !partOfWord(s, w) {
					tail = w
				}
			}
		}
		if tail != "" {
			s, changed = s[:len(s)-len(tail)], true
		}
		// 裁员率不超过企业职工总数: the base of a limit. Every bound has a 不,
		// which spares the regexp (it tries every position) the other names.
		if strings.Contains(s, "不") {
			if loc := boundInName.FindStringIndex(s); loc != nil && loc[0] > 0 {
				s, changed = s[:loc[0]], true
			}
		}
		if t := trimPunct(s); t != s {
			s, changed = t, true
		}
	}
	if !strings.ContainsFunc(s, isLetter) {
		return "" // +, —: no words, no name
	}
	return s
}

// trimLeads trims the lead words that start s, each in the order of
// leadWords (but not the 其 of 其他).
func trimLeads(s string) string {
	first, _ := decodeRune(s)
	if !leadStarts.Has(first) {
		return s
	}
	for i, w := range leadWords {
		// a word that starts otherwise is no prefix: most are passed by
		// comparing their first characters
		if leadFirsts[i] == first && strings.HasPrefix(s, w) && !(w == "其" && strings.HasPrefix(s, "其他")) {
			s = s[len(w):]
			first, _ = decodeRune(s)
		}
	}
	return s
}

// footnoteMarks are the characters a footnote marker may start with: one
// look at each character of a name, where chars.ContainsAny would search
// the name once for each of them.
var footnoteMarks = chars.NewSet("[［〔*①②③④⑤⑥⑦⑧⑨⑩")

// markLeads are the first bytes of the characters that open what
// removeMarks removes: a name without any of them, as most are, is passed
// with one look at each byte (no Han character starts with one).
var markLeads = leadBytes("[［〔*①②③④⑤⑥⑦⑧⑨⑩《”(（")

// leadBytes returns the set of the first bytes of the characters of s.
func leadBytes(s string) *[256]bool {
	var set [256]bool
	for _, r := range s {
		set[string(r)[0]] = true
	}
	return &set
}

// hasLead reports whether a byte of s is in leads.
func hasLead(s string, leads *[256]bool) bool {
	for i := range len(s) {
		if leads[s[i]] {
			return true
		}
	}
	return false
}

// removeMarks removes footnote markers, 《titles》, quoted examples before 等
// and short parentheses. The
// cheap checks first spare the regular expressions on most names.
func removeMarks(s string) string {
	if !hasLead(s, markLeads) {
		return s
	}
	if strings.ContainsFunc(s, footnoteMarks.Has) {
		s = footnote.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "《") {
		// 开设《A》《B》等专栏 → 开设专栏, but the 等次 of 《A》等次 stays
		s = titles.ReplaceAllStringFunc(s, func(t string) string {
			if r, size := decodeLastRune(t); r != '》' && r != '等' {
				return t[len(t)-size:]
			}
			return ""
		})
	}
	if strings.Contains(s, "”等") {
		// 组织“宪法进万家”“法律明白人”等主题活动 → 组织主题活动, but not the 等 of
		// “优秀”等次
		for _, loc := range slices.Backward(examples.FindAllStringIndex(s, -1)) {
			if r, _ := decodeRune(s[loc[1]:]); r != '次' && r != '级' {
				s = s[:loc[0]] + s[loc[1]:]
			}
		}
	}
	if chars.ContainsAny(s, "(（") {
		s = parens.ReplaceAllStringFunc(s, func(paren string) string {
			if placeClasses.MatchString(paren) || scopeNote.MatchString(paren) {
				// 县（市、区）, 村（社区）: one term for the places of a level;
				// 特殊教育（含随班就读）: what the name takes in
				return paren
			}
			return ""
		})
	}
	return s
}

// partOfWord reports whether the copula 为 or 是, or the adverbs 均 and 达,
// ending s belongs to a word: 行为, 作为, 认为, 平均, 人均, 下达 keep it,
// 失业率为 does not.
func partOfWord(s, w string) bool {
	prev, _ := decodeLastRune(s[:len(s)-len(w)])
	switch w {
	case "为", "是":
		return strings.ContainsRune(keepsWei, prev)
	case "均":
		return strings.ContainsRune(keepsJun, prev) // 平均, 人均: the average, not "all"
	case "达":
		return strings.ContainsRune(keepsDa, prev) // 下达, 到达: a verb of its own
	}
	return false
}

// cleanAfter keeps the noun phrase after a count: 29个重点行政执法系统修订… .
func cleanAfter(s string) string {
	s = trimPunct(removeMarks(s))
	for _, w := range afterLeads {
		s = strings.TrimPrefix(s, w) // 98%的群众 → 群众
	}
	return trimPunct(s)
}

// trimSpace is strings.TrimSpace, which it calls only when an end of s may
// be a space: the words of a report start and end with ideographs, marks
// (。，%) and digits, and strings.TrimSpace looks them up in the Unicode
// tables.
func trimSpace(s string) string {
	first, _ := decodeRune(s)
	last, _ := decodeLastRune(s)
	if notSpace(first) && notSpace(last) {
		return s
	}
	return strings.TrimSpace(s)
}

// notSpace reports whether r is an ASCII character after the space or a
// character after U+3000 (the ideographs, full-width marks): none of them
// is a space. It is false for the other characters, which may be one.
func notSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' '
	}
	return r > '\u3000'
}

// isIdeograph reports whether r is a CJK Unified Ideograph, as most
// characters of a report are: no space, no punctuation, a letter of Han.
func isIdeograph(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF
}

// trimPunct trims spaces and punctuation except quotes that still enclose something.
func trimPunct(s string) string {
	trimmed := func(r rune) bool {
		if isIdeograph(r) {
			return false // as most are: spare the Unicode tables
		}
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && !strings.ContainsRune("“”\"《》", r))
	}
	for s != "" { // strings.TrimLeftFunc decodes with utf8.DecodeRuneInString
		r, size := decodeRune(s)
		if !trimmed(r) {
			break
		}
		s = s[size:]
	}
	for s != "" {
		r, size := decodeLastRune(s)
		if !trimmed(r) || (r == '）' || r == ')') && chars.ContainsAny(s, "（(") {
			break // 示范村（社区）: the parenthesis closes one of the name
		}
		s = s[:len(s)-size]
	}
	for strings.HasPrefix(s, "”") { // strings.TrimLeft with a cutset costs more
		s = s[len("”"):]
	}
	for strings.HasSuffix(s, "“") {
		s = s[:len(s)-len("“")]
	}
	return s
}
