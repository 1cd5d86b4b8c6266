package measure

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// Figure is one figure of a text to read: where it is, its unit, and what
// the stages before found about it.
type Figure struct {
	Start, End int      // byte offsets of the figure in the text
	Unit       string   // 元, %, 个百分点 …
	Rank       bool     // a rank (第5位), which is always a level
	Name       string   // the indicator's name (地区生产总值增长), in simplified characters
	Headings   []string // the headings it sits under, outermost first
}

// Change says that a figure is a change against a base.
type Change struct {
	Direction string // up, down or flat
	Base      string // 上年, 上年同期, 上年末, 全省平均水平 …; "" when the text does not say
}

// Reading is what kind of figure a Figure is.
type Reading struct {
	Change   *Change // nil for a level
	Target   bool    // a goal, plan or limit rather than a result
	Baseline bool    // the level a from…to change starts at (从2.1%提高到2.5%: 2.1)
	Year     int     // the year a baseline or target is of, when the text says
	Rule     string  // the rule that decided change or level, then the target rule, if any
}

// String writes a reading the way the rule table's examples say it:
// "level", "change up 上年", "baseline 2020", "level target 2027".
func (r Reading) String() string {
	var s string
	switch {
	case r.Baseline:
		s = "baseline"
	case r.Change != nil:
		s = strings.TrimSpace("change " + r.Change.Direction + " " + r.Change.Base)
	default:
		s = "level"
	}
	if r.Target {
		s += " target"
	}
	if r.Year != 0 {
		s += " " + strconv.Itoa(r.Year)
	}
	return s
}

// Read says for each figure of text whether it is a level, a change or the
// baseline of a change, and whether it is a target. figs are in text order;
// reportYear (0 when unknown) is the year the document reports on, against
// which 到2025年 is in the future or not.
func Read(text string, figs []Figure, reportYear int) []Reading {
	v := load()
	out := make([]Reading, len(figs))
	found := &wordIndex{v: v, text: text}
	sentences := &sentenceStarts{text: text}
	clauses := &marksBefore{text: text, set: clauseSet}
	rows := &marksBefore{text: text, set: rowMarks}
	ahead := &marksBefore{text: text, set: aheadMarks}
	headings := &headingKinds{of: map[string]headingKind{}}
	c := &clause{} // one for all figures: the rules' function values would move each to the heap
	for i, f := range figs {
		*c = clause{v: v, text: text, fig: f, reportYear: reportYear, found: found, sentences: sentences,
			clauses: clauses, rows: rows, ahead: ahead, headings: headings}
		c.locate(figs, i)
		if i > 0 && c.joined && sameClause(text, figs[i-1].End, f.Start) {
			c.prev = &out[i-1]
		}
		r := &out[i]
		for _, rl := range changeRules {
			if rl.match(c, r) {
				r.Rule = rl.name
				break
			}
		}
		for _, rl := range targetRules {
			if rl.match(c, r) {
				r.Target = true
				r.Rule += ", " + rl.name
				if r.Year == 0 {
					r.Year = c.targetYear()
				}
				break
			}
		}
	}
	return out
}

// clause is the text around one figure.
type clause struct {
	v          *vocab
	text       string
	fig        Figure
	reportYear int
	slot       string // from the previous figure of the clause, or the clause start, to the figure
	pred       string // slot without the qualifiers at its end (分别, 约, 达到, 为 …)
	before     string // from the clause start to the figure
	tail       string // from the figure to the next figure or the end of the clause
	lead       string // from the sentence start to the figure
	leadStart  int    // where lead starts in text
	found      *wordIndex
	sentences  *sentenceStarts
	clauses    *marksBefore // of clauseSet
	rows       *marksBefore // of rowMarks
	ahead      *marksBefore // of aheadMarks
	headings   *headingKinds
	joined     bool     // the slot only joins the figure to the one before (、 和 及)
	prev       *Reading // the reading of that figure
}

// clauseMarks end a clause; parentheses too, since a figure in them is an
// aside (含新制定4件).
const clauseMarks = "，,；;：:。！？!?\n\t|｜（）()"

