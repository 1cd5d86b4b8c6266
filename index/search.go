package index

import (
	"context"
	"fmt"
	"html"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/measure"
)

// Result is one page of a search.
type Result struct {
	Total  int                     `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetCount `json:"facets"` // "issuer", "region", "year", "kind"
}

// Hit is a document found by a search.
type Hit struct {
	ID         string   `json:"id"`
	URL        string   `json:"url"`
	File       string   `json:"file,omitempty"` // source.file, for documents read from disk
	Title      string   `json:"title"`
	Issuer     string   `json:"issuer"`
	ReportYear int      `json:"report_year,omitempty"`
	Kind       string   `json:"kind,omitempty"`
	Date       string   `json:"date,omitempty"` // MainDate
	DocNumbers []string `json:"doc_numbers"`
	Score      float64  `json:"score"`
	// Fragments are pieces of the text around the matches, as HTML: the
	// text is escaped and each match is wrapped in <mark>…</mark>.
	Fragments []string `json:"fragments"`
	// TitleHTML is the escaped title with its matches marked.
	TitleHTML string `json:"title_html,omitempty"`
	// Indicators are the indicators that matched Query.Indicator.
	Indicators []IndicatorHit `json:"indicators,omitempty"`
}

// FacetCount is the number of hits with one value of a facet.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// IndicatorHit is one indicator of one document.
type IndicatorHit struct {
	DocID      string  `json:"doc_id"`
	Title      string  `json:"title"`
	Issuer     string  `json:"issuer"`
	ReportYear int     `json:"report_year,omitempty"`
	Name       string  `json:"name"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit"`
	Kind       string  `json:"kind"`
	Text       string  `json:"text"`
	Sentence   string  `json:"sentence"`
	Measure    string  `json:"measure,omitempty"`
	Figure     string  `json:"figure"`              // level, change or baseline
	Direction  string  `json:"direction,omitempty"` // of a change: up, down or flat
	Base       string  `json:"base,omitempty"`      // of a change: 上年, 上年同期 …
	Target     bool    `json:"target,omitempty"`
}

// noScore is the Score of a search request whose hits are not ranked by
// score (counts, sorted lists, joins): bleve then merges the posting lists
// of a disjunction, such as the many terms of a numeric range, into one
// bitmap instead of advancing each list in step with the other clauses.
const noScore = "none"

// facetSize is how many values of each facet a search returns.
const facetSize = 15

// Search runs q and returns one page of hits, best first (newest first when
// the query has no words), with highlighted fragments and facets.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	bq, textQ, indFilter, err := ix.buildQuery(ctx, q)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	req := bleve.NewSearchRequestOptions(bq, limit, max(q.Offset, 0), false)
	req.Fields = []string{fJSON}
	if textQ == nil {
		req.SortByCustom(search.SortOrder{
			&search.SortField{Field: fOrder, Type: search.SortFieldAsString, Desc: true},
			&search.SortDocID{},
		})
	}
	for _, name := range facetNames {
		f := bleve.NewFacetRequest(fFacet, facetSize)
		f.SetPrefixFilter(name + ":")
		req.AddFacet(name, f)
	}
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: search %q: %w", q.Text, err)
	}
	out := &Result{Total: int(res.Total), Hits: []Hit{}, Facets: map[string][]FacetCount{}}
	var byInd map[string][]IndicatorHit
	if indFilter != nil && len(res.Hits) > 0 {
		// The matching values, for this page's documents only.
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if byInd, err = ix.indicatorsOf(ctx, *indFilter, ids); err != nil {
			return nil, err
		}
	}
	locations, err := ix.locations(ctx, textQ, res.Hits)
	if err != nil {
		return nil, err
	}
	for _, h := range res.Hits {
		doc, _, _, err := decodeHit(h)
		if err != nil {
			return nil, err
		}
		hit := newHit(doc)
		hit.Score = h.Score
		hit.Fragments = []string{}
		for _, f := range Fragments(doc.Text, spans(locations[h.ID][fText]), 3) {
			// The text often starts with the title, which the hit shows already.
			if html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(f)) != doc.Title {
				hit.Fragments = append(hit.Fragments, f)
			}
		}
		hit.TitleHTML = Highlight(doc.Title, spans(locations[h.ID][fTitle]))
		hit.Indicators = byInd[doc.ID]
		out.Hits = append(out.Hits, hit)
	}
	for name, f := range res.Facets {
		counts := []FacetCount{}
		if f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				counts = append(counts, FacetCount{Term: strings.TrimPrefix(t.Term, name+":"), Count: t.Count})
			}
		}
		out.Facets[name] = counts
	}
	return out, nil
}

