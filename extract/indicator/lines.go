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
	r, _ := utf8.DecodeLastRuneInString(line)
	if line == "" || !(strings.ContainsRune("，,、；;：:%", r) || isHan(r) || unicode.IsDigit(r)) {
		return false
	}
	if loc := ordinalAt(line); loc != nil && !strings.Contains(line, "。") && !strings.HasSuffix(line[:loc[1]], "是") {
		return false // a heading (but 三是发现…，: an item of prose)
	}
	return chars.ContainsAny(line, "，,；;。") || utf8.RuneCountInString(line) >= 25
}

// pageNumber matches a line that is only a page number: — 3 —, - 4 -, 第2页 共10页, 3/12.
var pageNumber = regexp.MustCompile(`^(?:[-—–－_·\s]*[0-9０-９]{1,4}[-—–－_·\s]*|第\s*[0-9０-９]{1,4}\s*[页](?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*[页])?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$`)

// pageStarts are the characters a line that pageNumber matches starts with.
var pageStarts = chars.NewSet("-—–－_·\t\n\f\r 第0123456789０１２３４５６７８９")

// isPageNumber reports whether pageNumber matches line. The regexp runs
// only on lines that start as a page number does: most do not.
func isPageNumber(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return pageStarts.Has(r) && pageNumber.MatchString(line)
}

// ordinalStarts are the characters an ordinal starts with.
var ordinalStarts = chars.NewSet("一二三四五六七八九十（(0123456789")

// ordinalAt returns where the ordinal opening s is, or nil. The regexp runs
// only on words that start as an ordinal does.
func ordinalAt(s string) []int {
	if r, _ := utf8.DecodeRuneInString(s); !ordinalStarts.Has(r) {
		return nil
	}
	return ordinal.FindStringIndex(s)
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
	loc := ordinalAt(line)
	if loc == nil {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line[loc[1]:])
	return !unicode.IsDigit(r)
}
