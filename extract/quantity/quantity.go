package quantity

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/fold"
	"github.com/gongwen/gongwen/extract/internal/words"
)

// sentenceBreaks and clauseBreaks end the words that qualify a figure
// (sentenceBefore, clauseBefore).
var (
	sentenceBreaks = chars.NewSet("。！？!?\n")
	clauseBreaks   = chars.NewSet("，。；：！？,;:!?\n")
)

// Quantity is a number with its unit as written in a text.
type Quantity struct {
	Text   string  // the span as written: "7.62亿余条", "394.8 亿元", "第5位", "百分之九十八点七"
	Value  float64 // in base units, scaled exactly: 16.4亿 → 1640000000
	Unit   string  // the measure word without magnitude, as written: 元, 件, 人次, %, 个百分点, 位, 噸
	Kind   string  // Count, Percent, Money, Rank or Measure
	Approx bool    // 余 多 约 近 超 逾 以上 左右 qualify the number
	// Range is set for a range written as one figure (5%—8%, 3至5年):
	// Low and High are its ends, and Value is Low.
	Range     bool
	Low, High float64
	// Start and End are byte offsets of Text in the input: input[Start:End] == Text.
	Start, End int
}

// match is what scan reads at one position, before the context is checked.
type match struct {
	q       Quantity
	bare    bool // an ordinal 第N with no 位 or 名: a rank only after 居, 排名 …
	chinese bool // the numeral is written in Chinese only (两部, 十余个)
	numEnd  int  // end of the numeral run, where a failed scan resumes
	numeral int  // numeralEnd at the start, for the rules that read a bare numeral
}

// Parse reads s as exactly one quantity: "49545件", "1.77亿元", "2500余人次",
// "百分之九十八点七", "第5位". Start is 0 and End is len(s).
func Parse(s string) (Quantity, bool) {
	folded := fold.String(s)
	m, ok := scan(folded, 0)
	if !ok || m.q.End != len(s) {
		return Quantity{}, false
	}
	return asWritten(m.q, s, folded), true
}

// scan reads a quantity starting at s[i:] without looking at what surrounds it.
// On failure numEnd still tells how far the numeral reached (at least one rune).
func scan(s string, i int) (match, bool) {
	start := i
	m := match{numEnd: i + runeLen(s, i)}
	rank, percentWord := false, false
	switch {
	case strings.HasPrefix(s[i:], "第"):
		rank = true
		i += len("第")
	case strings.HasPrefix(s[i:], "百分之"):
		percentWord = true
		i += len("百分之")
	}
	j := numeralEnd(s, i)
	m.numeral = j
	if i != start {
		m.numeral = numeralEnd(s, start)
	}
	if j == i {
		return m, false
	}
	m.numEnd = j
	// 3千米 and 5兆瓦: the magnitude belongs to the unit.
	if r, size := utf8.DecodeLastRuneInString(s[i:j]); isMagnitude(r) && j-size > i {
		if u, _ := matchUnit(s, j-size); u != "" {
			j -= size
		}
	}
	k := j
	if !percentWord {
		k = skipSpaces(s, k)
		if r, _ := utf8.DecodeLastRuneInString(s[i:j]); (chars.IsDigit(r) || isBigUnit(r)) && k == j {
			// a PDF line break between a figure and its unit: 156⏎件, 0.82亿⏎元
			if n := lineBreak(s, k); n > 0 {
				if u, _ := matchUnit(s, k+n); u != "" {
					k += n
				}
			}
		}
	}
	approx := false
	magnitude := "" // 200余万元: a magnitude after 余
	if r, size := utf8.DecodeRuneInString(s[k:]); r == '余' || r == '多' {
		// 800余次, 3.5万余人次, 200余万元
		k2 := k + size
		for n := 0; n < 2 && k2 < len(s); n++ {
			r, size := utf8.DecodeRuneInString(s[k2:])
			if !isBigUnit(r) {
				break
			}
			k2 += size
		}
		if u, _ := matchUnit(s, k2); u != "" || k2 > k+size {
			approx = true
			magnitude = s[k+size : k2]
			k = k2
		}
	}
	var unit, kind string
	if percentWord {
		unit, kind = "%", Percent
		k = j
	} else {
		unit, kind = matchUnit(s, k)
		if unit != "" {
			k += len(unit)
			if per := perUnit(s, k); per != "" {
				unit += per // 8500元/平方米, 120元/吨
				k += len(per)
			}
		}
	}
	if rank {
		switch {
		case unit == "位" || unit == "名":
			kind = Rank
		case unit == "" && !approx:
			unit, kind, k, m.bare = "位", Rank, j, true
		default:
			m.numEnd = k // 第二次, 第三批: an ordinal, not a quantity
			return m, false
		}
	}
	if unit == "" {
		return m, false // checked before parsing: most numerals in a text have no unit
	}
	f, ok := plainValue(s[i:j])
	if !ok || magnitude != "" {
		v, ok := ParseNumber(s[i:j])
		if !ok {
			return m, false
		}
		if magnitude != "" {
			if scale, ok := ParseNumber("1" + magnitude); ok {
				v.Mul(v, scale)
			}
		}
		f, _ = v.Float64()
	}
	m.chinese = !strings.ContainsFunc(s[i:j], chars.IsDigit)
	m.q = Quantity{Text: s[start:k], Value: f, Unit: unit, Kind: kind, Approx: approx, Start: start, End: k}
	return m, true
}

