package table_test

import (
	"testing"

	"github.com/gongwen/gongwen/extract/table"
	"github.com/gongwen/gongwen/index/testcorpus"
)

// BenchmarkReadTextReports runs ReadText over the generated reports of
// BenchmarkExtractReports (extract).
func BenchmarkReadTextReports(b *testing.B) {
	var texts []string
	size := 0
	for i := range 200 {
		text := testcorpus.Document(i, 42).Text
		texts = append(texts, text)
		size += len(text)
	}
	b.SetBytes(int64(size))
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		for _, text := range texts {
			table.ReadText(text)
		}
	}
	// CPU time per document holds on a loaded machine, where wall time does not.
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e3/float64(b.N*len(texts)), "cpu-µs/doc")
}
