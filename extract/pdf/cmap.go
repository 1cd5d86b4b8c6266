package pdf

import (
	"bytes"
	"strconv"
	"unicode/utf16"
)

// A cmap is a parsed CMap stream: the byte lengths of the codes it defines (codespace ranges) and, for a
// ToUnicode map, the text of each code.
type cmap struct {
	lens  []int             // code lengths in bytes, from the codespace ranges
	space [5][][2]uint32    // codespace ranges by code length
	text  map[uint32]string // code → text
}

// maxRange bounds one bfrange so a hostile file cannot make us allocate millions of entries.
const maxRange = 1 << 16

// parseCMap reads the codespace ranges and the bfchar/bfrange sections of a CMap. It understands just
// enough PostScript for the CMaps PDF producers write; anything else is skipped.
func parseCMap(data []byte) *cmap {
	m := &cmap{text: make(map[uint32]string)}
	mapped := 0 // codes mapped through bfrange, against maxCMapRanges
	var stack []cmapToken
	lex := cmapLexer{data: data}
	for {
		tok, ok := lex.next()
		if !ok {
			break
		}
		if tok.kind != tokKeyword {
			stack = append(stack, tok)
			continue
		}
		switch tok.s {
		case "endcodespacerange":
			for i := 0; i+1 < len(stack); i += 2 {
				lo, hi := stack[i], stack[i+1]
				if lo.kind == tokHex && hi.kind == tokHex && len(lo.s) == len(hi.s) && len(lo.s) >= 1 && len(lo.s) <= 4 {
					n := len(lo.s)
					if len(m.space[n]) == 0 {
						m.lens = append(m.lens, n)
					}
					m.space[n] = append(m.space[n], [2]uint32{codeValue(lo.s), codeValue(hi.s)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stack); i += 2 {
				src, dst := stack[i], stack[i+1]
				if src.kind == tokHex && dst.kind == tokHex && len(src.s) <= 4 {
					m.text[codeValue(src.s)] = utf16Text(dst.s, 0)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stack); i += 3 {
				lo, hi, dst := stack[i], stack[i+1], stack[i+2]
				if lo.kind != tokHex || hi.kind != tokHex || len(lo.s) > 4 || len(hi.s) > 4 {
					continue
				}
				first, last := codeValue(lo.s), codeValue(hi.s)
				if last < first || last-first >= maxRange || mapped+int(last-first) >= maxCMapRanges {
					continue
				}
				mapped += int(last-first) + 1
				for c := first; c <= last; c++ {
					switch {
					case dst.kind == tokHex:
						m.text[c] = utf16Text(dst.s, uint16(c-first))
					case dst.kind == tokArray && int(c-first) < len(dst.list):
						m.text[c] = utf16Text(dst.list[c-first], 0)
					}
				}
			}
		}
		stack = stack[:0]
	}
	return m
}

// codeValue reads a code of one to four bytes as a big-endian number.
func codeValue(s string) uint32 {
	var v uint32
	for i := 0; i < len(s); i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

// utf16Text decodes UTF-16BE bytes, adding delta to the last code unit as bfrange destinations require.
func utf16Text(s string, delta uint16) string {
	if len(s)%2 == 1 {
		s += "\x00"
	}
	u := make([]uint16, len(s)/2)
	for i := range u {
		u[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	if len(u) > 0 {
		u[len(u)-1] += delta
	}
	return string(utf16.Decode(u))
}

// codeLen returns the length of the code at the start of raw according to the codespace ranges, or 0 if
// the CMap defines none.
func (m *cmap) codeLen(raw string) int {
	for _, n := range m.lens {
		if n > len(raw) {
			continue
		}
		c := codeValue(raw[:n])
		for _, r := range m.space[n] {
			if r[0] <= c && c <= r[1] {
				return n
			}
		}
	}
	return 0
}

const (
	tokHex = iota
	tokKeyword
	tokOther
	tokArray
)

type cmapToken struct {
	kind int
	s    string   // bytes of a hex string, or the keyword
	list []string // hex strings of an array
}

type cmapLexer struct {
	data []byte
	pos  int
}

// next returns the next token: hex strings and arrays of them, keywords, and everything else as tokOther.
func (l *cmapLexer) next() (cmapToken, bool) {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		case isSpace(c):
			l.pos++
		case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<', c == '>':
			l.pos++
			if c == '<' {
				l.pos++
			}
			return cmapToken{kind: tokOther}, true
		case c == '<':
			return cmapToken{kind: tokHex, s: l.hex()}, true
		case c == '[':
			l.pos++
			var t cmapToken
			t.kind = tokArray
			for {
				tok, ok := l.next()
				if !ok || tok.kind == tokOther && tok.s == "]" {
					return t, true
				}
				if tok.kind == tokHex {
					t.list = append(t.list, tok.s)
				}
			}
		case c == ']':
			l.pos++
			return cmapToken{kind: tokOther, s: "]"}, true
		case c == '(':
			l.skipLiteral()
			return cmapToken{kind: tokOther}, true
		case c == '/':
			l.pos++
			l.word()
			return cmapToken{kind: tokOther}, true
		default:
			w := l.word()
			if w == "" {
				l.pos++ // a stray delimiter
				continue
			}
			if _, err := strconv.ParseFloat(w, 64); err == nil {
				return cmapToken{kind: tokOther}, true
			}
			return cmapToken{kind: tokKeyword, s: w}, true
		}
	}
	return cmapToken{}, false
}

func (l *cmapLexer) hex() string {
	l.pos++ // '<'
	end := bytes.IndexByte(l.data[l.pos:], '>')
	if end < 0 {
		end = len(l.data) - l.pos
	}
	var b []byte
	var hi byte
	odd := false
	for _, c := range l.data[l.pos : l.pos+end] {
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if odd {
			b = append(b, hi<<4|v)
		} else {
			hi = v
		}
		odd = !odd
	}
	if odd {
		b = append(b, hi<<4)
	}
	l.pos += end + 1
	return string(b)
}

func (l *cmapLexer) skipLiteral() {
	depth := 0
	for ; l.pos < len(l.data); l.pos++ {
		switch l.data[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos++
				return
			}
		}
	}
}

func (l *cmapLexer) word() string {
	start := l.pos
	for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !bytes.ContainsRune([]byte("()<>[]{}/%"), rune(l.data[l.pos])) {
		l.pos++
	}
	return string(l.data[start:l.pos])
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
