package pdf

import (
	"errors"
	"fmt"
	"strconv"
)

// A small reader of PDF objects, for the guards: it reads the objects the library is about to trust
// (cross-reference streams, object streams) the way the library's own lexer does, so that their numbers
// can be checked before the library allocates or loops on them.

// Objects read by objectReader: nil, bool, int64, float64, pdfString, pdfName, pdfDict, pdfArray,
// pdfRef, and pdfDef for "N G obj … endobj".
type (
	pdfString string
	pdfName   string
	pdfDict   map[pdfName]any
	pdfArray  []any
	pdfRef    struct {
		id  uint32
		gen uint16
	}
	pdfKeyword string
	pdfDef     struct {
		ref    pdfRef
		obj    any
		stream bool  // obj is the dictionary of a stream
		data   int64 // offset of the stream's data
	}
)

var errSyntax = errors.New("syntax error")

// maxSyntaxDepth bounds the nesting of arrays and dictionaries, as the library does.
const maxSyntaxDepth = 1000

type objectReader struct {
	b     []byte
	pos   int
	depth int
}

func (r *objectReader) fail(format string, args ...any) error {
	return fmt.Errorf("%w at offset %d: %s", errSyntax, r.pos, fmt.Sprintf(format, args...))
}

// token returns the next token: a delimiter or keyword as pdfKeyword, or a number, bool, string or
// name. At the end of the input it returns nil and ok false.
func (r *objectReader) token() (tok any, ok bool, err error) {
	for r.pos < len(r.b) {
		c := r.b[r.pos]
		if isSpace(c) {
			r.pos++
			continue
		}
		if c == '%' {
			for r.pos < len(r.b) && r.b[r.pos] != '\r' && r.b[r.pos] != '\n' {
				r.pos++
			}
			continue
		}
		break
	}
	if r.pos >= len(r.b) {
		return nil, false, nil
	}
	c := r.b[r.pos]
	r.pos++
	switch c {
	case '<':
		if r.pos < len(r.b) && r.b[r.pos] == '<' {
			r.pos++
			return pdfKeyword("<<"), true, nil
		}
		return r.hexString()
	case '>':
		if r.pos < len(r.b) && r.b[r.pos] == '>' {
			r.pos++
			return pdfKeyword(">>"), true, nil
		}
		return nil, false, r.fail("unexpected >")
	case '(':
		return r.literalString()
	case '[', ']', '{', '}':
		return pdfKeyword(string(c)), true, nil
	case '/':
		return r.name()
	case ')':
		return nil, false, r.fail("unexpected )")
	}
	start := r.pos - 1
	for r.pos < len(r.b) && !isSpace(r.b[r.pos]) && !isDelim(r.b[r.pos]) {
		r.pos++
	}
	s := string(r.b[start:r.pos])
	switch {
	case s == "true":
		return true, true, nil
	case s == "false":
		return false, true, nil
	case isInteger(s):
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, false, r.fail("integer %s out of range", s)
		}
		return n, true, nil
	case isReal(s):
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, false, r.fail("bad number %s", s)
		}
		return f, true, nil
	}
	return pdfKeyword(s), true, nil
}

func (r *objectReader) hexString() (any, bool, error) {
	var out []byte
	for {
		c, ok := r.nonSpace()
		if !ok {
			return nil, false, r.fail("hex string not closed")
		}
		if c == '>' {
			return pdfString(out), true, nil
		}
		c2, ok := r.nonSpace()
		if !ok {
			return nil, false, r.fail("hex string not closed")
		}
		if c2 == '>' { // an odd digit count: the library fails here too
			return nil, false, r.fail("odd hex string")
		}
		hi, ok1 := unhex(c)
		lo, ok2 := unhex(c2)
		if !ok1 || !ok2 {
			return nil, false, r.fail("bad hex string")
		}
		out = append(out, hi<<4|lo)
	}
}

func (r *objectReader) nonSpace() (byte, bool) {
	for r.pos < len(r.b) {
		c := r.b[r.pos]
		r.pos++
		if !isSpace(c) {
			return c, true
		}
	}
	return 0, false
}

