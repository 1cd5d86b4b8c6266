package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/gongwen/gongwen/extract/table"
	pdflib "github.com/ledongthuc/pdf"

	"github.com/gongwen/gongwen/internal/limit"
)

// Result is the text of a PDF.
type Result struct {
	Text     string        // UTF-8 text in reading order, paragraphs separated by \n; a table row is a line, its cells separated by tabs
	Pages    int           // pages in the file
	Warnings []string      // pages without text or with unreadable text, e.g. "page 3: no text layer (scanned image?)"
	Tables   []table.Table // the tables, in reading order: Caption, Page, Start and Rows set

	// PageStates says what each page held (index 0 is page 1), so a caller can OCR the pages
	// that need it; PageStarts is the byte offset in Text where each page's text begins (before
	// the line break or space that joins it to the previous page), which for a page without
	// text is where its text belongs.
	PageStates []PageState
	PageStarts []int

	// TitleLines are the first page's lines in its largest font, when that
	// is clearly larger than the body's: a cover's or first page's title.
	TitleLines []string
}

// PageState is what the text layer of a page held.
type PageState string

// Page states. PageScanned and PageGarbled pages need OCR to be read.
const (
	PageText    PageState = "text"
	PageBlank   PageState = "blank"   // no text and no image: an empty page, or one with only rules or a table border
	PageScanned PageState = "scanned" // no text but an image: a scan
	PageGarbled PageState = "garbled" // text that cannot be read (fonts without a Unicode map)
	PageBroken  PageState = "broken"  // a content stream that cannot be interpreted
)

// ErrNoText is returned (wrapped) when no page of a PDF has readable text. Read then still
// returns the Result with its Pages and PageStates, so a caller can OCR them.
var ErrNoText = errors.New("no text layer (scanned image?)")

// Read returns the text and the tables of the PDF in body. A malformed file is an error; so is a file
// without any readable text, which wraps ErrNoText.
func Read(body []byte) (*Result, error) {
	return read(body, true)
}

// read reads the PDF, looking for tables if tables is set (the benchmark measures their cost).
func read(body []byte, tables bool) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil { // the library panics on some malformed input
			if b, ok := r.(errBudget); ok {
				res, err = nil, fmt.Errorf("gave up: %w", b.err)
				return
			}
			res, err = nil, fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	if err := checkNumbers(body); err != nil {
		return nil, fmt.Errorf("malformed PDF: %w", err)
	}
	body = trimTail(body)
	budget := limit.NewBudget(decodedBudget(len(body)), "decompressed PDF streams")
	if err := checkXref(body, budget); err != nil {
		if errors.Is(err, limit.ErrExceeded) {
			return nil, fmt.Errorf("gave up: %w", err)
		}
		return nil, fmt.Errorf("malformed PDF: %w", err)
	}
	if bytes.HasPrefix(body, []byte("%PDF-2.")) {
		// The library only knows 1.x headers; 2.0 files are read the same way for text. The header
		// is rewritten in a copy, at the same length so offsets stay right.
		body = append([]byte("%PDF-1.7"), body[len("%PDF-2.0"):]...)
	}
	r, err := pdflib.NewReader(newFileReader(body), int64(len(body)))
	if err != nil {
		return nil, openError(body, err)
	}
	tree, err := pageTree(r, len(body)/16+1)
	if err != nil {
		return nil, fmt.Errorf("malformed PDF: %w", err)
	}
	n := len(tree)
	if n == 0 {
		return nil, errors.New("malformed PDF: no pages")
	}
	res = &Result{Pages: n, PageStates: make([]PageState, n)}
	doc := newDocument(budget, tokenBudget(len(body)))
	pages := make([][]line, n)
	var found []pageTable
	var empty, scanned, garbledPages []int
	var broken []error
	for i := range pages {
		lines, onPage, state, err := readPage(tree[i], doc, tables)
		res.PageStates[i] = [...]PageState{PageText, PageBlank, PageGarbled, PageBroken}[state]
		switch state {
		case pageEmpty:
			empty = append(empty, i+1)
			if hasImage(tree[i]) {
				scanned = append(scanned, i+1)
				res.PageStates[i] = PageScanned
			}
		case pageGarbled:
			garbledPages = append(garbledPages, i+1)
		case pageBroken:
			broken = append(broken, fmt.Errorf("page %d: %w", i+1, err))
		}
		if err != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %v; check the original", i+1, err))
		}
		for k := range onPage {
			onPage[k].page = i + 1
		}
		pages[i] = withTableRows(lines, onPage, len(found))
		found = append(found, onPage...)
	}
	if len(empty)+len(garbledPages)+len(broken) == n {
		res.PageStarts = make([]int, n)
		switch {
		case len(garbledPages) > 0:
			return res, fmt.Errorf("%s of %d: only garbled text (fonts without a Unicode map?), as good as %w", pageList(garbledPages), n, ErrNoText)
		case len(empty) == 0:
			return nil, fmt.Errorf("malformed PDF: %w", broken[0])
		}
		return res, ErrNoText
	}
	if len(scanned) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: no text layer (scanned image?)", pageList(scanned)))
	}
	res.TitleLines = titleLines(pages)
	removeRunning(pages)
	groups := joinPages(pages, found)
	var starts map[int]int
	res.Text, res.PageStarts, starts = paragraphs(pages)
	res.Tables = documentTables(pages, found, groups, starts)
	if res.Text == "" {
		return nil, fmt.Errorf("only page numbers or running headers: %w", ErrNoText)
	}
	return res, nil
}

