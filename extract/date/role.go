package date

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/words"
)

var (
	lists = words.MustParse("date/words.tsv", wordsTSV)
	// Labels that give a date its role when they precede it on the same line,
	// possibly across a table-cell separator: 成文日期 | 2025-06-13 |.
	publishedLabels = lists.Of("published-label")
	signedLabels    = lists.Of("signed-label")
	// issuerEnds are the last characters of an issuer's name (…人民政府, …局,
	// …办公室, …委员会) on the line above a signature date.
	issuerEnds = lists.Chars("issuer-end")
)

//go:embed words.tsv
var wordsTSV string

// Limits of the signature block: a date under the signature is followed by
// at most a few short lines (此件公开发布, 抄送…).
const (
	labelWindow = 24  // runes before a date searched for a label
	tailLines   = 3   // non-empty lines after a signature date
	tailRunes   = 200 // runes after a signature date
	issuerRunes = 40  // runes in an issuer line
)

// role decides the role of the date at text[start:end].
func role(text string, start, end int) string {
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	lineEnd := len(text)
	if k := strings.IndexByte(text[end:], '\n'); k >= 0 {
		lineEnd = end + k
	}
	before := text[lineStart:start]
	if r := labelRole(before); r != "" {
		return r
	}
	after := text[end:lineEnd]
	if alone(before, after) {
		// A table flattened one cell per line: 发布日期\n2025-06-30.
		above := lastLine(text[:lineStart])
		if r := labelLine(above); r != "" {
			return r
		}
		if issuerLine(above) || shortTail(text[lineEnd:]) {
			return Signed
		}
	}
	// Text taken from PDFs often puts the signature on one line:
	// 金昌市人民政府  2025年6月13日.
	if alone("", after) && strings.TrimRightFunc(before, unicode.IsSpace) != before && issuerLine(before) {
		return Signed
	}
	return Mentioned
}

// labelRole returns the role named by a label at the end of before.
func labelRole(before string) string {
	if n := utf8.RuneCountInString(before); n > labelWindow {
		for ; n > labelWindow; n-- {
			_, size := utf8.DecodeRuneInString(before)
			before = before[size:]
		}
	}
	return roleOf(squeeze(before), strings.HasSuffix)
}

// labelLine returns the role named by a line that holds only a label.
func labelLine(line string) string {
	return roleOf(squeeze(line), func(s, label string) bool { return s == label })
}

// roleOf returns the role of the first label that matches s.
func roleOf(s string, matches func(s, label string) bool) string {
	for _, l := range publishedLabels {
		if matches(s, l) {
			return Published
		}
	}
	for _, l := range signedLabels {
		if matches(s, l) {
			return Signed
		}
	}
	return ""
}

// squeeze drops the spaces of labels spaced out as 成 文 日 期 and the
// colons, brackets and cell separators around them.
func squeeze(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Trim(s, "|:：[]【】()（）")
}

// alone reports whether the date is the only thing on its line, maybe in brackets.
func alone(before, after string) bool {
	return strings.TrimFunc(before, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(（[【", r) }) == "" &&
		strings.TrimFunc(after, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(")）]】", r) }) == ""
}

// lastLine returns the last non-empty line of s.
func lastLine(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// issuerLine reports whether line is only the name of one or more issuers.
func issuerLine(line string) bool {
	line = strings.TrimSpace(line)
	n := utf8.RuneCountInString(line)
	if n < 2 || n > issuerRunes || strings.ContainsAny(line, "，。；：,;:、|") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(issuerEnds, last)
}

// shortTail reports whether only a few short lines follow the date line.
func shortTail(tail string) bool {
	if len(tail) > utf8.UTFMax*tailRunes || utf8.RuneCountInString(tail) > tailRunes {
		return false
	}
	lines := 0
	for _, l := range strings.Split(tail, "\n") {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	return lines <= tailLines
}