// locations returns where the words of textQ are in each of hits, by
// document id, for highlighting. It asks for them again for this page's
// hits only: asked with the search, bleve would gather them for every
// matching document, which for a common word cost more than the search.
func (ix *Index) locations(ctx context.Context, textQ query.Query, hits search.DocumentMatchCollection) (map[string]search.FieldTermLocationMap, error) {
	if textQ == nil || len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), textQ), len(ids), 0, false)
	req.IncludeLocations = true
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: highlight: %w", err)
	}
	out := make(map[string]search.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h.Locations
	}
	return out, nil
}

func newHit(doc *extract.Document) Hit {
	h := Hit{
		ID:         doc.ID,
		URL:        doc.Source.URL,
		File:       doc.Source.File,
		Title:      doc.Title,
		Issuer:     doc.Issuer,
		ReportYear: doc.ReportYear,
		Kind:       doc.Kind,
		DocNumbers: []string{},
	}
	h.Date, _ = MainDate(doc)
	for _, n := range doc.DocNumbers {
		h.DocNumbers = append(h.DocNumbers, n.Text)
	}
	return h
}

// buildQuery returns the bleve query of q, its text part (nil when q has no
// words), and its indicator filter (nil when it has none).
func (ix *Index) buildQuery(ctx context.Context, q Query) (query.Query, query.Query, *IndicatorFilter, error) {
	var err error
	if q.Kind, err = ix.checkFilters(ctx, q.Issuer, q.Region, q.Kind); err != nil {
		return nil, nil, nil, err
	}
	must, err := filterQuery(q)
	if err != nil {
		return nil, nil, nil, err
	}
	textQ, err := ix.textQuery(q.Text)
	if err != nil {
		return nil, nil, nil, err
	}
	if textQ != nil {
		must = append(must, textQ)
	}
	var indFilter *IndicatorFilter
	if q.Indicator != "" {
		f, err := ParseIndicatorFilter(q.Indicator)
		if err != nil {
			return nil, nil, nil, err
		}
		ids, err := ix.indicatorParents(ctx, f)
		if err != nil {
			return nil, nil, nil, err
		}
		if len(ids) == 0 {
			if err := ix.unitMismatch(ctx, f); err != nil {
				return nil, nil, nil, err
			}
		}
		must = append(must, bleve.NewDocIDQuery(ids))
		indFilter = &f
	}
	return bleve.NewConjunctionQuery(must...), textQ, indFilter, nil
}

// indicatorParents returns the ids of the documents with an indicator that
// matches f, sorted. The ids are counted as a facet of the parent field
// (its doc values), which reads neither stored records nor the ids of the
// indicator records, and needs no sorting or paging of the matches.
func (ix *Index) indicatorParents(ctx context.Context, f IndicatorFilter) ([]string, error) {
	if f.Name == "" || !ix.hasWords(f.Name) {
		return nil, fmt.Errorf("%w: indicator name %q has no words", ErrBadQuery, f.Name)
	}
	req := bleve.NewSearchRequestOptions(f.query(ix), 0, 0, false)
	req.Score = noScore
	req.AddFacet(fParent, bleve.NewFacetRequest(fParent, math.MaxInt32))
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: indicators %s: %w", f, err)
	}
	ids := []string{}
	if fr := res.Facets[fParent]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			ids = append(ids, t.Term)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// indicatorsOf returns the indicators that match f of the given documents.
func (ix *Index) indicatorsOf(ctx context.Context, f IndicatorFilter, docIDs []string) (map[string][]IndicatorHit, error) {
	var parents []query.Query
	for _, id := range docIDs {
		parents = append(parents, termIn(fParent, id))
	}
	hits, err := ix.indicators(ctx, bleve.NewConjunctionQuery(f.query(ix), bleve.NewDisjunctionQuery(parents...)), f, 10000)
	if err != nil {
		return nil, err
	}
	by := map[string][]IndicatorHit{}
	for _, h := range hits {
		by[h.DocID] = append(by[h.DocID], h)
	}
	return by, nil
}

