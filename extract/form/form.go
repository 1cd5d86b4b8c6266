package form

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/gongwen/gongwen/extract/cell"
	"github.com/gongwen/gongwen/extract/table"
)

// Form is a document's tables read as a known national form
// (../shared/CONTRACT.md "Tables and forms").
type Form struct {
	Form     string             `json:"form"`    // the layout: xxgk-annual-report
	Edition  int                `json:"edition"` // the format's year: 2021, or 2019 for the 2019–2020 format
	Table    int                `json:"table"`   // index in the document's tables of the first table read
	Tables   []int              `json:"tables"`  // every table the values come from
	Values   map[string]float64 `json:"values"`  // key → value in base units (money in 元); an empty or dash cell is 0
	Cells    map[string][3]int  `json:"cells"`   // key → [table, row, col] of the cell it was read from
	Checks   []Check            `json:"checks"`  // the form's own arithmetic
	Warnings []string           `json:"warnings,omitempty"`
}

// Check is one piece of the form's arithmetic applied to the values. Left
// and Right are the two sums when they disagree.
type Check struct {
	Check string   `json:"check"`
	OK    bool     `json:"ok"`
	Left  *float64 `json:"left,omitempty"`
	Right *float64 `json:"right,omitempty"`
}

// Editions.
const (
	Edition2021 = 2021 // 国办公开办函〔2021〕30号, the reports for 2021 on
	Edition2019 = 2019 // the reports for 2019 and 2020
)

// threshold is the least similarity for two labels to be the same.
const threshold = 0.7

// minValues is the least number of values for a form: fewer are chance
// matches of common labels (总计, 其他) in another table.
const minValues = 10

// Recognise reads the tables of a document as the forms of Layouts. A form
// whose labels match fewer than a few cells is not there.
func Recognise(tables []table.Table) []Form {
	out := []Form{}
	for _, l := range Layouts() {
		if f, ok := l.Read(tables); ok {
			out = append(out, f)
		}
	}
	return out
}

// read is one cell of a table taken for a key.
type read struct {
	key     string
	line    *Line
	score   float64
	figures bool // the row holds figures (and is not only a label)
	table   int
	row     int
	col     int
	text    string
	unit    string
}

