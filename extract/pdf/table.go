package pdf

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tables are rebuilt from the ruling lines a page draws and the positions of its text.
//
// Most tables in government PDFs (WPS, Word, LibreOffice) draw their cell borders. The horizontal and
// vertical lines of a page are merged where they continue one another, and lines that cross make one
// table. Its columns are the x-positions of its vertical lines, its rows the bands between its
// horizontal lines; a band where a column holds figures on two lines of text is split into one row per
// line (tables that rule only their header and foot, as statistical bulletins do), and a line that only
// continues the wrapped text of the row above is put back into it. Where a border is
// missing between two neighbouring positions, they are one merged cell: a group label written one
// character a line down a tall cell reads as one label, and the grid repeats a merged cell's text in
// every position it covers (../shared/CONTRACT.md). Text is placed by the middle of each piece, so a
// label wrapped over several lines of its cell is joined back, and numbers printed beside a split label
// stay in the label's row.
//
// Tables without any lines are found from the text alone (see textTables). A table whose last row ends
// a page and whose columns match the first table of the next page is one table (joinPages).

// A pageTable is a table found on one page.
type pageTable struct {
	page                     int // 1-based
	left, right, top, bottom float64
	cols                     []float64  // column edges, left to right: one more than the columns
	rows                     [][]string // the grid, merged cells repeated
	own                      [][]bool   // own[r][c]: (r, c) is where a merged cell's text is written in the text
	ids                      [][]int    // ids[r][c]: the cell covering (r, c); a merged cell has one id in all its positions
	size                     float64    // the usual font size of its text
	single                   bool       // a single row of cells: a table only as the end of one on the page before
	bands                    []band     // for a table without lines, the x-range of each column's text
}

// Bounds on the work done for one page, whatever the file holds: real tables stay far below them.
const (
	maxTableLines = 1000  // horizontal or vertical lines considered
	maxGroups     = 200   // groups of crossing lines considered
	maxTableSpans = 50000 // pieces of text on a page (a dense page of single glyphs has 5,000)
	maxGridCells  = 10000
)

// findTables returns the tables of a page, and the spans that are not part of any.
func findTables(spans []span, rules []segment) ([]pageTable, []span) {
	hs, vs := mergeRules(rules)
	if len(hs) > maxTableLines || len(vs) > maxTableLines || len(spans) > maxTableSpans {
		return nil, spans
	}
	var tables []pageTable
	used := make([]bool, len(spans))
	groups := ruledGroups(hs, vs)
	for _, g := range groups[:min(len(groups), maxGroups)] {
		t, members, ok := buildRuled(g, spans, used)
		if !ok {
			continue
		}
		for _, i := range members {
			used[i] = true
		}
		tables = append(tables, t)
	}
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].top > tables[j].top })
	var rest []span
	for i, s := range spans {
		if !used[i] {
			rest = append(rest, s)
		}
	}
	return tables, rest
}

// A lineGroup is a set of ruling lines that touch or cross one another: the borders of one table.
type lineGroup struct {
	hs, vs                   []segment
	left, right, bottom, top float64
}

// ruledGroups returns the groups of crossing lines with a horizontal and a vertical line at least (the
// part of a table continued at the top of a page may have no line above its first row).
func ruledGroups(hs, vs []segment) []lineGroup {
	sets := newUnionFind(len(hs) + len(vs))
	for i, h := range hs {
		for j, v := range vs {
			if v.x0 >= h.x0-join && v.x0 <= h.x1+join && h.y0 >= v.y0-join && h.y0 <= v.y1+join {
				sets.union(i, len(hs)+j)
			}
		}
	}
	find := sets.find
	byRoot := map[int]*lineGroup{}
	var order []int
	add := func(i int, s segment, horizontal bool) {
		r := find(i)
		g, ok := byRoot[r]
		if !ok {
			g = &lineGroup{left: s.x0, right: s.x1, bottom: s.y0, top: s.y1}
			byRoot[r] = g
			order = append(order, r)
		}
		if horizontal {
			g.hs = append(g.hs, s)
		} else {
			g.vs = append(g.vs, s)
		}
		g.left, g.right = math.Min(g.left, s.x0), math.Max(g.right, s.x1)
		g.bottom, g.top = math.Min(g.bottom, s.y0), math.Max(g.top, s.y1)
	}
	for i, h := range hs {
		add(i, h, true)
	}
	for j, v := range vs {
		add(len(hs)+j, v, false)
	}
	var out []lineGroup
	for _, r := range order {
		if g := byRoot[r]; len(g.hs) >= 1 && len(g.vs) >= 1 {
			out = append(out, *g)
		}
	}
	return out
}

