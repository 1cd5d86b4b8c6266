package docnum

import "testing"

// TestWords checks that every role of words.tsv is read by the code: a
// word of a role nobody asks for would silently do nothing.
func TestWords(t *testing.T) {
	if unused := lists.Unused(); len(unused) > 0 {
		t.Errorf("roles of words.tsv that no rule reads: %q", unused)
	}
}
