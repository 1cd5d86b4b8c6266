package extract_test

import (
	"encoding/json"
	"io"
	"syscall"
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
	cpu := cpuTime()
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
	b.ReportMetric(float64(cpuTime()-cpu)/1e3/float64(b.N*len(inputs)), "cpu-µs/doc")
}

// cpuTime returns the user and system CPU time of the process so far, in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