// positions returns the distinct values of v, sorted, values closer than snap taken as one.
func positions(v []float64) []float64 {
	sort.Float64s(v)
	var out []float64
	for _, x := range v {
		if len(out) == 0 || x-out[len(out)-1] > snap {
			out = append(out, x)
		}
	}
	return out
}

// A placed span is a span of a table with the grid position of its middle.
type placed struct {
	span
	index    int // in the page's spans
	row, col int
}

// buildRuled builds the table a group of lines draws, from the spans not yet used. It returns the
// indexes of the spans it took; ok is false when the lines do not hold a table: no row with text in
// two columns.
func buildRuled(g lineGroup, spans []span, used []bool) (t pageTable, members []int, ok bool) {
	edges := []float64{g.left, g.right}
	for _, v := range g.vs {
		edges = append(edges, v.x0)
	}
	cols := positions(edges)
	edges = []float64{g.bottom, g.top}
	for _, h := range g.hs {
		edges = append(edges, h.y0)
	}
	bands := positions(edges)
	if len(cols) < 3 || len(bands) < 2 {
		return t, nil, false
	}
	// bands run bottom to top; rows are numbered top to bottom.
	in := func(s span) bool {
		x, y := (s.x+s.end)/2, s.y+0.3*s.size
		return x >= g.left && x <= g.right && y >= g.bottom && y <= g.top
	}
	n := 0
	for i, s := range spans {
		if !used[i] && in(s) {
			n++
		}
	}
	inside := make([]placed, 0, n)
	xs, ys := make([]float64, 0, n), make([]float64, 0, n) // the middles of the spans
	for i, s := range spans {
		if !used[i] && in(s) {
			inside = append(inside, placed{span: s, index: i})
			xs, ys = append(xs, (s.x+s.end)/2), append(ys, s.y+0.3*s.size)
		}
	}
	if len(inside) == 0 {
		return t, nil, false
	}
	cols, bands = dropSlivers(cols, xs), dropSlivers(bands, ys)
	if len(cols) < 3 {
		return t, nil, false
	}
	for i := range inside {
		inside[i].col = slot(cols, xs[i])
	}
	rows := splitBands(inside, bands, cols)
	if len(rows)*(len(cols)-1) > maxGridCells {
		return t, nil, false
	}
	t = pageTable{left: g.left, right: g.right, top: g.top, bottom: g.bottom, cols: cols}
	t.size = usualSize(inside)
	t.fill(rows, g, inside)
	filled := t.filledRows()
	if filled == 0 {
		return t, nil, false
	}
	t.single = filled == 1
	for _, p := range inside {
		members = append(members, p.index)
	}
	return t, members, true
}

// Borders drawn double (two lines a little apart) leave a sliver between them: an interval between
// edges narrower than minCell without text in it is no column or row.
const minCell = 4.0

// dropSlivers returns the edges (sorted) without those that close a sliver holding none of the
// positions at.
func dropSlivers(edges, at []float64) []float64 {
	out := []float64{edges[0]}
	for k := 1; k < len(edges); k++ {
		lo, hi := out[len(out)-1], edges[k]
		if hi-lo < minCell && !slices.ContainsFunc(at, func(x float64) bool { return x > lo && x < hi }) {
			if k == len(edges)-1 {
				out[len(out)-1] = hi // keep the outer edge
			}
			continue
		}
		out = append(out, hi)
	}
	return out
}

// slot returns the interval of edges (sorted) that x falls in: 0 for x < edges[1].
func slot(edges []float64, x float64) int {
	i := sort.SearchFloat64s(edges, x) - 1
	return min(max(i, 0), len(edges)-2)
}

// A tableRow is one row of the grid as splitBands finds it.
type tableRow struct {
	top, bottom float64 // the band it lies in, or its line of text
	mid         float64 // where to look for the vertical lines that part it into cells
	ruledAbove  bool    // the row starts at a horizontal line (not at a line of text split from a band)
	spans       []int   // indexes into the table's placed spans
}

