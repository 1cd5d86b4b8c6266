package measure

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/gongwen/gongwen/extract/region"
)

// TestVocabularyCoversLabelledSets: every measure name that occurs three or
// more times in the gold of the labelled sets (testdata/eval and, when it is
// there, ../shared/eval/dev) has a measure. A name is counted by its stem,
// so 地区生产总值增长 counts for 地区生产总值.
func TestVocabularyCoversLabelledSets(t *testing.T) {
	counts := map[string]int{}
	for _, dir := range []string{"../../testdata/eval/gold", "../../../shared/eval/dev/gold"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		if len(files) == 0 && dir == "../../testdata/eval/gold" {
			t.Fatalf("no gold files in %s", dir)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var g struct{ Indicators []struct{ Name string } }
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, in := range g.Indicators {
				counts[Stem(region.Fold(in.Name))]++
			}
		}
	}
	covered := 0
	for stem, n := range counts {
		if n < 3 {
			continue
		}
		if Of(stem) == "" {
			t.Errorf("%s occurs %d times in the labelled sets and has no measure: add it to measures.tsv", stem, n)
		} else {
			covered++
		}
	}
	t.Logf("%d names occur three or more times; all have a measure", covered)
}
