package indicator

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
)

// TestRules names the example of each rule and checks that the rule itself,
// not an earlier one, gives its figure the wanted name: a new rule is one
// entry of the table with its example.
func TestRules(t *testing.T) {
	seg := segmenter(t)
	seen := map[string]bool{}
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			if seen[r.name] {
				t.Fatalf("two rules are named %s", r.name)
			}
			seen[r.name] = true
			var got []string
			for _, in := range find(r.example, seg) {
				if in.Text != r.figure {
					continue
				}
				if in.Name == r.want && (in.Rule == r.name || strings.HasPrefix(in.Rule, r.name+"+")) {
					return
				}
				got = append(got, fmt.Sprintf("%s (rule %s)", in.Name, in.Rule))
			}
			t.Fatalf("%s names %s of %s: got %q, want %s", r.name, r.figure, r.example, got, r.want)
		})
	}
}

// TestRulesDoc checks that the package doc lists the rules of the table, in
// order; go test -run TestRulesDoc -update rewrites the list.
func TestRulesDoc(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	list := rulesDoc()
	start := strings.Index(doc, rulesHeading)
	end := strings.Index(doc, rulesEnd)
	if start < 0 || end < start {
		t.Fatalf("doc.go has no %q section ending at %q", rulesHeading, rulesEnd)
	}
	if doc[start:end] == list {
		return
	}
	if *update {
		if err := os.WriteFile("doc.go", []byte(doc[:start]+list+doc[end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the rule list of doc.go is not the rule table; run go test ./extract/indicator -run TestRulesDoc -update\n got: %s\nwant: %s", doc[start:end], list)
}

const (
	rulesHeading = "// # Naming rules\n"
	rulesEnd     = "// # Clean-up\n"
)

// rulesDoc renders the rule table as the package doc lists it.
func rulesDoc() string {
	var b strings.Builder
	b.WriteString(rulesHeading)
	b.WriteString("//\n// The first rule that applies names a figure (gongwen extract --explain says which):\n//\n")
	for i, r := range rules {
		line := fmt.Sprintf("%d. %s: %s: %s → %s (%s).", i+1, r.name, r.about, r.example, r.want, r.figure)
		b.WriteString(wrap(line, "//  ", "//     "))
	}
	b.WriteString("//\n")
	return b.String()
}

// wrap breaks s into comment lines of about 80 columns, a Chinese
// character taking two.
func wrap(s, first, rest string) string {
	var b strings.Builder
	line := first
	width := 0
	for _, word := range strings.Fields(s) {
		w := 0
		for _, r := range word {
			w++
			if unicode.Is(unicode.Han, r) || r > 0x3000 {
				w++
			}
		}
		if width > 0 && width+1+w > 74 {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line, width = rest, 0
		}
		if width > 0 {
			line += " "
			width++
		}
		line += word
		width += w
	}
	b.WriteString(line + "\n")
	return b.String()
}

// TestFigurePredicate holds the reading of a figure's words as a predicate,
// made once, to isPredicate and predicatePart.
func TestFigurePredicate(t *testing.T) {
	for _, s := range []string{"", "增长", "比上年增长", "分别比上年增长", "占总人口的", "两年平均增长", "减税降费", "受理人民调解案件", "比上年末增加"} {
		f := &figure{before: s}
		for range 2 {
			pred, dist := f.predicatePart()
			wantPred, wantDist := predicatePart(s)
			if got, want := f.isPredicate(), isPredicate(s); got != want || pred != wantPred || dist != wantDist {
				t.Errorf("figure with %q: isPredicate %v, predicatePart %q, %v; want %v, %q, %v", s, got, pred, dist, want, wantPred, wantDist)
			}
		}
	}
}
