package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// gseTexts are the labelled documents: ours, and the real ones of
// ../shared when present.
func gseTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for _, pattern := range []string{
		"../../testdata/eval/docs/*.txt",
		"../../../shared/eval/dev/docs/*.txt",
		"../../testdata/reports/*.txt",
	} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts[f] = string(b)
		}
	}
	if len(texts) == 0 {
		t.Fatal("no labelled documents found")
	}
	// Odd input: case, full-width forms, invalid bytes, mixed scripts.
	texts["odd"] = "ＡＢＣ１２３ AB型血 4S店 Ünïcödé ΑΒΓ абв \xff\xfe 中文 \xe4\xb8 一\uFFFD二 𠀀𪚥 98.7% 2025-01-22"
	return texts
}

// TestSameAsGse holds the embedded dictionary and the ported segmentation
// to gse's own: Cut and CutSearch with HMM, Pos, and Find on every substring
// of up to five characters, on every labelled document.
func TestSameAsGse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's dictionary from text (about a second and 200 MB)")
	}
	seg, err := NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	seg.Cut("") // gse's HMM model is global: load it once, here
	loadHMM()
	ref := gse.Segmenter{NotLoadHMM: true, SkipLog: true}
	if err := ref.LoadDictEmbed("zh_s"); err != nil {
		t.Fatal(err)
	}
	if ref.Dict.TotalFreq() != seg.dict.total {
		t.Fatalf("total frequency %v, gse has %v", seg.dict.total, ref.Dict.TotalFreq())
	}

	texts := gseTexts(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for name := range texts {
			if !yield(name) {
				return
			}
		}
	})
	for _, name := range names {
		text := texts[name]
		t.Run(filepath.Base(name), func(t *testing.T) {
			if got, want := seg.Cut(text), ref.Cut(text, true); !slices.Equal(got, want) {
				t.Errorf("Cut differs from gse: %s", firstDiff(got, want))
			}
			if got, want := seg.CutSearch(text), ref.CutSearch(text, true); !slices.Equal(got, want) {
				t.Errorf("CutSearch differs from gse: %s", firstDiff(got, want))
			}
			var got, want []string
			for _, w := range seg.Tag(text) {
				got = append(got, w.Text+"/"+w.Pos)
			}
			for _, p := range ref.Pos(text, false) {
				want = append(want, p.Text+"/"+p.Pos)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Pos differs from gse: %s", firstDiff(got, want))
			}
			runes := []rune(text)
			for i := range runes {
				for j := i + 1; j <= i+5 && j <= len(runes); j++ {
					s := string(runes[i:j])
					if !utf8.ValidString(s) {
						continue
					}
					f1, p1, ok1 := seg.dict.find(s)
					f2, p2, ok2 := ref.Find(s)
					if f1 != f2 || p1 != p2 || ok1 != ok2 {
						t.Fatalf("find(%q) = %v %q %v, gse %v %q %v", s, f1, p1, ok1, f2, p2, ok2)
					}
				}
			}
		})
	}
}

func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("at word %d: %s | gse: %s", i,
				strings.Join(got[lo:min(len(got), i+4)], "/"), strings.Join(want[lo:min(len(want), i+4)], "/"))
		}
	}
	return fmt.Sprintf("%d words, gse %d", len(got), len(want))
}
