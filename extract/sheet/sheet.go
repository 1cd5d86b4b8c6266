package sheet

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/table"
)

// Workbook is what a spreadsheet yields: its tables, one per sheet with data, and its text.
type Workbook struct {
	Title  string        // the workbook's title property, if it has one
	Text   string        // every sheet's rows as tab-separated lines, sheets separated by a blank line
	Tables []table.Table // one per non-empty sheet; Start is the rune offset of its first row in Text
}

// Limits on what one workbook may hold, so a hostile file is an error rather than an exhausted
// machine: the cells of all grids, and the bytes of text.
const (
	maxCells = 4 << 20
	maxText  = 64 << 20
)

// A grid is one sheet as the readers meet it: cell texts by position and the merged ranges.
type grid struct {
	name   string
	cells  map[pos]string
	merges []area
}

type pos struct{ row, col int }

// An area is a merged range, first and last row and column included.
type area struct{ first, last pos }

func newGrid(name string) *grid { return &grid{name: name, cells: map[pos]string{}} }

func (g *grid) set(row, col int, text string) {
	if text = strings.TrimSpace(text); text != "" {
		g.cells[pos{row, col}] = text
	}
}

// book collects the sheets of a workbook and lays them out.
type book struct {
	wb    Workbook
	text  strings.Builder
	runes int
	cells int
}

// add lays a sheet out as a table and as lines of text. Rows and columns without any text are left
// out; merged ranges keep their text in their top-left cell.
func (b *book) add(g *grid) error {
	if len(g.cells) == 0 {
		return nil
	}
	rowSet, colSet := map[int]bool{}, map[int]bool{}
	for p := range g.cells {
		rowSet[p.row], colSet[p.col] = true, true
	}
	rows, cols := sorted(rowSet), sorted(colSet)
	if b.cells += len(rows) * len(cols); b.cells > maxCells {
		return fmt.Errorf("sheet %q: more than %d cells", g.name, maxCells)
	}
	rowAt, colAt := index(rows), index(cols)

	// Merged ranges in grid coordinates; positions a range covers, other than its anchor, are skipped.
	anchor := map[pos]table.Cell{}
	covered := map[pos]bool{}
	for _, m := range g.merges {
		r0, r1 := span(rowAt, m.first.row, m.last.row)
		c0, c1 := span(colAt, m.first.col, m.last.col)
		if r0 > r1 || c0 > c1 {
			continue // the range holds no kept row or column
		}
		text := g.cells[m.first]
		if text == "" {
			continue
		}
		anchor[pos{r0, c0}] = table.Cell{Text: text, RowSpan: r1 - r0 + 1, ColSpan: c1 - c0 + 1}
		for r := r0; r <= r1; r++ {
			for c := c0; c <= c1; c++ {
				if r != r0 || c != c0 {
					covered[pos{r, c}] = true
				}
			}
		}
	}
	cellRows := make([][]table.Cell, len(rows))
	if b.text.Len() > 0 {
		b.write("\n")
	}
	start := b.runes
	for r, row := range rows {
		line := make([]string, len(cols))
		for c, col := range cols {
			if covered[pos{r, c}] {
				continue
			}
			cell, ok := anchor[pos{r, c}]
			if !ok {
				cell = table.Cell{Text: g.cells[pos{row, col}]}
			}
			cellRows[r] = append(cellRows[r], cell)
			line[c] = table.Clean(cell.Text)
		}
		b.write(strings.TrimRight(strings.Join(line, "\t"), "\t") + "\n")
		if b.text.Len() > maxText {
			return fmt.Errorf("more than %d MB of text", maxText>>20)
		}
	}
	b.wb.Tables = append(b.wb.Tables, table.Table{Caption: g.name, Start: start, Rows: table.Grid(cellRows)})
	return nil
}

func (b *book) write(s string) {
	b.text.WriteString(s)
	b.runes += utf8.RuneCountInString(s)
}

