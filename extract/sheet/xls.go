package sheet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unicode/utf16"

	"github.com/gongwen/gongwen/extract/ole"
)

// BIFF8 record types read here (MS-XLS 2.3).
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recDateMode    = 0x0022
	recContinue    = 0x003C
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recXF          = 0x00E0
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recFormat      = 0x041E
	recBOF         = 0x0809
	recRString     = 0x00D6
)

// ErrNotBIFF8 is returned (wrapped) for OLE files without a BIFF8 Workbook stream: Word documents,
// Excel 5.0/95 workbooks and other compound files.
var ErrNotBIFF8 = errors.New("no BIFF8 Workbook stream")

// ReadXLS reads a legacy Excel 97–2003 workbook (.xls, and .et files that WPS saved as one).
func ReadXLS(body []byte) (wb *Workbook, err error) {
	defer func() {
		if r := recover(); r != nil { // a reader bug must be an error, not a crash
			wb, err = nil, fmt.Errorf("malformed XLS: %v", r)
		}
	}()
	f, err := ole.Read(body, "Workbook", "Book")
	if err != nil {
		return nil, err
	}
	stream := f.Streams["Workbook"]
	if stream == nil {
		if f.Streams["Book"] != nil {
			return nil, errors.New("Excel 5.0/95 workbook (BIFF5) not supported; save it as .xlsx")
		}
		return nil, ErrNotBIFF8
	}
	recs, err := records(stream)
	if err != nil {
		return nil, fmt.Errorf("malformed XLS: %w", err)
	}
	wb, err = readBIFF(recs)
	if wb != nil {
		wb.Title = f.Title
	}
	return wb, err
}

type record struct {
	typ  uint16
	pos  int // offset of the record in the stream
	data []byte
	cont [][]byte // the CONTINUE records that follow
}

// records splits the stream into records, attaching CONTINUE records to the one they continue.
func records(s []byte) ([]record, error) {
	var recs []record
	for pos := 0; pos+4 <= len(s); {
		typ := binary.LittleEndian.Uint16(s[pos:])
		n := int(binary.LittleEndian.Uint16(s[pos+2:]))
		if pos+4+n > len(s) {
			break // a truncated last record; what came before is kept
		}
		data := s[pos+4 : pos+4+n]
		if typ == recContinue && len(recs) > 0 {
			last := &recs[len(recs)-1]
			last.cont = append(last.cont, data)
		} else if typ != 0 || n != 0 {
			recs = append(recs, record{typ: typ, pos: pos, data: data})
		}
		pos += 4 + n
	}
	if len(recs) == 0 || recs[0].typ != recBOF {
		return nil, errors.New("the Workbook stream does not start with a BOF record")
	}
	return recs, nil
}

type boundSheet struct {
	name string
	pos  int
	kind byte // 0 worksheet, 1 macro sheet, 2 chart, 6 VB module
}

