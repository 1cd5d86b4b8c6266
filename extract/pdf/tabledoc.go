package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/table"
)

// withTableRows puts the rows of a page's tables among its other lines: each row with text of its own
// becomes a line (cells separated by tabs) that knows its table (1 + first, the index of the page's
// first table in the document, and so on) and row. A table's rows stay together at the height of its
// top, so two tables side by side are read one after the other.
func withTableRows(lines []line, tables []pageTable, first int) []line {
	if len(tables) == 0 {
		return lines
	}
	out := append([]line(nil), lines...)
	for k := range tables {
		t := &tables[k]
		for r := range t.rows {
			text := t.rowText(r)
			if text == "" {
				continue
			}
			out = append(out, line{x: t.left, end: t.right, y: t.top, bottom: t.top, size: t.size,
				text: text, cells: []float64{t.left}, table: first + k + 1, row: r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].y > out[j].y })
	return out
}

// Tables on two pages whose edges are this close are one table broken by the page.
const edgeSlack = 3.0

// joinPages finds the tables that continue on the next page: a table whose row is the last line of a
// page (running headers and footers removed), followed by a table that is the first line of the next
// page with the same outer edges and column edges one table's a subset of the other's. It returns the
// document's tables as groups of page tables (indexes into tables), in reading order.
func joinPages(pages [][]line, tables []pageTable) [][]int {
	next := map[int]int{} // table → the table continuing it
	for p := 0; p+1 < len(pages); p++ {
		a, b := pages[p], pages[p+1]
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		ta, tb := a[len(a)-1].table-1, b[0].table-1
		if ta < 0 || tb < 0 || !sameColumns(tables[ta], tables[tb]) {
			continue
		}
		next[ta] = tb
	}
	continued := map[int]bool{}
	for _, b := range next {
		continued[b] = true
	}
	var groups [][]int
	for i := range tables {
		if continued[i] {
			continue
		}
		g := []int{i}
		for j, ok := next[i]; ok; j, ok = next[j] {
			g = append(g, j)
		}
		groups = append(groups, g)
	}
	return groups
}

// sameColumns reports whether b can continue a: for ruled tables the same outer edges, and the
// column edges of one among those of the other (a part holding only wide merged cells draws fewer
// edges); for tables without lines as many columns, each over the same column of the other.
func sameColumns(a, b pageTable) bool {
	if a.bands != nil || b.bands != nil {
		if len(a.bands) != len(b.bands) {
			return false
		}
		for k := range a.bands {
			if a.bands[k].x1 < b.bands[k].x0 || b.bands[k].x1 < a.bands[k].x0 {
				return false
			}
		}
		return true
	}
	if math.Abs(a.left-b.left) > edgeSlack || math.Abs(a.right-b.right) > edgeSlack {
		return false
	}
	small, large := a.cols, b.cols
	if len(small) > len(large) {
		small, large = large, small
	}
	for _, x := range small {
		if !hasEdge(large, x) {
			return false
		}
	}
	return true
}

func hasEdge(edges []float64, x float64) bool {
	for _, e := range edges {
		if math.Abs(e-x) <= edgeSlack {
			return true
		}
	}
	return false
}

// regrid spreads a part's rows over finer column edges: a cell between two of its own edges is
// repeated in each finer column inside them, as a merged cell is.
func regrid(t pageTable, edges []float64) [][]string {
	if len(edges) == len(t.cols) {
		return t.rows
	}
	out := make([][]string, len(t.rows))
	for r, row := range t.rows {
		out[r] = make([]string, len(edges)-1)
		for c := range out[r] {
			out[r][c] = row[slot(t.cols, (edges[c]+edges[c+1])/2)]
		}
	}
	return out
}

// documentTables makes the document's tables from the groups of page tables: the rows of the parts
// one after the other (a header row repeated at the top of a continuation left out), the page where
// the table starts, its caption and the offset of its first row in the text.
func documentTables(pages [][]line, tables []pageTable, groups [][]int, starts map[int]int) []table.Table {
	out := []table.Table{}
	for _, g := range groups {
		if len(g) == 1 && tables[g[0]].single {
			continue // a box of cells, or a lone row that continues nothing
		}
		first := tables[g[0]]
		edges := first.cols
		for _, i := range g[1:] {
			if len(tables[i].cols) > len(edges) {
				edges = tables[i].cols
			}
		}
		parts := make([]pageTable, len(g))
		for k, i := range g {
			parts[k] = tables[i].copy()
			if k > 0 {
				mendSeam(&parts[k-1], &parts[k])
			}
		}
		rows := regrid(parts[0], edges)
		for _, part := range parts[1:] {
			part := regrid(part, edges)
			rows = append(rows, part[repeatedHeader(rows, part):]...)
		}
		start, ok := starts[g[0]+1]
		if !ok {
			start = -1
		}
		out = append(out, table.Table{
			Caption: caption(pages, g[0]+1),
			Page:    first.page,
			Start:   start,
			Rows:    rows, // cells are trimmed and have no line breaks (cellText, textTable)
		})
	}
	return out
}

// copy returns t with its own copy of the grid.
func (t pageTable) copy() pageTable {
	rows := make([][]string, len(t.rows))
	for r := range t.rows {
		rows[r] = append([]string(nil), t.rows[r]...)
	}
	t.rows = rows
	return t
}

// mendSeam joins the halves of merged cells that the page break between a and b cuts: a group label
// whose cell goes on down the next page (三、本年度办理结果 printed on the first page only, or （四）无 |
// 法提供 split over the two). A column is mended where a's last cell or b's first spans two rows or
// more, neither holds a number, and b's does not start a new item (（五）…, 2.…).
func mendSeam(a, b *pageTable) {
	last := len(a.rows) - 1
	if last < 0 || len(b.rows) == 0 {
		return
	}
	for cb := range b.rows[0] {
		ca := slot(a.cols, (b.cols[cb]+b.cols[cb+1])/2)
		top, bottom := a.rows[last][ca], b.rows[0][cb]
		tall := last > 0 && a.ids[last-1][ca] == a.ids[last][ca] || len(b.rows) > 1 && b.ids[1][cb] == b.ids[0][cb]
		if !tall || top == "" || isNumber(top) || isNumber(bottom) || heading.MatchString(bottom) || item.MatchString(bottom) {
			continue
		}
		joined := top + bottom
		a.setCell(a.ids[last][ca], joined)
		b.setCell(b.ids[0][cb], joined)
	}
}

// item matches the start of a numbered item: 1. 2、 (1)
var item = regexp.MustCompile(`^(\d{1,2}[、.．]|[（(]\d{1,2}[)）])`)

// setCell sets the text of every position of the cell id.
func (t *pageTable) setCell(id int, text string) {
	for r := range t.rows {
		for c := range t.rows[r] {
			if t.ids[r][c] == id {
				t.rows[r][c] = text
			}
		}
	}
}

// repeatedHeader returns how many rows at the top of part repeat the first rows of the table.
func repeatedHeader(rows, part [][]string) int {
	n := 0
	for n < len(part) && n < len(rows)-1 && strings.Join(part[n], "\t") == strings.Join(rows[n], "\t") {
		n++
	}
	return n
}

// Captions are short lines: a title, 表1 …, 第二十条第（一）项. A line that says only who compiled the
// table and its unit (编制单位：…  单位：万元) sits between the title and the table.
const maxCaption = 60

var unitCell = regexp.MustCompile(`^(金额|计量)?单位[:：]`)

// caption returns the line just above table t (1 + its index in the document's tables): the line
// before its first row on its page, or the last line of the page before when the table starts its
// page. With a unit line in between, it is the title above with the unit cell added.
func caption(pages [][]line, t int) string {
	var before []line
	for p, lines := range pages {
		for i, l := range lines {
			if l.table != t {
				continue
			}
			before = lines[:i]
			if i == 0 && p > 0 {
				before = pages[p-1]
			}
			return captionFrom(before)
		}
	}
	return ""
}

// captionFrom returns the caption among the lines before a table (the nearest last).
func captionFrom(before []line) string {
	n := len(before)
	if n == 0 || before[n-1].table > 0 {
		return ""
	}
	last := before[n-1]
	for _, cell := range strings.Split(last.text, "\t") {
		if unitCell.MatchString(strings.TrimSpace(cell)) {
			if n > 1 && before[n-2].table == 0 && isCaption(before[n-2].text) {
				return flat(before[n-2].text) + " " + strings.TrimSpace(cell)
			}
			return flat(last.text)
		}
	}
	if isCaption(last.text) && !(n > 1 && tail(before[n-2], last)) {
		return flat(last.text)
	}
	return ""
}

// tail reports whether b is the last line of a paragraph that a starts: it starts where a does, a
// goes on further right and b follows a at the distance of lines of a paragraph.
func tail(a, b line) bool {
	return a.table == 0 && math.Abs(a.x-b.x) < b.size && a.end > b.end+2*b.size && a.y-b.y < 2*b.size
}

// isCaption reports whether s is short enough for a caption and not a sentence.
func isCaption(s string) bool {
	s = strings.TrimSpace(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && utf8.RuneCountInString(s) <= maxCaption && !strings.ContainsRune("。；，：;,:", last)
}

// flat turns a line's tabs into spaces.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\t", " ")), " ")
}
