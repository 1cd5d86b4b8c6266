package index

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/measure"
	"github.com/gongwen/gongwen/extract/region"
)

// Bleve document types: every extracted document is one "doc", and each of
// its indicators one "indicator" whose id is the document id, "#", and the
// indicator's number, so that a range query over indicator values can return
// the documents.
const (
	typeDoc       = "doc"
	typeIndicator = "indicator"
)

// Field names in the bleve index.
const (
	fType        = "type"
	fTitle       = "title"
	fText        = "text"
	fIssuer      = "issuer"       // analyzed: a search for 驻马店 finds 驻马店市人民政府
	fIssuerExact = "issuer_exact" // keyword: --issuer
	fKind        = "kind"
	fRegion      = "region"      // keyword: the region facet term (regionFacet)
	fRegionPath  = "region_path" // keywords: names and codes of the region and the divisions above it, for the filter
	fReportYear  = "report_year" // number

	// The facets of a search count the terms of one field, "issuer:…",
	// "region:…", "year:…" and "kind:…" (facetTerms), and the newest-first
	// order of a search without words reads one sort key (orderKey): bleve
	// reads the doc values of each field a search counts or sorts by for
	// every match, chunk by chunk, and one field of a few short terms is read
	// several times faster than four fields and two numbers, whose doc values
	// hold a term for every precision of the number.
	fFacet = "facet"
	fOrder = "order"

	// An indicator record's issuer and year have fields of their own: the
	// doc values of the documents' facet and sort fields then hold the
	// documents' values only, and a search reads some 20 times less of them.
	fIndIssuer     = "ind_issuer"      // keyword: the filter and sort of indicators
	fIndReportYear = "ind_report_year" // number
	fIndYear       = "ind_year"        // keyword copy
	fIndKind       = "ind_kind"        // stored: the kind of quantity
	fDate          = "date"            // the signed (else published, else first) date
	fDates         = "dates"           // every date
	fDocNum        = "docnum"          // normalised document numbers, exact
	fMetadata      = "metadata"
	fURL           = "url"
	fHash          = "hash"  // stored only: content hash for incremental ingest
	fNumInd        = "n_ind" // stored only: number of indicator records
	fJSON          = "json"  // stored only: the extracted Document

	fName      = "name" // indicator name, analyzed
	fNameExact = "name_exact"
	fValue     = "value"
	fUnit      = "unit"
	fParent    = "parent"
	fSentence  = "sentence"
	fIndText   = "ind_text"
	fMeasure   = "measure"   // keyword: the canonical measure (extract/measure), or a form key
	fFigure    = "figure"    // keyword: level, change or baseline
	fTarget    = "target"    // keyword "true" for a goal, plan or limit
	fSigned    = "signed"    // number: the value, negative for a change down; what filters compare
	fUnitFold  = "unit_fold" // keyword: the unit written one way (％ → %)
	fDirection = "direction" // stored: up, down or flat
	fBase      = "base"      // stored: what a change is against
	fDocKind   = "doc_kind"  // the kind of the indicator's document, for --kind
)

// Figures of an indicator record (fFigure).
const (
	figureLevel    = "level"
	figureChange   = "change"
	figureBaseline = "baseline"
)

// boosts of the fields a word is looked for in: a word in the title counts
// more than one in the body.
const (
	boostTitle    = 4
	boostIssuer   = 2
	boostDocNum   = 8
	boostMetadata = 1
	boostText     = 1
)

