package indicator

import (
	"strings"
	"unicode/utf8"

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
	var out []Indicator
	var subjects, units []string // carried over a line broken mid-sentence
	carry := ""                  // and the start of the clause the break cut
	afterPage := false           // the line before was a page number
	prevOn := false              // the line before ran on
	headers := headers{text: text}
	for lineStart := 0; lineStart < len(text) && len(qs) > 0; {
		lineEnd := lineEndAt(text, lineStart)
		n := 0
		for n < len(qs) && qs[n].Start < lineEnd {
			n++
			if qs[n-1].End > lineEnd {
				// 收入完成93.6⏎亿元，为预算的101.3%: a figure cut by a line
				// break joins the two lines
				lineEnd = lineEndAt(text, qs[n-1].End)
			}
		}
		line := strings.TrimSpace(text[lineStart:lineEnd])
		if prevOn && n == 0 && headers.pageBreak(line, afterPage) {
			// 占一般公共预⏎— 2 —⏎(running header)⏎算支出的78.9%: a sentence
			// runs on over a page break
			afterPage = pageNumber.MatchString(line)
			lineStart = lineEnd + 1
			continue
		}
		// 地区生产总值468亿元，⏎增长4.1%: a PDF line break inside a sentence
		on := runsOn(line) && !headers.is(line, afterPage)
		p := paragraph{text: text, original: original, start: lineStart, end: lineEnd, qs: qs[:n], seg: seg, subjects: subjects, units: units, carry: carry}
		if on {
			p.next = headers.openHead(lineEnd)
		}
		if n > 0 {
			out = append(out, p.name()...)
			qs = qs[n:]
		}
		subjects, units, carry = nil, nil, ""
		if on {
			subjects, units = p.subjects, p.units
			carry = p.openClause()
		}
		afterPage = pageNumber.MatchString(line)
		prevOn = on
		lineStart = lineEnd + 1
	}
	if text != original {
		for k := range out {
			out[k].Name = asWritten(out[k].Name, original, text, out[k].Start)
		}
	}
	return out
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
			_, size := utf8.DecodeRuneInString(name[i:])
			b.WriteString(name[i : i+size])
			j = i + size
		}
		i = j
	}
	return b.String()
}
