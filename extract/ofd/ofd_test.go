package ofd

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/formats/report.ofd and the golden files")

const fixture = "../../testdata/formats/report.ofd"

// TestReadFixture reads the OFD file made from testdata/formats/report.txt (see makeOFD): the text
// must come back paragraph for paragraph, table rows with tabs between cells, and the template's
// red header first on each page.
func TestReadFixture(t *testing.T) {
	src, err := os.ReadFile("../../testdata/formats/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(fixture, makeOFD(t, string(src), 12), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	body, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Read(body)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	paras := strings.Split(strings.TrimSpace(string(src)), "\n")
	for i, p := range paras {
		if i%12 == 0 {
			want.WriteString(header + "\n")
		}
		want.WriteString(p + "\n")
	}
	if diff := cmp.Diff(want.String(), res.Text); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	if res.Title != "青山县民政局关于2024年度民政工作情况的报告" || res.Metadata["作者"] != "青山县民政局" ||
		res.Metadata["创建日期"] != "2025-01-16" || res.Metadata["文号"] != "青民〔2025〕7号" {
		t.Errorf("metadata: title %q, %v", res.Title, res.Metadata)
	}
	if res.Pages != 2 || len(res.Warnings) != 0 {
		t.Errorf("pages %d, warnings %q", res.Pages, res.Warnings)
	}
}

func TestReadCases(t *testing.T) {
	page := func(content string) []byte {
		return zipOf(t, map[string]string{
			"OFD.xml":                        ofdXML(""),
			"Doc_0/Document.xml":             documentXML(1, false),
			"Doc_0/Pages/Page_0/Content.xml": pageXML(false, content),
		})
	}
	tests := []struct {
		name, content, want string
	}{
		{"repeat deltas", `<ofd:TextObject ID="1" Boundary="20 20 100 10" Font="3" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5">公开报告</ofd:TextCode></ofd:TextObject>`, "公开报告\n"},
		{"objects out of order on one line", `<ofd:TextObject ID="1" Boundary="50 20 100 10" Size="5"><ofd:TextCode X="0" Y="5">报告</ofd:TextCode></ofd:TextObject>` +
			`<ofd:TextObject ID="2" Boundary="20 20 100 10" Size="5"><ofd:TextCode X="0" Y="5">年度</ofd:TextCode></ofd:TextObject>`, "年度\t报告\n"},
		{"lines top to bottom", `<ofd:TextObject ID="1" Boundary="20 40 100 10" Size="5"><ofd:TextCode X="0" Y="5">下</ofd:TextCode></ofd:TextObject>` +
			`<ofd:TextObject ID="2" Boundary="20 20 100 10" Size="5"><ofd:TextCode X="0" Y="5">上</ofd:TextCode></ofd:TextObject>`, "上\n下\n"},
		{"latin words keep their space", `<ofd:TextObject ID="1" Boundary="20 20 100 10" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="2 2 2 2 2">GDP 5.2%</ofd:TextCode></ofd:TextObject>`, "GDP 5.2%\n"},
		{"CTM scales and moves", `<ofd:TextObject ID="1" Boundary="0 0 100 10" CTM="2 0 0 2 10 10" Size="2"><ofd:TextCode X="0" Y="2">缩放</ofd:TextCode></ofd:TextObject>`, "缩放\n"},
		{"no prefix, other namespace", `<TextObject xmlns="urn:x" ID="1" Boundary="20 20 100 10" Size="5"><TextCode X="0" Y="5">无前缀</TextCode></TextObject>`, "无前缀\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(page(tt.content))
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want {
				t.Errorf("got %q, want %q", res.Text, tt.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name    string
		body    []byte
		wantErr string // "" when a warning is expected instead
		warning string
	}{
		{"not a zip", []byte("hello"), "not an OFD file", ""},
		{"no OFD.xml", zipOf(t, map[string]string{"a.xml": "<a/>"}), "OFD.xml is missing", ""},
		{"no body", zipOf(t, map[string]string{"OFD.xml": `<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>`}), "names no document", ""},
		{"missing page", zipOf(t, map[string]string{"OFD.xml": ofdXML(""), "Doc_0/Document.xml": documentXML(1, false)}), "", "page 1: Doc_0/Pages/Page_0/Content.xml is missing"},
		{"image only page", zipOf(t, map[string]string{"OFD.xml": ofdXML(""), "Doc_0/Document.xml": documentXML(1, false),
			"Doc_0/Pages/Page_0/Content.xml": pageXML(false, `<ofd:ImageObject ID="5" Boundary="0 0 210 297" ResourceID="9"/>`)}), "", "page 1: no text (a scanned image?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(tt.body)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Warnings) != 1 || res.Warnings[0] != tt.warning {
				t.Errorf("warnings %q, want %q", res.Warnings, tt.warning)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	if body, err := os.ReadFile(fixture); err == nil {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		res, err := Read(body)
		if err == nil && res == nil {
			t.Fatal("nil result without an error")
		}
	})
}

// FuzzContent fuzzes the page content reader, past the zip.
func FuzzContent(f *testing.F) {
	f.Add(pageXML(false, `<ofd:TextObject ID="1" Boundary="20 20 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5">公开报告</ofd:TextCode></ofd:TextObject>`))
	f.Fuzz(func(t *testing.T, content string) {
		p := &pkg{files: map[string]*zip.File{}}
		zr, err := zip.NewReader(bytes.NewReader(zipOf(t, map[string]string{"c.xml": content})), 1<<20)
		if err != nil {
			t.Skip()
		}
		p.files["c.xml"] = zr.File[0]
		p.page("c.xml", nil)
	})
}

const header = "青山县民政局文件"

// Layout of the generated pages, in millimetres: A4, 28 mm margins, 16-point type (5.6 mm).
const (
	pageLeft  = 28.0
	pageRight = 182.0
	bodySize  = 5.6
	lineGap   = 9.5
)

// makeOFD lays out src as an OFD file the way a 公文 system writes one: each paragraph (a line of
// src) wrapped at the right margin with a two-character indent, the first line a centred title,
// tab-separated lines as table rows, the last two lines flush right, perPage paragraphs a page,
// one TextObject per line or cell with DeltaX advances (runs written "g N v"), a red header in a
// template every page uses, and a font that is named but not embedded.
func makeOFD(t testing.TB, src string, perPage int) []byte {
	paras := strings.Split(strings.TrimSpace(src), "\n")
	files := map[string]string{
		"OFD.xml": ofdXML(`<ofd:CustomDatas><ofd:CustomData Name="文号">青民〔2025〕7号</ofd:CustomData></ofd:CustomDatas>`),
		"Doc_0/PublicRes.xml": `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res">` +
			`<ofd:Fonts><ofd:Font ID="3" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>`,
		"Doc_0/Tpls/Tpl_0/Content.xml": pageXML(false, objectXML(1, 105-4*9.0/2, 25, 9, header, 9)),
	}
	pages := (len(paras) + perPage - 1) / perPage
	files["Doc_0/Document.xml"] = documentXML(pages, true)
	id := 100
	for p := 0; p < pages; p++ {
		var b strings.Builder
		y := 45.0
		for i := p * perPage; i < min(len(paras), (p+1)*perPage); i++ {
			para := paras[i]
			switch {
			case i == 0: // the title, centred, larger
				w := width(para, 7.7)
				b.WriteString(objectXML(id, 105-w/2, y, 7.7, para, 7.7))
				id++
				y += 14
			case strings.Contains(para, "\t"):
				for c, cell := range strings.Split(para, "\t") {
					b.WriteString(objectXML(id, pageLeft+[]float64{0, 60, 95, 125}[c], y, bodySize, cell, bodySize))
					id++
				}
				y += lineGap
			case i >= len(paras)-2: // signature and date, flush right
				b.WriteString(objectXML(id, pageRight-width(para, bodySize), y, bodySize, para, bodySize))
				id++
				y += lineGap
			default:
				x := pageLeft + 2*bodySize
				var line []rune
				flush := func() {
					b.WriteString(objectXML(id, x, y, bodySize, string(line), bodySize))
					id++
					y += lineGap
					x, line = pageLeft, nil
				}
				for _, r := range para {
					if x+width(string(line)+string(r), bodySize) > pageRight+0.01 {
						flush()
					}
					line = append(line, r)
				}
				flush()
			}
		}
		files[fmt.Sprintf("Doc_0/Pages/Page_%d/Content.xml", p)] = pageXML(true, b.String())
	}
	return zipOf(t, files)
}

func width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += advance(r, size)
	}
	return w
}

func advance(r rune, size float64) float64 {
	if r < 0x2E80 {
		return size / 2
	}
	return size
}

// objectXML writes one line of text at (x, y) (the top of the line box).
func objectXML(id int, x, y, size float64, text string, _ float64) string {
	var dx []string
	rs := []rune(text)
	for i := 0; i+1 < len(rs); {
		a := advance(rs[i], size)
		n := 1
		for i+n+1 < len(rs) && advance(rs[i+n], size) == a {
			n++
		}
		if n >= 3 {
			dx = append(dx, fmt.Sprintf("g %d %g", n, a))
		} else {
			for k := 0; k < n; k++ {
				dx = append(dx, fmt.Sprintf("%g", a))
			}
		}
		i += n
	}
	return fmt.Sprintf(`<ofd:TextObject ID="%d" Boundary="%g %g %g %g" Font="3" Size="%g"><ofd:FillColor Value="0 0 0"/>`+
		`<ofd:TextCode X="0" Y="%g" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>`,
		id, x, y, width(text, size)+1, size*1.3, size, size, strings.Join(dx, " "), text)
}

func ofdXML(custom string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody>` +
		`<ofd:DocInfo><ofd:DocID>6f3c0a1e9b2d4c5e8f7a6b5c4d3e2f1a</ofd:DocID><ofd:Title>青山县民政局关于2024年度民政工作情况的报告</ofd:Title>` +
		`<ofd:Author>青山县民政局</ofd:Author><ofd:CreationDate>2025-01-16</ofd:CreationDate><ofd:Creator>gongwen test generator</ofd:Creator>` +
		custom + `</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`
}

func documentXML(pages int, template bool) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData>` +
		`<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>` +
		`<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>`)
	if template {
		b.WriteString(`<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>`)
	}
	b.WriteString(`</ofd:CommonData><ofd:Pages>`)
	for i := range pages {
		fmt.Fprintf(&b, `<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>`, 10+i, i)
	}
	b.WriteString(`</ofd:Pages></ofd:Document>`)
	return b.String()
}

func pageXML(template bool, objects string) string {
	tpl := ""
	if template {
		tpl = `<ofd:Template TemplateID="2" ZOrder="Background"/>`
	}
	return `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016">` + tpl +
		`<ofd:Content><ofd:Layer ID="4" Type="Body">` + objects + `</ofd:Layer></ofd:Content></ofd:Page>`
}

func zipOf(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