// numeralEnd returns the end of the numeral starting at s[i:]: digits with
// separators and decimals, Chinese numerals, magnitudes, and spaces before a
// magnitude (394.8 亿元).
func numeralEnd(s string, i int) int {
	j := i
	if r, size := utf8.DecodeRuneInString(s[j:]); isMinus(r) {
		if r2, _ := utf8.DecodeRuneInString(s[j+size:]); !chars.IsDigit(r2) {
			return i
		}
		j += size
	}
	prev := rune(0)
	r, size := utf8.DecodeRuneInString(s[j:])
	for j < len(s) {
		next, nextSize := utf8.DecodeRuneInString(s[j+size:])
		switch {
		case superscript(r) >= 0 && (s[i:j] == "10" || superscript(prev) >= 0):
			// 10¹⁸次: a power of ten
		case isChineseDigit(r) && chars.IsDigit(next):
			return j + size // 队伍5支: a digit of a word, then a number
		case chars.IsDigit(r), isChineseNumber(r):
		case isDecimalPoint(r) && chars.IsDigit(prev) && chars.IsDigit(next):
		case isChinesePoint(r) && isChineseNumber(prev) && isChineseDigit(next):
		case isGroupComma(r) && chars.IsDigit(prev) && threeDigits(s, j+size):
		case (r == '\n' || r == '\r') && chars.IsDigit(prev):
			// a PDF line break between a figure and its magnitude: 93.6⏎亿元
			k := j + lineBreak(s, j)
			if r2, size2 := utf8.DecodeRuneInString(s[k:]); k > j && isBigUnit(r2) {
				j, prev = k, r
				r, size = r2, size2
				continue
			}
			return j
		case chars.IsSpace(r) && (chars.IsDigit(prev) || isChineseNumber(prev)):
			// a stray space before a magnitude: 394.8 亿元
			k := skipSpaces(s, j)
			if r2, size2 := utf8.DecodeRuneInString(s[k:]); isBigUnit(r2) {
				j, prev = k, r
				r, size = r2, size2
				continue
			}
			return j
		default:
			return j
		}
		prev = r
		j += size
		r, size = next, nextSize
	}
	return j
}

// lineBreak returns the length of the line break at s[i:] ("\n" or "\r\n"), or 0.
func lineBreak(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "\n"):
		return 1
	case strings.HasPrefix(s[i:], "\r\n"):
		return 2
	}
	return 0
}

// threeDigits reports whether s[i:] is a group of exactly three digits.
func threeDigits(s string, i int) bool {
	for n := 0; n < 3; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !chars.IsDigit(r) {
			return false
		}
		i += size
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !chars.IsDigit(r)
}

