package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/date"
	"github.com/gongwen/gongwen/extract/docnum"
	"github.com/gongwen/gongwen/extract/docx"
	"github.com/gongwen/gongwen/extract/html"
	"github.com/gongwen/gongwen/extract/indicator"
	"github.com/gongwen/gongwen/extract/meta"
	"github.com/gongwen/gongwen/extract/pdf"
	"github.com/gongwen/gongwen/extract/region"
	"github.com/gongwen/gongwen/extract/segment"
	"github.com/gongwen/gongwen/extract/table"
	"github.com/gongwen/gongwen/internal/limit"
)

// Input is one document to extract: its bytes and where they came from.
type Input struct {
	Name        string // file path or URL, used in errors and as source.file for files
	URL         string // the page's URL, if it came from the web
	ContentType string // the HTTP Content-Type, if any
	Body        []byte
	FetchedAt   time.Time
	Parent      string // id of the page that links this attachment
}

// Extractor turns inputs into Documents. Its zero value works and loads the
// process-wide Segmenter on first use.
type Extractor struct {
	Segmenter *segment.Segmenter
	// MaxText bounds the text of one document in bytes; 0 means
	// DefaultMaxText. Extraction takes time and memory in proportion to the
	// text (some 50 bytes of memory for each byte of text).
	MaxText int
}

// DefaultMaxText is the default of Extractor.MaxText: some 2.7 million
// Chinese characters, thousands of pages, far more than any report.
const DefaultMaxText = 8 << 20

// ErrTooLarge is returned (wrapped) for a document whose text is longer
// than Extractor.MaxText.
var ErrTooLarge = errors.New("longer than the limit for one document")

// ErrUnknownFormat is returned for inputs that are not HTML, PDF, DOCX or text.
var ErrUnknownFormat = errors.New("unknown format")

// Extract reads one input. Errors name the input and the reason, for example
// "extract: scan.pdf: no text layer (scanned image?)"; recoverable trouble
// (an unreadable page) is kept in Document.Warnings instead.
func (e *Extractor) Extract(in Input) (doc *Document, err error) {
	name := in.Name
	if name == "" {
		name = in.URL
	}
	defer func() {
		// A reader bug must cost one document, never the run.
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("extract: %s: internal error: %v", name, r)
		}
	}()
	sum := sha256.Sum256(in.Body)
	doc = &Document{
		Parent: in.Parent,
		Source: Source{
			URL:         in.URL,
			ContentType: in.ContentType,
			SHA256:      hex.EncodeToString(sum[:]),
			FetchedAt:   in.FetchedAt,
		},
		Recipients:  []string{},
		Metadata:    map[string]string{},
		DocNumbers:  []DocNumber{},
		Dates:       []Date{},
		Indicators:  []Indicator{},
		Sections:    []Section{},
		Attachments: []Attachment{},
		Tables:      []table.Table{},
	}
	if in.URL == "" {
		doc.Source.File = in.Name
	}
	doc.ID = documentID(in.URL, sum[:])

	if len(in.Body) == 0 {
		return nil, fmt.Errorf("extract: %s: empty file", name)
	}
	format := Sniff(in.Name+in.URL, in.ContentType, in.Body)
	maxText := e.MaxText
	if maxText <= 0 {
		maxText = DefaultMaxText
	}
	// Markup, or GB18030 that grows in UTF-8, may be larger than its text; anything much larger is not
	// read at all.
	if (format == FormatHTML || format == FormatText) && len(in.Body) > 4*maxText {
		return nil, fmt.Errorf("extract: %s: %s file: %w of %s text (--max-text)", name, limit.Size(int64(len(in.Body))), ErrTooLarge, limit.Size(int64(maxText)))
	}
	var page *html.Page
	switch format {
	case FormatHTML:
		page, err = html.Read(in.Body, in.ContentType, in.URL)
		if err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
		doc.Text, doc.Source.Charset, doc.Title = page.Text, page.Charset, page.Title
		for k, v := range page.Metadata {
			doc.Metadata[k] = v
		}
		for _, a := range page.Attachments {
			doc.Attachments = append(doc.Attachments, Attachment{URL: a.URL, Name: a.Name, Type: a.Type})
		}
		if doc.Source.ContentType == "" {
			doc.Source.ContentType = "text/html"
		}
	case FormatPDF:
		res, err := pdf.Read(in.Body)
		if err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
		doc.Text, doc.Warnings = res.Text, res.Warnings
		doc.Source.ContentType = "application/pdf"
	case FormatDOCX:
		if doc.Text, err = docx.Read(in.Body); err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
		doc.Source.ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case FormatText:
		if doc.Text, doc.Source.Charset, doc.Warnings, err = DecodeText(in.Body); err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
		warning, err := checkChinese(doc.Text)
		if err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
		if warning != "" {
			doc.Warnings = append(doc.Warnings, warning)
		}
		if doc.Source.ContentType == "" {
			doc.Source.ContentType = "text/plain"
		}
	default:
		return nil, fmt.Errorf("extract: %s: %w (not HTML, PDF, DOCX or text; legacy .doc/.xls/.wps must be converted first)", name, ErrUnknownFormat)
	}
	if strings.TrimSpace(doc.Text) == "" && len(doc.Metadata) == 0 {
		return nil, fmt.Errorf("extract: %s: no text found", name)
	}
	if len(doc.Text) > maxText {
		return nil, fmt.Errorf("extract: %s: text of %s: %w of %s (--max-text)", name, limit.Size(int64(len(doc.Text))), ErrTooLarge, limit.Size(int64(maxText)))
	}
	// The dictionary only now: an input that fails fails fast.
	seg := e.Segmenter
	if seg == nil {
		if seg, err = segment.DefaultSegmenter(); err != nil {
			return nil, err
		}
	}
	e.fill(doc, seg)
	return doc, nil
}