// Read reads tables as the form l: every cell whose row label and column
// heading are those of a key, by content (see Fold and similarity), gives
// that key its value.
func (l *Layout) Read(tables []table.Table) (Form, bool) {
	best := map[string]read{}
	m := matcher{Layout: l, rowLeaves: l.rowIndex, columnLeaves: l.columnIndex,
		memo: map[[2]string]float64{}, rows: map[string][]fit{}, columns: map[string][]fit{}}
	edition := Edition2021
	var prevHeadings []heading // the column headings of the last table read, by figure column
	for ti, t := range tables {
		s := table.Analyze(t.Rows, t.HeaderRows)
		var headings []heading
		byBlock := map[int][]heading{}
		n := 0
		for r, kind := range s.Kinds {
			if kind != table.RowData {
				continue
			}
			block := s.HeadingBlock(r)
			if byBlock[block] == nil {
				byBlock[block] = columnHeadings(s, r)
			}
			headings = byBlock[block]
			if !hasHeadings(headings) && len(prevHeadings) == len(s.ValueCols) {
				headings = prevHeadings // a table continued on the next page without its header
			}
			parents, leaf := rowLabel(s, r)
			cols := valueCells(s, r)
			figures := false
			for _, c := range cols {
				figures = figures || table.IsFigure(t.Rows[r][c])
			}
			tieds := make([][]*Line, len(cols))
			scores := make([]float64, len(cols))
			for k := range cols {
				tieds[k], scores[k] = m.match(parents, leaf, headings[k])
			}
			if lines, score := m.byPosition(parents, leaf, tieds); lines != nil {
				for k := range cols {
					tieds[k], scores[k] = []*Line{lines[k]}, score
				}
			}
			for k, c := range cols {
				h := headings[k]
				tied, score := tieds[k], scores[k]
				if len(tied) == 0 {
					continue
				}
				// Items with the same label that nothing else tells apart
				// (结果维持 under unreadable group headings) take their keys
				// in the layout's order.
				ln := tied[0]
				for _, t := range tied {
					if _, taken := best[t.Key]; !taken {
						ln = t
						break
					}
				}
				rd := read{key: ln.Key, line: ln, score: score, figures: figures, table: ti, row: r, col: c,
					text: t.Rows[r][c], unit: h.unit}
				if ln.Edition != 0 {
					edition = min(edition, ln.Edition)
				}
				if ln.Key == "-" {
					continue
				}
				if old, ok := best[ln.Key]; ok && !better(rd, old) {
					continue
				}
				best[ln.Key] = rd
				n++
			}
		}
		if n > 0 && hasHeadings(headings) {
			prevHeadings = headings
		}
	}

	f := Form{Form: l.Form, Edition: edition, Table: -1, Tables: []int{}, Values: map[string]float64{},
		Cells: map[string][3]int{}, Checks: []Check{}}
	notes := map[string]bool{}
	tablesUsed := map[int]bool{}
	for _, key := range l.Keys {
		rd, ok := best[key]
		if !ok {
			continue
		}
		v, ok := value(rd)
		if !ok {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s: cell %q is not a number", key, rd.text))
			continue
		}
		f.Values[key] = v
		f.Cells[key] = [3]int{rd.table, rd.row, rd.col}
		tablesUsed[rd.table] = true
		if rd.line.Note != "" && !notes[rd.line.Note] {
			notes[rd.line.Note] = true
			f.Warnings = append(f.Warnings, rd.line.Note)
		}
	}
	if len(f.Values) < minValues {
		return Form{}, false
	}
	for _, rd := range best {
		if _, read := f.Values[rd.key]; !read {
			continue
		}
		for _, key := range rd.line.Replaces {
			if _, ok := f.Values[key]; !ok {
				f.Values[key] = 0
			}
		}
	}
	for ti := range tables {
		if tablesUsed[ti] {
			f.Tables = append(f.Tables, ti)
		}
	}
	f.Table = f.Tables[0]
	var missing []string
	for _, key := range l.Keys {
		if _, ok := f.Values[key]; !ok {
			missing = append(missing, key)
		}
	}
	if len(missing) > 0 {
		f.Warnings = append(f.Warnings, fmt.Sprintf("%d of %d keys not found in the tables: %s", len(missing), len(l.Keys), abbreviate(missing, 12)))
	}
	f.Checks = l.check(f.Values)
	return f, true
}

// better reports whether a read of a key wins over an earlier one: a
// closer label, or a row of figures over a row that only holds a label (a
// label split over two lines, with the figures on the second).
func better(a, b read) bool {
	if a.figures != b.figures {
		return a.figures
	}
	return a.score > b.score+1e-9
}

// heading is the heading of a figure column.
type heading struct {
	parents []string // folded group headings, outermost first
	leaf    string   // folded
	unit    string   // the unit it states: 本年收费金额（单位：万元） → 万元
}

// columnHeadings returns the heading of each figure column of s over row r:
// a table with band rows (table 二 printed as one) has a block of headings
// under each band.
func columnHeadings(s table.Shape, r int) []heading {
	out := make([]heading, len(s.ValueCols))
	for k, c := range s.ValueCols {
		parents, leaf := s.ColumnLabel(r, c)
		out[k] = newHeading(parents, leaf)
	}
	return out
}

func newHeading(parents []string, leaf string) heading {
	var h heading
	for _, p := range parents {
		h.parents = append(h.parents, Fold(unitless(p, &h.unit)))
	}
	h.leaf = Fold(unitless(leaf, &h.unit)) // the unit nearest the figures wins
	return h
}

// unitless returns a heading without the unit it states, recording the unit.
func unitless(s string, unit *string) string {
	label, u := table.SplitUnit(s, cell.IsUnit)
	if u != "" {
		*unit = u
	}
	return label
}

func hasHeadings(hs []heading) bool {
	for _, h := range hs {
		if h.leaf != "" {
			return true
		}
	}
	return false
}

