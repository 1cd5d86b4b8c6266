package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"

	"github.com/gongwen/gongwen/internal/limit"
)

// The library reads the cross-reference streams and object streams of a file without questioning
// them: the widths in an xref stream's /W size one buffer, its /Index ranges the object table, and an
// object stream's /Extends chain is followed until the object turns up, forever if the chain loops.
// checkXref reads the same sections the same way first and rejects what would exhaust memory or time.

// Limits of the structure of a file, which no real file comes near.
const (
	maxFieldWidth  = 8        // bytes of one field of an xref stream entry (/W); 8 hold any offset
	maxColumns     = 1 << 16  // /Columns of a PNG predictor: the library allocates a row of this size
	maxObjStmBytes = 32 << 20 // decompressed bytes of one object stream …
	maxObjStmRatio = 100      // … and times its compressed size (real ones: 4–6): the library decompresses it anew for each object it looks up
)

// objectLimit is the largest object number or count a file of size bytes can hold: each object costs at
// least a few bytes even in a compressed object stream.
func objectLimit(size int) int64 { return int64(size)/2 + 1024 }

// xrefEntry is what the library's object table holds for one object.
type xrefEntry struct {
	kind   int    // 0 free, 1 at an offset, 2 in an object stream
	offset int64  // kind 1
	stream uint32 // kind 2: the object stream's number
	gen    uint16
}

type xrefCheck struct {
	body    []byte
	limit   int64
	budget  *limit.Budget
	table   map[uint32]xrefEntry
	opening bool // reading the cross-reference streams, when the library resolves no reference
}

// checkXref reads the cross-reference streams along the /Prev chain from startxref, as the library
// will, and the object streams they point into. Files with cross-reference tables are checked by
// checkNumbers.
func checkXref(body []byte, budget *limit.Budget) error {
	start, ok := startXref(body)
	if !ok {
		return nil // the library reports it
	}
	r := objectReader{b: body, pos: int(start)}
	if tok, _, _ := r.token(); tok == pdfKeyword("xref") {
		return nil
	}
	x := &xrefCheck{body: body, limit: objectLimit(len(body)), budget: budget, table: map[uint32]xrefEntry{}, opening: true}
	seen := map[int64]bool{}
	var size int64 = -1
	for off := start; ; {
		if seen[off] {
			return fmt.Errorf("cross-reference streams loop back to offset %d", off)
		}
		seen[off] = true
		def, err := x.objectAt(off)
		if err != nil {
			return fmt.Errorf("cross-reference stream at offset %d: %w", off, err)
		}
		hdr, _ := def.obj.(pdfDict)
		if !def.stream || hdr["Type"] != pdfName("XRef") {
			return nil // the library reports it
		}
		n, ok := hdr["Size"].(int64)
		if !ok && size < 0 {
			return nil // the library reports it (and takes a later section's as 0)
		}
		if n < 0 || n > x.limit {
			return fmt.Errorf("cross-reference stream /Size %d larger than the file could hold", n)
		}
		if size >= 0 && n > size {
			return nil // the library refuses a /Prev section larger than the last one
		}
		if size < 0 {
			size = n
		}
		if err := x.readStream(def, n); err != nil {
			return fmt.Errorf("cross-reference stream at offset %d: %w", off, err)
		}
		prev, ok := hdr["Prev"].(int64)
		if !ok {
			break
		}
		off = prev
	}
	x.opening = false
	return x.checkObjectStreams()
}

