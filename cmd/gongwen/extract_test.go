package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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
