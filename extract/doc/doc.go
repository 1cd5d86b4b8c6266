// Package doc reads the text and tables of Word 97–2003 binary documents (.doc), and of WPS
// Writer .wps files, which WPS saves in the same binary format.
//
// The OLE container is read by extract/ole; the rest here, after [MS-DOC]: the FIB gives the
// length of the main text and where the piece table (CLX) is in the table stream; each piece is a
// run of text stored either as UTF-16 or "compressed", one byte a character (Windows-1252, or
// GB18030/Big5 when the FIB's language is Chinese, as pre-Unicode Chinese writers stored it). The
// paragraph properties (PAPX in the FKP pages of the bin table) say which paragraphs are table
// cells and which mark the end of a table row, so tables come out as rows of cells: in the text a
// row is a line with a tab between cells, and each table is also a table.Table.
//
// Field codes (the instructions between \x13 and \x14) are left out and their results kept;
// pictures, drawn objects and note references are dropped; empty paragraphs are left out. Only the
// main document is read: headers, footers, footnotes, comments and text boxes are not. Automatic
// list numbers (一、 made by a list style rather than typed) are not rendered, and merged table
// cells come out as the cells Word stores (an empty cell where a merge continues).
//
// Word 6/95 files, encrypted files and files whose structures do not add up are errors wrapping
// ErrUnsupported, for which a caller may try another converter.
//
//	d, err := doc.Read(body) // d.Text = "标题\n第一段……\n项目\t数量\n受理案件\t49545\n"
package doc

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/ole"
	"github.com/gongwen/gongwen/extract/table"
)

// Document is what Read finds in a Word binary file.
type Document struct {
	Text   string        // paragraphs one a line; a table row a line with a tab between cells
	Tables []table.Table // every top-level table; Start is the rune offset of its first row in Text
	Title  string        // the summary's title property, often a template's or the first words
	Author string
}

// ErrUnsupported is wrapped by errors for Word files this reader cannot read (Word 6/95,
// encrypted, inconsistent structures): another converter may still read them.
var ErrUnsupported = errors.New("unsupported Word binary file")

// ErrNotWord is returned (wrapped) for a compound file without a WordDocument stream (an Excel
// workbook, say).
var ErrNotWord = errors.New("no WordDocument stream")

// maxChars bounds the characters of the main text.
const maxChars = 32 << 20

// Read returns the main text and tables of the Word 97–2003 document in body.
func Read(body []byte) (d *Document, err error) {
	defer func() {
		if r := recover(); r != nil { // a reader bug must be an error, not a crash
			d, err = nil, fmt.Errorf("%w: malformed (%v)", ErrUnsupported, r)
		}
	}()
	f, err := ole.Read(body, "WordDocument", "0Table", "1Table")
	if err != nil {
		return nil, err
	}
	wd := f.Streams["WordDocument"]
	if wd == nil {
		return nil, ErrNotWord
	}
	fib, err := readFIB(wd)
	if err != nil {
		return nil, err
	}
	tableStream := f.Streams["0Table"]
	if fib.table1 {
		tableStream = f.Streams["1Table"]
	}
	if tableStream == nil {
		return nil, fmt.Errorf("%w: no table stream", ErrUnsupported)
	}
	pieces, err := readPieces(tableStream, fib)
	if err != nil {
		return nil, err
	}
	chars, err := text(wd, pieces, fib)
	if err != nil {
		return nil, err
	}
	paras := readPAPX(wd, tableStream, fib)
	d = build(chars, paras)
	d.Title, d.Author = f.Title, f.Author
	return d, nil
}

// fib holds what is needed from the File Information Block at the start of the WordDocument stream.
type fib struct {
	nFib                  uint16
	lid                   uint16 // language of the text
	table1                bool   // the table stream is 1Table, not 0Table
	ccpText               int    // characters of the main document
	fcClx, lcbClx         int    // the piece table, in the table stream
	fcBtePapx, lcbBtePapx int    // the bin table of paragraph properties, in the table stream
}

