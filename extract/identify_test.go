package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/extract/internal/hans"
	"github.com/gongwen/gongwen/extract/region"
)

// identityGold is an entry of an identity.json (../shared/realdocs, and
// testdata/identity with the extra keys title, national and township).
type identityGold struct {
	Title      string          `json:"title"`
	Kind       string          `json:"kind"`
	Issuer     string          `json:"issuer"`
	Region     json.RawMessage `json:"region"` // a code, or null for national or unknown; absent: not scored
	Township   string          `json:"township"`
	ReportYear []int           `json:"report_year"` // the years accepted; null: none (0) for fixtures, not scored for real documents
	National   *bool           `json:"national"`
}

// readIdentityGold reads an identity.json, leaving out the "_about" note.
func readIdentityGold(t *testing.T, path string) map[string]identityGold {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(raw, &all); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]identityGold{}
	for k, v := range all {
		if strings.HasPrefix(k, "_") {
			continue
		}
		var g identityGold
		if err := json.Unmarshal(v, &g); err != nil {
			t.Fatalf("%s: %s: %v", path, k, err)
		}
		out[k] = g
	}
	return out
}

// sameName reports whether two names of a title or an issuer agree as
// ../shared/eval/identity.py decides: one contains the other once
// traditional characters are folded and spaces dropped.
func sameName(gold, got string) bool {
	norm := func(s string) string { return strings.ReplaceAll(hans.Fold(s), " ", "") }
	g, d := norm(gold), norm(got)
	return d != "" && (strings.Contains(g, d) || strings.Contains(d, g))
}

// regionCode is the code identity.py compares: the county's, else the
// city's, else the province's, a municipality's city being the
// municipality.
func regionCode(r *region.Region) string {
	if r == nil {
		return ""
	}
	for _, c := range []string{r.CountyCode, r.CityCode, r.ProvinceCode} {
		if c != "" {
			switch c {
			case "110100", "120100", "310100", "500100":
				return c[:2] + "0000"
			}
			return c
		}
	}
	return ""
}

// identityChecks scores a document against its gold as identity.py does:
// field → right. A null gold region is right for a document without a
// city or county (a national body, or a place left unknown).
func identityChecks(doc *Document, g identityGold) map[string]bool {
	res := map[string]bool{}
	if g.Kind != "" {
		res["kind"] = doc.Kind == g.Kind
	}
	if g.Issuer != "" {
		res["issuer"] = sameName(g.Issuer, doc.Issuer)
	}
	if len(g.Region) > 0 {
		var want *string
		json.Unmarshal(g.Region, &want)
		got := regionCode(doc.Region)
		if want == nil {
			res["region"] = got == "" || strings.HasSuffix(got, "0000")
		} else {
			res["region"] = got == *want
		}
	}
	if len(g.ReportYear) > 0 {
		res["year"] = slices.Contains(g.ReportYear, doc.ReportYear)
	}
	return res
}

// TestIdentityFixtures checks every identity rule on the documents written
// for it in testdata/identity: every field right, and the ones identity.py
// does not score (title, no year, national, township) too.
func TestIdentityFixtures(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	gold := readIdentityGold(t, "../testdata/identity/identity.json")
	for name, g := range gold {
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("../testdata/identity", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ex.Extract(Input{Name: name + ".txt", Body: body})
			if err != nil {
				t.Fatal(err)
			}
			for field, ok := range identityChecks(doc, g) {
				if !ok {
					t.Errorf("%s wrong: kind %s, issuer %q, region %s, report year %d (sources %+v)",
						field, doc.Kind, doc.Issuer, regionCode(doc.Region), doc.ReportYear, doc.IdentitySource)
				}
			}
			if g.Title != "" && doc.Title != g.Title {
				t.Errorf("title %q, want %q", doc.Title, g.Title)
			}
			if g.ReportYear == nil && doc.ReportYear != 0 {
				t.Errorf("report year %d (from %s), want none", doc.ReportYear, doc.IdentitySource.ReportYear)
			}
			if g.National != nil && doc.National != *g.National {
				t.Errorf("national %v, want %v", doc.National, *g.National)
			}
			if g.Township != "" && (doc.Region == nil || doc.Region.TownshipCode != g.Township) {
				t.Errorf("region %+v, want township %s", doc.Region, g.Township)
			}
			if doc.Region != nil && doc.National {
				t.Errorf("a national document with a region: %+v", doc.Region)
			}
		})
	}
}