func (r *objectReader) literalString() (any, bool, error) {
	var out []byte
	depth := 1
	for r.pos < len(r.b) {
		c := r.b[r.pos]
		r.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return pdfString(out), true, nil
			}
		case '\\':
			if r.pos < len(r.b) {
				c = r.b[r.pos] // the escaped byte, taken as it is: its value does not matter to the guards
				r.pos++
			}
		}
		out = append(out, c)
	}
	return pdfString(out), true, nil // the library ends an open string at the end of the input
}

func (r *objectReader) name() (any, bool, error) {
	var out []byte
	for r.pos < len(r.b) && !isSpace(r.b[r.pos]) && !isDelim(r.b[r.pos]) {
		c := r.b[r.pos]
		r.pos++
		if c == '#' {
			if r.pos+2 > len(r.b) {
				return nil, false, r.fail("bad name escape")
			}
			hi, ok1 := unhex(r.b[r.pos])
			lo, ok2 := unhex(r.b[r.pos+1])
			if !ok1 || !ok2 {
				return nil, false, r.fail("bad name escape")
			}
			r.pos += 2
			c = hi<<4 | lo
		}
		out = append(out, c)
	}
	return pdfName(out), true, nil
}

// object reads one object; "N G R" is a pdfRef and "N G obj" a pdfDef.
func (r *objectReader) object() (any, error) {
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > maxSyntaxDepth {
		return nil, r.fail("nested too deeply")
	}
	tok, ok, err := r.token()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, r.fail("unexpected end")
	}
	switch tok {
	case pdfKeyword("null"):
		return nil, nil
	case pdfKeyword("<<"):
		return r.dict()
	case pdfKeyword("["):
		return r.array()
	}
	if kw, ok := tok.(pdfKeyword); ok {
		return nil, r.fail("unexpected %q", string(kw))
	}
	n, ok := tok.(int64)
	if !ok || int64(uint32(n)) != n {
		return tok, nil
	}
	save := r.pos
	gen, ok, _ := r.token()
	g, isInt := gen.(int64)
	if !ok || !isInt || int64(uint16(g)) != g {
		r.pos = save
		return n, nil
	}
	kw, _, _ := r.token()
	ref := pdfRef{uint32(n), uint16(g)}
	switch kw {
	case pdfKeyword("R"):
		return ref, nil
	case pdfKeyword("obj"):
		obj, err := r.object()
		if err != nil {
			return nil, err
		}
		def := pdfDef{ref: ref, obj: obj}
		if d, ok := obj.(pdfDict); ok {
			save := r.pos
			if tok, _, _ := r.token(); tok == pdfKeyword("stream") {
				switch {
				case r.pos < len(r.b) && r.b[r.pos] == '\n':
					r.pos++
				case r.pos+1 < len(r.b) && r.b[r.pos] == '\r' && r.b[r.pos+1] == '\n':
					r.pos += 2
				case r.pos < len(r.b) && r.b[r.pos] == '\r':
					r.pos++
				default:
					return nil, r.fail("stream keyword not followed by a newline")
				}
				def.stream, def.data = true, int64(r.pos)
				_ = d
				return def, nil
			}
			r.pos = save
		}
		return def, nil
	}
	r.pos = save
	return n, nil
}

func (r *objectReader) dict() (pdfDict, error) {
	d := pdfDict{}
	for {
		save := r.pos
		tok, ok, err := r.token()
		if err != nil {
			return nil, err
		}
		if !ok || tok == pdfKeyword(">>") {
			return d, nil
		}
		key, isName := tok.(pdfName)
		if !isName {
			r.pos = save
			return nil, r.fail("dictionary key is not a name")
		}
		v, err := r.object()
		if err != nil {
			return nil, err
		}
		d[key] = v
	}
}

func (r *objectReader) array() (pdfArray, error) {
	var a pdfArray
	for {
		save := r.pos
		tok, ok, err := r.token()
		if err != nil {
			return nil, err
		}
		if !ok || tok == pdfKeyword("]") {
			return a, nil
		}
		r.pos = save
		v, err := r.object()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
}

func isDelim(c byte) bool {
	switch c {
	case '<', '>', '(', ')', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isInteger(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isReal(s string) bool {
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	dots, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			dots++
		case s[i] >= '0' && s[i] <= '9':
			digits++
		default:
			return false
		}
	}
	return dots == 1 && digits > 0
}
