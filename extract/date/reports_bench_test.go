package date_test

import (
	"testing"

	"github.com/gongwen/gongwen/extract/date"
	"github.com/gongwen/gongwen/extract/docnum"
	"github.com/gongwen/gongwen/index/testcorpus"
)

// BenchmarkFindReports runs Find over the generated reports of
// BenchmarkExtractReports (extract), skipping their document numbers as
// extract does.
func BenchmarkFindReports(b *testing.B) {
	var texts []string
	var skips [][][2]int
	size := 0
	for i := range 200 {
		text := testcorpus.Document(i, 42).Text
		var skip [][2]int
		for _, n := range docnum.Find(text) {
			skip = append(skip, [2]int{n.Start, n.End})
		}
		texts, skips = append(texts, text), append(skips, skip)
		size += len(text)
	}
	b.SetBytes(int64(size))
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		for k, text := range texts {
			date.Find(text, skips[k]...)
		}
	}
	// CPU time per document holds on a loaded machine, where wall time does not.
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e3/float64(b.N*len(texts)), "cpu-µs/doc")
}
