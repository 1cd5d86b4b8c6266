package table

import (
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
	var stretch []textLine // non-blank lines that no table took, in a row
	flush := func() {
		out = append(out, cellPerLine(text, stretch)...)
		stretch = nil
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
	figure := func(k int) bool {
		return k >= 0 && k < len(seq) && seq[k].kind == lineText && (IsFigure(seq[k].text) || isDash(seq[k].text))
	}
	label := func(k int, limit int) bool {
		return k >= 0 && k < len(seq) && seq[k].kind == lineText && labelLine(seq[k].text) && utf8.RuneCountInString(seq[k].text) <= limit
	}
	var out []TextTable
	for k := 0; k < len(seq); k++ {
		if !label(k, maxLabel) || !figure(k+1) {
			continue
		}
		m := 0
		for figure(k + 1 + m) {
			m++
		}
		// The rows: a label and exactly m figures each.
		var rows []int
		p := k
		for label(p, maxLabel) && !figure(p+m+1) {
			all := true
			for f := p + 1; f <= p+m; f++ {
				all = all && figure(f)
			}
			if !all {
				break
			}
			rows = append(rows, p)
			p += m + 1
		}
		need := 2
		if m == 1 {
			need = 3
		}
		headings := k - m
		for h := headings; h < k; h++ {
			if !label(h, maxHeading) {
				headings = -1
				break
			}
		}
		if len(rows) < need || headings < 0 {
			continue
		}
		head := textRow{cells: []textCell{{at: notWritten}}, at: Line{seq[headings].start, seq[k-1].end}}
		if corner := headings - 1; label(corner, maxHeading) && corner > 0 && captionLine.MatchString(seq[corner-1].text) {
			head.cells[0] = cellOf(seq[corner])
			head.at.Start = seq[corner].start
		}
		for h := headings; h < k; h++ {
			head.cells = append(head.cells, cellOf(seq[h]))
		}
		trs := []textRow{head}
		for _, r := range rows {
			row := textRow{at: Line{seq[r].start, seq[r+m].end}}
			for c := r; c <= r+m; c++ {
				row.cells = append(row.cells, cellOf(seq[c]))
			}
			trs = append(trs, row)
		}
		t := grid(trs)
		t.Start = utf8.RuneCountInString(text[:head.at.Start])
		out = append(out, t)
		k = p - 1
	}
	return out
}

// cellOf is the cell a line of its own holds.
func cellOf(l textLine) textCell {
	return textCell{text: l.text, at: Line{l.at, l.at + len(l.text)}, written: true}
}
