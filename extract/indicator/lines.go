package indicator

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// Stage 1, lines: a report is read paragraph by paragraph; a line that stops
// mid-sentence (PDF text breaks at the page edge) runs on to the next, and
// the paragraph is read without its line breaks.

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
	r, _ := decodeLastRune(line)
	if line == "" || !(isIdeograph(r) || runOnMarks.Has(r) || isHan(r) || unicode.IsDigit(r)) {
		return false
	}
	if end := ordinalEnd(line); end >= 0 && !strings.Contains(line, "。") && !strings.HasSuffix(line[:end], "是") {
		return false // a heading (but 三是发现…，: an item of prose)
	}
	return chars.ContainsAny(line, "，,；;。") || utf8.RuneCountInString(line) >= 25
}

// runOnMarks are the marks a line that runs on may end with.
var runOnMarks = chars.NewSet("，,、；;：:%")

// pageNumber matches a line that is only a page number: — 3 —, - 4 -, 第2页 共10页, 3/12.
var pageNumber = regexp.MustCompile(`^(?:[-—–－_·\s]*[0-9０-９]{1,4}[-—–－_·\s]*|第\s*[0-9０-９]{1,4}\s*[页](?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*[页])?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$`)

// pageStarts are the characters a line that pageNumber matches starts with.
var pageStarts = chars.NewSet("-—–－_·\t\n\f\r 第0123456789０１２３４５６７８９")

// pageEnds are the characters a line that pageNumber matches ends with.
var pageEnds = chars.NewSet("-—–－_·\t\n\f\r 页0123456789０１２３４５６７８９")

// isPageNumber reports whether pageNumber matches line. The regexp runs
// only on lines that start and end as a page number does: most do not,
// and a line that starts with a year (2024年，…) ends otherwise.
func isPageNumber(line string) bool {
	first, _ := decodeRune(line)
	last, _ := decodeLastRune(line)
	return pageStarts.Has(first) && pageEnds.Has(last) && pageNumber.MatchString(line)
}

// ordinalEnd returns where the ordinal opening s ends, or -1 when s opens
// with none: what the regexp ordinal (in the tests) matches, 一是, 十一、,
// （三）, (12), 2. or 3、, read without it, as a heading is looked for on
// every line.
func ordinalEnd(s string) int {
	r, i := decodeRune(s)
	switch {
	case isNumeral(r): // [一二三四五六七八九十]+[是、]
		for {
			r, size := decodeRune(s[i:])
			i += size
			switch {
			case r == '是' || r == '、':
				return i
			case !isNumeral(r):
				return -1
			}
		}
	case r == '（' || r == '(': // [（(][一二三四五六七八九十0-9]+[)）]
		for n := 0; ; n++ {
			r, size := decodeRune(s[i:])
			i += size
			switch {
			case (r == ')' || r == '）') && n > 0:
				return i
			case !isNumeral(r) && !isASCIIDigit(r):
				return -1
			}
		}
	case isASCIIDigit(r): // [0-9]+[.．、]
		for {
			r, size := decodeRune(s[i:])
			i += size
			switch {
			case r == '.' || r == '．' || r == '、':
				return i
			case !isASCIIDigit(r):
				return -1
			}
		}
	}
	return -1
}

// isNumeral reports whether r is a Chinese numeral of an ordinal: 一 to 十.
func isNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// isASCIIDigit reports whether r is one of 0 to 9.
func isASCIIDigit(r rune) bool {
	return '0' <= r && r <= '9'
}

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
	if chars.ContainsAny(line, "，,；;。：:") {
		return false
	}
	if afterPage {
		return true
	}
	if h.lines == nil {
		h.lines = map[string]int{}
		for l := range strings.SplitSeq(h.text, "\n") {
			if l = trimSpace(l); l != "" && !chars.ContainsAny(l, "，,；;。：:") {
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
	return line != "" && (isPageNumber(line) || h.is(line, afterPage))
}

// heading reports whether a line starts a heading or an item of a list
// (二、主要工作, （三）, 2.推进…), which a line that runs on does not run into:
// 1.5% is a figure, not an item.
func heading(line string) bool {
	end := ordinalEnd(line)
	if end < 0 {
		return false
	}
	r, _ := decodeRune(line[end:])
	return !unicode.IsDigit(r)
}
