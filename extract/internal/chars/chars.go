// Package chars holds the small rune-level readers the recognisers share:
// digits in ASCII or full-width form, the spaces Chinese text pads numbers
// with, and fast checks for sets of characters (sentence ends, marks).
package chars

import (
	"iter"
	"maps"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Digit returns the value of an ASCII or full-width digit.
func Digit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// IsDigit reports whether r is an ASCII or full-width digit.
func IsDigit(r rune) bool {
	_, ok := Digit(r)
	return ok
}

// Digits reads a run of digits at byte offset i and returns its value (of
// the first nine digits), its length in digits and the offset after it.
func Digits(s string, i int) (value, n, end int) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		d, ok := Digit(r)
		if !ok {
			break
		}
		if n < 9 {
			value = value*10 + d
		}
		n++
		i += size
	}
	return value, n, i
}

// IsSpace reports whether r pads text: space, tab, U+3000 or nbsp.
func IsSpace(r rune) bool {
	return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t'
}

// SkipSpaces returns the offset after the run of padding at byte offset i.
func SkipSpaces(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// Set is a set of characters, for the checks a recogniser makes at every
// character of a text (is this a sentence end?). strings.ContainsRune and
// strings.ContainsAny look a Chinese character up by searching the set's
// string for its UTF-8 bytes, several times slower than Has.
type Set struct {
	ascii [2]uint64 // bit r for r < 128
	other []rune
}

// SentenceEnds are the marks that end a sentence.
var SentenceEnds = NewSet("。！？!?")

// NewSet returns the set of the characters of s.
func NewSet(s string) *Set {
	set := &Set{}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			set.ascii[r/64] |= 1 << (r % 64)
		case !set.Has(r):
			set.other = append(set.other, r)
		}
	}
	return set
}

// Has reports whether r is in the set.
func (set *Set) Has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && set.ascii[r/64]&(1<<(r%64)) != 0
	}
	for _, o := range set.other {
		if o == r {
			return true
		}
	}
	return false
}

// ContainsAny is strings.ContainsAny for a few characters and a long s: it
// searches s once for each character of chars, with the fast search of
// strings.ContainsRune, where strings.ContainsAny looks every character of s
// up in chars. On a line of Chinese text it is 3 to 25 times faster.
func ContainsAny(s, chars string) bool {
	for _, r := range chars {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

// FoldWidth is width.Fold.String (full-width letters, digits and signs to
// ASCII, half-width kana to full width) that returns s itself when nothing
// in it folds, as in nearly every Chinese name: width.Fold copies every
// string it is given.
func FoldWidth(s string) string {
	for _, r := range s {
		// The first rune that folds is U+3000, and no ideograph of the
		// main block folds (both checked over every rune in
		// TestFoldWidthRunes): most characters are told by two comparisons.
		if r >= '\u3000' && (r < '\u4e00' || r > '\u9fff') && width.LookupRune(r).Folded() != 0 || r == utf8.RuneError {
			return width.Fold.String(s)
		}
	}
	return s
}

// RuneMap maps some characters to others, such as traditional characters
// to simplified ones. Looking up a character of the Basic Multilingual
// Plane that is not in it costs a bit test, not a map look-up: nearly every
// character of a text is not in a fold table.
type RuneMap struct {
	in [0x10000 / 64]uint64 // bit r: r is a key
	m  map[rune]rune
}

// Set maps from to to.
func (rm *RuneMap) Set(from, to rune) {
	if rm.m == nil {
		rm.m = make(map[rune]rune)
	}
	rm.m[from] = to
	if from >= 0 && from < 0x10000 {
		rm.in[from>>6] |= 1 << (from & 63)
	}
}

// Get returns what r maps to, and whether it is in the map.
func (rm *RuneMap) Get(r rune) (rune, bool) {
	if r >= 0 && r < 0x10000 && rm.in[r>>6]&(1<<(r&63)) == 0 {
		return r, false
	}
	to, ok := rm.m[r]
	if !ok {
		return r, false
	}
	return to, true
}

// Len returns the number of characters mapped.
func (rm *RuneMap) Len() int { return len(rm.m) }

// All yields each character mapped and what it maps to, in no order.
func (rm *RuneMap) All() iter.Seq2[rune, rune] { return maps.All(rm.m) }

// Map returns s with each character in the map replaced; s itself when
// none is.
func (rm *RuneMap) Map(s string) string {
	i := rm.Index(s)
	if i < 0 {
		return s
	}
	return s[:i] + strings.Map(func(r rune) rune {
		to, _ := rm.Get(r)
		return to
	}, s[i:])
}

// Index returns the byte offset of the first character of s in the map, or
// -1. Nearly every text has none and is read to its end: a character of
// three bytes (all of Chinese) is put together here and tested against the
// bit set, where decoding it in the general way took most of the time.
func (rm *RuneMap) Index(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if rm.in[c>>6]&(1<<(c&63)) != 0 {
				return i
			}
			i++
			continue
		}
		// Lead bytes E1 to EF but ED, with two continuation bytes, are
		// U+1000 to U+FFFF without the surrogates: always valid UTF-8.
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if rm.in[r>>6]&(1<<(r&63)) != 0 {
				return i
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := rm.Get(r); ok {
			return i
		}
		i += size
	}
	return -1
}
