package cell

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/quantity"
	"github.com/gongwen/gongwen/extract/table"
)

// Figure is the number of one table cell.
type Figure struct {
	Row, Col int     // position in the table's grid
	Name     string  // row and column headings: 粮食 · 产量
	Value    float64 // in base units: 52.36 under 产量（万吨） is 523600
	Unit     string  // the unit without its magnitude: 吨, 元, %; "" when no heading states one
	Kind     string  // quantity.Count, Percent, Money or Measure
	Text     string  // the cell as written
}

// Separator joins the labels of a figure's name.
const Separator = " · "

// Figures returns the figures of the data cells of t, row by row. A cell
// merged across several columns under one heading is one figure.
func Figures(t table.Table) []Figure {
	s := table.Analyze(t.Rows, t.HeaderRows)
	var out []Figure
	headings := map[[2]int]heading{} // by block of headings and column
	for r, kind := range s.Kinds {
		if kind != table.RowData {
			continue
		}
		for _, c := range s.ValueCols {
			text := strings.TrimSpace(t.Rows[r][c])
			if table.IsEmpty(text) || s.Duplicate(r, c) {
				continue
			}
			rowParents, rowLeaf := s.RowLabelOf(r, c)
			rowUnit := ""
			if s.UnitCol >= 0 {
				rowUnit = strings.TrimSpace(t.Rows[r][s.UnitCol])
			}
			var rowParts []string
			for _, l := range append(rowParents, rowLeaf) {
				label, unit := table.SplitUnit(table.TrimOrdinal(l), IsUnit)
				if unit != "" && rowUnit == "" {
					rowUnit = unit
				}
				rowParts = append(rowParts, label)
			}
			key := [2]int{s.HeadingBlock(r), c}
			h, ok := headings[key]
			if !ok {
				h = columnHeading(s, r, c)
				headings[key] = h
			}
			colParts := h.parts
			unit := h.unit
			if unit == "" {
				unit = rowUnit
			}
			if unit == "" {
				unit = t.Unit
			}
			f, ok := Parse(text, unit)
			if !ok {
				continue
			}
			f.Row, f.Col = r, c
			f.Name = name(t.Caption, append(append([]string{}, rowParts...), colParts...))
			out = append(out, f)
		}
	}
	return out
}

// heading is what a column heading says: its labels and unit.
type heading struct {
	parts []string
	unit  string
}

// columnHeading reads the heading of column c over row r: its labels,
// outermost first, without numbering or units, and the unit it states.
func columnHeading(s table.Shape, r, c int) heading {
	var h heading
	parents, leaf := s.ColumnLabel(r, c)
	for _, l := range append(parents, leaf) {
		label, unit := table.SplitUnit(table.TrimOrdinal(l), IsUnit)
		switch {
		case unit != "":
			h.unit = unit
		case strings.ContainsAny(l, "%％"):
			h.unit = "%"
		case h.unit == "":
			h.unit = countedIn(label)
		}
		h.parts = append(h.parts, label)
	}
	return h
}

// Parse reads the text of a cell as a figure in unit, the unit its
// heading states ("" for none): "52.36" in 万吨 is 523600 吨; a cell that
// writes its own unit (1.6万户, 99%) keeps it.
func Parse(text, unit string) (Figure, bool) {
	text = strings.TrimSpace(text)
	num := strings.TrimPrefix(text, "+")
	if q, ok := quantity.Parse(num); ok && q.Unit != "" {
		return Figure{Value: q.Value, Unit: q.Unit, Kind: q.Kind, Text: text}, true
	}
	if !plainNumber(num) {
		return Figure{}, false
	}
	f := Figure{Text: text, Kind: quantity.Count}
	magnitude := ""
	if unit != "" {
		if q, ok := quantity.Parse("1" + unit); ok {
			magnitude = strings.TrimSuffix(unit, q.Unit)
			f.Unit, f.Kind = q.Unit, q.Kind
		} else {
			f.Unit, f.Kind = unit, quantity.Measure // a compound unit: 微克/立方米
		}
	}
	v, ok := quantity.ParseNumber(num + magnitude)
	if !ok {
		return Figure{}, false
	}
	f.Value, _ = v.Float64()
	return f, true
}

// countedIn returns the measure word a heading counts in: 本年制发件数 counts
// 件, 参训人数 人; "" for other headings.
func countedIn(heading string) string {
	rs := []rune(heading)
	if len(rs) < 3 || rs[len(rs)-1] != '数' {
		return ""
	}
	if u := string(rs[len(rs)-2]); strings.Contains("件人次户个家项起名场", u) {
		return u
	}
	return ""
}

// plainNumber reports whether s is written in digits only: 3001, -5.7,
// 6,240, ９６.
func plainNumber(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= '０' && r <= '９':
			digits++
		case i == 0 && (r == '-' || r == '－' || r == '−'):
		case r == '.' || r == '．' || r == ',' || r == '，':
		default:
			return false
		}
	}
	return digits > 0
}

// IsUnit reports whether s is a unit a heading may state: a measure word
// with or without its magnitude (万吨, 亿元, 件, %), or two of them divided
// (元/人, 微克/立方米).
func IsUnit(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 8 {
		return false
	}
	if q, ok := quantity.Parse("1" + s); ok && q.Unit != "" {
		return true
	}
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		return false
	}
	_, okA := quantity.Parse("1" + a)
	_, okB := quantity.Parse("1" + b)
	return okA && okB
}

// name joins the labels of a figure, outermost first, leaving out empty
// ones, repeats and one that only repeats the caption.
func name(caption string, labels []string) string {
	caption = foldSpaces(table.TrimOrdinal(caption))
	var parts []string
	for _, l := range labels {
		l = foldSpaces(strings.TrimSpace(l))
		l = strings.TrimRight(l, "：:")
		if l == "" || l == caption || len(parts) > 0 && parts[len(parts)-1] == l {
			continue
		}
		parts = append(parts, l)
	}
	return strings.Join(parts, Separator)
}

// foldSpaces removes the spaces that pad a label between Chinese
// characters (指 标, 结 果 维 持) and keeps those between other words.
func foldSpaces(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' || r == '\u3000' {
			var prev, next rune
			if i > 0 {
				prev = rs[i-1]
			}
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if unicode.Is(unicode.Han, prev) || unicode.Is(unicode.Han, next) || next == ' ' || next == '\u3000' {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