// newMapping returns the index mapping for analyzer (AnalyzerName, or "cjk"
// in the benchmark that compares them).
func newMapping(analyzer string) *mapping.IndexMappingImpl {
	text := func(store bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = store
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	kw := func(docValues, store bool) *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	num := func(store, docValues bool) *mapping.FieldMapping {
		f := mapping.NewNumericFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.DocValues = docValues
		return f
	}
	date := func() *mapping.FieldMapping {
		f := mapping.NewDateTimeFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false // filters only; the order is fOrder
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}

	doc := mapping.NewDocumentStaticMapping()
	for name, f := range map[string]*mapping.FieldMapping{
		fType:        kw(false, false),
		fTitle:       text(false),
		fText:        text(false),
		fIssuer:      text(false),
		fIssuerExact: kw(false, false),
		fKind:        kw(false, false),
		fRegion:      kw(false, false),
		fRegionPath:  kw(false, false),
		fReportYear:  num(false, false),
		fFacet:       kw(true, false),
		fOrder:       kw(true, false),
		fDate:        date(),
		fDates:       date(),
		fDocNum:      kw(false, false),
		fMetadata:    text(false),
		fURL:         kw(false, false),
		fHash:        stored(),
		fNumInd:      stored(),
		fJSON:        stored(),
	} {
		doc.AddFieldMappingsAt(name, f)
	}

	ind := mapping.NewDocumentStaticMapping()
	for name, f := range map[string]*mapping.FieldMapping{
		fType:          kw(false, false),
		fName:          text(true),
		fNameExact:     kw(false, true),
		fValue:         num(true, true),
		fUnit:          kw(false, true),
		fIndKind:       kw(false, true),
		fParent:        kw(true, true), // doc values: the parents of matching indicators are counted as a facet, without loading records
		fIndIssuer:     kw(true, true),
		fRegionPath:    kw(false, false),
		fIndReportYear: num(false, true),
		fIndYear:       kw(false, true),
		fDocKind:       kw(false, false),
		fTitle:         stored(),
		fIndText:       stored(),
		fSentence:      stored(),
		fMeasure:       kw(false, true),
		fFigure:        kw(false, true),
		fTarget:        kw(false, true),
		fSigned:        num(false, false),
		fUnitFold:      kw(false, false),
		fDirection:     stored(),
		fBase:          stored(),
	} {
		ind.AddFieldMappingsAt(name, f)
	}

	m := mapping.NewIndexMapping()
	m.TypeField = fType
	m.DefaultMapping = mapping.NewDocumentDisabledMapping()
	m.AddDocumentMapping(typeDoc, doc)
	m.AddDocumentMapping(typeIndicator, ind)
	m.DefaultAnalyzer = analyzer
	m.DefaultField = fText
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// docRecord is what is indexed for one document; reg is its docRegion.
func docRecord(doc *extract.Document, reg region.Region, hash string) (map[string]any, error) {
	raw, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("index: %s: encode document: %w", doc.ID, err)
	}
	r := map[string]any{
		fType:        typeDoc,
		fTitle:       doc.Title,
		fText:        doc.Text,
		fIssuer:      doc.Issuer,
		fIssuerExact: doc.Issuer,
		fKind:        doc.Kind,
		fDocNum:      docNumbers(doc),
		fMetadata:    metadataText(doc.Metadata),
		fURL:         doc.Source.URL,
		fHash:        hash,
		fNumInd:      strconv.Itoa(len(doc.Indicators)),
		fJSON:        string(raw),
	}
	if doc.ReportYear != 0 {
		r[fReportYear] = doc.ReportYear
	}
	place := regionTerm(reg, doc.National)
	if place != "" {
		r[fRegion] = place
	}
	if path := regionFilterTerms(reg, doc.National); path != nil {
		r[fRegionPath] = path
	}
	r[fFacet] = facetTerms(doc, place)
	if k := orderKey(doc); k != "" {
		r[fOrder] = k
	}
	var dates []time.Time
	for _, d := range doc.Dates {
		if t, err := time.Parse(time.DateOnly, d.Value); err == nil {
			dates = append(dates, t)
		}
	}
	if len(dates) > 0 {
		r[fDates] = dates
	}
	if d, ok := MainDate(doc); ok {
		t, _ := time.Parse(time.DateOnly, d)
		r[fDate] = t
	}
	return r, nil
}

// regionTerm returns the region facet term of a document: its region's. A
// national body's document counts under 全国; a document whose place is
// unknown has none ("").
func regionTerm(reg region.Region, national bool) string {
	if f := regionFacet(reg); f != "" || !national {
		return f
	}
	return NationalFacet
}

// regionFilterTerms returns the terms the region filter finds a record by
// (regionPath; 全国 and national for a national body's), or nil.
func regionFilterTerms(reg region.Region, national bool) []string {
	switch {
	case regionFacet(reg) != "":
		return regionPath(reg)
	case national:
		return []string{NationalFacet, RegionNational}
	}
	return nil
}

// Facets of a search, each counted from the terms of fFacet that start
// with its name and a colon.
var facetNames = []string{"issuer", "region", "year", "kind"}

// facetTerms returns a document's terms of fFacet; place is its region
// facet term, if any.
func facetTerms(doc *extract.Document, place string) []string {
	terms := []string{"issuer:" + doc.Issuer, "kind:" + doc.Kind} // counted when empty too, as keywords are
	if place != "" {
		terms = append(terms, "region:"+place)
	}
	if doc.ReportYear != 0 {
		terms = append(terms, "year:"+strconv.Itoa(doc.ReportYear))
	}
	return terms
}

// orderKey is the key a search without words sorts by, descending: the
// main date, then the report year; a document with a year and no date
// comes after those with a date. A document with neither has none, and
// comes last.
func orderKey(doc *extract.Document) string {
	date, ok := MainDate(doc)
	switch {
	case !ok && doc.ReportYear == 0:
		return ""
	case !ok:
		date = "0000-00-00"
	}
	if doc.ReportYear != 0 {
		return fmt.Sprintf("%s %04d", date, doc.ReportYear)
	}
	return date
}

// indicatorID is the bleve id of the i-th indicator of document docID.
func indicatorID(docID string, i int) string {
	return docID + "#" + strconv.Itoa(i)
}

func indicatorRecord(doc *extract.Document, reg region.Region, ind extract.Indicator) map[string]any {
	r := map[string]any{
		fType:      typeIndicator,
		fName:      ind.Name,
		fNameExact: ind.Name,
		fValue:     ind.Value,
		fUnit:      ind.Unit,
		fIndKind:   ind.Kind,
		fParent:    doc.ID,
		fIndIssuer: doc.Issuer,
		fTitle:     doc.Title,
		fIndText:   ind.Text,
		fSentence:  ind.Sentence,
		fMeasure:   extract.MeasureOf(&ind),
		fFigure:    figureLevel,
		fSigned:    ind.Value,
		fUnitFold:  measure.FoldUnit(ind.Unit),
		fDocKind:   doc.Kind,
	}
	switch {
	case ind.Baseline:
		r[fFigure] = figureBaseline
	case ind.Change != nil:
		r[fFigure] = figureChange
		r[fDirection], r[fBase] = ind.Change.Direction, ind.Change.Base
		if ind.Change.Direction == extract.ChangeDown {
			r[fSigned] = -ind.Value
		}
	}
	if ind.Target {
		r[fTarget] = "true"
	}
	if doc.ReportYear != 0 {
		r[fIndReportYear] = doc.ReportYear
		r[fIndYear] = strconv.Itoa(doc.ReportYear)
	}
	if path := regionFilterTerms(reg, doc.National); path != nil {
		r[fRegionPath] = path
	}
	return r
}

// MainDate returns the date a document is listed under: its signed date,
// else its published date, else the first date in it.
func MainDate(doc *extract.Document) (string, bool) {
	for _, role := range []string{extract.RoleSigned, extract.RolePublished, ""} {
		for _, d := range doc.Dates {
			if role == "" || d.Role == role {
				if _, err := time.Parse(time.DateOnly, d.Value); err == nil {
					return d.Value, true
				}
			}
		}
	}
	return "", false
}

func docNumbers(doc *extract.Document) []string {
	var nums []string
	for _, n := range doc.DocNumbers {
		nums = append(nums, NormalizeDocNumber(n.Text))
	}
	if n := doc.Metadata["文号"]; n != "" {
		nums = append(nums, NormalizeDocNumber(n))
	}
	return nums
}

// NormalizeDocNumber folds the ways a document number is written to one
// form, so that 国发[2024]1号, 国发（2024）1号 and 国发〔２０２４〕１号 are
// the same key: brackets become 〔〕, full-width digits ASCII, spaces go.
func NormalizeDocNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '[' || r == '(' || r == '（' || r == '【' || r == '［' || r == '〔' || r == '{' || r == '〖':
			b.WriteRune('〔')
		case r == ']' || r == ')' || r == '）' || r == '】' || r == '］' || r == '〕' || r == '}' || r == '〗':
			b.WriteRune('〕')
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == ' ' || r == '\u3000' || r == '\t' || r == '\n':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// metadataText is the metadata as searchable text, one "label：value" a line,
// in a stable order.
func metadataText(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s：%s\n", k, m[k])
	}
	return b.String()
}
