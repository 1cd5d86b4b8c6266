package quantity

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// headerUnit matches a unit given in a column heading: 本年收费金额（单位：万元）.
var headerUnit = regexp.MustCompile(`[（(]\s*单位\s*[：:]\s*([^）)]{1,8})\s*[）)]`)

// tableFigures returns the bare numbers of tables, flattened to lines of
// cells split by tabs or bars, that give their unit in a column (产品名称	单位
// 产量	比上年增长(%) → 水泥	万吨	238.4	-5.7) or in a column heading
// (本年收费金额（单位：万元） → 56.8). The cell is the text; a column headed
// with % holds percentages. A table ends at the first row with another
// number of cells.
func tableFigures(text string) []Quantity {
	if !hasCellBreak(text) || !strings.Contains(text, "单位") {
		return nil // (the text is folded: 單位 is 单位)
	}
	var out []Quantity
	var header []string // the heading row of the table being read, or nil
	unitCol := -1
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		cells := splitCells(text, start, end)
		switch {
		case len(cells) < 2:
			header = nil
		case header != nil && len(cells) == len(header):
			out = append(out, rowFigures(text, cells, header, unitCol)...)
		default:
			header, unitCol = nil, -1
			for k, c := range cells {
				name := strings.TrimSpace(text[c.start:c.end])
				if name == "单位" || name == "單位" || name == "计量单位" || name == "計量單位" {
					unitCol = k
				}
			}
			if unitCol >= 0 || headerUnit.MatchString(text[start:end]) {
				for _, c := range cells {
					header = append(header, strings.TrimSpace(text[c.start:c.end]))
				}
			}
		}
		start = end + 1
	}
	return out
}

// hasCellBreak reports whether text holds a tab or bar, which splitCells
// splits cells at: without one, no line is a row of a table. Tabs and bars
// are rare in prose, and found faster than 单位 in Chinese text.
func hasCellBreak(text string) bool {
	return strings.IndexByte(text, '\t') >= 0 || strings.IndexByte(text, '|') >= 0 || containsBar(text)
}

// containsBar is strings.Contains(text, "｜"). strings.Contains looks for
// the first byte of ｜, EF, which also starts the full-width comma of every
// other clause; containsBar looks for its last byte, 9C, which few
// characters share.
func containsBar(text string) bool {
	const bar = "｜"
	for i := len(bar) - 1; i < len(text); {
		k := strings.IndexByte(text[i:], bar[len(bar)-1])
		if k < 0 {
			return false
		}
		if end := i + k + 1; text[end-len(bar):end] == bar {
			return true
		}
		i += k + 1
	}
	return false
}

// splitCells returns the cells of the line text[start:end], split at tabs and bars.
func splitCells(text string, start, end int) []span {
	var cells []span
	from := start
	for i, r := range text[start:end] {
		if r == '\t' || r == '|' || r == '｜' {
			cells = append(cells, span{from, start + i})
			from = start + i + utf8.RuneLen(r)
		}
	}
	cells = append(cells, span{from, end})
	// bars at both ends of | 粮食 | 万吨 | leave empty cells outside the table
	cells = slices.DeleteFunc(cells, func(c span) bool {
		return (c.start == start || c.end == end) && strings.TrimSpace(text[c.start:c.end]) == ""
	})
	return cells
}

// rowFigures returns the figures of one row of a table with a unit column or units in its heading.
func rowFigures(text string, cells []span, header []string, unitCol int) []Quantity {
	var out []Quantity
	for k, c := range cells {
		if k == 0 || k == unitCol {
			continue // the row's label and its unit
		}
		cell := strings.TrimSpace(text[c.start:c.end])
		first, _ := utf8.DecodeRuneInString(cell)
		if !chars.IsDigit(first) && !isMinus(first) {
			continue
		}
		unit := ""
		switch {
		case chars.ContainsAny(header[k], "%％"):
			unit = "%"
		case headerUnit.MatchString(header[k]):
			unit = headerUnit.FindStringSubmatch(header[k])[1]
		case unitCol >= 0:
			unit = strings.TrimSpace(text[cells[unitCol].start:cells[unitCol].end])
		}
		q, ok := Parse("1" + unit) // 1万吨: the scale and the unit
		if !ok {
			continue
		}
		magnitude := strings.TrimSuffix(unit, q.Unit)
		v, ok := ParseNumber(cell + magnitude)
		if !ok || strings.ContainsFunc(cell, func(r rune) bool { return !chars.IsDigit(r) && !isMinus(r) && !isDecimalPoint(r) && !isGroupComma(r) }) {
			continue
		}
		f, _ := v.Float64()
		at := c.start + strings.Index(text[c.start:c.end], cell)
		out = append(out, Quantity{Text: cell, Value: f, Unit: q.Unit, Kind: q.Kind, Start: at, End: at + len(cell)})
	}
	return out
}