func readFIB(wd []byte) (fib, error) {
	var f fib
	if len(wd) < 0x40 || le16(wd, 0) != 0xA5EC {
		return f, fmt.Errorf("%w: no Word FIB at the start of the WordDocument stream", ErrUnsupported)
	}
	f.nFib, f.lid = le16(wd, 2), le16(wd, 6)
	flags := le16(wd, 0x0A)
	switch {
	case f.nFib < 0xC0:
		return f, fmt.Errorf("%w: Word 6/95 file (nFib %d)", ErrUnsupported, f.nFib)
	case flags&0x0100 != 0:
		return f, fmt.Errorf("%w: encrypted (password protected)", ErrUnsupported)
	}
	f.table1 = flags&0x0200 != 0
	csw := int(le16(wd, 32))
	lw := 34 + 2*csw // cslw, then the longs
	cslw := int(le16(wd, lw))
	if cslw < 4 || lw+2+4*cslw+2 > len(wd) {
		return f, fmt.Errorf("%w: FIB too short", ErrUnsupported)
	}
	f.ccpText = int(le32(wd, lw+2+4*3))
	fcLcb := lw + 2 + 4*cslw
	n := int(le16(wd, fcLcb))
	pair := func(i int) (int, int) {
		if i >= n {
			return 0, 0
		}
		p := fcLcb + 2 + 8*i
		return int(le32(wd, p)), int(le32(wd, p+4))
	}
	f.fcBtePapx, f.lcbBtePapx = pair(13)
	f.fcClx, f.lcbClx = pair(33)
	if f.ccpText < 0 || f.ccpText > maxChars {
		return f, fmt.Errorf("%w: %d characters of text", ErrUnsupported, f.ccpText)
	}
	return f, nil
}

// A piece is a run of the text: character positions [cp, cpEnd) stored from file offset fc, one
// byte a character when compressed, else two.
type piece struct {
	cp, cpEnd  int
	fc         int
	compressed bool
}

// readPieces reads the piece table from the CLX: Prc entries (skipped) then the Pcdt.
func readPieces(ts []byte, f fib) ([]piece, error) {
	if f.fcClx < 0 || f.lcbClx <= 0 || f.fcClx+f.lcbClx > len(ts) {
		return nil, fmt.Errorf("%w: no piece table", ErrUnsupported)
	}
	clx := ts[f.fcClx : f.fcClx+f.lcbClx]
	for p := 0; p < len(clx); {
		switch clx[p] {
		case 0x01: // Prc: a grpprl of property modifiers
			p += 3 + int(int16(le16(clx, p+1)))
		case 0x02: // Pcdt: the piece table
			lcb := int(le32(clx, p+1))
			plc := clx[min(p+5, len(clx)):]
			if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
				return nil, fmt.Errorf("%w: piece table of %d bytes", ErrUnsupported, lcb)
			}
			n := (lcb - 4) / 12
			pieces := make([]piece, 0, n)
			for i := range n {
				cp, cpEnd := int(le32(plc, 4*i)), int(le32(plc, 4*i+4))
				fc := le32(plc, 4*(n+1)+8*i+2)
				pc := piece{cp: cp, cpEnd: cpEnd, fc: int(fc &^ 0xC0000000)}
				if fc&0x40000000 != 0 {
					pc.compressed, pc.fc = true, pc.fc/2
				}
				if cpEnd > cp {
					pieces = append(pieces, pc)
				}
			}
			return pieces, nil
		default:
			return nil, fmt.Errorf("%w: bad piece table entry %#x", ErrUnsupported, clx[p])
		}
	}
	return nil, fmt.Errorf("%w: no piece table", ErrUnsupported)
}

// A char is one character of the main text and the file offset it is stored at, by which its
// paragraph properties are found.
type char struct {
	r  rune
	fc int
}

