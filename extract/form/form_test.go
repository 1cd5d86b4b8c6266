package form

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/extract/table"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（二）部分公开（区分处理的，只计这一情 形，不计其他情形）", "部分公开区分处理的只计这一情形不计其他情形"},
		{"2.其他法律行政止公开", "其他法律行政止公开"},
		{"1、申请人无正当理由逾期不补正", "申请人无正当理由逾期不补正"},
		{"3.危及“三安全一稳定”", "危及三安全一稳定"},
		{"三、本年度办理结果", "本年度办理结果"},
		{"结 果 维 持", "结果维持"},
		{"本年收费金额（单位：万元）", "本年收费金额单位万元"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b        string
		atLeast     float64
		lessThan    float64
		whatItMeans string
	}{
		{"其他法律行政止公开", "其他法律行政法规禁止公开", threshold, 1, "a misprint finds its label"},
		{"其他法律行政止公开", "其他", 0, 0.8, "but a short label inside it scores lower"},
		{"行政复议结果维持", "结果维持", threshold, 1, "a label inside a longer one"},
		{"部分公开区分处理的只计这一情", "部分公开区分处理的只计这一情形不计其他情形", threshold, 1, "half a label split over two lines"},
		{"予以公开", "部分公开区分处理的只计这一情形不计其他情形", 0, threshold, "different labels"},
		{"其他处理", "其他", 0, 1, "the single 2019 row is closer to itself"},
	}
	for _, tt := range tests {
		s := similarity(Fold(tt.a), Fold(tt.b))
		if s < tt.atLeast || s >= tt.lessThan {
			t.Errorf("similarity(%q, %q) = %.3f, want in [%.2f, %.2f): %s", tt.a, tt.b, s, tt.atLeast, tt.lessThan, tt.whatItMeans)
		}
	}
}

func TestLayouts(t *testing.T) {
	ls := Layouts()
	if len(ls) == 0 {
		t.Fatal("no layouts")
	}
	var l *Layout
	for _, x := range ls {
		if x.Form == "xxgk-annual-report" {
			l = x
		}
	}
	if l == nil {
		t.Fatal("no xxgk-annual-report layout")
	}
	prefixes := map[string]int{}
	for _, k := range l.Keys {
		prefixes[strings.SplitN(k, ".", 2)[0]]++
	}
	if len(l.Keys) != 200 || prefixes["active"] != 10 || prefixes["requests"] != 175 ||
		prefixes["review"]+prefixes["suit_direct"]+prefixes["suit_after_review"] != 15 {
		t.Errorf("keys: %d (%v), want 200: 10 active, 175 requests, 15 review and suit", len(l.Keys), prefixes)
	}
	if len(l.Checks) != 7+7+25+3 {
		t.Errorf("%d checks, want 42", len(l.Checks))
	}
}

