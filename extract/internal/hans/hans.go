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
	// bmp has bit r set for each character r < 0x10000 that folds: the
	// test firstFolded makes of every character.
	bmp [0x10000 / 64]uint64
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
			if tr < 0x10000 {
				bmp[tr>>6] |= 1 << (tr & 63)
			}
		}
	})
	return &fold
}

// Fold returns s with every traditional character replaced by its
// simplified form. The result has as many runes as s: a rune offset into
// one is an offset into the other.
func Fold(s string) string {
	t := table()
	if i := firstFolded(s); i < len(s) {
		return s[:i] + t.Map(s[i:])
	}
	return s // the common case: simplified text
}

// firstFolded returns the byte offset of the first character of s that
// folds, or len(s). Nearly all text folds nowhere, and is read to its end:
// a character of three bytes is put together here, where decoding it in
// the general way took most of the time. The table must be loaded.
func firstFolded(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		// Lead bytes E1 to EF but ED, with two continuation bytes, are
		// U+1000 to U+FFFF without the surrogates: always valid.
		if c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if bmp[r>>6]&(1<<(r&63)) != 0 {
				return i
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := fold.Get(r); ok {
			return i
		}
		i += size
	}
	return len(s)
}