// text decodes the main document's characters, [0, ccpText), from the pieces.
func text(wd []byte, pieces []piece, f fib) ([]char, error) {
	var out []char
	for _, pc := range pieces {
		lo, hi := pc.cp, min(pc.cpEnd, f.ccpText)
		if lo >= hi {
			continue
		}
		n := hi - lo
		if pc.compressed {
			if pc.fc+n > len(wd) {
				return nil, fmt.Errorf("%w: text piece beyond the stream", ErrUnsupported)
			}
			out = append(out, compressed(wd[pc.fc:pc.fc+n], pc.fc, f.lid)...)
			continue
		}
		if pc.fc+2*n > len(wd) {
			return nil, fmt.Errorf("%w: text piece beyond the stream", ErrUnsupported)
		}
		for i := 0; i < n; i++ {
			u := le16(wd, pc.fc+2*i)
			r := rune(u)
			if utf16.IsSurrogate(r) && i+1 < n {
				if dr := utf16.DecodeRune(r, rune(le16(wd, pc.fc+2*i+2))); dr != utf8.RuneError {
					out = append(out, char{dr, pc.fc + 2*i})
					i++
					continue
				}
			}
			out = append(out, char{r, pc.fc + 2*i})
		}
	}
	return out, nil
}

// compressed decodes a compressed piece: Windows-1252 bytes, or GB18030/Big5 when the document's
// language is Chinese and the bytes read as such.
func compressed(b []byte, fc int, lid uint16) []char {
	codepage := 1252
	switch lid {
	case 0x0804, 0x1004: // zh-CN, zh-SG
		codepage = 936
	case 0x0404, 0x0C04, 0x1404: // zh-TW, zh-HK, zh-MO
		codepage = 950
	}
	out := make([]char, 0, len(b))
	if codepage != 1252 && hasHigh(b) {
		if s, err := ole.Decode(b, codepage); err == nil && !strings.ContainsRune(s, utf8.RuneError) {
			// Characters keep the offset of their first byte.
			i := 0
			for _, r := range s {
				out = append(out, char{r, fc + i})
				if r < 0x80 {
					i++
				} else {
					i += 2
				}
			}
			return out
		}
	}
	for i, c := range b {
		out = append(out, char{cp1252(c), fc + i})
	}
	return out
}

func hasHigh(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// cp1252 maps a Windows-1252 byte to its character.
func cp1252(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		if r := cp1252High[c-0x80]; r != 0 {
			return r
		}
	}
	return rune(c)
}

var cp1252High = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// paraProps are the table properties of the paragraphs stored in [fc, fcEnd).
type paraProps struct {
	fc, fcEnd int
	inTable   bool    // the paragraph is in a table cell
	rowEnd    bool    // the paragraph is a table row's end mark (TTP)
	depth     int     // table nesting depth, 1 for a top-level table
	row       *rowDef // on a row end mark: the row's cell layout, if given
}

// rowDef is a table row's cell layout (sprmTDefTable): the cells' edges in twips, and how each
// cell is merged.
type rowDef struct {
	edges []int // len(cells)+1 positions, left edge of each cell then the right edge of the last
	horz  []int // per cell: 0 not merged, 1 first of a horizontal merge, 2 or 3 merged into the previous
	vert  []int // per cell: 0 not merged, 3 first of a vertical merge, 1 merged into the cell above
}

// readPAPX reads the paragraph properties from the bin table and its FKP pages. Trouble here is not
// an error: without properties, tables are told by their marks alone.
func readPAPX(wd, ts []byte, f fib) []paraProps {
	if f.lcbBtePapx < 4 || f.fcBtePapx < 0 || f.fcBtePapx+f.lcbBtePapx > len(ts) {
		return nil
	}
	plc := ts[f.fcBtePapx : f.fcBtePapx+f.lcbBtePapx]
	n := (len(plc) - 4) / 8
	var props []paraProps
	for i := range n {
		pn := int(le32(plc, 4*(n+1)+4*i) & 0x3FFFFF)
		if (pn+1)*512 > len(wd) {
			continue
		}
		page := wd[pn*512 : (pn+1)*512]
		crun := int(page[511])
		if 4*(crun+1)+13*crun > 511 {
			continue
		}
		for j := range crun {
			pp := paraProps{fc: int(le32(page, 4*j)), fcEnd: int(le32(page, 4*j+4))}
			if off := 2 * int(page[4*(crun+1)+13*j]); off > 0 {
				pp.read(papx(page, off))
			}
			if pp.inTable && pp.depth == 0 {
				pp.depth = 1
			}
			props = append(props, pp)
		}
	}
	sort.Slice(props, func(i, j int) bool { return props[i].fc < props[j].fc })
	return props
}

