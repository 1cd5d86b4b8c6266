package index

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
)

// TestSubstringRecall searches for pieces of Chinese text cut at random
// places, which need not be words: every piece must find the document it
// was cut from, because tokens are matched at character positions.
func TestSubstringRecall(t *testing.T) {
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	r := rand.New(rand.NewPCG(1, 2))
	tried, missed := 0, 0
	pieces := 20 // per document
	if testing.Short() {
		pieces = 5
	}
	for _, d := range docs {
		text := []rune(d.Text)
		for k := 0; k < pieces; k++ {
			n := 2 + r.IntN(5)
			i := r.IntN(max(len(text)-n, 1))
			piece := text[i:min(i+n, len(text))]
			if !slices.ContainsFunc(piece, func(r rune) bool { return unicode.Is(unicode.Han, r) }) ||
				slices.ContainsFunc(piece, func(r rune) bool { return !unicode.Is(unicode.Han, r) }) {
				continue
			}
			tried++
			res, err := ix.Search(context.Background(), Query{Text: `"` + string(piece) + `"`, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(hitIDs(res), d.ID) {
				missed++
				t.Logf("%q (from %s) not found", string(piece), d.Title)
			}
		}
	}
	t.Logf("%d of %d pieces found", tried-missed, tried)
	if missed > 0 {
		t.Errorf("%d of %d pieces of text did not find their document", missed, tried)
	}
}
