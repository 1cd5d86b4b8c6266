package measure

import (
	"slices"
	"strings"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// markSet is a set of characters, such as the marks that end a clause, to
// search a text for a byte at a time: only where the byte at a character's
// start (searching forward) or end (searching back) is one that a
// character of the set starts or ends with is the text compared with the
// UTF-8 of those characters, which for punctuation is seldom the case for
// a Chinese character. Comparing bytes finds what decoding the character
// there would: the UTF-8 of a character is the only way to write it.
type markSet struct {
	set         *chars.Set
	first, last [256]bool     // the first and last bytes of the set's characters
	starting    [256][]string // the set's characters in UTF-8, by their first byte
	ending      [256][]string // and by their last byte
}

func newMarkSet(s string) *markSet {
	m := &markSet{set: chars.NewSet(s)}
	for _, r := range s {
		e := string(r)
		if slices.Contains(m.starting[e[0]], e) {
			continue
		}
		m.first[e[0]], m.last[e[len(e)-1]] = true, true
		m.starting[e[0]] = append(m.starting[e[0]], e)
		m.ending[e[len(e)-1]] = append(m.ending[e[len(e)-1]], e)
	}
	return m
}

// index returns the offset of the first character of the set in s, or -1.
func (m *markSet) index(s string) int {
	for i := 0; i < len(s); i++ {
		if m.first[s[i]] {
			for _, e := range m.starting[s[i]] {
				if strings.HasPrefix(s[i:], e) {
					return i
				}
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
			for _, e := range m.ending[s[i-1]] {
				if strings.HasSuffix(s[:i], e) {
					return i - len(e), len(e)
				}
			}
		}
	}
	return -1, 0
}

// marksBefore finds the last mark of a set before offsets of a text asked
// in text order, as the figures of a text are read: from the offset asked
// before, only the text since needs a search, so that a long line or
// sentence of many figures is searched once rather than once for each.
type marksBefore struct {
	text     string
	set      *markSet
	pos, end int // the offset asked before, and the end of the last mark before it (0 when none)
}

// endBefore returns the end offset of the last mark of the set in
// text[:pos], or 0 when there is none. pos is the offset of a character
// or the text's end.
func (m *marksBefore) endBefore(pos int) int {
	from := m.pos
	if pos < m.pos {
		from, m.end = 0, 0 // asked out of order: search from the start
	}
	if k, size := m.set.lastIndex(m.text[from:pos]); k >= 0 {
		m.end = from + k + size
	}
	m.pos = pos
	return m.end
}