func skipSpaces(s string, i int) int {
	for n := 0; n < 3 && i < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !chars.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

func runeLen(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}

// Find returns every quantity in text, in order and without overlaps. The
// byte ranges [start, end) in skip hold none: extract passes the document
// numbers and dates it found (extract/docnum, extract/date), so that
// 〔2024〕3号 and 2024年5月1日 are never read as figures. 《titles》 and
// quoted slogans are masked too; years, text ordinals, codes (1+10+30,
// 5·12), ratios and numbers without a unit are not quantities.
func Find(original string, skip ...[2]int) []Quantity {
	// The rules read the text with traditional characters folded; the
	// quantities keep what is written.
	text := fold.String(original)
	mask := masked(text, skip)
	found := scratch.Get().(*[]Quantity)
	out := (*found)[:0]
	for i := 0; i < len(text); {
		for len(mask) > 0 && mask[0].end <= i {
			mask = mask[1:]
		}
		if len(mask) > 0 && mask[0].start <= i {
			i = mask[0].end
			continue
		}
		limit := len(text)
		if len(mask) > 0 {
			limit = min(mask[0].start, limit)
		}
		if i = nextStart(text, i, limit); i >= limit {
			continue // most characters: no quantity starts with them
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '首' || r == '万' || r == '亿' {
			q, ok := firstPlace(text, i)
			if !ok {
				q, ok = bareMagnitude(text, i)
			}
			if ok {
				out = append(out, q)
				i = q.End
				continue
			}
		}
		if !canStart(text, i, r) {
			i += size
			continue
		}
		m, scanned := scan(text, i)
		if q, ok := rangeAt(text, i, m, scanned); ok {
			out = append(out, q)
			i = q.End
			continue
		}
		if scanned && accept(text, m) {
			q := m.q
			q.Approx = q.Approx || approxAround(text, q.Start, q.End)
			out = append(out, q)
			i = q.End
			continue
		}
		if qs := listAt(text, i, m); qs != nil {
			out = append(out, qs...)
			i = qs[len(qs)-1].End
			continue
		}
		if q, ok := limitYears(text, i); ok {
			out = append(out, q)
			i = q.End
			continue
		}
		if q, ok := impliedMoney(text, i, m); ok {
			out = append(out, q)
			i = q.End
			continue
		}
		i = max(m.numEnd, i+size)
	}
	*found = out
	if cells := tableFigures(text); len(cells) > 0 {
		out = merge(out, cells)
	} else if len(out) > 0 {
		out = slices.Clone(out)
	} else {
		out = nil
	}
	clear(*found) // (its strings would keep the text alive)
	if cap(*found) <= maxScratch {
		scratch.Put(found)
	}
	if text != original {
		for k := range out {
			out[k] = asWritten(out[k], original, text)
		}
	}
	return out
}

// scratch holds the slices Find collects quantities in before it copies
// them to one of the right length: growing the result append by append
// cost more than reading most of the quantities. A slice that grew beyond
// maxScratch, for a rare long table, is left to the collector.
var scratch = sync.Pool{New: func() any { return new([]Quantity) }}

const maxScratch = 1024

// asWritten returns q, read from folded, with its text and unit as written
// in original: 1.3個百分點, not 1.3个百分点. A unit that is not part of the
// text (a table's 单位 column) is the nearest one written before it.
func asWritten(q Quantity, original, folded string) Quantity {
	q.Text = original[q.Start:q.End]
	if strings.HasSuffix(folded[q.Start:q.End], q.Unit) {
		q.Unit = original[q.End-len(q.Unit) : q.End]
	} else if i := strings.Index(folded[q.End:min(len(folded), q.End+40)], q.Unit); i >= 0 {
		q.Unit = original[q.End+i : q.End+i+len(q.Unit)] // 分別下降0.2、0.6和0.1個百分點
	} else if i := strings.LastIndex(folded[:q.Start], q.Unit); i >= 0 {
		q.Unit = original[i : i+len(q.Unit)]
	}
	return q
}

// merge returns the quantities of a and b in text order; where two overlap,
// the one of a stays.
func merge(a, b []Quantity) []Quantity {
	out := make([]Quantity, 0, len(a)+len(b))
	for len(a) > 0 || len(b) > 0 {
		switch {
		case len(b) == 0 || len(a) > 0 && a[0].Start <= b[0].Start:
			out, a = append(out, a[0]), a[1:]
		default:
			out, b = append(out, b[0]), b[1:]
		}
		last := out[len(out)-1]
		for len(a) > 0 && a[0].Start < last.End {
			a = a[1:]
		}
		for len(b) > 0 && b[0].Start < last.End {
			b = b[1:]
		}
	}
	return out
}

// startChars are the characters Find reads a quantity at: those canStart
// may accept, and the magnitudes that start 首位 or 万元 alone. Every other
// character costs Find a bit test (TestStartChars checks canStart against it).
var startChars = newBMPSet("0123456789０１２３４５６７８９-−－零〇○一壹弌二贰两弍三叁参弎四肆五伍六陆七柒八捌九玖十拾第百千首万亿")

// nextStart returns the offset of the first character at or after text[i:]
// that startChars has, walking the characters as utf8.DecodeRuneInString
// reads them, or the offset of the first character at or after end. It
// decodes a valid three-byte character, as nearly every Chinese one is,
// in place.
func nextStart(text string, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if startChars.has(rune(c)) {
				return i
			}
			i++
			continue
		}
		// (after E0 and ED, not every pair of continuation bytes is valid)
		if c >= 0xE1 && c <= 0xEF && c != 0xED && len(text)-i >= 3 {
			b := text[i : i+3]
			if b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80 {
				if startChars.has(rune(c&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F)) {
					return i
				}
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if startChars.has(r) {
			return i
		}
		i += size
	}
	return i
}

// bmpSet is a set of characters of the Basic Multilingual Plane, looked up
// by a bit test.
type bmpSet [0x10000 / 64]uint64

func newBMPSet(s string) *bmpSet {
	set := new(bmpSet)
	for _, r := range s {
		if r >= 0x10000 {
			panic("quantity: " + string(r) + " is outside the Basic Multilingual Plane")
		}
		set[r>>6] |= 1 << (r & 63)
	}
	return set
}

func (set *bmpSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && set[r>>6]&(1<<(r&63)) != 0
}

// canStart reports whether a quantity may start at text[i:].
func canStart(text string, i int, r rune) bool {
	switch {
	case chars.IsDigit(r):
		return !codeBefore(text[:i])
	case isMinus(r):
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		next, _ := utf8.DecodeRuneInString(text[i+len(string(r)):])
		return chars.IsDigit(next) && !chars.IsDigit(prev) && !isLatin(prev) && !isMinus(prev)
	case isChineseDigit(r) || r == '十' || r == '拾':
		if strings.ContainsRune(financialDigits, r) {
			// 队伍, 陆续, 肆意: a financial digit is a number only in a run (伍万元, 壹佰)
			next, _ := utf8.DecodeRuneInString(text[i+len(string(r)):])
			if !isChineseNumber(next) {
				return false
			}
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		return !isChineseNumber(prev)
	case r == '第':
		next, _ := utf8.DecodeRuneInString(text[i+len("第"):])
		return chars.IsDigit(next) || isChineseNumber(next)
	case r == '百' || r == '千':
		// 百分之九十, and 百余家 or 千余人, where the qualifier makes a number of it
		rest := text[i+len("百"):]
		return strings.HasPrefix(text[i:], "百分之") || strings.HasPrefix(rest, "余") || strings.HasPrefix(rest, "多")
	}
	return false
}

// financialDigits are the anti-fraud forms of the digits, which also occur
// in everyday words (队伍, 陆续, 拾金不昧).
const financialDigits = "壹贰叁参肆伍陆柒捌玖拾佰仟"

// codeBefore reports whether the text before a number makes it part of a
// code, ratio, range or identifier: 1+10, 5·12, 4.1:46.2, 2021-2025, PM2.5,
// P0202. A colon, slash or dash after a word is punctuation (申请:56件), and
// a plus sign there is the sign of a change (+3.2个百分点).
func codeBefore(before string) bool {
	prev, size := utf8.DecodeLastRuneInString(before)
	switch {
	case isLatin(prev) || chars.IsDigit(prev) || codeJoins.Has(prev):
		return true
	case codeMarks.Has(prev):
		prev2, _ := utf8.DecodeLastRuneInString(before[:len(before)-size])
		return chars.IsDigit(prev2) || isLatin(prev2)
	}
	return false
}

// codeJoins make a code of the number after them (5·12, #3); codeMarks do
// only after a digit or a letter (4.1:46.2, 2021-2025), and after a word
// are punctuation or a sign (申请:56件, +3.2个百分点).
var (
	codeJoins = chars.NewSet("·•_#@&=×*")
	codeMarks = chars.NewSet("+＋:：/／-－–—~～.．")
)

// codeNeighbours are the characters glued to a number that make it part of
// a code, a ratio, a range or an identifier: 1+10+30, 5·12, 4.1:46.2,
// 2021-2025.
var codeNeighbours = chars.NewSet("+＋·•.．:/／_-－–—~～#@&=×*")

// codeNeighbour reports whether a rune glued to a number makes it part of a
// code, a ratio, a range or an identifier: 1+10+30, 5·12, 4.1:46.2, 2021-2025, P0202.
func codeNeighbour(r rune) bool {
	return isLatin(r) || chars.IsDigit(r) || codeNeighbours.Has(r)
}

func isLatin(r rune) bool {
	return r < utf8.RuneSelf && unicode.IsLetter(r)
}

// The word lists the rules below read (words.tsv says what each is for).
var (
	limitAfter      = lists.Of("limit-after")
	durationGoesOn  = lists.Chars("duration-goes-on")
	durations       = lists.Set("duration")
	timeOfDay       = lists.Chars("time-of-day")
	percentGoesOn   = lists.Chars("percent-goes-on")
	ones            = lists.Set("one")
	vagueBefore     = lists.Chars("vague-before")
	phaseUnits      = lists.Set("phase-unit")
	phaseNotAfter   = lists.Chars("phase-not-after")
	phraseUnits     = lists.Set("phrase-unit")
	sessionNouns    = lists.Of("session-noun")
	countVerbs      = lists.Of("count-verb")
	reachVerbs      = lists.Of("reach-verb")
	listOpeners     = lists.Of("list-opener")
	listSeparators  = lists.Of("list-separator")
	moneyWords      = lists.Of("money-word")
	yearsBefore     = lists.Of("years-before")
	qualifiersAfter = lists.Of("qualifier-after")
	topicNouns      = lists.Of("topic-noun")
	sayingStarts    = lists.Chars("saying-start")
	sloganHeads     = lists.Of("slogan-head")
	timeChanges     = lists.Of("time-change")
	rankChangeUnits = lists.Of("rank-change-unit")
	rankChanges     = lists.Of("rank-change")
	placing         = lists.Of("placing")
	completes       = lists.Chars("completes")
	classBounds     = lists.Of("class-bound")
	classBoundsOf   = lists.Of("class-bound-of")
	upperBounds     = lists.Of("upper-bound")
	lowerBounds     = lists.Of("lower-bound")
	bounds          = slices.Concat(upperBounds, lowerBounds)
	scoreVerbs      = lists.Of("score-verb")
	scoreWeights    = lists.Of("score-weight")
	rankWords       = lists.Of("rank-word")
	rankScopes      = lists.Of("rank-scope")
	approxBefore    = lists.Of("approx-before")
	approxAfter     = lists.Of("approx-after")
	negations       = lists.Of("negation")
)

// The last characters of bounds, approxBefore and yearsBefore: a figure
// whose clause ends with none of them has none of the words before it; of
// durations, which most units do not end with (accept). And
// the first characters of classBounds and classBoundsOf, which the text
// after most figures does not start with.
var (
	boundEnds         = lastChars(bounds)
	approxBeforeEnds  = lastChars(approxBefore)
	yearsBeforeEnds   = lastChars(yearsBefore)
	durationEnds      = lastChars(lists.Of("duration"))
	classBoundStarts  = firstChars(slices.Concat(classBounds, classBoundsOf))
	approxAfterStarts = firstChars(approxAfter)
)

// lastChars returns the set of the last characters of words: a text that
// ends with none of them ends with none of the words.
func lastChars(words []string) *chars.Set {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeLastRuneInString(w)
		b.WriteRune(r)
	}
	return chars.NewSet(b.String())
}

// firstChars returns the set of the first characters of words: a text that
// starts with none of them starts with none of the words.
func firstChars(words []string) *chars.Set {
	var b strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
	}
	return chars.NewSet(b.String())
}

// accept checks the context of a scanned quantity.
func accept(text string, m match) bool {
	q := m.q
	next, _ := utf8.DecodeRuneInString(text[m.q.End:])
	afterNum, _ := utf8.DecodeRuneInString(text[m.numEnd:])
	if afterNum != utf8.RuneError && m.numEnd < len(text) && codeNeighbour(afterNum) && afterNum != '.' {
		// 1+10, 5·12, 4.1:46.2 — but "1.加强" is a list number and has no unit anyway.
		if n2, _ := utf8.DecodeRuneInString(text[m.numEnd+len(string(afterNum)):]); chars.IsDigit(n2) {
			return false
		}
	}
	if k := indexLineBreak(q.Text); k >= 0 && !proseBreak(text, q, k) {
		return false
	}
	if isLatin(next) && q.Kind != Percent {
		return false // 5G, 3D
	}
	if (q.Unit == "日") && !dayCount(text, q) {
		return false // 12月31日, 每月5日: a day of the month, not a number of days
	}
	if last, _ := utf8.DecodeLastRuneInString(q.Unit); durationEnds.Has(last) && durations[q.Unit] {
		// 20个工作日内完成审核 is a limit, a figure (extract/measure marks it a
		// target), like a time cut to one (压缩至五个工作日以内)
		_, limit := words.HasPrefix(text[q.End:], limitAfter)
		if !limit && unicode.Is(unicode.Han, next) && !strings.ContainsRune(durationGoesOn, next) {
			return false // 24小时服务, 7天无理由: a duration describing a noun (but 20个工作日压缩至…)
		}
	}
	if rankChange(text, q) {
		return false // 较上年提升3个位次: a change of rank, not a count
	}
	switch prev, _ := utf8.DecodeLastRuneInString(text[:q.Start]); {
	case prev == '前' && (q.Unit == "位" || q.Unit == "名" || q.Kind == Percent):
		return false // 进入全省前10名, 学科进入ESI全球前1%: a bound of a ranking, not a figure
	case prev == '满' && (q.Unit == "周岁" || q.Unit == "岁"):
		return false // 对年满60周岁的老年人: a criterion, not a figure
	}
	if q.Kind == Rank && placedFirst(text[:q.Start]) {
		return false // 把群众利益放在第一位 is a priority, not a rank
	}
	if q.Unit == "分" {
		if prev, _ := utf8.DecodeLastRuneInString(text[:q.Start]); strings.ContainsRune(timeOfDay, prev) {
			return false // 9时30分 is a time of day
		}
	}
	if threshold(text[q.End:]) || q.Kind == Money && classOf(text[q.End:]) {
		return false // 5000万元以上项目, 2000万元及以上的工业法人单位: a class, not a figure
	}
	// The clause before matters only after a bound, or for points and
	// shares (boundOfClass, rule): most figures need not read it.
	if q.Unit == "分" || q.Kind == Percent || afterBound(text[:q.Start]) {
		before := clauseBefore(text, q.Start)
		if boundOfClass(text, q, before) {
			return false // 超50万元的村, 收入均超过20万元, 17个所在编人员不足5人: a class, not a figure
		}
		if rule(before, q) {
			return false // 不超过总数的30%, 占20分, 分值占5%: a rule, not a figure reported
		}
	}
	if m.bare && !rankContext(text, q.Start, q.End) {
		return false
	}
	if q.Kind == Percent && (q.Unit == "%" || q.Unit == "％" || q.Unit == "‰") && unicode.Is(unicode.Han, next) &&
		!strings.ContainsRune(percentGoesOn, next) && !afterPredicate(text[:q.Start]) && q.Value != 100 {
		// but 100% before a verb says all of it (临床用血100%来自无偿献血)
		return false // 5‰人口变动抽样调查 names a survey
	}
	if m.chinese && q.Kind != Rank && !strings.HasPrefix(q.Text, "百分之") {
		return chineseCount(text, q)
	}
	if q.Kind == Count && q.Value == 1 {
		if _, ok := words.HasSuffix(strings.TrimRightFunc(text[:q.Start], chars.IsSpace), negations); ok {
			return false // 无1人感染, 没有1家企业停产: not a single one, a count of none
		}
	}
	return true
}

// indexLineBreak returns the index of the first \r or \n in s, or -1:
// strings.IndexAny, without its look-up of each character of a short s in
// the set.
func indexLineBreak(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return i
		}
	}
	return -1
}