// startXref finds the offset after the last startxref as the library does: on a line of its own in
// the last 100 bytes.
func startXref(body []byte) (int64, bool) {
	const endChunk = 100
	if len(body) < endChunk {
		return 0, false
	}
	tail := bytes.TrimRight(body[len(body)-endChunk:], "\r\n\t ")
	i := len(tail)
	for {
		i = bytes.LastIndex(tail[:i], []byte("startxref"))
		if i <= 0 || i+len("startxref") >= len(tail) {
			return 0, false
		}
		if c, d := tail[i-1], tail[i+len("startxref")]; (c == '\n' || c == '\r') && (d == '\n' || d == '\r') {
			break
		}
	}
	r := objectReader{b: body, pos: len(body) - endChunk + i + len("startxref")}
	tok, _, _ := r.token()
	off, ok := tok.(int64)
	if !ok || off < 0 || off >= int64(len(body)) {
		return 0, false
	}
	return off, true
}

// objectAt reads the object defined at offset off.
func (x *xrefCheck) objectAt(off int64) (pdfDef, error) {
	if off < 0 || off >= int64(len(x.body)) {
		return pdfDef{}, fmt.Errorf("offset %d outside the file", off)
	}
	r := objectReader{b: x.body, pos: int(off)}
	obj, err := r.object()
	if err != nil {
		return pdfDef{}, err
	}
	def, ok := obj.(pdfDef)
	if !ok {
		return pdfDef{}, errors.New("no object there")
	}
	return def, nil
}

// readStream checks the /W and /Index of a cross-reference stream and adds its entries to the table,
// the first definition of an object winning as in the library.
func (x *xrefCheck) readStream(def pdfDef, size int64) error {
	hdr := def.obj.(pdfDict)
	ww, ok := hdr["W"].(pdfArray)
	if !ok || len(ww) < 3 {
		return nil // the library reports it
	}
	var w []int
	total := 0
	for _, v := range ww {
		n, ok := v.(int64)
		if !ok || n < 0 || n > maxFieldWidth {
			return fmt.Errorf("/W %v: a field wider than %d bytes", ww, maxFieldWidth)
		}
		w = append(w, int(n))
		total += int(n)
	}
	if w[1] == 0 {
		return fmt.Errorf("/W %v: entries without an offset", ww)
	}
	index := pdfArray{int64(0), size}
	if a, ok := hdr["Index"].(pdfArray); ok {
		index = a
	}
	if len(index)%2 != 0 {
		return nil // the library reports it
	}
	var entries int64
	for i := 0; i < len(index); i += 2 {
		start, ok1 := index[i].(int64)
		n, ok2 := index[i+1].(int64)
		if !ok1 || !ok2 {
			return nil
		}
		if start < 0 || n < 0 || start > x.limit || n > x.limit-start {
			return fmt.Errorf("/Index %d %d: more objects than the file could hold", start, n)
		}
		entries += n
	}
	if entries > x.limit {
		return fmt.Errorf("/Index: %d entries, more than the file could hold", entries)
	}
	data, err := x.streamData(def, hdr, entries*int64(total), false, "cross-reference stream")
	if err != nil || data == nil {
		return err
	}
	for i := 0; i < len(index); i += 2 {
		start, n := index[i].(int64), index[i+1].(int64)
		for k := int64(0); k < n; k++ {
			if len(data) < total {
				return nil // the library reports the short stream
			}
			e := data[:total]
			data = data[total:]
			kind := int64(1)
			if w[0] > 0 {
				kind = decodeField(e[:w[0]])
			}
			f2, f3 := decodeField(e[w[0]:w[0]+w[1]]), decodeField(e[w[0]+w[1]:w[0]+w[1]+w[2]])
			id := uint32(start + k)
			if _, ok := x.table[id]; ok {
				continue
			}
			switch kind {
			case 0:
				x.table[id] = xrefEntry{kind: 0}
			case 1:
				x.table[id] = xrefEntry{kind: 1, offset: f2, gen: uint16(f3)}
			case 2:
				x.table[id] = xrefEntry{kind: 2, stream: uint32(f2)}
			}
		}
	}
	return nil
}

func decodeField(b []byte) int64 {
	var v int64
	for _, c := range b {
		v = v<<8 | int64(c)
	}
	return v
}

