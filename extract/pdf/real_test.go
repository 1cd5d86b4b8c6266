package pdf

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/extract/table"
)

// Real documents are read from ../shared (beside the repository) when it is there; their text is
// never copied into the repository. The rows asserted here were checked against the rendered pages.

func readShared(t *testing.T, path string) *Result {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", path))
	if err != nil {
		t.Skipf("%s not available: %v", path, err)
	}
	res, err := Read(body)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRealTablesText reads every real PDF: each table is a rectangular grid whose start is its first
// row in the text, and every figure of a table is a cell of its own in the text, never run into
// the figure beside or below it.
func TestRealTablesText(t *testing.T) {
	var files []string
	for _, dir := range []string{"realdocs", filepath.Join("eval", "tables")} {
		found, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", dir, "*.pdf"))
		for _, f := range found {
			files = append(files, filepath.Join(dir, filepath.Base(f)))
		}
	}
	if len(files) == 0 {
		t.Skip("../shared not available")
	}
	// Lines of the text checked against the rendered pages: rows that ran together before (公有制 and
	// 非公有制 read "公有制非公有制 3.25.3"), rows split by a label over two lines, and rows written
	// with a space glyph between their figures.
	lines := map[string][]string{
		"pdf_zhoukou_tjgb2023.pdf":     {"在总计中：公有制\t3.2", "非公有制\t5.3", "#粮食\t101.9"},
		"pdf_qiandongnan_tjgb2023.pdf": {"60周岁及以上\t745933\t15.2", "#农林牧渔业\t%\t-22.8", "采矿业\t%\t-50.2"},
		"pdf_hzq2024_xxgk.pdf": {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t9\t0\t0\t0\t0\t0\t9",
			"三、本年度办理结果\t（一）予以公开\t50\t0\t0\t0\t0\t0\t50", "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3"},
		"pdf_szfgs2024_xxgk.pdf":         {"8.属于行政查询事项\t105\t0\t0\t0\t0\t0\t105"},
		"pdf_putuo_swj_budget2025.pdf":   {"201\t13\t01\t行政运行\t9,389,913.00\t9,389,913.00"},
		"pdf_putuo_wanli_budget2024.pdf": {"合计\t156,211,123\t156,211,123\t0\t0\t0"},
		"pdf_putuo_ghzy_final2024.pdf":   {"30113\t住房公积金\t289.59\t30212\t因公出国（境）费用\t0.00"},
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := readShared(t, f)
			checkTables(t, res)
			for _, l := range lines[filepath.Base(f)] {
				if !strings.Contains("\n"+res.Text, "\n"+l+"\n") {
					t.Errorf("line %q not in the text", l)
				}
			}
			t.Logf("%d tables", len(res.Tables))
		})
	}
}

