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
