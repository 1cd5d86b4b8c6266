package export

import (
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract"
)

// IndicatorRow is one row of an indicator export: one numeric fact and the
// document it comes from. The region is the issuer's (extract/region):
// region_code is the code of its most specific division, and each level has
// its GB/T 2260 code and name (city_code of a municipality: xx0100).
//
// The json tag names the column in every format. A field tagged omitempty is
// empty (CSV), blank (XLSX), absent (JSONL) or null (Parquet) when zero; the
// others are always written, so a value of 0 stays 0. The width tag is the
// XLSX column width in characters. Columns that repeat the document are
// dictionary-encoded in Parquet (a third smaller on a generated corpus).
type IndicatorRow struct {
	DocID      string  `json:"doc_id" parquet:"doc_id,dict" width:"18"`
	URL        string  `json:"url,omitempty" parquet:"url,optional,dict" width:"40"`
	File       string  `json:"file,omitempty" parquet:"file,optional,dict" width:"24"`
	Title      string  `json:"title" parquet:"title,dict" width:"50"`
	Issuer     string  `json:"issuer" parquet:"issuer,dict" width:"24"`
	RegionCode string  `json:"region_code,omitempty" parquet:"region_code,optional,dict" width:"11"`
	ProvCode   string  `json:"province_code,omitempty" parquet:"province_code,optional,dict" width:"11"`
	Province   string  `json:"province,omitempty" parquet:"province,optional,dict" width:"12"`
	CityCode   string  `json:"city_code,omitempty" parquet:"city_code,optional,dict" width:"11"`
	City       string  `json:"city,omitempty" parquet:"city,optional,dict" width:"14"`
	CountyCode string  `json:"county_code,omitempty" parquet:"county_code,optional,dict" width:"11"`
	County     string  `json:"county,omitempty" parquet:"county,optional,dict" width:"14"`
	Township   string  `json:"township,omitempty" parquet:"township,optional,dict" width:"14"`
	ReportYear int     `json:"report_year,omitempty" parquet:"report_year,optional" width:"11"`
	Signed     string  `json:"signed,omitempty" parquet:"signed,optional,dict" width:"11"`
	DocNumbers string  `json:"doc_numbers,omitempty" parquet:"doc_numbers,optional,dict" width:"20"`
	Indicator  string  `json:"indicator" parquet:"indicator" width:"24"`
	Value      float64 `json:"value" parquet:"value" width:"14"`
	Unit       string  `json:"unit" parquet:"unit,dict" width:"8"`
	Approx     bool    `json:"approx" parquet:"approx" width:"8"`
	Kind       string  `json:"kind" parquet:"kind,dict" width:"9"`
	Text       string  `json:"text" parquet:"text" width:"14"`
	Sentence   string  `json:"sentence" parquet:"sentence" width:"60"`
	Section    string  `json:"section,omitempty" parquet:"section,optional,dict" width:"30"`
	Measure    string  `json:"measure,omitempty" parquet:"measure,optional,dict" width:"20"`
	Change     string  `json:"change,omitempty" parquet:"change,optional,dict" width:"8"`            // up, down or flat; empty for a level
	ChangeBase string  `json:"change_base,omitempty" parquet:"change_base,optional,dict" width:"10"` // 上年, 上年同期 …
	Target     bool    `json:"target" parquet:"target" width:"8"`
	Baseline   bool    `json:"baseline" parquet:"baseline" width:"9"`
	FigureYear int     `json:"figure_year,omitempty" parquet:"figure_year,optional" width:"11"` // the year of a baseline or target
}

