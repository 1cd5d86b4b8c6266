package docx

import (
	"runtime"
	"testing"

	"github.com/gongwen/gongwen/internal/hostile"
)

// TestBombs reads DOCX files of about 1 MB that decompress to 1 GB: each must end in an error without
// holding more than a fraction of it, and a good file read afterwards must still come out.
func TestBombs(t *testing.T) {
	for _, f := range hostile.DOCXs() {
		t.Run(f.Name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			res, err := Read(f.Body)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("%d bytes: got %d bytes of text, want an error", len(f.Body), len(res.Text))
			}
			// Allocated in all, not at once: a bound on what it could have held.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<30 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
			t.Logf("%d bytes: %v (allocated %d MB)", len(f.Body), err, (after.TotalAlloc-before.TotalAlloc)>>20)
		})
	}
	res, err := Read(hostile.GoodDOCX())
	if err != nil || res.Text == "" {
		t.Errorf("good DOCX: %+v, %v", res, err)
	}
}