// proseBreak reports whether a figure cut by a line break at q.Text[k:] is
// prose wrapped at the page edge (收入完成93.6⏎亿元，惠及职工1.8⏎万人, 办理156⏎件。):
// a word comes before the number, and the next line starts with the
// magnitude or with a unit that ends there. A table row ending in a bare
// cell (…\t12.9⏎个人所得税) does not qualify.
func proseBreak(text string, q Quantity, k int) bool {
	if prev, _ := utf8.DecodeLastRuneInString(text[:q.Start]); !unicode.Is(unicode.Han, prev) && !strings.ContainsRune("”）)」", prev) {
		return false // (but …（项）”29,381.00万⏎元: a quoted name before the figure)
	}
	rest := strings.TrimLeft(q.Text[k:], "\r\n")
	if r, _ := utf8.DecodeRuneInString(rest); isBigUnit(r) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[q.End:])
	return !unicode.Is(unicode.Han, next)
}

// chineseCount reports whether a quantity written in Chinese numerals is a
// count rather than part of a fixed phrase, an ordinal or an idiom.
func chineseCount(text string, q Quantity) bool {
	switch numeral := strings.TrimSuffix(q.Text, q.Unit); {
	case ones[numeral]:
		return false // 一项, 一批, 一次: idiom far more often than a count
	case numeral == "二":
		return false // 二次污染, 二期工程, 二级: counting says 两, 二 is an ordinal
	case numeral == "零" || numeral == "〇":
		return false // 零部件, 零事故: a word, not a count of nothing
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:q.Start])
	if strings.ContainsRune(vagueBefore, prev) {
		return false // 五届人大; 数十家, 几十个: vague, not a figure
	}
	if _, ok := words.HasSuffix(text[:q.Start], countVerbs); ok && !phraseUnits[q.Unit] {
		return true // 召开两次会议, 开展两轮专项督查: a verb that counts its acts
	}
	if q.Value <= 20 && !q.Approx && prev != '》' && !plausibleSmallCount(text, q.End, q.Unit) {
		// (after 《titles》 the numeral counts them: 《A条例》《B条例》两部法规)
		return false // 三项制度, 四个意识, 两个维护, 十四个坚持: fixed phrases, not counts
	}
	switch {
	case phaseUnits[q.Unit]:
		// 举办培训班两期。 counts sessions; 二期工程, 分三批 and 分为两期 do not
		return clauseEnds(text[q.End:]) && !strings.ContainsRune(phaseNotAfter, prev)
	case phraseUnits[q.Unit]:
		return false // 十分, 三位一体, 三类人员
	case q.Unit == "次":
		if _, ok := words.HasPrefix(text[q.End:], sessionNouns); ok {
			return false // 人大七次会议 is a session ordinal, 三次产业 a term
		}
	}
	return true
}

