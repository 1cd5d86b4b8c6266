package indicator

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/fold"
	"github.com/gongwen/gongwen/extract/quantity"
	"github.com/gongwen/gongwen/extract/segment"
)

// Indicator is a quantity with what it counts.
type Indicator struct {
	quantity.Quantity
	Name     string // what is counted, from the same clause: 受理人民调解案件
	Sentence string // the sentence the quantity sits in
	// Rule is the naming rule that gave Name (see the package doc), with the
	// clean-ups that changed it after a +: own-subject+generic.
	Rule string
}

// Find names the quantities of text, found by extract/quantity, and returns
// them in text order. A quantity shared by several subjects (A和B均为100%) is
// returned once per subject. seg tags words for the prepositional-phrase
// rule; nil skips it.
func Find(original string, qs []quantity.Quantity, seg *segment.Segmenter) []Indicator {
	// The rules read the text with traditional characters folded, so their
	// word lists are simplified only; names keep what is written.
	text := fold.String(original)
	// Most quantities give one indicator: the paragraphs append to one slice
	// of about that size, rather than each returning a slice to copy.
	out := make([]Indicator, 0, len(qs))
	h := headers{text: text}
	// One paragraph is read at a time. The rules, function values, take it
	// by pointer, which puts it on the heap: it is taken from the readers of
	// reports done, with the buffers they grew.
	p := readers.Get().(*paragraph)
	defer readers.Put(p)
	clear(p.tags)      // the words of another report
	var lines [][2]int // the lines of the paragraph being read, which ran on so far
	first, k := 0, 0   // its first quantity, and the next
	afterPage := false // the line before was a page number
	flush := func() {
		if k > first {
			out = h.appendNames(out, p, original, lines, qs[first:k], seg)
		}
		lines, first = lines[:0], k // the paragraph read keeps none of it
	}
	for lineStart := 0; lineStart < len(text) && (k < len(qs) || len(lines) > 0); {
		lineEnd := lineEndAt(text, lineStart)
		n := k
		for n < len(qs) && qs[n].Start < lineEnd {
			n++
			if qs[n-1].End > lineEnd {
				// 收入完成93.6⏎亿元，为预算的101.3%: a figure cut by a line
				// break holds the two lines together
				lineEnd = lineEndAt(text, qs[n-1].End)
			}
		}
		line := trimSpace(text[lineStart:lineEnd])
		if len(lines) > 0 {
			switch {
			case n == k && h.pageBreak(line, afterPage):
				// 占一般公共预⏎— 2 —⏎(running header)⏎算支出的78.9%: a sentence
				// runs on over a page break
				afterPage = isPageNumber(line)
				lineStart = lineEnd + 1
				continue
			case line == "" || heading(line):
				flush() // a paragraph or a list item starts
			}
		}
		lines = append(lines, [2]int{lineStart, lineEnd})
		k = n
		// 地区生产总值468亿元，⏎增长4.1%: a PDF line break inside a sentence
		if !runsOn(line) || h.is(line, afterPage) {
			flush()
		}
		afterPage = isPageNumber(line)
		lineStart = lineEnd + 1
	}
	flush()
	return out
}

// readers holds paragraphs that Find read reports with, for another: a
// paragraph is a large struct, and its buffers grow with each report.
var readers = sync.Pool{New: func() any { return new(paragraph) }}