// rowLabel returns the folded label of row r. A row of figures without a
// label of its own takes the label printed on the lines around it: a label
// wrapped over two lines with the figures between its halves.
func rowLabel(s table.Shape, r int) (parents []string, leaf string) {
	ps, l := s.RowLabel(r)
	for _, p := range ps {
		parents = append(parents, Fold(p))
	}
	leaf = Fold(l)
	if leaf != "" || !rowHasFigures(s, r) {
		return parents, leaf
	}
	for _, n := range []int{r - 1, r + 1} {
		if n < 0 || n >= len(s.Rows) || s.Kinds[n] != table.RowData || rowHasFigures(s, n) {
			continue
		}
		_, nl := s.RowLabel(n)
		leaf += Fold(nl)
	}
	return parents, leaf
}

func rowHasFigures(s table.Shape, r int) bool {
	for _, c := range s.ValueCols {
		if table.IsFigure(s.Rows[r][c]) {
			return true
		}
	}
	return false
}

// valueCells returns the cells of row r that hold the figures of the
// figure columns, in their order. When a row leaves out an empty cell
// before its figures (or adds one), its figures stand one column off: if
// the cells after its label are exactly as many as the figure columns,
// they are taken in order.
func valueCells(s table.Shape, r int) []int {
	row := s.Rows[r]
	lastLabel := -1
	for _, c := range s.LabelCols {
		if v := row[c]; !table.IsEmpty(v) && !table.IsFigure(v) {
			lastLabel = c
		}
	}
	var after []int
	for c := lastLabel + 1; c < len(row); c++ {
		if c != s.UnitCol {
			after = append(after, c)
		}
	}
	n := len(s.ValueCols)
	for len(after) > n && strings.TrimSpace(row[after[len(after)-1]]) == "" {
		after = after[:len(after)-1]
	}
	for len(after) > n && strings.TrimSpace(row[after[0]]) == "" {
		after = after[1:]
	}
	if len(after) == n {
		allFigures := true
		for _, c := range after {
			allFigures = allFigures && (table.IsFigure(row[c]) || table.IsEmpty(row[c]))
		}
		if allFigures {
			return after
		}
	}
	return s.ValueCols
}

// match returns the lines for a cell with the given row label and column
// heading (several when they tie), and their score; none when no line fits. A line fits when its row
// label and its column heading are both close to the cell's (a line
// without a row label fits a row without one, or any row when the groups of
// its heading are all there); among the lines that fit, the closest wins,
// its group labels breaking ties.
func (m *matcher) match(rowParents []string, rowLeaf string, h heading) ([]*Line, float64) {
	rows := m.rowFits(rowParents, rowLeaf)
	var tied []*Line
	bestScore := 0.0
	for _, cand := range m.columnFits(h) {
		ln := &m.Lines[cand.line]
		row := rows[cand.line]
		groups := cand.groups
		rs := 0.0
		if len(ln.Row) == 0 {
			if rowLeaf != "" && groups < threshold {
				continue
			}
			rs = 0.5
		} else {
			if !row.ok {
				continue
			}
			rs, groups = row.score, (groups+row.groups)/2
		}
		score := rs + cand.score + 0.2*groups
		switch {
		case score > bestScore+1e-9:
			tied, bestScore = []*Line{ln}, score
		case score > bestScore-1e-9:
			tied = append(tied, ln)
		}
	}
	return tied, bestScore
}

// byPosition returns the lines for the cells of a row in the order of
// its cells, when its column headings do not say which they are: headings
// that say nothing the layout knows (数据1, 数据2, …), or that a conversion
// from PDF shredded and shifted. The format fixes the order of its
// columns, so a row whose label is one of the layout's (or that has none,
// as the one row of table 四) and that has exactly as many cells as the
// layout has columns under that label takes them in order, unless its
// headings say otherwise: half of them or more are the layout's, and more
// of those disagree with that order than agree.
// score is that of the row label alone, below any cell read by its
// heading. tied holds the lines each cell's own heading matched.
func (m *matcher) byPosition(parents []string, leaf string, tied [][]*Line) (lines []*Line, score float64) {
	var row string // the layout's row, its labels joined
	if leaf == "" {
		score = 0.5
	} else {
		fits := m.rowFits(parents, leaf)
		best := -1.0
		rows := map[string]bool{}
		for i, f := range fits {
			ln := m.Lines[i]
			if !f.ok || ln.Edition != 0 || ln.Key == "-" {
				continue
			}
			fs := f.score + 0.2*f.groups
			switch {
			case fs > best+1e-9:
				best, rows = fs, map[string]bool{}
				fallthrough
			case fs > best-1e-9:
				rows[strings.Join(ln.Row, "\x00")] = true
			}
		}
		if len(rows) != 1 {
			return nil, 0
		}
		for r := range rows {
			row = r
		}
		score = best
	}
	for i := range m.Lines {
		ln := &m.Lines[i]
		if ln.Edition == 0 && ln.Key != "-" && strings.Join(ln.Row, "\x00") == row {
			lines = append(lines, ln)
		}
	}
	if len(lines) != len(tied) || len(lines) == 0 {
		return nil, 0
	}
	agree, disagree := 0, 0
	for k, t := range tied {
		switch {
		case len(t) == 0:
		case slicesContains(t, lines[k]):
			agree++
		default:
			disagree++
		}
	}
	if disagree > agree && 2*(agree+disagree) >= len(tied) || agree == len(tied) {
		return nil, 0 // the headings say otherwise, or say the same
	}
	return lines, score
}

