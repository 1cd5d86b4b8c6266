package extract

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// evalGold is a labelled document of testdata/eval (see ../shared/eval/LABELING.md).
type evalGold struct {
	DocNumbers []string `json:"doc_numbers"`
	Dates      []struct {
		Value string `json:"value"`
	} `json:"dates"`
	Indicators []struct {
		Name   string  `json:"name"`
		Value  float64 `json:"value"`
		Unit   string  `json:"unit"`
		Change *Change `json:"change"` // absent for a level
		Target bool    `json:"target"`
	} `json:"indicators"`
}

type tally struct{ tp, fp, fn int }

func (t tally) f1() float64 {
	if t.tp == 0 {
		return 0
	}
	p := float64(t.tp) / float64(t.tp+t.fp)
	r := float64(t.tp) / float64(t.tp+t.fn)
	return 2 * p * r / (p + r)
}

// TestEvalSet scores extraction on the labelled documents of testdata/eval
// with the matching of ../shared/eval/score.py, and fails when a score falls
// below its floor: a guard against regressions, not a tuning target.
func TestEvalSet(t *testing.T) {
	floors := map[string]float64{"doc_numbers": 0.98, "dates": 0.98, "quantities": 0.97, "indicators": 0.95}
	// Accuracy of the measure model on the named indicators that match:
	// change is right when both say level or both the same direction, base
	// when a change's base is the gold one, target when both agree.
	accFloors := map[string]float64{"change": 0.98, "change base": 0.95, "target": 0.98}
	acc := map[string]*[2]int{"change": {}, "change base": {}, "target": {}} // right, all
	ex := &Extractor{Segmenter: testSegmenter(t)}
	docs, err := filepath.Glob("../testdata/eval/docs/*.txt")
	if err != nil || len(docs) == 0 {
		t.Fatalf("no evaluation documents: %v", err)
	}
	scores := map[string]*tally{"doc_numbers": {}, "dates": {}, "quantities": {}, "indicators": {}}
	for _, path := range docs {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var gold evalGold
		g, err := os.ReadFile(filepath.Join("../testdata/eval/gold", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(g, &gold); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, err := ex.Extract(Input{Name: name + ".txt", Body: []byte(stripEvalHeader(string(raw)))})
		if err != nil {
			t.Fatal(err)
		}

		gotNums, wantNums := map[string]bool{}, map[string]bool{}
		for _, n := range doc.DocNumbers {
			gotNums[foldDocNumber(n.Text)] = true
		}
		for _, n := range gold.DocNumbers {
			wantNums[foldDocNumber(n)] = true
		}
		scores["doc_numbers"].addSets(gotNums, wantNums)
		gotDates, wantDates := map[string]bool{}, map[string]bool{}
		for _, d := range doc.Dates {
			gotDates[d.Value] = true
		}
		for _, d := range gold.Dates {
			wantDates[d.Value] = true
		}
		scores["dates"].addSets(gotDates, wantDates)

		for _, needName := range []bool{false, true} {
			left := append([]Indicator(nil), doc.Indicators...)
			s := scores["quantities"]
			if needName {
				s = scores["indicators"]
			}
			for _, want := range gold.Indicators {
				best, bestSim := -1, -1.0
				for i, got := range left {
					if !sameValue(got.Value, want.Value) || foldUnit(got.Unit) != foldUnit(want.Unit) {
						continue
					}
					sim := nameSimilarity(got.Name, want.Name)
					if needName && sim < 0.5 {
						continue
					}
					if sim > bestSim {
						best, bestSim = i, sim
					}
				}
				if best < 0 {
					s.fn++
					if testing.Verbose() {
						t.Logf("%s: missed %s = %v %s (named %v)", name, want.Name, want.Value, want.Unit, needName)
					}
					continue
				}
				if needName {
					got := left[best]
					gotDir, wantDir := "level", "level"
					if got.Change != nil {
						gotDir = got.Change.Direction
					}
					if want.Change != nil {
						wantDir = want.Change.Direction
					}
					score(acc["change"], gotDir == wantDir)
					if want.Change != nil && got.Change != nil {
						score(acc["change base"], want.Change.Base == got.Change.Base)
						if testing.Verbose() && want.Change.Base != got.Change.Base {
							t.Logf("%s: %s = %v %s [%s]: base %q, want %q", name, got.Name, got.Value, got.Unit, got.Sentence, got.Change.Base, want.Change.Base)
						}
					}
					score(acc["target"], got.Target == want.Target)
					if testing.Verbose() && (gotDir != wantDir || got.Target != want.Target) {
						t.Logf("%s: %s = %v %s [%s]: %s target %v, want %s target %v", name, got.Name, got.Value, got.Unit, got.Sentence, gotDir, got.Target, wantDir, want.Target)
					}
				}
				left = append(left[:best], left[best+1:]...)
				s.tp++
			}
			s.fp += len(left)
			if testing.Verbose() {
				for _, x := range left {
					t.Logf("%s: extra %s = %v %s [%s] (named %v)", name, x.Name, x.Value, x.Unit, x.Text, needName)
				}
			}
		}
	}
	for _, field := range []string{"doc_numbers", "dates", "quantities", "indicators"} {
		s := scores[field]
		t.Logf("%-12s F1 %.3f (tp %d, fp %d, fn %d)", field, s.f1(), s.tp, s.fp, s.fn)
		if s.f1() < floors[field] {
			t.Errorf("%s F1 %.3f is below its floor %.2f; run go test ./extract -run TestEvalSet -v for every miss", field, s.f1(), floors[field])
		}
	}
	for _, field := range []string{"change", "change base", "target"} {
		a := acc[field]
		r := float64(a[0]) / float64(max(a[1], 1))
		t.Logf("%-12s accuracy %.3f (%d of %d)", field, r, a[0], a[1])
		if r < accFloors[field] {
			t.Errorf("%s accuracy %.3f is below its floor %.2f; run go test ./extract -run TestEvalSet -v for every miss", field, r, accFloors[field])
		}
	}
}

func score(a *[2]int, right bool) {
	if right {
		a[0]++
	}
	a[1]++
}

func (t *tally) addSets(got, want map[string]bool) {
	for k := range got {
		if want[k] {
			t.tp++
		} else {
			t.fp++
		}
	}
	for k := range want {
		if !got[k] {
			t.fn++
		}
	}
}

// stripEvalHeader drops the two "# source:" and "# kind:" lines.
func stripEvalHeader(s string) string {
	for range 2 {
		if !strings.HasPrefix(s, "# ") {
			break
		}
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i+1:]
		} else {
			s = ""
		}
	}
	return s
}

