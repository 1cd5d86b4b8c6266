// Package spantest helps the recognisers' tests: it reads expected spans
// marked with ⟦ ⟧ in test inputs and checks the span properties every
// recogniser promises (inside the text, in order, no overlap, exact text).
package spantest

import (
	"strings"
	"testing"
)

// Marked removes the ⟦ ⟧ markers from in and returns the clean text and the
// marked spans as byte offsets in it.
func Marked(t testing.TB, in string) (string, [][2]int) {
	t.Helper()
	var b strings.Builder
	var out [][2]int
	open := -1
	for _, r := range in {
		switch r {
		case '⟦':
			if open >= 0 {
				t.Fatalf("nested ⟦ in %q", in)
			}
			open = b.Len()
		case '⟧':
			if open < 0 {
				t.Fatalf("unbalanced ⟧ in %q", in)
			}
			out = append(out, [2]int{open, b.Len()})
			open = -1
		default:
			b.WriteRune(r)
		}
	}
	if open >= 0 {
		t.Fatalf("unclosed ⟦ in %q", in)
	}
	return b.String(), out
}

// Order checks successive hits of one recogniser over a text.
type Order struct {
	Text string
	last int
}

// Next checks the byte span [start, end) of the next hit, whose text is got:
// it lies inside the text after the previous hit and cuts exactly got.
func (o *Order) Next(t testing.TB, start, end int, got string) {
	t.Helper()
	if start < o.last || end <= start || end > len(o.Text) {
		t.Fatalf("span %d:%d out of order or outside the text (previous end %d, length %d)", start, end, o.last, len(o.Text))
	}
	o.last = end
	if o.Text[start:end] != got {
		t.Fatalf("text[%d:%d] = %q, hit text %q", start, end, o.Text[start:end], got)
	}
}