func slicesContains(lines []*Line, ln *Line) bool {
	for _, l := range lines {
		if l == ln {
			return true
		}
	}
	return false
}

// fit is how well the row label or the column heading of a cell fits
// those of a line: the similarity of the labels and of the groups.
type fit struct {
	ok            bool
	score, groups float64
	line          int
}

// rowFits returns, for each line of the layout, how well a row label fits
// its row label: computed once for a row, used for each of its cells.
func (m *matcher) rowFits(parents []string, leaf string) []fit {
	key := strings.Join(parents, "\x00") + "\x01" + leaf
	if f, ok := m.rows[key]; ok {
		return f
	}
	labels := append(append([]string{}, parents...), leaf)
	out := make([]fit, len(m.Lines))
	for rowLeaf, lines := range m.rowLeaves {
		rs := m.similarity(leaf, rowLeaf)
		if rs < threshold {
			continue
		}
		for _, i := range lines {
			ln := m.Lines[i]
			out[i] = fit{ok: true, score: rs, groups: m.groupScore(ln.Row[:len(ln.Row)-1], labels), line: i}
		}
	}
	m.rows[key] = out
	return out
}

// columnFits returns the lines whose column heading fits h, in the layout's
// order: computed once for a column, used for each of its cells.
func (m *matcher) columnFits(h heading) []fit {
	key := strings.Join(h.parents, "\x00") + "\x01" + h.leaf
	if f, ok := m.columns[key]; ok {
		return f
	}
	labels := append(append([]string{}, h.parents...), h.leaf)
	var out []fit
	for colLeaf, lines := range m.columnLeaves {
		cs := m.similarity(h.leaf, colLeaf)
		if cs < threshold {
			continue
		}
		for _, i := range lines {
			ln := m.Lines[i]
			out = append(out, fit{ok: true, score: cs, groups: m.groupScore(ln.Column[:len(ln.Column)-1], labels), line: i})
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].line < out[b].line }) // the layout's order breaks ties
	m.columns[key] = out
	return out
}

// matcher matches the labels of one document's cells with those of a
// layout, remembering the similarity of each pair of labels it compared:
// a table repeats its labels in every row and column.
type matcher struct {
	*Layout
	rowLeaves, columnLeaves map[string][]int // lines by folded row and column label
	memo                    map[[2]string]float64
	rows                    map[string][]fit // by row label
	columns                 map[string][]fit // by column heading
	lcs                     []int            // scratch for similarity
}

func (m *matcher) similarity(a, b string) float64 {
	key := [2]string{a, b}
	if s, ok := m.memo[key]; ok {
		return s
	}
	s := similarityBuf(a, b, &m.lcs)
	m.memo[key] = s
	return s
}

// groupScore is how well the group labels of a line are found among the
// labels of a cell: the mean of the best similarity of each; 1 when the
// line has none.
func (m *matcher) groupScore(groups []string, labels []string) float64 {
	if len(groups) == 0 {
		return 1
	}
	sum := 0.0
	for _, g := range groups {
		g = folded(g)
		best := 0.0
		for _, l := range labels {
			best = max(best, m.similarity(g, l))
		}
		if best >= threshold { // a group is there or not: a stray common character is no evidence
			sum += best
		}
	}
	return sum / float64(len(groups))
}

