package export

import (
	"cmp"
	"slices"
	"strings"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/measure"
	"github.com/gongwen/gongwen/extract/region"
)

// MeasureCount is how often a measure, or a name that has none, occurs among
// the indicators of some documents.
type MeasureCount struct {
	Name    string `json:"name"`    // the measure, or the stem of a name without one (measure.Stem)
	Mapped  bool   `json:"mapped"`  // Name is a measure
	Count   int    `json:"count"`   // indicators
	Docs    int    `json:"docs"`    // documents they are in
	Unit    string `json:"unit"`    // the most common unit of its levels
	Example string `json:"example"` // a sentence that has one
}

// MeasureCounter counts the measures of documents, and the names of
// indicators that have none: what the vocabulary (extract/measure's
// measures.tsv) should learn next.
type MeasureCounter struct {
	counts map[string]*MeasureCount
	units  map[string]map[string]int
	seen   map[string]string // name -> the last document counted
}

// Add counts the indicators of doc.
func (c *MeasureCounter) Add(doc *extract.Document) {
	if c.counts == nil {
		c.counts, c.units, c.seen = map[string]*MeasureCount{}, map[string]map[string]int{}, map[string]string{}
	}
	for _, ind := range doc.Indicators {
		name, mapped := extract.MeasureOf(&ind), true
		if name == "" {
			name, mapped = measure.Stem(region.Fold(ind.Name)), false
		}
		if name == "" {
			continue
		}
		m := c.counts[name]
		if m == nil {
			m = &MeasureCount{Name: name, Mapped: mapped, Example: ind.Sentence}
			c.counts[name], c.units[name] = m, map[string]int{}
		}
		m.Count++
		if c.seen[name] != doc.ID {
			c.seen[name] = doc.ID
			m.Docs++
		}
		if ind.Change == nil && !ind.Baseline {
			c.units[name][measure.FoldUnit(ind.Unit)]++
		}
	}
}

// Top returns the n most frequent (by documents, then indicators), all of
// them when n <= 0; only names without a measure when unmapped is set.
func (c *MeasureCounter) Top(n int, unmapped bool) []MeasureCount {
	var out []MeasureCount
	for name, m := range c.counts {
		if unmapped && m.Mapped {
			continue
		}
		for u, k := range c.units[name] {
			if k > c.units[name][m.Unit] || k == c.units[name][m.Unit] && u < m.Unit {
				m.Unit = u
			}
		}
		out = append(out, *m)
	}
	slices.SortFunc(out, func(a, b MeasureCount) int {
		return cmp.Or(b.Docs-a.Docs, b.Count-a.Count, strings.Compare(a.Name, b.Name))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
