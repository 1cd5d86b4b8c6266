package table

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// maxHeading bounds a column heading written on a line of its own.
const maxHeading = 20

// oneCellTables finds the tables written one cell a line among the lines
// no other table took (a statistical bulletin converted from PDF):
// the headings of the figure columns, then each row's label followed by
// its figures, each on a line of its own; blank lines between them say
// nothing. The number of figures after the first label is the table's
// width: at least two rows (three when a row has one figure) must have
// exactly that many, and as many heading lines must stand before the
// first row. The line above the headings is the caption; a corner heading
// (指标, 产品) is read only under a numbered caption (表1 …), which tells
// it from the caption.
func oneCellTables(text string, lines []textLine, used []bool) []TextTable {
	var out []TextTable
	// stretch holds the non-blank lines that no table took, in a row: in a
	// report without tables, nearly all its lines. Its memory is made once
	// and reused, as the tables keep none of its lines.
	stretch := make([]textLine, 0, len(lines))
	flush := func() {
		out = append(out, cellPerLine(text, stretch)...)
		stretch = stretch[:0]
	}
	for i, l := range lines {
		switch {
		case used[i]:
			flush()
		case l.kind != lineBlank:
			stretch = append(stretch, l)
		}
	}
	flush()
	return out
}

func cellPerLine(text string, seq []textLine) []TextTable {
	// What each line is, looked at once: figures first, as every table
	// has a line of them, and most stretches of text none.
	figures := make([]bool, len(seq))
	anyFigure := false
	for k, l := range seq {
		if l.kind == lineText {
			figures[k] = isFigure(l.text) || isEmpty(l.text) // or a dash (isDash: a line of text is not blank)
			anyFigure = anyFigure || figures[k]
		}
	}
	if !anyFigure {
		return nil
	}
	labels := make([]int, len(seq)) // the label's length in runes, 0 for no label
	for k, l := range seq {
		if l.kind == lineText && !figures[k] && labelLine(l.text) {
			labels[k] = utf8.RuneCountInString(l.text)
		}
	}
	figure := func(k int) bool { return k >= 0 && k < len(seq) && figures[k] }
	label := func(k int, limit int) bool { return k >= 0 && k < len(seq) && labels[k] > 0 && labels[k] <= limit }
	// row reports whether a row of a label and exactly m figures starts at p.
	row := func(p, m int) bool {
		if !label(p, maxLabel) || figure(p+m+1) {
			return false
		}
		for f := p + 1; f <= p+m; f++ {
			if !figure(f) {
				return false
			}
		}
		return true
	}
	// groups returns how many group label lines (三、本年度办理结果, （三）不予
	// 公开: numbered, without figures of their own) stand at p before a row.
	groups := func(p, m int) int {
		for g := 0; g < maxGroups && label(p+g, maxLabel); g++ {
			if !ordinal.MatchString(seq[p+g].text) {
				return 0
			}
			if row(p+g+1, m) {
				return g + 1
			}
		}
		return 0
	}
	var out []TextTable
	for k := 0; k < len(seq); k++ {
		if !label(k, maxLabel) || !figure(k+1) {
			if t, next, ok := figureRun(text, seq, k, label, figure); ok {
				out = append(out, t)
				k = next - 1
			}
			continue
		}
		m := 0
		for figure(k + 1 + m) {
			m++
		}
		// The rows: a label and exactly m figures each, maybe under group
		// labels.
		var rows [][2]int // first and last line
		p := k
		for {
			g := groups(p, m)
			if g > 0 {
				for i := range g {
					rows = append(rows, [2]int{p + i, p + i})
				}
				p += g
			}
			if !row(p, m) {
				rows = rows[:len(rows)-g]
				break
			}
			rows = append(rows, [2]int{p, p + m})
			p += m + 1
		}
		// The headings: the label lines above the first row, after a
		// caption or a chapter heading. m of them head the figures, one
		// more the labels; more than that the text does not place (headings
		// merged across columns, written once), and they are kept whole.
		top := k
		for top > 0 && label(top-1, maxLabel) && !stopsHeadings(seq[top-1].text) && k-top < maxHeadingLines {
			top--
		}
		need := 2
		switch {
		case top > 0 && stopsHeadings(seq[top-1].text) && k-top == m+1:
			need = 1 // a small table under its caption and its full heading
		case m == 1:
			need = 3
		}
		if len(rows) < need {
			// The one row of figures under its headings, the last heading
			// on the line before them.
			if t, next, ok := figureRun(text, seq, k, label, figure); ok {
				out = append(out, t)
				k = next - 1
			}
			continue
		}
		head := textRow{cells: []textCell{{at: notWritten}}}
		switch n := k - top; {
		case n == m || n == m+1:
			if n == m+1 {
				head.cells[0] = cellOf(seq[top])
			}
			for h := k - m; h < k; h++ {
				head.cells = append(head.cells, cellOf(seq[h]))
			}
		case n > 0:
			head.cells[0] = joinLines(seq[top:k])
		}
		var trs []textRow
		first := seq[k].start
		if k > top {
			head.at = Line{seq[top].start, seq[k-1].end}
			trs = append(trs, head)
			first = seq[top].start
		}
		for _, r := range rows {
			tr := textRow{at: Line{seq[r[0]].start, seq[r[1]].end}}
			for c := r[0]; c <= r[1]; c++ {
				tr.cells = append(tr.cells, cellOf(seq[c]))
			}
			trs = append(trs, tr)
		}
		t := grid(trs)
		t.Start = utf8.RuneCountInString(text[:first])
		out = append(out, t)
		k = p - 1
	}
	return out
}