// leaves indexes the lines of a layout by the folded label of their row
// and of their column: a document's label is compared with each distinct
// label once.
func (l *Layout) leaves() (rows, columns map[string][]int) {
	rows, columns = map[string][]int{}, map[string][]int{}
	for i, ln := range l.Lines {
		if len(ln.Row) > 0 {
			k := folded(ln.Row[len(ln.Row)-1])
			rows[k] = append(rows[k], i)
		}
		if len(ln.Column) > 0 {
			k := folded(ln.Column[len(ln.Column)-1])
			columns[k] = append(columns[k], i)
		}
	}
	return rows, columns
}

// foldCache holds the fold of every layout label; it is filled with the
// layouts and only read after.
var foldCache = map[string]string{}

// folded is Fold of a layout label, computed once.
func folded(s string) string {
	if f, ok := foldCache[s]; ok {
		return f
	}
	return Fold(s)
}

// value reads the value of a cell: an empty or dash cell (and 无) is 0; a
// money heading scales it (万元 → 元).
func value(rd read) (float64, bool) {
	text := strings.TrimSpace(rd.text)
	if table.IsEmpty(text) || text == "无" {
		return 0, true
	}
	unit := rd.unit
	if unit == "" {
		unit = rd.line.Unit
	}
	f, ok := cell.Parse(text, unit)
	if !ok {
		return 0, false
	}
	return f.Value, true
}

// check applies the form's arithmetic to the values it has.
func (l *Layout) check(values map[string]float64) []Check {
	out := []Check{}
	sum := func(keys []string) (float64, bool) {
		s := 0.0
		for _, k := range keys {
			v, ok := values[k]
			if !ok {
				return 0, false
			}
			s += v
		}
		return s, true
	}
	for _, c := range l.Checks {
		left, okL := sum(c.Left)
		right, okR := sum(c.Right)
		if !okL || !okR {
			continue
		}
		ch := Check{Check: c.Name, OK: math.Abs(left-right) <= 1e-6*math.Max(1, math.Abs(right))}
		if !ch.OK {
			ch.Left, ch.Right = &left, &right
		}
		out = append(out, ch)
	}
	return out
}

// Prose is a figure the prose of a document reports: its name, value and
// unit, as the indicator recogniser read it.
type Prose struct {
	Name  string
	Value float64
	Unit  string
	Text  string
}

// CheckProse compares the figures of the prose that restate a key of the
// form (本年度共收到政府信息公开申请3119件 for requests.new.total) with the
// table: the table is the record, and a restatement that disagrees with it
// is a warning. A key that one prose figure agrees with gives no warning.
func (f *Form) CheckProse(prose []Prose) {
	var l *Layout
	for _, x := range Layouts() {
		if x.Form == f.Form {
			l = x
		}
	}
	if l == nil {
		return
	}
	for _, rule := range l.Prose {
		v, ok := f.Values[rule.Key]
		if !ok {
			continue
		}
		var disagree []Prose
		agree := false
		for _, p := range prose {
			if !namedAs(p.Name, rule.Names) {
				continue
			}
			if math.Abs(p.Value-v) <= 1e-6*math.Max(1, math.Abs(v)) {
				agree = true
				break
			}
			disagree = append(disagree, p)
		}
		if !agree && len(disagree) > 0 {
			f.Warnings = append(f.Warnings, fmt.Sprintf("%s: the text says %s (%s), the table %s",
				rule.Key, disagree[0].Text, disagree[0].Name, formatValue(v)))
		}
	}
}

// namedAs reports whether a prose name ends with one of names, the words
// before it (全市共, 区政府办代表区政府) saying who or how.
func namedAs(name string, names []string) bool {
	name = Fold(name)
	for _, n := range names {
		if n = Fold(n); n != "" && strings.HasSuffix(name, n) {
			return true
		}
	}
	return false
}

func formatValue(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", v), "0"), ".")
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// abbreviate lists up to n keys and says how many more there are.
func abbreviate(keys []string, n int) string {
	sort.Strings(keys)
	if len(keys) <= n {
		return strings.Join(keys, ", ")
	}
	return strings.Join(keys[:n], ", ") + fmt.Sprintf(" and %d more", len(keys)-n)
}
