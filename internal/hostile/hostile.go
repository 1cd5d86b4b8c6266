// Package hostile makes the inputs that gongwen's tests feed it to prove that
// a file cannot take it down: PDFs whose numbers lie, decompression bombs,
// damaged text. Every file is built here in Go, small on disk however much
// it expands to; nothing is downloaded or stored.
package hostile

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"strings"
	"sync"
)

// File is one hostile input: its name tells the test what it is.
type File struct {
	Name string
	Body []byte
}

// deflated returns a raw DEFLATE stream of n MB of pattern (whose length must divide 1 MB) without
// compressing n MB: once the window holds the pattern, every further megabyte compresses to the same
// bytes, so the stream is one first block, the repeated block and the end.
func deflated(pattern string, n int) []byte {
	key := fmt.Sprintf("%q/%d", pattern, n)
	if b, ok := deflateCache.Load(key); ok {
		return b.([]byte)
	}
	chunk := bytes.Repeat([]byte(pattern), (1<<20)/len(pattern))
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		panic(err)
	}
	w.Write(chunk)
	w.Flush()
	first := buf.Len()
	w.Write(chunk)
	w.Flush()
	second := buf.Len()
	w.Close()
	out := bytes.NewBuffer(make([]byte, 0, second+(n-2)*(second-first)+64))
	out.Write(buf.Bytes()[:first])
	for i := 1; i < n; i++ {
		out.Write(buf.Bytes()[first:second])
	}
	out.Write(buf.Bytes()[second:])
	deflateCache.Store(key, out.Bytes())
	return out.Bytes()
}

var deflateCache sync.Map

// zlibbed wraps deflated in the zlib format PDF's FlateDecode reads: a header and the Adler-32 sum.
func zlibbed(pattern string, n int) []byte {
	d := deflated(pattern, n)
	out := make([]byte, 0, len(d)+6)
	out = append(out, 0x78, 0xDA)
	out = append(out, d...)
	return binary.BigEndian.AppendUint32(out, adler32Repeated(pattern, int64(n)<<20))
}

// adler32Repeated is the Adler-32 sum of pattern repeated to n bytes, computed without the bytes.
func adler32Repeated(pattern string, n int64) uint32 {
	const mod = 65521
	a, b := uint64(1), uint64(0)
	reps := n / int64(len(pattern))
	// One repetition maps (a, b) to (a + s, b + L·a + t), where s is the sum of the pattern's bytes
	// and t the sum of its prefix sums; apply it reps times by squaring.
	var s, t uint64
	for i := 0; i < len(pattern); i++ {
		s += uint64(pattern[i])
		t += s
	}
	s, t = s%mod, t%mod
	l := uint64(len(pattern)) % mod
	// (a, b) → (a + k·s, b + k·L·a + k·t + L·s·k(k−1)/2) for k repetitions.
	k := uint64(reps) % (2 * mod) // k(k−1)/2 mod 65521 depends on k mod 2·65521
	km := k % mod
	half := (k * (k + 2*mod - 1) / 2) % mod
	a, b = (a+km*s)%mod, (b+km*l%mod*a+km*t+l*s%mod*half)%mod
	return uint32(b<<16 | a)
}

// pdfBuilder writes the objects of a PDF, numbered from 1, remembering their offsets.
type pdfBuilder struct {
	buf     bytes.Buffer
	offsets map[int]int
}

func newPDF() *pdfBuilder {
	p := &pdfBuilder{offsets: map[int]int{}}
	p.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return p
}

// obj writes object n with a dictionary or other body.
func (p *pdfBuilder) obj(n int, body string) {
	p.offsets[n] = p.buf.Len()
	fmt.Fprintf(&p.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

// stream writes object n as a stream with dictionary entries dict (without << >> and /Length).
func (p *pdfBuilder) stream(n int, dict string, data []byte) {
	p.offsets[n] = p.buf.Len()
	fmt.Fprintf(&p.buf, "%d 0 obj\n<< %s /Length %d >>\nstream\n", n, dict, len(data))
	p.buf.Write(data)
	p.buf.WriteString("\nendstream\nendobj\n")
}

// table ends the file with a cross-reference table of objects 1…size-1 and the trailer dict.
func (p *pdfBuilder) table(size int, trailer string) []byte {
	xref := p.buf.Len()
	fmt.Fprintf(&p.buf, "xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
		if off, ok := p.offsets[i]; ok {
			fmt.Fprintf(&p.buf, "%010d 00000 n \n", off)
		} else {
			p.buf.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&p.buf, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", size, trailer, xref)
	return p.buf.Bytes()
}

// xrefEntry is one entry of a cross-reference stream: kind 1 (offset, gen) or 2 (stream, index).
type xrefEntry struct {
	kind   byte
	f2, f3 int
}

// xrefStream ends the file with cross-reference stream object n holding entries (object 0 first),
// widths 1 4 2, and the extra dictionary entries dict; with raw set, dict gives /W and /Index itself
// and data is written as it is.
func (p *pdfBuilder) xrefStream(n int, entries []xrefEntry, dict string, raw []byte) []byte {
	var data []byte
	if raw != nil {
		data = raw
	} else {
		for _, e := range entries {
			data = append(data, e.kind)
			data = binary.BigEndian.AppendUint32(data, uint32(e.f2))
			data = binary.BigEndian.AppendUint16(data, uint16(e.f3))
		}
		dict = fmt.Sprintf("/W [1 4 2] /Size %d %s", len(entries), dict)
	}
	xref := p.buf.Len()
	p.stream(n, "/Type /XRef "+dict, data)
	fmt.Fprintf(&p.buf, "startxref\n%d\n%%%%EOF\n", xref)
	return p.buf.Bytes()
}

// at is the cross-reference entry of object n written so far.
func (p *pdfBuilder) at(n int) xrefEntry { return xrefEntry{1, p.offsets[n], 0} }

var free = xrefEntry{0, 0, 65535}

// The fonts and page content of the good parts of hostile PDFs.
const (
	latinFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	helloText = "BT /F1 12 Tf 72 700 Td (Hello) Tj ET"
)

func pageDict(contents string) string {
	return "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents " + contents + " >>"
}

func lines(s ...string) string { return strings.Join(s, "\n") }