// TestRealTables checks rows of the statistical bulletins and budget tables.
func TestRealTables(t *testing.T) {
	tests := []struct {
		file   string
		tables int
		want   map[string]map[int][]string // caption → rows
		sizes  map[string][2]int           // caption → rows, columns
	}{
		{file: "realdocs/pdf_zhoukou_tjgb2023.pdf", tables: 6,
			want: map[string]map[int][]string{
				"表1 2023年末周口市常住人口数及其构成":      {1: {"全市常住人口", "866.60", ""}, 6: {"其中：0-15岁（含不满16周岁）", "212.60", "24.53"}},
				"表2 2023年周口市居民消费价格指数":        {5: {"#粮食", "101.9"}, 8: {"水产品", "96.8"}},
				"表4 2023年周口市规模以上工业增加值增速":     {9: {"在总计中：公有制", "3.2"}, 10: {"非公有制", "5.3"}},
				"表5 2023年周口市规模以上工业主要产品产量及增速": {11: {"工业锅炉", "蒸发量吨", "15262", "-30.5"}},
			},
			sizes: map[string][2]int{"表3 2023年周口市主要农产品产量及增速": {19, 3}, "表6 2023年周口市交通运输主要指标及增速": {17, 4}}},
		{file: "realdocs/pdf_qiandongnan_tjgb2023.pdf", tables: 16,
			want: map[string]map[int][]string{
				"表1 2023年年末户籍人口及其构成":     {3: {"乡村", "3245038", "66.2"}, 8: {"60周岁及以上", "745933", "15.2"}},
				"表2 2023年农林牧渔业总产值及其增长速度": {3: {"林业", "86.95", "4.2"}},
				"表7 2023年分行业固定资产投资增长速度":  {2: {"#农林牧渔业", "%", "-22.8"}, 3: {"采矿业", "%", "-50.2"}},
			},
			sizes: map[string][2]int{"表1 2023年年末户籍人口及其构成": {9, 3}, "表7 2023年分行业固定资产投资增长速度": {13, 3},
				"表16 2023年各级各类学校招生数、在校生数及其增长速度": {15, 3}}},
		{file: "realdocs/pdf_putuo_swj_budget2025.pdf", tables: 9,
			want: map[string]map[int][]string{
				"2025年部门收入预算总表 单位：元": {
					2:  {"类", "款", "项", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"},
					5:  {"201", "13", "01", "行政运行", "9,389,913.00", "9,389,913.00", "", "", ""},
					33: {"合计", "合计", "合计", "合计", "371,514,655.00", "371,514,655.00", "", "", ""}},
				"2025年部门财政拨款收支预算总表 单位：元": {2: {"一、一般公共预算资金", "371,514,655.00", "一、一般公共服务支出", "21,601,733.00", "21,601,733.00", "", ""}},
			},
			sizes: map[string][2]int{"2025年部门一般公共预算支出功能分类预算表 单位：元": {34, 7}}},
		{file: "realdocs/pdf_putuo_wanli_budget2024.pdf", tables: 9,
			want: map[string]map[int][]string{
				"2024年部门收入预算总表 单位：元": {69: {"合计", "合计", "合计", "合计", "156,211,123", "156,211,123", "0", "0", "0"}},
			}},
		{file: "realdocs/pdf_putuo_ghzy_final2024.pdf", tables: 10,
			want: map[string]map[int][]string{
				"一般公共预算财政拨款基本支出决算表 单位：万元": {
					12: {"30113", "住房公积金", "289.59", "30212", "因公出国（境）费用", "0.00"},
					39: {"人员经费合计", "人员经费合计", "4884.09", "公用经费合计", "公用经费合计", "480.66"}},
				"收入决算表 单位：万元": {2: {"合计", "合计", "9746.50", "9746.50", "", "", "", "", ""}, 17: {"21202", "城乡社区规划与管理", "2739.56", "2739.56", "", "", "", "", ""}},
			}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			res := readShared(t, tt.file)
			if len(res.Tables) != tt.tables {
				t.Errorf("%d tables, want %d", len(res.Tables), tt.tables)
			}
			byCaption := map[string]table.Table{}
			for _, tb := range res.Tables {
				byCaption[tb.Caption] = tb
			}
			for caption, rows := range tt.want {
				tb, ok := byCaption[caption]
				if !ok {
					t.Errorf("no table %q", caption)
					continue
				}
				wantRows(t, caption, tb, rows)
			}
			for caption, size := range tt.sizes {
				tb := byCaption[caption]
				if len(tb.Rows) != size[0] || len(tb.Rows) > 0 && len(tb.Rows[0]) != size[1] {
					t.Errorf("%q: %d rows, want %d×%d", caption, len(tb.Rows), size[0], size[1])
				}
			}
		})
	}
}

// The rows of table 三 of the 政府信息公开工作年度报告 (../shared/notes/xxgk-form.md), each found by
// words of its label.
var requestRows = []struct {
	key   string
	words []string
}{
	{"new", []string{"本年新收"}}, {"carried_over", []string{"上年结转"}},
	{"granted", []string{"予以公开"}}, {"partly_granted", []string{"部分公开"}},
	{"withheld.state_secret", []string{"不予公开", "国家秘密"}}, {"withheld.prohibited", []string{"不予公开", "其他法律行政"}},
	{"withheld.security", []string{"不予公开", "三安全一稳定"}}, {"withheld.third_party", []string{"不予公开", "第三方"}},
	{"withheld.internal", []string{"不予公开", "内部事务"}}, {"withheld.process", []string{"不予公开", "过程性"}},
	{"withheld.enforcement_file", []string{"不予公开", "执法案卷"}}, {"withheld.inquiry", []string{"不予公开", "查询事项"}},
	{"unable.not_held", []string{"无法提供", "不掌握"}}, {"unable.needs_creation", []string{"无法提供", "另行制作"}},
	{"unable.unclear", []string{"无法提供", "仍不明确"}},
	{"rejected.petition", []string{"不予处理", "信访"}}, {"rejected.repeated", []string{"不予处理", "重复申请"}},
	{"rejected.publication", []string{"不予处理", "出版物"}}, {"rejected.excessive", []string{"不予处理", "大量反复"}},
	{"rejected.confirmation", []string{"不予处理", "确认或重新出具"}},
	{"other.no_correction", []string{"其他处理", "逾期不补正"}}, {"other.no_fee", []string{"其他处理", "缴纳费用"}},
	{"other.other", []string{"其他处理", "3"}},
	{"result_total", []string{"总计"}}, {"carried_forward", []string{"结转下年度"}},
}