func (c *clause) locate(figs []Figure, i int) {
	text, f := c.text, c.fig
	start := c.clauses.endBefore(f.Start)
	slotStart := start
	if i > 0 && figs[i-1].End > slotStart && figs[i-1].End <= f.Start {
		slotStart = figs[i-1].End
	}
	c.before = text[start:f.Start]
	c.slot = trimSpace(text[slotStart:f.Start])
	c.pred = c.trimQualifiers(c.slot)
	end := len(text)
	if k := clauseSet.index(text[f.End:]); k >= 0 {
		end = f.End + k
	}
	if i+1 < len(figs) && figs[i+1].Start >= f.End && figs[i+1].Start < end {
		end = figs[i+1].Start
	}
	c.tail = trimSpace(text[f.End:end])
	c.leadStart = c.sentences.of(f.Start)
	c.lead = text[c.leadStart:f.Start]
	c.joined = slotStart > start && listJoiner(c.slot)
}

var clauseSet = newMarkSet(clauseMarks)

// sameClause reports whether no clause mark stands between two offsets.
func sameClause(text string, from, to int) bool {
	return from <= to && clauseSet.index(text[from:to]) < 0
}

// listJoiner reports whether s only joins two figures: 、 和 及 与 or nothing.
func listJoiner(s string) bool {
	switch trimSpace(s) {
	case "", "、", "和", "及", "与", "與", "以及", ",", "，":
		return true
	}
	return false
}

// trimSpace is strings.TrimSpace, which decodes the first and the last
// character of a string that starts with one not ASCII, to ask
// unicode.IsSpace. A string that starts and ends with a character from
// U+4000 on, as a Chinese one does, has no space at either end.
func trimSpace(s string) string {
	if len(s) > 0 && s[0] >= 0xe4 && s[0] <= 0xef && endsHigh(s) {
		return s
	}
	return strings.TrimSpace(s)
}

// endsHigh reports whether s ends with the three bytes of a character from
// U+4000 on (first byte E4 to EF), as Chinese ones are, or with three that
// utf8.DecodeLastRuneInString reads as utf8.RuneError: none of them is a
// space, quote or any other mark that a function given to
// strings.TrimRightFunc here trims (the last space is U+3000).
func endsHigh(s string) bool {
	n := len(s)
	return n >= 3 && s[n-3] >= 0xe4 && s[n-3] <= 0xef && s[n-2]&0xc0 == 0x80 && s[n-1]&0xc0 == 0x80
}

// sentenceStarts finds where the sentences of a text's figures start,
// asked in text order: the walk back from a figure stops at the figure
// asked before, whose sentence start it knows, so that a long sentence of
// many figures is walked once rather than once for each of them.
type sentenceStarts struct {
	text       string
	pos, start int // the offset asked before, and where its sentence starts
}

func (s *sentenceStarts) of(pos int) int {
	stop, stopStart := 0, 0
	if pos >= s.pos {
		stop, stopStart = s.pos, s.start
	}
	s.pos, s.start = pos, sentenceStart(s.text, pos, stop, stopStart)
	return s.start
}

// sentenceStart returns the offset where the sentence holding text[pos]
// starts: after 。！？ or a line break, except the break of a line that
// runs on (it ends after a comma, or mid-word in a long line of prose, as
// PDF text wraps at the page edge). stop is an offset at or before pos
// whose sentence is known to start at stopStart (0, 0 when none is known):
// a walk back that reaches stop finds no other start.
func sentenceStart(text string, pos, stop, stopStart int) int {
	for i := pos; i > stop; {
		k, size := sentenceMarks.lastIndex(text[stop:i])
		if k < 0 {
			break
		}
		k += stop
		if text[k] != '\n' || !runsOn(text, k) {
			return k + size
		}
		i = k
	}
	return stopStart
}

// sentenceMarks are where sentenceStart may find a sentence to start:
// chars.SentenceEnds and the line break (TestSentenceMarks).
var sentenceMarks = newMarkSet("。！？!?\n")

