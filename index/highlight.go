package index

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a match in a text, as byte offsets.
type Span struct{ Start, End int }

// fragmentContext is how many characters a fragment shows on each side of
// its first match.
const fragmentContext = 40

// Highlight returns text as HTML with the spans (sorted by Start) wrapped in
// <mark>; overlapping and touching spans make one mark.
func Highlight(text string, spans []Span) string {
	var b strings.Builder
	pos := 0
	for _, s := range merge(text, spans) {
		b.WriteString(html.EscapeString(text[pos:s.Start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.Start:s.End]))
		b.WriteString("</mark>")
		pos = s.End
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String()
}

// Fragments returns up to n pieces of text around the spans (sorted by
// Start), as HTML with the matches marked. Pieces start and end on
// character boundaries, show fragmentContext characters around their first
// match, never overlap, and have line breaks replaced by spaces.
func Fragments(text string, spans []Span, n int) []string {
	var out []string
	end := 0 // where the previous fragment ended
	ms := merge(text, spans)
	for i := 0; i < len(ms) && len(out) < n; {
		from := max(back(text, ms[i].Start, fragmentContext), end)
		to := forward(text, ms[i].End, fragmentContext)
		var in []Span
		for ; i < len(ms) && ms[i].Start < to; i++ {
			to = max(to, ms[i].End) // a mark is never cut
			in = append(in, Span{ms[i].Start - from, ms[i].End - from})
		}
		frag := Highlight(text[from:to], in)
		// An ellipsis says the sentence goes on; a fragment that reaches a
		// line break or the end of the text has none on that side.
		if from > 0 && text[from-1] != '\n' {
			frag = "…" + frag
		}
		if to < len(text) && text[to] != '\n' && text[to] != '\r' {
			frag += "…"
		}
		out = append(out, strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(frag))
		end = to
	}
	return out
}

// merge drops spans that are out of range or not on character boundaries
// and joins overlapping or touching ones.
func merge(text string, spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End || !boundary(text, s.Start) || !boundary(text, s.End) {
			continue
		}
		if k := len(out) - 1; k >= 0 && (s.Start <= out[k].End || punctGap(text[out[k].End:s.Start])) {
			out[k].End = max(out[k].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// punctGap reports whether the text between two matches is one or two
// punctuation marks, as in 国发〔2024〕3号, which a query matches token by
// token: one mark reads better than three.
func punctGap(gap string) bool {
	n := 0
	for _, r := range gap {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsSpace(r) {
			return false
		}
		n++
	}
	return n <= 2
}

func boundary(text string, i int) bool {
	return i == len(text) || utf8.RuneStart(text[i])
}

// back returns the byte offset n characters before i, stopping after a line
// break.
func back(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r == '\n' {
			break
		}
		i -= size
	}
	return i
}

// forward returns the byte offset n characters after i, stopping at a line
// break.
func forward(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			break
		}
		i += size
	}
	return i
}