// Indicators returns up to limit indicators that match f, by report year
// (newest first), issuer and value.
func (ix *Index) Indicators(ctx context.Context, f IndicatorFilter, limit int) ([]IndicatorHit, error) {
	if f.Name == "" || !ix.hasWords(f.Name) {
		return nil, fmt.Errorf("%w: indicator name %q has no words", ErrBadQuery, f.Name)
	}
	var err error
	if f.Kind, err = ix.checkFilters(ctx, f.Issuer, f.Region, f.Kind); err != nil {
		return nil, err
	}
	hits, err := ix.indicators(ctx, f.query(ix), f, limit)
	if err == nil && len(hits) == 0 {
		err = ix.unitMismatch(ctx, f)
	}
	return hits, err
}

// unitMismatch explains an empty answer to a filter with a unit: when the
// indicators it names exist but none in that unit (纠错率>3亿元, with 纠错率
// only in %), it returns an error that says which units they have.
func (ix *Index) unitMismatch(ctx context.Context, f IndicatorFilter) error {
	if f.Unit == "" {
		return nil
	}
	any := f
	any.Unit, any.Op = "", ""
	hits, err := ix.indicators(ctx, any.query(ix), any, 200)
	if err != nil || len(hits) == 0 {
		return err
	}
	var units []string
	for _, h := range hits {
		if u := measure.FoldUnit(h.Unit); u == f.Unit {
			return nil
		} else if !slices.Contains(units, u) {
			units = append(units, u)
		}
	}
	return fmt.Errorf("%w: indicator %s: its values are in %s, none in %s", ErrBadQuery, f, strings.Join(units, ", "), f.Unit)
}

func (ix *Index) indicators(ctx context.Context, q query.Query, f IndicatorFilter, limit int) ([]IndicatorHit, error) {
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	req.Score = noScore
	req.Fields = []string{fNameExact, fValue, fUnit, fIndKind, fParent, fIndIssuer, fIndYear, fTitle, fIndText, fSentence,
		fMeasure, fFigure, fDirection, fBase, fTarget}
	req.SortBy([]string{"-" + fIndReportYear, fIndIssuer, "-" + fValue, "_id"})
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: indicators %s: %w", f, err)
	}
	hits := make([]IndicatorHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		s := func(name string) string { v, _ := h.Fields[name].(string); return v }
		value, _ := h.Fields[fValue].(float64)
		year, _ := strconv.Atoi(s(fIndYear))
		hits = append(hits, IndicatorHit{
			DocID: s(fParent), Title: s(fTitle), Issuer: s(fIndIssuer), ReportYear: year,
			Name: s(fNameExact), Value: value, Unit: s(fUnit), Kind: s(fIndKind),
			Text: s(fIndText), Sentence: s(fSentence),
			Measure: s(fMeasure), Figure: s(fFigure), Direction: s(fDirection), Base: s(fBase), Target: s(fTarget) == "true",
		})
	}
	return hits, nil
}

// Each calls fn with every document that matches q (its Limit and Offset are
// ignored), in id order, reading the index a page at a time; it stops at the
// first error fn returns.
func (ix *Index) Each(ctx context.Context, q Query, fn func(*extract.Document) error) error {
	bq, _, _, err := ix.buildQuery(ctx, q)
	if err != nil {
		return err
	}
	const page = 500
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bq, page, 0, false)
		req.Score = noScore
		req.Fields = []string{fJSON}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.bi.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("index: %w", err)
		}
		for _, h := range res.Hits {
			doc, _, _, err := decodeHit(h)
			if err != nil {
				return err
			}
			if err := fn(doc); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// spans returns the byte spans of a field's term locations, sorted. Chinese
// words of two or more characters are left out: they only raise the score
// wherever they are (see Index.phrase), while the phrase matched pair by
// pair of characters (see pairs).
func spans(terms search.TermLocationMap) []Span {
	var out []Span
	for term, locs := range terms {
		if !strings.HasPrefix(term, pairMark) && utf8.RuneCountInString(term) > 1 && isHanWord(term) {
			continue
		}
		for _, l := range locs {
			out = append(out, Span{Start: int(l.Start), End: int(l.End)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].End > out[j].End
	})
	return out
}
