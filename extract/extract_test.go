package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/region"

	"github.com/gongwen/gongwen/extract/segment"
	"github.com/gongwen/gongwen/internal/hostile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden/extract")

func testSegmenter(t testing.TB) *segment.Segmenter {
	t.Helper()
	seg, err := segment.DefaultSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	return seg
}

// TestExtractGolden runs every bundled sample report through Extract and
// compares the JSON with testdata/golden/extract/<name>.json.
func TestExtractGolden(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	files, err := filepath.Glob("../testdata/reports/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample reports: %v", err)
	}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ex.Extract(Input{Name: name, Body: body})
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, doc)
			got, err := json.MarshalIndent(doc, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("../testdata/golden/extract", strings.TrimSuffix(name, filepath.Ext(name))+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
				t.Errorf("%s differs from the golden file %s; run go test ./extract -update and review the diff", name, golden)
			}
		})
	}
}

// checkSpans verifies that every rune span of the document points at its text.
func checkSpans(t *testing.T, doc *Document) {
	t.Helper()
	runes := []rune(doc.Text)
	at := func(start, end int) string {
		if start < 0 || end > len(runes) || start > end {
			return "<out of range>"
		}
		return string(runes[start:end])
	}
	for _, in := range doc.Indicators {
		if in.CellRef != nil && in.Start < 0 {
			continue // a cell the reader did not write in the text
		}
		if got := at(in.Start, in.End); got != in.Text {
			t.Errorf("indicator %q: text[%d:%d] = %q", in.Text, in.Start, in.End, got)
		}
	}
	for _, d := range doc.Dates {
		if d.Start >= 0 && at(d.Start, d.End) != d.Text {
			t.Errorf("date %q: text[%d:%d] = %q", d.Text, d.Start, d.End, at(d.Start, d.End))
		}
	}
	for _, n := range doc.DocNumbers {
		if n.Start >= 0 && at(n.Start, n.End) != n.Text {
			t.Errorf("doc number %q: text[%d:%d] = %q", n.Text, n.Start, n.End, at(n.Start, n.End))
		}
	}
	for i, tb := range doc.Tables {
		if tb.Start > len(runes) {
			t.Errorf("table %d starts at %d, after the text", i, tb.Start)
		}
		for _, row := range tb.Rows {
			if len(row) != len(tb.Rows[0]) {
				t.Errorf("table %d: ragged grid", i)
			}
		}
	}
	for _, in := range doc.Indicators {
		if in.CellRef != nil {
			if in.Table >= len(doc.Tables) || in.Row >= len(doc.Tables[in.Table].Rows) || in.Col >= len(doc.Tables[in.Table].Rows[in.Row]) {
				t.Errorf("indicator %q points at no cell: %+v", in.Name, *in.CellRef)
			} else if cell := doc.Tables[in.Table].Rows[in.Row][in.Col]; strings.TrimSpace(cell) != strings.TrimSpace(in.Text) {
				t.Errorf("indicator %q: cell %+v holds %q, not %q", in.Name, *in.CellRef, cell, in.Text)
			}
		}
	}
	for _, s := range doc.Sections {
		if !strings.HasPrefix(at(s.Start, len(runes)), s.Heading) {
			t.Errorf("section %q does not start at %d", s.Heading, s.Start)
		}
	}
}

