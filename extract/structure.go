package extract

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/meta"
)

// Heading patterns of Chinese official documents, by level:
// 第一章 / 一、 (1), （一） (2), 1. 1、 (3), （1） (4).
var headingPatterns = []struct {
	level int
	re    *regexp.Regexp
}{
	{1, regexp.MustCompile(`^第[一二三四五六七八九十百零〇]+[章编部分]\s*\S`)},
	{1, regexp.MustCompile(`^[一二三四五六七八九十]{1,3}[、．.]\s*\S`)},
	{2, regexp.MustCompile(`^[（(][一二三四五六七八九十]{1,3}[)）]\s*\S`)},
	{3, regexp.MustCompile(`^[0-9０-９]{1,2}(?:[、]|[.．](?:[^0-9０-９]|$))\s*\S`)},
	{4, regexp.MustCompile(`^[（(][0-9０-９]{1,2}[)）]\s*\S`)},
}

// headingStarts holds the characters a heading starts with: the first
// characters of headingPatterns, read from their syntax. A line that starts
// with none of them, as most do, is matched against no pattern.
var headingStarts = func() []rune {
	var ranges []rune // lo, hi pairs, as syntax.Regexp.Rune holds them
	for _, p := range headingPatterns {
		re, err := syntax.Parse(p.re.String(), syntax.Perl)
		if err != nil {
			panic(err)
		}
		ranges = append(ranges, firstRunes(re)...)
	}
	return ranges
}()

// firstRunes returns the ranges of the characters a match of re starts with.
// It knows the operators of headingPatterns, each of which starts with a
// character after its ^.
func firstRunes(re *syntax.Regexp) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		return []rune{re.Rune[0], re.Rune[0]}
	case syntax.OpCharClass:
		return re.Rune
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return firstRunes(re.Sub[0])
		}
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if sub.Op != syntax.OpBeginText {
				return firstRunes(sub)
			}
		}
	case syntax.OpAlternate:
		var out []rune
		for _, sub := range re.Sub {
			out = append(out, firstRunes(sub)...)
		}
		return out
	}
	panic("headingPatterns: a pattern that may not start with a character: " + re.String())
}

// headingStart reports whether a line that starts with r may be a heading.
func headingStart(r rune) bool {
	for i := 0; i < len(headingStarts); i += 2 {
		if headingStarts[i] <= r && r <= headingStarts[i+1] {
			return true
		}
	}
	return false
}

// maxHeadingRunes bounds a heading: a longer numbered line is a paragraph
// that starts with a number, not a heading.
const maxHeadingRunes = 60

// Sections finds the numbered headings of a text (一、…, （一）…, 1.…,
// （1）…), each with its level and the rune offset where it starts. A
// heading that runs into its paragraph (3.深化改革。一是…) ends at the first 。.
func Sections(text string) []Section {
	var out []Section
	offset := 0 // rune offset of the next line
	for line := range strings.Lines(text) {
		lineStart := offset
		offset += utf8.RuneCountInString(line)
		trimmed := strings.TrimLeft(line, " \t\u3000\u00a0")
		lead := utf8.RuneCountInString(line[:len(line)-len(trimmed)])
		trimmed = strings.TrimRight(trimmed, " \t\r\n\u3000\u00a0")
		if first, _ := utf8.DecodeRuneInString(trimmed); !headingStart(first) {
			continue
		}
		for _, p := range headingPatterns {
			if !p.re.MatchString(trimmed) {
				continue
			}
			heading := trimmed
			if i := strings.IndexAny(heading, "。；;：:"); i >= 0 {
				heading = heading[:i]
			}
			if n := utf8.RuneCountInString(heading); n <= maxHeadingRunes && n >= 3 {
				out = append(out, Section{Heading: heading, Level: p.level, Start: lineStart + lead})
			}
			break
		}
	}
	return out
}

// sectionAt returns the innermost heading in force at rune offset pos.
func sectionAt(sections []Section, pos int) string {
	i := sort.Search(len(sections), func(i int) bool { return sections[i].Start > pos })
	if i == 0 {
		return ""
	}
	return sections[i-1].Heading
}

