package extract

import (
	"os"
	"testing"
)

// BenchmarkTables compares the whole extraction of a 政府信息公开工作年度报告
// page (six tables, 200 form cells) with the part that reads its tables:
// rows located in the text, tables annotated, cell figures, the form.
//
//	go test -bench Tables -run '^$' ./extract
func BenchmarkTables(b *testing.B) {
	body, err := os.ReadFile("../testdata/reports/xxgk-qingshan-2024.html")
	if err != nil {
		b.Fatal(err)
	}
	ex := &Extractor{Segmenter: testSegmenter(b)}
	doc, err := ex.Extract(Input{Name: "xxgk.html", Body: body})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("extract", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			if _, err := ex.Extract(Input{Name: "xxgk.html", Body: body}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tables", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		idx := newRuneIndex(doc.Text)
		for b.Loop() {
			d := *doc
			d.Tables = append(d.Tables[:0:0], doc.Tables...)
			tt := locateTables(d.Text, d.Tables, nil, idx)
			annotateTables(&d, tt, idx)
			d.Indicators = cellIndicators(&d, tt, idx)
			readForms(&d)
		}
	})
}
