package indicator_test

import (
	"testing"

	"github.com/gongwen/gongwen/extract/date"
	"github.com/gongwen/gongwen/extract/docnum"
	"github.com/gongwen/gongwen/extract/indicator"
	"github.com/gongwen/gongwen/extract/quantity"
	"github.com/gongwen/gongwen/extract/segment"
	"github.com/gongwen/gongwen/index/testcorpus"
)

// BenchmarkFindReports names the quantities of the generated reports that
// BenchmarkExtractReports of extract reads (200 of about 3 KB), found as
// extract finds them: document numbers, dates, then quantities.
func BenchmarkFindReports(b *testing.B) {
	seg, err := segment.DefaultSegmenter()
	if err != nil {
		b.Skip(err)
	}
	type report struct {
		text string
		qs   []quantity.Quantity
	}
	var reports []report
	size := 0
	for i := range 200 {
		text := testcorpus.Document(i, 42).Text
		var skip [][2]int
		for _, n := range docnum.Find(text) {
			skip = append(skip, [2]int{n.Start, n.End})
		}
		for _, d := range date.Find(text, skip...) {
			skip = append(skip, [2]int{d.Start, d.End})
		}
		reports = append(reports, report{text, quantity.Find(text, skip...)})
		size += len(text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		for _, r := range reports {
			indicator.Find(r.text, r.qs, seg)
		}
	}
	// CPU time per report holds on a loaded machine, where wall time does not.
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e3/float64(b.N*len(reports)), "cpu-µs/doc")
}
