package pdf

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/pdf/internal/score"
	"github.com/gongwen/gongwen/internal/hostile"
)

var update = flag.Bool("update", false, "rewrite golden files")

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", name))
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// The text fixtures are made by testdata/pdf/make.sh with LibreOffice from single.txt, long.txt and
// table.txt, in two CJK fonts; long-* have a running header and page numbers (— N — and 第N页 共M页),
// single-wqy a "- 1 -" footer; table-noto a table (rows come back as lines with tabs between cells)
// with a cell wrapped over two lines.
var textFixtures = []struct {
	file, source string
	minPages     int
	exact        bool // the text is the source, paragraph for paragraph
}{
	{"single-noto.pdf", "single.txt", 1, true},
	{"single-wqy.pdf", "single.txt", 1, true},
	{"long-noto.pdf", "long.txt", 20, false},
	{"long-wqy.pdf", "long.txt", 20, false},
	{"table-noto.pdf", "table.txt", 1, true},
}

// TestAccuracy requires 99% of the source characters back in order (1 − edit distance / length), the
// source's paragraphs as lines, and no running header, footer or page number.
func TestAccuracy(t *testing.T) {
	for _, f := range textFixtures {
		t.Run(f.file, func(t *testing.T) {
			res, err := Read(fixture(t, f.file))
			if err != nil {
				t.Fatal(err)
			}
			source := string(fixture(t, f.source))
			acc := score.Accuracy(res.Text, source)
			t.Logf("accuracy %.4f over %d pages", acc, res.Pages)
			if acc < 0.99 {
				t.Errorf("accuracy %.4f < 0.99", acc)
			}
			if res.Pages < f.minPages {
				t.Errorf("%d pages, want at least %d", res.Pages, f.minPages)
			}
			if len(res.Warnings) > 0 {
				t.Errorf("warnings: %q", res.Warnings)
			}
			got, want := strings.Split(res.Text, "\n"), strings.Split(source, "\n")
			if len(got) != len(want) {
				t.Errorf("%d paragraphs, want %d", len(got), len(want))
			}
			if f.exact && res.Text != source {
				t.Errorf("text differs from %s:\n%s", f.source, res.Text)
			}
			for _, l := range want {
				if strings.Contains(l, "\t") && !strings.Contains(res.Text, l+"\n") {
					t.Errorf("table row %q missing", l)
				}
			}
			title := strings.SplitN(source, "\n", 2)[0]
			if n := strings.Count(res.Text, title); n != 1 {
				t.Errorf("title appears %d times, want once (running header left in?)", n)
			}
			running := regexp.MustCompile(`山南市人民政府文件|第\s*\d+\s*页|[—-]\s*\d+\s*[—-]`)
			if m := running.FindString(res.Text); m != "" {
				t.Errorf("running header or page number left in: %q", m)
			}
		})
	}
}

