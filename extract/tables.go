package extract

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/cell"
	"github.com/gongwen/gongwen/extract/form"
	"github.com/gongwen/gongwen/extract/measure"
	"github.com/gongwen/gongwen/extract/table"
)

// tableText is where the tables of a document stand in its text.
type tableText struct {
	lines [][]table.Line // per table, where each row is written (byte offsets)
	// cells, per table, where each cell is written (byte offsets), when
	// the reader said so (plain text: a row may span several lines); nil
	// for a table whose cells are found in the line of their row.
	cells [][][]table.Line
	prose string // the text with every table row blanked, same byte offsets
}

// locateTables finds the rows of each table in the text and blanks them,
// so that the recognisers of prose never read a table a second time: a
// table is read once, from its cells. A table whose rows are not where its
// Start says is looked for after the table before it, and its Start set.
// A reader that knows where it read each table (the plain-text reader)
// passes its tables as read; read[i] is table i.
// idx is the rune index of text.
func locateTables(text string, tables []table.Table, read []table.TextTable, idx runeIndex) tableText {
	tt := tableText{lines: make([][]table.Line, len(tables)), cells: make([][][]table.Line, len(tables))}
	var masked []byte
	after := 0 // where the table before ends
	for i := range tables {
		t := &tables[i]
		start := idx.bytes(t.Start)
		var end int
		if i < len(read) {
			tt.lines[i], tt.cells[i] = read[i].Lines, read[i].Cells
			for _, l := range tt.lines[i] {
				end = max(end, l.End)
			}
		} else {
			tt.lines[i], end = table.Locate(text, start, t.Rows)
		}
		if !anyLine(tt.lines[i]) {
			// The reader did not say where the rows are, or said it wrongly:
			// look for them, so that they are not read twice.
			if start = table.Find(text, after, t.Rows); start >= 0 {
				tt.lines[i], end = table.Locate(text, start, t.Rows)
				t.Start = idx.runes(start)
			}
		}
		if anyLine(tt.lines[i]) {
			after = end
		}
		for _, l := range tt.lines[i] {
			if l.Start < 0 {
				continue
			}
			if masked == nil {
				masked = []byte(text)
			}
			blank(masked[l.Start:l.End])
		}
	}
	tt.prose = text
	if masked != nil {
		tt.prose = string(masked)
	}
	return tt
}

func anyLine(lines []table.Line) bool {
	for _, l := range lines {
		if l.Start >= 0 {
			return true
		}
	}
	return false
}

// blank overwrites UTF-8 text with spaces of the same byte length rune by
// rune, so that byte and rune offsets after it stay what they were.
func blank(b []byte) {
	for i := 0; i < len(b); {
		_, size := utf8.DecodeRune(b[i:])
		copy(b[i:], spaces[size])
		i += size
	}
}

// spaces holds a space of each UTF-8 length: ASCII, no-break, ideographic
// and tag space.
var spaces = [5]string{1: " ", 2: "\u00a0", 3: "\u3000", 4: "\U000E0020"}

// annotateTables fills what every table says about itself — heading rows,
// caption, unit, section — whatever reader built it.
func annotateTables(doc *Document, tt tableText, idx runeIndex) {
	for i := range doc.Tables {
		t := &doc.Tables[i]
		var before []string
		if start := idx.bytes(t.Start); start >= 0 {
			before = lastLines(doc.Text[:start], 4)
		}
		table.Annotate(t, before, cell.IsUnit)
		if t.Start >= 0 {
			t.Section = sectionAt(doc.Sections, t.Start)
		}
	}
}

// lastLines returns the last n lines of text, fewer if it has fewer.
func lastLines(text string, n int) []string {
	start := len(text)
	for range n - 1 {
		i := strings.LastIndexByte(text[:start], '\n')
		if i < 0 {
			return strings.Split(text, "\n")
		}
		start = i
	}
	if i := strings.LastIndexByte(text[:start], '\n'); i >= 0 {
		return strings.Split(text[i+1:], "\n")
	}
	return strings.Split(text, "\n")
}

// cellIndicators returns the figures of the table cells as indicators,
// each pointing at its cell; Start and End point at the cell in the text
// when the reader wrote it there, else -1.
func cellIndicators(doc *Document, tt tableText, idx runeIndex) []Indicator {
	var out []Indicator
	for i, t := range doc.Tables {
		read := withHeadings(doc.Tables, i)
		for _, f := range cell.Figures(read) {
			f.Row -= len(read.Rows) - len(t.Rows) // the headings put back on top
			in := Indicator{Name: f.Name, Value: f.Value, Unit: f.Unit, Text: f.Text, Kind: f.Kind,
				Section: t.Section, Start: -1, End: -1, CellRef: &CellRef{Table: i, Row: f.Row, Col: f.Col}}
			if base, ok := measure.HeadingChange(columnHeading(read, f.Col)); ok {
				// 比上年增长（%） holds changes: -3.2 is a fall of 3.2.
				in.Change = &Change{Direction: ChangeUp, Base: base}
				switch {
				case in.Value < 0:
					in.Change.Direction, in.Value = ChangeDown, -in.Value
				case in.Value == 0:
					in.Change.Direction = ChangeFlat
				}
			}
			line := tt.lines[i][f.Row]
			s, e := table.CellSpan(doc.Text, line, t.Rows[f.Row], f.Col)
			if tt.cells[i] != nil {
				at := tt.cells[i][f.Row][f.Col]
				s, e = at.Start, at.End
			}
			if s >= 0 {
				in.Text, in.Start, in.End = doc.Text[s:e], idx.runes(s), idx.runes(e)
			}
			if line.Start >= 0 {
				in.Sentence = doc.Text[line.Start:line.End]
			} else {
				in.Sentence = strings.Join(t.Rows[f.Row], "\t")
			}
			out = append(out, in)
		}
	}
	return out
}

