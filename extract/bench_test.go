package extract_test

import (
	"encoding/json"
	"io"
	"testing"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index/testcorpus"
)

// BenchmarkExtractReports extracts generated reports of about 3 KB (the
// corpus of bench/run.sh) and encodes them as gongwen extract does (which
// runs with GOGC=400: set it to compare).
func BenchmarkExtractReports(b *testing.B) {
	var inputs []extract.Input
	size := 0
	for i := range 200 {
		text := testcorpus.Document(i, 42).Text
		inputs = append(inputs, extract.Input{Name: "report.txt", Body: []byte(text)})
		size += len(text)
	}
	ex := &extract.Extractor{}
	enc := json.NewEncoder(io.Discard)
	b.SetBytes(int64(size))
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		for _, in := range inputs {
			doc, err := ex.Extract(in)
			if err != nil {
				b.Fatal(err)
			}
			enc.Encode(doc)
		}
	}
	// CPU time per document holds on a loaded machine, where wall time does not.
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e3/float64(b.N*len(inputs)), "cpu-µs/doc")
}
