package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/gongwen/gongwen/index/testcorpus"
)

// TestSearchDuringIngest searches while batches are written: every search
// sees whole batches, and every document it finds comes with its indicators.
func TestSearchDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 12 batches to disk while searching (-short skips it)")
	}
	const batchSize, batches = 10, 12
	docs := testcorpus.Documents(batchSize*batches, 3)
	ix, err := Create(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()

	var done atomic.Bool
	var wg sync.WaitGroup
	var searches atomic.Int64
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !done.Load() {
				res, err := ix.Search(ctx, Query{Limit: 1000})
				if err != nil {
					t.Error(err)
					return
				}
				if res.Total%batchSize != 0 {
					t.Errorf("search saw %d documents, not whole batches of %d", res.Total, batchSize)
				}
				for _, h := range res.Hits {
					doc, err := ix.Document(h.ID)
					if err != nil {
						t.Errorf("hit %s: %v", h.ID, err)
						continue
					}
					if len(doc.Indicators) == 0 {
						continue
					}
					in := doc.Indicators[0]
					vals, err := ix.Indicators(ctx, IndicatorFilter{Name: in.Name, Op: "=", Value: in.Value}, 10000)
					if err != nil {
						t.Error(err)
					}
					if !containsDoc(vals, h.ID) {
						t.Errorf("document %s found without its indicator %s", h.ID, in.Name)
					}
				}
				searches.Add(1)
			}
		}()
	}
	b := ix.NewBatch()
	for i, d := range docs {
		if _, err := b.Add(d); err != nil {
			t.Fatal(err)
		}
		if (i+1)%batchSize == 0 {
			if err := b.Commit(); err != nil {
				t.Fatal(err)
			}
		}
	}
	done.Store(true)
	wg.Wait()
	if n, _ := ix.Count(ctx); n != len(docs) {
		t.Errorf("Count = %d, want %d", n, len(docs))
	}
	t.Logf("%d searches during the ingest", searches.Load())
}

func containsDoc(vals []IndicatorHit, id string) bool {
	for _, v := range vals {
		if v.DocID == id {
			return true
		}
	}
	return false
}

// crashEnv names the data directory for the ingest that TestKilledIngest
// runs in a child process and kills.
const crashEnv = "GONGWEN_TEST_CRASH_INGEST"

const crashDocs, crashBatch = 600, 25

// TestKilledIngest kills an ingest process in the middle (SIGKILL, no chance
// to clean up): the index opens, holds whole batches, and a second run
// completes it.
func TestKilledIngest(t *testing.T) {
	if dir := os.Getenv(crashEnv); dir != "" {
		crashingIngest(dir) // the child: never returns
	}
	if testing.Short() {
		t.Skip("ingests 600 documents twice around a kill (-short skips it)")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledIngest$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once it has committed a few batches and is writing more.
	sc := bufio.NewScanner(out)
	committed := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "committed") {
			committed++
			if committed == 4 {
				break
			}
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if committed < 4 {
		t.Fatalf("child committed %d batches before it ended", committed)
	}

	ix, err := Open(dir)
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	n, err := ix.Count(context.Background())
	ix.Close()
	if err != nil || n%crashBatch != 0 || n < 4*crashBatch || n >= crashDocs {
		t.Fatalf("after kill: %d documents, %v; want whole batches of %d, at least 4", n, err, crashBatch)
	}

	// The second run skips what is there and adds the rest.
	ix, err = Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	counts := map[Change]int{}
	b := ix.NewBatch()
	for _, d := range testcorpus.Documents(crashDocs, 5) {
		c, err := b.Add(d)
		if err != nil {
			t.Fatal(err)
		}
		counts[c]++
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if counts[Unchanged] != n || counts[Added] != crashDocs-n {
		t.Errorf("re-run: %v; want %d unchanged, %d added", counts, n, crashDocs-n)
	}
	if total, _ := ix.Count(context.Background()); total != crashDocs {
		t.Errorf("after re-run: %d documents, want %d", total, crashDocs)
	}
}

// crashingIngest indexes documents in batches, printing "committed" after
// each, until it is killed.
func crashingIngest(dir string) {
	ix, err := Create(dir)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	b := ix.NewBatch()
	for i, d := range testcorpus.Documents(crashDocs, 5) {
		if _, err := b.Add(d); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		if (i+1)%crashBatch == 0 {
			if err := b.Commit(); err != nil {
				fmt.Println(err)
				os.Exit(1)
			}
			fmt.Println("committed", i+1)
		}
	}
	// Slower than the parent: it must not finish before the kill.
	select {}
}
