package date

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/docnum"
	"github.com/gongwen/gongwen/extract/internal/fold"
	"github.com/gongwen/gongwen/extract/internal/spantest"
)

// numbers returns the spans of the document numbers of text, which extract
// passes to Find.
func numbers(text string) [][2]int {
	var out [][2]int
	for _, n := range docnum.Find(text) {
		out = append(out, [2]int{n.Start, n.End})
	}
	return out
}

// want is the expected value and role of one marked date.
type want struct {
	value string
	role  string
}

// body is a long paragraph: a date line followed by it is not at the end of
// the document.
var body = strings.Repeat("一是深入学习贯彻习近平法治思想,举办专题培训班12期。", 10)

func TestFind(t *testing.T) {
	m := func(v string) want { return want{v, Mentioned} }
	tests := []struct {
		name string
		in   string // expected dates marked with ⟦ ⟧
		want []want
	}{
		// Forms.
		{"ISO date", "统计期限截至⟦2025-01-17⟧。", []want{m("2025-01-17")}},
		{"slashes without zero padding", "于⟦2025/1/17⟧召开", []want{m("2025-01-17")}},
		{"dots with zero padding", "评查结果于⟦2025.01.07⟧通报", []want{m("2025-01-07")}},
		{"dots without zero padding", "清理结果于⟦2024.12.2⟧公布", []want{m("2024-12-02")}},
		{"dotted date before a full stop", "清理结果公布于⟦2024.12.20⟧.下一步", []want{m("2024-12-20")}},
		{"年月日", "该条例于⟦2024年9月27日⟧经省人大常委会批准", []want{m("2024-09-27")}},
		{"年月日 zero-padded", "⟦2025年01月07日⟧召开推进会", []want{m("2025-01-07")}},
		{"spaces between the parts", "统计期限为⟦2023 年 1 月 1 日⟧起", []want{m("2023-01-01")}},
		{"ideographic spaces between the parts", "⟦2023\u3000年\u30001\u3000月\u30001\u3000日⟧起", []want{m("2023-01-01")}},
		{"a line break after the year (PDF text)", "统计期限为 ⟦2025\n年 1 月 1 日⟧至 12 月 31 日。", []want{m("2025-01-01")}},
		{"a line break before the day (PDF text)", "统计期限为⟦2024 年 1 月 1 日⟧至⟦2024 年 12 月\r\n31 日⟧。", []want{m("2024-01-01"), m("2024-12-31")}},
		{"two line breaks are no date", "2024年\n1月\n1日", nil},
		{"full-width digits", "于⟦２０２５年１月１７日⟧印发", []want{m("2025-01-17")}},
		{"full-width digits and separators", "更新于⟦２０２５－０１－１７⟧。", []want{m("2025-01-17")}},
		{"号 instead of 日", "定于⟦2025年3月5号⟧开会", []want{m("2025-03-05")}},
		{"Chinese numerals with 〇", "自⟦二〇二五年一月一日⟧起施行", []want{m("2025-01-01")}},
		{"Chinese numerals with ○", "自⟦二○二四年十二月三十一日⟧起", []want{m("2024-12-31")}},
		{"Chinese numerals with Latin O", "会议于⟦二O二三年五月二十日⟧召开", []want{m("2023-05-20")}},
		{"Chinese numerals with full-width O", "会议于⟦二Ｏ二三年六月十日⟧召开", []want{m("2023-06-10")}},
		{"Chinese numerals with 零", "会议于⟦二零二二年十一月二十七日⟧召开", []want{m("2022-11-27")}},
		{"Chinese numerals in the last century", "⟦一九四九年十月一日⟧,中华人民共和国成立", []want{m("1949-10-01")}},
		{"day 廿", "于⟦二〇二一年二月廿八日⟧通过", []want{m("2021-02-28")}},
		{"元月 is January", "⟦2020年元月15日⟧起施行", []want{m("2020-01-15")}},
		{"time after the date stays outside Text", "发布于 ⟦2019-09-18⟧ 06:23", []want{{"2019-09-18", Published}}},
		{"date at the very start of the text", "⟦2025-06-30⟧ 更新", []want{m("2025-06-30")}},

		// Several dates and ranges.
		{"range 至 with a year-less end", "本年度报告中所列数据统计期限为⟦2023年1月1日⟧至12月31日。", []want{m("2023-01-01")}},
		{"range 至 with two full dates", "⟦2024年7月1日⟧至⟦2024年8月31日⟧,开展法治督察", []want{m("2024-07-01"), m("2024-08-31")}},
		{"range with a hyphen between dotted dates", "专项整治期间为⟦2024.1.1⟧-⟦2024.12.31⟧", []want{m("2024-01-01"), m("2024-12-31")}},
		{"date after a document number", "驻政文〔2025〕3号⟦2025年1月17日⟧印发", []want{m("2025-01-17")}},
		{"arbitration case number before a date", "(20)湛仲字第2号时间：⟦2025年3月20日⟧", []want{m("2025-03-20")}},

		// Not dates.
		{"year only", "2024年,在市委的坚强领导下", nil},
		{"year and month only", "2024年5月召开会议", nil},
		{"month and day without year", "12月31日前完成", nil},
		{"festival day", "开展“5·12”防灾减灾日宣传", nil},
		{"plan period", "《法治政府建设实施纲要(2021—2025年)》", nil},
		{"plan period with a hyphen", "《法治政府建设实施纲要(2015-2020年)》", nil},
		{"索引号", "索 引 号 | 059422325-0481-2025-00250 | 主题分类 |", nil},
		{"索引号 with a slash", "信息索引号 001008001003040/2025-20657 文件编号", nil},
		{"date path in a URL", "https://www.linping.gov.cn/art/2025/3/21/art_1229621787_4338931.html", nil},
		{"digits glued to the year", "编号12025年1月1日", nil},
		{"digits glued to the day", "2025-01-170", nil},
		{"Chinese digits glued to the year", "第十二〇二五年一月一日", nil},
		{"Chinese numeral before an Arabic date", "统一⟦2025年1月1日⟧起执行", []want{m("2025-01-01")}},
		{"dotted version number", "版本1.2025.1.5", nil},
		{"mixed separators", "2025-01/17", nil},
		{"document number", "国发〔2024〕1号", nil},
		{"February 30", "2025年2月30日", nil},
		{"month 13", "2025-13-01", nil},
		{"day 32", "2025年1月32日", nil},
		{"February 29 in a common year", "2023年2月29日", nil},
		{"February 29 in 1900", "1900年2月29日", nil},
		{"year before 1900", "1899年1月1日", nil},
		{"year after 2100", "2101-01-01", nil},
		{"year of a Chinese-numeral plan", "二〇二四年度工作要点", nil},
		{"three-digit month", "2025-001-01", nil},
		{"lunar date", "农历十月初七", nil},
		{"February 29 in a leap year", "⟦2024年2月29日⟧召开", []want{m("2024-02-29")}},
		{"February 29 in 2000", "截至⟦2000-02-29⟧", []want{m("2000-02-29")}},

		// Roles from labels.
		{"成文日期 table cell", "成文日期 | ⟦2025-06-13⟧ | 发布日期 | ⟦2025-06-30⟧ |",
			[]want{{"2025-06-13", Signed}, {"2025-06-30", Published}}},
		{"成文日期 with tabs", "成文日期\t⟦2025-03-21⟧\t公开时限\t长期公开", []want{{"2025-03-21", Signed}}},
		{"spaced-out label", "成 文 日 期 ： ⟦2025年1月17日⟧", []want{{"2025-01-17", Signed}}},
		{"印发日期", "印发日期：⟦2025年1月20日⟧", []want{{"2025-01-20", Signed}}},
		{"生成日期 with a time", "发布机构: 青田县审计局 生成日期: ⟦2024-10-12⟧ 15:29", []want{{"2024-10-12", Signed}}},
		{"list items, the date under its label", "  • 发文日期:\n\n    ⟦2024年04月06日⟧ 16:40\n  • 发布日期:\n\n    ⟦2024年04月06日⟧ 16:34\n" + body,
			[]want{{"2024-04-06", Signed}, {"2024-04-06", Published}}},
		{"发文日期", "发文日期:⟦2024/12/30⟧", []want{{"2024-12-30", Signed}}},
		{"签发日期", "签发日期 ⟦2024-12-28⟧", []want{{"2024-12-28", Signed}}},
		{"发布时间 with a time", "来源:党政   发布时间: ⟦2025-03-21⟧ 09:39 浏览次数:", []want{{"2025-03-21", Published}}},
		{"更新时间 after the source", "文章来源:司法局 更新时间:⟦2021/03/29⟧ 11:30:01", []want{{"2021-03-29", Published}}},
		{"公开日期", "【公开日期】⟦2025-02-26⟧", []want{{"2025-02-26", Published}}},
		{"traditional label", "樓主　發表於 ⟦2025-7-3⟧ 21:08", []want{{"2025-07-03", Published}}},
		{"traditional 號 for 日", "定於⟦2025年3月5號⟧開會", []want{m("2025-03-05")}},
		{"发布于", "发布于⟦2025年2月26日⟧", []want{{"2025-02-26", Published}}},
		{"page clock is mentioned", "今天是:⟦2019年10月31日⟧ 星期三 农历十月初七", []want{m("2019-10-31")}},
		{"label alone on the line above", "成文日期：\n⟦2025-01-17⟧\n发布日期：\n⟦2025-01-20⟧\n" + body,
			[]want{{"2025-01-17", Signed}, {"2025-01-20", Published}}},
		{"label with other text on the line above does not count", "文章来源:司法局 发布日期\n⟦2025-01-20⟧\n" + body, []want{m("2025-01-20")}},
		{"label on the previous line does not count", "发布日期\n" + body + "⟦2025-02-26⟧" + body, []want{m("2025-02-26")}},
		{"label far before the date does not count", "发布日期:见本页底部。" + strings.Repeat("政", 30) + "⟦2025-02-26⟧", []want{m("2025-02-26")}},

		// Roles from position.
		{"date under the issuer's name", "金昌市人民政府\n⟦2025年6月13日⟧\n(此件公开发布)\n" + body, []want{{"2025-06-13", Signed}}},
		{"text that ends with a date line", body + "\n⟦2025年1月17日⟧", []want{{"2025-01-17", Signed}}},
		{"date line before a short tail", body + "\n⟦2025年1月17日⟧\n（此件公开发布）\n", []want{{"2025-01-17", Signed}}},
		{"a text that is only a date is signed", "⟦2025-01-17⟧", []want{{"2025-01-17", Signed}}},
		{"date line in brackets under an office", "市政府办公室\n（⟦2024年12月30日⟧）\n" + body, []want{{"2024-12-30", Signed}}},
		{"Chinese-numeral date under a committee", "县人民代表大会常务委员会\n⟦二〇二五年一月十七日⟧\n" + body, []want{{"2025-01-17", Signed}}},
		{"issuer and date on one line", "金昌市人民政府  ⟦2025年6月13日⟧\n" + body, []want{{"2025-06-13", Signed}}},
		{"issuer and date on one line need a space", "金昌市人民政府⟦2025年6月13日⟧\n" + body, []want{m("2025-06-13")}},
		{"sentence and date on one line", "全面推进法治政府建设 ⟦2025年6月13日⟧\n" + body, []want{m("2025-06-13")}},
		{"date line inside the body", body + "\n⟦2025-06-30⟧\n" + body, []want{m("2025-06-30")}},
		{"date in the last sentence", body + "我市于⟦2025年1月10日⟧被命名为示范市。", []want{m("2025-01-10")}},
		{"date of the session under a report title", "政府工作报告\n-⟦2022年2月23日⟧在珠海市斗门区第五届人民代表大会第二次会议上\n" + body, []want{m("2022-02-23")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, marks := spantest.Marked(t, tt.in)
			if len(marks) != len(tt.want) {
				t.Fatalf("bad case: %d marks, %d wants", len(marks), len(tt.want))
			}
			got := Find(text, numbers(text)...)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %d dates", text, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Start != marks[i][0] || g.End != marks[i][1] || g.Text != text[marks[i][0]:marks[i][1]] {
					t.Errorf("date %d = %q at %d:%d, want %q at %d:%d", i, g.Text, g.Start, g.End,
						text[marks[i][0]:marks[i][1]], marks[i][0], marks[i][1])
				}
				if g.Value != w.value || g.Role != w.role {
					t.Errorf("date %d %q = %s %s, want %s %s", i, g.Text, g.Value, g.Role, w.value, w.role)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" when s is not a date
	}{
		{"zero-padded 年月日", "2025年01月17日", "2025-01-17"},
		{"ISO date with minutes", "2019-09-18 06:23", "2019-09-18"},
		{"slashes with seconds", "2021/03/29 11:30:01", "2021-03-29"},
		{"Chinese numerals", "二〇二五年一月十七日", "2025-01-17"},
		{"surrounding spaces", "  2025-01-17\n", "2025-01-17"},
		{"ISO date and time with T", "2025-01-17T08:00:00", "2025-01-17"},
		{"time in Chinese", "2025年1月17日 9时30分", "2025-01-17"},
		{"full-width colon in the time", "2025-03-21 09：39", "2025-03-21"},
		{"fraction of a second", "2025-06-30 10:20:00.0", "2025-06-30"},
		{"single-digit minute in Chinese", "2025年1月17日 9点5分", "2025-01-17"},
		{"hour only in Chinese", "2025年1月17日 9时", "2025-01-17"},
		{"weekday after the date", "2025年1月17日 星期五", "2025-01-17"},
		{"weekday in brackets and a time", "2025年1月17日（周五） 10:30", "2025-01-17"},
		{"T without a time", "2025-01-17T", ""},
		{"one-digit minute after a colon", "2025-01-17 10:5", ""},
		{"four time parts", "2025-01-17 10:20:30:40", ""},
		{"minute without 分", "2025年1月17日 9时30", ""},
		{"unknown weekday", "2025年1月17日 星期八", ""},
		{"hour 25", "2025-01-17 25:00", ""},
		{"minute 61", "2025-01-17 10:61", ""},
		{"year and month", "2025年1月", ""},
		{"label before the date", "发布日期：2025-01-17", ""},
		{"two dates", "2025-01-17至2025-01-18", ""},
		{"text after the date", "2025-01-17 发布", ""},
		{"empty string", "", ""},
		{"impossible day", "2025-02-30", ""},
		{"document number", "国发〔2024〕1号", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if ok != (tt.want != "") || got != tt.want {
				t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

// TestReport checks the benchmark text: every date with its role.
func TestReport(t *testing.T) {
	b, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range Find(string(b), numbers(string(b))...) {
		got = append(got, d.Value+" "+d.Role)
	}
	want := []string{
		"2025-02-18 signed", "2025-02-26 published", "2025-02-26 published",
		"2024-03-15 mentioned", "2024-07-01 mentioned",
		"2024-09-27 mentioned", "2025-01-01 mentioned", "2024-12-20 mentioned",
		"2024-11-08 mentioned", "2025-01-10 mentioned",
		"2024-04-28 mentioned", "2024-05-01 mentioned", "2025-06-30 mentioned", "2025-12-31 mentioned",
		"2025-02-18 signed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Find(report) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"成文日期 | 2025-06-13 | 发布日期 | 2025-06-30 |", "二〇二五年一月十七日", "2023年1月1日至12月31日",
		"(20)湛仲字第2号时间：2025年3月20日", "059422325-0481-2025-00250", "金昌市人民政府\n2025年6月13日\n",
		"２０２５年１月１７日", "2024.1.1-2024.12.31", "二○二四年十二月廿一日", "2025 年 1 月 17 日", "\xff2025-01-17",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		order := spantest.Order{Text: text}
		for _, d := range Find(text, numbers(text)...) {
			order.Next(t, d.Start, d.End, d.Text)
			v, err := time.Parse("2006-01-02", d.Value)
			if err != nil || v.Year() < minYear || v.Year() > maxYear {
				t.Fatalf("%q: invalid value %q", d.Text, d.Value)
			}
			if p, ok := Parse(d.Text); !ok || p != d.Value {
				t.Fatalf("Parse(%q) = %q, %v; Find gave %q", d.Text, p, ok, d.Value)
			}
			if d.Role != Signed && d.Role != Published && d.Role != Mentioned {
				t.Fatalf("%q: unknown role %q", d.Text, d.Role)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"2025年01月17日", "2019-09-18 06:23", "2021/03/29 11:30:01", "二〇二五年一月十七日",
		"2025-06-30 10:20:00.0", "2025年1月17日（周五） 9时30分", "2025-02-30", "12月31日"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := Parse(s)
		if !ok {
			if v != "" {
				t.Fatalf("Parse(%q) = %q, false", s, v)
			}
			return
		}
		if _, err := time.Parse("2006-01-02", v); err != nil {
			t.Fatalf("Parse(%q) = %q: not an ISO date", s, v)
		}
	})
}

func ExampleFind() {
	text := "成文日期 | 2025-06-13 | 发布日期 | 2025-06-30 |\n" +
		"本年度报告中所列数据统计期限为2023年1月1日至12月31日。\n" +
		"金昌市人民政府\n二〇二五年六月十三日"
	for _, d := range Find(text) {
		fmt.Println(d.Text, d.Value, d.Role)
	}
	// Output:
	// 2025-06-13 2025-06-13 signed
	// 2025-06-30 2025-06-30 published
	// 2023年1月1日 2023-01-01 mentioned
	// 二〇二五年六月十三日 2025-06-13 signed
}

func ExampleParse() {
	for _, s := range []string{"2021/03/29 11:30:01", "二〇二五年一月十七日", "2025年2月30日"} {
		fmt.Println(Parse(s))
	}
	// Output:
	// 2021-03-29 true
	// 2025-01-17 true
	//  false
}

func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	skip := numbers(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, skip...)
	}
}

func TestClock(t *testing.T) {
	const body = "2023年，全区坚持依法行政。\n一、主要工作\n2024年3月1日召开会议。"
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"site name and weekday", "宁波市鄞州区人民政府 ⟦2019年12月3日⟧星期二\n无障碍\n" + body, true},
		{"clock label", "今天是：⟦2024年5月1日⟧ 星期三\n" + body, true},
		{"weekday in brackets after a label", "网站首页\n今天：⟦2024-05-01⟧（星期三）\n" + body, true},
		{"date and weekday alone", "⟦2024年5月7日⟧ 星期二\n" + body, false},
		{"no weekday", "宁波市鄞州区人民政府 ⟦2019年12月3日⟧\n" + body, false},
		{"a meeting in a sentence", "定于⟦2024年5月7日⟧（星期二）召开会议。\n" + body, false},
		{"below the header", "首页\n政务公开\n通知公告\n某区人民政府 ⟦2024年5月7日⟧ 星期二\n" + body, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, marks := spantest.Marked(t, tt.in)
			if got := Clock(text, marks[0][0], marks[0][1]); got != tt.want {
				t.Errorf("Clock = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestStartChars checks startChars against canStart over every character.
func TestStartChars(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if got, want := strings.ContainsRune(startChars, r), canStart(r); got != want {
			t.Errorf("%q in startChars is %v, canStart says %v", r, got, want)
		}
	}
	for _, r := range startChars {
		if b := string(r); r >= utf8.RuneSelf && (len(b) != 3 || b[0] == 0xE0 || b[0] == 0xED) {
			t.Errorf("%q: nextStart decodes only three-byte characters after E1 to EF but ED", r)
		}
	}
}

// FuzzFindEvery checks that Find, which decodes only the characters whose
// first byte may start a date, finds what trying every character finds.
func FuzzFindEvery(f *testing.F) {
	for _, s := range []string{
		"二〇二五年一月十七日", "２０２５年１月１７日", "于2025年1月17日印发", "\xe4\xb8二〇二五年一月十七日", "\xef2025-01-17", "\xe4\xf8\x80二〇二五年一月十七日",
		"驻政〔2024〕3号 2024年5月1日", "十二〇二五年一月一日", "一二〇二五年一月一日",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		skip := numbers(text)
		if got, want := Find(text, skip...), findEvery(text, skip...); !slices.Equal(got, want) {
			t.Fatalf("Find(%q) =\n%+v\ntrying every character:\n%+v", text, got, want)
		}
	})
}

// findEvery is Find trying every character of the text.
func findEvery(original string, skip ...[2]int) []Date {
	text := fold.String(original)
	var out []Date
	k := 0
	for i := 0; i < len(text); {
		for k < len(skip) && skip[k][1] <= i {
			k++
		}
		if k < len(skip) && skip[k][0] <= i {
			i = skip[k][1]
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if canStart(r) {
			end, value, ok := match(text, i)
			if ok && (k == len(skip) || end <= skip[k][0]) {
				out = append(out, Date{Text: original[i:end], Value: value, Start: i, End: end})
				i = end
				continue
			}
		}
		i += size
	}
	for j := range out {
		out[j].Role = role(text, out[j].Start, out[j].End)
	}
	return out
}

// TestISO checks iso against fmt.Sprintf over every date checked accepts.
func TestISO(t *testing.T) {
	for y := minYear; y <= maxYear; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= daysIn(y, m); d++ {
				if got, want := iso(y, m, d), fmt.Sprintf("%04d-%02d-%02d", y, m, d); got != want {
					t.Fatalf("iso(%d, %d, %d) = %s, want %s", y, m, d, got, want)
				}
			}
		}
	}
}
