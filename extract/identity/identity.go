// Package identity reads what a document says about itself: its title, who
// issued it, which kind of document it is and which year it reports on.
//
// Each recogniser is a pure function over the text, walking an ordered table
// of named rules, each with an example: title lines at the top of the text
// (Title), the issuer from the title, the 令 header, the speech header of a
// report to a people's congress, the issuer line under a bulletin's title or
// the signature at the end (Issuer), the kind from the title's words and the
// text's structure (Kind, rules in kinds.tsv) and the report year (ReportYear).
// Traditional characters are folded to simplified ones before any rule reads
// them; what the functions return is cut from the text as written.
//
// Package extract composes them with the readers' own findings (an HTML
// page's heading, a PDF's largest-font lines, the metadata block) and with
// extract/region, and records where each value came from.
package identity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/hans"
)

// Sources: where a value came from. Package extract reports them in
// Document.IdentitySource, beside its own (metadata, html-heading,
// pdf-largest-font …).
const (
	SourceText       = "text"           // title: the title lines at the top of the text
	SourceBreadcrumb = "breadcrumb"     // title: the last step of a 首页 > … > title path
	SourceTitle      = "title"          // issuer, kind or year read from the title
	SourceOrder      = "order-header"   // issuer: 中华人民共和国国务院令 / 第707号
	SourceSpeech     = "speech-header"  // issuer or year: ——2023年2月2日在长沙县第十八届人民代表大会…会议上 / 县长 …
	SourceOnBehalf   = "on-behalf"      // issuer: 我代表北京市人民政府，向大会报告
	SourceIssuerLine = "issuer-line"    // issuer: the name above a date under a bulletin's title
	SourceSignature  = "signature"      // issuer: the name above the date at the end
	SourceSelf       = "self-reference" // issuer: 我局/本局 with the body the text names
	SourceTitlePlace = "title-place"    // issuer: the place a title names and the body that issues its kind
	SourceStructure  = "structure"      // kind: the text's structure (本公报, 预算主管部门, 我代表…向大会报告)
	SourceDefault    = "default"        // kind: other, nothing fitted
	SourcePeriod     = "period"         // year: 统计期限自2024年1月1日至12月31日
	SourceOpening    = "opening"        // year: the first sentence of the body (2023年，全市…)
	SourceSigned     = "signing-date"   // year: the year before an annual report was signed
)

// fold folds traditional characters; offsets in runes stay the same.
func fold(s string) string { return hans.Fold(s) }

// squashSpaces removes spaces between CJK characters (报 告 → 报告, 2024 年 →
// 2024年) and keeps one between Latin words and numbers.
func squashSpaces(s string) string {
	if !hasSpaceOrBadByte(s) {
		return s // nearly every title and line: nothing to squash
	}
	var b strings.Builder
	pending := false // a run of spaces since the last character written
	var last rune
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' {
			pending = true
			continue
		}
		if pending && isLatin(last) && isLatin(r) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// hasSpaceOrBadByte reports whether s has a space squashSpaces removes or
// a byte that is no UTF-8, which it writes as U+FFFD.
func hasSpaceOrBadByte(s string) bool {
	for i, r := range s {
		if isSpace(r) { // U+3000 and nbsp are spaces
			return true
		}
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return true
			}
		}
	}
	return false
}

