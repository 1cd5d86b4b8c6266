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
	if i := simplified.Index(s); i >= 0 {
		out = fold(s, i)
	}
	if len(s) >= 1024 {
		last.Store(&folded{s, out})
	}
	return out
}

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