// streamData decodes a stream with the filters the library applies, reading at most max bytes: more is
// an error if strict, else left unread. Nil data and no error mean the library cannot decode it either
// (and fails).
func (x *xrefCheck) streamData(def pdfDef, hdr pdfDict, max int64, strict bool, what string) ([]byte, error) {
	length, ok := x.direct(hdr["Length"]).(int64)
	if !ok || length <= 0 {
		return nil, nil
	}
	end := def.data + length
	if def.data > int64(len(x.body)) {
		return nil, nil
	}
	end = min(end, int64(len(x.body)))
	var rd io.Reader = bytes.NewReader(x.body[def.data:end])
	filters, params := x.direct(hdr["Filter"]), x.direct(hdr["DecodeParms"])
	switch f := filters.(type) {
	case nil:
	case pdfName:
		var err error
		if rd, err = x.filter(rd, f, params); err != nil || rd == nil {
			return nil, err
		}
	case pdfArray:
		for i, name := range f {
			var p any
			if a, ok := params.(pdfArray); ok && i < len(a) {
				p = x.direct(a[i])
			}
			n, _ := x.direct(name).(pdfName)
			var err error
			if rd, err = x.filter(rd, n, p); err != nil || rd == nil {
				return nil, err
			}
		}
	default:
		return nil, nil
	}
	rd = x.budget.Reader(rd)
	if strict {
		rd = limit.NewReader(rd, max, what)
	} else {
		rd = io.LimitReader(rd, max)
	}
	data, err := io.ReadAll(rd)
	if errors.Is(err, limit.ErrExceeded) {
		return nil, err
	}
	return data, nil // a damaged stream is cut short, as the library reads it
}

// filter applies one filter as the library does; a nil reader means the library cannot apply it.
func (x *xrefCheck) filter(rd io.Reader, name pdfName, params any) (io.Reader, error) {
	switch name {
	case "FlateDecode":
		zr, err := zlib.NewReader(rd)
		if err != nil {
			return nil, nil
		}
		p, _ := params.(pdfDict)
		pred, ok := x.direct(p["Predictor"]).(int64)
		if !ok && x.direct(p["Predictor"]) == nil {
			return zr, nil
		}
		if pred != 12 {
			return nil, nil
		}
		cols, _ := x.direct(p["Columns"]).(int64)
		if cols < 0 || cols > maxColumns {
			return nil, fmt.Errorf("/Columns %d out of range", cols)
		}
		return &pngUp{r: zr, row: make([]byte, 1+cols), prev: make([]byte, 1+cols)}, nil
	case "ASCII85Decode":
		if p, ok := params.(pdfDict); ok && len(p) > 0 {
			return nil, nil
		}
		return ascii85.NewDecoder(&ascii85Alphabet{r: rd}), nil
	}
	return nil, nil
}

// direct resolves a reference to an object at an offset; while the library opens a file it cannot
// resolve any, and later only through the table.
func (x *xrefCheck) direct(v any) any {
	ref, ok := v.(pdfRef)
	if !ok {
		return v
	}
	if x.opening {
		return nil
	}
	e, ok := x.table[ref.id]
	if !ok || e.kind != 1 || e.gen != ref.gen {
		return nil
	}
	def, err := x.objectAt(e.offset)
	if err != nil || def.ref != ref || def.stream {
		return nil
	}
	return def.obj
}

// checkObjectStreams checks every object stream an entry points into: an object stream may not lie in
// another (the library would recurse without end), its dictionary may refer only to objects outside
// object streams (same), its /Extends chain may not loop, and it must decompress to a sane size (the
// library decompresses it again for every object it looks up).
func (x *xrefCheck) checkObjectStreams() error {
	checked := map[uint32]bool{}
	for _, e := range x.table {
		if e.kind != 2 || checked[e.stream] {
			continue
		}
		seen := map[uint32]bool{}
		for id := e.stream; ; {
			if seen[id] {
				return fmt.Errorf("object stream %d: /Extends chain loops", id)
			}
			seen[id] = true
			if checked[id] {
				break
			}
			checked[id] = true
			next, err := x.checkObjectStream(id)
			if err != nil {
				return fmt.Errorf("object stream %d: %w", id, err)
			}
			if next == 0 {
				break
			}
			id = next
		}
	}
	return nil
}

