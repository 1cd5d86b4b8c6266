package indicator

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/gongwen/gongwen/extract/segment"
)

// BenchmarkFind names the quantities of a whole report of about 7 KB.
func BenchmarkFind(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "quantity", "testdata", "report.txt"))
	if err != nil {
		b.Fatal(err)
	}
	seg := segmenter(b)
	b.SetBytes(int64(len(text)))
	s := string(text)
	qs := quantities(s)
	b.ResetTimer()
	for b.Loop() {
		Find(s, qs, seg)
	}
}

// BenchmarkLoadSegmenter measures what the first call of
// segment.DefaultSegmenter costs a process: time, and heap in use after a GC.
func BenchmarkLoadSegmenter(b *testing.B) {
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		seg, err := segment.NewSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		elapsed := time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "MB-heap")
		b.ReportMetric(float64(after.Sys)/(1<<20), "MB-sys")
		b.ReportMetric(elapsed.Seconds(), "s-load")
		runtime.KeepAlive(seg)
	}
}
