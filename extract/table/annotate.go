package table

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// HeaderRows counts the heading rows at the top of a table: the rows before
// the first one with a figure beside its label (a year such as 2024年 heads a
// column and is no figure). A table without figures has one heading row.
func HeaderRows(rows [][]string) int {
	for r, row := range rows {
		for c, v := range row {
			if (c > 0 || len(row) == 1) && IsFigure(v) {
				return r
			}
		}
	}
	if len(rows) > 1 {
		return 1
	}
	return 0
}

// captionLine matches the numbered title of a table: 表1, 表 2-3, 表一, 附表1.
var captionLine = regexp.MustCompile(`^(附)?表\s*[0-9０-９一二三四五六七八九十]+([-—.．][0-9]+)?`)

// maxCaption bounds a caption: a longer line is running text.
const maxCaption = 60

// Caption finds the caption and unit of a table in the lines written just
// before it (nearest last): a numbered title (表1 2024年主要农产品产量), the
// short line or heading right above it (第二十条第（一）项; 三、收到和处理…
// gives 收到和处理…), and a unit line (（单位：万元）, 单位：亿元) between
// the two. A sentence (ending in 。 or ：) is no caption.
func Caption(before []string) (caption, unit string) {
	for i, seen := len(before)-1, 0; i >= 0 && seen < 2; i-- {
		line := strings.TrimSpace(before[i])
		if line == "" {
			continue
		}
		seen++
		if strings.Contains(line, "\t") {
			return "", unit // a row of another table
		}
		if u, rest := UnitStated(line); u != "" {
			if unit == "" {
				unit = u
			}
			if strings.Trim(rest, " 　()（）") == "" {
				continue // a line of its own: the caption may be above it
			}
			line = rest
		}
		if utf8.RuneCountInString(line) > maxCaption {
			return "", unit
		}
		if captionLine.MatchString(line) {
			return line, unit
		}
		last, _ := utf8.DecodeLastRuneInString(line)
		if strings.ContainsRune("。；;，,：:！!？?", last) {
			return "", unit
		}
		return TrimOrdinal(line), unit
	}
	return "", unit
}

// Annotate fills what a table says about itself, whatever reader built it:
// its heading rows (when the reader left them 0), its caption (when the
// reader found none) and its unit, from the lines of text written before it
// and from its headings. isUnit tells a unit (万吨) from other words in
// parentheses.
func Annotate(t *Table, before []string, isUnit func(string) bool) {
	if t.HeaderRows == 0 {
		t.HeaderRows = HeaderRows(t.Rows)
	}
	caption, unit := Caption(before)
	if t.Caption == "" {
		t.Caption = caption
	} else if u, rest := UnitStated(t.Caption); u != "" {
		unit, t.Caption = u, rest
	}
	if unit == "" {
		unit = headingUnit(*t, isUnit)
	}
	t.Unit = unit
}

// headingUnit returns the unit the headings state for the whole table: a
// 单位：… heading cell over the row labels or across the table, else the
// unit that every figure column or every row of a 单位 column shares.
func headingUnit(t Table, isUnit func(string) bool) string {
	s := Analyze(t.Rows, t.HeaderRows)
	for r := 0; r < t.HeaderRows && r < len(t.Rows); r++ {
		for c, v := range t.Rows[r] {
			if u, _ := UnitStated(v); u != "" && (!s.isValueCol(c) || s.spansAllValues(r, v)) {
				return u
			}
		}
	}
	// The unit every figure column states, under every block of headings
	// (a table with bands has one per band).
	common, same := "", true
	for r, k := range s.Kinds {
		if k != RowData || !same {
			continue
		}
		for _, c := range s.ValueCols {
			parents, leaf := s.ColumnLabel(r, c)
			u := ""
			for _, h := range append(parents, leaf) {
				if _, hu := SplitUnit(h, isUnit); hu != "" {
					u = hu
				}
			}
			if u == "" || common != "" && u != common {
				same = false
				break
			}
			common = u
		}
	}
	if !same {
		common = ""
	}
	if common != "" || s.UnitCol < 0 {
		return common
	}
	for r, k := range s.Kinds {
		if k != RowData {
			continue
		}
		u := strings.TrimSpace(t.Rows[r][s.UnitCol])
		if u == "" || common != "" && u != common {
			return ""
		}
		common = u
	}
	return common
}