// clauseEnds reports whether after, the text after a quantity, starts with a
// clause mark or ends the text: 举办培训班两期。, 两期，.
func clauseEnds(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || strings.ContainsRune("，。；！？,;!?）)\n\r", r)
}

// plausibleSmallCount reports whether a small Chinese numeral with its unit
// reads as a count: it ends the clause (法规两部。, 压缩至五个工作日以内，) or a
// noun phrase of three or more characters follows (两部地方性法规, 两项立法项目).
// Official style writes counts in Arabic digits, and slogans name a short
// abstract noun: 三项制度, 两个维护, 四个意识, 两个确立, and with a longer one an
// idea (八项规定精神, 两个毫不动摇, 三个有利于), a saying (三个不发生,
// 五个必由之路), another numeral (两个一百年) or a topic of discourse
// (三个方面的问题); nor is a numeral inside the name of what another figure
// counts (受理三项制度相关事项55197件).
func plausibleSmallCount(text string, end int, unit string) bool {
	after := text[end:]
	if w, ok := words.HasPrefix(after, qualifiersAfter); ok {
		after = after[len(w):] // 五个工作日以内: a qualifier, not a noun
	}
	n := 0
	for _, r := range after {
		if !unicode.Is(unicode.Han, r) {
			break
		}
		n++
	}
	if n == 0 {
		return true
	}
	if n < 3 {
		return false
	}
	phrase := after
	if k := strings.IndexFunc(after, func(r rune) bool { return !unicode.Is(unicode.Han, r) }); k >= 0 {
		phrase = after[:k]
		if r, _ := utf8.DecodeRuneInString(after[k:]); chars.IsDigit(r) {
			return false // 三项制度相关事项55197件: the numeral names what the figure counts
		}
	}
	if _, topic := words.HasPrefix(phrase, topicNouns); topic || strings.ContainsFunc(phrase, isChineseNumber) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(phrase); strings.ContainsRune(sayingStarts, r) {
		return false // 三个不发生, 三个没想到, 五个必由之路: a saying, not a noun
	}
	_, slogan := words.HasSuffix(phrase, sloganHeads)
	return !slogan
}

// dayCount reports whether a number with 日 counts days rather than naming
// a day of the month: it has a decimal point (平均住院日为8.4日), or a word
// measured in days or a change of a length of time comes before it in the
// clause (住院日为9日, 比上年缩短1日). 12月31日 and 每月5日前 are days of
// the month.
func dayCount(text string, q Quantity) bool {
	if chars.ContainsAny(q.Text, ".．") {
		return true
	}
	if _, ok := words.HasPrefix(text[q.End:], limitAfter); ok {
		return true // 收到通知后10日内制定: a time limit
	}
	before := clauseBefore(text, q.Start)
	if _, ok := words.HasSuffix(before, timeChanges); ok {
		return true
	}
	for i, r := range before {
		if r == '日' && i > 0 {
			// (the 日 of a date written with spaces, 2024 年 1 月 1 日至 12 月 31 日, is no noun)
			prev, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(before[:i], chars.IsSpace))
			if !chars.IsDigit(prev) && !isChineseNumber(prev) && prev != '月' {
				return true // 住院日, 平均工作日: a noun measured in days
			}
		}
	}
	return false
}

