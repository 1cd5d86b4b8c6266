package pdf

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	pdflib "github.com/ledongthuc/pdf"
)

var benchFiles = []string{"single-noto", "single-wqy", "long-noto", "long-wqy", "table-noto"}

// BenchmarkRead reads each text fixture; testdata/pdf/bench.sh compares with pdftotext.
func BenchmarkRead(b *testing.B) {
	for _, name := range benchFiles {
		body := benchFixture(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := Read(body); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLibrary measures the library's own text functions on the long fixture, for comparison:
// GetPlainText has no positions (so no paragraphs, headers or tables), Content has them but parses
// each font again at every font change.
func BenchmarkLibrary(b *testing.B) {
	body := benchFixture(b, "long-noto")
	b.Run("GetPlainText", func(b *testing.B) {
		for b.Loop() {
			r, err := pdflib.NewReader(bytes.NewReader(body), int64(len(body)))
			if err != nil {
				b.Fatal(err)
			}
			text, err := r.GetPlainText()
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, text)
		}
	})
	b.Run("Content", func(b *testing.B) {
		for b.Loop() {
			r, err := pdflib.NewReader(bytes.NewReader(body), int64(len(body)))
			if err != nil {
				b.Fatal(err)
			}
			for i := 1; i <= r.NumPage(); i++ {
				r.Page(i).Content()
			}
		}
	})
}

func benchFixture(b *testing.B, name string) []byte {
	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", name+".pdf"))
	if err != nil {
		b.Fatal(err)
	}
	return body
}

// BenchmarkTables reads table-heavy PDFs with and without the table pass (ruling lines collected,
// tables rebuilt, joined over pages): the generated tables-long and tables-form, and the real budget
// and bulletin in ../shared when it is there. Compare the "tables" and "text" times of each file;
// cpu-ms/op (the process's CPU time) is steadier than ns/op on a busy machine.
func BenchmarkTables(b *testing.B) {
	files := map[string]string{
		"tables-long": filepath.Join("..", "..", "testdata", "pdf", "tables-long.pdf"),
		"tables-form": filepath.Join("..", "..", "testdata", "pdf", "tables-form.pdf"),
		"wanli":       filepath.Join("..", "..", "..", "shared", "realdocs", "pdf_putuo_wanli_budget2024.pdf"),
		"qiandongnan": filepath.Join("..", "..", "..", "shared", "realdocs", "pdf_qiandongnan_tjgb2023.pdf"),
		"szfgs":       filepath.Join("..", "..", "..", "shared", "eval", "tables", "pdf_szfgs2024_xxgk.pdf"),
	}
	for _, name := range []string{"tables-long", "tables-form", "wanli", "qiandongnan", "szfgs"} {
		body, err := os.ReadFile(files[name])
		if err != nil {
			b.Logf("%s skipped: %v", name, err)
			continue
		}
		for _, tables := range []bool{false, true} {
			pass := map[bool]string{false: "text", true: "tables"}[tables]
			b.Run(name+"/"+pass, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				start, ok := cpuTime()
				for b.Loop() {
					if _, err := read(body, tables); err != nil {
						b.Fatal(err)
					}
				}
				if end, _ := cpuTime(); ok {
					b.ReportMetric(float64(end-start)/1e6/float64(b.N), "cpu-ms/op")
				}
			})
		}
	}
}