// TestIdentityRealDocs scores the real documents of ../shared/realdocs as
// ../shared/eval/identity.py does and fails below the measured level.
func TestIdentityRealDocs(t *testing.T) {
	dir := "../../shared/realdocs"
	if _, err := os.Stat(filepath.Join(dir, "identity.json")); err != nil {
		t.Skip("../shared/realdocs is not here")
	}
	floors := map[string]int{"kind": 13, "issuer": 13, "region": 13, "year": 10}
	ex := &Extractor{Segmenter: testSegmenter(t)}
	gold := readIdentityGold(t, filepath.Join(dir, "identity.json"))
	right, scored := map[string]int{}, map[string]int{}
	for name, g := range gold {
		files, _ := filepath.Glob(filepath.Join(dir, name+".*"))
		if len(files) != 1 {
			t.Errorf("%s: %d files", name, len(files))
			continue
		}
		body, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ex.Extract(Input{Name: files[0], Body: body})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for field, ok := range identityChecks(doc, g) {
			scored[field]++
			if ok {
				right[field]++
			} else {
				t.Logf("%s: %s wrong: kind %s, issuer %q, region %s, year %d", name, field, doc.Kind, doc.Issuer, regionCode(doc.Region), doc.ReportYear)
			}
		}
	}
	for _, f := range []string{"kind", "issuer", "region", "year"} {
		t.Logf("%-6s %d/%d", f, right[f], scored[f])
		if right[f] < floors[f] {
			t.Errorf("%s: %d of %d right, below the floor %d", f, right[f], scored[f], floors[f])
		}
	}
}

// TestIdentityEvalSets checks kind, title and issuer on the labelled
// documents of testdata/eval and, when present, ../shared/eval/dev.
func TestIdentityEvalSets(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	for _, set := range []struct {
		dir    string
		floors map[string]int
	}{
		{"../testdata/eval", map[string]int{"kind": 24, "title": 24, "issuer": 20}},
		{"../../shared/eval/dev", map[string]int{"kind": 7, "title": 7, "issuer": 3}},
	} {
		docs, _ := filepath.Glob(filepath.Join(set.dir, "docs", "*.txt"))
		if len(docs) == 0 {
			t.Logf("%s: not here, skipped", set.dir)
			continue
		}
		right, scored := map[string]int{}, map[string]int{}
		for _, path := range docs {
			name := strings.TrimSuffix(filepath.Base(path), ".txt")
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var gold struct{ Kind, Title, Issuer string }
			g, err := os.ReadFile(filepath.Join(set.dir, "gold", name+".json"))
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
			for field, want := range map[string]string{"kind": gold.Kind, "title": gold.Title, "issuer": gold.Issuer} {
				if want == "" {
					continue
				}
				got := map[string]string{"kind": doc.Kind, "title": doc.Title, "issuer": doc.Issuer}[field]
				ok := got == want || field != "kind" && sameName(want, got)
				scored[field]++
				if ok {
					right[field]++
				} else {
					t.Logf("%s %s: %s %q, want %q", set.dir, name, field, got, want)
				}
			}
		}
		for _, f := range []string{"kind", "title", "issuer"} {
			t.Logf("%s: %-6s %d/%d", set.dir, f, right[f], scored[f])
			if right[f] < set.floors[f] {
				t.Errorf("%s: %s %d of %d right, below the floor %d", set.dir, f, right[f], scored[f], set.floors[f])
			}
		}
	}
}

// TestRegionEvidence resolves a township name that several counties share
// only with evidence of where the document comes from, and says which.
func TestRegionEvidence(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	text := "营里镇人民政府2024年工作总结\n2024年，全镇完成固定资产投资2.1亿元。\n营里镇人民政府\n2025年1月8日"
	ningde, _ := region.Lookup("350900")
	zhucheng, _ := region.Lookup("370783")
	tests := []struct {
		name   string
		in     Input
		want   string // township code, "" for none
		source string
	}{
		{"no evidence", Input{Name: "a.txt", Body: []byte(text)}, "", ""},
		{"the site's host", Input{URL: "http://www.sjz.gov.cn/col/1/art.html", Body: []byte(text), ContentType: "text/plain"}, "130183102", "issuer+host"},
		{"the page that links it", Input{Name: "b.txt", Body: []byte(text), ParentRegion: &zhucheng}, "370783103", "issuer+parent"},
		{"evidence that fits none of them", Input{Name: "c.txt", Body: []byte(text), ParentRegion: &ningde}, "", ""},
		{"a county the text names", Input{Name: "d.txt", Body: []byte(strings.Replace(text, "全镇", "晋州市全镇", 1))}, "130183102", "issuer+text"},
		{"the metadata block", Input{Name: "e.txt", Body: []byte("来源：寿光市人民政府\n" + text)}, "370783103", "issuer+metadata"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ex.Extract(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if doc.Region != nil {
				got = doc.Region.TownshipCode
			}
			if got != tt.want || doc.IdentitySource.Region != tt.source {
				t.Errorf("region %+v from %q, want township %q from %q", doc.Region, doc.IdentitySource.Region, tt.want, tt.source)
			}
			if doc.National {
				t.Error("a township's document is national")
			}
		})
	}
}