// rankChange reports whether q counts places gained or lost in a ranking:
// 较上年提升3个位次, 前移三个位次, 排名上升5位. A change of rank is not a rank
// (第N位), nor a count of anything.
func rankChange(text string, q Quantity) bool {
	after := text[q.End:]
	if q.Unit == "个" {
		if _, ok := words.HasPrefix(after, rankChangeUnits); ok {
			return true
		}
	}
	if q.Unit != "位" && q.Unit != "名" || q.Kind == Rank || !clauseEnds(after) {
		return false
	}
	before := text[max(0, q.Start-12):q.Start]
	_, ok := words.HasSuffix(before, rankChanges)
	return ok
}

// placedFirst reports whether before ends with a verb of placing: 放在, 摆在, 置于.
func placedFirst(before string) bool {
	_, ok := words.HasSuffix(before, placing)
	return ok
}

// afterPredicate reports whether before ends in a word that a figure
// completes (增长, 率, 达到, 为, 占, 的): then a noun right after the figure
// starts a new clause whose comma is missing, as in 增长98.8%群众满意率达到89.9%,
// or a verb follows the share it applies to (按本级支出的1.5%设置).
func afterPredicate(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " "))
	return strings.ContainsRune(completes, r)
}

// threshold reports whether after, the text after a quantity, makes it the
// bound of a class: 以上 or 以下 followed by a noun (but not 以上的 or 以上，).
func threshold(after string) bool {
	if first, _ := utf8.DecodeRuneInString(after); !classBoundStarts.Has(first) {
		return false // most figures
	}
	for _, w := range classBounds {
		if rest, ok := strings.CutPrefix(after, w); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.Is(unicode.Han, r) && r != '的' && r != '和' && r != '或'
		}
	}
	return false
}

// classOf reports whether after, the text after an amount of money, makes
// it the bound of a class with 以上的 or 以下的 and a noun: 年主营业务收入2000万元及
// 以上的工业法人单位. A count there is a figure: 5000家以上的企业.
func classOf(after string) bool {
	if first, _ := utf8.DecodeRuneInString(after); !classBoundStarts.Has(first) {
		return false // most figures
	}
	for _, w := range classBoundsOf {
		if rest, ok := strings.CutPrefix(after, w); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.Is(unicode.Han, r)
		}
	}
	return false
}

// afterBound reports whether before, the text before a figure, may end
// with a bound (超过, 不足): whether the last character before its spaces
// ends one. boundOfClass is false for a figure where it is not.
func afterBound(before string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, " "))
	return boundEnds.Has(last)
}

// boundOfClass reports whether q, after a bound (超过, 不足, 低于 …), describes
// a class rather than reports a figure: an amount with 的 and a noun after
// it (超50万元的村达到7个, 不足10万元的小额案件); a bound on each of a group
// (14个村集体经济收入均超过20万元); a floor that a number of things counted
// just before fall short of (42个所中有17个在编人员不足5人).
// before is the clause before q (clauseBefore).
func boundOfClass(text string, q Quantity, before string) bool {
	before = strings.TrimRight(before, " ")
	if !afterBound(before) {
		return false // most figures: no bound before them
	}
	bound := ""
	for _, w := range bounds {
		if strings.HasSuffix(before, w) && !strings.HasSuffix(strings.TrimSuffix(before, w), "不") {
			bound = w
			break
		}
	}
	if bound == "" {
		return false
	}
	head := strings.TrimSuffix(before, bound)
	if strings.HasSuffix(head, "均") || strings.HasSuffix(head, "都") {
		return true
	}
	if q.Kind == Money {
		if rest, ok := strings.CutPrefix(text[q.End:], "的"); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.Is(unicode.Han, r)
		}
	}
	return slices.Contains(lowerBounds, bound) && countedBefore.MatchString(head)
}

// countedBefore matches a count of things and a short noun before a bound:
// 有17个在编人员 (不足5人).
var countedBefore = regexp.MustCompile(`[0-9０-９]+(?:个|家|所|村|户)\p{Han}{1,8}$`)

// rule reports whether q, after the clause before (clauseBefore), is a
// point of a scoring scheme (工单响应率占20分) or the weight of a score
// (分值占5%). A cap or floor that a rule sets is a figure, a limit:
// 裁员率不超过企业职工总数20%, 最高不超过15万元, 原则上不少于40学时
// (extract/measure marks it a target).
func rule(before string, q Quantity) bool {
	if q.Unit == "分" {
		if _, ok := words.HasSuffix(before, scoreVerbs); ok {
			return true // but 综合得分增加2.3分 is reported
		}
	}
	if q.Kind != Percent {
		return false
	}
	_, weight := words.HasSuffix(before, scoreWeights)
	return weight
}

// rankContext reports whether a bare 第N is a rank: 位居全省第二, 排名第3, 列第一
// — after a ranking verb in the same clause and not followed by a noun (第一方阵).
func rankContext(text string, start, end int) bool {
	next, _ := utf8.DecodeRuneInString(text[end:])
	if unicode.Is(unicode.Han, next) || chars.IsDigit(next) || isLatin(next) {
		return false
	}
	before := clauseBefore(text, start)
	for _, w := range rankWords {
		if strings.Contains(before, w) {
			return true
		}
	}
	// 成效考核全国第一；: a rank among the places of a scope, ending its
	// clause (but not 全国第一、行业第一的企业)
	_, scope := words.HasSuffix(before, rankScopes)
	return scope && (end == len(text) || strings.ContainsRune("，。；！,;!", next))
}

// rangeMarks join the two ends of a range: 5%—8%, 3至5年, 24～33微克/立方米.
var rangeMarks = []string{"—", "–", "－", "-", "~", "～", "至", "到"}

// rangeMarkChars are the characters of rangeMarks, one of which a range
// has within 24 bytes after its first numeral.
var rangeMarkChars = chars.NewSet(strings.Join(rangeMarks, ""))

