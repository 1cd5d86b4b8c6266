package pdf

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	pdflib "github.com/ledongthuc/pdf"

	"github.com/gongwen/gongwen/internal/limit"
)

// Budgets of one document, checked while it is read: a small file may expand enormously (pages that
// share one huge stream, a decompression bomb), and the library re-reads the file for every object it
// looks up.
const (
	minDecoded      = 256 << 20 // bytes all the streams of a document may decompress to, at least …
	decodedPerByte  = 16        // … or this many times the file size, if more
	minLibraryReads = 32 << 20  // bytes the library may read from the file, at least …
	readsPerByte    = 16        // … or this many times the file size, if more (real files: 0.5–5)
	maxOperands     = 100000    // operands before one operator of a content stream
	minTokens       = 8 << 20   // words, numbers, strings … of all the content streams of a document, at least …
	tokensPerByte   = 1         // … or this many per byte of the file, if more (the library interprets some 1–3 million a second)
	maxCMapRanges   = 1 << 20   // codes one CMap may map through bfrange
)

// decodedBudget is the budget of decompressed bytes for a file of size bytes.
func decodedBudget(size int) int64 { return max(minDecoded, decodedPerByte*int64(size)) }

// tokenBudget is the budget of content tokens for a file of size bytes.
func tokenBudget(size int) int64 { return max(minTokens, tokensPerByte*int64(size)) }

// A document is the state of reading one PDF: the fonts its pages share, the CMaps its fonts share and
// the budget its streams are read under.
type document struct {
	fonts  map[string]*font
	cmaps  map[string]*cmap
	budget *limit.Budget // decompressed bytes
	tokens int64         // content tokens left to interpret
	limit  int64         // of tokens
}

func newDocument(budget *limit.Budget, tokens int64) *document {
	return &document{fonts: map[string]*font{}, cmaps: map[string]*cmap{}, budget: budget, tokens: tokens, limit: tokens}
}

// interpret takes n tokens of content from the budget, or fails the document.
func (d *document) interpret(n int) {
	if d.tokens -= int64(n); d.tokens < 0 {
		panic(errBudget{fmt.Errorf("content streams longer than %d million words and numbers", d.limit>>20)})
	}
}

// errBudget is what the library is made to panic with when a document overdraws a budget; readPage
// passes it on, so the document fails instead of each of its pages.
type errBudget struct{ err error }

func (e errBudget) Error() string { return e.err.Error() }
func (e errBudget) Unwrap() error { return e.err }

// readStream returns the decoded bytes of a stream, at most max of them (more is an error), counted
// against the document's budget. The stream's filters are checked first: the library trusts them.
func (d *document) readStream(v pdflib.Value, max int64, what string) ([]byte, error) {
	if err := checkFilters(v); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	data, err := limit.ReadAll(d.budget.Reader(v.Reader()), max, what)
	if err := d.budget.Err(); err != nil {
		panic(errBudget{err})
	}
	return data, err
}

// checkFilters rejects the decode parameters the library would trust to allocate: the row of a PNG
// predictor is as long as /Columns says.
func checkFilters(v pdflib.Value) error {
	params := v.Key("DecodeParms")
	check := func(p pdflib.Value) error {
		if c := p.Key("Columns").Int64(); c < 0 || c > maxColumns {
			return fmt.Errorf("/Columns %d out of range", c)
		}
		return nil
	}
	if params.Kind() == pdflib.Array {
		for i := 0; i < params.Len() && i < 16; i++ {
			if err := check(params.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return check(params)
}

// fileReader is the file as the library reads it, counting what it reads: the library has no cache and
// re-reads (and decompresses) an object for every lookup, so a file built for it can make it read
// without end. Past the budget it panics with errBudget, which Read turns into the document's error.
type fileReader struct {
	body   []byte
	read   atomic.Int64
	budget int64
}

func newFileReader(body []byte) *fileReader {
	return &fileReader{body: body, budget: max(minLibraryReads, readsPerByte*int64(len(body)))}
}

func (f *fileReader) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(f.body)) {
		return 0, io.EOF
	}
	n := copy(p, f.body[off:])
	if f.read.Add(int64(n)) > f.budget {
		panic(errBudget{&limit.Error{What: "data the PDF library reads (objects looked up again and again)", Limit: f.budget}})
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// scanContent counts the tokens of content and rejects content whose operators take more operands than any real one: the library keeps
// every operand until the next operator, so a stream of a million numbers costs gigabytes. The words the
// library handles itself (dict, begin, def …) do not clear the operands; after a "begin" any word may be
// a defined name, which the library pushes as an operand, so all words count.
func scanContent(data []byte) (tokens int, err error) {
	n := 0
	defining := false
	for i := 0; i < len(data); {
		c := data[i]
		operand := true
		switch {
		case isSpace(c), c == '[', c == ']', c == '{', c == '}', c == ')', c == '>':
			i++
			continue
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
			continue
		case c == '<' && i+1 < len(data) && data[i+1] == '<', c == '>' && i+1 < len(data) && data[i+1] == '>':
			i += 2
			continue
		case c == '(':
			i = skipLiteral(data, i)
		case c == '<':
			for i < len(data) && data[i] != '>' {
				i++
			}
			i++
		case c == '/':
			i++
			for i < len(data) && !isSpace(data[i]) && !isDelim(data[i]) {
				i++
			}
		default:
			start := i
			for i < len(data) && !isSpace(data[i]) && !isDelim(data[i]) {
				i++
			}
			switch w := string(data[start:i]); {
			case w == "true", w == "false", w == "null", w == "currentdict", isInteger(w), isReal(w):
			case w == "begin":
				defining = true
				operand = false
			case w == "dict", w == "end", w == "def", w == "pop":
				operand = false
			case defining:
			default:
				n, operand = 0, false
			}
		}
		tokens++
		if operand {
			if n++; n > maxOperands {
				return tokens, fmt.Errorf("more than %d operands before one operator", maxOperands)
			}
		}
	}
	return tokens, nil
}

// skipLiteral returns the position after the literal string (…) that starts at i.
func skipLiteral(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return i
}
