package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRead reads each text fixture; compare with testdata/pdf/bench.sh for pdftotext.
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"single-noto", "single-wqy", "long-noto", "long-wqy"} {
		body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdf", name+".pdf"))
		if err != nil {
			b.Fatal(err)
		}
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