// readBIFF reads the workbook globals (strings, formats, sheet list), then each worksheet.
func readBIFF(recs []record) (*Workbook, error) {
	if v := le16(recs[0].data, 0); v != 0x0600 {
		return nil, fmt.Errorf("%w (BOF version %#x: Excel 5.0/95 or older; save it as .xlsx)", ErrNotBIFF8, v)
	}
	var (
		sst      []string
		formats  = map[int]string{}
		xfFormat []int
		sheets   []boundSheet
		date1904 bool
	)
	for k, v := range builtinFormats {
		formats[k] = v
	}
	i := 1
globals:
	for ; i < len(recs); i++ {
		r := recs[i]
		switch r.typ {
		case recEOF:
			i++
			break globals
		case recFilePass:
			return nil, errors.New("encrypted XLS workbook (password protected)")
		case recDateMode:
			date1904 = le16(r.data, 0) == 1
		case recFormat:
			if len(r.data) >= 2 {
				s, _ := xlString(r.data[2:], 2)
				formats[int(le16(r.data, 0))] = s
			}
		case recXF:
			xfFormat = append(xfFormat, int(le16(r.data, 2)))
		case recBoundSheet:
			if len(r.data) >= 8 {
				name, _ := xlString(r.data[6:], 1)
				sheets = append(sheets, boundSheet{name: name, pos: int(le32(r.data, 0)), kind: r.data[5]})
			}
		case recSST:
			sst = readSST(r)
		}
	}
	sheetAt := map[int]boundSheet{}
	for _, s := range sheets {
		sheetAt[s.pos] = s
	}
	formatOf := func(xf int) string {
		if xf < len(xfFormat) {
			return formats[xfFormat[xf]]
		}
		return ""
	}
	var b book
	var g *grid // the worksheet being read, nil inside other substreams
	var cells int
	for ; i < len(recs); i++ {
		r := recs[i]
		d := r.data
		if r.typ == recBOF {
			g = nil
			if s, ok := sheetAt[r.pos]; ok && s.kind == 0 && le16(d, 2) == 0x0010 {
				g = newGrid(s.name)
			}
			continue
		}
		if g == nil {
			continue
		}
		if len(d) >= 6 && r.typ != recMergedCells {
			if cells++; cells > maxCells {
				return nil, fmt.Errorf("XLS sheet %q: more than %d cells", g.name, maxCells)
			}
		}
		row, col, xf := int(le16(d, 0)), int(le16(d, 2)), int(le16(d, 4))
		switch r.typ {
		case recEOF:
			if err := b.add(g); err != nil {
				return nil, fmt.Errorf("XLS %w", err)
			}
			g = nil
		case recLabelSST:
			if n := int(le32(d, 6)); n < len(sst) {
				g.set(row, col, sst[n])
			}
		case recLabel, recRString:
			if len(d) > 6 {
				s, _ := xlString(continued(d[6:], r.cont), 2)
				g.set(row, col, s)
			}
		case recNumber:
			if len(d) >= 14 {
				g.set(row, col, number(math.Float64frombits(le64(d, 6)), formatOf(xf), date1904))
			}
		case recRK:
			if len(d) >= 10 {
				g.set(row, col, number(rk(le32(d, 6)), formatOf(xf), date1904))
			}
		case recMulRK:
			for c, p := col, 4; p+6 <= len(d)-2; c, p = c+1, p+6 {
				g.set(row, c, number(rk(le32(d, p+2)), formatOf(int(le16(d, p))), date1904))
			}
		case recBoolErr:
			if len(d) >= 8 && d[7] == 0 {
				g.set(row, col, map[bool]string{true: "TRUE", false: "FALSE"}[d[6] != 0])
			}
		case recFormula:
			if len(d) < 14 {
				continue
			}
			if le16(d, 12) != 0xFFFF {
				g.set(row, col, number(math.Float64frombits(le64(d, 6)), formatOf(xf), date1904))
				continue
			}
			switch d[6] {
			case 0: // a string, in the STRING record that follows
				if i+1 < len(recs) && recs[i+1].typ == recString {
					s, _ := xlString(continued(recs[i+1].data, recs[i+1].cont), 2)
					g.set(row, col, s)
				}
			case 1:
				g.set(row, col, map[bool]string{true: "TRUE", false: "FALSE"}[d[8] != 0])
			}
		case recMergedCells:
			n := int(le16(d, 0))
			for p := 2; n > 0 && p+8 <= len(d); p, n = p+8, n-1 {
				g.merges = append(g.merges, area{pos{int(le16(d, p)), int(le16(d, p+4))}, pos{int(le16(d, p+2)), int(le16(d, p+6))}})
			}
		}
	}
	if len(sheets) == 0 {
		return nil, errors.New("malformed XLS: no sheets")
	}
	return b.workbook(), nil
}

// rk decodes an RK number: a 30-bit integer or the top 30 bits of a float64, optionally × 1/100.
func rk(v uint32) float64 {
	var f float64
	if v&2 != 0 {
		f = float64(int32(v) >> 2)
	} else {
		f = math.Float64frombits(uint64(v&^3) << 32)
	}
	if v&1 != 0 {
		f /= 100
	}
	return f
}

