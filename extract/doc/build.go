package doc

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/table"
)

// Special characters of the Word text stream.
const (
	chCellMark   = 0x07 // ends a table cell, and (as its own paragraph) a table row
	chTab        = 0x09
	chLineBreak  = 0x0B
	chPageBreak  = 0x0C
	chParaEnd    = 0x0D
	chFieldBegin = 0x13
	chFieldSep   = 0x14
	chFieldEnd   = 0x15
	chNBHyphen   = 0x1E
)

// builder lays the characters out as lines of text and tables.
type builder struct {
	out    strings.Builder
	runes  int
	tables []table.Table
	para   strings.Builder // the open paragraph
	cell   []string        // paragraphs of the open table cell
	row    []string        // cells of the open table row
	rows   [][]string      // rows of the open table
	defs   []*rowDef       // the cell layout of each row of the open table, nil if unknown
	fields []bool          // open fields, innermost last: true while in the field's code part
}

func build(chars []char, props []paraProps) *Document {
	var b builder
	prevMark := false // the previous character was a cell mark: for files without properties
	for _, c := range chars {
		inCode := len(b.fields) > 0 && b.fields[len(b.fields)-1]
		switch c.r {
		case chFieldBegin:
			b.fields = append(b.fields, true)
			continue
		case chFieldSep:
			if len(b.fields) > 0 {
				b.fields[len(b.fields)-1] = false
			}
			continue
		case chFieldEnd:
			if len(b.fields) > 0 {
				b.fields = b.fields[:len(b.fields)-1]
			}
			continue
		}
		if inCode && c.r != chParaEnd && c.r != chCellMark {
			continue
		}
		pp, known := propsAt(props, c.fc)
		switch c.r {
		case chParaEnd, chPageBreak:
			if known && pp.inTable && pp.depth == 1 {
				b.endCellPara()
			} else if known && pp.depth > 1 {
				b.para.WriteByte(' ') // a paragraph of a nested table: kept inside the outer cell
			} else {
				b.endTable()
				b.endPara()
			}
		case chCellMark:
			switch {
			case known && pp.depth > 1:
				b.para.WriteByte(' ')
			case known && pp.rowEnd, !known && prevMark:
				b.endRow(pp.row)
			default:
				b.endCell()
			}
		case chLineBreak:
			inTable := len(b.row) > 0 || len(b.cell) > 0 // without properties: a row is open
			if known {
				inTable = pp.inTable || pp.depth > 0
			}
			if inTable {
				b.para.WriteByte(' ')
			} else {
				b.endTable()
				b.endPara()
			}
		case chTab:
			b.para.WriteByte('\t')
		case chNBHyphen:
			b.para.WriteByte('-')
		case 0xA0, 0x3000:
			b.para.WriteRune(c.r)
		default:
			if c.r >= 0x20 && c.r != 0x7F && unicode.IsPrint(c.r) || unicode.IsSpace(c.r) && c.r >= 0x20 {
				b.para.WriteRune(c.r)
			}
		}
		prevMark = c.r == chCellMark && !(known && pp.rowEnd)
	}
	b.endTable()
	b.endPara()
	return &Document{Text: b.out.String(), Tables: b.tables}
}

// endPara ends a paragraph outside tables: a line of text unless it is empty.
func (b *builder) endPara() {
	s := strings.TrimSpace(b.para.String())
	b.para.Reset()
	if s != "" {
		b.line(s)
	}
}

func (b *builder) line(s string) {
	b.out.WriteString(s)
	b.out.WriteByte('\n')
	b.runes += utf8.RuneCountInString(s) + 1
}

// endCellPara ends a paragraph inside a table cell.
func (b *builder) endCellPara() {
	if s := strings.TrimSpace(b.para.String()); s != "" {
		b.cell = append(b.cell, s)
	}
	b.para.Reset()
}

func (b *builder) endCell() {
	b.endCellPara()
	text := strings.Join(b.cell, " ")
	text = strings.NewReplacer("\t", " ", "\n", " ").Replace(text)
	b.row = append(b.row, text)
	b.cell = nil
}

func (b *builder) endRow(def *rowDef) {
	if b.para.Len() > 0 || len(b.cell) > 0 {
		b.endCell()
	}
	b.para.Reset()
	if len(b.row) > 0 {
		if def != nil && len(def.horz) != len(b.row) {
			def = nil // the layout does not describe these cells
		}
		b.rows = append(b.rows, b.row)
		b.defs = append(b.defs, def)
	}
	b.row = nil
}

// endTable writes the open table, if any, as lines and as a table.Table.
func (b *builder) endTable() {
	if len(b.row) > 0 || len(b.cell) > 0 {
		b.endRow(nil)
	}
	if len(b.rows) == 0 {
		return
	}
	start := b.runes
	for _, row := range b.rows {
		b.line(strings.TrimRight(strings.Join(row, "\t"), "\t"))
	}
	b.tables = append(b.tables, table.Table{Start: start, Rows: table.Grid(b.merged())})
	b.rows, b.defs = nil, nil
}

// merged returns the cells of the open table with their spans, when every row's layout is known:
// a cell's column span from its edges among the edges of all rows, a vertical merge's row span
// from the merged cells below it (which are left out, as are cells merged into their left
// neighbour). Without layouts every cell spans one position.
func (b *builder) merged() [][]table.Cell {
	cells := make([][]table.Cell, len(b.rows))
	known := true
	edgeSet := map[int]bool{}
	for _, d := range b.defs {
		if d == nil {
			known = false
			break
		}
		for _, e := range d.edges {
			edgeSet[e] = true
		}
	}
	if !known {
		for i, row := range b.rows {
			for _, c := range row {
				cells[i] = append(cells[i], table.Cell{Text: c})
			}
		}
		return cells
	}
	var edges []int
	for e := range edgeSet {
		edges = append(edges, e)
	}
	sort.Ints(edges)
	col := func(x int) int { return sort.SearchInts(edges, x) }
	for i, row := range b.rows {
		d := b.defs[i]
		for j := 0; j < len(row); j++ {
			if d.horz[j] >= 2 || d.vert[j] == 1 {
				continue // merged into the cell on its left or above
			}
			first, left, right := j, d.edges[j], d.edges[j+1]
			for j+1 < len(row) && d.horz[j+1] >= 2 {
				j++
				right = d.edges[j+1]
			}
			c := table.Cell{Text: row[first], ColSpan: max(col(right)-col(left), 1), RowSpan: 1}
			if d.vert[first] == 3 {
				for k := i + 1; k < len(b.rows) && continues(b.defs[k], left); k++ {
					c.RowSpan++
				}
			}
			cells[i] = append(cells[i], c)
		}
	}
	return cells
}

// continues reports whether the row has a cell at the left edge x that continues a vertical merge.
func continues(d *rowDef, x int) bool {
	for j := range d.horz {
		if d.edges[j] == x {
			return d.vert[j] == 1
		}
	}
	return false
}