// appendNames appends to out the indicators of the quantities qs of the
// paragraph made of lines, read as one text without their line breaks (and
// the spaces around them), so that a sentence that PDF text wraps reads as
// the sentence it is. p is where the paragraph is read.
func (h *headers) appendNames(out []Indicator, p *paragraph, original string, lines [][2]int, qs []quantity.Quantity, seg *segment.Segmenter) []Indicator {
	text, orig := h.text[lines[0][0]:lines[0][1]], original[lines[0][0]:lines[0][1]]
	shift := []int{-lines[0][0]} // what to add to an offset of each line to get one of the paragraph
	if len(lines) > 1 {
		var t, o strings.Builder
		for i, l := range lines {
			start, end := l[0], l[1]
			if i > 0 {
				start = len(h.text) - len(strings.TrimLeftFunc(h.text[start:], unicode.IsSpace))
				start = min(start, end)
			}
			if i < len(lines)-1 {
				end = start + len(strings.TrimRightFunc(h.text[start:end], unicode.IsSpace))
			}
			if i > 0 {
				shift = append(shift, t.Len()-start)
			} else {
				shift[0] = -start
			}
			t.WriteString(h.text[start:end])
			o.WriteString(original[start:end])
		}
		text, orig = t.String(), o.String()
	}
	at := slices.Grow(p.qs[:0], len(qs))[:len(qs)] // the quantities, with offsets in the paragraph
	// The slices of the paragraph before are reused: nothing named keeps
	// them. The words tagged are kept for the rest of the report.
	stops, clauses, subjects, units, tags := p.stops[:0], p.clauseBuf[:0], p.subjects[:0], p.units[:0], p.tags
	for i, q := range qs {
		l := 0
		for l+1 < len(lines) && q.Start >= lines[l+1][0] {
			l++
		}
		q.Start, q.End = q.Start+shift[l], q.End+shift[l]
		at[i] = q
	}
	*p = paragraph{text: text, original: orig, start: 0, end: len(text), qs: at, seg: seg,
		stops: stops, clauseBuf: clauses, subjects: subjects, units: units, tags: tags}
	n := len(out)
	out = p.appendNames(out)
	for i, j := n, 0; i < len(out); i++ {
		for j+1 < len(at) && at[j].Start != out[i].Start {
			j++ // out is in text order; a shared value gives several
		}
		if text != orig {
			out[i].Name = asWritten(out[i].Name, orig, text, out[i].Start)
		}
		if out[i].Name == "" && len(qs) == 1 && trimSpace(text) == text[at[0].Start:at[0].End] {
			// 粮食总产量⏎⏎162817吨: a table flattened one cell a line
			if label, start := h.labelAbove(lines[0][0]); label != "" {
				out[i].Name, out[i].Rule = asWritten(label, original, h.text, start), "label-above"
			}
		}
		out[i].Quantity = qs[j]
	}
	return out
}

// labelAbove returns the label of a figure alone on its line at offset i,
// from a table flattened one cell a line: the nearest line above with words,
// when it is a short label (no figure, no clause marks), cleaned as a name
// (其中:谷物 → 谷物), and where it starts.
func (h *headers) labelAbove(i int) (string, int) {
	for blank := 0; i > 0 && blank <= 2; {
		start := strings.LastIndexByte(h.text[:i-1], '\n') + 1
		line := trimSpace(h.text[start : i-1])
		i = start
		if line == "" {
			blank++
			continue
		}
		if utf8.RuneCountInString(line) > 24 || strings.ContainsFunc(line, unicode.IsDigit) || chars.ContainsAny(line, "。，,；;！？") {
			return "", 0
		}
		label := clean(line)
		if !strings.ContainsFunc(label, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			return "", 0
		}
		return label, start
	}
	return "", 0
}

// asWritten returns name, made from folded text, with the characters that
// original writes: 本地生产总值 → 本地生產總值 in a traditional report. Each
// piece of the name is looked up, longest first, in the text before the
// figure at offset at (and a little after it); a piece found nowhere, such
// as the 排名 of a rank, stays as it is.
func asWritten(name, original, folded string, at int) string {
	lo, hi := max(0, at-4000), min(len(folded), at+1000)
	for lo > 0 && !utf8.RuneStart(folded[lo]) {
		lo--
	}
	for hi < len(folded) && !utf8.RuneStart(folded[hi]) {
		hi++
	}
	window := folded[lo:hi]
	var b strings.Builder
	for i := 0; i < len(name); {
		j := len(name)
		for ; j > i; j-- {
			if j < len(name) && !utf8.RuneStart(name[j]) {
				continue // a piece ends on a rune boundary
			}
			if k := strings.LastIndex(window, name[i:j]); k >= 0 {
				b.WriteString(original[lo+k : lo+k+j-i])
				break
			}
		}
		if j == i {
			_, size := decodeRune(name[i:])
			b.WriteString(name[i : i+size])
			j = i + size
		}
		i = j
	}
	return b.String()
}