var requestCols = []string{"natural", "business", "research", "public_interest", "legal_service", "other_org", "total"}

// TestRealReportForms checks the three 政府信息公开工作年度报告 in ../shared/eval/tables against their
// hand-made gold: every value of tables 二, 三 and 四 is in its row and column of the grid.
func TestRealReportForms(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "eval", "tables", "*.gold.json"))
	if len(golds) == 0 {
		t.Skip("../shared/eval/tables not available")
	}
	for _, gold := range golds {
		name := strings.TrimSuffix(filepath.Base(gold), ".gold.json")
		t.Run(name, func(t *testing.T) {
			var g struct{ Values map[string]float64 }
			data, err := os.ReadFile(gold)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &g); err != nil {
				t.Fatal(err)
			}
			res := readShared(t, filepath.Join("eval", "tables", name+".pdf"))
			got := formValues(res.Tables)
			checked := 0
			for key, want := range g.Values {
				v, ok := got[key]
				if !ok {
					continue
				}
				checked++
				if math.Abs(v-want) > 1e-6 {
					t.Errorf("%s = %v, want %v", key, v, want)
				}
			}
			// The two 洪泽区 reports print （六）其他处理 as one row (the 2019–2020 layout): its three
			// 2021 rows are not in the grid.
			if checked < len(g.Values)-21 {
				t.Errorf("%d of %d values found in the grid", checked, len(g.Values))
			}
			t.Logf("%d of %d values checked", checked, len(g.Values))
			for _, tb := range res.Tables {
				for _, row := range tb.Rows {
					if strings.Contains(row[1], "部分公开") && row[1] != "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" {
						t.Errorf("label of 部分公开 split: %q", row[1])
					}
				}
			}
		})
	}
}

// formValues reads the form's values from the grids the way a recogniser keyed by labels would.
func formValues(tables []table.Table) map[string]float64 {
	values := map[string]float64{}
	num := func(s string) float64 {
		v, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
		return v // an empty cell is 0
	}
	for _, tb := range tables {
		for _, row := range tb.Rows {
			n := len(row)
			switch {
			case n == 4 && (row[0] == "规章" || row[0] == "行政规范性文件"):
				key := map[string]string{"规章": "rules", "行政规范性文件": "normative"}[row[0]]
				values["active."+key+".issued"], values["active."+key+".repealed"], values["active."+key+".in_force"] = num(row[1]), num(row[2]), num(row[3])
			case n == 4 && row[0] == "行政许可":
				values["active.licensing.decisions"] = num(row[1])
			case n == 4 && row[0] == "行政处罚":
				values["active.penalty.decisions"] = num(row[1])
			case n == 4 && row[0] == "行政强制":
				values["active.compulsion.decisions"] = num(row[1])
			case n == 4 && row[0] == "行政事业性收费":
				values["active.fees.amount"] = math.Round(num(row[1]) * 10000)
			case n == 15 && isNumber(row[0]):
				for i, group := range []string{"review", "suit_direct", "suit_after_review"} {
					for j, part := range []string{"upheld", "corrected", "other", "pending", "total"} {
						values[group+"."+part] = num(row[5*i+j])
					}
				}
			case n == 10:
				label := strings.Join(row[:3], "|")
				for _, r := range requestRows {
					if matchesAll(label, r.words) && (r.key != "other.other" || strings.Contains(row[2], "3")) {
						for c, col := range requestCols {
							values["requests."+r.key+"."+col] = num(row[3+c])
						}
						break
					}
				}
			}
		}
	}
	return values
}

func matchesAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