func TestParseLayoutErrors(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"no form", "[cells]\nkey\trow\tcolumn\na\tb\tc\n", "no form name"},
		{"unknown section", "form\tx\n[rows]\nkey\n", "unknown section"},
		{"check of an unknown key", "form\tx\n[cells]\nkey\trow\tcolumn\na\tr\tc\n[checks]\ncheck\tleft\tright\nc\ta\tb\n", "unknown key b"},
		{"cell without label", "form\tx\n[cells]\nkey\trow\tcolumn\na\t\t\n", "needs a key and a label"},
	}
	for _, tt := range tests {
		if _, err := parseLayout(tt.raw); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// grid builds a table from lines of tab-separated cells.
func grid(s string) table.Table {
	var rows [][]string
	width := 0
	for _, line := range strings.Split(strings.Trim(s, "\n"), "\n") {
		row := strings.Split(line, "\t")
		width = max(width, len(row))
		rows = append(rows, row)
	}
	for i := range rows {
		for len(rows[i]) < width {
			rows[i] = append(rows[i], "")
		}
	}
	return table.Table{Rows: rows, HeaderRows: table.HeaderRows(rows)}
}

const requestsHead = "\t\t申请人情况\t申请人情况\t申请人情况\t申请人情况\t申请人情况\t申请人情况\t申请人情况\n" +
	"\t\t自然人\t法人或其他组织\t法人或其他组织\t法人或其他组织\t法人或其他组织\t法人或其他组织\t总计\n" +
	"\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"

// TestReadPDFLikeTables reads tables as a reader of PDF positions may
// build them: a group label set one character a line down its column, a
// label split over two lines with the figures between its halves, table
// 三 continued on the next page without its header, and table 四 whose
// group headings stand over one column only.
func TestReadPDFLikeTables(t *testing.T) {
	requests := grid(requestsHead +
		"一、本年新收政府信息公开申请数量\t\t21\t0\t0\t0\t0\t0\t21\n" +
		"二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\n" +
		"\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n" +
		"三\t（二）部分公开（区分处理的，只计这一情\t\t\t\t\t\t\t\n" +
		"\t\t4\t0\t0\t0\t0\t0\t4\n" +
		"本\t形，不计其他情形）\t\t\t\t\t\t\t\n" +
		"年\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n" +
		"度\t2.其他法律行政止公开\t0\t0\t0\t0\t0\t0\t0\n" +
		"\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n" +
		"\t4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0\n" +
		"\t5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n" +
		"\t6.属于四类过程性信息\t1\t0\t0\t0\t0\t0\t1\n" +
		"\t7.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t1\n" +
		"\t8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n" +
		"（四）无法提供\t1.本机关不掌握相关政府信息\t10\t0\t0\t0\t0\t0\t10\n")
	continued := grid(
		"（四）无法提供\t2.没有现成信息需要另行制作\t3\t0\t0\t0\t0\t0\t3\n" +
			"\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0\n" +
			"\t1.信访举报投诉类申请\t1\t0\t0\t0\t0\t0\t1\n" +
			"\t2.重复申请\t0\t0\t0\t0\t0\t0\t0\n" +
			"（五）不予处理\t3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0\n" +
			"\t4.无正当理由大量反复 申请\t0\t0\t0\t0\t0\t0\t0\n" +
			"\t5.要求行政机关确认或重 新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n" +
			"\t（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n" +
			"\t（七）总计\t21\t0\t0\t0\t0\t0\t21\n" +
			"四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0\n")
	review := grid("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t\n" +
		"\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t\n" +
		"结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n" +
		"10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0\n")
	forms := Recognise([]table.Table{requests, continued, review})
	if len(forms) != 1 {
		t.Fatalf("got %d forms", len(forms))
	}
	f := forms[0]
	want := map[string]float64{
		"requests.new.total": 21, "requests.partly_granted.natural": 4, "requests.partly_granted.total": 4,
		"requests.withheld.state_secret.natural": 1, "requests.withheld.prohibited.natural": 0,
		"requests.withheld.process.total": 1, "requests.unable.not_held.natural": 10,
		"requests.unable.needs_creation.total": 3, "requests.rejected.petition.natural": 1,
		"requests.rejected.excessive.total": 0, "requests.other.other.total": 0, "requests.other.no_fee.total": 0,
		"requests.result_total.natural": 21, "requests.carried_forward.total": 0,
		"review.upheld": 10, "review.corrected": 1, "review.total": 0,
		"suit_after_review.upheld": 5, "suit_after_review.total": 0,
	}
	for k, v := range want {
		if got, ok := f.Values[k]; !ok || got != v {
			t.Errorf("%s = %v (present %v), want %v", k, got, ok, v)
		}
	}
	if len(f.Values) != 190 {
		t.Errorf("%d values, want 190 (no table 二)", len(f.Values))
	}
	var failed []string
	for _, c := range f.Checks {
		if !c.OK {
			failed = append(failed, fmt.Sprintf("%s: %v ≠ %v", c.Check, *c.Left, *c.Right))
		}
	}
	sort.Strings(failed)
	wantFailed := []string{"review.total = sum of parts: 0 ≠ 11", "suit_after_review.total = sum of parts: 0 ≠ 5"}
	if strings.Join(failed, "; ") != strings.Join(wantFailed, "; ") {
		t.Errorf("failed checks %q, want %q", failed, wantFailed)
	}
	if f.Cells["requests.unable.needs_creation.natural"] != [3]int{1, 0, 2} {
		t.Errorf("cell of needs_creation.natural: %v", f.Cells["requests.unable.needs_creation.natural"])
	}
}

func TestCheckProse(t *testing.T) {
	f := Form{Form: "xxgk-annual-report", Values: map[string]float64{"requests.new.total": 95, "review.total": 3}}
	f.CheckProse([]Prose{
		{Name: "区政府办代表区政府受理政府信息公开申请", Value: 17, Unit: "件", Text: "17件"},
		{Name: "政府信息公开申请较上年增加", Value: 5, Unit: "件", Text: "5件"},
		{Name: "被申请行政复议", Value: 3, Unit: "件", Text: "3件"},
	})
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], "requests.new.total: the text says 17件") {
		t.Errorf("warnings %q", f.Warnings)
	}
}

