package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"

	"github.com/gongwen/gongwen/extract/identity"
	"github.com/gongwen/gongwen/extract/region"
)

// Suggestions in the error for a filter value that matches nothing valid.
const (
	maxSuggestions = 5
	maxFacetValues = 20000 // values of a field read to find the nearest ones
)

// checkFilters makes sure each filter value can match: a kind that gongwen
// knows (by its name or the web page's Chinese or English label) or that a
// document has, a division that extract/region knows or that a document
// is from, an issuer that a document has. It returns the kind as stored
// (预算 → budget). A value that matches nothing valid is an ErrBadQuery
// that lists the nearest valid values, so that a typo is not taken for an
// empty result.
func (ix *Index) checkFilters(ctx context.Context, issuer, place, kind string) (string, error) {
	if kind != "" {
		if k, ok := identity.KindNamed(kind); ok {
			kind = k
		} else if n, err := ix.count(ctx, fKind, kind); err != nil {
			return "", err
		} else if n == 0 {
			var all []string
			for _, k := range identity.Kinds {
				all = append(all, k.Kind, k.Chinese)
			}
			return "", fmt.Errorf("%w: kind %q: no document has this kind and gongwen knows no kind of this name; kinds: %s",
				ErrBadQuery, kind, strings.Join(kindList(nearest(kind, all, len(all))), ", "))
		}
	}
	if place = strings.TrimSpace(place); place != "" && !isNational(place) {
		if err := ix.checkRegion(ctx, place); err != nil {
			return "", err
		}
	}
	if issuer != "" {
		n, err := ix.count(ctx, fIssuerExact, issuer)
		if err != nil {
			return "", err
		}
		if n == 0 {
			values, err := ix.values(ctx, "issuer")
			if err != nil {
				return "", err
			}
			return "", fmt.Errorf("%w: issuer %q: no document has this issuer (--issuer takes a name as the issuer facet lists it; issuer:WORD in the query finds a part of one); nearest: %s",
				ErrBadQuery, issuer, suggestionList(nearest(issuer, values, maxSuggestions)))
		}
	}
	return kind, nil
}

// checkRegion accepts a division extract/region knows (a name as a document
// would write it, or a code) and a name of the region facet; a name several
// divisions share is refused with their names.
func (ix *Index) checkRegion(ctx context.Context, place string) error {
	if strings.Trim(place, "0123456789") == "" {
		if _, ok := region.Lookup(place); ok {
			return nil
		}
	} else if _, ok := region.Resolve(place); ok {
		return nil
	}
	if n, err := ix.count(ctx, fRegionPath, place); err != nil || n > 0 {
		return err
	}
	if cands := region.Candidates(place); len(cands) > 1 && strings.Trim(place, "0123456789") != "" {
		var names []string
		for _, c := range cands {
			names = append(names, c.Name()+" "+c.Code())
		}
		return fmt.Errorf("%w: region %q names %d divisions: %s; give the one meant, by name or code",
			ErrBadQuery, place, len(cands), strings.Join(names, ", "))
	}
	values, err := ix.values(ctx, "region")
	if err != nil {
		return err
	}
	return fmt.Errorf("%w: region %q: no document is from a place of this name and it names no division (GB/T 2260 name or code; national for national bodies); nearest: %s",
		ErrBadQuery, place, suggestionList(nearest(place, append(values, RegionNational), maxSuggestions)))
}

// count returns the number of records whose keyword field holds value.
func (ix *Index) count(ctx context.Context, field, value string) (int, error) {
	req := bleve.NewSearchRequestOptions(termIn(field, value), 0, 0, false)
	req.Score = noScore
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("index: %w", err)
	}
	return int(res.Total), nil
}

// values returns the values of a facet ("issuer", "region") of the documents.
func (ix *Index) values(ctx context.Context, facet string) ([]string, error) {
	req := bleve.NewSearchRequestOptions(typeQuery(typeDoc), 0, 0, false)
	req.Score = noScore
	f := bleve.NewFacetRequest(fFacet, maxFacetValues)
	f.SetPrefixFilter(facet + ":")
	req.AddFacet(facet, f)
	res, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	var out []string
	if f := res.Facets[facet]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			out = append(out, strings.TrimPrefix(t.Term, facet+":"))
		}
	}
	return out, nil
}

// nearest returns up to n of values, those most like s first: values that
// contain s or that s contains, then by the characters and pairs of
// characters they share. Values sharing nothing with s come last, in their
// given order.
func nearest(s string, values []string, n int) []string {
	type scored struct {
		v     string
		score float64
		i     int
	}
	s = strings.ToLower(strings.TrimSpace(s))
	var all []scored
	for i, v := range values {
		all = append(all, scored{v, similarity(s, strings.ToLower(v)), i})
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].score > all[b].score })
	var out []string
	seen := map[string]bool{}
	for _, x := range all {
		if len(out) == n {
			break
		}
		if !seen[x.v] {
			seen[x.v] = true
			out = append(out, x.v)
		}
	}
	return out
}

// similarity is 2 plus the shorter's share of the longer when one string
// contains the other, else the Dice coefficient of their characters plus
// that of their character pairs.
func similarity(a, b string) float64 {
	if a == "" || b == "" {
		return 0
	}
	if strings.Contains(a, b) || strings.Contains(b, a) {
		la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
		return 2 + float64(min(la, lb))/float64(max(la, lb))
	}
	return dice(grams(a, 1), grams(b, 1)) + dice(grams(a, 2), grams(b, 2))
}

func grams(s string, n int) []string {
	rs := []rune(s)
	var out []string
	for i := 0; i+n <= len(rs); i++ {
		out = append(out, string(rs[i:i+n]))
	}
	return out
}

func dice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	pool := map[string]int{}
	for _, g := range b {
		pool[g]++
	}
	common := 0
	for _, g := range a {
		if pool[g] > 0 {
			pool[g]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// kindList writes kinds with their Chinese labels, each kind once.
func kindList(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		code, _ := identity.KindNamed(n)
		if code == "" || seen[code] {
			continue
		}
		seen[code] = true
		for _, k := range identity.Kinds {
			if k.Kind == code {
				out = append(out, k.Kind+" ("+k.Chinese+")")
			}
		}
	}
	return out
}

func suggestionList(values []string) string {
	if len(values) == 0 {
		return "(the index has no values)"
	}
	return strings.Join(values, ", ")
}