// continued joins a record's data with its CONTINUE records for strings that may run into them. A
// continued string's characters resume after a one-byte flag that may switch between compressed
// and UTF-16 characters; xlString does not handle that, so the flag is dropped when both halves
// use the same width (the common case) and the data is cut at the record boundary otherwise.
func continued(d []byte, cont [][]byte) []byte {
	if len(cont) == 0 {
		return d
	}
	out := append([]byte{}, d...)
	for _, c := range cont {
		if len(c) == 0 {
			continue
		}
		out = append(out, c[1:]...)
	}
	return out
}

// xlString reads an XLUnicodeString (lenSize 2) or ShortXLUnicodeString (lenSize 1): a character
// count, a flags byte (bit 0: UTF-16 rather than compressed Latin-1 characters) and the characters.
// It returns the string and the bytes it took.
func xlString(d []byte, lenSize int) (string, int) {
	if len(d) < lenSize+1 {
		return "", len(d)
	}
	n := int(d[0])
	if lenSize == 2 {
		n = int(le16(d, 0))
	}
	flags := d[lenSize]
	p := lenSize + 1
	if flags&0x08 != 0 { // rich text: a run count we skip over later
		p += 2
	}
	if flags&0x04 != 0 { // phonetic data
		p += 4
	}
	s, used := chars(d[min(p, len(d)):], n, flags&1 != 0)
	return s, p + used
}

// chars decodes n characters, UTF-16LE when wide, else Latin-1 bytes, as far as d holds them.
func chars(d []byte, n int, wide bool) (string, int) {
	if wide {
		n = min(n, len(d)/2)
		u := make([]uint16, n)
		for i := range u {
			u[i] = le16(d, 2*i)
		}
		return string(utf16.Decode(u)), 2 * n
	}
	n = min(n, len(d))
	r := make([]rune, n)
	for i := range r {
		r[i] = rune(d[i])
	}
	return string(r), n
}

// readSST reads the shared string table, whose strings may break across CONTINUE records: at a
// break inside a string's characters, the next record starts with a flags byte giving the width of
// the characters that follow.
func readSST(r record) []string {
	parts := append([][]byte{r.data}, r.cont...)
	if len(r.data) < 8 {
		return nil
	}
	total := int(le32(r.data, 4))
	part, p := 0, 8
	// next makes sure the current part has bytes left, moving to the next part if needed.
	next := func() bool {
		for p >= len(parts[part]) {
			if part+1 >= len(parts) {
				return false
			}
			part, p = part+1, 0
		}
		return true
	}
	// take returns n bytes of header or trailer data, which may span parts.
	take := func(n int) []byte {
		var out []byte
		for n > 0 && next() {
			k := min(n, len(parts[part])-p)
			out = append(out, parts[part][p:p+k]...)
			p, n = p+k, n-k
		}
		return out
	}
	strs := make([]string, 0, min(total, 1<<16))
	for len(strs) < total && next() {
		h := take(3)
		if len(h) < 3 {
			break
		}
		n, flags := int(le16(h, 0)), h[2]
		var runs, ext int
		if flags&0x08 != 0 {
			runs = int(le16(take(2), 0))
		}
		if flags&0x04 != 0 {
			ext = int(le32(take(4), 0))
		}
		wide := flags&1 != 0
		var s []rune
		for n > 0 {
			if p >= len(parts[part]) { // the characters go on in the next record, after a flags byte
				if part+1 >= len(parts) || len(parts[part+1]) == 0 {
					break
				}
				part, p = part+1, 1
				wide = parts[part][0]&1 != 0
			}
			str, used := chars(parts[part][p:], n, wide)
			if used == 0 {
				break
			}
			rs := []rune(str)
			s = append(s, rs...)
			n -= len(rs)
			p += used
		}
		take(4*runs + max(ext, 0))
		strs = append(strs, string(s))
	}
	return strs
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

func le64(d []byte, off int) uint64 {
	if off < 0 || off+8 > len(d) {
		return 0
	}
	return binary.LittleEndian.Uint64(d[off:])
}
