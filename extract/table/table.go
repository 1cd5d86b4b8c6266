package table

import "strings"

// Table is one table of a document, as ../shared/CONTRACT.md "Tables and
// forms" fixes it. Rows is the grid after merging: a cell spanning several
// rows or columns repeats its text in each position it covers, so every row
// has the same length.
type Table struct {
	Caption    string     `json:"caption"`
	Section    string     `json:"section"`
	Page       int        `json:"page"` // 1-based PDF page where the table starts; 0 for other formats
	Unit       string     `json:"unit"` // the unit the caption or heading states: （单位：万元） → 万元
	HeaderRows int        `json:"header_rows"`
	Start      int        `json:"start"` // rune offset in the document text where the table's first row is written; -1 if it is not in the text
	Rows       [][]string `json:"rows"`
}

// Cell is one cell as a reader meets it, before merged cells are spread
// over the grid positions they cover.
type Cell struct {
	Text    string
	RowSpan int // rows covered, 1 when 0
	ColSpan int // columns covered, 1 when 0
}

// MaxSpan bounds a cell's rowspan and colspan: real tables never need more,
// and hostile values must not blow up the grid.
const MaxSpan = 100

// Grid lays rows of cells out on a rectangular grid: a cell that spans
// several rows or columns repeats its text in each position it covers, a
// position no cell covers is "", and every row is as long as the longest.
// Cell texts are trimmed and their line breaks removed.
func Grid(rows [][]Cell) [][]string {
	var grid [][]string
	// covered[r][c] is set for positions filled from a rowspan above.
	covered := map[[2]int]bool{}
	set := func(r, c int, s string) {
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		for len(grid[r]) <= c {
			grid[r] = append(grid[r], "")
		}
		grid[r][c] = s
		covered[[2]int{r, c}] = true
	}
	for r, cells := range rows {
		for len(grid) <= r {
			grid = append(grid, nil)
		}
		c := 0
		for _, cell := range cells {
			for covered[[2]int{r, c}] {
				c++
			}
			text := Clean(cell.Text)
			rs, cs := clamp(cell.RowSpan), clamp(cell.ColSpan)
			for dr := 0; dr < rs && r+dr < len(rows); dr++ {
				for dc := 0; dc < cs; dc++ {
					set(r+dr, c+dc, text)
				}
			}
			c += cs
		}
	}
	width := 0
	for _, row := range grid {
		width = max(width, len(row))
	}
	for i := range grid {
		for len(grid[i]) < width {
			grid[i] = append(grid[i], "")
		}
	}
	return grid
}

func clamp(span int) int {
	return min(max(span, 1), MaxSpan)
}

// Clean trims a cell's text and removes its line breaks: a label wrapped
// inside its cell (本年新收政府信息公开申请⏎数量) reads as one line. Spaces
// between Chinese characters are kept; readers that pad cells with spaces
// fold them themselves.
func Clean(s string) string {
	s = strings.NewReplacer("\r\n", "", "\n", "", "\r", "").Replace(s)
	return strings.TrimSpace(s)
}