var docNumberFold = strings.NewReplacer(
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	"［", "〔", "］", "〕", "（", "〔", "）", "〕", "【", "〔", "】", "〕", "﹝", "〔", "﹞", "〕", "„", "〔", "‟", "〕",
	"[", "〔", "]", "〕", "(", "〔", ")", "〕", "號", "号", " ", "")

func foldDocNumber(s string) string { return docNumberFold.Replace(s) }

func foldUnit(u string) string {
	u = strings.TrimSpace(u)
	switch u {
	case "％":
		return "%"
	case "個":
		return "个"
	}
	return u
}

func sameValue(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

var nameNoise = regexp.MustCompile(`[\s“”"'‘’《》〈〉「」『』（）()、，,。：:；;]`)

// nameSimilarity is 1 when one name contains the other, else the Dice
// coefficient of their character bigrams, as score.py computes it.
func nameSimilarity(a, b string) float64 {
	a, b = nameNoise.ReplaceAllString(a, ""), nameNoise.ReplaceAllString(b, "")
	if a == "" || b == "" {
		return 0
	}
	short, long := a, b
	if len([]rune(short)) > len([]rune(long)) {
		short, long = long, short
	}
	if len([]rune(short)) >= 2 && strings.Contains(long, short) {
		return 1
	}
	bigrams := func(s string) []string {
		r := []rune(s)
		if len(r) < 2 {
			return []string{s}
		}
		out := make([]string, 0, len(r)-1)
		for i := 0; i+1 < len(r); i++ {
			out = append(out, string(r[i:i+2]))
		}
		return out
	}
	ga, gb := bigrams(a), bigrams(b)
	pool := append([]string(nil), gb...)
	common := 0
	for _, g := range ga {
		for i, p := range pool {
			if p == g {
				pool = append(pool[:i], pool[i+1:]...)
				common++
				break
			}
		}
	}
	return 2 * float64(common) / float64(len(ga)+len(gb))
}
