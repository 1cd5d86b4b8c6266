package docx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
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
			got, err := Read(body)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".docx") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s (run with -update to accept):\n%s", golden, got)
			}
		})
	}
}

// makeDocx returns a zip holding word/document.xml with the given body inside w:document/w:body.
func makeDocx(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="%s" xmlns:mc="%s"><w:body>%s</w:body></w:document>`, nsW, nsMC, body)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
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
			got, err := Read(makeDocx(t, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
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
			got, err := Read(tt.body)
			if err == nil {
				t.Fatalf("got %q, want an error", got)
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
	f.Fuzz(func(t *testing.T, body []byte) {
		text, err := Read(body)
		if err != nil {
			if text != "" {
				t.Errorf("text %q returned with error %v", text, err)
			}
			return
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
	text, err := Read(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(text, "\n")
	for _, l := range lines[6:9] {
		fmt.Printf("%q\n", l)
	}
	// Output:
	// "领域\t受理件数\t占比"
	// "自然资源\t58\t33.7%"
	// "市场监管\t41\t23.8%"
}
