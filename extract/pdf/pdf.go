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
	if err := checkNumbers(body); err != nil {
		return nil, fmt.Errorf("malformed PDF: %w", err)
	}
	if bytes.HasPrefix(body, []byte("%PDF-2.")) {
		// The library only knows 1.x headers; 2.0 files are read the same way for text. The header
		// is rewritten in a copy, at the same length so offsets stay right.
		body = append([]byte("%PDF-1.7"), body[len("%PDF-2.0"):]...)
	}
	r, err := pdflib.NewReader(bytes.NewReader(body), int64(len(body)))
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
	fonts := fontCache{}
	pages := make([][]line, n)
	var empty, unreadable []int
	var broken []error
	for i := range pages {
		spans, err := readPage(tree[i], fonts)
		if err != nil {
			err = fmt.Errorf("page %d: malformed content (%v)", i+1, err)
			res.Warnings = append(res.Warnings, err.Error()+"; check the original")
			broken = append(broken, err)
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
	if len(empty)+len(unreadable)+len(broken) == n {
		switch {
		case len(unreadable) > 0:
			return nil, fmt.Errorf("%s of %d: only garbled text (fonts without a Unicode map?), as good as %w", pageList(unreadable), n, ErrNoText)
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
	switch {
	case len(body) == 0:
		return errors.New("empty file")
	case !bytes.HasPrefix(body, []byte("%PDF-")):
		return fmt.Errorf("not a PDF file (it starts with %q)", body[:min(len(body), 16)])
	case strings.Contains(msg, "missing %%EOF"):
		return errors.New("truncated PDF: no %EOF at the end (an interrupted download?)")
	case strings.Contains(msg, "invalid header"):
		return fmt.Errorf("unsupported PDF version %q", body[:min(len(body), 8)])
	case strings.HasPrefix(msg, "malformed PDF"):
		return err
	}
	return fmt.Errorf("malformed PDF: %w", err)
}

// readPage returns the text spans of a page, turning a panic of the library into an error.
func readPage(page pdflib.Value, fonts fontCache) (spans []span, err error) {
	defer func() {
		if x := recover(); x != nil {
			spans, err = nil, fmt.Errorf("%v", x)
		}
	}()
	return pageSpans(page, fonts), nil
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
