package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	pdflib "github.com/ledongthuc/pdf"

	"github.com/gongwen/gongwen/internal/limit"
)

// Result is the text of a PDF.
type Result struct {
	Text     string   // UTF-8 text in reading order, paragraphs separated by \n
	Pages    int      // pages in the file
	Warnings []string // pages without text or with unreadable text, e.g. "page 3: no text layer (scanned image?)"
}

// ErrNoText is returned (wrapped) when no page of a PDF has readable text.
var ErrNoText = errors.New("no text layer (scanned image?)")

// Read returns the text of the PDF in body. A malformed file is an error; so is a file without any
// readable text, which wraps ErrNoText.
func Read(body []byte) (res *Result, err error) {
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
	res = &Result{Pages: n}
	doc := newDocument(budget, tokenBudget(len(body)))
	pages := make([][]line, n)
	var empty, garbledPages []int
	var broken []error
	for i := range pages {
		lines, state, err := readPage(tree[i], doc)
		switch state {
		case pageEmpty:
			empty = append(empty, i+1)
		case pageGarbled:
			garbledPages = append(garbledPages, i+1)
		case pageBroken:
			broken = append(broken, fmt.Errorf("page %d: %w", i+1, err))
		}
		if err != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %v; check the original", i+1, err))
		}
		pages[i] = lines
	}
	if len(empty)+len(garbledPages)+len(broken) == n {
		switch {
		case len(garbledPages) > 0:
			return nil, fmt.Errorf("%s of %d: only garbled text (fonts without a Unicode map?), as good as %w", pageList(garbledPages), n, ErrNoText)
		case len(empty) == 0:
			return nil, fmt.Errorf("malformed PDF: %w", broken[0])
		}
		return nil, ErrNoText
	}
	if len(empty) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: no text layer (scanned image?)", pageList(empty)))
	}
	removeRunning(pages)
	res.Text = paragraphs(pages)
	if res.Text == "" {
		return nil, fmt.Errorf("only page numbers or running headers: %w", ErrNoText)
	}
	return res, nil
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

// readPage returns the lines of a page. A page that is not plain text comes with an error saying why
// (none for an empty page), and so does a readable page with a few garbled characters left out; the
// library's panics become such errors.
func readPage(page pdflib.Value, doc *document) (lines []line, state int, err error) {
	defer func() {
		if x := recover(); x != nil {
			if _, ok := x.(errBudget); ok {
				panic(x) // the document is over budget, not just this page
			}
			lines, state, err = nil, pageBroken, fmt.Errorf("malformed content (%v)", x)
		}
	}()
	spans := pageSpans(page, doc)
	var all strings.Builder
	for _, s := range spans {
		all.WriteString(s.text)
	}
	bad, total := garbled(all.String())
	switch {
	case total == 0:
		return nil, pageEmpty, nil
	case float64(bad) > unreadableShare*float64(total):
		return nil, pageGarbled, fmt.Errorf("unreadable text (%d%% garbled: U+FFFD/private-use/(cid:))", 100*bad/total)
	case bad > 0:
		for i := range spans {
			spans[i].text = cleanText(spans[i].text)
		}
		if 100*bad >= total { // worth a look: a few characters are missing
			err = fmt.Errorf("%d unreadable characters left out (%d%% of the page)", bad, (100*bad+total-1)/total)
		}
	}
	return pageLines(spans), pageText, err
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
