package docnum

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/fold"
	"github.com/gongwen/gongwen/extract/internal/spantest"
)

// want is the expected parse of one marked number.
type want struct {
	prefix string
	year   int
	serial int
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string // expected numbers marked with ⟦ ⟧
		want []want
	}{
		// Bracket forms.
		{"hexagonal brackets in a metadata table", "文 号 | ⟦驻政文〔2025〕3号⟧ |", []want{{"驻政文", 2025, 3}}},
		{"ASCII square brackets", "转发⟦豫政办[2023]12号⟧文件", []want{{"豫政办", 2023, 12}}},
		{"ASCII parentheses", "⟦国办发(2021)5号⟧", []want{{"国办发", 2021, 5}}},
		{"full-width parentheses", "⟦厅字（2019）28号⟧", []want{{"厅字", 2019, 28}}},
		{"lenticular brackets", "⟦粤府【2020】1号⟧", []want{{"粤府", 2020, 1}}},
		{"full-width square brackets", "⟦京政发［2022］7号⟧", []want{{"京政发", 2022, 7}}},
		{"small tortoise-shell brackets", "⟦浙政办发﹝2024﹞15号⟧", []want{{"浙政办发", 2024, 15}}},
		{"mis-encoded brackets from a GBK page", "⟦鲁政字„2009‟102号⟧", []want{{"鲁政字", 2009, 102}}},
		{"curly quotes for brackets", "⟦浙政发“2024”3号⟧", []want{{"浙政发", 2024, 3}}},
		{"white lenticular brackets", "⟦皖政〖2018〗36号⟧", []want{{"皖政", 2018, 36}}},
		{"opening and closing brackets that differ", "⟦国发〔2024]1号⟧", []want{{"国发", 2024, 1}}},

		// Digits and serial forms.
		{"full-width year and serial", "⟦湘政发〔２０２４〕８号⟧", []want{{"湘政发", 2024, 8}}},
		{"full-width serial only", "⟦赣府字〔2023〕１２号⟧", []want{{"赣府字", 2023, 12}}},
		{"serial with 第", "根据⟦政府令〔2010〕第15号⟧", []want{{"政府令", 2010, 15}}},
		{"traditional 號", "⟦桃府法字〔2023〕第3號⟧", []want{{"桃府法字", 2023, 3}}},
		{"zero-padded serial", "⟦苏政发〔2024〕001号⟧", []want{{"苏政发", 2024, 1}}},
		{"spaces inside the number", "⟦国发 〔 2024 〕 1 号⟧", []want{{"国发", 2024, 1}}},
		{"ideographic space before the bracket", "⟦闽政\u3000〔2022〕9号⟧", []want{{"闽政", 2022, 9}}},
		{"earliest year", "⟦政务院令〔1949〕1号⟧", []want{{"政务院令", 1949, 1}}},
		{"latest year", "⟦国发〔2100〕2号⟧", []want{{"国发", 2100, 2}}},

		// Where the prefix starts.
		{"根据 is not part of the prefix", "根据⟦国发〔2024〕1号⟧文件精神", []want{{"国发", 2024, 1}}},
		{"依据 is not part of the prefix", "依据⟦国办发〔2019〕39号⟧", []want{{"国办发", 2019, 39}}},
		{"按照 is not part of the prefix", "按照⟦豫政〔2021〕5号⟧要求", []want{{"豫政", 2021, 5}}},
		{"印发 is not part of the prefix", "市政府印发⟦驻政〔2023〕15号⟧", []want{{"驻政", 2023, 15}}},
		{"的 is not part of the prefix", "省政府办公厅印发的⟦豫政办〔2022〕40号⟧文件", []want{{"豫政办", 2022, 40}}},
		{"两个 numbers joined by 和", "⟦国发〔2024〕1号⟧和⟦国发〔2024〕2号⟧", []want{{"国发", 2024, 1}, {"国发", 2024, 2}}},
		{"numbers joined by 及", "⟦国办发〔2022〕43号⟧及⟦国办函〔2023〕5号⟧", []want{{"国办发", 2022, 43}, {"国办函", 2023, 5}}},
		{"numbers joined by 与", "⟦川府发〔2020〕3号⟧与⟦川办发〔2020〕8号⟧", []want{{"川府发", 2020, 3}, {"川办发", 2020, 8}}},
		{"numbers listed with 、", "⟦豫政〔2021〕5号⟧、⟦豫政〔2021〕6号⟧", []want{{"豫政", 2021, 5}, {"豫政", 2021, 6}}},
		{"numbers glued together", "⟦国发〔2024〕1号⟧⟦国发〔2024〕2号⟧", []want{{"国发", 2024, 1}, {"国发", 2024, 2}}},
		{"number after a title in 《》", "《国务院关于加强数字政府建设的指导意见》（⟦国发〔2022〕14号⟧）", []want{{"国发", 2022, 14}}},
		{"issuer name glued to the code", "中共中央办公厅⟦厅字〔2019〕28号⟧", []want{{"厅字", 2019, 28}}},
		{"provincial office glued to the code", "河南省人民政府办公厅⟦豫政办〔2023〕12号⟧", []want{{"豫政办", 2023, 12}}},
		{"government order keeps 人民政府", "⟦市人民政府令〔2018〕第3号⟧", []want{{"市人民政府令", 2018, 3}}},
		{"order without a year", "根据⟦国令第707号⟧修订", []want{{"国令", 0, 707}}},
		{"order of the State Council", "《个人所得税法实施条例》（⟦国务院令第711号⟧）", []want{{"国务院令", 0, 711}}},
		{"order of a province", "依据⟦省政府令第206号⟧", []want{{"省政府令", 0, 206}}},
		{"no issuer before 令", "令第3号", nil},
		{"no serial", "财预〔2024〕，第3号令", nil},
		{"year before the code is not part of it", "2023年⟦市委发〔2023〕1号⟧", []want{{"市委发", 2023, 1}}},
		{"日 starts the code of 日照", "⟦日政发〔2020〕8号⟧", []want{{"日政发", 2020, 8}}},
		{"即 starts the code of 即墨", "根据⟦即政发〔2021〕12号⟧", []want{{"即政发", 2021, 12}}},
		{"label with a colon", "发文字号：⟦金政发〔2025〕33号⟧", []want{{"金政发", 2025, 33}}},
		{"prefix with a Latin letter", "⟦深府G〔2024〕2号⟧", []want{{"深府G", 2024, 2}}},
		{"和 and an office name cut a long run", "市城乡建设和交通运输局办公室⟦建交安全监督管理字〔2020〕4号⟧", []want{{"建交安全监督管理字", 2020, 4}}},
		{"prefix longer than 12 runes keeps the last 12", "黑龙江省哈尔滨市道里区城市⟦管理综合执法局黑道城管字〔2021〕6号⟧", []want{{"管理综合执法局黑道城管字", 2021, 6}}},
		{"bare number without prefix", "按照文件（⟦〔2024〕1号⟧）", []want{{"", 2024, 1}}},
		{"number in the source line of a document", "# source: 驻马店市人民政府网站 (⟦驻政文〔2025〕3号⟧; the sample report)", []want{{"驻政文", 2025, 3}}},

		// Not document numbers.
		{"索引号 is not a document number", "索 引 号 | 059422325-0481-2025-00250 | 主题分类 |", nil},
		{"plan period in brackets", "《法治政府建设实施纲要(2015-2020年)》", nil},
		{"year in brackets without serial", "主题分类 | 金政发〔2025〕 |", nil},
		{"serial without 号", "国发〔2024〕1", nil},
		{"year before 1949", "国发〔1948〕3号", nil},
		{"year after 2100", "国发〔2101〕3号", nil},
		{"two-digit year of an arbitration case", "(20)湛仲字第2号时间：2025年3月20日", nil},
		{"court case number puts the code after the year", "（2020）粤0402民初123号", nil},
		{"building number", "办公地点位于(2024)3号楼", nil},
		{"serial too long", "国发〔2024〕1234567号", nil},
		{"announcement without brackets", "国家税务总局公告2024年第3号", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, marks := spantest.Marked(t, tt.in)
			if len(marks) != len(tt.want) {
				t.Fatalf("bad case: %d marks, %d wants", len(marks), len(tt.want))
			}
			got := Find(text)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %d numbers", text, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Start != marks[i][0] || g.End != marks[i][1] || g.Text != text[marks[i][0]:marks[i][1]] {
					t.Errorf("number %d = %q at %d:%d, want %q at %d:%d", i, g.Text, g.Start, g.End,
						text[marks[i][0]:marks[i][1]], marks[i][0], marks[i][1])
				}
				if g.Prefix != w.prefix || g.Year != w.year || g.Serial != w.serial {
					t.Errorf("number %d %q = (%q, %d, %d), want (%q, %d, %d)", i, g.Text,
						g.Prefix, g.Year, g.Serial, w.prefix, w.year, w.serial)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		ok   bool
		want want
	}{
		{"plain number", "国发〔2024〕1号", true, want{"国发", 2024, 1}},
		{"surrounding spaces are trimmed", "  驻政文〔2025〕3号\n", true, want{"驻政文", 2025, 3}},
		{"number without prefix", "〔2024〕1号", true, want{"", 2024, 1}},
		{"full-width digits", "湘政发（２０２４）８号", true, want{"湘政发", 2024, 8}},
		{"leading word is not a number", "根据国发〔2024〕1号", false, want{}},
		{"trailing text is not a number", "国发〔2024〕1号文件", false, want{}},
		{"two numbers", "国发〔2024〕1号、国发〔2024〕2号", false, want{}},
		{"empty string", "", false, want{}},
		{"索引号", "059422325-0481-2025-00250", false, want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if ok != tt.ok {
				t.Fatalf("Parse(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if !ok {
				return
			}
			if got.Prefix != tt.want.prefix || got.Year != tt.want.year || got.Serial != tt.want.serial {
				t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if got.Text != strings.TrimSpace(tt.in) || got.Start != 0 || got.End != len(got.Text) {
				t.Errorf("Parse(%q) span = %q %d:%d", tt.in, got.Text, got.Start, got.End)
			}
		})
	}
}

// TestReport checks the benchmark text: every number is found once, and
// nothing else is.
func TestReport(t *testing.T) {
	b, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range Find(string(b)) {
		got = append(got, n.Text)
	}
	want := []string{"临政文〔2025〕7号", "临政文〔2025〕7号", "中发〔2021〕12号", "豫政办〔2023〕12号",
		"国办发〔2022〕43号", "国发〔2024〕1号", "临政〔2024〕15号", "国务院令第713号", "省政府令〔2021〕第206号", "豫政〔2025〕3号"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Find(report) =\n%q\nwant\n%q", got, want)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"根据国发〔2024〕1号文件", "文 号 | 驻政文〔2025〕3号 |", "鲁政字„2009‟102号", "湘政发〔２０２４〕８号",
		"政府令〔2010〕第15号", "(2015-2020年)", "059422325-0481-2025-00250", "〔2024〕1号〔2024〕2号",
		"河南省人民政府办公厅豫政办〔2023〕12号", "国发 〔 2024 〕 1 号", "\xff〔2024〕1号",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		order := spantest.Order{Text: text}
		for _, n := range Find(text) {
			order.Next(t, n.Start, n.End, n.Text)
			if !utf8.ValidString(n.Text) {
				t.Fatalf("Text %q is not valid UTF-8", n.Text)
			}
			if n.Year < minYear || n.Year > maxYear || utf8.RuneCountInString(n.Prefix) > maxPrefix {
				t.Fatalf("implausible number %+v", n)
			}
			if !strings.HasPrefix(n.Text, n.Prefix) {
				t.Fatalf("Text %q does not start with Prefix %q", n.Text, n.Prefix)
			}
			p, ok := Parse(n.Text)
			if !ok || p.Prefix != n.Prefix || p.Year != n.Year || p.Serial != n.Serial || p.Text != n.Text {
				t.Fatalf("Parse(%q) = %+v, %v; Find gave %+v", n.Text, p, ok, n)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"国发〔2024〕1号", " 〔2024〕1号 ", "政府令〔2010〕第15號", "根据国发〔2024〕1号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s)
		if !ok {
			return
		}
		trimmed := strings.TrimSpace(s)
		if n.Text != trimmed || n.Start != 0 || n.End != len(trimmed) {
			t.Fatalf("Parse(%q) = %+v: does not cover the trimmed input", s, n)
		}
		if n.Year < minYear || n.Year > maxYear {
			t.Fatalf("Parse(%q) = %+v: implausible year", s, n)
		}
	})
}

func ExampleFind() {
	text := "根据《国务院关于加强数字政府建设的指导意见》（国发〔2022〕14号）和豫政办[2023]12号文件要求"
	for _, n := range Find(text) {
		fmt.Println(n.Text, n.Prefix, n.Year, n.Serial)
	}
	// Output:
	// 国发〔2022〕14号 国发 2022 14
	// 豫政办[2023]12号 豫政办 2023 12
}

func ExampleParse() {
	n, ok := Parse("政府令〔2010〕第15号")
	fmt.Println(n.Prefix, n.Year, n.Serial, ok)
	// Output:
	// 政府令 2010 15 true
}

func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}

// FuzzFindRuns checks that Find, which tries only the runs before each 号,
// finds what trying every character of the text finds.
func FuzzFindRuns(f *testing.F) {
	for _, s := range []string{
		"根据国发〔2024〕1号文件", "鲁政字„2009‟102号", "湘政发〔２０２４〕８號", "国务院令第713号令第5号",
		"政府令〔2010〕第15号", "〔2024〕1号〔2024〕2号", "国发 〔 2024 〕 1 号", "\xff〔2024〕1号", "号〔2024〕 第 3\u3000号楼",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := Find(text), findEvery(text)
		if !slices.Equal(got, want) {
			t.Fatalf("Find(%q) =\n%+v\ntrying every character:\n%+v", text, got, want)
		}
	})
}

// findEvery is Find trying every character of the text.
func findEvery(original string) []Number {
	text := fold.String(original)
	var out []Number
	floor := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		n, ok := Number{}, false
		switch {
		case isOpen(r):
			n, ok = matchAt(text, i, floor)
		case r == '令':
			n, ok = orderAt(text, i, floor)
		}
		if ok {
			n.Text, n.Prefix = original[n.Start:n.End], original[n.Start:n.Start+len(n.Prefix)]
			out = append(out, n)
			floor = n.End
			i = n.End
			continue
		}
		i += size
	}
	return out
}

// FuzzIndexHao holds indexHao to strings.Index.
func FuzzIndexHao(f *testing.F) {
	for _, s := range []string{"", "号", "驻政文〔2025〕3号", "\xb7号", "\x8f\xb7", "\xe5\x8f", "合同号码号", "编號"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexHao(s), strings.Index(s, "号"); got != want {
			t.Fatalf("indexHao(%q) = %d, strings.Index says %d", s, got, want)
		}
	})
}
