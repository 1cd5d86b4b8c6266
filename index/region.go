package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/gongwen/gongwen/extract/region"
)

// regionFacet is the term a document counts under in the region facet: its
// place at the level of a city, where researchers compare — the province and
// the city (河南省开封市, for the city's own bodies and for its districts,
// counties and townships alike). Where there is no city in between, the
// county stands for it: a municipality's district (上海市杨浦区) or a county
// directly under its province (湖北省仙桃市). A provincial body counts under
// its province (湖北省, 上海市), a national one under none ("").
func regionFacet(r region.Region) string {
	if r.City != "" && r.City != r.Province {
		return r.Province + r.City
	}
	return r.Province + r.County
}

// regionPath returns the terms a --region filter matches a document by: the
// names of its division and of every division above it, each written from
// the province down (河南省, 河南省开封市, 河南省开封市鼓楼区), so that
// every region facet term is among them, and their codes (410000, 410200,
// 410204).
func regionPath(r region.Region) []string {
	var terms []string
	name := ""
	for _, part := range []string{r.Province, r.City, r.County, r.Township} {
		if part == "" || part == name { // a municipality is its own city
			continue
		}
		name += part
		terms = append(terms, name)
	}
	for _, code := range []string{r.ProvinceCode, r.CityCode, r.CountyCode, r.TownshipCode} {
		if code != "" {
			terms = append(terms, code)
		}
	}
	return terms
}

// The region of national bodies' documents (extract.Document.National):
// --region national or 全国 selects them; the region facet counts them under
// NationalFacet.
const (
	RegionNational = "national"
	NationalFacet  = "全国"
)

// isNational reports whether a --region value asks for national documents.
func isNational(s string) bool {
	s = strings.TrimSpace(s)
	return strings.EqualFold(s, RegionNational) || s == NationalFacet || s == "国家" || s == "中央"
}

// regionQuery matches the documents whose region is the division s or lies
// inside it. s is a name as the region facet writes it (河南省开封市), a
// GB/T 2260 code (410200, or 4102), or any name extract/region resolves,
// as it resolves an issuer's (开封市, 开封, 杨浦区); a name that resolves to
// no division matches as written. national (全国) matches national bodies.
func regionQuery(s string) query.Query {
	s = strings.TrimSpace(s)
	if isNational(s) {
		return termIn(fRegionPath, RegionNational)
	}
	qs := []query.Query{termIn(fRegionPath, s)}
	var r region.Region
	var ok bool
	if strings.Trim(s, "0123456789") == "" {
		r, ok = region.Lookup(s)
	} else {
		r, ok = region.Resolve(s)
	}
	if ok && r.Code() != s {
		qs = append(qs, termIn(fRegionPath, r.Code()))
	}
	return bleve.NewDisjunctionQuery(qs...)
}
