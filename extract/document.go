package extract

import (
	"time"

	"github.com/gongwen/gongwen/extract/form"
	"github.com/gongwen/gongwen/extract/region"
	"github.com/gongwen/gongwen/extract/table"
)

// Document is one extracted document: the JSON object that `gongwen extract`
// prints and every later stage (index, export) reads. Field names follow
// ../shared/CONTRACT.md and must not change meaning.
type Document struct {
	ID          string         `json:"id"`
	Parent      string         `json:"parent,omitempty"` // id of the page an attachment came from
	Source      Source         `json:"source"`
	Kind        string         `json:"kind,omitempty"` // identity.Kinds: fzzf-report, gov-work-report, stats-bulletin, xxgk-annual-report, budget, final-accounts, audit-report, regulation, plan, notice, other
	Title       string         `json:"title"`
	Issuer      string         `json:"issuer"`
	Recipients  []string       `json:"recipients"`
	ReportYear  int            `json:"report_year,omitempty"`
	IndexNumber string         `json:"index_number"`
	Region      *region.Region `json:"region,omitempty"` // the division the issuer belongs to (GB/T 2260)
	// National is true for a document of a national body (国务院, a
	// ministry): it has no region.
	National bool `json:"national,omitempty"`
	// IdentitySource says where title, issuer, region, report year and
	// kind came from, so that a researcher can audit them.
	IdentitySource IdentitySource    `json:"identity_source,omitzero"`
	Metadata       map[string]string `json:"metadata"`
	DocNumbers     []DocNumber       `json:"doc_numbers"`
	Dates          []Date            `json:"dates"`
	Indicators     []Indicator       `json:"indicators"`
	Sections       []Section         `json:"sections"`
	Attachments    []Attachment      `json:"attachments"`
	Tables         []table.Table     `json:"tables"`        // every table, whatever the format (CONTRACT.md "Tables and forms")
	Forms          []form.Form       `json:"forms"`         // tables read as a national form (政府信息公开工作年度报告)
	OCR            []OCRPage         `json:"ocr,omitempty"` // pages whose text was read by OCR
	Warnings       []string          `json:"warnings,omitempty"`
	Text           string            `json:"text"`
}

// IdentitySource names, for each identity field, where its value came from
// ("" when the field is empty). The values:
//
//	title        metadata, html-meta, html-heading, html-title, pdf-largest-font, text, breadcrumb, docx-core
//	issuer       metadata, title, order-header, speech-header, on-behalf, issuer-line, signature, self-reference, title-place
//	region       issuer, or issuer+metadata, issuer+parent, issuer+host, issuer+text when a name that several
//	             divisions share was narrowed by that evidence; title, metadata, parent, host, text
//	report_year  speech-header, title, period, opening, signing-date
//	kind         title, structure, default
type IdentitySource struct {
	Title      string `json:"title,omitempty"`
	Issuer     string `json:"issuer,omitempty"`
	Region     string `json:"region,omitempty"`
	ReportYear string `json:"report_year,omitempty"`
	Kind       string `json:"kind,omitempty"`
}

// Source says where a document came from.
type Source struct {
	URL         string    `json:"url"`
	File        string    `json:"file"`
	OtherFiles  []string  `json:"other_files,omitempty"` // more files with the same bytes (ingest keeps one document per content)
	ContentType string    `json:"content_type"`
	Charset     string    `json:"charset,omitempty"`
	SHA256      string    `json:"sha256"`
	FetchedAt   time.Time `json:"fetched_at,omitzero"`
}