// papx returns the grpprl of the PapxInFkp at off (past its istd).
func papx(page []byte, off int) []byte {
	if off >= len(page) {
		return nil
	}
	cb := int(page[off])
	start, size := off+1, 2*cb-1
	if cb == 0 {
		if off+1 >= len(page) {
			return nil
		}
		start, size = off+2, 2*int(page[off+1])
	}
	if size < 2 || start+size > len(page) {
		return nil
	}
	return page[start+2 : start+size]
}

// Paragraph sprms that place a paragraph in a table.
const (
	sprmPFInTable        = 0x2416
	sprmPFTtp            = 0x2417
	sprmPFInnerTableCell = 0x244B
	sprmPFInnerTtp       = 0x244C
	sprmPItap            = 0x6649
	sprmTDefTable        = 0xD608
)

// readRowDef reads the operand of sprmTDefTable: its size, the cell count, the cells' edges, then
// a 20-byte TC80 per cell whose first two bits say the horizontal merge and bits 5–6 the vertical.
func readRowDef(op []byte) *rowDef {
	if len(op) < 3 {
		return nil
	}
	n := int(op[2])
	p := 3
	if p+2*(n+1) > len(op) {
		return nil
	}
	r := &rowDef{edges: make([]int, n+1), horz: make([]int, n), vert: make([]int, n)}
	for i := range r.edges {
		r.edges[i] = int(int16(le16(op, p+2*i)))
	}
	p += 2 * (n + 1)
	for i := 0; i < n && p+20*i+2 <= len(op); i++ {
		flags := le16(op, p+20*i)
		r.horz[i], r.vert[i] = int(flags&3), int(flags>>5&3)
	}
	return r
}

func (pp *paraProps) read(grpprl []byte) {
	for p := 0; p+2 <= len(grpprl); {
		sprm := le16(grpprl, p)
		p += 2
		size := operandSize(sprm, grpprl[p:])
		if size < 0 || p+size > len(grpprl) {
			return
		}
		op := grpprl[p : p+size]
		switch sprm {
		case sprmPFInTable:
			pp.inTable = op[0] != 0
		case sprmPFTtp:
			pp.rowEnd = op[0] != 0
		case sprmPItap:
			pp.depth = int(le32(op, 0))
		case sprmTDefTable:
			pp.row = readRowDef(op)
		case sprmPFInnerTtp, sprmPFInnerTableCell:
			// The marks of nested tables; their depth (sprmPItap) says enough here.
		}
		p += size
	}
}

// operandSize is the size of a sprm's operand, from the sprm's spra bits; variable operands carry
// their size in their first byte (two for sprmTDefTable).
func operandSize(sprm uint16, rest []byte) int {
	switch sprm >> 13 {
	case 0, 1:
		return 1
	case 2, 4, 5:
		return 2
	case 3:
		return 4
	case 7:
		return 3
	}
	if len(rest) == 0 {
		return -1
	}
	if sprm == 0xD608 || sprm == 0xD606 { // sprmTDefTable, sprmTDefTable10
		if len(rest) < 2 {
			return -1
		}
		return 2 + int(le16(rest, 0)) - 1
	}
	if sprm == 0xC615 && rest[0] == 255 { // sprmPChgTabs with its long form
		return -1
	}
	return 1 + int(rest[0])
}

// propsAt returns the properties of the paragraph stored at file offset fc.
func propsAt(props []paraProps, fc int) (paraProps, bool) {
	i := sort.Search(len(props), func(i int) bool { return props[i].fcEnd > fc })
	if i < len(props) && props[i].fc <= fc {
		return props[i], true
	}
	return paraProps{}, false
}

func le16(d []byte, off int) uint16 {
	if off < 0 || off+2 > len(d) {
		return 0
	}
	return binary.LittleEndian.Uint16(d[off:])
}

func le32(d []byte, off int) uint32 {
	if off < 0 || off+4 > len(d) {
		return 0
	}
	return binary.LittleEndian.Uint32(d[off:])
}
