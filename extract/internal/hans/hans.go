// Package hans folds traditional Chinese characters to their simplified
// forms, one character for one, so that rules written in simplified
// characters also read 統計公報 and 縣人民政府 and offsets stay the same.
//
// fold.tsv is OpenCC's character table (npm opencc-js), converted by gen.
package hans

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

//go:embed fold.tsv
var foldTSV string

var (
	once sync.Once
	fold chars.RuneMap
)

func table() *chars.RuneMap {
	once.Do(func() {
		for line := range strings.Lines(foldTSV) {
			t, s, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
			tr, n1 := utf8.DecodeRuneInString(t)
			sr, n2 := utf8.DecodeRuneInString(s)
			if !ok || n1 != len(t) || n2 != len(s) {
				panic("hans: bad line in the embedded fold.tsv: " + line) // a build error
			}
			fold.Set(tr, sr)
		}
	})
	return &fold
}

// Fold returns s with every traditional character replaced by its
// simplified form. The result has as many runes as s: a rune offset into
// one is an offset into the other.
func Fold(s string) string {
	return table().Map(s) // s itself for the common case: simplified text
}