func TestExtractPlainTextReport(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	body, err := os.ReadFile("../testdata/reports/kaifeng-fzzf-2023.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ex.Extract(Input{Name: "kaifeng.txt", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ what, got, want string }{
		{"title", doc.Title, "开封市人民政府关于2023年度法治政府建设工作情况的报告"},
		{"issuer", doc.Issuer, "开封市人民政府"},
		{"kind", doc.Kind, "fzzf-report"},
		{"index number", doc.IndexNumber, "005190127-0102-2024-00031"},
		{"metadata 文号", doc.Metadata["文号"], "汴政文〔2024〕7号"},
		{"metadata 成文日期", doc.Metadata["成文日期"], "2024-01-26"},
		{"recipients", strings.Join(doc.Recipients, ","), "市人大常委会"},
		{"source file", doc.Source.File, "kaifeng.txt"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if doc.ReportYear != 2023 {
		t.Errorf("report_year = %d, want 2023", doc.ReportYear)
	}
	signed := false
	for _, d := range doc.Dates {
		if d.Value == "2024-01-26" && d.Role == RoleSigned {
			signed = true
		}
	}
	if !signed {
		t.Errorf("no signed date 2024-01-26 in %+v", doc.Dates)
	}
	if len(doc.Sections) < 6 || doc.Sections[0].Heading != "一、加强党的领导,统筹推进法治政府建设" {
		t.Errorf("sections = %+v", doc.Sections)
	}
	if len(doc.DocNumbers) == 0 || doc.DocNumbers[0].Text != "汴政文〔2024〕7号" {
		t.Errorf("doc numbers = %+v", doc.DocNumbers)
	}
}

func TestExtractErrors(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	tests := []struct {
		name string
		body string
		want string
	}{
		{"empty.txt", "", "extract: empty.txt: empty file"},
		{"old.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "extract: old.doc: unknown format"},
		{"blank.txt", "   \n\n ", "extract: blank.txt: no text found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ex.Extract(Input{Name: tt.name, Body: []byte(tt.body)})
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Extract = %v, %v; want error starting %q", doc, err, tt.want)
			}
		})
	}
}

// TestExtractShort checks that a page or file of one sentence is a
// document, not "no text found".
func TestExtractShort(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	for _, in := range []Input{
		{Name: "one.html", Body: []byte("<body>只有一句话。</body>")},
		{Name: "one.txt", Body: []byte("只有一句话。")},
		{URL: "http://www.example.gov.cn/t1.html", ContentType: "text/html", Body: []byte("<html><body><p>同意。</p></body></html>")},
	} {
		doc, err := ex.Extract(in)
		if err != nil {
			t.Errorf("Extract(%s%s): %v; want the sentence as its text", in.Name, in.URL, err)
		} else if !strings.Contains(doc.Text, "一句话") && !strings.Contains(doc.Text, "同意") {
			t.Errorf("Extract(%s%s) text = %q; want the sentence", in.Name, in.URL, doc.Text)
		}
	}
}

func TestDocumentID(t *testing.T) {
	a := documentID("HTTP://Www.Example.gov.cn:80/zwgk/t1.html#top", nil)
	b := documentID("http://www.example.gov.cn/zwgk/t1.html", nil)
	if a != b || len(a) != 16 {
		t.Errorf("ids differ for the same URL: %q %q", a, b)
	}
	sum := []byte("0123456789abcdef0123456789abcdef")
	if documentID("", sum) == b {
		t.Error("content id equals URL id")
	}
}

func FuzzExtract(f *testing.F) {
	for _, seed := range []string{
		"索 引 号 | 1 |\n成文日期 | 2025-01-17 |\n某市人民政府\n关于2024年度工作的\n报 告\n市人大:\n一、概况\n受理案件49545件，成功率98.7%。\n某市人民政府\n2025年1月17日",
		"<html><head><meta charset=gbk></head><body><div class=TRS_Editor>正文1.77亿元</div></body></html>",
		"%PDF-1.4\n1 0 obj",
		"PK\x03\x04word/document.xml",
	} {
		f.Add([]byte(seed))
	}
	// The damaged and hostile text of internal/hostile, small.
	report := []byte("开封市人民政府关于2024年度法治政府建设工作情况的报告\n受理人民调解案件49545件，调解成功率98.7%。")
	f.Add(hostile.CutUTF8(report))
	f.Add(hostile.DamagedUTF8(report))
	f.Add(hostile.RandomBytes(512, 3))
	f.Add(hostile.RandomGB18030(512, 4))
	f.Add([]byte("受理人民调解案件" + strings.Repeat("9", 400) + "件"))
	rar, err := os.ReadFile("../testdata/formats/bundle.rar")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(rar)
	ex := &Extractor{Segmenter: testSegmenter(f)}
	f.Fuzz(func(t *testing.T, body []byte) {
		doc, err := ex.Extract(Input{Name: "fuzz", Body: body})
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("reader panicked: %v", err)
			}
			return
		}
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Fatal("invalid UTF-8 in output")
		}
		if _, err := json.Marshal(doc); err != nil {
			t.Fatalf("the document is no JSON: %v", err)
		}
		checkSpans(t, doc)
	})
}

func TestRegion(t *testing.T) {
	for _, tt := range []struct{ issuer, title, want string }{
		{"驻马店市人民政府", "关于印发…的通知", "411700"},
		{"国务院", "北京市…", ""}, // a national issuer stays national
		{"", "上海市杨浦区人民政府关于印发…的通知", "310110"},
		{"", "2025年山西省政府工作报告", "140000"},
		{"", "２０２４年度缙云县法治政府建设情况", "331122"},
		{"", "关于2024年度法治政府建设情况的报告", ""},
	} {
		r := RegionOf(&Document{Issuer: tt.issuer, Title: tt.title})
		if r.Code() != tt.want {
			t.Errorf("RegionOf(%q, %q) = %q (%s), want %q", tt.issuer, tt.title, r.Code(), r.Name(), tt.want)
		}
	}
	// The extractor's region wins.
	jinyun, _ := region.Lookup("331122")
	if r := RegionOf(&Document{Issuer: "驻马店市人民政府", Region: &jinyun}); r != jinyun {
		t.Errorf("RegionOf ignores the document's region: %+v", r)
	}
}