// trimTail cuts what follows the final %%EOF when it is only whitespace (NULs, form feeds, a run of
// line feeds): the library looks for %%EOF in the last 100 bytes and only skips spaces, tabs, CR and
// LF, so it would take such a file for a truncated one.
func trimTail(body []byte) []byte {
	if rest := bytes.TrimRight(body, "\x00\t\n\f\r "); bytes.HasSuffix(rest, []byte("%%EOF")) {
		return rest
	}
	return body
}

// openError explains why the library could not open body.
func openError(body []byte, err error) error {
	msg := err.Error()
	var b errBudget
	switch {
	case errors.As(err, &b):
		return fmt.Errorf("gave up: %w", b.err)
	case len(body) == 0:
		return errors.New("empty file")
	case !bytes.HasPrefix(body, []byte("%PDF-")):
		return fmt.Errorf("not a PDF file (it starts with %q)", body[:min(len(body), 16)])
	case strings.Contains(msg, "missing %%EOF"):
		return errors.New("truncated PDF: no %%EOF at the end (an interrupted download?)")
	case strings.Contains(msg, "invalid header"):
		return fmt.Errorf("unsupported PDF version %q", body[:min(len(body), 8)])
	case strings.HasPrefix(msg, "malformed PDF"):
		return err
	}
	return fmt.Errorf("malformed PDF: %w", err)
}

// What readPage found on a page.
const (
	pageText    = iota
	pageEmpty   // no text at all: a scan, or a blank page
	pageGarbled // text that cannot be read (see garbled)
	pageBroken  // a content stream the library cannot interpret
)

// readPage returns the lines of a page outside its tables, and its tables if withTables is set. A page
// that is not plain text comes with an error saying why (none for an empty page), and so does a
// readable page with a few garbled characters left out; the library's panics become such errors.
func readPage(page pdflib.Value, doc *document, withTables bool) (lines []line, tables []pageTable, state int, err error) {
	defer func() {
		if x := recover(); x != nil {
			if _, ok := x.(errBudget); ok {
				panic(x) // the document is over budget, not just this page
			}
			lines, tables, state, err = nil, nil, pageBroken, fmt.Errorf("malformed content (%v)", x)
		}
	}()
	spans, rules := pageContent(page, doc, withTables)
	box, ok := pageBox(page)
	spans = visible(spans, box, ok)
	var all strings.Builder
	for _, s := range spans {
		all.WriteString(s.text)
	}
	bad, total := garbled(all.String())
	switch {
	case total == 0:
		return nil, nil, pageEmpty, nil
	case float64(bad) > unreadableShare*float64(total):
		return nil, nil, pageGarbled, fmt.Errorf("unreadable text (%d%% garbled: U+FFFD/private-use/(cid:))", 100*bad/total)
	case bad > 0:
		for i := range spans {
			spans[i].text = cleanText(spans[i].text)
		}
		if 100*bad >= total { // worth a look: a few characters are missing
			err = fmt.Errorf("%d unreadable characters left out (%d%% of the page)", bad, (100*bad+total-1)/total)
		}
	}
	if !withTables {
		return pageLines(spans), nil, pageText, err
	}
	tables, spans = findTables(spans, rules)
	more, lines := textTables(pageLines(spans))
	tables = append(tables, more...)
	sort.SliceStable(tables, func(i, j int) bool { return tables[i].top > tables[j].top })
	return lines, tables, pageText, err
}

// pageBox returns the visible area of a page, its crop box or else its media box, as left, bottom,
// right, top; ok is false when the page states neither.
func pageBox(page pdflib.Value) (box [4]float64, ok bool) {
	for _, key := range []string{"CropBox", "MediaBox"} {
		v := inherited(page, key)
		if v.Kind() != pdflib.Array || v.Len() != 4 {
			continue
		}
		for i := range box {
			box[i] = v.Index(i).Float64()
		}
		box[0], box[2] = math.Min(box[0], box[2]), math.Max(box[0], box[2])
		box[1], box[3] = math.Min(box[1], box[3]), math.Max(box[1], box[3])
		if box[2]-box[0] > 1 && box[3]-box[1] > 1 {
			return box, true
		}
	}
	return box, false
}

// visible drops the spans drawn outside the page's visible area. A spreadsheet printed by WPS draws
// the whole text of a tall cell on each page the cell spans and lets the page edge cut it: without
// this, text continued on the next page would be read twice.
func visible(spans []span, box [4]float64, ok bool) []span {
	if !ok {
		return spans
	}
	kept := spans[:0]
	for _, s := range spans {
		if s.y > box[3] || s.y+0.8*s.size < box[1] || s.end < box[0] || s.x > box[2] {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// hasImage reports whether a page's resources hold an image, directly or in a form it uses: a page
// without text is a scan only if it has one.
func hasImage(page pdflib.Value) bool {
	xobjects := inherited(page, "Resources").Key("XObject")
	for _, k := range xobjects.Keys() {
		x := xobjects.Key(k)
		switch x.Key("Subtype").Name() {
		case "Image":
			return true
		case "Form":
			inner := x.Key("Resources").Key("XObject")
			for _, k := range inner.Keys() {
				if inner.Key(k).Key("Subtype").Name() == "Image" {
					return true
				}
			}
		}
	}
	return false
}

// pageList names pages: "page 3" or "pages 3, 4, 7".
func pageList(pages []int) string {
	if len(pages) == 1 {
		return fmt.Sprintf("page %d", pages[0])
	}
	s := make([]string, len(pages))
	for i, p := range pages {
		s[i] = fmt.Sprint(p)
	}
	return "pages " + strings.Join(s, ", ")
}