// DocumentRow is one row of a document export (--documents).
type DocumentRow struct {
	DocID       string `json:"doc_id" parquet:"doc_id" width:"18"`
	URL         string `json:"url,omitempty" parquet:"url,optional" width:"40"`
	File        string `json:"file,omitempty" parquet:"file,optional" width:"24"`
	Title       string `json:"title" parquet:"title" width:"50"`
	Issuer      string `json:"issuer" parquet:"issuer,dict" width:"24"`
	RegionCode  string `json:"region_code,omitempty" parquet:"region_code,optional,dict" width:"11"`
	ProvCode    string `json:"province_code,omitempty" parquet:"province_code,optional,dict" width:"11"`
	Province    string `json:"province,omitempty" parquet:"province,optional,dict" width:"12"`
	CityCode    string `json:"city_code,omitempty" parquet:"city_code,optional,dict" width:"11"`
	City        string `json:"city,omitempty" parquet:"city,optional,dict" width:"14"`
	CountyCode  string `json:"county_code,omitempty" parquet:"county_code,optional,dict" width:"11"`
	County      string `json:"county,omitempty" parquet:"county,optional,dict" width:"14"`
	Township    string `json:"township,omitempty" parquet:"township,optional,dict" width:"14"`
	National    bool   `json:"national" parquet:"national" width:"9"` // a national body's document: it has no region
	Kind        string `json:"doc_kind,omitempty" parquet:"doc_kind,optional,dict" width:"16"`
	ReportYear  int    `json:"report_year,omitempty" parquet:"report_year,optional" width:"11"`
	Signed      string `json:"signed,omitempty" parquet:"signed,optional" width:"11"`
	Published   string `json:"published,omitempty" parquet:"published,optional" width:"11"`
	DocNumbers  string `json:"doc_numbers,omitempty" parquet:"doc_numbers,optional" width:"20"`
	IndexNumber string `json:"index_number,omitempty" parquet:"index_number,optional" width:"24"`
	Indicators  int    `json:"indicators" parquet:"indicators" width:"10"`
	Chars       int    `json:"chars" parquet:"chars" width:"8"`
}

// IndicatorRows returns the rows of a document's indicators, in order.
func IndicatorRows(doc *extract.Document) []IndicatorRow {
	d := NewDocumentRow(doc)
	rows := make([]IndicatorRow, 0, len(doc.Indicators))
	for _, ind := range doc.Indicators {
		rows = append(rows, IndicatorRow{
			DocID: d.DocID, URL: d.URL, File: d.File, Title: d.Title, Issuer: d.Issuer,
			RegionCode: d.RegionCode, ProvCode: d.ProvCode, Province: d.Province, CityCode: d.CityCode, City: d.City,
			CountyCode: d.CountyCode, County: d.County, Township: d.Township,
			ReportYear: d.ReportYear, Signed: d.Signed, DocNumbers: d.DocNumbers,
			Indicator: ind.Name, Value: ind.Value, Unit: ind.Unit, Approx: ind.Approx, Kind: ind.Kind,
			Text: ind.Text, Sentence: ind.Sentence, Section: ind.Section,
			Measure: extract.MeasureOf(&ind), Target: ind.Target, Baseline: ind.Baseline, FigureYear: ind.Year,
		})
		if c := ind.Change; c != nil {
			rows[len(rows)-1].Change, rows[len(rows)-1].ChangeBase = c.Direction, c.Base
		}
	}
	return rows
}

// NewDocumentRow returns the row of a document.
func NewDocumentRow(doc *extract.Document) DocumentRow {
	r := extract.RegionOf(doc)
	var numbers []string
	for _, n := range doc.DocNumbers {
		numbers = append(numbers, n.Text)
	}
	return DocumentRow{
		DocID: doc.ID, URL: doc.Source.URL, File: doc.Source.File, Title: doc.Title, Issuer: doc.Issuer,
		RegionCode: r.Code(), ProvCode: r.ProvinceCode, Province: r.Province, CityCode: r.CityCode, City: r.City,
		CountyCode: r.CountyCode, County: r.County, Township: r.Township, National: doc.National,
		Kind: doc.Kind, ReportYear: doc.ReportYear,
		Signed: dateWithRole(doc, extract.RoleSigned), Published: dateWithRole(doc, extract.RolePublished),
		DocNumbers: strings.Join(numbers, "; "), IndexNumber: doc.IndexNumber,
		Indicators: len(doc.Indicators), Chars: utf8.RuneCountInString(doc.Text),
	}
}

func dateWithRole(doc *extract.Document, role string) string {
	for _, d := range doc.Dates {
		if d.Role == role {
			return d.Value
		}
	}
	return ""
}
