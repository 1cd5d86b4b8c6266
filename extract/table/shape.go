package table

import (
	"strconv"
	"strings"
)

// Row kinds of a Shape.
const (
	RowBlank   = iota // every cell empty
	RowHeading        // column headings: the first HeaderRows rows, or a heading row repeated inside the table
	RowBand           // one text across the whole row (第二十条第（一）项 over a block of rows)
	RowData           // a row label and its figures (or a label whose figures are all empty)
)

// Shape is how a table is laid out: which rows are headings and which
// columns hold the row labels, the unit of each row, the figures.
type Shape struct {
	Rows      [][]string
	Kinds     []int         // the kind of each row (RowBlank …)
	LabelCols []int         // columns of row labels, left to right (an ordinal column such as 序号 is not one)
	UnitCol   int           // the column headed 单位 that gives each row its unit; -1 if none
	ValueCols []int         // columns of figures
	heading   []int         // for each row, the first row of the block of headings above it; -1 if none
	parent    []int         // for each row, the row it is a part of (其中); -1 if none
	labelsOf  map[int][]int // label columns of a figure column in a later half of a table side by side
}

// unitHeadings and ordinalHeadings name columns that hold no row label.
var (
	unitHeadings    = []string{"单位", "計量單位", "计量单位", "單位"}
	ordinalHeadings = []string{"序号", "序號", "编号", "編號", "序"}
)

// Analyze lays out a table whose first headerRows rows are column headings.
func Analyze(rows [][]string, headerRows int) Shape {
	s := Shape{Rows: rows, UnitCol: -1}
	width := 0
	if len(rows) > 0 {
		width = len(rows[0])
	}
	headerRows = min(headerRows, len(rows))

	// Columns: a unit or ordinal column by its heading; a value column holds
	// more figures than words in the rows below the headings.
	ordinalCol := map[int]bool{}
	for c := range width {
		for r := range headerRows {
			h := fold(rows[r][c])
			if in(h, unitHeadings) {
				s.UnitCol = c
			}
			if in(h, ordinalHeadings) || strings.Contains(h, "编码") || strings.Contains(h, "代码") {
				ordinalCol[c] = true // numbers or codes of the rows (科目编码 201 05), not figures
			}
		}
	}
	firstValue := -1
	for c := range width {
		if c == s.UnitCol || ordinalCol[c] {
			continue
		}
		figures, words := 0, 0
		for _, row := range rows[headerRows:] {
			switch v := row[c]; {
			case IsFigure(v):
				figures++
			case !IsEmpty(v) && !allSame(row):
				words++
			}
		}
		if c > 0 && figures > 0 && figures >= words || c == 0 && figures > 0 && words == 0 && width > 1 && headerRows > 0 && !ordinalLike(rows[headerRows:], c) {
			s.ValueCols = append(s.ValueCols, c)
			if firstValue < 0 {
				firstValue = c
			}
		}
	}
	for c := range width {
		if c == s.UnitCol || ordinalCol[c] || firstValue >= 0 && c >= firstValue {
			continue
		}
		if firstValue < 0 && c > 0 {
			break // a table of words: its first column labels the rows
		}
		s.LabelCols = append(s.LabelCols, c)
	}
	if firstValue >= 0 {
		// Columns of words after the first figures (责任单位, 备注) are
		// neither labels nor figures.
		s.ValueCols = s.ValueCols[:0]
		for c := firstValue; c < width; c++ {
			if c != s.UnitCol && !ordinalCol[c] && figureColumn(rows[headerRows:], c) {
				s.ValueCols = append(s.ValueCols, c)
			}
		}
	}

	// A table of two halves side by side (收入 项目 预算数 | 支出 项目 预算数):
	// the figures of each block of figure columns are labelled by the
	// columns of words just before the block.
	s.labelsOf = map[int][]int{}
	for _, c := range s.ValueCols {
		var labels []int
		k := c - 1
		for k >= 0 && s.isValueCol(k) {
			k--
		}
		for ; k >= 0 && !s.isValueCol(k); k-- {
			if k != s.UnitCol && !ordinalCol[k] {
				labels = append([]int{k}, labels...)
			}
		}
		if len(labels) > 0 && (len(s.LabelCols) == 0 || labels[0] != s.LabelCols[0] || len(labels) != len(s.LabelCols)) {
			s.labelsOf[c] = labels
		}
	}

	// Rows.
	s.Kinds = make([]int, len(rows))
	s.heading = make([]int, len(rows))
	block := -1
	for r, row := range rows {
		switch {
		case blank(row):
			s.Kinds[r] = RowBlank
		case r < headerRows:
			s.Kinds[r] = RowHeading
		case allSame(row) && width > 1:
			s.Kinds[r] = RowBand
		case s.isHeadingRow(row):
			s.Kinds[r] = RowHeading
		default:
			s.Kinds[r] = RowData
		}
		if s.Kinds[r] == RowHeading && (r == 0 || s.Kinds[r-1] != RowHeading) {
			block = r
		}
		s.heading[r] = block
	}
	s.partOf()
	return s
}