// splitBands cuts the table into rows, top to bottom: one per band between horizontal lines, or one
// per line of text in a band that holds several rows (see stacked). It sets each placed span's row.
func splitBands(inside []placed, bands, cols []float64) []tableRow {
	byBand := make([][]int, len(bands)-1)
	for i, p := range inside {
		b := slot(bands, p.y+0.3*p.size)
		byBand[b] = append(byBand[b], i)
	}
	var rows []tableRow
	for b := len(byBand) - 1; b >= 0; b-- {
		top, bottom, in := bands[b+1], bands[b], byBand[b]
		if oneLine(inside, in) {
			rows = append(rows, tableRow{top: top, bottom: bottom, mid: (top + bottom) / 2, ruledAbove: true, spans: in})
			continue
		}
		lines := textLines(inside, in)
		if !stacked(inside, lines, len(cols)-1) {
			rows = append(rows, tableRow{top: top, bottom: bottom, mid: (top + bottom) / 2, ruledAbove: true, spans: in})
			continue
		}
		for k, l := range lines {
			r := tableRow{top: top, bottom: bottom, ruledAbove: k == 0, spans: l}
			first := inside[l[0]]
			r.mid = first.y + 0.3*first.size
			if k > 0 {
				r.top = inside[lines[k-1][0]].y
			}
			if k+1 < len(lines) {
				r.bottom = inside[lines[k+1][0]].y + inside[lines[k+1][0]].size
			}
			rows = append(rows, r)
		}
	}
	for r, row := range rows {
		for _, i := range row.spans {
			inside[i].row = r
		}
	}
	return mergeContinuations(rows, inside, cols)
}

// oneLine reports whether the spans (indexes into inside) sit on one line of text, as the cells of a
// ruled row mostly do.
func oneLine(inside []placed, idx []int) bool {
	if len(idx) == 0 {
		return true
	}
	lo, hi, size := inside[idx[0]].y, inside[idx[0]].y, inside[idx[0]].size
	for _, i := range idx[1:] {
		lo, hi, size = math.Min(lo, inside[i].y), math.Max(hi, inside[i].y), math.Min(size, inside[i].size)
	}
	return hi-lo <= 0.5*size
}

// stacked reports whether the lines of text of one band are rows of their own: some column holds a
// figure on two of them. A table that rules only its header and foot has its whole body in one band;
// a ruled cell's text wrapped over lines (本年/制发件数, 社会/公益/组织) or cells of different heights
// centred at different heights are one row.
func stacked(inside []placed, lines [][]int, ncols int) bool {
	if len(lines) < 2 {
		return false
	}
	figures := make([]int, ncols) // column → lines with a figure in it
	digits, other := make([]int, ncols), make([]bool, ncols)
	for _, l := range lines {
		clear(digits)
		clear(other)
		for _, i := range l { // a figure's glyphs may be spans of their own: look at them one by one
			text := strings.TrimSpace(inside[i].text)
			if text == "" {
				continue
			}
			ok, n := figureChars(text)
			c := inside[i].col
			digits[c] += n
			other[c] = other[c] || !ok
		}
		for c, n := range digits {
			if n > 0 && !other[c] {
				if figures[c]++; figures[c] >= 2 {
					return true
				}
			}
		}
	}
	return false
}

// lineCells returns the text of a line of spans in each column it fills (spans may be single glyphs).
func lineCells(inside []placed, line []int) map[int]string {
	sorted := append([]int(nil), line...)
	slices.SortStableFunc(sorted, func(a, b int) int { return cmp.Compare(inside[a].x, inside[b].x) })
	cells := map[int]string{}
	for _, i := range sorted {
		cells[inside[i].col] += inside[i].text
	}
	return cells
}

// textLines groups spans (indexes into inside) into lines of text, top to bottom, as pageLines does.
func textLines(inside []placed, idx []int) [][]int {
	sorted := append([]int(nil), idx...)
	slices.SortStableFunc(sorted, func(a, b int) int { return cmp.Compare(inside[b].y, inside[a].y) })
	var lines [][]int
	for _, i := range sorted {
		if n := len(lines); n > 0 {
			first := inside[lines[n-1][0]]
			if math.Abs(first.y-inside[i].y) <= 0.5*math.Max(first.size, inside[i].size) {
				lines[n-1] = append(lines[n-1], i)
				continue
			}
		}
		lines = append(lines, []int{i})
	}
	return lines
}