func (b *book) workbook() *Workbook {
	b.wb.Text = b.text.String()
	if b.wb.Tables == nil {
		b.wb.Tables = []table.Table{}
	}
	return &b.wb
}

func sorted(set map[int]bool) []int {
	s := make([]int, 0, len(set))
	for k := range set {
		s = append(s, k)
	}
	sort.Ints(s)
	return s
}

func index(s []int) map[int]int {
	m := make(map[int]int, len(s))
	for i, v := range s {
		m[v] = i
	}
	return m
}

// span maps the sheet range first..last to the first and last kept grid index inside it.
func span(at map[int]int, first, last int) (int, int) {
	lo, hi := math.MaxInt, -1
	for v, i := range at {
		if v >= first && v <= last {
			lo, hi = min(lo, i), max(hi, i)
		}
	}
	return lo, hi
}

// number writes a cell's number as a plain decimal in the shortest form that round-trips at 15
// significant digits (what a spreadsheet shows), formatted by its number format code: a date or time
// as ISO, a percentage as 12.5%, anything else as the bare number.
func number(v float64, format string, date1904 bool) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	switch kind := formatKind(format); {
	case kind == kindDate && v >= 0 && v < 2958466: // up to 9999-12-31
		return serialDate(v, date1904, false)
	case kind == kindDateTime && v >= 0 && v < 2958466:
		return serialDate(v, date1904, true)
	case kind == kindPercent:
		return plain(v*100) + "%"
	}
	return plain(v)
}

func plain(v float64) string {
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if v == 0 {
		return "0" // and not -0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// serialDate converts a spreadsheet date serial: days since 1899-12-30 (the 1900 system, whose
// phantom 1900-02-29 makes serials before March 1900 one day off, as in every spreadsheet) or since
// 1904-01-01.
func serialDate(v float64, date1904, withTime bool) string {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if v < 61 {
		base = base.AddDate(0, 0, 1)
	}
	days := math.Floor(v)
	secs := math.Round((v - days) * 86400)
	t := base.AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	switch {
	case !withTime || secs == 0 && days > 0:
		return t.Format("2006-01-02")
	case days == 0:
		return t.Format("15:04:05")
	}
	return t.Format("2006-01-02 15:04:05")
}

type numberKind int

const (
	kindNumber numberKind = iota
	kindDate
	kindDateTime
	kindPercent
)

// builtinFormats are the format codes of the built-in number formats a file may use by id alone:
// the dates, times and percentages (ids 27–36 and 50–58 are the Chinese locale's date formats).
var builtinFormats = map[int]string{
	9: "0%", 10: "0.00%",
	14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
	20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm",
	27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"", 30: "m-d-yy", 31: "yyyy\"年\"m\"月\"d\"日\"",
	32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"", 34: "上午/下午h\"时\"mm\"分\"", 35: "上午/下午h\"时\"mm\"分\"ss\"秒\"",
	36: "yyyy\"年\"m\"月\"",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0",
	50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"", 54: "m\"月\"d\"日\"",
	55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
}

// formatKind tells a number format code's kind from its tokens outside quotes, escapes and
// brackets (other than elapsed-time brackets): y, m, d make a date; h, s a time; % a percentage.
// Only the first section (positive numbers) counts.
func formatKind(code string) numberKind {
	var date, clock, percent bool
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case ';':
			i = len(code)
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				break
			}
			if inner := strings.ToLower(code[i+1 : i+j]); strings.Trim(inner, "hms") == "" {
				clock = true // [h] elapsed hours
			}
			i += j
		case 'y', 'Y', 'd', 'D':
			date = true
		case 'h', 'H', 's', 'S':
			clock = true
		case 'm', 'M':
			date = true // minutes come with h or s, which makes clock true as well
		case '%':
			percent = true
		}
	}
	switch {
	case date && clock && strings.ContainsAny(strings.ToLower(code), "yd"):
		return kindDateTime
	case clock:
		return kindDateTime
	case date:
		return kindDate
	case percent:
		return kindPercent
	}
	return kindNumber
}
