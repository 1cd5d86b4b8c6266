package table

import (
	"strings"
)

// Line is where a row of a table is written in the document text: byte
// offsets of the line, Start == End == -1 for a row the text leaves out
// (a blank row).
type Line struct{ Start, End int }

// Locate finds the lines of text where the rows of a table are written,
// starting at byte offset start: readers write each row on a line with its
// cells split by tabs, a merged cell once. A line belongs to a row when
// each of its cells is a cell of that row (spaces aside); rows that no line
// matches (blank rows, rows the reader dropped) get {-1, -1}, and the table
// ends at the last line that matched. It returns the lines and the byte
// offset where the table's text ends (start when no row is found).
func Locate(text string, start int, rows [][]string) (lines []Line, end int) {
	lines = make([]Line, len(rows))
	end = start
	pos := start
	if start < 0 || start > len(text) {
		for i := range lines {
			lines[i] = Line{-1, -1}
		}
		return lines, -1
	}
	missed := 0
	for r, row := range rows {
		lines[r] = Line{-1, -1}
		if blank(row) || missed > 3 {
			continue
		}
		ls, le := nextLine(text, pos)
		if ls < 0 || !rowOnLine(text[ls:le], row) {
			missed++
			continue
		}
		missed = 0
		lines[r] = Line{ls, le}
		pos, end = le, le
	}
	return lines, end
}

// Find returns the byte offset of the first line at or after from where
// the rows of a table are written, for a reader that did not say where
// (Start -1) or said it wrongly: the line of one of its first rows from
// which Locate finds at least half of its rows. It returns -1 when the
// text does not hold the table.
func Find(text string, from int, rows [][]string) int {
	written := 0
	var first [][]string
	for _, row := range rows {
		if !blank(row) {
			written++
			if len(first) < 3 {
				first = append(first, row)
			}
		}
	}
	if written == 0 {
		return -1
	}
	for pos := max(from, 0); pos < len(text); {
		ls, le := nextLine(text, pos)
		if ls < 0 {
			break
		}
		for _, row := range first {
			if !rowOnLine(text[ls:le], row) {
				continue
			}
			lines, _ := Locate(text, ls, rows)
			found := 0
			for _, l := range lines {
				if l.Start >= 0 {
					found++
				}
			}
			if 2*found >= written {
				return ls
			}
			break
		}
		pos = le + 1
	}
	return -1
}

// nextLine returns the next line with any text at or after pos.
func nextLine(text string, pos int) (start, end int) {
	for pos < len(text) {
		end = strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		if strings.TrimSpace(text[pos:end]) != "" {
			return pos, end
		}
		pos = end + 1
	}
	return -1, -1
}

// rowOnLine reports whether every cell of a line is one of the row's cells.
func rowOnLine(line string, row []string) bool {
	cells := map[string]bool{}
	for _, v := range row {
		cells[fold(v)] = true
	}
	n := 0
	for _, f := range strings.Split(line, "\t") {
		f = fold(f)
		if f == "" {
			continue
		}
		if !cells[f] {
			return false
		}
		n++
	}
	return n > 0
}

// CellSpan returns the byte offsets of cell c of a row in its line, the
// cell's text trimmed, or -1, -1 when the line does not hold it: a reader
// writes a cell covered by a merged one as an empty field, and a reader
// that lays the line out otherwise may still hold the text in one field.
func CellSpan(text string, l Line, row []string, c int) (start, end int) {
	if l.Start < 0 || c >= len(row) {
		return -1, -1
	}
	fields := strings.Split(text[l.Start:l.End], "\t")
	want := fold(row[c])
	span := func(i int) (int, int) {
		at := l.Start
		for _, f := range fields[:i] {
			at += len(f) + 1
		}
		f := fields[i]
		t := strings.TrimSpace(f)
		at += strings.Index(f, t)
		return at, at + len(t)
	}
	if c < len(fields) && fold(fields[c]) == want {
		return span(c)
	}
	found := -1
	for i, f := range fields {
		if fold(f) == want {
			if found >= 0 {
				return -1, -1
			}
			found = i
		}
	}
	if found < 0 {
		return -1, -1
	}
	return span(found)
}
