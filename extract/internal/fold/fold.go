// Package fold maps traditional Chinese characters to simplified ones, one
// character for one of the same UTF-8 length, so that the recognisers match
// simplified words only and an offset into folded text is an offset into
// the original: 噸 → 吨, 個百分點 → 个百分点, 萬 → 万.
//
// The table, fold.tsv, comes from OpenCC's TSCharacters (see gen).
package fold

import (
	_ "embed"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

//go:embed fold.tsv
var table string

// simplified maps each traditional character to its simplified form.
var simplified = func() *chars.RuneMap {
	m := new(chars.RuneMap)
	for line := range strings.Lines(table) {
		t, s, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		rt, nt := utf8.DecodeRuneInString(t)
		rs, ns := utf8.DecodeRuneInString(s)
		if !ok || nt != len(t) || ns != len(s) || nt != ns {
			panic("fold: bad line in fold.tsv: " + line)
		}
		m.Set(rt, rs)
	}
	return m
}()

// Rune returns the simplified form of r, or r.
func Rune(r rune) rune {
	s, _ := simplified.Get(r)
	return s
}

// String returns s with every traditional character folded, of the same
// length in bytes as s; s itself when it has none.
func String(s string) string {
	if c := last.Load(); c != nil && c.in == s {
		return c.out // the same text, passed to one recogniser after another
	}
	out := s
	if i := index(s); i >= 0 {
		out = fold(s, i)
	}
	if len(s) >= 1024 {
		last.Store(&folded{s, out})
	}
	return out
}

// index returns the offset of the first character of s that folds, or -1.
// Most texts have none, and so it reads them a byte at a time: ASCII costs
// a comparison, and a character of three bytes, as every common Chinese
// one is, a bit test of keys after decoding it in place rather than by
// utf8.DecodeRuneInString. Only the rest, rare, is decoded and looked up.
func index(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c&0xF0 == 0xE0 && len(s)-i >= 3 {
			// Without the checks for overlong and surrogate forms, an
			// invalid sequence decodes to a rune below U+0800 or among
			// the surrogates, where the table has no key; and its
			// continuation bytes begin no character.
			b := s[i : i+3]
			r := uint16(b[0]&0x0F)<<12 | uint16(b[1]&0x3F)<<6 | uint16(b[2]&0x3F)
			if b[1]&0xC0 == 0x80 && b[2]&0xC0 == 0x80 && keys[r>>6]&(1<<(r&63)) == 0 {
				i += 3
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := simplified.Get(r); ok {
			return i
		}
		i += size
	}
	return -1
}

// keys has bit r set for each character r of the Basic Multilingual Plane
// that folds.
var keys = func() (set [0x10000 / 64]uint64) {
	for r := range simplified.All() {
		if r < 0x10000 {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return set
}()

// last is the last long text folded: extract passes one document's text to
// each recogniser in turn, and so it is folded once. (Comparing it with
// the text passed is cheap: the same string shares its bytes.)
var last atomic.Pointer[folded]

type folded struct{ in, out string }

// fold folds s from its first traditional character, at byte i.
func fold(s string, i int) string {
	b := []byte(s)
	for j, r := range s[i:] {
		if f := Rune(r); f != r {
			utf8.EncodeRune(b[i+j:], f)
		}
	}
	return string(b)
}
