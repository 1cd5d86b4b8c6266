package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"strings"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`

// DOCXs returns DOCX zip bombs of each kind, each about 1 MB that decompresses to 1 GB in one place
// a reader might not look: one text run, the blanks between two tags, a comment, an attribute, tags
// nested millions deep, a tag with millions of attributes, runs of text adding up, and numbering.xml.
func DOCXs() []File { return DOCXBombs(1024) }

// DOCXBombs returns the bombs of DOCXs expanding to mb megabytes each (small ones seed fuzzing).
func DOCXBombs(mb int) []File {
	head := `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>`
	tail := `</w:body></w:document>`
	para := func(s string) string { return "<w:p><w:r><w:t>" + s + "</w:t></w:r></w:p>" }
	return []File{
		{"docx-text-run.docx", docxBomb("word/document.xml", head+"<w:p><w:r><w:t>", "A", "</w:t></w:r></w:p>"+tail, mb)},
		{"docx-blanks.docx", docxBomb("word/document.xml", head, " ", tail, mb)},
		{"docx-comment.docx", docxBomb("word/document.xml", head+"<!--", "x", "-->"+tail, mb)},
		{"docx-attribute.docx", docxBomb("word/document.xml", head+`<w:p w:rsidR="`, "A", `"/>`+tail, mb)},
		{"docx-nesting.docx", docxBomb("word/document.xml", head, "<w:p><a>", tail, mb)},
		{"docx-attributes.docx", docxBomb("word/document.xml", head+"<w:p", ` x="1"  `, "/>"+tail, mb)},
		{"docx-many-runs.docx", docxBomb("word/document.xml", head, para(strings.Repeat("A", 1<<20-len(para("")))), tail, mb)},
		{"docx-numbering.docx", docxBomb("word/numbering.xml", `<w:numbering `+wordNS+`>`, " ", "</w:numbering>", mb)},
	}
}

// docxBomb is a DOCX whose part name holds head, mb megabytes of pattern and tail, and whose other
// parts make a valid document of one paragraph.
func docxBomb(name, head, pattern, tail string, mb int) []byte {
	// The part's DEFLATE stream: head, then the pattern's megabytes (one first block, the rest the same
	// bytes repeated, as in deflated), then tail in the final block.
	chunk := bytes.Repeat([]byte(pattern), (1<<20)/len(pattern))
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		panic(err)
	}
	w.Write([]byte(head))
	w.Write(chunk)
	w.Flush()
	first := buf.Len()
	w.Write(chunk)
	w.Flush()
	second := buf.Len()
	w.Write([]byte(tail))
	w.Close()
	var data bytes.Buffer
	data.Write(buf.Bytes()[:first])
	for i := 1; i < mb; i++ {
		data.Write(buf.Bytes()[first:second])
	}
	data.Write(buf.Bytes()[second:])

	crc := crc32.ChecksumIEEE([]byte(head))
	crc = crc32Combine(crc, crc32Repeated(crc32.ChecksumIEEE(chunk), int64(len(chunk)), mb), int64(mb)*int64(len(chunk)))
	crc = crc32Combine(crc, crc32.ChecksumIEEE([]byte(tail)), int64(len(tail)))
	size := uint64(len(head)) + uint64(mb)<<20 + uint64(len(tail))

	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	parts := map[string]string{"word/document.xml": goodDocument}
	delete(parts, name)
	addDOCXParts(zw, parts)
	fw, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(data.Len()), UncompressedSize64: size})
	if err != nil {
		panic(err)
	}
	fw.Write(data.Bytes())
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

const goodDocument = `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wordNS + `><w:body>` +
	`<w:p><w:r><w:t>青山县人民政府关于2024年度工作情况的报告</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>全年受理行政复议申请186件，审结165件。</w:t></w:r></w:p></w:body></w:document>`

// GoodDOCX is a small valid DOCX of two paragraphs, to stand beside the bombs.
func GoodDOCX() []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	addDOCXParts(zw, map[string]string{"word/document.xml": goodDocument})
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

func addDOCXParts(zw *zip.Writer, parts map[string]string) {
	parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "word/numbering.xml"} {
		if s, ok := parts[name]; ok {
			w, err := zw.Create(name)
			if err != nil {
				panic(err)
			}
			w.Write([]byte(s))
		}
	}
}

// crc32Repeated is the CRC-32 of n copies of a block of size bytes whose CRC-32 is crc, by doubling.
func crc32Repeated(crc uint32, size int64, n int) uint32 {
	out, outLen := uint32(0), int64(0)
	for n > 0 {
		if n&1 == 1 {
			out, outLen = crc32Combine(out, crc, size), outLen+size
		}
		crc, size, n = crc32Combine(crc, crc, size), 2*size, n>>1
	}
	return out
}

// crc32Combine returns the CRC-32 of A followed by B from the CRC-32 of each and the length of B,
// as zlib's crc32_combine does: by applying len2 zero bytes to crc1 with matrices over GF(2).
func crc32Combine(crc1, crc2 uint32, len2 int64) uint32 {
	if len2 <= 0 {
		return crc1
	}
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // the reversed polynomial: the operator for one zero bit
	row := uint32(1)
	for i := 1; i < 32; i++ {
		odd[i] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four
	for {
		gf2Square(&even, &odd) // one zero byte, then 4, 16 … as the loop goes on
		if len2&1 == 1 {
			crc1 = gf2Times(&even, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
		gf2Square(&odd, &even)
		if len2&1 == 1 {
			crc1 = gf2Times(&odd, crc1)
		}
		if len2 >>= 1; len2 == 0 {
			break
		}
	}
	return crc1 ^ crc2
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 == 1 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}
