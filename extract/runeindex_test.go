package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRuneIndex checks both directions of runeIndex against a walk of
// the text's runes, on texts of valid UTF-8 (what Extract gives).
func FuzzRuneIndex(f *testing.F) {
	for _, s := range []string{"", "abc", "法治政府2024年", "a\uFFFDb", "收入\u00a0821.24亿元\n",
		strings.Repeat("𠀀法a", 40), strings.Repeat("行政复议案件", 30) + "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
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

func TestRuneStarts(t *testing.T) {
	for _, s := range []string{"", "a", "法", "12345678", "法治政府建设年度报告", "a法b治c", "𠀀𠀀x", strings.Repeat("受理49545件，", 9)} {
		if got, want := runeStarts(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeStarts(%q) = %d, want %d", s, got, want)
		}
	}
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

// BenchmarkRuneIndex builds the index of report-like texts of 4 KB and
// converts as many offsets as fill does for a report (a few hundred).
func BenchmarkRuneIndex(b *testing.B) {
	var texts []string
	for i := range 50 {
		texts = append(texts, strings.Repeat(fmt.Sprintf("全年受理行政复议案件%d件，同比增长12.5%%。\n", 1000+i), 70))
	}
	for b.Loop() {
		for _, text := range texts {
			idx := newRuneIndex(text)
			for off := 0; off < len(text); off += 13 {
				idx.runes(off)
			}
			for r := 0; r < 10; r++ {
				idx.bytes(r * 97)
			}
		}
	}
}