// mergeContinuations puts rows split from a band back into the row above where they only continue it:
// a label that wrapped (its text reaches the right edge of its column) goes on in the same column, and
// numbers printed between the two halves of a split label fill columns that the row above left empty.
func mergeContinuations(rows []tableRow, inside []placed, cols []float64) []tableRow {
	var out []tableRow
	for _, r := range rows {
		if n := len(out); n > 0 && !r.ruledAbove && continues(out[n-1], r, inside, cols) {
			prev := &out[n-1]
			prev.spans = append(prev.spans, r.spans...)
			prev.bottom = r.bottom
			continue
		}
		out = append(out, r)
	}
	for r, row := range out {
		for _, i := range row.spans {
			inside[i].row = r
		}
	}
	return out
}

// continues reports whether row b only continues row a: a has a wrapped cell, and every column b
// fills is either a wrapped cell of a or empty in a.
func continues(a, b tableRow, inside []placed, cols []float64) bool {
	text := map[int][]int{} // column → spans of a
	for _, i := range a.spans {
		text[inside[i].col] = append(text[inside[i].col], i)
	}
	wrapped := map[int]bool{}
	for c, idx := range text {
		end, size := 0.0, 0.0
		for _, i := range idx {
			end, size = math.Max(end, inside[i].end), math.Max(size, inside[i].size)
		}
		if end >= cols[c+1]-2*size && !isNumber(lineCells(inside, idx)[c]) {
			wrapped[c] = true
		}
	}
	if len(wrapped) == 0 {
		return false
	}
	for _, i := range b.spans {
		c := inside[i].col
		if len(text[c]) > 0 && !wrapped[c] {
			return false
		}
	}
	return true
}

// isNumber reports whether s is a figure: digits with separators, a sign, a percent or per-mille sign.
func isNumber(s string) bool {
	ok, digits := figureChars(strings.TrimSpace(s))
	return ok && digits > 0
}

// figureChars reports whether s has only the characters of figures, and counts its digits.
func figureChars(s string) (ok bool, digits int) {
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(".,-+%‰－—", r):
		default:
			return false, digits
		}
	}
	return true, digits
}

// usualSize returns the median font size of the spans.
func usualSize(inside []placed) float64 {
	sizes := make([]float64, len(inside))
	for i, p := range inside {
		sizes[i] = p.size
	}
	return percentile(sizes, 0.5)
}

// fill lays the rows out on the grid: positions that no line parts are one merged cell, whose text
// (its spans in reading order) is repeated in each.
func (t *pageTable) fill(rows []tableRow, g lineGroup, inside []placed) {
	nr, nc := len(rows), len(t.cols)-1
	cells := newUnionFind(nr * nc)
	edges := make([][]segment, nc+1) // the vertical lines at each column edge
	for c := range edges {
		edges[c] = linesAt(g.vs, t.cols[c], false)
	}
	for r, row := range rows {
		for c := 0; c+1 < nc; c++ {
			if !covered(edges[c+1], row.mid, false) {
				cells.union(r*nc+c, r*nc+c+1)
			}
		}
		if r+1 < nr && rows[r+1].ruledAbove {
			below := linesAt(g.hs, rows[r+1].top, true)
			for c := 0; c < nc; c++ {
				if !covered(below, (t.cols[c]+t.cols[c+1])/2, true) {
					cells.union(r*nc+c, (r+1)*nc+c)
				}
			}
		}
	}
	find := cells.find
	order := make([]int, len(inside)) // the spans, cell by cell
	for i := range order {
		order[i] = i
	}
	cell := func(i int) int { return find(inside[i].row*nc + inside[i].col) }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(cell(a), cell(b)) })
	texts := make([]string, nr*nc) // by cell
	var ss []span
	for k, i := range order {
		ss = append(ss, inside[i].span)
		if k+1 == len(order) || cell(order[k+1]) != cell(i) {
			texts[cell(i)] = cellText(ss)
			ss = ss[:0]
		}
	}
	seen := make([]bool, nr*nc) // by cell
	for r := range rows {
		ids := make([]int, nc)
		for c := range ids {
			ids[c] = find(r*nc + c)
		}
		if n := len(t.ids); n > 0 && slices.Equal(ids, t.ids[n-1]) {
			continue // a line that crosses no column's middle parts nothing: one row
		}
		row, own := make([]string, nc), make([]bool, nc)
		for c, id := range ids {
			row[c], own[c] = texts[id], !seen[id]
			seen[id] = true
		}
		t.rows, t.own, t.ids = append(t.rows, row), append(t.own, own), append(t.ids, ids)
	}
}