// figureColumn reports whether column c holds figures rather than words.
func figureColumn(rows [][]string, c int) bool {
	figures, words := 0, 0
	for _, row := range rows {
		switch v := row[c]; {
		case IsFigure(v):
			figures++
		case !IsEmpty(v) && !allSame(row):
			words++
		}
	}
	return figures >= words
}

// ordinalLike reports whether column c numbers the rows 1, 2, 3 … .
func ordinalLike(rows [][]string, c int) bool {
	n := 0
	for _, row := range rows {
		if IsEmpty(row[c]) || allSame(row) {
			continue
		}
		n++
		if fold(row[c]) != itoa(n) {
			return false
		}
	}
	return n > 1
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// isHeadingRow reports whether a row below the first headings repeats or
// starts a block of headings: no figures, and words over the figure columns.
func (s Shape) isHeadingRow(row []string) bool {
	if len(s.ValueCols) == 0 {
		return false
	}
	words := 0
	for c, v := range row {
		if IsFigure(v) {
			return false
		}
		if s.isValueCol(c) && !IsEmpty(v) {
			words++
		}
	}
	return words > 0
}

func (s Shape) isValueCol(c int) bool {
	for _, v := range s.ValueCols {
		if v == c {
			return true
		}
	}
	return false
}

// RowLabel returns the label of row r: its own words (leaf), and the
// labels of the groups it belongs to (parents), outermost first. A group
// is a label cell merged down over the rows next to it (（三）不予公开 over
// its eight items); a 其中 row (其中：夏粮) belongs to the row above it. A
// group that spans every data row only repeats the caption and is left out.
func (s Shape) RowLabel(r int) (parents []string, leaf string) {
	return s.rowLabel(r, s.LabelCols)
}

// RowLabelOf returns the label of row r for the figure in column c: in a
// table of two halves side by side, the label of c's half.
func (s Shape) RowLabelOf(r, c int) (parents []string, leaf string) {
	if labels, ok := s.labelsOf[c]; ok {
		return s.rowLabel(r, labels)
	}
	return s.RowLabel(r)
}

func (s Shape) rowLabel(r int, labelCols []int) (parents []string, leaf string) {
	var own []string
	for _, c := range labelCols {
		v := s.Rows[r][c]
		if IsEmpty(v) || contains(parents, v) || contains(own, v) {
			continue
		}
		if s.mergedDown(r, c) {
			if !s.spansAllData(c, v) {
				parents = append(parents, v)
			}
			continue
		}
		own = append(own, v)
	}
	switch {
	case len(own) > 0:
		leaf = strings.Join(own, "")
	case len(parents) > 0:
		leaf, parents = parents[len(parents)-1], parents[:len(parents)-1]
	}
	if sub, ok := IsSubRow(leaf); ok {
		leaf = sub
	}
	if p := s.parent[r]; p >= 0 && len(s.LabelCols) > 0 && labelCols[0] == s.LabelCols[0] {
		pp, pl := s.RowLabel(p)
		parents = append(pp, pl)
	}
	return parents, leaf
}

// partOf finds the row each part belongs to. A row marked 其中 (其中：夏粮)
// is part of a row above it, not itself a 其中 row, that can hold it
// (秋粮 394.03 cannot hold 其中：小麦 508.58): the nearest one whose figure
// it adds up to with the unmarked rows after it (其中：城镇 392.66 and 乡村
// 473.94 make 全市常住人口 866.60; 其中：男性 and 女性 make it too, not 乡村
// just above them), those rows then its siblings; else the nearest that
// can hold it, alone.
func (s *Shape) partOf() {
	s.parent = make([]int, len(s.Rows))
	for i := range s.parent {
		s.parent[i] = -1
	}
	sub := func(r int) bool { _, ok := IsSubRow(s.labelText(r)); return ok }
	for r, k := range s.Kinds {
		if k != RowData || !sub(r) {
			continue
		}
		var candidates []int
		for p := r - 1; p >= 0; p-- {
			if s.Kinds[p] == RowData && !sub(p) && !s.smaller(p, r) {
				candidates = append(candidates, p)
			}
		}
		if strings.HasPrefix(s.labelText(r), "在总计中") {
			// 在总计中 says which whole: the total, the table's first row.
			for p := 0; p < r; p++ {
				if s.Kinds[p] == RowData {
					candidates = []int{p}
					break
				}
			}
		}
		if len(candidates) == 0 {
			continue
		}
		whole, group := candidates[0], []int{r}
		for _, p := range candidates {
			if g := s.group(r, p); s.sums(g, p) {
				whole, group = p, g
				break
			}
		}
		for _, m := range group {
			s.parent[m] = whole
		}
	}
}

// group returns row r, a part of row whole, and the rows after it that are
// its siblings: not marked 其中 themselves, and adding up with it to no
// more than whole.
func (s Shape) group(r, whole int) []int {
	total, ok := s.figure(whole)
	sum, okR := s.figure(r)
	out := []int{r}
	if !ok || !okR {
		return out
	}
	for n := r + 1; n < len(s.Rows) && s.Kinds[n] == RowData; n++ {
		if _, sub := IsSubRow(s.labelText(n)); sub {
			break
		}
		v, ok := s.figure(n)
		if !ok || !s.sameUnit(r, n) || sum+v > total*(1+1e-3)+1e-9 {
			break
		}
		sum += v
		out = append(out, n)
	}
	return out
}

// sums reports whether the rows of a group add up to row whole.
func (s Shape) sums(group []int, whole int) bool {
	total, ok := s.figure(whole)
	if !ok || len(group) < 2 {
		return false
	}
	sum := 0.0
	for _, m := range group {
		v, ok := s.figure(m)
		if !ok || !s.sameUnit(m, whole) {
			return false
		}
		sum += v
	}
	return total != 0 && abs(sum-total) <= 1e-3*abs(total)
}

// figure returns the first figure of row r, in the first figure column.
func (s Shape) figure(r int) (float64, bool) {
	if len(s.ValueCols) == 0 {
		return 0, false
	}
	return plainFloat(s.Rows[r][s.ValueCols[0]])
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// smaller reports whether row p's first figure is smaller than row r's,
// so that p cannot be the whole r is part of.
func (s Shape) smaller(p, r int) bool {
	a, okA := s.figure(p)
	b, okB := s.figure(r)
	return okA && okB && s.sameUnit(p, r) && a >= 0 && b >= 0 && a < b
}

// sameUnit reports whether rows p and r count in the same unit: a 单位
// column may give them different ones (万公里 and 公里).
func (s Shape) sameUnit(p, r int) bool {
	return s.UnitCol < 0 || fold(s.Rows[p][s.UnitCol]) == fold(s.Rows[r][s.UnitCol])
}

// plainFloat reads a cell written in ASCII digits: 902.61, 6,240.
func plainFloat(v string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(v), ",", ""), 64)
	return f, err == nil
}

