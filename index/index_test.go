package index

import (
	"context"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongwen/gongwen/extract"
)

// newTestIndex returns an in-memory index holding docs.
func newTestIndex(t testing.TB, docs []*extract.Document) *Index {
	t.Helper()
	ix, err := NewMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	b := ix.NewBatch()
	for _, d := range docs {
		if _, err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestFixtures(t *testing.T) {
	docs := fixtureDocs(t)
	if len(docs) < 30 {
		t.Fatalf("%d fixture documents, want at least 30", len(docs))
	}
	ix := newTestIndex(t, docs)
	n, err := ix.Count(context.Background())
	if err != nil || n != len(docs) {
		t.Fatalf("Count = %d, %v; want %d", n, err, len(docs))
	}
}

func TestOpenFormat(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); !errors.Is(err, ErrNotExist) || !strings.Contains(err.Error(), "gongwen ingest --data") {
		t.Errorf("Open of an empty directory: %v; want ErrNotExist saying what to run", err)
	}
	for _, tt := range []struct {
		format string
		want   string // in the error; "" for no error
	}{
		{strconv.Itoa(Format), ""},
		{"0", "older gongwen (index format 0"},
		{"", "older gongwen (index format 0"},
		{strconv.Itoa(Format + 1), "newer gongwen"},
	} {
		ix, err := Create(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.bi.SetInternal(formatKey, []byte(tt.format)); err != nil {
			t.Fatal(err)
		}
		ix.Close()
		ix, err = Open(dir)
		if tt.want == "" {
			if err != nil {
				t.Errorf("format %q: %v", tt.format, err)
				continue
			}
			ix.Close()
			continue
		}
		if err == nil {
			ix.Close()
			t.Errorf("format %q: opened", tt.format)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "rm -r "+Dir(dir)+" && gongwen ingest --data "+dir) {
			t.Errorf("format %q: error %q does not say what to run", tt.format, err)
		}
		// Create refuses it too, so ingest never writes into it.
		if ix, err := Create(dir); err == nil {
			ix.Close()
			t.Errorf("format %q: Create opened it", tt.format)
		}
		// Put the right format back for the next case.
		ix2, err := open(dir, false)
		if err == nil {
			ix2.Close()
		}
		os.RemoveAll(Dir(dir))
	}
}

func TestContentHash(t *testing.T) {
	docs := fixtureDocs(t)
	a, b := *docs[0], *docs[0]
	b.Source.FetchedAt = b.Source.FetchedAt.Add(time.Hour)
	if ContentHash(&a) != ContentHash(&b) {
		t.Error("hash depends on the fetch time")
	}
	b.Text += "。"
	if ContentHash(&a) == ContentHash(&b) {
		t.Error("hash ignores the text")
	}
}

func TestEach(t *testing.T) {
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	ctx := context.Background()
	for _, q := range []Query{{}, {Year: 2023}, {Text: "调解"}, {Indicator: "调解成功率>=95"}} {
		res, err := ix.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		err = ix.Each(ctx, q, func(d *extract.Document) error {
			if seen[d.ID] {
				t.Errorf("%+v: %s twice", q, d.ID)
			}
			seen[d.ID] = true
			return nil
		})
		if err != nil || len(seen) != res.Total {
			t.Errorf("%+v: Each gave %d documents, %v; Search total %d", q, len(seen), err, res.Total)
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := ix.Each(ctx, Query{}, func(*extract.Document) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Each did not stop at the first error: %v after %d", err, n)
	}
}
