package measure

import (
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// markSet is a set of characters, such as the marks that end a clause, to
// search a text for a byte at a time: a character of the text is decoded
// only when the byte at its start (searching forward) or end (searching
// back) is one that a character of the set starts or ends with, which for
// punctuation is seldom the case for a Chinese character.
type markSet struct {
	set         *chars.Set
	first, last [256]bool // the first and last bytes of the set's characters
}

func newMarkSet(s string) *markSet {
	m := &markSet{set: chars.NewSet(s)}
	for _, r := range s {
		var b [utf8.UTFMax]byte
		n := utf8.EncodeRune(b[:], r)
		m.first[b[0]], m.last[b[n-1]] = true, true
	}
	return m
}

// index returns the offset of the first character of the set in s, or -1.
func (m *markSet) index(s string) int {
	for i := 0; i < len(s); i++ {
		if m.first[s[i]] {
			if r, _ := utf8.DecodeRuneInString(s[i:]); m.set.Has(r) {
				return i
			}
		}
	}
	return -1
}

// lastIndex returns the offset and the size of the last character of the
// set in s, or -1, 0.
func (m *markSet) lastIndex(s string) (int, int) {
	for i := len(s); i > 0; i-- {
		if m.last[s[i-1]] {
			if r, size := utf8.DecodeLastRuneInString(s[:i]); m.set.Has(r) {
				return i - size, size
			}
		}
	}
	return -1, 0
}
