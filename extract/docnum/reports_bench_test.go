package docnum_test

import (
	"syscall"
	"testing"

	"github.com/gongwen/gongwen/extract/docnum"
	"github.com/gongwen/gongwen/index/testcorpus"
)

// BenchmarkFindReports runs Find over the generated reports of
// BenchmarkExtractReports (extract).
func BenchmarkFindReports(b *testing.B) {
	var texts []string
	size := 0
	for i := range 200 {
		text := testcorpus.Document(i, 42).Text
		texts = append(texts, text)
		size += len(text)
	}
	b.SetBytes(int64(size))
	cpu := cpuTime()
	for b.Loop() {
		for _, text := range texts {
			docnum.Find(text)
		}
	}
	// CPU time per document holds on a loaded machine, where wall time does not.
	b.ReportMetric(float64(cpuTime()-cpu)/1e3/float64(b.N*len(texts)), "cpu-µs/doc")
}

// cpuTime returns the user and system CPU time of the process so far, in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