// fill derives every field that comes from the text and the metadata.
func (e *Extractor) fill(doc *Document, seg *segment.Segmenter) {
	text := doc.Text
	for k, v := range TextMetadata(text, date.Parse) {
		if _, ok := doc.Metadata[k]; !ok {
			doc.Metadata[k] = v
		}
	}
	md := doc.Metadata
	doc.IndexNumber = md[meta.MetaIndexNumber]
	if doc.Title == "" {
		doc.Title = md[meta.MetaTitle]
	}
	if doc.Title == "" {
		doc.Title = TextTitle(text)
	}
	doc.Issuer = md[meta.MetaIssuer]
	if doc.Issuer == "" {
		doc.Issuer = TextIssuer(doc.Title, text, isDateLine)
	}
	if src := md[meta.MetaSource]; doc.Issuer == "" && IsOrgName(src) {
		doc.Issuer = src // 文章来源:司法局
	}
	if r := TextRecipients(text); r != nil {
		doc.Recipients = r
	}
	doc.Region = regionOf(doc.Issuer, doc.Title)
	doc.Kind = Kind(doc.Title)
	doc.ReportYear = ReportYear(doc.Title)

	idx := newRuneIndex(text)
	doc.Sections = Sections(text)
	if doc.Sections == nil {
		doc.Sections = []Section{}
	}

	seen := map[string]bool{}
	for _, n := range docnum.Find(text) {
		if seen[n.Text] {
			continue
		}
		seen[n.Text] = true
		doc.DocNumbers = append(doc.DocNumbers, DocNumber{Text: n.Text, Prefix: n.Prefix, Year: n.Year,
			Serial: n.Serial, Start: idx.runes(n.Start), End: idx.runes(n.End)})
	}
	if v := md[meta.MetaDocNumber]; v != "" && !seen[v] {
		if n, ok := docnum.Parse(v); ok {
			doc.DocNumbers = append(doc.DocNumbers, DocNumber{Text: n.Text, Prefix: n.Prefix, Year: n.Year,
				Serial: n.Serial, Start: -1, End: -1})
		}
	}

	inText := map[string]bool{}
	for _, d := range date.Find(text) {
		inText[d.Value] = true
		doc.Dates = append(doc.Dates, Date{Text: d.Text, Value: d.Value, Role: d.Role,
			Start: idx.runes(d.Start), End: idx.runes(d.End)})
	}
	// Dates that only the page's metadata block carries.
	for _, k := range []struct{ key, role string }{{meta.MetaWrittenDate, RoleSigned}, {meta.MetaPublishDate, RolePublished}} {
		if v := md[k.key]; v != "" && !inText[v] {
			inText[v] = true
			doc.Dates = append(doc.Dates, Date{Text: v, Value: v, Role: k.role, Start: -1, End: -1})
		}
	}
	if doc.ReportYear == 0 {
		doc.ReportYear = yearBeforeSigning(doc)
	}

	for _, in := range indicator.Find(text, seg) {
		if math.IsInf(in.Value, 0) || math.IsNaN(in.Value) {
			continue // a run of hundreds of digits: no count, and no JSON number
		}
		start := idx.runes(in.Start)
		kind := in.Kind
		if kind == "" {
			kind = KindCount
		}
		doc.Indicators = append(doc.Indicators, Indicator{Name: in.Name, Value: in.Value, Unit: in.Unit,
			Text: in.Text, Kind: kind, Approx: in.Approx, Section: sectionAt(doc.Sections, start),
			Sentence: in.Sentence, Start: start, End: idx.runes(in.End)})
	}
}