// TestGolden keeps the exact output of each text fixture, to review changes (-update rewrites).
func TestGolden(t *testing.T) {
	for _, f := range textFixtures {
		t.Run(f.file, func(t *testing.T) {
			res, err := Read(fixture(t, f.file))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "..", "testdata", "pdf", strings.TrimSuffix(f.file, ".pdf")+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(res.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != string(want) {
				t.Errorf("text differs from %s (run with -update to accept)", golden)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	real := fixture(t, "single-wqy.pdf")
	tests := []struct {
		name   string
		body   []byte
		noText bool // the error wraps ErrNoText
	}{
		{"scanned image", fixture(t, "scanned.pdf"), true},
		{"truncated", fixture(t, "truncated.pdf"), false},
		{"empty", nil, false},
		{"HTML error page", []byte("<html><body>404 Not Found</body></html>"), false},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), false},
		{"tail cut off", real[:len(real)-200], false},
		{"xref offset wrong", []byte(strings.Replace(string(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文")))), "startxref\n", "startxref\n9", 1)), false},
		{"hex string open at the end of the content (the library loops forever on it)",
			testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文"))+"<00"), false},
		{"page count larger than the file", []byte(strings.Replace(string(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文")))), "/Count 1", "/Count 299999999", 1)), false},
		{"cross-reference subsection larger than the file", []byte(strings.Replace(string(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文")))), "xref\n0 ", "xref\n99999999 ", 1)), false},
		{"cross-reference sections in a loop", prevLoop(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文")))), false},
		{"page tree cycle", []byte(strings.Replace(string(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文")))), "/Type /Page ", "/Kids[2 0 R]", 1)), false},
		{"no text on the page", testPDF("/Font <<  >>", nil, "0 0 100 100 re f\n"), true},
		{"unreadable font only", testPDF("/Font << /F1 3 0 R >>", []string{bareFont}, text(72, 700, "00010002000300040005")), true},
		{"GBK bytes read as Latin-1 by a simple font", testPDF("/Font << /F1 3 0 R >>", []string{
			"<< /Type /Font /Subtype /TrueType /BaseFont /SimSun /Encoding /WinAnsiEncoding >>"}, text(72, 700, gbk("青山县人民政府办公室"))), true},
		{"page numbers only", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(280, 40, gbk("— 1 —")), text(280, 40, gbk("— 2 —"))), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.body)
			if err == nil {
				t.Fatalf("got %q, want an error", res.Text)
			}
			t.Logf("error: %v", err)
			if errors.Is(err, ErrNoText) != tt.noText {
				t.Errorf("error %q: wraps ErrNoText = %v, want %v", err, !tt.noText, tt.noText)
			}
			if res != nil && (!tt.noText || len(res.PageStates) != res.Pages || res.Text != "") {
				t.Errorf("result %+v returned with error", res)
			}
		})
	}
}

// prevLoop makes the trailer's /Prev point back to its own cross-reference table.
func prevLoop(body []byte) []byte {
	xref := bytes.Index(body, []byte("\nxref\n")) + 1
	return bytes.Replace(body, []byte("trailer\n<<"), []byte(fmt.Sprintf("trailer\n<< /Prev %d", xref)), 1)
}

func TestReadSynthetic(t *testing.T) {
	// A paragraph of two lines (the first full width, 30 characters of 12 pt from x=72), then an indented
	// paragraph of two lines.
	full, full2 := strings.Repeat("政", 30), strings.Repeat("府", 30)
	paragraphs := text(72, 700, gbk(full)) + text(72, 682, gbk("府工作报告。")) +
		text(96, 664, gbk(strings.Repeat("法", 28))) + text(72, 646, gbk("治。"))
	tests := []struct {
		name     string
		body     []byte
		want     string
		warnings []string
	}{
		{"GBK-EUC-H without ToUnicode", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("青山县人民政府"))),
			"青山县人民政府\n", nil},
		{"Adobe-GB1 CIDs without ToUnicode", testPDF("/Font << /F1 3 0 R >>", []string{gb1Font}, text(72, 700, "11CF0753119F06A9")),
			"中国政府\n", nil},
		{"UniGB-UCS2-H", testPDF("/Font << /F1 3 0 R >>", []string{ucs2Font}, text(72, 700, "62A5544A")), "报告\n", nil},
		{"ToUnicode bfchar and bfrange", testPDF("/Font << /F1 3 0 R >>", []string{mappedFont("4 0 R"), stream(toUnicode)},
			text(72, 700, "00050001000200030004")), "青山县政府\n", nil},
		{"Latin words keep their space", testPDF("/Font << /F1 3 0 R >>", []string{latinFont},
			"BT /F1 12 Tf 72 700 Td (Hello) Tj 40 0 Td (world) Tj ET\n"), "Hello world\n", nil},
		{"control codes of a simple font draw nothing", testPDF("/Font << /F1 3 0 R >>", []string{latinFont},
			"BT /F1 12 Tf 72 700 Td <48656C6C6F0000> Tj ET\n"), "Hello\n", nil},
		{"lines joined into paragraphs", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, paragraphs),
			full + "府工作报告。\n" + strings.Repeat("法", 28) + "治。\n", nil},
		{"heading on its own line", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			text(72, 700, gbk(full))+text(72, 682, gbk("一、总体情况"))+text(72, 664, gbk(full))),
			full + "\n一、总体情况\n" + full + "\n", nil},
		{"table row: cells apart become tab-separated", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			text(72, 700, gbk("自然资源"))+text(200, 700, gbk("58"))+text(300, 700, gbk("33.7%"))),
			"自然资源\t58\t33.7%\n", nil},
		{"letter-spaced title keeps one space", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			text(250, 700, gbk("报"))+text(280, 700, gbk("告"))), "报 告\n", nil},
		{"text drawn twice for bold kept once", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			text(72, 700, gbk("标题"))+text(72.3, 700, gbk("标题"))), "标题\n", nil},
		{"running header and page numbers removed", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			text(250, 800, gbk("山南市人民政府文件"))+text(72, 718, gbk(full))+text(72, 700, gbk("第一页正文。"))+text(280, 40, gbk("— 1 —")),
			text(250, 800, gbk("山南市人民政府文件"))+text(72, 718, gbk(full2))+text(72, 700, gbk("第二页正文。"))+text(280, 40, gbk("第2页 共3页")),
			text(250, 800, gbk("山南市人民政府文件"))+text(72, 700, gbk("第三页正文。"))+text(280, 40, gbk("3/3"))),
			full + "第一页正文。\n" + full2 + "第二页正文。\n第三页正文。\n", nil},
		{"unreadable page left out", testPDF("/Font << /F1 3 0 R /F2 4 0 R >>", []string{gbkFont, bareFont},
			text(72, 700, gbk("可读的一页。")), "BT /F2 12 Tf 72 700 Td <000100020003> Tj ET\n", ""),
			"可读的一页。\n", []string{"page 2: unreadable text (100% garbled: U+FFFD/private-use/(cid:)); check the original"}},
		{"malformed page left out", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			text(72, 700, gbk("可读的一页。")), text(72, 700, gbk("坏页"))+"[<0"),
			"可读的一页。\n", []string{"page 2: malformed content (content stream ends inside a hex string); check the original"}},
		{"form drawing itself ten times at each level", testPDF("/Font << /F1 3 0 R >> /XObject << /X1 4 0 R >>", []string{gbkFont,
			form(text(72, 700, gbk("表")) + strings.Repeat("/X1 Do ", 10))}, "/X1 Do\n"), "表\n", nil},
		{"one resource name for two fonts", testPDF("/Font << /F1 3 0 R >> /XObject << /X1 4 0 R >>", []string{
			mappedFont("5 0 R"), formWith("/Font << /F1 6 0 R >>", text(72, 700, "0001")), stream(toUnicode),
			mappedFont("7 0 R"), stream(strings.Replace(toUnicode, "<0001> <5C71>", "<0001> <6C34>", 1))},
			text(72, 700, "0001"), "/X1 Do\n"), "山水\n", nil}, // the page break joins the two lines
		{"PDF 2.0 header", append([]byte("%PDF-2.0"), testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文")))[8:]...),
			"正文\n", nil},
		{"text outside the page box left out", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			text(72, 700, gbk("页面内"))+text(72, 900, gbk("页面外"))+text(72, -40, gbk("页面下"))), "页面内\n", nil},
		{"text outside the clipping path left out", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont},
			"q 60 690 300 30 re W n "+text(72, 700, gbk("一、单元格内"))+text(72, 600, gbk("剪掉的"))+"Q "+text(72, 500, gbk("二、剪切之后"))),
			"一、单元格内\n二、剪切之后\n", nil},
		{"form XObject", testPDF("/Font << /F1 3 0 R >> /XObject << /X1 4 0 R >>", []string{gbkFont,
			form(text(72, 800, gbk("表单内文字")))},
			"q 1 0 0 1 0 -100 cm /X1 Do Q\n"), "表单内文字\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want {
				t.Errorf("text %q, want %q", res.Text, tt.want)
			}
			if fmt.Sprint(res.Warnings) != fmt.Sprint(tt.warnings) {
				t.Errorf("warnings %q, want %q", res.Warnings, tt.warnings)
			}
		})
	}
}

// TestTrailingWhitespace reads files that end in %%EOF and then whitespace the library does not skip
// (it looks for %%EOF in the last 100 bytes, skipping only spaces, tabs, CR and LF).
func TestTrailingWhitespace(t *testing.T) {
	body := testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("正文")))
	for _, tail := range []string{"", "\r\n", "\n\x00", "\f", "\x00\x00\x00", strings.Repeat(" ", 200), strings.Repeat("\n", 120)} {
		res, err := Read(append(append([]byte(nil), body...), tail...))
		if err != nil {
			t.Errorf("tail %q: %v", tail, err)
			continue
		}
		if res.Text != "正文\n" {
			t.Errorf("tail %q: text %q", tail, res.Text)
		}
	}
}

func TestPageNumber(t *testing.T) {
	for _, s := range []string{"— 3 —", "- 3 -", "－12－", "3", "第3页 共10页", "第 3 页", "共10页 第3页", "3/10", "3 / 10", "Page 3 of 10"} {
		if !pageNumber.MatchString(strings.Join(strings.Fields(s), "")) {
			t.Errorf("%q not taken for a page number", s)
		}
	}
	for _, s := range []string{"2025年", "一、总体情况", "第3条", "98.7%", "12345热线", "30.5"} {
		if pageNumber.MatchString(strings.Join(strings.Fields(s), "")) {
			t.Errorf("%q taken for a page number", s)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(fixture(f, "single-wqy.pdf"))
	f.Add(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("青山县人民政府")), text(72, 700, gbk("第二页"))))
	f.Add(testPDF("/Font << /F1 3 0 R >>", []string{mappedFont("4 0 R"), stream(toUnicode)}, text(72, 700, "0001000200030004")))
	f.Add(testPDF("/Font << /F1 3 0 R >>", []string{latinFont}, "BT /F1 12 Tf 72 700 Td (Hello) Tj 40 0 Td [(wor) -20 (ld)] TJ ET\n"))
	f.Add(fixture(f, "tables-form.pdf"))
	f.Add(testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, grid(750, [][]string{{"项目", "金额"}, {"收入", "3.2"}}), grid(750, [][]string{{"支出", "5.3"}})))
	f.Add(hostile.GoodObjectStreams())
	f.Add(hostile.XrefStreamWidths())
	f.Add(hostile.XrefStreamIndex())
	f.Add(hostile.ExtendsLoop())
	f.Add(hostile.NestedObjectStreams())
	f.Add(hostile.SharedStreamPages(3, 1)) // smaller than the full-size one TestHostile reads
	f.Add(hostile.OperandFlood(1))
	f.Add(hostile.ToUnicodeBomb(8))
	f.Add(hostile.PredictorColumns())
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := Read(body)
		if err != nil {
			if res != nil && !errors.Is(err, ErrNoText) { // a file without text still gives its pages, for OCR
				t.Errorf("result with error %v", err)
			}
			return
		}
		if res.Pages < 1 {
			t.Errorf("%d pages", res.Pages)
		}
		if res.Text == "" || !strings.HasSuffix(res.Text, "\n") {
			t.Errorf("text %q: empty or without final newline", res.Text)
		}
		if !utf8.ValidString(res.Text) || strings.ContainsRune(res.Text, utf8.RuneError) {
			t.Errorf("invalid UTF-8 or U+FFFD in %q", res.Text)
		}
		if strings.Contains(res.Text, "\n\n") || strings.HasPrefix(res.Text, "\n") {
			t.Errorf("blank line in %q", res.Text)
		}
		for i, tb := range res.Tables {
			for _, row := range tb.Rows {
				if len(row) != len(tb.Rows[0]) {
					t.Errorf("table %d: ragged grid", i)
				}
			}
			if tb.Start > utf8.RuneCountInString(res.Text) || tb.Page < 1 || tb.Page > res.Pages {
				t.Errorf("table %d: start %d, page %d", i, tb.Start, tb.Page)
			}
		}
	})
}

func ExampleRead() {
	body, err := os.ReadFile("../../testdata/pdf/single-noto.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := Read(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(res.Text, "\n")
	fmt.Println(res.Pages, "page")
	fmt.Println(lines[0])
	fmt.Println(lines[1])
	fmt.Println(lines[4])
	// Output:
	// 1 page
	// 青山县人民政府办公室关于2025年第一季度政务服务工作情况的通报
	// 青政办〔2025〕12号
	// 一、总体情况
}

func TestNeedsSpace(t *testing.T) {
	tests := []struct {
		a, b    string
		chinese bool
		want    bool
	}{
		{"取得积极", "成效。", true, false},
		{"全市地区生产总值（GDP）达到2376.", "5亿元", true, false},
		{"受理5", "G基站", true, false},
		{"this is a", "word", true, true},
		{"生产总值（GD", "P）319.73亿元", true, false},
		{"PM2.", "5平均浓度", true, false},
		{"推进Made in", "China品牌", true, true},
		{"the quick", "brown fox", false, true},
		{"Abstract Syntax Notation One", "(ASN.1)", false, true},
		{"man-", "agement", false, false},
		{"version 4.", "19", false, false},
		{"in", "中文", false, false},
	}
	for _, tt := range tests {
		if got := needsSpace(tt.a, tt.b, tt.chinese); got != tt.want {
			t.Errorf("needsSpace(%q, %q, %v) = %v, want %v", tt.a, tt.b, tt.chinese, got, tt.want)
		}
	}
}

func TestUnifyIdeographs(t *testing.T) {
	tests := map[string]string{
		"⻘⼭县⼈⺠政府": "青山县人民政府", // CJK radicals supplement and Kangxi radicals
		"\uF900":  "豈",       // a CJK compatibility ideograph
		"青山，2025": "青山，2025", // nothing to change; full-width punctuation kept
	}
	for in, want := range tests {
		if got := unifyIdeographs(in); got != want {
			t.Errorf("unifyIdeographs(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPageStates checks what Read says of each page: a page with only a table border is blank, not
// a scan; a page drawing an image and no text is a scan, named in a warning; PageStarts points where
// each page's text begins.
func TestPageStates(t *testing.T) {
	image := "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\xff\nendstream"
	border := "0.5 w 72 600 451 100 re S 72 650 m 523 650 l S\n"
	tests := []struct {
		name     string
		body     []byte
		states   []PageState
		warnings []string
		last     string // the text from the last page's start
	}{
		{"border only", testPDF("/Font << /F1 3 0 R >>", []string{gbkFont}, text(72, 700, gbk("第一页正文。")), border),
			[]PageState{PageText, PageBlank}, nil, ""},
		{"image only", testPDF("/Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >>", []string{gbkFont, image},
			text(72, 700, gbk("第一页正文。")), "q 595 0 0 842 0 0 cm /Im1 Do Q\n", text(72, 700, gbk("第三页正文。"))),
			[]PageState{PageText, PageScanned, PageText}, []string{"page 2: no text layer (scanned image?)"}, "第三页正文。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.PageStates, tt.states) || !slices.Equal(res.Warnings, tt.warnings) {
				t.Errorf("states %v, warnings %q; want %v, %q", res.PageStates, res.Warnings, tt.states, tt.warnings)
			}
			if len(res.PageStarts) != res.Pages || strings.TrimSpace(res.Text[res.PageStarts[len(res.PageStarts)-1]:]) != tt.last {
				t.Errorf("page starts %v in %q", res.PageStarts, res.Text)
			}
		})
	}
}