// Bounds of a table written one cell a line.
const (
	maxGroups       = 3  // group label lines before a row
	maxHeadingLines = 12 // heading lines above the first row
	minFigureRun    = 5  // figures one a line that make a row without a label
)

// figureRun reads a table of one row of figures without a label, written
// one a line under the lines that head them (the one row of table 四 of
// the 政府信息公开 report): at least minFigureRun figures after label
// lines at k. It returns the table and the line after it.
func figureRun(text string, seq []textLine, k int, label func(int, int) bool, figure func(int) bool) (TextTable, int, bool) {
	if !label(k, maxLabel) || label(k+1, maxLabel) || !figure(k+1) {
		return TextTable{}, 0, false
	}
	n := 0
	for figure(k + 1 + n) {
		n++
	}
	if n < minFigureRun || !hasDigitRun(seq[k+1:k+1+n]) {
		return TextTable{}, 0, false
	}
	top := k
	for top > 0 && label(top-1, maxLabel) && !stopsHeadings(seq[top-1].text) && k-top < maxHeadingLines {
		top--
	}
	head := textRow{cells: []textCell{joinLines(seq[top : k+1])}, at: Line{seq[top].start, seq[k].end}}
	data := textRow{at: Line{seq[k+1].start, seq[k+n].end}}
	for c := k + 1; c <= k+n; c++ {
		data.cells = append(data.cells, cellOf(seq[c]))
	}
	t := grid([]textRow{head, data})
	t.Start = utf8.RuneCountInString(text[:seq[top].start])
	return t, k + 1 + n, true
}

// clauseLine matches a line that cites the clause a table reports on
// (第二十条第（一）项): the caption of the tables of a national form.
var clauseLine = regexp.MustCompile(`^第[一二三四五六七八九十百零〇0-9０-９]+条`)

// stopsHeadings reports whether a line stands above the headings of a
// table rather than among them: a caption (表1 …, 第二十条第（一）项) or a
// chapter heading (四、…).
func stopsHeadings(s string) bool {
	s = withoutHeadingMarks(s)
	return captionLine.MatchString(s) || clauseLine.MatchString(s) || chapter.MatchString(s)
}

// hasDigitRun reports whether lines hold figures, not only dashes.
func hasDigitRun(lines []textLine) bool {
	for _, l := range lines {
		if isFigure(l.text) {
			return true
		}
	}
	return false
}

// joinLines is one cell holding the text of several lines.
func joinLines(lines []textLine) textCell {
	var texts []string
	for _, l := range lines {
		texts = append(texts, l.text)
	}
	last := lines[len(lines)-1]
	return textCell{text: strings.Join(texts, " "), at: Line{lines[0].at, last.at + len(last.text)}, written: true}
}

// cellOf is the cell a line of its own holds.
func cellOf(l textLine) textCell {
	return textCell{text: l.text, at: Line{l.at, l.at + len(l.text)}, written: true}
}
