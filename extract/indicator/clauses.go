package indicator

import (
	"slices"
	"strings"
	"unicode"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/quantity"
)

// clauseMarks end a clause.
var clauseMarks = chars.NewSet("，,；;：:。！？!?|｜\t\u3000")

// clauseLeads are the first bytes of the characters clauses looks for:
// clauseMarks, parentheses and the space. No ideograph starts with one, and
// no byte inside a character is one.
var clauseLeads = leadBytes("，,；;：:。！？!?|｜\t\u3000()（） ")

// Stage 2, clauses: a line splits into clauses at clause punctuation;
// parentheses that hold a figure are clauses of their own.

// clause is a stretch between clause punctuation; parentheses that hold a
// quantity are clauses of their own, other parentheses are transparent.
type clause struct {
	start, end int
	inParen    bool
}

func (p *paragraph) clauses() []clause {
	out := p.clauseBuf[:0]
	start := p.start
	paren := false
	k := 0 // next quantity: its separators (1,234件) are not clause breaks
	for i := p.start; i < p.end; {
		for k < len(p.qs) && p.qs[k].End <= i {
			k++
		}
		next := p.end // where the next quantity starts
		if k < len(p.qs) {
			if p.qs[k].Start <= i {
				i = p.qs[k].End
				continue
			}
			next = min(next, p.qs[k].Start)
		}
		if !clauseLeads[p.text[i]] {
			// bytes that start none of them, or are inside a character, up
			// to the next quantity
			i++
			for i < next && !clauseLeads[p.text[i]] {
				i++
			}
			continue
		}
		r, size := decodeRune(p.text[i:])
		switch {
		case r == '(' || r == '（':
			closeAt := p.closeParen(i + size)
			if closeAt > 0 && p.hasQuantity(i, closeAt) {
				out = append(out, clause{start, i, paren})
				start, paren = i+size, true
			} else if closeAt > 0 {
				i = closeAt // (区), (GDP): part of the clause
				continue
			}
		case (r == ')' || r == '）') && paren:
			out = append(out, clause{start, i, true})
			start, paren = i+size, false
		case clauseMarks.Has(r) || r == ' ' && strings.HasPrefix(p.text[i+size:], " "):
			// a full-width space or a run of spaces separates a heading from its text
			out = append(out, clause{start, i, paren})
			start = i + size
		}
		i += size
	}
	out = append(out, clause{start, p.end, paren})
	p.clauseBuf = out
	return out
}

// closeParen returns the byte offset just after the parenthesis closing at or after i, or -1.
func (p *paragraph) closeParen(i int) int {
	for j := i; j < p.end; {
		r, size := decodeRune(p.text[j:])
		switch r {
		case ')', '）':
			return j + size
		case '(', '（', '。':
			return -1
		}
		j += size
	}
	return -1
}

func (p *paragraph) hasQuantity(start, end int) bool {
	k, _ := slices.BinarySearchFunc(p.qs, start, func(q quantity.Quantity, start int) int { return q.Start - start })
	return k < len(p.qs) && p.qs[k].End <= end
}

// hasFigure reports whether a quantity of the paragraph overlaps text[start:end].
func (p *paragraph) hasFigure(start, end int) bool {
	for _, q := range p.qs {
		if q.Start < end && q.End > start {
			return true
		}
	}
	return false
}

// listEnds are the characters listEnd finds at the end of words.
var listEnds = chars.NewSet("、和及与或")

// listEnd returns the offset of the 、 or conjunction (和 及 与 或) that ends
// s after a word, or -1: 街道、 and 市直部门和 end an item of a list of counts.
func listEnd(s string) int {
	if last, _ := decodeLastRune(s); notSpace(last) && !listEnds.Has(last) {
		return -1 // most words: not a space, 、 or conjunction at the end
	}
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if k := listComma(s); k > 0 && k == len(s)-len("、") {
		return k
	}
	if chars.ContainsAny(s, "、，,；;") {
		return -1
	}
	for _, c := range []string{"和", "及", "与", "或"} {
		if strings.HasSuffix(s, c) && len(s) > len(c) {
			return len(s) - len(c)
		}
	}
	return -1
}

// listComma returns the offset of the first 、 of s outside parentheses, or
// -1: in 12个县（市、区）实地检查 the 、 lists the places of one term.
func listComma(s string) int {
	if ks := listCommas(s); len(ks) > 0 {
		return ks[0]
	}
	return -1
}

// lastListComma returns the offset of the last 、 of s outside parentheses, or -1.
func lastListComma(s string) int {
	if ks := listCommas(s); len(ks) > 0 {
		return ks[len(ks)-1]
	}
	return -1
}

// listCommas returns the offsets of the 、 of s that stand outside parentheses.
func listCommas(s string) []int {
	if !strings.Contains(s, "、") {
		return nil // most words: one fast search, not a look at each character
	}
	var out []int
	depth := 0
	for i, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth = max(0, depth-1)
		case '、':
			if depth == 0 {
				out = append(out, i)
			}
		}
	}
	return out
}

// sentence returns the sentence around q, up to and including its final stop.
func (p *paragraph) sentence(q quantity.Quantity) string {
	if len(p.stops) == 0 {
		p.stops = append(p.stops, p.start)
		p.stops = appendStops(p.stops, p.text[p.start:p.end], p.start)
		p.stops = append(p.stops, p.end)
	}
	// the last stop at or before q.Start, and the first one after q.End
	k, _ := slices.BinarySearch(p.stops, q.Start+1)
	start := p.stops[k-1]
	k, _ = slices.BinarySearch(p.stops, q.End+1)
	end := p.stops[min(k, len(p.stops)-1)]
	return trimSpace(p.original[start:end])
}

// sentenceLeads are the first bytes of the marks that end a sentence. No
// Chinese character starts with one of them.
var sentenceLeads = leadBytes("。！？!?")

// appendStops appends to stops the offset after each mark of s that ends a
// sentence, plus base. A report ends its sentences with 。 and seldom with
// anything else: without ！？!? in s, the marks are found with the fast
// search of strings.IndexRune. Else it looks at each byte and decodes only
// the few characters that start with one of sentenceLeads.
func appendStops(stops []int, s string, base int) []int {
	if !chars.ContainsAny(s, "！？!?") {
		for i := 0; ; {
			k := strings.IndexRune(s[i:], '。')
			if k < 0 {
				return stops
			}
			i += k + len("。")
			stops = append(stops, base+i)
		}
	}
	for i := range len(s) {
		if !sentenceLeads[s[i]] {
			continue
		}
		if r, size := decodeRune(s[i:]); chars.SentenceEnds.Has(r) {
			stops = append(stops, base+i+size)
		}
	}
	return stops
}

// listingParen returns where a parenthesis that lists the items of a count
// opens in s, the words after the count, or -1: the noun counted ends there
// (5个高频事项（技术合同认定登记、高新技术企业认定…）涉及到的相关政策文件 →
// 高频事项). A level of places (12个县（市、区）实地检查) is part of the noun.
func listingParen(s string) int {
	k := strings.IndexAny(s, "(（")
	if k <= 0 {
		return -1
	}
	inner := s[k:]
	if c := strings.IndexAny(inner, ")）"); c >= 0 {
		_, size := decodeRune(inner[c:])
		inner = inner[:c+size]
	}
	if !strings.Contains(inner, "、") || placeClasses.MatchString(inner) {
		return -1
	}
	return k
}
