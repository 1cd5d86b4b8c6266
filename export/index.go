package export

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

// MaxObservations bounds the values of one indicator read from the index.
const MaxObservations = 100000

// indicatorKey identifies an indicator of a document across the index's
// indicator records and the stored document.
type indicatorKey struct {
	doc, name, text string
	value           float64
}

// Where narrows a comparison to the documents of an issuer, a region, a
// report year and a kind, each optional, as the filters of a search do
// (index.Query).
type Where struct {
	Issuer, Region, Kind string
	Year                 int
}

// Observations finds the values of an indicator in the index, in the
// documents where selects. The name goes through the index's Chinese
// analyzer, so 调解成功率 also finds 人民调解成功率; "NAME OP VALUE"
// (调解成功率>=95) keeps only such values. The documents are read from the
// index for the approximation mark and the issuer's region, one at a time: a
// comparison holds one document, not all it draws on.
func Observations(ctx context.Context, ix *index.Index, indicator string, where Where) ([]Observation, error) {
	f, err := index.ParseIndicatorFilter(indicator)
	if err != nil {
		return nil, err
	}
	f.Issuer, f.Region, f.Kind, f.Year = where.Issuer, where.Region, where.Kind, where.Year
	hits, err := indicatorHits(ctx, ix, f)
	if err != nil {
		return nil, err
	}
	// The hits of a document together, each observation at its hit's place.
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return hits[order[a]].DocID < hits[order[b]].DocID })
	obs := make([]Observation, len(hits))
	var doc *extract.Document
	var used map[indicatorKey]int // how many of the document's equal indicators were taken
	for n, i := range order {
		h := hits[i]
		if n == 0 || h.DocID != hits[order[n-1]].DocID {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if doc, err = ix.Document(h.DocID); err != nil {
				return nil, fmt.Errorf("export: indicator %s of document %s: %w", h.Name, h.DocID, err)
			}
			used = map[indicatorKey]int{}
		}
		key := indicatorKey{h.DocID, h.Name, h.Text, h.Value}
		ind, ok := nthIndicator(doc, key, used[key])
		if !ok { // the index and the stored document disagree: keep what the index says
			ind = extract.Indicator{Name: h.Name, Value: h.Value, Unit: h.Unit, Text: h.Text, Kind: h.Kind}
		}
		used[key]++
		obs[i] = NewObservation(doc, ind)
	}
	return obs, nil
}

// indicatorHits returns the indicators f selects, or an error when there
// are more than MaxObservations: a table cut short would mislead.
func indicatorHits(ctx context.Context, ix *index.Index, f index.IndicatorFilter) ([]index.IndicatorHit, error) {
	hits, err := ix.Indicators(ctx, f, MaxObservations+1)
	if err != nil {
		return nil, err
	}
	if len(hits) > MaxObservations {
		return nil, fmt.Errorf("export: more than %d values of indicator %s; narrow it with a value (%s>=95), an issuer or a year",
			MaxObservations, f.Name, f.Name)
	}
	return hits, nil
}

// nthIndicator returns the n-th indicator of doc that matches key.
func nthIndicator(doc *extract.Document, key indicatorKey, n int) (extract.Indicator, bool) {
	for _, ind := range doc.Indicators {
		if ind.Name == key.name && ind.Text == key.text && ind.Value == key.value {
			if n == 0 {
				return ind, true
			}
			n--
		}
	}
	return extract.Indicator{}, false
}

// CompareIndex compares an indicator across the documents of the index
// where selects (see Observations and Compare).
func CompareIndex(ctx context.Context, ix *index.Index, indicator string, by By, where Where) (*Table, error) {
	obs, err := Observations(ctx, ix, indicator, where)
	if err != nil {
		return nil, err
	}
	f, err := index.ParseIndicatorFilter(indicator)
	if err != nil {
		return nil, err
	}
	measure, asked := "", f.Name
	var others []NameUsed
	if f.Measure != "" {
		asked = f.Measure
	}
	if !f.NameOnly {
		obs, measure, others = OneMeasure(asked, obs)
	}
	t := Compare(f.Name, obs, by)
	if measure != "" && (f.Measure != "" || slices.ContainsFunc(obs, func(o Observation) bool { return o.Measure == measure })) {
		t.Measure = measure
	}
	t.Others = others
	if g := strings.TrimSuffix(f.String(), f.Op+strconv.FormatFloat(f.Value, 'f', -1, 64)+f.Unit); f.Op != "" || g != f.Name {
		t.Indicator = g // change:地区生产总值, as asked, without the value
	}
	return t, nil
}

// Indicators writes a row for each indicator of each document that matches
// q (in document id order); when q.Indicator is set, only for the indicators
// it selects. It calls done, if not nil, after each document, and returns
// the number of rows written.
func Indicators(ctx context.Context, ix *index.Index, q index.Query, w *Writer[IndicatorRow], done func()) (int, error) {
	var keep map[indicatorKey]int
	if q.Indicator != "" {
		f, err := index.ParseIndicatorFilter(q.Indicator)
		if err != nil {
			return 0, err
		}
		f.Issuer, f.Year, f.Region = q.Issuer, q.Year, q.Region
		hits, err := indicatorHits(ctx, ix, f)
		if err != nil {
			return 0, err
		}
		keep = map[indicatorKey]int{}
		for _, h := range hits {
			keep[indicatorKey{h.DocID, h.Name, h.Text, h.Value}]++
		}
	}
	n := 0
	err := ix.Each(ctx, q, func(doc *extract.Document) error {
		for i, row := range IndicatorRows(doc) {
			ind := doc.Indicators[i]
			if keep != nil {
				key := indicatorKey{doc.ID, ind.Name, ind.Text, ind.Value}
				if keep[key] == 0 {
					continue
				}
				keep[key]--
			}
			if err := w.Write(row); err != nil {
				return err
			}
			n++
		}
		if done != nil {
			done()
		}
		return ctx.Err()
	})
	return n, err
}

// Documents writes a row for each document that matches q, in id order. It
// calls done, if not nil, after each document, and returns the number of
// rows written.
func Documents(ctx context.Context, ix *index.Index, q index.Query, w *Writer[DocumentRow], done func()) (int, error) {
	n := 0
	err := ix.Each(ctx, q, func(doc *extract.Document) error {
		if err := w.Write(NewDocumentRow(doc)); err != nil {
			return err
		}
		n++
		if done != nil {
			done()
		}
		return ctx.Err()
	})
	return n, err
}
