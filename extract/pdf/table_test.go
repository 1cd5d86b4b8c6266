package pdf

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/table"
	"github.com/google/go-cmp/cmp"
)

// The table fixtures are made by testdata/pdf/make.sh from tables.py: tables-form has ruled tables
// with merged cells, wrapped labels and a group label one character a line, and a table ruled only
// at its header and foot; tables-long has two tables across a page break, with and without their
// header row repeated. Their text and tables are kept as golden files (-update rewrites them).
var tableFixtures = []string{"tables-form", "tables-long", "table-noto"}

func TestTableGolden(t *testing.T) {
	for _, name := range tableFixtures {
		t.Run(name, func(t *testing.T) {
			res, err := Read(fixture(t, name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			checkTables(t, res)
			golden := map[string][]byte{".tables.json": tablesJSON(t, res.Tables), ".golden": []byte(res.Text)}
			for ext, data := range golden {
				path := filepath.Join("..", "..", "testdata", "pdf", name+ext)
				if *update {
					if err := os.WriteFile(path, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(want), string(data)); diff != "" {
					t.Errorf("%s differs (run with -update to accept):\n%s", path, diff)
				}
			}
		})
	}
}

// tablesJSON writes tables as JSON with one row of cells a line, to read and diff.
func tablesJSON(t *testing.T, tables []table.Table) []byte {
	t.Helper()
	var b strings.Builder
	b.WriteString("[\n")
	for i, tb := range tables {
		rows := tb.Rows
		tb.Rows = nil
		head, err := json.Marshal(tb)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s[\n", strings.TrimSuffix(string(head), "null}"))
		for r, row := range rows {
			cells, err := json.Marshal(row)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "  %s%s\n", cells, map[bool]string{true: ",", false: ""}[r+1 < len(rows)])
		}
		fmt.Fprintf(&b, "]}%s\n", map[bool]string{true: ",", false: ""}[i+1 < len(tables)])
	}
	b.WriteString("]\n")
	return []byte(b.String())
}

// checkTables asserts what holds for every table: a rectangular grid, a page, and a start offset
// where its first row is written in the text, and no figure of a cell run into its neighbours there.
func checkTables(t *testing.T, res *Result) {
	t.Helper()
	runes := []rune(res.Text)
	for i, tb := range res.Tables {
		if len(tb.Rows) == 0 || tb.Page < 1 || tb.Page > res.Pages {
			t.Errorf("table %d: %d rows, page %d", i, len(tb.Rows), tb.Page)
			continue
		}
		for r, row := range tb.Rows {
			if len(row) != len(tb.Rows[0]) {
				t.Errorf("table %d row %d: %d cells, want %d", i, r, len(row), len(tb.Rows[0]))
			}
		}
		if tb.Start < 0 || tb.Start >= len(runes) {
			t.Errorf("table %d: start %d outside the text", i, tb.Start)
		} else if first := firstCell(tb); !strings.HasPrefix(string(runes[tb.Start:]), first) {
			t.Errorf("table %d: text at start %d is %q, want its first cell %q", i, tb.Start, head(string(runes[tb.Start:])), first)
		}
		for _, row := range tb.Rows {
			for _, cell := range row {
				if isNumber(cell) && !inText(res.Text, cell) {
					t.Errorf("table %d: figure %q not a cell of its own in the text", i, cell)
				}
			}
		}
	}
}

// firstCell returns the first non-empty cell of a table's first row with text.
func firstCell(tb table.Table) string {
	for _, row := range tb.Rows {
		for _, cell := range row {
			if cell != "" {
				return cell
			}
		}
	}
	return ""
}

// inText reports whether s is written in text as a whole cell: between tabs or line ends.
func inText(text, s string) bool {
	for _, l := range strings.Split(text, "\n") {
		for _, cell := range strings.Split(l, "\t") {
			if cell == s {
				return true
			}
		}
	}
	return false
}

func head(s string) string {
	if utf8.RuneCountInString(s) > 30 {
		return string([]rune(s)[:30]) + "…"
	}
	return s
}

// TestTableFixtures checks the generated fixtures cell by cell where it matters.
func TestTableFixtures(t *testing.T) {
	form, err := Read(fixture(t, "tables-form.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(form.Tables) != 3 {
		t.Fatalf("tables-form: %d tables, want 3", len(form.Tables))
	}
	active, requests, economy := form.Tables[0], form.Tables[1], form.Tables[2]
	wantRows(t, "active", active, map[int][]string{
		0: {"第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项"},
		3: {"行政规范性文件", "5", "1", "31"},
		6: {"行政许可", "1208", "1208", "1208"},
	})
	wantRows(t, "requests", requests, map[int][]string{
		1:  {"（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业", "科研机构", "其他组织", "总计"},
		2:  {"一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "41", "3", "0", "1", "45"},
		5:  {"三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "6", "0", "0", "0", "6"},
		7:  {"三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "1", "0", "0", "0", "1"},
		9:  {"三、本年度办理结果", "（四）无法提供", "2.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2", "0", "0", "0", "2"},
		10: {"三、本年度办理结果", "（五）总计", "（五）总计", "38", "2", "0", "1", "41"},
	})
	if requests.Caption != "三、收到和处理政府信息公开申请情况" || economy.Caption != "表1 青山县2024年主要经济指标" {
		t.Errorf("captions %q, %q", requests.Caption, economy.Caption)
	}
	wantRows(t, "economy", economy, map[int][]string{
		0: {"指标", "单位", "绝对数", "比上年增长（%）"},
		6: {"城镇居民人均可支配收入", "元", "41260", "4.6"},
	})
	if economy.Page != 1 || len(economy.Rows) != 7 {
		t.Errorf("economy: page %d, %d rows; want page 1 and 7 rows (joined over the page break)", economy.Page, len(economy.Rows))
	}

	long, err := Read(fixture(t, "tables-long.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(long.Tables) != 2 {
		t.Fatalf("tables-long: %d tables, want 2", len(long.Tables))
	}
	for i, tb := range long.Tables {
		if tb.Page != i+1 || len(tb.Rows) != 40-i {
			t.Errorf("table %d: page %d, %d rows; want page %d, %d rows", i, tb.Page, len(tb.Rows), i+1, 40-i)
		}
		for r, row := range tb.Rows[1:] {
			if row[0] == "乡镇" {
				t.Errorf("table %d: header repeated as row %d", i, r+1)
			}
		}
	}
	wantRows(t, "repeated", long.Tables[0], map[int][]string{
		6:  {"石桥镇（含原石桥乡和原河口乡合并后的全部行政村）", "1385", "4465", "2.5"},
		39: {"合计", "71611", "227639", "0.4"},
	})
	if strings.Count(long.Text, "青山县统计局") != 0 || strings.Contains(long.Text, "—") {
		t.Errorf("running header or page number left in the text")
	}
}

// wantRows checks some rows of a table's grid.
func wantRows(t *testing.T, name string, tb table.Table, rows map[int][]string) {
	t.Helper()
	for r, want := range rows {
		if r >= len(tb.Rows) {
			t.Errorf("%s: no row %d (%d rows)", name, r, len(tb.Rows))
			continue
		}
		if diff := cmp.Diff(want, tb.Rows[r]); diff != "" {
			t.Errorf("%s row %d (-want +got):\n%s", name, r, diff)
		}
	}
}

// grid draws a ruled table: rows of cells, each 100 wide and 20 high from (72, top), with their text.
func grid(top float64, rows [][]string) string {
	return gridAt(72, top, rows)
}

// gridAt draws a ruled table from (left, top).
func gridAt(left, top float64, rows [][]string) string {
	var b strings.Builder
	for r, row := range rows {
		for c, cell := range row {
			x, y := left+100*float64(c), top-20*float64(r+1)
			fmt.Fprintf(&b, "%g %g 100 20 re S\n", x, y)
			if cell != "" {
				b.WriteString(text(x+4, y+5, gbk(cell)))
			}
		}
	}
	return b.String()
}

func TestReadTablesSynthetic(t *testing.T) {
	prose := strings.Repeat("政府工作报告全文。", 3)
	tests := []struct {
		name   string
		page   string
		text   string
		tables [][][]string
	}{
		{"ruled grid", text(72, 760, gbk("表1 收支情况")) + grid(750, [][]string{{"项目", "金额"}, {"收入", "3.2"}, {"支出", "5.3"}}),
			"表1 收支情况\n项目\t金额\n收入\t3.2\n支出\t5.3\n", [][][]string{{{"项目", "金额"}, {"收入", "3.2"}, {"支出", "5.3"}}}},
		{"borders drawn double leave no sliver column or row", text(72, 760, gbk("表2 双线")) + grid(750, [][]string{{"项目", "金额"}, {"收入", "3.2"}}) +
			"74 710 m 74 750 l S 72 708 m 272 708 l S\n",
			"表2 双线\n项目\t金额\n收入\t3.2\n", [][][]string{{{"项目", "金额"}, {"收入", "3.2"}}}},
		{"tables side by side are read one after the other", grid(750, [][]string{{"甲", "1.5"}, {"乙", "2.5"}}) + gridAt(320, 750, [][]string{{"丙", "3.5"}, {"丁", "4.5"}}),
			"甲\t1.5\n乙\t2.5\n丙\t3.5\n丁\t4.5\n", [][][]string{{{"甲", "1.5"}, {"乙", "2.5"}}, {{"丙", "3.5"}, {"丁", "4.5"}}}},
		{"box around a paragraph is no table", "72 600 400 40 re S\n" + text(80, 610, gbk(prose)), prose + "\n", nil},
		{"two columns of prose are no table", text(72, 700, gbk("左栏的文字是一段完整的句子。")) + text(320, 700, gbk("右栏的文字也是完整的句子。")) +
			text(72, 682, gbk("左栏第二行仍然是句子的一部分。")) + text(320, 682, gbk("右栏第二行也是句子的一部分。")) +
			text(72, 664, gbk("左栏第三行写完了这一段落。")) + text(320, 664, gbk("右栏第三行同样写完了段落。")),
			"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if tt.text != "" && res.Text != tt.text {
				t.Errorf("text %q, want %q", res.Text, tt.text)
			}
			var got [][][]string
			for _, tb := range res.Tables {
				got = append(got, tb.Rows)
			}
			if diff := cmp.Diff(tt.tables, got); diff != "" {
				t.Errorf("tables (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMergeLines(t *testing.T) {
	// A border drawn cell by cell, twice, and slightly off: one line.
	in := []segment{{72, 700, 172, 700}, {172, 700.4, 272, 700.4}, {72, 700.2, 172, 700.2}, {300, 700, 400, 700}}
	hs, vs := mergeRules(in)
	if len(vs) != 0 || len(hs) != 2 || hs[0].x0 != 72 || hs[0].x1 != 272 || hs[1].x0 != 300 {
		t.Errorf("merged %v, %v", hs, vs)
	}
}

func TestIsNumber(t *testing.T) {
	for s, want := range map[string]bool{"3.2": true, "-22.8": true, "1,661,216.00": true, "12.5%": true, "2.5‰": true,
		"0": true, "": false, "-": false, "2023年": false, "1.属于国家秘密": false, "万元": false} {
		if got := isNumber(s); got != want {
			t.Errorf("isNumber(%q) = %v", s, got)
		}
	}
}

func TestFoldSpaces(t *testing.T) {
	for in, want := range map[string]string{"林    业": "林业", "林\t业": "林业", "GDP growth": "GDP growth", "Made  in": "Made in", "水 产 品": "水产品"} {
		if got := foldSpaces(in); got != want {
			t.Errorf("foldSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCellLine(t *testing.T) {
	tests := []struct {
		spans []span
		want  string
	}{
		{[]span{{x: 100, end: 112, size: 12, text: "业"}, {x: 40, end: 52, size: 12, text: "林"}}, "林业"},
		{[]span{{x: 40, end: 70, size: 12, text: "GDP"}, {x: 76, end: 110, size: 12, text: "growth"}}, "GDP growth"},
		{[]span{{x: 40, end: 52, size: 12, text: "标"}, {x: 40.3, end: 52.3, size: 12, text: "标"}, {x: 52, end: 64, size: 12, text: "题"}}, "标题"},
		{[]span{{x: 40, end: 52, size: 12, text: "9"}, {x: 52, end: 58, size: 12, text: " "}, {x: 58, end: 64, size: 12, text: "5"}}, "9 5"},
	}
	for _, tt := range tests {
		if got := cellLine(tt.spans); got != tt.want {
			t.Errorf("cellLine(%v) = %q, want %q", tt.spans, got, tt.want)
		}
	}
}

func TestCaptionFrom(t *testing.T) {
	title := line{x: 200, end: 400, y: 700, size: 12, text: "2025年部门收入预算总表"}
	unit := line{x: 72, end: 520, y: 680, size: 10, text: "编制部门：青山县财政局\t单位：元"}
	prose := line{x: 72, end: 520, y: 700, size: 12, text: "纳入本部门决算编制范围的单位共有5家，分别"}
	tail := line{x: 72, end: 200, y: 682, size: 12, text: "是："}
	tests := []struct {
		before []line
		want   string
	}{
		{[]line{title}, "2025年部门收入预算总表"},
		{[]line{title, unit}, "2025年部门收入预算总表 单位：元"},
		{[]line{{text: "表1\t2023年主要农产品产量", size: 12}}, "表1 2023年主要农产品产量"},
		{[]line{prose, tail}, ""},
		{[]line{{text: "全年共收到申请45件，均已按时答复。", size: 12}}, ""},
		{[]line{{text: "规章\t2", table: 1}}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := captionFrom(tt.before); got != tt.want {
			t.Errorf("captionFrom(%v) = %q, want %q", tt.before, got, tt.want)
		}
	}
}

// TestMendSeam joins a group label that a page break cuts: printed on the first page only, or split
// over the two; a new item starting the next page stays apart.
func TestMendSeam(t *testing.T) {
	part := func(rows [][]string, ids [][]int) pageTable {
		return pageTable{cols: []float64{0, 40, 100, 130}, rows: rows, ids: ids}
	}
	a := part([][]string{{"三、办理结果", "（四）无", "1.不掌握"}, {"三、办理结果", "（四）无", "2.另行制作"}}, [][]int{{0, 1, 2}, {0, 1, 3}})
	b := part([][]string{{"", "法提供", "3.不明确"}, {"", "法提供", "4.其他"}, {"", "（五）不予处理", "1.信访"}}, [][]int{{0, 1, 2}, {0, 1, 3}, {0, 4, 5}})
	mendSeam(&a, &b)
	wantRows(t, "first page", table.Table{Rows: a.rows}, map[int][]string{1: {"三、办理结果", "（四）无法提供", "2.另行制作"}})
	wantRows(t, "next page", table.Table{Rows: b.rows}, map[int][]string{
		0: {"三、办理结果", "（四）无法提供", "3.不明确"}, 2: {"三、办理结果", "（五）不予处理", "1.信访"}})
}