// labelRE matches any known metadata label, padded or not: 索 引 号, 文　　号.
var labelRE = func() *regexp.Regexp {
	labels := meta.Labels()
	// Longest first so that 信息索引号 wins over 索引号.
	sortByLenDesc(labels)
	var alts []string
	for _, l := range labels {
		var b strings.Builder
		for i, r := range []rune(l) {
			if i > 0 {
				b.WriteString(`[ \t\x{3000}\x{00a0}]*`)
			}
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
		alts = append(alts, b.String())
	}
	return regexp.MustCompile(`(?:^|[|\t \x{3000}\x{00a0}]+)(` + strings.Join(alts, "|") + `)[ \t\x{3000}\x{00a0}]*(?:[:：|\t]|[ \x{3000}\x{00a0}]|$)`)
}()

// labelStarts are the first characters of the metadata labels: a line that
// starts with none of them holds no metadata, and labelRE, which would try
// every position of it, is not run.
var labelStarts = func() map[rune]bool {
	starts := map[rune]bool{}
	for _, l := range meta.Labels() {
		r, _ := utf8.DecodeRuneInString(l)
		starts[r] = true
	}
	return starts
}()

func sortByLenDesc(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && len(s[j]) > len(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// metaHeadLines is how far into a plain text metadata labels are looked for.
const metaHeadLines = 30

// TextMetadata reads the metadata block that pages flatten into text:
// `索 引 号 | 059422325-0481-2025-00250 | 主题分类 | \\ |`,
// `发布机构：驻马店市人民政府`, `成文日期 2025-03-21 公开时限 长期公开`, a
// list of items (`• 索引号: … 主题分类: …`), and a label alone on its line
// with its value on the next, indented under it or a date (`• 发文字号:` /
// `    某政发〔2024〕7号`). Only lines near the top that start with a label
// are read. Keys are canonical; date values are made ISO by parseDate
// (dropped when it fails). The first non-empty value of a key wins.
func TextMetadata(text string, parseDate func(string) (string, bool)) map[string]string {
	md := map[string]string{}
	// The text after the head is not split: two lines more for a value under its label.
	lines := strings.SplitN(text, "\n", metaHeadLines+3)
	for i := 0; i < len(lines) && i < metaHeadLines; i++ {
		line := trimItem(lines[i])
		if first, _ := utf8.DecodeRuneInString(strings.TrimLeft(line, "| \t\u3000\u00a0")); !labelStarts[first] {
			continue
		}
		locs := labelRE.FindAllStringSubmatchIndex(line, -1)
		if len(locs) == 0 {
			continue
		}
		if strings.TrimLeft(line[:locs[0][2]], "| \t\u3000\u00a0") != "" {
			continue // the line does not start with a label
		}
		if len(locs) == 1 && strings.Trim(line[locs[0][1]:], "|:： \t\u3000\u00a0") == "" {
			// a label alone: its value may stand on the next line
			if v, next, ok := valueBelow(lines, i, parseDate); ok {
				line, i = line+" "+v, next
				locs = labelRE.FindAllStringSubmatchIndex(line, 1)
			}
		}
		for j, loc := range locs {
			key, ok := meta.Canonical(line[loc[2]:loc[3]])
			if !ok {
				continue
			}
			end := len(line)
			if j+1 < len(locs) {
				end = locs[j+1][0]
			}
			value := line[loc[1]:end]
			if k := strings.IndexAny(value, "|\t"); k >= 0 && strings.Trim(value[k:], "| \t") == "" {
				value = value[:k]
			}
			value = meta.CleanValue(strings.Trim(cutUnknownLabel(value), "|: \t：\u3000"))
			if value == "" {
				continue
			}
			if meta.IsDateKey(key) {
				iso, ok := parseDate(value)
				if !ok {
					continue
				}
				value = iso
			}
			if _, seen := md[key]; !seen {
				md[key] = value
			}
		}
	}
	return md
}

// unknownLabel is a label metadata does not know that follows a value on
// the same line: 访问次数 :, 日期:2017-01-12, 字号:【.
var unknownLabel = regexp.MustCompile(`[ \t\x{3000}\x{00a0}]+[\p{Han}]{1,8}[ \t\x{3000}\x{00a0}]*[:：]`)

// cutUnknownLabel ends a value at an unknown label that follows it on the
// same line: 来源：某州农垦局 访问次数： → 某州农垦局.
func cutUnknownLabel(value string) string {
	if loc := unknownLabel.FindStringIndex(value); loc != nil {
		return value[:loc[0]]
	}
	return value
}

// itemMark is the bullet of a list item a page converted to text puts
// before a label: • 索引号:, - 发布日期:.
var itemMark = regexp.MustCompile(`^(?:[•·●▪◆■◇]|[-*＊][ \t\x{3000}])[ \t\x{3000}\x{00a0}]*`)

// trimItem trims a line and the bullet before it.
func trimItem(line string) string {
	line = strings.TrimSpace(line)
	// Not ReplaceAllString, which copies the line when nothing matches.
	if loc := itemMark.FindStringIndex(line); loc != nil {
		return line[loc[1]:]
	}
	return line
}

// valueBelow returns the value of a label that stands alone on line i
// (• 发文字号:) when the next non-empty line holds it: a line that is no
// label itself and is indented deeper than the label, or a date. next is
// the index of that line.
func valueBelow(lines []string, i int, parseDate func(string) (string, bool)) (value string, next int, ok bool) {
	if !chars.ContainsAny(lines[i], ":：") {
		return "", 0, false // only a label with a colon promises a value
	}
	for j := i + 1; j < len(lines) && j <= i+2; j++ {
		v := strings.TrimSpace(lines[j])
		if v == "" {
			continue
		}
		if isMetaLine(trimItem(v)) || itemMark.MatchString(v) || utf8.RuneCountInString(v) > 80 {
			return "", 0, false
		}
		if _, isDate := parseDate(v); isDate || indent(lines[j]) > indent(lines[i]) {
			return v, j, true
		}
		return "", 0, false
	}
	return "", 0, false
}

// indent counts the spaces (a tab, U+3000 as one) a line starts with.
func indent(line string) int {
	n := 0
	for _, r := range line {
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\u00a0' {
			break
		}
		n++
	}
	return n
}

func isMetaLine(line string) bool {
	loc := labelRE.FindStringSubmatchIndex(line)
	return loc != nil && strings.TrimLeft(line[:loc[2]], "| \t\u3000\u00a0") == ""
}

// TextRecipients finds the addressees line of a plain text (市人大常委会:),
// which stands before the first paragraph and ends with a colon.
func TextRecipients(text string) []string {
	for i, line := range strings.Split(text, "\n") {
		if i >= metaHeadLines+20 {
			break
		}
		line = strings.TrimSpace(line)
		if !strings.HasSuffix(line, ":") && !strings.HasSuffix(line, "：") {
			continue
		}
		body := strings.TrimRight(line, ":：")
		// Addressees are at least three characters (市政府:, 各位代表:);
		// shorter words before a colon are page furniture (字号:, 来源:).
		if n := utf8.RuneCountInString(body); n < 3 || n > 80 || chars.ContainsAny(body, "0123456789。|") || isMetaLine(line) {
			continue
		}
		var out []string
		for _, part := range strings.FieldsFunc(body, func(r rune) bool { return strings.ContainsRune("，,；; ", r) }) {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
		return out
	}
	return nil
}