// runsOn reports whether the line that ends with the line break at
// text[end] runs on.
func runsOn(text string, end int) bool {
	line := text[:end]
	if !endsHigh(line) {
		line = strings.TrimRightFunc(line, func(r rune) bool { return r != '\n' && unicode.IsSpace(r) })
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune("，,、：:；;", r) {
		return true
	}
	if !unicode.Is(unicode.Han, r) && !unicode.IsDigit(r) {
		return false // a line that ends a sentence, or an empty one
	}
	line = strings.TrimLeftFunc(line[strings.LastIndexByte(line, '\n')+1:], unicode.IsSpace)
	return chars.ContainsAny(line, "，,；;") && utf8.RuneCountInString(line) >= 25
}

// trimQualifiers drops the words at the end of s that qualify a figure
// without saying what it is: 分别增长 → 增长 is not needed, but 增长约 → 增长,
// 增幅为 → 增幅, 提高了 → 提高.
func (c *clause) trimQualifiers(s string) string {
	for changed := true; changed; {
		changed = false
		if !endsHigh(s) {
			s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '“' || r == '"' })
		}
		for _, w := range c.v.endings(s) {
			if w.role == "qualifier" && strings.HasSuffix(s, w.text) && len(s) > len(w.text) && !(w.text == "均" && strings.HasSuffix(s, "人均")) {
				s, changed = s[:len(s)-len(w.text)], true
				break
			}
		}
	}
	return s
}

// endsWith returns the longest word of a role that s ends with.
func (c *clause) endsWith(s, role string) (word, bool) {
	return c.v.endings(s).of(s, role)
}

// startsWith returns the longest word of a role that s starts with.
func (c *clause) startsWith(s, role string) (word, bool) {
	for _, w := range c.v.words[role] {
		if strings.HasPrefix(s, w.text) {
			return w, true
		}
	}
	return word{}, false
}

// changeWord returns the direction of the verb or rate noun that s ends
// with, or "": the longest rate noun's, else the first of up, down and
// flat that s ends with, unless it ends with a word of not-change. The
// words it ends with are found in one pass over those it may end with.
func (c *clause) changeWord(s string) string {
	rate, found := "", false
	var up, down, flat, not bool
	for _, w := range c.v.endings(s) {
		if !strings.HasSuffix(s, w.text) {
			continue
		}
		switch w.role {
		case "rate":
			if !found {
				rate, found = w.means, true
			}
		case "up":
			up = true
		case "down":
			down = true
		case "flat":
			flat = true
		case "not-change":
			not = true
		}
	}
	switch {
	case found:
		return rate
	case not:
		return ""
	case up:
		return "up"
	case down:
		return "down"
	case flat:
		return "flat"
	}
	return ""
}

// base returns what the clause compares its figure with: 比上年 → 上年,
// 同比 → 上年同期, 较2022年 → 2022年, 高于全省平均水平 → 全省平均水平; "" when
// it says nothing. The comparison nearest the figure wins; a 与上年相比 at
// the start of the sentence holds for all its clauses.
func (c *clause) base() string {
	if b, _ := c.benchmark(); b != "" {
		return b
	}
	// 与上年相比，…: a comparison earlier in the sentence holds until a
	// semicolon starts the next item (…同比增长5.6%；一般公共预算收入…增长4.3%)
	lead := c.lead
	if k, size := semicolons.lastIndex(lead); k >= 0 {
		lead = lead[k+size:]
	}
	for _, s := range []string{c.before, lead} {
		if b := c.comparison(s); b != "" {
			return b
		}
	}
	return c.comparison(c.fig.Name)
}

var semicolons = newMarkSet("；;")

// yearBase is a comparison with a year, or with a budget or account of that
// year: 较2022年, 比2023年度, 比2024年预算执行数, 比2023年预算.
var yearBase = regexp.MustCompile(`(?:比|较|与|同|和)([0-9]{4}年度?(?:同期|末|底|(?:年初)?(?:预算执行数|预算数|预算|决算数|决算|执行数))?)`)

// compareChars are the characters every comparison has: 比, 较, 与, 同, 和
// before its base, or 同比 and 环比.
const compareChars = "比较与同和"

