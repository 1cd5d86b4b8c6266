package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/extract"
)

func decodeLines(t *testing.T, out []byte) []extract.Document {
	t.Helper()
	var docs []extract.Document
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var d extract.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestExtractCommandKeepsGoingAfterBadInput(t *testing.T) {
	dir := t.TempDir()
	scan := filepath.Join(dir, "scan.doc")
	if err := os.WriteFile(scan, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"extract", "../../testdata/reports/kaifeng-fzzf-2023.txt", scan,
		filepath.Join(dir, "missing.pdf"), "../../testdata/reports/linzhou-stats-2024.txt"}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	docs := decodeLines(t, stdout.Bytes())
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2; stderr:\n%s", len(docs), stderr.String())
	}
	if !strings.HasSuffix(docs[0].Source.File, "kaifeng-fzzf-2023.txt") || !strings.HasSuffix(docs[1].Source.File, "linzhou-stats-2024.txt") {
		t.Errorf("documents out of argument order: %q, %q", docs[0].Source.File, docs[1].Source.File)
	}
	for _, want := range []string{"scan.doc: unknown format", "missing.pdf: no such file or directory", "2 of 4 inputs failed"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

func TestExtractCommandDirectoryAndOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "docs.jsonl")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"extract", "--out", out, "../../testdata/reports"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout not empty with --out")
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("--out file: %v, mode %v; want 0644", err, info.Mode().Perm())
	}
	body, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../testdata/reports/*")
	if docs := decodeLines(t, body); len(docs) != len(files) {
		t.Errorf("got %d documents for %d files", len(docs), len(files))
	}
	if bytes.Contains(body, []byte(`\u003c`)) {
		t.Error("JSON escapes HTML characters")
	}
}

func TestExtractCommandExplain(t *testing.T) {
	for _, explain := range []bool{false, true} {
		args := []string{"extract", "../../testdata/reports/kaifeng-fzzf-2023.txt"}
		if explain {
			args = []string{"extract", "--explain", "../../testdata/reports/kaifeng-fzzf-2023.txt"}
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("exit status %d; stderr:\n%s", code, stderr.String())
		}
		docs := decodeLines(t, stdout.Bytes())
		if len(docs) != 1 || len(docs[0].Indicators) == 0 {
			t.Fatalf("got %d documents", len(docs))
		}
		for _, in := range docs[0].Indicators {
			if explained := in.Rule != ""; explained != explain {
				t.Fatalf("--explain %v: indicator %s = %s has rule %q", explain, in.Name, in.Text, in.Rule)
			}
		}
	}
}

func TestExtractCommandURL(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="某县2024年法治政府建设年度报告"></head>
<body><div class="TRS_Editor"><p>2024年，全县受理人民调解案件1234件，调解成功率98.1%。</p></div></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	var stdout, stderr bytes.Buffer
	err := runExtract(context.Background(), extractOptions{}, []string{srv.URL + "/zwgk/t20250117_1.html"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("%v; stderr:\n%s", err, stderr.String())
	}
	docs := decodeLines(t, stdout.Bytes())
	if len(docs) != 1 || docs[0].Title != "某县2024年法治政府建设年度报告" || docs[0].Source.URL == "" {
		t.Fatalf("got %+v", docs)
	}
}

func TestUsageErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"extract"}, &stdout, &stderr); code != 2 {
		t.Errorf("extract without arguments: exit %d, want 2", code)
	}
	if code := run([]string{"nosuchcommand"}, &stdout, &stderr); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, name := range []string{"extract", "ingest", "search", "serve", "crawl", "export", "compare"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{name, "-h"}, &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "Usage: gongwen "+name) {
			t.Errorf("gongwen %s -h: exit %d, stderr %q", name, code, stderr.String())
		}
		if code := run([]string{name, "--no-such-flag"}, &stdout, &stderr); code != 2 {
			t.Errorf("gongwen %s --no-such-flag: exit %d, want 2", name, code)
		}
	}
}

// TestExtractBatches extracts small files that go to the workers in
// batches, with one among them that crashes its worker: it alone fails,
// with the crash, and every other file comes out once, in order.
func TestExtractBatches(t *testing.T) {
	dir := t.TempDir()
	report := mustRead(t, "../../testdata/reports/kaifeng-fzzf-2023.txt")
	var args []string
	for i := range 2*batchFiles + 5 {
		name := fmt.Sprintf("report-%03d.txt", i)
		body := report
		if i == batchFiles+3 {
			name = "crash-the-worker.txt" // see main_test.go
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	if jobs := slices.Collect(batches(args)); len(jobs) >= len(args)/2 {
		t.Fatalf("%d files in %d jobs: not batched", len(args), len(jobs))
	}
	var stdout, stderr bytes.Buffer
	err := runExtract(context.Background(), extractOptions{limits: docLimits{workers: 2}}, args, &stdout, &stderr)
	if err != errPartial {
		t.Errorf("error %v, want some inputs failed", err)
	}
	var want []string
	for _, a := range args {
		if !strings.Contains(a, "crash-the-worker") {
			want = append(want, a)
		}
	}
	var got []string
	for _, d := range decodeLines(t, stdout.Bytes()) {
		got = append(got, d.Source.File)
	}
	if !slices.Equal(got, want) {
		t.Errorf("documents\n%q\nwant\n%q", got, want)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "crash-the-worker.txt: the worker process crashed") || lines[1] != fmt.Sprintf("extract: 1 of %d inputs failed", len(args)) {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

func TestBatches(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, size int) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, bytes.Repeat([]byte("a"), size), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	small, large, limit := file("small.txt", 1000), file("large.pdf", smallFile+1), file("limit.txt", smallFile)
	perBatch := batchBytes / smallFile
	tests := []struct {
		name   string
		inputs []string
		want   []span
	}{
		{"small files together", []string{small, small, small}, []span{{0, 3}}},
		{"a large file alone, and it closes the batch", []string{small, large, small}, []span{{0, 1}, {1, 2}, {2, 3}}},
		{"a URL alone", []string{small, "https://example.gov.cn/a.html", small}, []span{{0, 1}, {1, 2}, {2, 3}}},
		{"a missing file alone", []string{small, filepath.Join(dir, "missing.txt"), small, small}, []span{{0, 1}, {1, 2}, {2, 4}}},
		{"a directory alone", []string{dir}, []span{{0, 1}}},
		{"at most batchFiles", slices.Repeat([]string{small}, batchFiles+1), []span{{0, batchFiles}, {batchFiles, batchFiles + 1}}},
		{"at most batchBytes", slices.Repeat([]string{limit}, perBatch+1), []span{{0, perBatch}, {perBatch, perBatch + 1}}},
	}
	for _, tt := range tests {
		if got := slices.Collect(batches(tt.inputs)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestWorkerEnv(t *testing.T) {
	for _, tc := range []struct {
		gogc string
		want []string
	}{
		{"", []string{"GOGC=200"}},
		{"50", nil}, // the user's GOGC is inherited as it is
		{"off", nil},
	} {
		t.Setenv("GOGC", tc.gogc)
		if got := workerEnv(); !slices.Equal(got, tc.want) {
			t.Errorf("GOGC=%q: workerEnv() = %q, want %q", tc.gogc, got, tc.want)
		}
	}
}
