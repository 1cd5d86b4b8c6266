package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Tables drawn without any lines are found from the text alone, and only where the evidence is
// clear: at least minTextRows consecutive lines cut into cells by wide gaps (see joinSpans), whose
// cells fall into the same columns, with figures in a column or short cells throughout. A two-column
// page or a paragraph with a wide gap is prose: its cells are long sentences, and it stays text.

// minTextRows is the fewest rows of two or more cells that make a table without lines.
const minTextRows = 3

// textTables returns the tables among the lines of a page that no ruled table took, and the other
// lines.
func textTables(lines []line) (tables []pageTable, rest []line) {
	for i := 0; i < len(lines); {
		j := blockEnd(lines, i)
		if j == i {
			rest = append(rest, lines[i])
			i++
			continue
		}
		if t, ok := textTable(lines[i:j]); ok {
			tables = append(tables, t)
		} else {
			rest = append(rest, lines[i:j]...)
		}
		i = j
	}
	return tables, rest
}

// blockEnd returns the end of the run of table-like lines starting at i (i itself when lines[i] has
// a single cell): lines of two or more cells, one below the other, and between them short lines of
// one cell (a group label such as 其中：).
func blockEnd(lines []line, i int) int {
	if len(lines[i].cells) < 2 {
		return i
	}
	j := i + 1
	for j < len(lines) {
		prev, l := lines[j-1], lines[j]
		if prev.bottom-l.y > 3*math.Max(prev.size, l.size) {
			break
		}
		if len(l.cells) >= 2 {
			j++
			continue
		}
		if j+1 < len(lines) && len(lines[j+1].cells) >= 2 && utf8.RuneCountInString(l.text) <= 20 &&
			l.x >= lines[i].x-l.size && l.bottom-lines[j+1].y <= 3*l.size {
			j++
			continue
		}
		break
	}
	return j
}

// A band is the x-range of a column of a table without lines.
type band struct{ x0, x1 float64 }

// textTable builds a table from a run of lines, if they make one (see the comment at the top).
func textTable(block []line) (pageTable, bool) {
	multi, widest := 0, 0
	for _, l := range block {
		if len(l.cells) >= 2 {
			multi++
		}
		widest = max(widest, len(l.cells))
	}
	if multi < minTextRows {
		return pageTable{}, false
	}
	bands, ok := columnBands(block, widest)
	if !ok {
		return pageTable{}, false
	}
	t := pageTable{left: bands[0].x0, right: bands[len(bands)-1].x1, top: block[0].y, bottom: block[len(block)-1].y, bands: bands}
	t.cols = []float64{bands[0].x0}
	for k := 1; k < len(bands); k++ {
		t.cols = append(t.cols, (bands[k-1].x1+bands[k].x0)/2)
	}
	t.cols = append(t.cols, t.right)
	id := 0
	for _, l := range block {
		row, ids := make([]string, len(bands)), make([]int, len(bands))
		own := make([]bool, len(bands))
		for c := range ids {
			ids[c] = -1
		}
		texts := strings.Split(l.text, "\t")
		if len(texts) != len(l.cells) || len(l.ends) != len(l.cells) {
			return pageTable{}, false
		}
		for k, text := range texts {
			first, last := coveredBands(bands, l.cells[k], l.ends[k])
			if ids[first] >= 0 { // two cells in one column: not a clean table
				return pageTable{}, false
			}
			for c := first; c <= last; c++ {
				row[c], ids[c], own[c] = strings.TrimSpace(foldSpaces(text)), id, c == first
			}
			id++
		}
		for c := range ids {
			if ids[c] < 0 {
				ids[c], own[c] = id, true
				id++
			}
		}
		t.rows, t.ids, t.own = append(t.rows, row), append(t.ids, ids), append(t.own, own)
		t.size = math.Max(t.size, l.size)
	}
	if !tabular(t.rows) {
		return pageTable{}, false
	}
	return t, true
}

// columnBands finds the columns from the rows with the most cells: where their cells overlap on
// the page is one column. ok is false when they do not line up into that many columns.
func columnBands(block []line, widest int) ([]band, bool) {
	var spans []band
	rows := 0
	for _, l := range block {
		if len(l.cells) != widest || len(l.ends) != widest {
			continue
		}
		rows++
		for k := range l.cells {
			spans = append(spans, band{l.cells[k], l.ends[k]})
		}
	}
	if rows < 2 {
		return nil, false
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].x0 < spans[j].x0 })
	var bands []band
	for _, s := range spans {
		if n := len(bands); n > 0 && s.x0 <= bands[n-1].x1 {
			bands[n-1].x1 = math.Max(bands[n-1].x1, s.x1)
			continue
		}
		bands = append(bands, s)
	}
	return bands, len(bands) == widest
}

// coveredBands returns the first and last column a cell from x0 to x1 overlaps, or the nearest
// column when it overlaps none.
func coveredBands(bands []band, x0, x1 float64) (first, last int) {
	first, last = -1, -1
	for c, b := range bands {
		if x0 < b.x1 && x1 > b.x0 {
			if first < 0 {
				first = c
			}
			last = c
		}
	}
	if first >= 0 {
		return first, last
	}
	best, dist := 0, math.Inf(1)
	for c, b := range bands {
		if d := math.Min(math.Abs(x0-b.x1), math.Abs(x1-b.x0)); d < dist {
			best, dist = c, d
		}
	}
	return best, best
}

// tabular reports whether the cells read as a table rather than prose set in columns: no more than
// one cell in five a long sentence, and a column of figures or short cells throughout.
func tabular(rows [][]string) bool {
	cells, long, chars := 0, 0, 0
	figures := map[int]int{}
	filled := map[int]int{}
	for _, row := range rows {
		for c, s := range row {
			if s == "" {
				continue
			}
			n := utf8.RuneCountInString(s)
			cells, chars = cells+1, chars+n
			if n > 30 || strings.HasSuffix(s, "。") {
				long++
			}
			filled[c]++
			if isNumber(s) {
				figures[c]++
			}
		}
	}
	if cells == 0 || 5*long > cells {
		return false
	}
	for c, n := range figures {
		if c > 0 && 2*n >= filled[c] {
			return true
		}
	}
	return chars <= 10*cells
}