// checkObjectStream checks one object stream and returns the object stream it extends, 0 for none.
func (x *xrefCheck) checkObjectStream(id uint32) (extends uint32, err error) {
	e, ok := x.table[id]
	switch {
	case !ok || e.kind == 0:
		return 0, nil // the library finds no stream: an error, not a loop
	case e.kind == 2:
		return 0, fmt.Errorf("inside object stream %d", e.stream)
	case e.gen != 0:
		return 0, nil
	}
	def, err := x.objectAt(e.offset)
	if err != nil {
		return 0, err
	}
	hdr, _ := def.obj.(pdfDict)
	if !def.stream || def.ref != (pdfRef{id, 0}) || hdr["Type"] != pdfName("ObjStm") {
		return 0, nil // the library refuses it
	}
	if err := x.checkRefs(hdr, 0); err != nil {
		return 0, err
	}
	if n, ok := x.direct(hdr["N"]).(int64); ok && (n < 0 || n > x.limit) {
		return 0, fmt.Errorf("/N %d larger than the file could hold", n)
	}
	data, err := x.streamData(def, hdr, maxObjStmBytes, true, fmt.Sprintf("object stream %d", id))
	if err != nil {
		return 0, err
	}
	if length, _ := x.direct(hdr["Length"]).(int64); int64(len(data)) > maxObjStmRatio*length {
		return 0, fmt.Errorf("decompresses %d times over (at most %d)", int64(len(data))/length, maxObjStmRatio)
	}
	if ref, ok := hdr["Extends"].(pdfRef); ok {
		return ref.id, nil
	}
	return 0, nil
}

// checkRefs rejects references, anywhere in an object stream's dictionary, to objects inside object
// streams: the library would have to open an object stream to open this one.
func (x *xrefCheck) checkRefs(v any, depth int) error {
	if depth > maxSyntaxDepth {
		return errors.New("dictionary nested too deeply")
	}
	switch v := v.(type) {
	case pdfRef:
		if e, ok := x.table[v.id]; ok && e.kind == 2 {
			return fmt.Errorf("its dictionary refers to object %d inside object stream %d", v.id, e.stream)
		}
	case pdfDict:
		for _, w := range v {
			if err := x.checkRefs(w, depth+1); err != nil {
				return err
			}
		}
	case pdfArray:
		for _, w := range v {
			if err := x.checkRefs(w, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// pngUp undoes the PNG "Up" predictor (12) the way the library does.
type pngUp struct {
	r         io.Reader
	row, prev []byte
	pend      []byte
}

func (p *pngUp) Read(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		if len(p.pend) > 0 {
			m := copy(b, p.pend)
			n, b, p.pend = n+m, b[m:], p.pend[m:]
			continue
		}
		if _, err := io.ReadFull(p.r, p.row); err != nil {
			return n, err
		}
		if p.row[0] != 2 {
			return n, errors.New("malformed PNG-Up encoding")
		}
		for i, c := range p.row {
			p.prev[i] += c
		}
		p.pend = p.prev[1:]
	}
	return n, nil
}

// ascii85Alphabet drops what is not ASCII85 (white space) and ends at the ~> mark, as the library does.
type ascii85Alphabet struct {
	r   io.Reader
	eod bool
}

func (a *ascii85Alphabet) Read(b []byte) (int, error) {
	for !a.eod {
		n, err := a.r.Read(b)
		k := 0
		for _, c := range b[:n] {
			if c == '~' {
				a.eod = true
				return k, io.EOF
			}
			if '!' <= c && c <= 'u' || c == 'z' {
				b[k] = c
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
	return 0, io.EOF
}