// labelText is the text of the last label cell of row r.
func (s Shape) labelText(r int) string {
	for i := len(s.LabelCols) - 1; i >= 0; i-- {
		if v := s.Rows[r][s.LabelCols[i]]; !IsEmpty(v) {
			return v
		}
	}
	return ""
}

// mergedDown reports whether the cell at (r, c) repeats in the data row
// above or below: one cell merged over several rows.
func (s Shape) mergedDown(r, c int) bool {
	v := s.Rows[r][c]
	for _, n := range []int{r - 1, r + 1} {
		if n >= 0 && n < len(s.Rows) && s.Kinds[n] == RowData && s.Rows[n][c] == v {
			return true
		}
	}
	return false
}

// spansAllData reports whether v fills column c in every data row.
func (s Shape) spansAllData(c int, v string) bool {
	n := 0
	for r, k := range s.Kinds {
		if k == RowData {
			if s.Rows[r][c] != v {
				return false
			}
			n++
		}
	}
	return n > 1
}

// HeadingBlock returns the first row of the block of headings in force at
// row r (-1 when none): rows with the same block have the same column
// headings.
func (s Shape) HeadingBlock(r int) int {
	if r < 0 || r >= len(s.heading) {
		return -1
	}
	return s.heading[r]
}

// ColumnLabel returns the heading of column c for row r: the column's own
// words (leaf) and the group headings above them (parents), from the
// block of headings in force at row r. A heading merged across
// neighbouring columns is a group; one that spans every figure column only
// repeats the caption and is left out.
func (s Shape) ColumnLabel(r, c int) (parents []string, leaf string) {
	top := -1
	if r >= 0 && r < len(s.heading) {
		top = s.heading[r]
	}
	if top < 0 {
		return nil, ""
	}
	var own []string
	whole := "" // the last heading over every figure column
	for h := top; h < len(s.Rows) && s.Kinds[h] == RowHeading; h++ {
		v := s.Rows[h][c]
		if IsEmpty(v) || contains(parents, v) || contains(own, v) {
			continue
		}
		if s.mergedAcross(h, c) {
			if s.spansAllValues(h, v) {
				whole = v
			} else {
				parents = append(parents, v)
			}
			continue
		}
		own = append(own, v)
	}
	switch {
	case len(own) > 0:
		leaf = strings.Join(own, "")
	case len(parents) > 0:
		leaf, parents = parents[len(parents)-1], parents[:len(parents)-1]
	default:
		leaf = whole // one heading over a figure merged across the table
	}
	return parents, leaf
}