func TestNotAForm(t *testing.T) {
	stats := grid("产品\t产量（万吨）\t比上年增长（%）\n粮食\t64.12\t1.8\n其他\t3.2\t-1.0\n总计\t67.3\t1.6\n")
	if forms := Recognise([]table.Table{stats}); len(forms) != 0 {
		t.Errorf("a statistics table read as %+v", forms)
	}
}

func FuzzRecognise(f *testing.F) {
	f.Add(requestsHead + "一、本年新收政府信息公开申请数量\t\t21\t0\t0\t0\t0\t0\t21\n")
	f.Add("行政复议\t行政诉讼\n结果维持\t总计\n1\t/\n")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4000 {
			return
		}
		tb := grid(s)
		for _, fm := range Recognise([]table.Table{tb, tb}) {
			for key, c := range fm.Cells {
				if c[0] > 1 || c[1] >= len(tb.Rows) || c[2] >= len(tb.Rows[0]) {
					t.Errorf("%s points outside the tables: %v", key, c)
				}
			}
		}
	})
}

func ExampleRecognise() {
	t := table.Table{Rows: [][]string{
		{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
		{"规章", "1", "0", "11"},
		{"行政规范性文件", "8", "26", "66"},
	}, HeaderRows: 1}
	fees := table.Table{Rows: [][]string{
		{"信息内容", "本年收费金额（单位：万元）"},
		{"行政事业性收费", "96171.6"},
	}, HeaderRows: 1}
	review := table.Table{Rows: [][]string{
		{"行政复议", "行政复议", "行政复议", "行政复议", "行政复议"},
		{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"},
		{"72", "64", "178", "37", "351"},
	}, HeaderRows: 2}
	for _, f := range Recognise([]table.Table{t, fees, review}) {
		fmt.Println(f.Form, f.Edition, len(f.Values), "values")
		fmt.Println("active.normative.repealed =", f.Values["active.normative.repealed"])
		fmt.Println("active.fees.amount =", f.Values["active.fees.amount"])
		for _, c := range f.Checks {
			fmt.Println(c.Check, c.OK)
		}
	}
	// Output:
	// xxgk-annual-report 2021 12 values
	// active.normative.repealed = 26
	// active.fees.amount = 9.61716e+08
	// review.total = sum of parts true
}

// BenchmarkRecognise reads table 三 of a report (25 rows of 7 figures).
func BenchmarkRecognise(b *testing.B) {
	var s strings.Builder
	s.WriteString(requestsHead)
	for i := range 25 {
		fmt.Fprintf(&s, "第%d行\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n", i)
	}
	tb := grid(s.String())
	for b.Loop() {
		Recognise([]table.Table{tb})
	}
}
