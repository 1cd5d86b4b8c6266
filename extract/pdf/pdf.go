package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	pdflib "github.com/ledongthuc/pdf"
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
			res, err = nil, fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	r, err := pdflib.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Errorf("malformed PDF: %w", err)
	}
	n := r.NumPage()
	if n <= 0 {
		return nil, errors.New("malformed PDF: no pages")
	}
	res = &Result{Pages: n}
	fonts := fontCache{}
	pages := make([][]line, n)
	var empty, unreadable []int
	for i := range pages {
		spans, err := readPage(r, i+1, fonts)
		if err != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: unreadable content (%v); check the original", i+1, err))
			unreadable = append(unreadable, i+1)
			continue
		}
		var all strings.Builder
		for _, s := range spans {
			all.WriteString(s.text)
		}
		bad, total := garbled(all.String())
		switch {
		case total == 0:
			empty = append(empty, i+1)
			continue
		case float64(bad) > unreadableShare*float64(total):
			res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: unreadable text (%d%% garbled: U+FFFD/private-use/(cid:)); check the original", i+1, 100*bad/total))
			unreadable = append(unreadable, i+1)
			continue
		case bad > 0:
			for j := range spans {
				spans[j].text = cleanText(spans[j].text)
			}
		}
		pages[i] = pageLines(spans)
	}
	if len(empty)+len(unreadable) == n {
		if len(unreadable) == 0 {
			return nil, ErrNoText
		}
		return nil, fmt.Errorf("%d of %d pages unreadable (garbled text): %w", len(unreadable), n, ErrNoText)
	}
	if len(empty) > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s: no text layer (scanned image?)", pageList(empty)))
	}
	removeRunning(pages)
	res.Text = paragraphs(pages)
	return res, nil
}

// readPage returns the text spans of page num, turning a panic of the library into an error.
func readPage(r *pdflib.Reader, num int, fonts fontCache) (spans []span, err error) {
	defer func() {
		if x := recover(); x != nil {
			spans, err = nil, fmt.Errorf("%v", x)
		}
	}()
	p := r.Page(num)
	if p.V.IsNull() {
		return nil, errors.New("missing page")
	}
	return pageSpans(p, fonts), nil
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
