package index

import (
	"context"
	"testing"

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