func (c *clause) comparison(s string) string {
	if !chars.ContainsAny(s, compareChars) {
		return ""
	}
	best, at, from := "", -1, 0
	for _, w := range c.v.words["base"] {
		if !strings.Contains(s, w.text) {
			continue // the fast search first: LastIndex has none
		}
		k := strings.LastIndex(s, w.text)
		if k+len(w.text) < at || k+len(w.text) == at && k >= from {
			continue // the nearest the figure wins, and of two there the longer (上年年初预算, not 年初预算)
		}
		if w.text != "同比" && w.text != "环比" {
			prev, _ := utf8.DecodeLastRuneInString(s[:k])
			if !strings.ContainsRune(compareChars, prev) {
				continue // 上年 in 上年度预算 is not a comparison
			}
		}
		best, at, from = w.means, k+len(w.text), k
	}
	if !strings.Contains(s, "年") {
		return best // the literal yearBase needs
	}
	if ms := yearBase.FindAllStringSubmatchIndex(s, -1); ms != nil {
		m := ms[len(ms)-1]
		if m[1] > at {
			// 2023年度 is 2023年, as 上年度 is 上年; 年底 is 年末
			best = strings.NewReplacer("年度", "年", "底", "末").Replace(s[m[2]:m[3]])
		}
	}
	return best
}

// benchmark finds 高于全省平均水平 right before the figure: the base and
// the direction.
func (c *clause) benchmark() (base, direction string) {
	for _, w := range c.v.words["diff"] {
		if !strings.Contains(c.pred, w.text) {
			continue // the fast search first: LastIndex has none
		}
		k := strings.LastIndex(c.pred, w.text)
		b := c.pred[k+len(w.text):]
		if n := utf8.RuneCountInString(b); n >= 2 && n <= 15 {
			return b, w.means
		}
	}
	return "", ""
}

// yearOf reads a year written before a baseline: 由2017年的 → 2017, 由去年的
// → the year before the report's.
var fromYear = regexp.MustCompile(`(?:从|由)([0-9]{4}年(?:末|底)?|去年|上年|上年末|去年底|去年末)?的?$`)

// targetYear returns the year a target is for: the last year written in
// its sentence before it, else in its headings.
func (c *clause) targetYear() int {
	for _, s := range append([]string{c.lead}, reverse(c.fig.Headings)...) {
		s = titles.ReplaceAllString(s, "")
		if ms := yearWord.FindAllStringSubmatch(s, -1); ms != nil {
			y, _ := strconv.Atoi(ms[len(ms)-1][1])
			return y
		}
	}
	return 0
}

var (
	yearWord   = regexp.MustCompile(`(?:^|[^0-9—\-–~～至])((?:19|20)[0-9]{2})年`)
	titles     = regexp.MustCompile(`《[^》]*》|[0-9]{4}\s*[—\-–~～至]\s*[0-9]{4}年?`)
	futureYear = regexp.MustCompile(`(?:^|[^截])(?:到|至)((?:19|20)[0-9]{2})年(底|末|[0-9]{1,2}月)?`)
)

func reverse(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}

// hasWord returns the end offset of the last word of a role in s that is not
// part of a longer word of the role's exceptions, or -1.
func (c *clause) hasWord(s, role, except string) int {
	last := -1
	for _, w := range c.v.words[role] {
		for from := 0; ; {
			k := strings.Index(s[from:], w.text)
			if k < 0 {
				break
			}
			k += from
			from = k + len(w.text)
			if c.inException(s, k, len(w.text), except) {
				continue
			}
			last = max(last, k+len(w.text))
		}
	}
	return last
}

// leadWord is hasWord(c.lead[from:], role, except) for a role of
// indexedRoles, with the end offset in c.lead.
func (c *clause) leadWord(from int, role, except string) int {
	end := c.found.last(c.leadStart+from, c.leadStart+len(c.lead), role, except)
	if end < 0 {
		return -1
	}
	return end - c.leadStart
}

// wordIndex is where the words of indexedRoles are in a text, found in one
// pass over it for all its figures: searching each figure's lead for each
// word cost more than the rest of Read.
type wordIndex struct {
	v    *vocab
	text string
	at   map[string][]span // by role, in order of start; nil until asked
}

type span struct{ start, end int }

