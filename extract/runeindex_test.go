package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRuneIndex checks both directions of runeIndex against a walk of
// the text's runes.
func FuzzRuneIndex(f *testing.F) {
	for _, s := range []string{"", "abc", "法治政府2024年", "a\xffb", "收入\u00a0821.24亿元\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		idx := newRuneIndex(text)
		n := 0
		for b := range text {
			if got := idx.runes(b); got != n {
				t.Fatalf("runes(%d) = %d, want %d", b, got, n)
			}
			if got := idx.bytes(n); got != b {
				t.Fatalf("bytes(%d) = %d, want %d", n, got, b)
			}
			n++
		}
		if n != utf8.RuneCountInString(text) {
			t.Fatalf("%d runes walked", n)
		}
		if got := idx.bytes(n); got != len(text) {
			t.Errorf("bytes(rune count %d) = %d, want %d", n, got, len(text))
		}
		for _, r := range []int{-1, n + 1} {
			if got := idx.bytes(r); got != -1 {
				t.Errorf("bytes(%d) = %d, want -1", r, got)
			}
		}
		// Every byte, within a rune or not, as a table of one entry a byte says.
		dense := denseRuneIndex(text)
		for b := -1; b <= len(text)+1; b++ {
			want := -1
			if b >= 0 && b < len(dense) {
				want = int(dense[b])
			}
			if got := idx.runes(b); got != want {
				t.Fatalf("runes(%d) = %d, want %d", b, got, want)
			}
		}
	})
}

// denseRuneIndex is the rune offset of every byte of text and of len(text).
func denseRuneIndex(text string) []int32 {
	idx := make([]int32, len(text)+1)
	n := int32(0)
	for i := range text {
		for j := i; j < len(text) && (j == i || !utf8.RuneStart(text[j])); j++ {
			idx[j] = n
		}
		n++
	}
	idx[len(text)] = n
	return idx
}

func TestLastLines(t *testing.T) {
	for _, text := range []string{"", "\n", "a", "a\nb", "a\nb\nc\nd", "a\nb\nc\nd\ne\n", "\n\n\n\n\n", "表1\n单位：万元\n\n项目"} {
		lines := strings.Split(text, "\n")
		want := lines[max(0, len(lines)-4):]
		if got := lastLines(text, 4); !slices.Equal(got, want) {
			t.Errorf("lastLines(%q, 4) = %q, want %q", text, got, want)
		}
	}
}
