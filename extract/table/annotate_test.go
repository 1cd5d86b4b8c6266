package table

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// isUnit stands in for the quantity recogniser in these tests.
func isUnit(u string) bool {
	switch u {
	case "万吨", "吨", "万元", "亿元", "元", "件", "万人", "公里", "亿千瓦时":
		return true
	}
	return false
}

func TestHeaderRows(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		want int
	}{
		{"one heading", [][]string{{"产品", "产量"}, {"粮食", "52.36"}}, 1},
		{"three headings", [][]string{{"", "申请人情况", "申请人情况"}, {"", "自然人", "法人"}, {"", "自然人", "商业企业"}, {"一、本年新收", "3001", "53"}}, 3},
		{"years head columns", [][]string{{"项目", "2023年", "2024"}, {"受理", "1108", "1247"}}, 1},
		{"no figures", [][]string{{"单位", "联系人"}, {"司法局", "张三"}}, 1},
		{"single row of figures", [][]string{{"1", "2"}}, 0},
		{"band and heading", [][]string{{"第二十条第（一）项", "第二十条第（一）项"}, {"信息内容", "本年制发件数"}, {"规章", "0"}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HeaderRows(tt.rows); got != tt.want {
				t.Errorf("HeaderRows = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestCaption(t *testing.T) {
	tests := []struct {
		before        string
		caption, unit string
	}{
		{"全年粮食总产量52.36万吨。\n表1　2024年主要农产品产量及其增长速度", "表1　2024年主要农产品产量及其增长速度", ""},
		{"表2 财政收支\n（单位：万元）", "表2 财政收支", "万元"},
		{"表3 一般公共预算收支（单位：亿元）", "表3 一般公共预算收支", "亿元"},
		{"三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况", ""},
		{"第二十条第（一）项", "第二十条第（一）项", ""},
		{"主要指标如下：", "", ""},
		{"全年共办理案件120件，同比增长5%。", "", ""},
		{"单位：吨", "", "吨"},
		{"规章\t1\t0", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		caption, unit := Caption(strings.Split(tt.before, "\n"))
		if caption != tt.caption || unit != tt.unit {
			t.Errorf("Caption(%q) = %q, %q; want %q, %q", tt.before, caption, unit, tt.caption, tt.unit)
		}
	}
}

func TestSplitUnit(t *testing.T) {
	tests := []struct{ in, label, unit string }{
		{"产量（万吨）", "产量", "万吨"},
		{"比上年增长(%)", "比上年增长", "%"},
		{"增长％", "增长", "%"},
		{"本年收费金额（单位：万元）", "本年收费金额", "万元"},
		{"金额/万元", "金额", "万元"},
		{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""},
		{"受理矛盾纠纷（件）", "受理矛盾纠纷", "件"},
		{"自然人", "自然人", ""},
	}
	for _, tt := range tests {
		label, unit := SplitUnit(tt.in, isUnit)
		if label != tt.label || unit != tt.unit {
			t.Errorf("SplitUnit(%q) = %q, %q; want %q, %q", tt.in, label, unit, tt.label, tt.unit)
		}
	}
}

func TestTrimOrdinal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"},
		{"（三）不予公开", "不予公开"},
		{"1.属于国家秘密", "属于国家秘密"},
		{"1、申请人无正当理由逾期不补正", "申请人无正当理由逾期不补正"},
		{"3.危及“三安全一稳定”", "危及“三安全一稳定”"},
		{"2024年主要指标", "2024年主要指标"},
		{"12.5万元", "12.5万元"},
		{"① 粮食", "粮食"},
	}
	for _, tt := range tests {
		if got := TrimOrdinal(tt.in); got != tt.want {
			t.Errorf("TrimOrdinal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// requests is table 三 of a 政府信息公开工作年度报告, cut to three figure
// columns, as HTML with rowspan and colspan lays it out on the grid.
var requests = [][]string{
	{"本列数据的勾稽关系", "本列数据的勾稽关系", "本列数据的勾稽关系", "申请人情况", "申请人情况", "申请人情况"},
	{"本列数据的勾稽关系", "本列数据的勾稽关系", "本列数据的勾稽关系", "自然人", "法人或其他组织", "总计"},
	{"本列数据的勾稽关系", "本列数据的勾稽关系", "本列数据的勾稽关系", "自然人", "商业企业", "总计"},
	{"一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "3001", "53", "3119"},
	{"三、本年度办理结果", "（一）予以公开", "（一）予以公开", "1288", "21", "1362"},
	{"三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "2", "0", "2"},
	{"三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "30", "/", "31"},
	{"四、结转下年度继续办理", "四、结转下年度继续办理", "四、结转下年度继续办理", "103", "", "103"},
}

func TestShapeLabels(t *testing.T) {
	s := Analyze(requests, HeaderRows(requests))
	if diff := cmp.Diff([]int{0, 1, 2}, s.LabelCols); diff != "" {
		t.Errorf("LabelCols (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{3, 4, 5}, s.ValueCols); diff != "" {
		t.Errorf("ValueCols (-want +got):\n%s", diff)
	}
	rowTests := []struct {
		r       int
		parents []string
		leaf    string
	}{
		{3, nil, "一、本年新收政府信息公开申请数量"},
		{4, []string{"三、本年度办理结果"}, "（一）予以公开"},
		{5, []string{"三、本年度办理结果", "（三）不予公开"}, "1.属于国家秘密"},
		{7, nil, "四、结转下年度继续办理"},
	}
	for _, tt := range rowTests {
		parents, leaf := s.RowLabel(tt.r)
		if diff := cmp.Diff(tt.parents, parents); diff != "" || leaf != tt.leaf {
			t.Errorf("RowLabel(%d) = %q, %q; want %q, %q", tt.r, parents, leaf, tt.parents, tt.leaf)
		}
	}
	colTests := []struct {
		c       int
		parents []string
		leaf    string
	}{
		{3, nil, "自然人"},
		{4, nil, "法人或其他组织商业企业"}, // one figure column under 法人或其他组织 here: not a group
		{5, nil, "总计"},
	}
	for _, tt := range colTests {
		parents, leaf := s.ColumnLabel(5, tt.c)
		if diff := cmp.Diff(tt.parents, parents); diff != "" || leaf != tt.leaf {
			t.Errorf("ColumnLabel(%d) = %q, %q; want %q, %q", tt.c, parents, leaf, tt.parents, tt.leaf)
		}
	}
}

func TestShapeSubRowsAndUnitColumn(t *testing.T) {
	rows := [][]string{
		{"产品名称", "单位", "绝对数", "比上年增长(%)"},
		{"粮食", "万吨", "52.36", "1.8"},
		{"其中：夏粮", "万吨", "20.14", "-0.6"},
		{"油料", "吨", "8520", "2.9"},
	}
	s := Analyze(rows, HeaderRows(rows))
	if s.UnitCol != 1 || !cmp.Equal(s.LabelCols, []int{0}) || !cmp.Equal(s.ValueCols, []int{2, 3}) {
		t.Fatalf("shape: unit %d, labels %v, values %v", s.UnitCol, s.LabelCols, s.ValueCols)
	}
	parents, leaf := s.RowLabel(2)
	if !cmp.Equal(parents, []string{"粮食"}) || leaf != "夏粮" {
		t.Errorf("RowLabel(其中：夏粮) = %q, %q", parents, leaf)
	}
	if _, leaf := s.ColumnLabel(3, 3); leaf != "比上年增长(%)" {
		t.Errorf("ColumnLabel = %q", leaf)
	}
}

func TestShapeOrdinalColumnAndBands(t *testing.T) {
	rows := [][]string{
		{"序号", "指标", "目标值", "责任单位"},
		{"1", "新设企业数", "1.6万户", "区市场监管局"},
		{"2", "企业开办全程网办率", "99%", "区行政服务中心"},
	}
	s := Analyze(rows, HeaderRows(rows))
	if !cmp.Equal(s.LabelCols, []int{1}) || !cmp.Equal(s.ValueCols, []int{2}) {
		t.Errorf("ordinal column: labels %v, values %v", s.LabelCols, s.ValueCols)
	}

	active := [][]string{
		{"第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项", "第二十条第（一）项"},
		{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
		{"规章", "1", "0", "11"},
		{"第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项"},
		{"信息内容", "本年处理决定数量", "本年处理决定数量", "本年处理决定数量"},
		{"行政许可", "447228", "447228", "447228"},
	}
	s = Analyze(active, HeaderRows(active))
	if s.Kinds[3] != RowBand || s.Kinds[4] != RowHeading || s.Kinds[5] != RowData {
		t.Errorf("kinds %v", s.Kinds)
	}
	if _, leaf := s.ColumnLabel(2, 2); leaf != "本年废止件数" {
		t.Errorf("ColumnLabel(规章, 2) = %q", leaf)
	}
	if _, leaf := s.ColumnLabel(5, 1); leaf != "本年处理决定数量" {
		t.Errorf("ColumnLabel(行政许可, 1) = %q", leaf)
	}
	if s.Duplicate(5, 1) || !s.Duplicate(5, 2) || !s.Duplicate(5, 3) {
		t.Errorf("a figure merged across three columns is one figure")
	}
}

func TestAnnotate(t *testing.T) {
	tb := Table{Rows: [][]string{{"产品", "产量（万吨）", "比上年增长(%)"}, {"粮食", "52.36", "1.8"}}}
	Annotate(&tb, []string{"二、农业", "表1 主要农产品产量"}, isUnit)
	if tb.Caption != "表1 主要农产品产量" || tb.HeaderRows != 1 || tb.Unit != "" {
		t.Errorf("got caption %q, header rows %d, unit %q", tb.Caption, tb.HeaderRows, tb.Unit)
	}
	tb = Table{Rows: [][]string{{"产品", "产量（万吨）"}, {"粮食", "52.36"}}}
	Annotate(&tb, nil, isUnit)
	if tb.Unit != "万吨" {
		t.Errorf("unit of a table whose figure columns share one: %q", tb.Unit)
	}
	tb = Table{Caption: "财政收支（单位：万元）", Rows: [][]string{{"项目", "金额"}, {"收入", "5"}}}
	Annotate(&tb, nil, isUnit)
	if tb.Caption != "财政收支" || tb.Unit != "万元" {
		t.Errorf("caption %q unit %q", tb.Caption, tb.Unit)
	}
}

func TestLocate(t *testing.T) {
	text := "前言。\n表1\n产品\t产量\n粮食\t52.36\n\n油料\t0.85\n说明：数据为快报数。"
	rows := [][]string{{"产品", "产量"}, {"", ""}, {"粮食", "52.36"}, {"油料", "0.85"}}
	start := strings.Index(text, "产品")
	lines, end := Locate(text, start, rows)
	got := []string{}
	for _, l := range lines {
		if l.Start < 0 {
			got = append(got, "-")
			continue
		}
		got = append(got, text[l.Start:l.End])
	}
	if diff := cmp.Diff([]string{"产品\t产量", "-", "粮食\t52.36", "油料\t0.85"}, got); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if text[end:] != "\n说明：数据为快报数。" {
		t.Errorf("end at %q", text[end:])
	}
	s, e := CellSpan(text, lines[3], rows[3], 1)
	if text[s:e] != "0.85" {
		t.Errorf("CellSpan = %q", text[s:e])
	}
	if _, end := Locate(text, strings.Index(text, "说明"), rows); end != strings.Index(text, "说明") {
		t.Errorf("a table whose rows are not there ends where it starts")
	}
}

func TestIsFigure(t *testing.T) {
	for _, s := range []string{"3001", "-5.7", "+7.6%", "1,234.5", "６,２４０", "1.6万户", "98.9%", "6.48‰", "0", "3.2个百分点", "45元/人"} {
		if !IsFigure(s) {
			t.Errorf("IsFigure(%q) = false", s)
		}
	}
	for _, s := range []string{"", "/", "自然人", "1.属于国家秘密", "2、重复申请", "2024年", "2024", "1）", "3.危及“三安全一稳定”"} {
		if IsFigure(s) {
			t.Errorf("IsFigure(%q) = true", s)
		}
	}
}

func TestAnnotateUnitOfBands(t *testing.T) {
	tb := Table{Rows: [][]string{
		{"第二十条第（五）项", "第二十条第（五）项"},
		{"信息内容", "本年处理决定数量"},
		{"行政许可", "10726"},
		{"第二十条第（八）项", "第二十条第（八）项"},
		{"信息内容", "本年收费金额（单位：万元）"},
		{"行政事业性收费", "8520.3"},
	}}
	Annotate(&tb, nil, isUnit)
	if tb.Unit != "" {
		t.Errorf("a unit of one band is no unit of the table: %q", tb.Unit)
	}
}

func TestFind(t *testing.T) {
	text := "前言：粮食\t52.36\n表1\n产品\t产量\n粮食\t52.36\n油料\t0.85\n完。"
	rows := [][]string{{"产品", "产量"}, {"粮食", "52.36"}, {"油料", "0.85"}}
	if got, want := Find(text, 0, rows), strings.Index(text, "产品"); got != want {
		t.Errorf("Find = %d, want %d", got, want)
	}
	if got := Find(text, strings.Index(text, "完"), rows); got != -1 {
		t.Errorf("Find after the table = %d, want -1", got)
	}
}

func TestSubRowParents(t *testing.T) {
	rows := [][]string{
		{"产品名称", "产量（万吨）", "比上年增长（%）"},
		{"粮食", "902.61", "-3.2"},
		{"其中：夏粮", "508.58", "-8.6"},
		{"秋粮", "394.03", "4.8"},
		{"其中：谷物", "874.82", "-3.3"},
		{"#小麦", "508.58", "-8.6"},
		{"油料", "56.43", "6.8"},
		{"其中：花生", "50.65", "7.5"},
	}
	s := Analyze(rows, 1)
	for r, want := range map[int]string{2: "粮食/夏粮", 3: "粮食/秋粮", 4: "粮食/谷物", 5: "粮食/小麦", 6: "油料", 7: "油料/花生"} {
		parents, leaf := s.RowLabel(r)
		if got := strings.Join(append(parents, leaf), "/"); got != want {
			t.Errorf("row %d: %s, want %s", r, got, want)
		}
	}
}

func TestSubRowGroups(t *testing.T) {
	rows := [][]string{
		{"指标", "年末数（万人）", "比重（%）"},
		{"全市常住人口", "866.60", ""},
		{"其中：城镇", "392.66", "45.31"},
		{"乡村", "473.94", "54.69"},
		{"其中：男性", "428.20", "49.41"},
		{"女性", "438.40", "50.59"},
		{"其中：0-15岁", "212.60", "24.53"},
		{"16-59岁", "463.10", "53.44"},
		{"60周岁及以上", "190.90", "22.03"},
		{"其中：65周岁及以上", "146.80", "16.94"},
		{"出生人口", "5.2", ""},
	}
	s := Analyze(rows, 1)
	want := map[int]string{2: "全市常住人口/城镇", 3: "全市常住人口/乡村", 4: "全市常住人口/男性", 5: "全市常住人口/女性",
		6: "全市常住人口/0-15岁", 7: "全市常住人口/16-59岁", 8: "全市常住人口/60周岁及以上",
		9: "全市常住人口/60周岁及以上/65周岁及以上", 10: "出生人口"}
	for r, w := range want {
		parents, leaf := s.RowLabel(r)
		if got := strings.Join(append(parents, leaf), "/"); got != w {
			t.Errorf("row %d: %s, want %s", r, got, w)
		}
	}
}

func TestSubRowOtherUnit(t *testing.T) {
	rows := [][]string{
		{"指标", "单位", "绝对数"},
		{"公路总里程", "万公里", "11.43"},
		{"其中：高速公路", "公里", "6,240"},
	}
	s := Analyze(rows, 1)
	if parents, leaf := s.RowLabel(2); strings.Join(append(parents, leaf), "/") != "公路总里程/高速公路" {
		t.Errorf("row in another unit: %q %q", parents, leaf)
	}
}

func TestSubRowOfTheTotal(t *testing.T) {
	rows := [][]string{
		{"指标", "比上年增长（%）"},
		{"规模以上工业增加值", "5.0"},
		{"在总计中：轻工业", "0.2"},
		{"重工业", "11.2"},
		{"在总计中：国有企业", "-2.0"},
	}
	s := Analyze(rows, 1)
	if parents, leaf := s.RowLabel(4); strings.Join(append(parents, leaf), "/") != "规模以上工业增加值/国有企业" {
		t.Errorf("在总计中 row: %q %q", parents, leaf)
	}
}
