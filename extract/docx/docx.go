package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/table"
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxText bounds the text of one document, so a zip bomb is an error rather than an exhausted machine.
const maxText = 64 << 20

// Result is what Read finds in a DOCX file.
type Result struct {
	Text   string        // paragraphs as lines, table rows as lines with a tab between cells
	Tables []table.Table // the tables of the body (not those nested in a cell), Start in runes of Text
}

// Read returns the text and tables of the DOCX file in body. A file that is not a zip archive with a
// well-formed word/document.xml is an error.
func Read(body []byte) (*Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Errorf("not a DOCX file: %w", err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	if parts["word/document.xml"] == nil {
		return nil, errors.New("not a DOCX file: no word/document.xml")
	}
	num, err := readNumberingParts(parts["word/numbering.xml"], parts["word/styles.xml"])
	if err != nil {
		return nil, fmt.Errorf("DOCX list numbering: %w", err)
	}
	rc, err := openPart(parts["word/document.xml"], maxDocumentBytes)
	if err != nil {
		return nil, fmt.Errorf("DOCX word/document.xml: %w", err)
	}
	defer rc.Close()
	res, err := parse(rc, num)
	if err != nil {
		return nil, fmt.Errorf("DOCX word/document.xml: %w", err)
	}
	return res, nil
}

// readNumberingParts reads the list definitions and styles, both optional.
func readNumberingParts(numberingXML, stylesXML *zip.File) (*numbering, error) {
	var readers [2]io.Reader
	for i, f := range []*zip.File{numberingXML, stylesXML} {
		if f == nil {
			continue
		}
		rc, err := openPart(f, maxSupportBytes)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		defer rc.Close()
		readers[i] = rc
	}
	return readNumbering(readers[0], readers[1])
}

// A cell collects the paragraphs of a table cell, and how it is merged: w:gridSpan columns wide,
// w:vMerge "restart" (the first of cells merged down) or "continue" (covered by the cell above).
type cell struct {
	paras    []string
	gridSpan int
	vMerge   string
}

// A grid collects the cells of a top-level table as they come, row by row.
type grid struct {
	start int       // byte offset in the text where its rows are written
	rows  [][]*cell // cells of each row
	skip  []int     // grid columns left empty before each row (w:gridBefore)
}

// A para is an open paragraph: its text and the properties that decide its list number.
type para struct {
	text               strings.Builder
	style, numID, ilvl string
}

type parser struct {
	out   strings.Builder
	num   *numbering
	paras []*para    // open paragraphs (a text box paragraph sits inside another)
	rows  [][]string // cells of the open table rows, innermost last
	cells []*cell    // open table cells, innermost last
	size  int

	depth  int   // open tables
	grid   *grid // the open top-level table
	tables []table.Table
}

func parse(r io.Reader, num *numbering) (*Result, error) {
	d := xml.NewDecoder(r)
	p := parser{num: num}
	var names []xml.Name // open elements
	skip := 0            // depth inside an element whose content is left out
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := xml.Name{}
			if len(names) > 0 {
				parent = names[len(names)-1]
			}
			names = append(names, t.Name)
			if skip > 0 || t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skip++
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			inRun := parent.Space == nsW && parent.Local == "r"
			switch t.Name.Local {
			case "p":
				p.paras = append(p.paras, &para{})
			case "pStyle", "numId", "ilvl":
				if n := len(p.paras); n > 0 {
					p.paras[n-1].set(t)
				}
			case "t":
				inText = true
			case "tab":
				if inRun {
					p.write("\t")
				}
			case "br", "cr":
				if inRun {
					p.write("\n")
				}
			case "noBreakHyphen":
				p.write("-")
			case "tbl":
				p.depth++
				if p.depth == 1 {
					p.grid = &grid{start: p.out.Len()}
				}
			case "tr":
				p.rows = append(p.rows, nil)
				if p.depth == 1 && p.grid != nil {
					p.grid.rows = append(p.grid.rows, nil)
					p.grid.skip = append(p.grid.skip, 0)
				}
			case "tc":
				p.cells = append(p.cells, &cell{})
			case "gridSpan", "vMerge", "gridBefore":
				p.merge(t)
			}
		case xml.EndElement:
			if len(names) > 0 {
				names = names[:len(names)-1]
			}
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if n := len(p.paras); n > 0 {
					para := p.paras[n-1]
					p.paras = p.paras[:n-1]
					text := strings.TrimSpace(para.text.String()) // indents typed as spaces, stray blanks
					if label := p.num.label(para.style, para.numID, para.ilvl); label != "" && strings.TrimSpace(text) != "" {
						text = label + text
					}
					p.line(text)
				}
			case "tc":
				if n := len(p.cells); n > 0 && len(p.rows) > 0 {
					c := p.cells[n-1]
					p.cells = p.cells[:n-1]
					text := strings.Join(c.paras, " ")
					text = strings.NewReplacer("\n", " ", "\t", " ").Replace(text)
					// A cell spread over several grid columns leaves empty fields
					// after it, so that the fields of a row line up with the grid.
					p.rows[len(p.rows)-1] = append(p.rows[len(p.rows)-1], text)
					for range min(max(c.gridSpan, 1), table.MaxSpan) - 1 {
						p.rows[len(p.rows)-1] = append(p.rows[len(p.rows)-1], "")
					}
					if p.depth == 1 && p.grid != nil && len(p.grid.rows) > 0 {
						c.paras = []string{text}
						last := len(p.grid.rows) - 1
						p.grid.rows[last] = append(p.grid.rows[last], c)
					}
				}
			case "tr":
				if n := len(p.rows); n > 0 {
					row := p.rows[n-1]
					p.rows = p.rows[:n-1]
					p.line(strings.Join(row, "\t"))
				}
			case "tbl":
				if p.depth == 1 && p.grid != nil {
					p.tables = append(p.tables, p.grid.table())
					p.grid = nil
				}
				p.depth = max(0, p.depth-1)
			}
		case xml.CharData:
			if inText && skip == 0 {
				p.write(string(t))
			}
		}
		if p.size > maxText {
			return nil, fmt.Errorf("text longer than %d MB", maxText>>20)
		}
	}
	text := p.out.String()
	if !utf8.ValidString(text) {
		return nil, errors.New("invalid UTF-8 text")
	}
	res := &Result{Text: text, Tables: []table.Table{}}
	for _, t := range p.tables {
		if len(t.Rows) < 2 || len(t.Rows[0]) < 2 {
			continue // a box around a paragraph, not a table of data
		}
		t.Start = utf8.RuneCountInString(text[:min(t.Start, len(text))])
		res.Tables = append(res.Tables, t)
	}
	return res, nil
}

