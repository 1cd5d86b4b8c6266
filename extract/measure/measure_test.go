package measure

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// example turns a text whose figures are marked ([] others, {} the one
// asked about) into the plain text, its figures and the index of the one.
func example(t *testing.T, s string) (string, []Figure, int) {
	t.Helper()
	var b strings.Builder
	var figs []Figure
	at := -1
	for i := 0; i < len(s); {
		switch s[i] {
		case '[', '{':
			closer := map[byte]byte{'[': ']', '{': '}'}[s[i]]
			j := strings.IndexByte(s[i:], closer)
			if j < 0 {
				t.Fatalf("unclosed %c in %q", s[i], s)
			}
			fig := s[i+1 : i+j]
			if s[i] == '{' {
				at = len(figs)
			}
			f := Figure{Start: b.Len(), Unit: unitOf(fig), Rank: strings.HasPrefix(fig, "第")}
			b.WriteString(fig)
			f.End = b.Len()
			figs = append(figs, f)
			i += j + 1
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	if at < 0 {
		t.Fatalf("no {figure} in %q", s)
	}
	return b.String(), figs, at
}

var unitRE = regexp.MustCompile(`^[-－]?[0-9.,]+[万亿]?(.*)$`)

func unitOf(fig string) string {
	if m := unitRE.FindStringSubmatch(fig); m != nil {
		return m[1]
	}
	return ""
}

func read(t *testing.T, s, name string, headings []string, year int) Reading {
	t.Helper()
	text, figs, at := example(t, s)
	figs[at].Name, figs[at].Headings = name, headings
	return Read(text, figs, year)[at]
}

// TestRules walks the rule tables: each rule's example gives what it says,
// and the package documentation lists every rule with its example.
func TestRules(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, rules := range [][]rule{changeRules, targetRules} {
		for _, r := range rules {
			got := read(t, r.example, r.fname, r.headings, 0)
			if got.String() != r.want {
				t.Errorf("rule %s: %q reads %q (by %s), want %q", r.name, r.example, got, got.Rule, r.want)
			}
			if !strings.HasPrefix(got.Rule, r.name) && !strings.HasSuffix(got.Rule, r.name) {
				t.Errorf("rule %s: %q was read by %s", r.name, r.example, got.Rule)
			}
			if !strings.Contains(string(doc), "- "+r.name+":") {
				t.Errorf("rule %s is not in the package documentation", r.name)
			}
			if !strings.Contains(strings.ReplaceAll(string(doc), "\n//     ", ""), strings.Split(r.example, "\t")[0]) {
				t.Errorf("rule %s: example %q is not in the package documentation", r.name, r.example)
			}
		}
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		text, name string
		year       int
		want       string
	}{
		// levels
		{"全市地区生产总值完成{3268.4亿元}", "", 0, "level"},
		{"一般公共预算收入{218.7亿元}，增长4.3%", "", 0, "level"},
		{"其中税收占比{71.2%}", "", 0, "level"},
		{"人均地区生产总值突破{8万元}", "", 0, "level"},
		{"企业开办时间压缩至{0.5个工作日}", "", 0, "level"},
		{"国省考断面水质优良比例保持{100%}", "", 0, "level"},
		{"粮食总产量稳定在{312.4万吨}", "", 0, "level"},
		{"新增学位{3.2万个}", "", 0, "level"},
		{"规模以上工业增加值{1120亿元}", "", 0, "level"},
		{"人口自然增长率{-0.7‰}", "", 0, "level"},
		{"城乡居民人均可支配收入分别达到[48615元]和{24930元}", "", 0, "level"},
		{"行政复议纠错率{16.2%}，比上年下降[1.4个百分点]", "", 0, "level"},
		{"减少群众提交纸质材料{3000份}", "", 0, "level"},
		{"账号由去年的[53个]精简至{29个}", "", 2024, "level"},
		{"研发投入强度由2020年的[1.8%]提高到{2.3%}", "", 0, "level"},
		{"年度计划完成率{118.5%}", "", 0, "level"},
		// changes
		{"同比增长{5.6%}", "", 0, "change up 上年同期"},
		{"一般公共预算收入[218.7亿元]，增长{4.3%}", "", 0, "change up"},
		{"固定资产投资下降{2.1%}", "", 0, "change down"},
		{"行政复议纠错率[16.2%]，比上年下降{1.4个百分点}", "", 0, "change down 上年"},
		{"常住人口[40.8万人]，比上年末增加{0.3万人}", "", 0, "change up 上年末"},
		{"全社会研发经费投入强度达到[2.35%]，提高{0.18个百分点}", "", 0, "change up"},
		{"地区生产总值[3268.4亿元]，同比增长[5.6%]，高于全省平均水平{0.4个百分点}", "", 0, "change up 全省平均水平"},
		{"申请数量较2022年上升{29.3%}", "", 0, "change up 2022年"},
		{"增幅为{4.6%}", "", 0, "change up"},
		{"居民消费价格涨幅{3%}左右", "", 0, "change up"},
		{"增长{-1.5%}", "", 0, "change up"},
		{"审批用时较上年缩短{2个工作日}", "", 0, "change down 上年"},
		{"较去年同期下降{3%}", "", 0, "change down 上年同期"},
		{"环比下降{0.2%}", "", 0, "change down 上期"},
		{"与上年相比，出口增长{8%}", "", 0, "change up 上年"},
		{"出口和进口分别增长[4.2%]和{1.3%}", "", 0, "change up"},
		{"比上年减少{12件}", "", 0, "change down 上年"},
		{"一般公共预算收入[15.39亿元]，比上年决算数[14.94亿元]增长{3.0%}", "", 0, "change up 上年决算数"},
		{"完成[12.4亿元]，比年初预算数增长{1.5%}", "", 0, "change up 年初预算"},
		{"较调整预算增长{0.6%}", "", 0, "change up 调整预算"},
		{"实际完成[8863万元]，比预算数增加{8863万元}", "", 0, "change up 预算数"},
		{"一般公共预算收入[4.6亿元]，比上年决算数增长{2.7%}", "", 0, "change up 上年决算数"},
		{"基本支出比年初预算增加{85.3万元}", "", 0, "change up 年初预算"},
		{"支出决算比调整预算数减少{1.9%}", "", 0, "change down 调整预算"},
		{"税收收入比上年同口径增长{3.2%}", "", 0, "change up 上年同口径"},
		{"财政拨款收入比2024年预算执行数增加{1250.3万元}", "", 0, "change up 2024年预算执行数"},
		{"支出预算比2023年预算减少{86.5万元}", "", 0, "change down 2023年预算"},
		{"收入支出总计较2023年度增加{120.6万元}", "", 0, "change up 2023年"},
		{"赤字规模比上年年初预算增加{1200亿元}", "", 0, "change up 上年年初预算"},
		{"增速比前三季度加快{0.5个百分点}", "", 0, "change up 前三季度"},
		{"高技术制造业增加值增长[7.4%]，占规模以上工业增加值的比重为{71.6%}", "", 0, "level"},
		// baselines
		{"地区生产总值由2017年的{1,856亿元}增加到[2,376亿元]", "", 0, "baseline 2017"},
		{"账号由去年的{53个}精简至[29个]", "", 2024, "baseline 2023"},
		// targets
		{"主要预期目标是：地区生产总值增长6%左右；城镇新增就业{5万人}以上", "", 0, "level target"},
		{"2025年主要预期目标是：地区生产总值增长{6%}左右", "", 0, "change up target 2025"},
		{"城镇调查失业率控制在{5.5%}以内", "", 0, "level target"},
		{"群众满意率不低于{90%}", "", 0, "level target"},
		{"审批时限已控制在{3个工作日}以内", "", 0, "level"},
		{"力争到2027年研发投入强度达到{3%}", "", 2024, "level target 2027"},
		{"到2024年底，全市累计建成{5G基站2875个}", "", 2024, "level"},
		{"计划投资{50亿元}，实际完成[52亿元]", "", 0, "level target"},
		{"计划投资[50亿元]，实际完成{52亿元}", "", 0, "level"},
		{"学生营养改善计划惠及{1.2万人}", "", 0, "level"},
		{"完成年度目标的{105%}", "", 0, "level"},
	}
	for _, tt := range tests {
		got := read(t, tt.text, tt.name, nil, tt.year)
		if got.String() != tt.want {
			t.Errorf("%q: got %q (by %s), want %q", tt.text, got, got.Rule, tt.want)
		}
	}
}

func TestOf(t *testing.T) {
	tests := []struct{ name, want string }{
		{"地区生产总值", "地区生产总值"},
		{"生产总值", "地区生产总值"},
		{"全市生产总值", "地区生产总值"},
		{"地区生产总值增长", "地区生产总值"},
		{"地区生产总值同比增长", "地区生产总值"},
		{"地区生产总值增长目标", "地区生产总值"},
		{"国内生产总值", "地区生产总值"},
		{"GDP", "地区生产总值"},
		{"ＧＤＰ", "地区生产总值"},
		{"地区生产总值（GDP）", "地区生产总值"},
		{"人均地区生产总值", "人均地区生产总值"},
		{"人均GDP", "人均地区生产总值"},
		{"人均地区生产总值增长", "人均地区生产总值"},
		{"行政复议纠错率", "纠错率"},
		{"纠错率下降", "纠错率"},
		{"常住人口比上年末增加", "常住人口"},
		{"一般公共预算收入比上年决算数增长", "一般公共预算收入"},
		{"城镇化率提高", "常住人口城镇化率"},
		{"民生支出占一般公共预算支出", "民生支出占一般公共预算支出比重"},
		{"民生支出", "民生支出"},
		{"细颗粒物（PM2.5）平均浓度", "PM2.5平均浓度"},
		{"2025年一般公共预算收入安排", "一般公共预算收入"},
		{"居民消费价格涨幅", "居民消费价格"},
		{"办理行政复议案件", "办理行政复议案件"},
		{"新收行政复议案件", "新收行政复议案件"},
		{"规模以上工业增加值增长", "规模以上工业增加值"},
		// not measures of the vocabulary
		{"增长", ""},
		{"满意率", ""},
		{"数字经济核心产业增加值", ""},
		{"规模以上工业企业营业收入利润率", ""},
	}
	for _, tt := range tests {
		if got := Of(tt.name); got != tt.want {
			t.Errorf("Of(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestVocabulary(t *testing.T) {
	if _, err := parse(measuresTSV, wordsTSV); err != nil {
		t.Fatal(err)
	}
	for _, m := range Vocabulary() {
		if m.Example == "" {
			t.Errorf("%s has no example", m.Name)
		}
		if got := Of(m.Name); got != m.Name {
			t.Errorf("Of(%q) = %q: the canonical name must map to itself", m.Name, got)
		}
		for _, s := range m.Synonyms {
			if got := Of(s); got != m.Name {
				t.Errorf("Of(%q) = %q, want %q", s, got, m.Name)
			}
		}
	}
}

func TestUnitFits(t *testing.T) {
	tests := []struct {
		unit, want string
		ok         bool
	}{
		{"元", "元", true}, {"美元", "元", true}, {"％", "%", true}, {"亩", "公顷", true},
		{"%", "元", false}, {"件", "%", false}, {"人次", "人", false}, {"件", "", true},
	}
	for _, tt := range tests {
		if got := UnitFits(tt.unit, tt.want); got != tt.ok {
			t.Errorf("UnitFits(%q, %q) = %v", tt.unit, tt.want, got)
		}
	}
}

func TestHeadingChange(t *testing.T) {
	tests := []struct {
		heading string
		base    string
		ok      bool
	}{
		{"比上年增长（%）", "上年", true},
		{"比上年增长(%)", "上年", true},
		{"增速（%）", "", true},
		{"同比增长%", "上年同期", true},
		{"比上年末增减（万人）", "上年末", true},
		{"比上年决算数增长（%）", "上年决算数", true},
		{"增长率（%）", "", true},
		{"产量（万吨）", "", false},
		{"增加值（亿元）", "", false},
		{"比重（%）", "", false},
		{"指数（以上年为100）", "", false},
	}
	for _, tt := range tests {
		base, ok := HeadingChange(tt.heading)
		if base != tt.base || ok != tt.ok {
			t.Errorf("HeadingChange(%q) = %q, %v; want %q, %v", tt.heading, base, ok, tt.base, tt.ok)
		}
	}
}