// rangeAt reads a range at text[i:] as one figure: two numbers joined by a
// range mark, the second with a unit that the first has too or lacks
// (5%—8%, 85.2%～94.5%, 1.2—1.5万亿元, 3至5年). Years (2021—2025年) are not
// ranges: 年 is a unit here only between small numbers. m is what scan
// read at i: a quantity if scanned, and the end of the numeral at i.
func rangeAt(text string, i int, m match, scanned bool) (Quantity, bool) {
	var k int // where the first end stops: after its unit, or its numeral
	unit := ""
	if scanned {
		k, unit = m.q.End, m.q.Unit
	} else {
		k = m.numeral
	}
	if r, _ := utf8.DecodeRuneInString(text[k:]); !rangeMarkChars.Has(r) {
		return Quantity{}, false // most numbers: no range mark after them
	}
	mark, ok := words.HasPrefix(text[k:], rangeMarks)
	if !ok {
		return Quantity{}, false
	}
	j := m.numeral
	if j == i || !strings.ContainsFunc(text[j:min(len(text), j+24)], rangeMarkChars.Has) {
		return Quantity{}, false // no numeral, or no mark within 24 bytes of it
	}
	second := k + len(mark)
	r, _ := utf8.DecodeRuneInString(text[second:])
	if !chars.IsDigit(r) && !(mark == "至" || mark == "到") {
		return Quantity{}, false
	}
	var high Quantity
	if m, ok := scan(text, second); ok && accept(text, m) && (unit == "" || m.q.Unit == unit) {
		high = m.q
	} else if y, ok := yearsAt(text, second); ok && unit == "" {
		high = y // 3至5年
	} else {
		return Quantity{}, false
	}
	// the first end has the magnitude of the second when it has none: 1.2—1.5万亿元
	lowText := text[i:j]
	if unit == "" {
		num := strings.TrimSuffix(high.Text, high.Unit)
		for num != "" {
			r, size := utf8.DecodeLastRuneInString(num)
			if !isBigUnit(r) {
				break
			}
			lowText += num[len(num)-size:]
			num = num[:len(num)-size]
		}
	}
	lv, ok := ParseNumber(lowText)
	if !ok {
		return Quantity{}, false
	}
	low, _ := lv.Float64()
	if low >= high.Value {
		return Quantity{}, false
	}
	q := high
	q.Text, q.Start, q.Value = text[i:high.End], i, low
	q.Range, q.Low, q.High = true, low, high.Value
	q.Approx = approxAround(text, q.Start, q.End)
	return q, true
}

// yearsAt reads a small number of years at text[i:], the end of a range: 3至5年.
func yearsAt(text string, i int) (Quantity, bool) {
	j := numeralEnd(text, i)
	if j == i || !strings.HasPrefix(text[j:], "年") {
		return Quantity{}, false
	}
	v, ok := ParseNumber(text[i:j])
	if !ok {
		return Quantity{}, false
	}
	f, _ := v.Float64()
	if f >= 100 {
		return Quantity{}, false
	}
	end := j + len("年")
	if next, _ := utf8.DecodeRuneInString(text[end:]); strings.ContainsRune("度底末初来内", next) {
		return Quantity{}, false
	}
	return Quantity{Text: text[i:end], Value: f, Unit: "年", Kind: Measure, Start: i, End: end}, true
}

// listAt reads a list of bare numbers that share the unit of the last one,
// after 分别 or 均 in the same clause: 分别下降0.2、0.6和0.1个百分点 gives three
// figures in 个百分点. m is what scan read at i.
func listAt(text string, i int, m match) []Quantity {
	if _, ok := words.HasPrefix(text[m.numEnd:], listSeparators); !ok {
		return nil // most numbers: not followed by 、 or 和
	}
	if _, ok := words.HasSuffix(clauseBefore(text, i), listOpeners); !ok && !containsAny(clauseBefore(text, i), listOpeners) {
		return nil
	}
	var starts, ends []int
	k := i
	for {
		j := numeralEnd(text, k)
		if j == k {
			return nil
		}
		if m, ok := scan(text, k); ok {
			if len(starts) == 0 || !accept(text, m) {
				return nil
			}
			last := m.q
			var out []Quantity
			magnitude := ""
			for num := strings.TrimSuffix(last.Text, last.Unit); num != ""; {
				r, size := utf8.DecodeLastRuneInString(num)
				if !isBigUnit(r) {
					break
				}
				magnitude = num[len(num)-size:] + magnitude
				num = num[:len(num)-size]
			}
			for n := range starts {
				v, ok := ParseNumber(text[starts[n]:ends[n]] + magnitude)
				if !ok {
					return nil
				}
				f, _ := v.Float64()
				out = append(out, Quantity{Text: text[starts[n]:ends[n]], Value: f, Unit: last.Unit, Kind: last.Kind, Start: starts[n], End: ends[n]})
			}
			return append(out, last)
		}
		sep, ok := words.HasPrefix(text[j:], listSeparators)
		if !ok {
			return nil
		}
		starts, ends = append(starts, k), append(ends, j)
		k = j + len(sep)
	}
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// limitYears reads a number of years after the words of a limit or a term:
// 居住累计满183天的年度连续不满六年, 贷款期限不超过3年. Elsewhere N年 is a year
// or a span (连续8年), not a figure.
func limitYears(text string, i int) (Quantity, bool) {
	if last, _ := utf8.DecodeLastRuneInString(text[:i]); !yearsBeforeEnds.Has(last) {
		return Quantity{}, false // most numbers
	}
	if _, ok := words.HasSuffix(text[:i], yearsBefore); !ok {
		return Quantity{}, false
	}
	return yearsAt(text, i)
}

// impliedMoney reads an amount with a magnitude and no unit as money when
// the sentence is about money and the amount ends a clause: 项目总预算1170.00万，
// 其中市本级600.00万. m is what scan read at i.
func impliedMoney(text string, i int, m match) (Quantity, bool) {
	j := m.numeral
	r, _ := utf8.DecodeLastRuneInString(text[i:j])
	if j == i || !isBigUnit(r) || !clauseEnds(text[j:]) || !containsAny(sentenceBefore(text, i), moneyWords) {
		return Quantity{}, false
	}
	v, ok := ParseNumber(text[i:j])
	if !ok {
		return Quantity{}, false
	}
	f, _ := v.Float64()
	return Quantity{Text: text[i:j], Value: f, Unit: "元", Kind: Money, Start: i, End: j}, true
}

// sentenceBefore returns the words of the sentence that ends at text[:i],
// at most 60 runes back: 就业补助资金总预算2350.00万，其中市本级1200.00万.
func sentenceBefore(text string, i int) string {
	start := i
	for n := 0; n < 60 && start > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if sentenceBreaks.Has(r) {
			break
		}
		start -= size
	}
	return text[start:i]
}

