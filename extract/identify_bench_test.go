package extract_test

import (
	"testing"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index/testcorpus"
)

// BenchmarkIdentify runs the identity step of Extract alone on the reports
// of BenchmarkExtractReports, with the dates Extract finds before it.
func BenchmarkIdentify(b *testing.B) {
	ex := &extract.Extractor{}
	var docs []*extract.Document
	for i := range 200 {
		doc, err := ex.Extract(extract.Input{Name: "report.txt", Body: []byte(testcorpus.Document(i, 42).Text)})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		for _, d := range docs {
			extract.Identify(&extract.Document{Text: d.Text, Metadata: d.Metadata, Dates: d.Dates})
		}
	}
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e3/float64(b.N*len(docs)), "cpu-µs/doc")
}
