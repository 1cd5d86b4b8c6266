package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gongwen/gongwen/internal/hostile"
)

// TestExtractHostile runs gongwen extract on every hostile file the tests build, among good files: each
// hostile file must end in one error line that names it and says what is wrong with it (not a
// timeout, not a crash, not the memory budget: a guard must have stopped it), the good files must come
// out, and no worker process may have held 1 GB.
func TestExtractHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and reads some 20 hostile files of up to 1 GB expanded")
	}
	dir := t.TempDir()
	var files []hostile.File
	files = append(files, hostile.PDFs()...)
	files = append(files, hostile.DOCXs()...)
	files = append(files,
		hostile.File{Name: "random.txt", Body: hostile.RandomBytes(1<<20, 1)},
		hostile.File{Name: "rare-characters.txt", Body: hostile.RandomGB18030(1<<20, 2)},
		hostile.File{Name: "crash-the-worker.txt", Body: []byte("青山县人民政府工作报告")})
	report := mustRead(t, "../../testdata/reports/kaifeng-fzzf-2024.txt")
	good := []hostile.File{
		{Name: "good.pdf", Body: hostile.GoodPDF()},
		{Name: "good-objstm.pdf", Body: hostile.GoodObjectStreams()},
		{Name: "good.docx", Body: hostile.GoodDOCX()},
		{Name: "good-cut.txt", Body: hostile.CutUTF8(report)},
	}
	var args []string
	for _, f := range append(files, good...) {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Body, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	sort.Strings(args)

	// A pool of its own, so that its processes can be ended and measured.
	limits := docLimits{timeout: time.Minute, workers: 3}
	var stdout, stderr bytes.Buffer
	start := time.Now()
	err := runExtract(context.Background(), extractOptions{limits: limits}, args, &stdout, &stderr)
	t.Logf("%d files in %v", len(args), time.Since(start))
	if err != errPartial {
		t.Errorf("error %v, want some inputs failed", err)
	}
	p, _ := pools.LoadAndDelete(poolKey{defaultDocMemory, 3}) // closed: the next run (-count) starts its own
	p.(*workerPool).Close()
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_CHILDREN, &usage); err == nil {
		t.Logf("largest worker process: %d MB", usage.Maxrss>>10)
		if usage.Maxrss > 1<<20 { // kB
			t.Errorf("a worker process held %d MB", usage.Maxrss>>10)
		}
	}

	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	for _, f := range files {
		var mine []string
		for _, l := range lines {
			if strings.Contains(l, f.Name+":") {
				mine = append(mine, l)
			}
		}
		if len(mine) != 1 {
			t.Errorf("%s: %d lines on stderr, want 1: %q", f.Name, len(mine), mine)
			continue
		}
		t.Log(mine[0])
		bad := []string{"gave up after", "used too much memory"}
		if f.Name != "crash-the-worker.txt" {
			bad = append(bad, "crashed")
		} else if !strings.Contains(mine[0], "crashed: fatal error: stack overflow") {
			t.Errorf("%s: %s, want a crash", f.Name, mine[0])
		}
		for _, b := range bad {
			if strings.Contains(mine[0], b) {
				t.Errorf("%s: stopped by the last line of defence, not by a guard: %s", f.Name, mine[0])
			}
		}
	}
	docs := decodeLines(t, stdout.Bytes())
	var got []string
	for _, d := range docs {
		got = append(got, filepath.Base(d.Source.File))
	}
	if want := "good-cut.txt good-objstm.pdf good.docx good.pdf"; strings.Join(got, " ") != want {
		t.Errorf("documents %q, want %s", got, want)
	}
	if !strings.Contains(stderr.String(), "good-cut.txt: not valid UTF-8 in 2 bytes") {
		t.Errorf("no warning about the cut file:\n%s", stderr.String())
	}
}

// TestIngestInterrupted interrupts an ingest while a worker is busy with a file that never ends: it
// returns at once with the interruption, kills the worker, and does not count the file as failed.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	hang := filepath.Join(dir, "hang-the-worker.txt")
	if err := os.WriteFile(hang, []byte("青山县人民政府工作报告"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for { // until the worker has the file: a condition, not a time
			if _, err := os.Stat(hang + ".started"); err == nil {
				cancel()
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	err := runIngest(ctx, ingestOptions{data: filepath.Join(dir, "data"), batch: 10}, []string{hang}, &stdout, &stderr)
	t.Logf("returned %v after the worker started; %s", time.Since(start).Round(time.Millisecond), strings.TrimSpace(stdout.String()))
	if err != context.Canceled {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if strings.Contains(stderr.String(), "failed:") || !strings.Contains(stdout.String(), "0 failed") {
		t.Errorf("the interrupted file counted as failed:\n%s%s", stdout.String(), stderr.String())
	}
}
