package extract

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gongwen/gongwen/extract/pdf/ocr"
)

// formatFixtures are the files of every format beyond HTML, PDF text, DOCX and text, with their
// golden JSON in testdata/golden/formats.
var formatFixtures = []string{
	"../testdata/formats/report.doc",
	"../testdata/formats/report.wps",
	"../testdata/formats/report.ofd",
	"../testdata/sheet/stats.xls",
	"../testdata/sheet/stats.xlsx",
	"../testdata/sheet/stats-biff.et",
	"../testdata/formats/bundle.zip",
	"../testdata/formats/bundle.rar",
	"../testdata/formats/scanned-150dpi.pdf",
}

// TestFormatsGolden extracts each fixture (an archive into all its documents) and compares the
// JSON lines with the golden file. The scanned PDF is read by OCR, so it needs Tesseract: skipped
// without it, except in CI.
func TestFormatsGolden(t *testing.T) {
	if *update {
		writeBundle(t)
	}
	ex := &Extractor{Segmenter: testSegmenter(t)}
	for _, file := range formatFixtures {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			if strings.HasSuffix(name, ".pdf") {
				if err := ocr.Check(); err != nil {
					if os.Getenv("CI") != "" {
						t.Fatal(err)
					}
					t.Skip(err)
				}
				ex := *ex
				ex.OCR = true
				checkGolden(t, &ex, file)
				return
			}
			checkGolden(t, ex, file)
		})
	}
}

func checkGolden(t *testing.T, ex *Extractor, file string) {
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ex.ExtractAll(Input{Name: filepath.Base(file), Body: body})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	for _, doc := range docs {
		checkSpans(t, doc)
		for _, tb := range doc.Tables {
			if tb.Start < 0 || tb.Start > len([]rune(doc.Text)) {
				t.Errorf("%s: table start %d out of the text", doc.Source.File, tb.Start)
			}
		}
		b, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got.Write(b)
		got.WriteByte('\n')
	}
	golden := filepath.Join("../testdata/golden/formats", filepath.Base(file)+".json")
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -run TestFormatsGolden -update)", err)
	}
	if !bytes.Equal(want, got.Bytes()) {
		t.Errorf("%s differs from %s; run go test ./extract -run TestFormatsGolden -update and review the diff", file, golden)
	}
}

// writeBundle writes testdata/formats/bundle.zip as Chinese Windows tools write archives: GBK names
// without the UTF-8 flag, a folder, a zip inside the zip, and an image that is not read.
func writeBundle(t *testing.T) {
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	inner := zipFiles(t, []zipFile{{"附件3：报告.ofd", read("../testdata/formats/report.ofd"), true}})
	body := zipFiles(t, []zipFile{
		{"材料/", nil, true},
		{"材料/附件1：民政工作报告.doc", read("../testdata/formats/report.doc"), true},
		{"材料/附件2：主要指标.xlsx", read("../testdata/sheet/stats.xlsx"), true},
		{"说明.txt", []byte("青山县民政局2024年度报送材料。\n附件1为工作报告，附件2为主要指标。\n"), false},
		{"扫描件.zip", inner, true},
		{"封面.jpg", []byte("\xFF\xD8\xFF\xE0 not really a picture"), true},
	})
	if err := os.WriteFile("../testdata/formats/bundle.zip", body, 0o644); err != nil {
		t.Fatal(err)
	}
}

type zipFile struct {
	name string
	body []byte
	gbk  bool // name in GBK without the UTF-8 flag
}

func zipFiles(t *testing.T, files []zipFile) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
		if f.gbk {
			h.Name, _ = simplifiedchinese.GBK.NewEncoder().String(f.name)
			h.NonUTF8 = true
		} else {
			h.Flags |= 0x800
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSniffFormats(t *testing.T) {
	for file, want := range map[string]Format{
		"../testdata/formats/report.doc":  FormatDOC,
		"../testdata/formats/report.wps":  FormatDOC,
		"../testdata/formats/report.ofd":  FormatOFD,
		"../testdata/sheet/stats.xls":     FormatXLS,
		"../testdata/sheet/stats-biff.et": FormatXLS,
		"../testdata/sheet/stats.xlsx":    FormatXLSX,
		"../testdata/formats/bundle.zip":  FormatZip,
		"../testdata/formats/bundle.rar":  FormatRar,
		"../testdata/docx/report.docx":    FormatDOCX,
		"../testdata/formats/report.fodt": FormatUnknown,
	} {
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		// A misleading name changes nothing: the content decides.
		if got := Sniff("misnamed.pdf", "", body); got != want && want != FormatUnknown {
			t.Errorf("%s: Sniff = %q, want %q", file, got, want)
		}
	}
}

// TestRarCut: a RAR archive cut short, as an interrupted download leaves it, is an error that says
// so, not an archive of the files before the cut.
func TestRarCut(t *testing.T) {
	body, err := os.ReadFile("../testdata/formats/bundle.rar")
	if err != nil {
		t.Fatal(err)
	}
	ex := &Extractor{Segmenter: testSegmenter(t)}
	docs, err := ex.ExtractAll(Input{Name: "bundle.rar", Body: body[:len(body)*2/3]})
	if want := "extract: bundle.rar: truncated RAR archive (cut short in a download?)"; err == nil || err.Error() != want || docs != nil {
		t.Fatalf("err = %v, want %q", err, want)
	}
}

func TestScannedWithoutOCR(t *testing.T) {
	body, err := os.ReadFile("../testdata/formats/scanned-150dpi.pdf")
	if err != nil {
		t.Fatal(err)
	}
	_, err = (&Extractor{Segmenter: testSegmenter(t)}).Extract(Input{Name: "scan.pdf", Body: body})
	if err == nil || !strings.HasSuffix(err.Error(), "try --ocr") {
		t.Fatalf("err = %v, want one naming --ocr", err)
	}
}

func TestSkipReason(t *testing.T) {
	for name, want := range map[string]string{
		"a.doc": "", "b.WPS": "", "c.ofd": "", "d.et": "", "e.zip": "", "f.rar": "",
		"f.7z":  "7z archive: not read; unpack it first",
		"g.jpg": "image: not read (OCR reads scanned PDFs only)",
		"h":     "no file name extension",
		"i.exe": "not a format gongwen reads (gongwen extract --formats lists them)",
	} {
		if got := SkipReason(name); got != want {
			t.Errorf("SkipReason(%q) = %q, want %q", name, got, want)
		}
	}
}