// indexedRoles are the roles whose words a wordIndex finds.
var indexedRoles = []string{"cue", "not-cue", "reset"}

// spans returns where the words of a role are in the text, every
// occurrence of each.
func (x *wordIndex) spans(role string) []span {
	if x.at == nil {
		x.at = map[string][]span{}
		text := x.text
		for i, size := 0, 0; i < len(text); i += size {
			var r rune
			switch b := text[i]; {
			case b < utf8.RuneSelf:
				r, size = rune(b), 1
			case b&0xf0 == 0xe0 && i+2 < len(text) && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80:
				// A character of three bytes, as Chinese ones are, put
				// together without the checks of a decoder: a word's
				// UTF-8 is compared with the text's below, and no word
				// starts with a continuation byte.
				r, size = rune(b&0x0f)<<12|rune(text[i+1]&0x3f)<<6|rune(text[i+2]&0x3f), 3
			default:
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if !x.v.starts.has(r) {
				continue
			}
			for _, w := range x.v.startingWith[r] {
				if strings.HasPrefix(x.text[i:], w.text) {
					x.at[w.role] = append(x.at[w.role], span{i, i + len(w.text)})
				}
			}
		}
	}
	return x.at[role]
}

// within returns the spans of a role that start at from or after, up to
// the first that starts at to or after.
func (x *wordIndex) within(role string, from, to int) []span {
	s := x.spans(role)
	i, _ := slices.BinarySearchFunc(s, from, func(sp span, at int) int { return cmp.Compare(sp.start, at) })
	j, _ := slices.BinarySearchFunc(s[i:], to, func(sp span, at int) int { return cmp.Compare(sp.start, at) })
	return s[i : i+j]
}

// last is hasWord for text[from:to], with offsets in text.
func (x *wordIndex) last(from, to int, role, except string) int {
	last := -1
	for _, w := range x.within(role, from, to) {
		if w.end > to || w.end <= last || x.excepted(w, from, to, except) {
			continue
		}
		last = w.end
	}
	return last
}

// excepted is inException for the word at w in text[from:to].
func (x *wordIndex) excepted(w span, from, to int, role string) bool {
	if role == "" {
		return false
	}
	for _, e := range x.within(role, from, w.end) {
		if e.end <= to && (e.start <= w.start && w.end <= e.end || w.start <= e.start) {
			return true
		}
	}
	return false
}

// headingKinds remembers which headings of a text hold a word of
// result-heading or of plan-heading: the figures of a section share its
// headings, and searching them for every word again for each figure cost a
// tenth of Read.
type headingKinds struct {
	of   map[string]headingKind
	last []string    // the headings asked about before
	kind headingKind // whether any of them holds a word of each role
}

type headingKind struct{ result, plan bool }

// headingKind returns which roles' words a heading holds.
func (c *clause) headingKind(h string) headingKind {
	k, ok := c.headings.of[h]
	if !ok {
		k = headingKind{result: c.hasWord(h, "result-heading", "") >= 0, plan: c.hasWord(h, "plan-heading", "") >= 0}
		c.headings.of[h] = k
	}
	return k
}

// sectionKind returns whether any heading of the figure holds a word of
// result-heading, and whether any holds one of plan-heading. The figures
// of a section, asked in turn, share its headings.
func (c *clause) sectionKind() headingKind {
	hs := c.headings
	if slices.Equal(c.fig.Headings, hs.last) {
		return hs.kind
	}
	var k headingKind
	for _, h := range c.fig.Headings {
		hk := c.headingKind(h)
		k.result, k.plan = k.result || hk.result, k.plan || hk.plan
	}
	hs.last, hs.kind = c.fig.Headings, k
	return k
}

// inException reports whether the word at s[k:k+n] is part of a word of the
// exception role there (计划 in 计划生育, 目标 in 完成年度目标的).
func (c *clause) inException(s string, k, n int, role string) bool {
	for _, x := range c.v.words[role] {
		for from := 0; ; {
			j := strings.Index(s[from:], x.text)
			if j < 0 {
				break
			}
			j += from
			from = j + 1
			if j <= k && k+n <= j+len(x.text) || k <= j && j < k+n {
				return true
			}
		}
	}
	return false
}
