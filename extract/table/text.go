package table

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// TextTable is a table read from plain text by ReadText, with where each
// of its rows and cells is written.
type TextTable struct {
	Table
	// Lines is where each row is written, in byte offsets: from the start
	// of its first line to the end of its last (a row label on lines of its
	// own, or a table written one cell a line, spans several lines).
	Lines []Line
	// Cells is where each cell is written, trimmed; {-1, -1} for a cell
	// the text leaves out: empty, padding of a short row, a merged heading
	// spread over the columns it covers.
	Cells [][]Line
}

// ReadText finds the tables written in plain text (a .txt or Markdown
// report, a PDF or web page converted to text):
//
//   - Markdown pipe tables, with or without the |---| rule under their
//     heading, and rows of bars without the outer ones (规章 | 0 | 0 |);
//   - blocks of tab-separated rows;
//   - grids aligned with runs of spaces, when they are clearly tables:
//     several rows with the same number of figures, or a row of figures
//     under the lines that head it;
//   - tables written one cell a line (a statistical bulletin converted
//     from PDF): header cells, then each row's label and figures.
//
// Rows of different lengths are aligned on their figures: labels to the
// left, the leaf label next to the figures, figures from the first figure
// column on. A row label on lines of its own above a row of bare figures
// is joined to it when other rows of the table pair a label with their
// figures (a PDF converted to Markdown writes a wrapped label outside the
// table); lines that wrap one label are joined, lines that start with
// their own numbering (三、 （一） 1.) are group labels. A table that goes
// on after a page break or a wrapped label without its heading is one
// table. A row of figures without labels takes the lines above it as
// heading rows. A heading merged across columns (an empty cell after it,
// under a heading that spans both) and a group label merged down (an
// empty cell above a row's own label) are spread as the readers of other
// formats spread merged cells.
//
// Rows are rectangular; Start is the rune offset of the first row's
// line. Prose, lists and blocks of metadata without figures are no
// tables; the caller masks metadata blocks that hold figures.
func ReadText(text string) []TextTable {
	lines := scanLines(text)
	used := make([]bool, len(lines))
	var out []TextTable
	var cur *building
	finish := func() {
		if cur == nil {
			return
		}
		if t, ok := cur.table(text); ok {
			out = append(out, t)
			from, to := t.Lines[0].Start, t.Lines[len(t.Lines)-1].End
			for i, l := range lines {
				used[i] = used[i] || l.start >= from && l.start <= to
			}
		}
		cur = nil
	}
	for i := 0; i < len(lines); {
		if !lines[i].isRow() {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) && lines[j].isRow() && lines[j].family() == lines[i].family() {
			j++
		}
		if cur != nil && cur.continuedBy(lines, i, j) {
			cur.add(lines, i, j, betweenLabels(lines, cur.last+1, i))
		} else {
			finish()
			cur = newBuilding(lines, i, j)
		}
		i = j
	}
	finish()
	out = append(out, oneCellTables(text, lines, used)...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// Kinds of lines.
const (
	lineBlank = iota
	lineText
	lineRow  // cells split by bars, tabs or runs of spaces
	lineRule // the |---|---| under a Markdown heading
)

// textLine is one line of the text.
type textLine struct {
	start, end int    // byte offsets, without the newline
	text       string // trimmed
	at         int    // byte offset of text
	kind       int
	sep        rune // '|', '\t' or ' ' for a row
	cells      []textCell
}

func (l textLine) isRow() bool { return l.kind == lineRow || l.kind == lineRule }

// family tells rows that belong to one block: bars and rules, tabs, spaces.
func (l textLine) family() rune {
	if l.kind == lineRule {
		return '|'
	}
	return l.sep
}

// textCell is one cell as the text writes it.
type textCell struct {
	text    string
	at      Line // where it is written, trimmed; {-1, -1} when not written
	written bool // the text has the cell, maybe empty (| |), rather than padding
}

var notWritten = Line{-1, -1}

// scanLines splits text into lines and the lines into cells.
func scanLines(text string) []textLine {
	out := make([]textLine, 0, strings.Count(text, "\n")+1)
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = append(out, readLine(text, start, end))
		start = end + 1
	}
	return out
}

func readLine(text string, start, end int) textLine {
	line := text[start:end]
	l := textLine{start: start, end: end, text: trimSpace(line)}
	l.at = start + strings.Index(line, l.text)
	switch {
	case l.text == "":
		l.kind = lineBlank
	case isPageNumber(l.text):
		l.kind = lineText // — 3 — is no row of figures
	case chars.ContainsAny(l.text, "|｜"):
		l.cells = splitAt(text, start, end, func(r rune) bool { return r == '|' || r == '｜' })
		trimmed := l.text
		if strings.HasPrefix(trimmed, "|") || strings.HasPrefix(trimmed, "｜") {
			l.cells = l.cells[1:]
		}
		if len(l.cells) > 0 && (strings.HasSuffix(trimmed, "|") || strings.HasSuffix(trimmed, "｜")) {
			l.cells = l.cells[:len(l.cells)-1]
		}
		bothEnds := len(trimmed) > 1 && strings.ContainsRune("|｜", firstRune(trimmed)) && strings.ContainsRune("|｜", lastRune(trimmed))
		switch {
		case isRule(l.cells):
			l.kind = lineRule
		case len(l.cells) >= 2 || len(l.cells) == 1 && bothEnds && l.cells[0].text != "":
			l.kind, l.sep = lineRow, '|'
		default:
			l.kind, l.cells = lineText, nil
		}
	case strings.ContainsRune(l.text, '\t'):
		l.kind, l.sep = lineRow, '\t'
		l.cells = splitAt(text, start, end, func(r rune) bool { return r == '\t' }) // a leading tab: an empty first cell
	default:
		if cells := splitSpaces(text, start, end); len(cells) >= 2 {
			l.kind, l.sep, l.cells = lineRow, ' ', cells
		} else {
			l.kind = lineText
		}
	}
	return l
}

// splitAt splits text[start:end] at the runes sep reports, each cell
// trimmed.
func splitAt(text string, start, end int, sep func(rune) bool) []textCell {
	var cells []textCell
	from := start
	for i, r := range text[start:end] {
		if sep(r) {
			cells = append(cells, newCell(text, from, start+i))
			from = start + i + utf8.RuneLen(r)
		}
	}
	return append(cells, newCell(text, from, end))
}

// newCell is the cell written at text[from:to], trimmed.
func newCell(text string, from, to int) textCell {
	s := text[from:to]
	t := trimSpace(s)
	if t == "" {
		return textCell{written: true, at: notWritten}
	}
	at := from + strings.Index(s, t)
	return textCell{text: t, at: Line{at, at + len(t)}, written: true}
}

// splitSpaces splits a line at runs of two or more spaces (ASCII,
// ideographic or no-break): a grid aligned with spaces. A line of figures
// only is split at single spaces too (3 1 0 0 4: a row of table 四).
func splitSpaces(text string, start, end int) []textCell {
	line := text[start:end]
	if !hasSpace(line) {
		return nil // most lines of prose: spare the look at each character
	}
	var cells []textCell
	from, spaces, spaceAt := -1, 0, 0
	single := 0 // the spaces a row of figures may be split at
	for i, r := range line {
		if r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' {
			if spaces == 0 {
				spaceAt = i
			}
			spaces++
			if r != '\t' {
				single++
			}
			continue
		}
		if from >= 0 && spaces >= 2 {
			cells = append(cells, newCell(text, start+from, start+spaceAt))
			from = i
		}
		if from < 0 {
			from = i
		}
		spaces = 0
	}
	if from >= 0 && len(cells) > 0 { // one cell alone is no row
		to := len(line)
		if spaces > 0 {
			to = spaceAt
		}
		cells = append(cells, newCell(text, start+from, start+to))
	}
	if len(cells) >= 2 {
		return cells
	}
	if single < 2 {
		return nil // fewer than three words: no row of figures (most lines of prose)
	}
	// single spaces: a row only when every word is a figure
	words := splitAt(text, start, end, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' })
	var figures []textCell
	for _, w := range words {
		if w.text == "" {
			continue
		}
		if !IsFigure(w.text) && !isDash(w.text) {
			return nil
		}
		figures = append(figures, w)
	}
	if len(figures) < 3 {
		return nil
	}
	return figures
}

// hasSpace reports whether s holds a space splitSpaces splits at, with a
// fast search for each.
func hasSpace(s string) bool {
	return strings.IndexByte(s, ' ') >= 0 || strings.IndexByte(s, '\t') >= 0 ||
		strings.Contains(s, "\u3000") || strings.Contains(s, "\u00a0")
}

// isRule reports whether the cells of a line are a Markdown rule: dashes,
// maybe with colons that align the column (|---|:--:|).
func isRule(cells []textCell) bool {
	if len(cells) == 0 {
		return false
	}
	for _, c := range cells {
		t := strings.Trim(c.text, ":")
		if t == "" || strings.Trim(t, "-—－") != "" {
			return false
		}
	}
	return true
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// isDash reports whether a cell is a dash or slash that stands for none.
func isDash(s string) bool { return s != "" && IsEmpty(s) }

// maxLabel bounds a row label or heading written on a line of its own: a
// longer line is running text.
const maxLabel = 40

// sentenceEnds holds the punctuation that ends a sentence rather than a label.
var sentenceEnds = chars.NewSet("。！？；;!?")

// labelLine reports whether a line of text, trimmed, reads as a row label
// or a heading (规章, （二）部分公开（区分处理的，只计这一情, 较上年增长(%)):
// short, without a sentence end, a figure or a long number.
func labelLine(line string) bool {
	s := withoutHeadingMarks(line)
	t := s // s trimmed, for the tests of figures
	if len(s) != len(line) {
		t = trimSpace(s) // the marks of a heading may leave a wide space
	}
	if len(s) > maxLabel*utf8.UTFMax {
		return false // too long however it is written: most lines of prose, not counted
	}
	// (a sentence end first: it ends most lines of prose, and costs less
	// than counting their characters)
	if s == "" || sentenceEnds.Has(lastRune(s)) || utf8.RuneCountInString(s) > maxLabel || isFigure(t) || isEmpty(t) || isPageNumber(t) {
		return false
	}
	if isYearHeading(s) {
		return true
	}
	run := 0
	for _, r := range s {
		if isDigit(r) {
			if run++; run >= 3 {
				return false // 2024年1月1日, 共收到申请132件: prose
			}
		} else {
			run = 0
		}
	}
	return true
}

// markdownHeading matches the # marks of a Markdown heading.
var markdownHeading = regexp.MustCompile(`^#{1,6}\s+`)

// withoutHeadingMarks returns s without the # marks of a Markdown heading.
// The regexp runs only on a line that starts with #: it is asked of every
// line.
func withoutHeadingMarks(s string) string {
	if !strings.HasPrefix(s, "#") {
		return s
	}
	return markdownHeading.ReplaceAllString(s, "")
}

// pageNumber matches a page number between pages: — 5 —, - 12 -, 第3页.
var pageNumber = regexp.MustCompile(`^(?:[-—－–]+\s*[0-9０-９]+\s*[-—－–]+|第\s*[0-9０-９]+\s*页(?:\s*共\s*[0-9０-９]+\s*页)?)$`)

// pageStarts are the characters a match of pageNumber starts with
// (TestPageStarts reads them from its syntax).
const pageStarts = "-—－–第"

var pageStartSet = chars.NewSet(pageStarts)

// pageFurniture reports whether a line is a page number between pages. It
// is asked of every line, most of which start otherwise than a page number:
// the regexp runs only on the few that may be one.
func pageFurniture(s string) bool { return isPageNumber(trimSpace(s)) }

// isPageNumber is pageFurniture for a trimmed line.
func isPageNumber(s string) bool {
	return pageStartSet.Has(firstRune(s)) && pageNumber.MatchString(s)
}

// chapter matches the numbering of a chapter of the document (四、…): a
// line that starts a part of the text, not a heading of a table's columns.
var chapter = regexp.MustCompile(`^[一二三四五六七八九十]+\s*[、.．]`)

// betweenLabels returns the label lines among lines[from:to], skipping
// blank lines and page numbers; nil when any other line is there.
func betweenLabels(lines []textLine, from, to int) []textLine {
	var out []textLine
	for _, l := range lines[from:to] {
		switch {
		case l.kind == lineBlank || pageFurniture(l.text):
		case l.kind == lineText && labelLine(l.text):
			out = append(out, l)
		default:
			return nil
		}
	}
	return out
}

// maxBetween bounds the lines between two parts of one table: a page
// break, or a label wrapped over a few lines.
const maxBetween = 8

// building is a table being read from runs of rows.
type building struct {
	last    int          // the table's last line
	above   []textLine   // label lines right above the first row
	rows    []textRow    // in order
	sep     rune         // the rows' separator
	lines   []textLine   // of the document
	pending [][]textLine // label lines before each row (nil for most)
	figures int          // maxFigures of rows
}

// textRow is a row as read, before the rows are aligned.
type textRow struct {
	cells []textCell
	at    Line
}

func newBuilding(lines []textLine, i, j int) *building {
	b := &building{last: j - 1, sep: lines[i].family(), lines: lines}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if lines[k].kind != lineText || !labelLine(lines[k].text) {
			break
		}
		b.above = append([]textLine{lines[k]}, b.above...)
	}
	b.addRows(lines[i:j], nil)
	return b
}

// addRows adds the rows of a run; labels are the label lines written just
// before it.
func (b *building) addRows(run []textLine, labels []textLine) {
	first := true
	for _, l := range run {
		if l.kind == lineRule {
			continue
		}
		row := textRow{cells: append([]textCell{}, l.cells...), at: Line{l.start, l.end}}
		if first && labels != nil {
			b.pending = append(b.pending, labels)
		} else {
			b.pending = append(b.pending, nil)
		}
		first = false
		b.rows = append(b.rows, row)
		_, values := splitRow(row.cells)
		b.figures = max(b.figures, len(values))
	}
}

// continuedBy reports whether the run lines[i:j] goes on with the table:
// rows of the same kind after nothing but blank lines, page numbers and
// label lines, starting with a row of figures (no heading of its own),
// and with as many figures as the table's rows have (or the table has
// only its headings so far).
func (b *building) continuedBy(lines []textLine, i, j int) bool {
	if lines[i].family() != b.sep || i-b.last-1 > maxBetween {
		return false
	}
	if i > b.last+1 && betweenLabels(lines, b.last+1, i) == nil {
		for _, l := range lines[b.last+1 : i] {
			if l.kind != lineBlank && !pageFurniture(l.text) {
				return false
			}
		}
	}
	var next []textRow
	for _, l := range lines[i:j] {
		if l.kind == lineRow {
			next = append(next, textRow{cells: l.cells})
		}
	}
	if len(next) == 0 || !hasFigure(next[0].cells) {
		return false
	}
	return b.figures == 0 || maxFigures(next) == b.figures
}

func (b *building) add(lines []textLine, i, j int, labels []textLine) {
	b.addRows(lines[i:j], labels)
	b.last = j - 1
}

func hasFigure(cells []textCell) bool {
	for _, c := range cells {
		if IsFigure(c.text) {
			return true
		}
	}
	return false
}

// bare reports whether a row holds figures and no label: every cell a
// figure, a dash or empty.
func bare(cells []textCell) bool {
	if !hasFigure(cells) {
		return false
	}
	for _, c := range cells {
		if c.text != "" && !IsFigure(c.text) && !isDash(c.text) {
			return false
		}
	}
	return true
}

// maxFigures is the largest number of figure cells (from the first figure
// on) in the rows.
func maxFigures(rows []textRow) int {
	n := 0
	for _, r := range rows {
		_, values := splitRow(r.cells)
		n = max(n, len(values))
	}
	return n
}

// splitRow splits the cells of a row of figures into its labels (every
// cell before the first figure or dash, empty ones included: a label
// merged across) and its values (from there on, trailing empty cells
// left out). A row without figures is all labels. A number that could be
// a year (1964) is a figure after a label and before other figures: a
// count in a row, not a year heading.
func splitRow(cells []textCell) (labels, values []textCell) {
	end := len(cells)
	for end > 0 && cells[end-1].text == "" {
		end--
	}
	cells = cells[:end]
	for i, c := range cells {
		if IsFigure(c.text) || isDash(c.text) && hasFigure(cells[i:]) ||
			i > 0 && isYearHeading(c.text) && allDigits(c.text) && hasFigure(cells[i+1:]) {
			return cells[:i], cells[i:]
		}
	}
	return cells, nil
}

// labelCells turns label lines written above a row into its label cells:
// a line that starts with its own numbering (三、 （一） 1.) starts a
// label, any other line continues the one before (a label wrapped over
// two lines).
func labelCells(lines []textLine) []textCell {
	var out []textCell
	for _, l := range lines {
		t := withoutHeadingMarks(l.text)
		at := l.at + len(l.text) - len(t)
		if len(out) == 0 || ordinal.MatchString(t) {
			out = append(out, textCell{text: t, at: Line{at, at + len(t)}, written: true})
			continue
		}
		c := &out[len(out)-1]
		c.text += t
		c.at.End = at + len(t)
	}
	return out
}

// table lays the rows out on a grid and says whether they make a table.
func (b *building) table(text string) (TextTable, bool) {
	rows := b.rows
	// Label lines outside the table: joined to the bare row after them when
	// other rows pair labels with figures; heading rows over a table of
	// bare rows.
	labelled := false
	for _, r := range rows {
		labels, values := splitRow(r.cells)
		if len(values) > 0 && nonEmpty(labels) {
			labelled = true
		}
	}
	pending := append([][]textLine{}, b.pending...)
	if len(rows) > 0 && bare(rows[0].cells) && len(b.above) > 0 {
		pending[0] = b.above
	}
	var out []textRow
	start := -1
	for k, r := range rows {
		if labelled && bare(r.cells) && len(pending[k]) > 0 {
			labels := labelCells(pending[k])
			r.cells = append(labels, r.cells...)
			r.at.Start = pending[k][0].start
		}
		if k == 0 {
			start = r.at.Start
		}
		out = append(out, r)
	}
	if !labelled && !alignedHeading(out) {
		// A row of figures without labels: the lines above head it.
		var heads []textRow
		for _, l := range headingLines(b.above) {
			heads = append(heads, textRow{cells: splitWords(text, l), at: Line{l.start, l.end}})
		}
		if len(heads) > 0 {
			out = append(heads, out...)
			start = heads[0].at.Start
		}
	}
	if !b.accept(out) {
		return TextTable{}, false
	}
	t := grid(out)
	t.Start = utf8.RuneCountInString(text[:start])
	return t, true
}

// headingLines returns the label lines above a row of bare figures that
// head its columns, nearest last: not a chapter heading (四、…) or a
// numbered caption (表1 …), which stand above a table's headings.
func headingLines(above []textLine) []textLine {
	k := len(above)
	for k > 0 {
		t := withoutHeadingMarks(above[k-1].text)
		if chapter.MatchString(t) || captionLine.MatchString(t) {
			break
		}
		k--
	}
	return above[k:]
}

// splitWords splits a heading line into cells: at bars, tabs, runs of
// spaces, else at single spaces.
func splitWords(text string, l textLine) []textCell {
	if l.kind == lineRow {
		return l.cells
	}
	return splitAt(text, l.start, l.end, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' })
}

// alignedHeading reports whether a heading row of the rows has a cell over
// each figure: a table whose headings say what each figure is.
func alignedHeading(rows []textRow) bool {
	n := maxFigures(rows)
	for _, r := range rows {
		if hasFigure(r.cells) {
			break
		}
		if len(nonEmptyCells(r.cells)) >= n {
			return true
		}
	}
	return false
}

func nonEmpty(cells []textCell) bool { return len(nonEmptyCells(cells)) > 0 }

func nonEmptyCells(cells []textCell) []textCell {
	var out []textCell
	for _, c := range cells {
		if c.text != "" {
			out = append(out, c)
		}
	}
	return out
}

// accept reports whether rows read as a table: at least two rows, one of
// them with figures; a grid aligned with spaces needs more (prose may
// hold double spaces): two rows with the same number of figures, or a row
// of at least three bare figures under a heading.
func (b *building) accept(rows []textRow) bool {
	if len(rows) < 2 {
		return false
	}
	figures := map[int]int{} // rows by their number of figures
	data := 0
	for _, r := range rows {
		n := 0
		for _, c := range r.cells {
			if IsFigure(c.text) {
				n++
			}
		}
		if n > 0 {
			data++
			figures[n]++
		}
	}
	if data == 0 {
		return false
	}
	if b.sep != ' ' {
		return true
	}
	for n, rs := range figures {
		if n >= 2 && rs >= 2 {
			return true
		}
	}
	last := rows[len(rows)-1]
	if data == 1 && bare(last.cells) && len(nonEmptyCells(last.cells)) >= 3 && !hasFigure(rows[0].cells) {
		return true
	}
	return headedGrid(rows)
}

// headedGrid reports whether rows aligned with spaces are a small table
// under its heading: a first row of words, then rows of a label and
// figures, every row with as many cells as the heading (信息内容    本年处理
// 决定数量 over 行政许可    4126).
func headedGrid(rows []textRow) bool {
	n := len(rows[0].cells)
	if n < 2 || hasFigure(rows[0].cells) {
		return false
	}
	for _, r := range rows[1:] {
		if len(r.cells) != n || IsFigure(r.cells[0].text) {
			return false
		}
		for _, c := range r.cells[1:] {
			if !IsFigure(c.text) && !isDash(c.text) {
				return false
			}
		}
	}
	return true
}

// grid aligns the rows on a rectangular grid (see ReadText) and spreads
// merged cells.
func grid(rows []textRow) TextTable {
	// Labels of each row to the left (its own label next to its figures),
	// its figures from the first figure column on.
	L, F := 0, 0
	for _, r := range rows {
		labels, values := splitRow(r.cells)
		if len(values) > 0 {
			L, F = max(L, len(labels)), max(F, len(values))
		}
	}
	width := L + F
	for _, r := range rows {
		if _, values := splitRow(r.cells); len(values) == 0 {
			width = max(width, len(trimEmpty(r.cells)))
		}
	}
	cells := make([][]textCell, len(rows))
	firstData := -1
	for i, r := range rows {
		row := make([]textCell, width)
		for c := range row {
			row[c] = textCell{at: notWritten}
		}
		labels, values := splitRow(r.cells)
		switch {
		case len(values) > 0:
			if firstData < 0 {
				firstData = i
			}
			copy(row[L-len(labels):], labels)
			copy(row[L:], values)
		case firstData < 0 && len(trimEmpty(r.cells)) == F && L > 0:
			copy(row[L:], r.cells) // a heading over the figures only
		case firstData < 0 && len(trimEmpty(r.cells)) > 1 && len(trimEmpty(r.cells)) != width && !placed(r.cells):
			// A heading row with fewer cells than columns: which columns
			// its cells head the text does not say (headings merged across
			// columns, written once). Kept whole in the first cell rather
			// than put over the wrong columns.
			row[0] = joinCells(r.cells)
		default:
			copy(row, trimEmpty(r.cells))
		}
		cells[i] = row
	}
	spreadHeadings(cells, firstData)
	spreadGroups(cells, firstData, L)

	t := TextTable{Table: Table{Rows: make([][]string, len(rows))}, Lines: make([]Line, len(rows)), Cells: make([][]Line, len(rows))}
	for i, row := range cells {
		t.Rows[i] = make([]string, width)
		t.Cells[i] = make([]Line, width)
		for c, cell := range row {
			t.Rows[i][c] = Clean(cell.text)
			t.Cells[i][c] = cell.at
		}
		t.Lines[i] = rows[i].at
	}
	return t
}

// placed reports whether a row writes its empty cells (| | or two tabs),
// so that each cell stands in its column.
func placed(cells []textCell) bool {
	for _, c := range trimEmpty(cells) {
		if c.text == "" && c.written {
			return true
		}
	}
	return false
}

// joinCells joins the cells of a row into one cell, where the first is
// written.
func joinCells(cells []textCell) textCell {
	var texts []string
	for _, c := range cells {
		if c.text != "" {
			texts = append(texts, c.text)
		}
	}
	at := notWritten
	for _, c := range cells {
		if c.text != "" {
			at = c.at
			break
		}
	}
	return textCell{text: strings.Join(texts, " "), at: at, written: true}
}

func trimEmpty(cells []textCell) []textCell {
	end := len(cells)
	for end > 0 && cells[end-1].text == "" {
		end--
	}
	return cells[:end]
}

// spreadHeadings spreads a heading merged across columns: an empty cell
// of a heading row takes the heading on its left when the heading above
// covers both columns (or there is none above).
func spreadHeadings(cells [][]textCell, firstData int) {
	headings := firstData
	if headings < 0 {
		headings = len(cells)
	}
	for r := 0; r < headings; r++ {
		for c := 1; c < len(cells[r]); c++ {
			cell, left := cells[r][c], cells[r][c-1]
			if !cell.written || cell.text != "" || left.text == "" {
				continue
			}
			if r > 0 && cells[r-1][c].text != cells[r-1][c-1].text {
				continue
			}
			cells[r][c] = textCell{text: left.text, at: notWritten, written: true}
		}
	}
}

// spreadGroups spreads a group label merged down over the rows it groups:
// an empty label cell of a data row, left of the row's own label, takes
// the label above it.
func spreadGroups(cells [][]textCell, firstData, labelCols int) {
	if firstData < 0 {
		return
	}
	for r := firstData + 1; r < len(cells); r++ {
		for c := labelCols - 2; c >= 0; c-- {
			cell := cells[r][c]
			if !cell.written || cell.text != "" || cells[r-1][c].text == "" || !labelRight(cells[r][c+1:labelCols]) {
				continue
			}
			cells[r][c] = textCell{text: cells[r-1][c].text, at: notWritten, written: true}
		}
	}
}

func labelRight(cells []textCell) bool {
	for _, c := range cells {
		if c.text != "" {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