var leadingYear = regexp.MustCompile(`^\s*[0-9０-９]{4}\s*年度?`)

// regionOf resolves the administrative division of the issuer or, when the
// issuer is unknown, of the place a title starts with
// (2023年上海市政府信息公开工作年度报告). A known issuer that names no place
// (国务院) stays national whatever its title mentions.
func regionOf(issuer, title string) *region.Region {
	name := issuer
	if name == "" {
		name = leadingYear.ReplaceAllString(title, "")
	}
	if r, ok := region.Resolve(name); ok {
		return &r
	}
	return nil
}

// RegionOf returns the division a document belongs to: the one extraction
// resolved, or, for a document extracted before regions existed, the one
// resolved now from its issuer or title. The zero Region means unknown or
// national. Index facets, exports and compare all use it, so they agree.
func RegionOf(doc *Document) region.Region {
	r := doc.Region
	if r == nil {
		r = regionOf(doc.Issuer, doc.Title)
	}
	if r == nil {
		return region.Region{}
	}
	return *r
}

// yearBeforeSigning guesses the year an annual report covers when its title
// does not say: reports are signed early in the following year.
func yearBeforeSigning(doc *Document) int {
	switch doc.Kind {
	case "fzzf-report", "xxgk-annual-report", "stats-bulletin":
	default:
		return 0
	}
	for _, d := range doc.Dates {
		if d.Role == RoleSigned && len(d.Value) >= 4 {
			var y int
			fmt.Sscanf(d.Value[:4], "%d", &y)
			return y - 1
		}
	}
	return 0
}

// isDateLine reports whether a line holds a date and nothing else, as the
// date under a signature does.
func isDateLine(line string) bool {
	line = strings.Trim(line, " \t\u3000()（）")
	_, ok := date.Parse(line)
	return ok && utf8.RuneCountInString(line) <= 20
}

// documentID is the id of a source: its URL's, or its content's when there is no URL.
func documentID(rawURL string, contentSum []byte) string {
	if rawURL != "" {
		return URLID(rawURL)
	}
	return hex.EncodeToString(contentSum[:8])
}

// ContentID is the id of a document read from a file, which has no URL: a
// hash of its bytes. Ingest uses it to skip files it has already indexed.
func ContentID(body []byte) string {
	sum := sha256.Sum256(body)
	return documentID("", sum[:])
}

// ContentIDOf is ContentID from the SHA-256 of the body, for a caller that
// hashed it as a stream.
func ContentIDOf(sum []byte) string { return documentID("", sum) }

// URLID is the id of the document at a URL: a hash of its canonical form.
// A crawler needs it to name an attachment's parent before the page is read.
func URLID(rawURL string) string {
	sum := sha256.Sum256([]byte(CanonicalURL(rawURL)))
	return hex.EncodeToString(sum[:8])
}

// CanonicalURL lower-cases scheme and host, drops the fragment and default
// ports, so that trivially different spellings of a URL share an id.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && strings.HasSuffix(u.Host, ":80")) || (u.Scheme == "https" && strings.HasSuffix(u.Host, ":443")) {
		u.Host = u.Host[:strings.LastIndexByte(u.Host, ':')]
	}
	u.Fragment = ""
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// runeIndex converts byte offsets of a text into rune offsets.
type runeIndex []int32

func newRuneIndex(text string) runeIndex {
	idx := make(runeIndex, len(text)+1)
	n := int32(0)
	for i := range text {
		for j := i; j < len(text) && (j == i || !utf8.RuneStart(text[j])); j++ {
			idx[j] = n
		}
		n++
	}
	idx[len(text)] = n
	return idx
}

func (x runeIndex) runes(byteOffset int) int {
	if byteOffset < 0 || byteOffset >= len(x) {
		return -1
	}
	return int(x[byteOffset])
}