// bareMagnitude reads a magnitude without a number after a verb of reaching
// a level as one of it: 旅游总收入突破万亿元 is 1e12 元. A class (万亿元级产业集群)
// and a magnitude of a name (万元地区生产总值能耗) are not figures.
func bareMagnitude(text string, i int) (Quantity, bool) {
	if _, ok := words.HasSuffix(text[:i], reachVerbs); !ok {
		return Quantity{}, false
	}
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isBigUnit(r) {
			break
		}
		j += size
	}
	unit, kind := matchUnit(text, j)
	if unit == "" || kind == Percent || kind == Rank {
		return Quantity{}, false
	}
	end := j + len(unit)
	if next, _ := utf8.DecodeRuneInString(text[end:]); next == '级' {
		return Quantity{}, false
	}
	v, ok := ParseNumber("1" + text[i:j])
	if !ok {
		return Quantity{}, false
	}
	f, _ := v.Float64()
	return Quantity{Text: text[i:end], Value: f, Unit: unit, Kind: kind, Approx: true, Start: i, End: end}, true
}

// firstPlace reads 首位 at text[i:] as the rank 1 after a ranking word:
// 居全国首位, 稳居全国首位.
func firstPlace(text string, i int) (Quantity, bool) {
	const first = "首位"
	if !strings.HasPrefix(text[i:], first) || !rankContext(text, i, i+len(first)) {
		return Quantity{}, false
	}
	return Quantity{Text: first, Value: 1, Unit: "位", Kind: Rank, Start: i, End: i + len(first)}, true
}

// approxAround reports a qualifier just outside the span: 近1900家次, 约3万人,
// 超过500件, 3000人以上, 5%左右.
func approxAround(text string, start, end int) bool {
	before := trimPadding(text[max(0, start-12):start])
	if last, _ := utf8.DecodeLastRuneInString(before); approxBeforeEnds.Has(last) {
		for _, w := range approxBefore {
			if strings.HasSuffix(before, w) {
				return !strings.HasSuffix(before[:len(before)-len(w)], "不") // 不超过3% is a cap
			}
		}
	}
	after := text[end:]
	if first, _ := utf8.DecodeRuneInString(after); !approxAfterStarts.Has(first) {
		return false // most figures
	}
	_, ok := words.HasPrefix(after, approxAfter)
	return ok
}

// trimPadding returns s without the spaces and ideographic spaces (U+3000)
// that end it: strings.TrimRightFunc, without a call for each character.
func trimPadding(s string) string {
	for {
		switch {
		case strings.HasSuffix(s, " "):
			s = s[:len(s)-len(" ")]
		case strings.HasSuffix(s, "\u3000"):
			s = s[:len(s)-len("\u3000")]
		default:
			return s
		}
	}
}

// clauseBefore returns the words of the clause that ends at text[:i], up to
// a clause mark or a line break and at most 20 runes back: where the words
// that qualify a figure stand (缩短, 不超过, 居全省).
func clauseBefore(text string, i int) string {
	start := i
	for n := 0; n < 20 && start > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if clauseBreaks.Has(r) {
			break
		}
		start -= size
	}
	return text[start:i]
}

// span is a stretch of text [start, end) that holds no quantity.
type span struct{ start, end int }

// masked returns, sorted by start, the spans that hold no quantity: those
// of skip (document numbers, dates), 《titles》 and short quoted phrases
// (“两个维护”).
func masked(text string, skip [][2]int) []span {
	var mask []span
	var titles []string // the words of each 《title》
	for _, s := range skip {
		mask = append(mask, span{s[0], s[1]})
	}
	for _, p := range [][2]string{{"《", "》"}, {"“", "”"}, {"「", "」"}, {"『", "』"}, {"\"", "\""}, {"‘", "’"}} {
		for i := 0; i < len(text); {
			k := strings.Index(text[i:], p[0])
			if k < 0 {
				break
			}
			open := i + k
			body := open + len(p[0])
			c := strings.Index(text[body:], p[1])
			if c < 0 {
				break
			}
			closeEnd := body + c + len(p[1])
			inner := text[body : body+c]
			if p[0] == "《" && wrappedTitle(inner) {
				// 《上海市人民政府⏎公报》: a title that PDF text wraps
			} else if strings.Contains(inner, "\n") || p[0] != "《" && (utf8.RuneCountInString(inner) > 20 ||
				p[0] != p[1] && strings.Contains(inner, p[0]) || chars.ContainsAny(inner, "，。；")) {
				// unpaired (专精特新“小巨人企业414家，…“单项冠军”), or too long
				// to be a name or slogan
				i = body
				continue
			}
			mask = append(mask, span{open, closeEnd})
			if p[0] == "《" {
				titles = append(titles, inner)
			}
			i = closeEnd
		}
	}
	mask = append(mask, unmarkedTitles(text, titles)...)
	slices.SortFunc(mask, func(a, b span) int { return a.start - b.start })
	return mask
}

// wrappedTitle reports whether the words between 《 and 》 are a title that
// a line break cuts once: short, and no sentence.
func wrappedTitle(inner string) bool {
	return strings.Count(inner, "\n") == 1 && utf8.RuneCountInString(inner) <= 60 && !chars.ContainsAny(inner, "。；")
}

// unmarkedTitles returns where the titles that the text also writes between
// 《》 stand without them: a list of attachments (附件：2.2025年十五件民盼实事任务分解)
// names the documents the text cites as 《2025年十五件民盼实事任务分解》. Only
// titles with a numeral in them matter, and only those long enough not to
// be a phrase of their own.
func unmarkedTitles(text string, titles []string) []span {
	var out []span
	seen := map[string]bool{}
	for _, t := range titles {
		if seen[t] || utf8.RuneCountInString(t) < 6 || strings.Contains(t, "\n") ||
			!strings.ContainsFunc(t, func(r rune) bool { return chars.IsDigit(r) || isChineseNumber(r) }) {
			continue
		}
		seen[t] = true
		for i := 0; ; {
			k := strings.Index(text[i:], t)
			if k < 0 {
				break
			}
			start := i + k
			i = start + len(t)
			if prev, _ := utf8.DecodeLastRuneInString(text[:start]); prev != '《' {
				out = append(out, span{start, i})
			}
		}
	}
	return out
}
