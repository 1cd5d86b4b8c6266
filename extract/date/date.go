package date

import (
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/fold"
)

// Roles of a date in its document.
const (
	Signed    = "signed"    // 成文日期, or the date under the signature
	Published = "published" // 发布日期 and similar page labels
	Mentioned = "mentioned" // any other date
)

// Date is one absolute calendar date found in a text.
type Date struct {
	Text  string // as written, e.g. 2025年1月17日
	Value string // ISO YYYY-MM-DD
	Role  string // Signed, Published or Mentioned
	// Start and End are byte offsets of Text in the input: input[Start:End] == Text.
	Start, End int
}

// Plausible years.
const (
	minYear = 1900
	maxYear = 2100
)

// Find returns every date with year, month and day in text, in order and
// without overlaps. The byte ranges [start, end) in skip, sorted by start,
// hold none: extract passes the document numbers it found (extract/docnum),
// so that the year and serial of 〔2024〕1号 are never read as parts of a date.
func Find(original string, skip ...[2]int) []Date {
	text := fold.String(original) // 號 is 号, 發布日期 is 发布日期; offsets stay
	var out []Date
	k := 0 // first skipped range not yet passed
	for i := nextStart(text, 0); i < len(text); i = nextStart(text, i) {
		for k < len(skip) && skip[k][1] <= i {
			k++
		}
		if k < len(skip) && skip[k][0] <= i {
			i = skip[k][1]
			continue
		}
		end, value, ok := match(text, i)
		if ok && (k == len(skip) || end <= skip[k][0]) {
			out = append(out, Date{Text: original[i:end], Value: value, Start: i, End: end})
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	for j := range out {
		out[j].Role = role(text, out[j].Start, out[j].End)
	}
	return out
}

// Parse returns the ISO value of s when s, with surrounding spaces trimmed,
// is one date, possibly followed by a time of day or a weekday:
// "2025年01月17日", "2019-09-18 06:23", "2021/03/29 11:30:01",
// "二〇二五年一月十七日", "2025年1月17日 星期五".
func Parse(s string) (string, bool) {
	s = fold.String(strings.TrimSpace(s))
	if s == "" {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !canStart(r) {
		return "", false
	}
	end, value, ok := match(s, 0)
	if !ok {
		return "", false
	}
	if rest := s[end:]; rest != "" && !isClock(rest) {
		return "", false
	}
	return value, true
}

// canStart reports whether a year can begin with r: a digit, or 一 or 二 of a
// year in Chinese numerals (一九九八, 二〇二五).
func canStart(r rune) bool {
	_, ok := chars.Digit(r)
	return ok || r == '一' || r == '二'
}

// startChars are the characters canStart accepts (TestStartChars checks).
const startChars = "0123456789０１２３４５６７８９一二"

// startBytes holds the first bytes of the UTF-8 encodings of startChars.
var startBytes = func() (set [256]bool) {
	for _, r := range startChars {
		set[string(r)[0]] = true
	}
	return set
}()

// nextStart returns the offset of the first character at or after text[i:]
// that a date may start with (canStart), or len(text). It decodes only the
// characters whose first byte may begin one: most characters of a Chinese
// text cost it a look at one byte. (No character a walk over the text
// passes hides a start: a byte that begins one never continues another.)
//
// The characters of startChars beyond ASCII are of three bytes, none of
// them starting with E0 or ED (TestStartChars): after their first byte,
// any two continuation bytes make a valid character, which nextStart
// decodes in place. Its first bytes, E4 and EF, start many a Chinese
// character and full-width mark.
func nextStart(text string, i int) int {
	for ; i < len(text); i++ {
		switch c := text[i]; {
		case !startBytes[c]:
		case c < utf8.RuneSelf:
			return i // an ASCII digit
		case i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			if r := rune(c&0x0F)<<12 | rune(text[i+1]&0x3F)<<6 | rune(text[i+2]&0x3F); canStart(r) {
				return i
			}
		}
	}
	return len(text)
}

// match reads a date that starts at byte i and returns the offset after it
// and its ISO value.
func match(s string, i int) (end int, value string, ok bool) {
	// A year starts a number, not the middle of one: 12025年, 十二〇二五年.
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	var y, j int
	if first, _ := utf8.DecodeRuneInString(s[i:]); hanDigit(first) >= 0 {
		if hanDigit(prev) >= 0 || prev == '十' {
			return 0, "", false
		}
		y, j, ok = hanYear(s, i)
		if !ok {
			return 0, "", false
		}
	} else {
		if chars.IsDigit(prev) {
			return 0, "", false
		}
		var n int
		y, n, j = chars.Digits(s, i)
		if n != 4 {
			return 0, "", false
		}
		if sep, size := utf8.DecodeRuneInString(s[j:]); isSep(sep) {
			return dashed(s, i, j+size, y, sep)
		}
	}
	return written(s, j, y)
}

// dashed reads the month and day of 2025-01-17, 2025/1/17 or 2025.01.17,
// where j is just after the first separator.
func dashed(s string, start, j, y int, sep rune) (end int, value string, ok bool) {
	// In 0481-2025-01, 1.2025.1.5 or a URL path /art/2025/3/21/ the
	// digits belong to a longer code, not to a date.
	if r, _ := utf8.DecodeLastRuneInString(s[:start]); r == sep {
		return 0, "", false
	}
	m, n, j := chars.Digits(s, j)
	if n < 1 || n > 2 {
		return 0, "", false
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	if r != sep {
		return 0, "", false
	}
	d, n, j := chars.Digits(s, j+size)
	if n < 1 || n > 2 {
		return 0, "", false
	}
	if r, size := utf8.DecodeRuneInString(s[j:]); r == sep {
		if p, _ := utf8.DecodeRuneInString(s[j+size:]); chars.IsDigit(p) {
			return 0, "", false
		}
	}
	return checked(j, y, m, d)
}

// written reads 年 month 月 day 日 after a year that ends at j, allowing
// spaces between the parts (2025 年 1 月 17 日), one line break among them
// (text from a PDF wraps anywhere: 2025⏎年 1 月 1 日) and Chinese numerals.
func written(s string, j, y int) (end int, value string, ok bool) {
	breaks := 0 // line breaks passed so far
	gap := func(j int) int {
		j = chars.SkipSpaces(s, j)
		if k := lineBreak(s, j); k > j && breaks == 0 {
			breaks++
			j = chars.SkipSpaces(s, k)
		}
		return j
	}
	j, ok = expect(s, gap(j), "年")
	if !ok {
		return 0, "", false
	}
	m, j, ok := part(s, gap(j), true)
	if !ok {
		return 0, "", false
	}
	if j, ok = expect(s, gap(j), "月"); !ok {
		return 0, "", false
	}
	d, j, ok := part(s, gap(j), false)
	if !ok {
		return 0, "", false
	}
	j = gap(j)
	r, size := utf8.DecodeRuneInString(s[j:])
	if r != '日' && r != '号' {
		return 0, "", false
	}
	return checked(j+size, y, m, d)
}

// expect skips spaces at j and then the word w.
func expect(s string, j int, w string) (int, bool) {
	j = chars.SkipSpaces(s, j)
	if !strings.HasPrefix(s[j:], w) {
		return 0, false
	}
	return j + len(w), true
}

// lineBreak returns the offset after a line break (\n or \r\n) at j, or j.
func lineBreak(s string, j int) int {
	switch {
	case strings.HasPrefix(s[j:], "\r\n"):
		return j + 2
	case strings.HasPrefix(s[j:], "\n"):
		return j + 1
	}
	return j
}

// part reads a month or a day after optional spaces: 1 to 2 digits or a
// Chinese numeral up to 三十一 (元 for January when month is set).
func part(s string, j int, month bool) (value, end int, ok bool) {
	j = chars.SkipSpaces(s, j)
	v, n, k := chars.Digits(s, j)
	if n > 0 {
		return v, k, n <= 2
	}
	if month && strings.HasPrefix(s[j:], "元") {
		return 1, j + len("元"), true
	}
	return hanSmall(s, j)
}

// checked validates the calendar date and formats it.
func checked(end, y, m, d int) (int, string, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, "", false
	}
	return end, iso(y, m, d), true
}

// iso formats a checked date as YYYY-MM-DD: fmt.Sprintf("%04d-%02d-%02d"),
// without its parsing of the format for every date of a text.
func iso(y, m, d int) string {
	b := [10]byte{
		byte('0' + y/1000%10), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-',
		byte('0' + d/10), byte('0' + d%10),
	}
	return string(b[:])
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isSep(r rune) bool {
	switch r {
	case '-', '/', '.', '－', '／', '．':
		return true
	}
	return false
}

// isClock reports whether rest, after the date, holds only a time of day
// and a weekday, in any order: " 06:23", " 11:30:01", "T08:00:00",
// " 10:20:00.0", " 9时30分", " 星期五", "（周五）".
func isClock(rest string) bool {
	rest = strings.TrimPrefix(rest, "T")
	fields := strings.FieldsFunc(rest, func(r rune) bool {
		return chars.IsSpace(r) || r == '\n' || r == '\r' || strings.ContainsRune("()（）", r)
	})
	for _, f := range fields {
		if !isTime(f) && !isWeekday(f) {
			return false
		}
	}
	return len(fields) > 0
}

// isTime reports whether s is a time of day: 06:23, 11:30:01, 10:20:00.0,
// 9时, 9时30分, 9点5分, 9时30分15秒.
func isTime(s string) bool {
	h, n, i := chars.Digits(s, 0)
	if n < 1 || n > 2 || h > 23 {
		return false
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch r {
	case ':', '：':
		// Minutes and seconds have two digits after a colon.
		for part := 0; i < len(s); part++ {
			r, size := utf8.DecodeRuneInString(s[i:])
			if part == 2 && r == '.' {
				_, n, k := chars.Digits(s, i+1)
				return n > 0 && k == len(s)
			}
			if part == 2 || r != ':' && r != '：' {
				return false
			}
			v, n, k := chars.Digits(s, i+size)
			if n != 2 || v > 59 {
				return false
			}
			i = k
		}
		return true
	case '时', '点':
		i += size
		for _, unit := range []rune{'分', '秒'} {
			if i == len(s) {
				return true
			}
			v, n, k := chars.Digits(s, i)
			r, size := utf8.DecodeRuneInString(s[k:])
			if n < 1 || n > 2 || v > 59 || r != unit {
				return false
			}
			i = k + size
		}
		return i == len(s)
	}
	return false
}

// isWeekday reports whether s names a day of the week: 星期五, 周五, 礼拜天.
func isWeekday(s string) bool {
	for _, p := range []string{"星期", "礼拜", "周"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return utf8.RuneCountInString(rest) == 1 && strings.ContainsRune("一二三四五六日天", []rune(rest)[0])
		}
	}
	return false
}
