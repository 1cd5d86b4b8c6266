package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	pdflib "github.com/ledongthuc/pdf"
)

// The library trusts the numbers in a file: it allocates as many cross-reference entries as a
// header says, and loops as often as /Count or /N says. These checks keep a damaged or hostile file
// from exhausting memory or time before the library sees it: no count may exceed the file's size.

var sizeKey = regexp.MustCompile(`/(?:Size|N|Count)\s+(\d+)`)

// checkNumbers rejects /Size, /N and /Count values, and cross-reference subsections, larger than the
// file could hold, and cross-reference sections whose /Prev links loop.
func checkNumbers(body []byte) error {
	limit := int64(len(body))
	for _, m := range sizeKey.FindAllSubmatch(body, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > limit {
			return fmt.Errorf("count %s larger than the file", m[1])
		}
	}
	if err := checkPrevChain(body); err != nil {
		return err
	}
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte("xref"))
		if j < 0 {
			return nil
		}
		i += j + len("xref")
		if err := checkXrefSection(body, i, limit); err != nil {
			return err
		}
	}
}

var prevKey = regexp.MustCompile(`/Prev\s+(\d+)`)

// checkPrevChain follows the /Prev links between cross-reference sections from startxref, as the
// library will, and rejects a loop, which the library would follow forever.
func checkPrevChain(body []byte) error {
	i := bytes.LastIndex(body, []byte("startxref"))
	if i < 0 {
		return nil // the library reports it
	}
	off, _, ok := intToken(body, i+len("startxref"))
	seen := map[int64]bool{}
	for ok && off >= 0 && off < int64(len(body)) {
		if seen[off] {
			return fmt.Errorf("cross-reference sections loop back to offset %d", off)
		}
		seen[off] = true
		off, ok = prevOf(body[off:])
	}
	return nil
}

// prevOf returns the /Prev of the cross-reference section at the start of sec: in the trailer that
// follows a table (up to its startxref), or in the dictionary of a cross-reference stream.
func prevOf(sec []byte) (int64, bool) {
	var dict []byte
	if bytes.HasPrefix(bytes.TrimLeft(sec, " \t\r\n"), []byte("xref")) {
		start := bytes.Index(sec, []byte("trailer"))
		if start < 0 {
			return 0, false
		}
		dict = sec[start:]
		if end := bytes.Index(dict, []byte("startxref")); end >= 0 {
			dict = dict[:end]
		}
	} else {
		end := bytes.Index(sec, []byte("stream"))
		if end < 0 {
			return 0, false
		}
		dict = sec[:end]
	}
	m := prevKey.FindSubmatch(dict)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(string(m[1]), 10, 64)
	return n, err == nil
}

// checkXrefSection reads the subsection headers ("start count") of a cross-reference table starting
// at pos, skipping their entries.
func checkXrefSection(body []byte, pos int, limit int64) error {
	for {
		start, next, ok := intToken(body, pos)
		if !ok {
			return nil
		}
		count, next, ok := intToken(body, next)
		if !ok {
			return nil
		}
		if start < 0 || count < 0 || start+count > limit {
			return fmt.Errorf("cross-reference subsection %d %d larger than the file", start, count)
		}
		pos = next
		for k := int64(0); k < 3*count; k++ { // offset, generation, n/f
			_, pos = token(body, pos)
			if pos >= len(body) {
				return nil
			}
		}
	}
}

// token returns the next whitespace-separated token at or after pos, and the position after it.
func token(body []byte, pos int) ([]byte, int) {
	for pos < len(body) && isSpace(body[pos]) {
		pos++
	}
	start := pos
	for pos < len(body) && !isSpace(body[pos]) {
		pos++
	}
	return body[start:pos], pos
}

func intToken(body []byte, pos int) (int64, int, bool) {
	t, next := token(body, pos)
	n, err := strconv.ParseInt(string(t), 10, 64)
	return n, next, err == nil
}

// pageTree returns the pages in order, walking the page tree itself: the library's page lookup
// trusts /Count and follows cycles in /Kids.
func pageTree(r *pdflib.Reader, limit int) ([]pdflib.Value, error) {
	var pages []pdflib.Value
	visits := 0
	var walk func(node pdflib.Value, depth int) error
	walk = func(node pdflib.Value, depth int) error {
		visits++
		if depth > 64 || visits > limit {
			return errors.New("page tree too deep or too large (a cycle?)")
		}
		if node.Kind() != pdflib.Dict {
			return nil
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Page" || kids.Kind() != pdflib.Array {
			pages = append(pages, node)
			return nil
		}
		for i := 0; i < kids.Len(); i++ {
			if err := walk(kids.Index(i), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(r.Trailer().Key("Root").Key("Pages"), 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// inherited looks key up in a page and then its ancestors, as resources and boxes are inherited.
func inherited(page pdflib.Value, key string) pdflib.Value {
	for v, depth := page, 0; !v.IsNull() && depth <= 64; v, depth = v.Key("Parent"), depth+1 {
		if x := v.Key(key); !x.IsNull() {
			return x
		}
	}
	return pdflib.Value{}
}