func isLatin(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// trimLine trims padding, including U+3000 and nbsp, and the marks of a
// Markdown heading or a list item a page converted to text puts before a
// line (# 某县…年度报告, • 发文字号:, - 发布日期:), and the strong emphasis
// around a whole line (**某县人民政府关于…的通知**).
func trimLine(s string) string {
	s = strings.TrimFunc(s, isPadding)
	if first, _ := utf8.DecodeRuneInString(s); lineMarkFirst.Has(first) {
		if m := lineMark().FindStringIndex(s); m != nil { // anchored as one group: tried at the start only
			s = strings.TrimLeftFunc(s[m[1]:], isPadding)
		}
	}
	for _, e := range []string{"**", "__"} {
		if len(s) > 2*len(e) && strings.HasPrefix(s, e) && strings.HasSuffix(s, e) {
			s = strings.TrimFunc(s[len(e):len(s)-len(e)], isPadding)
		}
	}
	return s
}

func isPadding(r rune) bool {
	return isSpace(r) || r == '\ufeff' // U+3000 and nbsp are spaces
}

// lineMark is a Markdown heading's #s or a list item's bullet, followed by
// a space (a hyphen without one may start a speech header: -2024年…).
var lineMark = lazyRegexp(`^(?:(?:#{1,6}|[-+*＊])[ \t\x{3000}\x{00a0}]+|[•·●▪◆■◇])`)

// lineMarkFirst are the characters a lineMark starts with: most lines start
// with none, and the regexp is not tried.
var lineMarkFirst = chars.NewSet("#-+*＊•·●▪◆■◇")

// tailLines returns the last n non-empty lines of text, trimmed, in order.
func tailLines(text string, n int) []string {
	var out []string
	for end := len(text); end > 0 && len(out) < n; {
		start := strings.LastIndexByte(text[:end], '\n') + 1
		if l := trimLine(text[start:end]); l != "" {
			out = append(out, l)
		}
		end = start - 1
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// runesAtMost reports whether s has at most n runes, without counting the
// runes of a long paragraph: a rune takes one to utf8.UTFMax bytes.
func runesAtMost(s string, n int) bool {
	switch {
	case len(s) <= n:
		return true
	case len(s) > n*utf8.UTFMax:
		return false
	}
	return utf8.RuneCountInString(s) <= n
}

// hanDigits are the digits of years written in Chinese (二〇二五年).
var hanDigits = map[rune]int{'〇': 0, '○': 0, '零': 0, 'Ｏ': 0, 'O': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// yearDigitsAfter returns the digits that may follow first in a year that
// findYear reads (2024年, ２０２４年, 二〇二四年), or "".
func yearDigitsAfter(first rune) string {
	switch first {
	case '1', '2':
		return "0123456789"
	case '１', '２':
		return "０１２３４５６７８９"
	case '一', '二':
		return "〇○零Ｏ一二三四五六七八九"
	}
	return ""
}

// findYear returns the first year in s at or after byte offset from: its
// start and end and the end of its digits, in the way of the regexp
// ([12][0-9]{3}|[１２][０-９]{3}|[一二][〇○零Ｏ一二三四五六七八九]{3})\s*年
// (FindStringSubmatchIndex), or nil.
func findYear(s string, from int) []int {
	for i, r := range s[from:] {
		if digits, end, ok := yearAt(s[from+i:], r); ok {
			start := from + i
			return []int{start, start + end, start, start + digits}
		}
	}
	return nil
}

// yearAt reads a year at the start of s, whose first rune is first.
func yearAt(s string, first rune) (digits, end int, ok bool) {
	set := yearDigitsAfter(first)
	if set == "" {
		return 0, 0, false
	}
	i := utf8.RuneLen(first)
	for range 3 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 0 || r == utf8.RuneError || !strings.ContainsRune(set, r) {
			return 0, 0, false
		}
		i += size
	}
	digits = i
	for i < len(s) && strings.IndexByte("\t\n\f\r ", s[i]) >= 0 { // \s of a regexp
		i++
	}
	if !strings.HasPrefix(s[i:], "年") {
		return 0, 0, false
	}
	return digits, i + len("年"), true
}

// yearValue reads the digits findYear found.
func yearValue(s string) int {
	y := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			y = y*10 + int(r-'0')
		case r >= '０' && r <= '９':
			y = y*10 + int(r-'０')
		default:
			d, ok := hanDigits[r]
			if !ok {
				return 0
			}
			y = y*10 + d
		}
	}
	if y < 1949 || y > 2100 {
		return 0
	}
	return y
}

// markSet is a set of marks a line is searched for: one pass over the line
// finds any of them, where chars.ContainsAny searches it once for each. An
// ideograph of the main block (U+4E00 to U+9FFF), most of a line's
// characters, is passed over with a few comparisons.
type markSet struct {
	set        *chars.Set
	ideographs []rune // those of the set's characters that are such ideographs
}

func newMarkSet(marks string) *markSet {
	m := &markSet{set: chars.NewSet(marks)}
	for _, r := range marks {
		if isMainIdeograph(r) {
			m.ideographs = append(m.ideographs, r)
		}
	}
	return m
}

func isMainIdeograph(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// index returns the byte offset of the first character of s in the set,
// or -1.
func (m *markSet) index(s string) int {
	for i, r := range s {
		if isMainIdeograph(r) {
			for _, o := range m.ideographs {
				if r == o {
					return i
				}
			}
			continue
		}
		if m.set.Has(r) {
			return i
		}
	}
	return -1
}

// in reports whether s has a character of the set.
func (m *markSet) in(s string) bool { return m.index(s) >= 0 }
