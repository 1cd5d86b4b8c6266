package docx

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/gongwen/gongwen/internal/hostile"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestReadGolden reads a .docx made by LibreOffice (testdata/docx/make.sh) and compares it with its
// golden text.
func TestReadGolden(t *testing.T) {
	files, err := filepath.Glob("../../testdata/docx/*.docx")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			body, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Read(body)
			if err != nil {
				t.Fatal(err)
			}
			tables, err := json.MarshalIndent(res.Tables, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			base := strings.TrimSuffix(file, ".docx")
			for _, g := range []struct{ file, got string }{{base + ".golden", res.Text}, {base + ".tables.json", string(tables) + "\n"}} {
				if *update {
					if err := os.WriteFile(g.file, []byte(g.got), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(g.file)
				if err != nil {
					t.Fatal(err)
				}
				if g.got != string(want) {
					t.Errorf("differs from %s (run with -update to accept):\n%s", g.file, g.got)
				}
			}
		})
	}
}

// makeDocx returns a zip holding word/document.xml with the given body inside w:document/w:body, and
// the other parts given as name, content pairs.
func makeDocx(t testing.TB, body string, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts = append([]string{"word/document.xml", fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>`+
		`<w:document xmlns:w="%s" xmlns:mc="%s"><w:body>%s</w:body></w:document>`, nsW, nsMC, body)}, parts...)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// numberingXML defines list 1 (一、 then （一） below it, as in 公文), list 2 (bullets) and list 3
// (list 1's definition restarted at 五); stylesXML numbers the Heading1 style with list 1.
var (
	numberingXML = `<w:numbering xmlns:w="` + nsW + `">` +
		`<w:abstractNum w:abstractNumId="0">` +
		`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>` +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
		`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>` +
		`</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
		`</w:numbering>`
	stylesXML = `<w:styles xmlns:w="` + nsW + `">` +
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>` +
		`</w:styles>`
)

// numbered is a paragraph in list numID at level ilvl ("" leaves the property out).
func numbered(numID, ilvl, text string) string {
	pr := ""
	if ilvl != "" {
		pr += `<w:ilvl w:val="` + ilvl + `"/>`
	}
	if numID != "" {
		pr += `<w:numId w:val="` + numID + `"/>`
	}
	return `<w:p><w:pPr><w:numPr>` + pr + `</w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func styled(style, text string) string {
	return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func TestNumbering(t *testing.T) {
	body := numbered("1", "0", "总体情况") + numbered("1", "1", "主要成效") + numbered("1", "2", "第一项") +
		numbered("1", "2", "第二项") + numbered("1", "1", "存在问题") + styled("Heading1", "主要做法") +
		numbered("1", "1", "健全机制") + styled("MyHeading", "下一步工作") + numbered("2", "0", "要点") +
		numbered("3", "0", "另起编号") + numbered("9", "0", "未定义的列表") + numbered("1", "0", "")
	for i := 0; i < 7; i++ {
		body += numbered("1", "0", "条")
	}
	res, err := Read(makeDocx(t, body, "word/numbering.xml", numberingXML, "word/styles.xml", stylesXML))
	if err != nil {
		t.Fatal(err)
	}
	want := "一、总体情况\n（一）主要成效\n1.第一项\n2.第二项\n（二）存在问题\n二、主要做法\n（一）健全机制\n三、下一步工作\n" +
		"要点\n五、另起编号\n未定义的列表\n五、条\n六、条\n七、条\n八、条\n九、条\n十、条\n十一、条\n"
	if got := res.Text; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {105, "chineseCountingThousand", "一百零五"},
		{110, "chineseCountingThousand", "一百一十"}, {105, "chineseCounting", "一〇五"}, {10, "chineseLegalSimplified", "壹拾"},
		{3, "ideographTraditional", "丙"}, {3, "decimalEnclosedCircleChinese", "③"},
		{12, "decimalFullWidth", "１２"}, {28, "upperLetter", "BB"}, {1 << 40, "upperLetter", "1099511627776"}, {14, "lowerRoman", "xiv"},
		{7, "decimalZero", "07"}, {99, "somethingNew", "99"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %q) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func TestRead(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"paragraphs", `<w:p><w:r><w:t>第一段</w:t></w:r><w:r><w:t xml:space="preserve">，续</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p>`,
			"第一段，续\n第二段\n"},
		{"empty paragraph dropped", `<w:p/><w:p><w:r><w:t>正文</w:t></w:r></w:p><w:p><w:r><w:t> </w:t></w:r></w:p>`, "正文\n"},
		{"tab and break in a run, tab stops ignored",
			`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r></w:p>`,
			"甲\t乙\n丙\n"},
		{"table rows as lines",
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr>` +
				`<w:tr><w:tc><w:p><w:r><w:t>受理</w:t></w:r></w:p><w:p><w:r><w:t>案件</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p><w:r><w:t>表后</w:t></w:r></w:p>`,
			"项目\t数量\n受理 案件\t\n表后\n"},
		{"nested table flattened into its cell",
			`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>右</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
			"外 内1 内2\t右\n"},
		{"a merged cell leaves empty fields after it",
			`<w:tbl><w:tr>` + tc("甲", `<w:gridSpan w:val="2"/>`) + tc("乙", "") + `</w:tr><w:tr>` + tc("1", "") + tc("2", "") + tc("3", "") + `</w:tr></w:tbl>`,
			"甲\t\t乙\n1\t2\t3\n"},
		{"deleted text and field codes left out",
			`<w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins></w:p>`,
			"新\n"},
		{"text box fallback not repeated",
			`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>框外</w:t></w:r></w:p>`,
			"框内\n框外\n"},
		{"entities", `<w:p><w:r><w:t>A&amp;B &lt;2&gt;</w:t></w:r></w:p>`, "A&B <2>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(makeDocx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Text; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// tc is a table cell of text with optional properties (w:gridSpan, w:vMerge).
func tc(text, props string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>`
}

func TestReadTables(t *testing.T) {
	span := func(n string) string { return `<w:gridSpan w:val="` + n + `"/>` }
	restart, cont := `<w:vMerge w:val="restart"/>`, `<w:vMerge/>`
	body := `<w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p><w:tbl>` +
		`<w:tr>` + tc("", span("2")+restart) + tc("申请人情况", span("3")) + `</w:tr>` +
		`<w:tr>` + tc("", span("2")+cont) + tc("自然人", "") + tc("法人或其他组织", span("2")) + `</w:tr>` +
		`<w:tr>` + tc("一、本年新收政府信息公开申请数量", span("2")) + tc("3001", "") + tc("53", "") + tc("0", "") + `</w:tr>` +
		`<w:tr>` + tc("三、本年度办理结果", restart) + tc("（一）予以公开", "") + tc("1288", "") + tc("21", "") + tc("", "") + `</w:tr>` +
		`<w:tr>` + tc("", cont) + tc("（二）部分公开", "") + tc("447", "") + tc("7", "") + tc("/", "") + `</w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("（七）总计", "") + tc("1735", "") + tc("28", "") + tc("0", "") + `</w:tr>` +
		`</w:tbl><w:tbl><w:tr>` + tc("只有一格", "") + `</w:tr></w:tbl>`
	res, err := Read(makeDocx(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Tables) != 1 {
		t.Fatalf("got %d tables, want 1 (a one-cell box is no table)", len(res.Tables))
	}
	want := [][]string{
		{"", "", "申请人情况", "申请人情况", "申请人情况"},
		{"", "", "自然人", "法人或其他组织", "法人或其他组织"},
		{"一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "3001", "53", "0"},
		{"三、本年度办理结果", "（一）予以公开", "1288", "21", ""},
		{"三、本年度办理结果", "（二）部分公开", "447", "7", "/"},
		{"", "（七）总计", "1735", "28", "0"},
	}
	tb := res.Tables[0]
	if diff := cmp.Diff(want, tb.Rows); diff != "" {
		t.Errorf("grid (-want +got):\n%s", diff)
	}
	if got := string([]rune(res.Text)[tb.Start:][:7]); got != "\t\t申请人情况" {
		t.Errorf("Start points at %q, want the first row", got)
	}
	if !strings.Contains(res.Text, "一、本年新收政府信息公开申请数量\t\t3001\t53\t0\n三、本年度办理结果\t（一）予以公开\t1288\t21\t\n\t（二）部分公开\t447") {
		t.Errorf("text rows changed:\n%s", res.Text)
	}
}

func TestReadErrors(t *testing.T) {
	real, err := os.ReadFile("../../testdata/docx/report.docx")
	if err != nil {
		t.Fatal(err)
	}
	noDocument := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/styles.xml")
		w.Write([]byte("<x/>"))
		zw.Close()
		return buf.Bytes()
	}()
	tests := []struct {
		name string
		body []byte
		want string
	}{
		{"empty", nil, "not a DOCX file"},
		{"not a zip", []byte("<html>error page</html>"), "not a DOCX file"},
		{"truncated", real[:len(real)/2], "not a DOCX file"},
		{"no document part", noDocument, "no word/document.xml"},
		{"broken XML", makeDocx(t, `<w:p><w:r><w:t>未闭合</w:r></w:p>`), "word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.body)
			if err == nil {
				t.Fatalf("got %q, want an error", res.Text)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	real, err := os.ReadFile("../../testdata/docx/report.docx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add(real[:len(real)/2])
	f.Add(makeDocx(f, `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t><w:tab/></w:r></w:p></w:tc></w:tr></w:tbl>`))
	f.Add(makeDocx(f, numbered("1", "1", "一")+styled("MyHeading", "二"), "word/numbering.xml", numberingXML, "word/styles.xml", stylesXML))
	for _, bomb := range hostile.DOCXBombs(2) { // TestBombs reads them at full size
		f.Add(bomb.Body)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := Read(body)
		if err != nil {
			if res != nil {
				t.Errorf("result %+v returned with error %v", res, err)
			}
			return
		}
		text := res.Text
		for _, tb := range res.Tables {
			if tb.Start < 0 || tb.Start > utf8.RuneCountInString(text) {
				t.Errorf("table start %d outside the text", tb.Start)
			}
			for _, row := range tb.Rows {
				if len(row) != len(tb.Rows[0]) {
					t.Errorf("ragged grid %q", tb.Rows)
				}
			}
		}
		if !utf8.ValidString(text) {
			t.Errorf("invalid UTF-8: %q", text)
		}
		if text != "" && !strings.HasSuffix(text, "\n") {
			t.Errorf("text does not end with a newline: %q", text)
		}
		for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
			if text != "" && strings.TrimSpace(line) == "" {
				t.Errorf("blank line in %q", text)
			}
		}
	})
}

func ExampleRead() {
	body, err := os.ReadFile("../../testdata/docx/report.docx")
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
	for _, l := range lines[6:9] {
		fmt.Printf("%q\n", l)
	}
	// Output:
	// "领域\t受理件数\t占比"
	// "自然资源\t58\t33.7%"
	// "市场监管\t41\t23.8%"
}
