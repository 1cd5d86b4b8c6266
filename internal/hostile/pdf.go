package hostile

import (
	"fmt"
	"strings"
)

// PDFs returns every hostile PDF, named by what is wrong with it. Each is small (the largest, the
// ToUnicode bomb, is about 4 MB) and none holds readable text, so a reader must end each with an error.
func PDFs() []File {
	return []File{
		{"xref-stream-w.pdf", XrefStreamWidths()},
		{"xref-stream-index.pdf", XrefStreamIndex()},
		{"objstm-extends-loop.pdf", ExtendsLoop()},
		{"objstm-nested.pdf", NestedObjectStreams()},
		{"shared-stream-pages.pdf", SharedStreamPages(4000, 62)},
		{"operand-flood.pdf", OperandFlood(62)},
		{"tounicode-bomb.pdf", ToUnicodeBomb(4096)},
		{"predictor-columns.pdf", PredictorColumns()},
	}
}

// XrefStreamWidths is a 600-byte PDF whose cross-reference stream declares an entry 50 GB wide
// (/W [1 4 50000000000]): a reader that sizes its entry buffer by /W allocates 50 GB.
func XrefStreamWidths() []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(3, pageDict("[]"))
	return p.xrefStream(5, nil, "/W [1 4 50000000000] /Size 6 /Root 1 0 R", []byte{})
}

// XrefStreamIndex is a small PDF whose cross-reference stream has a valid subsection and then one
// entry for object 2,000,000,000 (/Index [0 7 2000000000 1]): a reader that grows its object table
// to the highest number allocates 64 GB.
func XrefStreamIndex() []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(3, pageDict("[]"))
	entries := []xrefEntry{free, p.at(1), p.at(2), p.at(3), free, free, free, free}
	var data []byte
	for _, e := range entries {
		data = append(data, e.kind, byte(e.f2>>8), byte(e.f2), 0)
	}
	return p.xrefStream(6, nil, "/W [1 2 1] /Index [0 7 2000000000 1] /Size 7 /Root 1 0 R", data)
}

// ExtendsLoop is a 700-byte PDF whose page lives in object stream 5, which does not hold it and
// /Extends itself: a reader that follows /Extends until it finds the object loops forever.
func ExtendsLoop() []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(4, latinFont)
	inside := "9 0 << /Nothing true >>"
	p.stream(5, "/Type /ObjStm /N 1 /First 4 /Extends 5 0 R", []byte(inside))
	entries := []xrefEntry{free, p.at(1), p.at(2), {2, 5, 0}, p.at(4), p.at(5), {1, p.buf.Len(), 0}}
	return p.xrefStream(6, entries, "/Root 1 0 R", nil)
}

// NestedObjectStreams is a PDF whose page lies in object stream 5, which lies in object stream 7,
// which lies in object stream 5: a reader that opens the stream of a stream recurses until its stack
// is exhausted.
func NestedObjectStreams() []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(4, latinFont)
	entries := []xrefEntry{free, p.at(1), p.at(2), {2, 5, 0}, p.at(4), {2, 7, 0}, free, {2, 5, 1}, {1, p.buf.Len(), 0}}
	return p.xrefStream(8, entries, "/Root 1 0 R"+strings.Repeat(" ", 24), nil)
}

// SharedStreamPages is a PDF of pages that all draw one compressed content stream of mb megabytes of
// save/restore operators: 4,000 pages of 62 MB are 250 GB to interpret from a file of about 300 kB.
func SharedStreamPages(pages, mb int) []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := make([]string, pages)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 10+i)
	}
	p.obj(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages))
	p.obj(4, latinFont)
	p.stream(5, "/Filter /FlateDecode", zlibbed("q Q ", mb))
	for i := range pages {
		p.obj(10+i, pageDict("5 0 R"))
	}
	return p.table(10+pages, "/Root 1 0 R")
}

// OperandFlood is a PDF whose one page is mb megabytes of numbers without an operator: a reader that
// keeps every operand until the next operator holds tens of millions of values.
func OperandFlood(mb int) []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(3, pageDict("5 0 R"))
	p.obj(4, latinFont)
	p.stream(5, "/Filter /FlateDecode", zlibbed("0 ", mb))
	return p.table(6, "/Root 1 0 R")
}

// ToUnicodeBomb is a PDF whose fonts share a ToUnicode map that decompresses to mb megabytes of
// blanks: three CID fonts and a simple font without /Encoding, which the PDF library decodes with the
// map itself, read in full for each font.
func ToUnicodeBomb(mb int) []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	fonts := []string{"/F1 4 0 R", "/F2 5 0 R", "/F3 6 0 R", "/F4 7 0 R"}
	p.obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "+strings.Join(fonts, " ")+
		" >> >> /Contents 9 0 R >>")
	for i := 4; i <= 6; i++ {
		p.obj(i, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /F%d /Encoding /Identity-H /ToUnicode 8 0 R "+
			"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /F%d /DW 1000 >>] >>", i, i))
	}
	p.obj(7, "<< /Type /Font /Subtype /TrueType /BaseFont /F7 /ToUnicode 8 0 R >>")
	p.stream(8, "/Filter /FlateDecode", zlibbed(" ", mb))
	var content strings.Builder
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&content, "BT /F%d 12 Tf 72 %d Td <00010002> Tj ET\n", i, 700-20*i)
	}
	p.stream(9, "", []byte(content.String()))
	return p.table(10, "/Root 1 0 R")
}

// PredictorColumns is a PDF whose content stream asks for a PNG predictor with rows of 10^10 bytes,
// which a reader allocates before it reads a byte.
func PredictorColumns() []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(3, pageDict("5 0 R"))
	p.obj(4, latinFont)
	p.obj(6, "<< /Predictor 12 /Columns 10000000000 >>")
	p.stream(5, "/Filter /FlateDecode /DecodeParms 6 0 R", zlibbed("q Q ", 1))
	return p.table(7, "/Root 1 0 R")
}

// GoodPDF is a one-page PDF reading "Hello", to stand beside the hostile ones.
func GoodPDF() []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(3, pageDict("5 0 R"))
	p.obj(4, latinFont)
	p.stream(5, "", []byte(helloText))
	return p.table(6, "/Root 1 0 R")
}

// GoodObjectStreams is a well-formed PDF in the compact form of modern producers: a cross-reference
// stream, and the page inside object stream 7, which object stream 5 /Extends; it reads "Hello". The
// dictionaries of object stream 7 and the cross-reference stream end in blanks, room for tests to
// change them in place.
func GoodObjectStreams() []byte {
	p := newPDF()
	p.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	p.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	p.obj(4, latinFont)
	p.stream(6, "", []byte(helloText))
	page := pageDict("6 0 R")
	p.stream(7, "/Type /ObjStm /N 1 /First 4"+strings.Repeat(" ", 24), []byte("3 0 "+page))
	p.stream(5, "/Type /ObjStm /N 1 /First 5 /Extends 7 0 R", []byte("10 0 (unused)"))
	entries := []xrefEntry{free, p.at(1), p.at(2), {2, 5, 0}, p.at(4), p.at(5), p.at(6), p.at(7), {1, p.buf.Len(), 0}}
	return p.xrefStream(8, entries, "/Root 1 0 R"+strings.Repeat(" ", 24), nil)
}
