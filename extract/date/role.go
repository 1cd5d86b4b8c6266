package date

import (
	_ "embed"
	"regexp"
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
	return strings.Trim(s, "|:：[]【】()（）•·●▪◆■◇-*")
}

// alone reports whether the date is the only thing on its line, maybe in
// brackets or followed by a time of day (2024年04月06日 16:40).
func alone(before, after string) bool {
	after = timeOfDay.ReplaceAllString(after, "")
	return strings.TrimFunc(before, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("(（[【", r) }) == "" &&
		strings.TrimFunc(after, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(")）]】", r) }) == ""
}

// timeOfDay is a time after a date: 16:40, 09:18:02.
var timeOfDay = regexp.MustCompile(`^\s+[0-9]{1,2}[:：][0-9]{2}(?:[:：][0-9]{2})?`)

// Clock lines: a page's header that prints the current date.
const (
	clockLines = 3  // non-empty lines from the top a clock may stand on
	clockRunes = 30 // runes of a site's name before a clock
)

var (
	clockLabels = lists.Of("clock-label")
	// weekday follows a clock's date: 星期二, 周三, 礼拜五, (星期日).
	weekday = regexp.MustCompile(`^\s*[（(]?\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]?`)
)

// Clock reports whether the date at text[start:end] is a page's clock: the
// current date a site prints in its header, with the weekday after it and
// only a clock label (今天是) or a name (the site's) before it, on one of the
// first lines (某市人民政府 2019年12月3日星期二). Such a date says when the
// page was saved, not anything about the document.
func Clock(text string, start, end int) bool {
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	above := 0
	for _, l := range strings.Split(text[:lineStart], "\n") {
		if strings.TrimSpace(l) != "" {
			above++
		}
	}
	if above >= clockLines {
		return false
	}
	lineEnd := len(text)
	if k := strings.IndexByte(text[end:], '\n'); k >= 0 {
		lineEnd = end + k
	}
	after := text[end:lineEnd]
	m := weekday.FindStringIndex(after)
	if m == nil || strings.TrimSpace(timeOfDay.ReplaceAllString(after[m[1]:], "")) != "" {
		return false
	}
	before := squeeze(text[lineStart:start])
	if before == "" {
		return false // a date and a weekday alone may be a bulletin's own date
	}
	for _, l := range clockLabels {
		if strings.HasSuffix(before, l) {
			return true
		}
	}
	return utf8.RuneCountInString(before) <= clockRunes && !strings.ContainsAny(before, "，。；：,;:、！？!?")
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