// merge records a cell's w:gridSpan or w:vMerge, or a row's w:gridBefore, for the open top-level
// table.
func (p *parser) merge(e xml.StartElement) {
	if p.depth != 1 || p.grid == nil || len(p.grid.rows) == 0 {
		return
	}
	val, hasVal := "", false
	for _, a := range e.Attr {
		if a.Name.Local == "val" {
			val, hasVal = a.Value, true
		}
	}
	n, _ := strconv.Atoi(val)
	switch e.Name.Local {
	case "gridBefore":
		n = min(max(n, 0), table.MaxSpan)
		p.grid.skip[len(p.grid.skip)-1] = n
		if k := len(p.rows); k > 0 && len(p.rows[k-1]) == 0 {
			p.rows[k-1] = make([]string, n) // empty fields for the grid columns the row skips
		}
	case "gridSpan":
		if k := len(p.cells); k > 0 {
			p.cells[k-1].gridSpan = n
		}
	case "vMerge":
		if k := len(p.cells); k > 0 {
			p.cells[k-1].vMerge = "continue" // w:vMerge without w:val continues the cell above
			if hasVal && val == "restart" {
				p.cells[k-1].vMerge = "restart"
			}
		}
	}
}

// table lays the collected cells out on a grid: a cell that w:vMerge continues is the cell above it
// spanning one more row.
func (g *grid) table() table.Table {
	rows := make([][]table.Cell, len(g.rows))
	starts := make([]map[int]int, len(g.rows)) // grid column → index in the row of the cell starting there
	for r, cells := range g.rows {
		starts[r] = map[int]int{}
		col := g.skip[r]
		if col > 0 {
			rows[r] = append(rows[r], table.Cell{ColSpan: col})
		}
		for _, c := range cells {
			span := min(max(c.gridSpan, 1), table.MaxSpan)
			if c.vMerge == "continue" && g.mergeDown(rows, starts, r, col) {
				col += span
				continue
			}
			starts[r][col] = len(rows[r])
			rows[r] = append(rows[r], table.Cell{Text: strings.Join(c.paras, " "), ColSpan: span})
			col += span
		}
	}
	return table.Table{Start: g.start, Rows: table.Grid(rows)}
}

// mergeDown extends the cell that starts at column col in the nearest row above r by one row, and
// reports whether there is one.
func (g *grid) mergeDown(rows [][]table.Cell, starts []map[int]int, r, col int) bool {
	for k := r - 1; k >= 0; k-- {
		if i, ok := starts[k][col]; ok {
			c := &rows[k][i]
			if c.RowSpan == 0 {
				c.RowSpan = 1
			}
			if k+c.RowSpan != r {
				return false // a gap: the cell above does not reach this row
			}
			c.RowSpan++
			return true
		}
	}
	return false
}

// write adds text to the innermost open paragraph.
func (p *parser) write(s string) {
	if n := len(p.paras); n > 0 {
		p.paras[n-1].text.WriteString(s)
		p.size += len(s)
	}
}

// set records a paragraph property: its style, or its list and level.
func (para *para) set(e xml.StartElement) {
	for _, a := range e.Attr {
		if a.Name.Local != "val" {
			continue
		}
		switch e.Name.Local {
		case "pStyle":
			para.style = a.Value
		case "numId":
			para.numID = a.Value
		case "ilvl":
			para.ilvl = a.Value
		}
	}
}

// line delivers a finished paragraph or table row: to the innermost open table cell, or to the output
// as lines, leaving out blank ones.
func (p *parser) line(text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	if n := len(p.cells); n > 0 {
		c := p.cells[n-1]
		c.paras = append(c.paras, text)
		return
	}
	for _, l := range strings.Split(text, "\n") { // w:br inside the paragraph
		if strings.TrimSpace(l) != "" {
			p.out.WriteString(l)
			p.out.WriteByte('\n')
			p.size += len(l) + 1
		}
	}
}