// linesAt returns the lines (horizontal ones, or vertical ones) at pos across.
func linesAt(lines []segment, pos float64, horizontal bool) []segment {
	var out []segment
	for _, s := range lines {
		p := s.x0
		if horizontal {
			p = s.y0
		}
		if math.Abs(p-pos) <= snap {
			out = append(out, s)
		}
	}
	return out
}

// covered reports whether one of the lines (horizontal ones, or vertical ones) reaches the point at
// along its length.
func covered(lines []segment, along float64, horizontal bool) bool {
	for _, s := range lines {
		lo, hi := s.y0, s.y1
		if horizontal {
			lo, hi = s.x0, s.x1
		}
		if along >= lo-join && along <= hi+join {
			return true
		}
	}
	return false
}

// A unionFind keeps disjoint sets of the indexes 0 to n-1: the lines of one table, the positions of
// one merged cell.
type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

// find returns the representative of i's set.
func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) { u[u.find(a)] = u.find(b) }

// filledRows counts the rows with text in two columns or more. A grid without any is a box drawn
// around text, not a table.
func (t *pageTable) filledRows() int {
	n := 0
	for r, row := range t.rows {
		cols := 0
		for c, s := range row {
			if s != "" && t.own[r][c] {
				cols++
			}
		}
		if cols >= 2 {
			n++
		}
	}
	return n
}

// cellText joins the spans of one cell: its lines top to bottom, each left to right, without spaces
// between Chinese characters (a label wrapped in its cell, or written one character a line, reads as
// one) and with one between Latin words.
func cellText(spans []span) string {
	if len(spans) == 1 {
		return strings.TrimSpace(foldSpaces(spans[0].text))
	}
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Compare(b.y, a.y) })
	var out string
	for start := 0; start < len(spans); {
		end := start + 1 // spans[start:end] is a line
		for end < len(spans) && math.Abs(spans[start].y-spans[end].y) <= 0.5*math.Max(spans[start].size, spans[end].size) {
			end++
		}
		text := cellLine(spans[start:end])
		if out != "" && text != "" && needsSpace(out, text, true) {
			out += " "
		}
		out += text
		start = end
	}
	return strings.TrimSpace(out)
}

// cellLine joins the spans of one line of a cell, left to right: with a space between Latin words,
// none next to a Chinese character ("林    业", letter-spaced to fill its cell, is 林业), and text drawn
// twice to look bold kept once.
func cellLine(line []span) string {
	slices.SortStableFunc(line, func(a, b span) int { return cmp.Compare(a.x, b.x) })
	var b strings.Builder
	var prev *span
	space := false
	for i := range line {
		s := &line[i]
		text := strings.TrimSpace(s.text)
		switch {
		case text == "":
			space = true
			continue
		case prev != nil && s.text == prev.text && math.Abs(s.x-prev.x) < 0.2*s.size:
			continue
		}
		if prev != nil {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(text)
			latin := !isWide(last) && !isWide(first)
			if latin && (space || s.x-prev.end > 0.2*s.size || strings.HasPrefix(s.text, " ")) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(foldSpaces(text))
		prev, space = s, strings.HasSuffix(s.text, " ")
	}
	return b.String()
}

// foldSpaces turns the tabs of a line inside a cell into spaces and drops spaces next to a Chinese
// character: "林    业" (letter-spaced to fill the cell) is 林业.
func foldSpaces(s string) string {
	if !strings.ContainsAny(s, " \t\u3000") {
		return s
	}
	s = strings.ReplaceAll(s, "\t", " ")
	var b strings.Builder
	var prev rune
	for i, r := range s {
		if r == ' ' || r == '\u3000' {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if isWide(prev) || isWide(next) || next == ' ' {
				continue
			}
			r = ' '
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// rowText is the text line of row r: the cells that start there, separated by tabs, empty cells at
// either end left out. It is "" for a row without text of its own.
func (t *pageTable) rowText(r int) string {
	var cells []string
	for c, s := range t.rows[r] {
		if t.own[r][c] {
			cells = append(cells, s)
		}
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	for len(cells) > 0 && cells[0] == "" {
		cells = cells[1:]
	}
	return strings.Join(cells, "\t")
}