// mergedAcross reports whether the heading at (h, c) repeats in a
// neighbouring column: one heading over several columns.
func (s Shape) mergedAcross(h, c int) bool {
	v := s.Rows[h][c]
	for _, n := range []int{c - 1, c + 1} {
		if n >= 0 && n < len(s.Rows[h]) && s.Rows[h][n] == v {
			return true
		}
	}
	return false
}

// spansAllValues reports whether v heads every figure column in row h.
func (s Shape) spansAllValues(h int, v string) bool {
	if len(s.ValueCols) < 2 {
		return false
	}
	for _, c := range s.ValueCols {
		if s.Rows[h][c] != v {
			return false
		}
	}
	return true
}

// Duplicate reports whether the figure at (r, c) is the cell to its left
// spread over a merged column: same text under the same heading.
func (s Shape) Duplicate(r, c int) bool {
	if c == 0 || s.Rows[r][c] != s.Rows[r][c-1] || !s.isValueCol(c-1) {
		return false
	}
	p1, l1 := s.ColumnLabel(r, c)
	p0, l0 := s.ColumnLabel(r, c-1)
	return l1 != "" && l1 == l0 && strings.Join(p1, "\x00") == strings.Join(p0, "\x00")
}

func blank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// allSame reports whether a row of several cells is one text spread across
// it (a band), ignoring nothing.
func allSame(row []string) bool {
	if len(row) < 2 || strings.TrimSpace(row[0]) == "" {
		return false
	}
	for _, v := range row[1:] {
		if v != row[0] {
			return false
		}
	}
	return true
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func in(v string, list []string) bool { return contains(list, v) }

// fold removes the spaces inside a cell: 单 位 is 单位.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}
