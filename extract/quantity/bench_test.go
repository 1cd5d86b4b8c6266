package quantity

import (
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("testdata", "report.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	s := string(text)
	skip := masks(s)
	for b.Loop() {
		Find(s, skip...)
	}
}

func BenchmarkParseNumber(b *testing.B) {
	for b.Loop() {
		ParseNumber("1,100.9亿")
		ParseNumber("二十万亿")
	}
}
