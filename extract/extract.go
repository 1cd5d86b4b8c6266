package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/date"
	"github.com/gongwen/gongwen/extract/docnum"
	"github.com/gongwen/gongwen/extract/docx"
	"github.com/gongwen/gongwen/extract/form"
	"github.com/gongwen/gongwen/extract/html"
	"github.com/gongwen/gongwen/extract/indicator"
	"github.com/gongwen/gongwen/extract/measure"
	"github.com/gongwen/gongwen/extract/meta"
	"github.com/gongwen/gongwen/extract/quantity"
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
	// ParentRegion is the region of that page, when known: evidence for a
	// place name that several divisions share.
	ParentRegion *region.Region
}

// Extractor turns inputs into Documents. Its zero value works and loads the
// process-wide Segmenter on first use.
type Extractor struct {
	Segmenter *segment.Segmenter
	OCR       bool // read scanned PDF pages with Tesseract (slow: 10–30 s a page)
	// Explain fills Indicator.Rule: which naming rule of extract/indicator
	// gave each name (gongwen extract --explain).
	Explain bool
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
		Forms:       []form.Form{},
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
	c := clues{host: hostOf(in.URL), parent: in.ParentRegion}
	var read []table.TextTable // the tables of plain text, where each cell is written
	switch format {
	case FormatHTML:
		page, err := html.Read(in.Body, in.ContentType, in.URL)
		if err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
		doc.Text, doc.Source.Charset, doc.Title, doc.Tables = page.Text, page.Charset, page.Title, page.Tables
		c.titleSource = page.TitleSource
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
		if err := e.readPDF(doc, in.Body, &c); err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
	case FormatDOCX:
		res, err := docx.Read(in.Body)
		if err != nil {
			return nil, fmt.Errorf("extract: %s: %w", name, err)
		}
		doc.Text, doc.Tables = res.Text, res.Tables
		c.coreTitle = docx.CoreTitle(in.Body)
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
		read = table.ReadText(doc.Text)
		for _, t := range read {
			doc.Tables = append(doc.Tables, t.Table)
		}
	case FormatDOC:
		err = readDOC(doc, in.Body)
	case FormatOFD:
		err = readOFD(doc, in.Body)
	case FormatXLS, FormatXLSX:
		err = readSheet(doc, format, in.Body)
	case FormatZip, FormatRar:
		err = readArchive(doc, format, in, name)
	default:
		return nil, fmt.Errorf("extract: %s: %w (gongwen extract --formats lists what is read)", name, ErrUnknownFormat)
	}
	if err != nil {
		return nil, fmt.Errorf("extract: %s: %w", name, err)
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
	e.fill(doc, seg, c, read)
	return doc, nil
}

// fill derives every field that comes from the text and the metadata;
// read holds the tables the plain-text reader found, where it found them.
func (e *Extractor) fill(doc *Document, seg *segment.Segmenter, c clues, read []table.TextTable) {
	text := doc.Text
	for k, v := range TextMetadata(text, date.Parse) {
		if _, ok := doc.Metadata[k]; !ok {
			doc.Metadata[k] = v
		}
	}
	md := doc.Metadata
	doc.IndexNumber = md[meta.MetaIndexNumber]
	if r := TextRecipients(text); r != nil {
		doc.Recipients = r
	}

	idx := newRuneIndex(text)
	// Table rows are blanked in prose: they are no headings, and their
	// figures are read from the cells.
	tt := locateTables(text, doc.Tables, read, idx)
	doc.Sections = Sections(tt.prose)
	if doc.Sections == nil {
		doc.Sections = []Section{}
	}
	annotateTables(doc, tt, idx)

	// Each recogniser runs once, and each skips what the ones before found:
	// dates skip document numbers, quantities skip both. Quantities and
	// indicators read the prose only: a table's figures come from its cells.
	nums := docnum.Find(text)
	var skip [][2]int
	for _, n := range nums {
		skip = append(skip, [2]int{n.Start, n.End})
	}
	dates := date.Find(text, skip...)
	for _, d := range dates {
		skip = append(skip, [2]int{d.Start, d.End})
	}
	// A page's clock (今天是 2024年5月1日 星期三) is no date of the document.
	dates = slices.DeleteFunc(dates, func(d date.Date) bool {
		return d.Role == date.Mentioned && date.Clock(text, d.Start, d.End)
	})
	promoteMetadataDates(dates, md, text)
	quantities := quantity.Find(tt.prose, skip...)

	seen := map[string]bool{}
	for _, n := range nums {
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
	for _, d := range dates {
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
	identify(doc, c)

	found := indicator.Find(tt.prose, quantities, seg)
	// A run of hundreds of digits is no count, and no JSON number.
	found = slices.DeleteFunc(found, func(in indicator.Indicator) bool { return math.IsInf(in.Value, 0) || math.IsNaN(in.Value) })
	cells := cellIndicators(doc, tt, idx)
	prose := make([]Indicator, 0, len(found)+len(cells)) // room to merge the cells in
	for _, in := range found {
		start := idx.runes(in.Start)
		kind := in.Kind
		if kind == "" {
			kind = KindCount
		}
		x := Indicator{Name: in.Name, Value: in.Value, Unit: in.Unit,
			Text: in.Text, Kind: kind, Approx: in.Approx, Section: sectionAt(doc.Sections, start),
			Sentence: in.Sentence, Start: start, End: idx.runes(in.End)}
		if in.Range {
			// Copies: pointing into in would move every element of found to the heap.
			low, high := in.Low, in.High
			x.Low, x.High = &low, &high
		}
		if e.Explain {
			x.Rule = in.Rule
		}
		prose = append(prose, x)
	}
	names := nameMeasures{}
	readMeasures(doc, prose, tt.prose, found, idx, names)
	doc.Indicators = mergeIndicators(prose, cells, doc.Tables)
	linkRestatements(doc.Indicators)
	readForms(doc)
	for i := range doc.Indicators {
		if in := &doc.Indicators[i]; in.CellRef != nil && in.Measure == "" {
			in.Measure = names.measureOf(in)
		}
	}
}

// promoteMetadataDates gives the role its metadata label names (成文日期 →
// signed, 发布日期 → published) to the date of the metadata block that the
// date recogniser left mentioned, its label being one it does not know or
// too far from it: the first mentioned date of that value near the top.
func promoteMetadataDates(dates []date.Date, md map[string]string, text string) {
	head := len(text)
	for i, n := 0, 0; i < len(text); i++ {
		if text[i] == '\n' {
			if n++; n >= metaHeadLines {
				head = i
				break
			}
		}
	}
	for _, k := range []struct{ key, role string }{{meta.MetaWrittenDate, date.Signed}, {meta.MetaPublishDate, date.Published}} {
		v := md[k.key]
		if v == "" || slices.ContainsFunc(dates, func(d date.Date) bool { return d.Value == v && d.Role == k.role }) {
			continue // none, or the text says it already
		}
		for i := range dates {
			if dates[i].Value == v && dates[i].Role == date.Mentioned && dates[i].Start < head {
				dates[i].Role = k.role
				break
			}
		}
	}
}

// readMeasures sets what each prose indicator measures and how: its
// measure, and whether it is a level, a change, a baseline or a target
// (extract/measure); prose[i] is found[i]. Traditional characters are folded
// first, so that 增長 reads as 增长. names keeps the measures of the
// document's names.
func readMeasures(doc *Document, prose []Indicator, text string, found []indicator.Indicator, idx runeIndex, names nameMeasures) {
	folded := region.Fold(text)
	if len(folded) != len(text) {
		folded = text // a fold that changed byte lengths would move the offsets
	}
	figs := make([]measure.Figure, len(found))
	// The figures under the same sections share one slice of headings.
	var headings []string
	under := -1 // how many sections start before the figure before
	for i, in := range found {
		pos := idx.runes(in.Start)
		n := 0
		for n < len(doc.Sections) && doc.Sections[n].Start <= pos {
			n++
		}
		if n != under {
			headings, under = headingsAt(doc.Sections, pos), n
		}
		figs[i] = measure.Figure{Start: in.Start, End: in.End, Unit: in.Unit, Rank: in.Kind == KindRank,
			Name: region.Fold(in.Name), Headings: headings}
	}
	for i, r := range measure.Read(folded, figs, referenceYear(doc)) {
		ind := &prose[i]
		if r.Change != nil {
			ind.Change = &Change{Direction: r.Change.Direction, Base: r.Change.Base}
		}
		ind.Target, ind.Baseline, ind.Year = r.Target, r.Baseline, r.Year
		ind.Measure = names.measureOf(ind)
	}
}

// referenceYear is the year against which 到2025年 is ahead or not: the
// report's year, else the year before the document was signed or
// published (a notice signed in January 2025 looks ahead to 2025年底, a
// report signed then looks back at 2024).
func referenceYear(doc *Document) int {
	if doc.ReportYear != 0 {
		return doc.ReportYear
	}
	for _, role := range []string{RoleSigned, RolePublished} {
		for _, d := range doc.Dates {
			if d.Role == role && len(d.Value) >= 4 {
				y, _ := strconv.Atoi(d.Value[:4])
				return y - 1
			}
		}
	}
	return 0
}

// MeasureOf returns the measure of an indicator: the one it carries (a
// form key such as requests.new.total, or one set at extraction), else the
// vocabulary's measure of its name (extract/measure), or "" when the
// vocabulary does not know the name or the unit cannot be that measure's:
// a level must be in the measure's unit, a change may also be in % or
// percentage points. The index uses it for documents extracted before
// measures existed.
func MeasureOf(ind *Indicator) string { return nameMeasures(nil).measureOf(ind) }

// nameMeasures keeps the vocabulary's measure of each indicator name of a
// document, and the unit of that measure's levels: about half the names of
// a report repeat, and measure.Of tries each name several ways. A nil
// nameMeasures keeps nothing.
type nameMeasures map[string]nameMeasure

type nameMeasure struct{ measure, unit string }

// measureOf is MeasureOf, looking each name up once.
func (names nameMeasures) measureOf(ind *Indicator) string {
	if ind.Measure != "" {
		return ind.Measure
	}
	nm, ok := names[ind.Name]
	if !ok {
		nm.measure = measure.Of(region.Fold(ind.Name))
		if nm.measure != "" {
			nm.unit = measure.UnitOf(nm.measure)
		}
		if names != nil {
			names[ind.Name] = nm
		}
	}
	if nm.measure == "" {
		return ""
	}
	unit := measure.FoldUnit(ind.Unit)
	if measure.UnitFits(unit, nm.unit) || ind.Change != nil && (unit == "%" || unit == "个百分点") {
		return nm.measure
	}
	return ""
}

// headingsAt returns the headings a rune offset sits under, outermost first.
func headingsAt(sections []Section, pos int) []string {
	var chain []Section
	for _, s := range sections {
		if s.Start > pos {
			break
		}
		for len(chain) > 0 && chain[len(chain)-1].Level >= s.Level {
			chain = chain[:len(chain)-1]
		}
		chain = append(chain, s)
	}
	out := make([]string, len(chain))
	for i, s := range chain {
		out[i] = s.Heading
	}
	return out
}

// RegionOf returns the division a document belongs to: the one extraction
// resolved, or, for a document extracted before regions existed, the one
// resolved now from its issuer or title. The zero Region means unknown or
// national. Index facets, exports and compare all use it, so they agree.
func RegionOf(doc *Document) region.Region {
	if doc.Region != nil {
		return *doc.Region
	}
	if doc.National || doc.IdentitySource != (IdentitySource{}) {
		return region.Region{} // extracted with identity: none was found
	}
	name := doc.Issuer
	if name == "" {
		name = placeStart.ReplaceAllString(doc.Title, "")
	}
	if r, ok := region.Resolve(name); ok {
		return r
	}
	return region.Region{}
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

// runeIndex converts byte offsets of a text into rune offsets and back. It
// holds, for every runeBlock bytes, how many runes start before them; the
// runes of a block are counted from its bytes. The text is valid UTF-8, as
// every text Extract reads is (FuzzExtract), so a rune starts at each byte
// that is not a continuation byte (10xxxxxx).
type runeIndex struct {
	text  string
	block []int32 // block[k] is the number of runes that start before byte k*runeBlock
}

const runeBlock = 64

func newRuneIndex(text string) runeIndex {
	x := runeIndex{text: text, block: make([]int32, len(text)/runeBlock+1)}
	n := 0
	for k := 1; k < len(x.block); k++ {
		n += runeStarts(text[(k-1)*runeBlock : k*runeBlock])
		x.block[k] = int32(n)
	}
	return x
}

// runeStarts returns the number of bytes of s that start a rune: it counts
// the continuation bytes eight at a time.
func runeStarts(s string) int {
	n := len(s)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte has its top bit set and the next one clear.
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			n--
		}
	}
	return n
}

// bytes returns the byte offset of the rune at runeOffset, len(text) for
// the rune count, and -1 beyond it.
func (x runeIndex) bytes(runeOffset int) int {
	if runeOffset < 0 {
		return -1
	}
	// The last block whose first byte comes at or before the rune.
	k, _ := slices.BinarySearch(x.block, int32(runeOffset+1))
	k--
	n := int(x.block[k])
	for b := k * runeBlock; b < len(x.text); b++ {
		if utf8.RuneStart(x.text[b]) {
			if n == runeOffset {
				return b
			}
			n++
		}
	}
	if n == runeOffset {
		return len(x.text)
	}
	return -1
}

// runes returns the offset of the rune that holds the byte at byteOffset,
// the rune count for len(text), and -1 beyond it.
func (x runeIndex) runes(byteOffset int) int {
	if byteOffset < 0 || byteOffset > len(x.text) {
		return -1
	}
	k := byteOffset / runeBlock
	n := int(x.block[k]) + runeStarts(x.text[k*runeBlock:byteOffset])
	if byteOffset < len(x.text) && !utf8.RuneStart(x.text[byteOffset]) {
		n-- // within the rune that started before
	}
	return n
}