// columnHeading returns the heading of column col of t: its lowest heading
// cell, or "" when the table has no heading rows.
func columnHeading(t table.Table, col int) string {
	for r := min(t.HeaderRows, len(t.Rows)) - 1; r >= 0; r-- {
		if col < len(t.Rows[r]) && t.Rows[r][col] != "" {
			return t.Rows[r][col]
		}
	}
	return ""
}

// withHeadings returns table i, or, when it has no heading rows and is as
// wide as the table before it that has some, the table with those headings
// put back on top: a table continued on the next page (续表) without its
// header.
func withHeadings(tables []table.Table, i int) table.Table {
	t := tables[i]
	if t.HeaderRows > 0 || i == 0 || len(t.Rows) == 0 {
		return t
	}
	prev := tables[i-1]
	if prev.HeaderRows == 0 || len(prev.Rows) <= prev.HeaderRows || len(prev.Rows[0]) != len(t.Rows[0]) {
		return t
	}
	t.Rows = append(append([][]string{}, prev.Rows[:prev.HeaderRows]...), t.Rows...)
	t.HeaderRows = prev.HeaderRows
	return t
}

// mergeIndicators puts the indicators of the prose and of the table cells
// in the order of the text; a cell not found in the text goes where its
// table starts. It reuses the array of prose.
func mergeIndicators(prose, cells []Indicator, tables []table.Table) []Indicator {
	out := append(prose, cells...)
	at := func(in Indicator) int {
		switch {
		case in.Start >= 0:
			return in.Start
		case in.CellRef != nil && tables[in.Table].Start >= 0:
			return tables[in.Table].Start
		}
		return math.MaxInt
	}
	sort.SliceStable(out, func(i, j int) bool { return at(out[i]) < at(out[j]) })
	return out
}

// linkRestatements points each prose indicator that restates a table cell
// at that cell: same value in the same unit (a cell without a unit holds a
// count), and a name that shares at least half its characters, in order,
// with the cell's; the cell sharing most wins.
func linkRestatements(inds []Indicator) {
	byValue := map[float64][]int{}
	for i, in := range inds {
		if in.CellRef != nil {
			byValue[in.Value] = append(byValue[in.Value], i)
		}
	}
	for i := range inds {
		p := &inds[i]
		if p.CellRef != nil {
			continue
		}
		best, bestShared := -1, 0
		name := []rune(p.Name)
		for _, k := range byValue[p.Value] {
			c := inds[k]
			if c.Unit != p.Unit && !(c.Unit == "" && p.Kind == KindCount) {
				continue
			}
			shared := commonRun(name, []rune(strings.ReplaceAll(c.Name, cell.Separator, "")))
			if shared >= 2 && 2*shared >= len(name) && shared > bestShared {
				best, bestShared = k, shared
			}
		}
		if best >= 0 {
			ref := *inds[best].CellRef
			p.Restates = &ref
		}
	}
}

// commonRun is the number of runes a and b share in the same order (粮食总产量
// and 粮食 · 产量 share 粮食产量).
func commonRun(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// readForms reads the tables as national forms, gives the cells of a form
// the key they hold as their measure, and checks the prose that restates
// the form against it.
func readForms(doc *Document) {
	doc.Forms = form.Recognise(doc.Tables)
	if len(doc.Forms) == 0 {
		return
	}
	var prose []form.Prose
	for _, in := range doc.Indicators {
		if in.CellRef == nil && in.Change == nil && !in.Target {
			prose = append(prose, form.Prose{Name: in.Name, Value: in.Value, Unit: in.Unit, Text: in.Text})
		}
	}
	for i := range doc.Forms {
		f := &doc.Forms[i]
		keyAt := map[CellRef]string{}
		for key, c := range f.Cells {
			keyAt[CellRef{Table: c[0], Row: c[1], Col: c[2]}] = key
		}
		for k := range doc.Indicators {
			in := &doc.Indicators[k]
			if in.CellRef != nil {
				if key, ok := keyAt[*in.CellRef]; ok {
					in.Measure = key
				}
			}
		}
		f.CheckProse(prose)
	}
}