// DocNumber is an official document number (发文字号) such as 驻政文〔2025〕3号.
// Start and End are rune offsets into the text it was found in.
type DocNumber struct {
	Text   string `json:"text"`
	Prefix string `json:"prefix"`
	Year   int    `json:"year"`
	Serial int    `json:"serial"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Date roles.
const (
	RoleSigned    = "signed"    // 成文日期, or the date under the issuer's name
	RolePublished = "published" // 发布日期
	RoleMentioned = "mentioned"
)

// Date is an absolute calendar date with year, month and day.
// Value is ISO YYYY-MM-DD; Start and End are rune offsets of Text.
type Date struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Role  string `json:"role"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Indicator kinds.
const (
	KindCount   = "count"
	KindPercent = "percent"
	KindMoney   = "money"
	KindRank    = "rank"
	KindMeasure = "measure"
)

// Indicator is one numeric fact a document reports: 受理人民调解案件49545件.
// Value is in base units (万 and 亿 applied), Unit is the measure word without
// the magnitude, Text the span exactly as written; Start and End are rune
// offsets of Text in the document text.
type Indicator struct {
	Name     string  `json:"name"`
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Text     string  `json:"text"`
	Kind     string  `json:"kind"`
	Approx   bool    `json:"approx"`
	Section  string  `json:"section"`
	Sentence string  `json:"sentence"`
	Start    int     `json:"start"`
	End      int     `json:"end"`

	// Low and High are set for a range written as one figure (5%—8%,
	// 3至5年); Value is then Low.
	Low  *float64 `json:"low,omitempty"`
	High *float64 `json:"high,omitempty"`

	// Measure is the canonical name of what is measured, shared across
	// documents (地区生产总值 for 全市生产总值 and GDP); Name keeps the
	// document's own words.
	Measure string `json:"measure,omitempty"`
	// Change is set for a figure of change against a base (比上年增长6.1%);
	// Value stays positive and Change.Direction carries the sign.
	Change *Change `json:"change,omitempty"`
	// Target is true for a goal, plan or limit rather than a result
	// (预期目标…增长5.5%左右, 控制在10%以内).
	Target bool `json:"target,omitempty"`
	// Baseline is true for the level a from…to change starts at: in
	// 从2.1%提高到2.5%, 2.1 is the baseline and 2.5 the level reached.
	Baseline bool `json:"baseline,omitempty"`
	// Year is the year a baseline or a target is of, when the text says
	// (由2020年的1.8% → 2020, 到2027年达到3% → 2027); 0 otherwise.
	Year int `json:"year,omitempty"`
	// CellRef is set for a figure read from a table cell; its fields
	// appear flat in the JSON ("table", "row", "col").
	*CellRef
	// Restates is set for a figure of the prose that restates a table
	// cell: the same value in the same unit, named with the same words
	// (本年度共收到政府信息公开申请3119件 and the cell 本年新收政府信息公开
	// 申请数量 · 总计). Both are kept; this says they are one fact.
	Restates *CellRef `json:"restates,omitempty"`
	// Rule says which naming rule gave Name (extract/indicator lists them),
	// with the clean-ups that changed it after a +: own-subject+generic. It
	// is filled only on request (Extractor.Explain, gongwen extract --explain),
	// for reading why a name came out as it did.
	Rule string `json:"rule,omitempty"`
}

// Change directions.
const (
	ChangeUp   = "up"
	ChangeDown = "down"
	ChangeFlat = "flat"
)

// Change says that a figure is a change against a base: 比上年下降1.4个百分点
// is {down, 上年}.
type Change struct {
	Direction string `json:"direction"` // up, down or flat
	Base      string `json:"base"`      // what it is compared with: 上年, 上年同期, 上月 …; "" when unstated
}

// CellRef locates a figure in Document.Tables: the table and the row and
// column of its grid.
type CellRef struct {
	Table int `json:"table"`
	Row   int `json:"row"`
	Col   int `json:"col"`
}

// Section is a numbered heading (一、…, （一）…, 1.…) of the body text.
// Start is the rune offset of the heading in the text.
type Section struct {
	Heading string `json:"heading"`
	Level   int    `json:"level"`
	Start   int    `json:"start"`
}

// Attachment is a file linked from a page.
type Attachment struct {
	URL  string `json:"url"`
	Name string `json:"name"`
	Type string `json:"type"` // pdf, doc, docx, wps, ofd, xls, xlsx, zip
}
