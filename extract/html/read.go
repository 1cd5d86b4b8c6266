package html

import (
	"bytes"
	"fmt"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/gongwen/gongwen/extract/table"
)

// Page is what Read finds on a government page.
type Page struct {
	Title       string            `json:"title"`
	TitleSource string            `json:"-"`           // where the title came from: TitleFromHeading …
	Charset     string            `json:"charset"`     // the charset the page was decoded from: "utf-8", "gb18030" …
	Metadata    map[string]string `json:"metadata"`    // canonical keys (meta.Canonical), dates ISO; meta tags fill gaps
	Text        string            `json:"text"`        // clean body text: paragraphs as lines, table rows as lines with cells joined by \t
	Attachments []Attachment      `json:"attachments"` // links to files anywhere on the page
	Tables      []table.Table     `json:"tables"`      // the data tables of the body (layout tables are not), Start in runes of Text
}

// Attachment is a link to a file the page publishes.
type Attachment struct {
	URL  string `json:"url"`  // absolute
	Name string `json:"name"` // anchor text, else the file name
	Type string `json:"type"` // pdf, doc, docx, wps, ofd, xls, xlsx, zip
}

// Read decodes an HTML page (see Decode) and extracts its title, metadata
// block, body text and attachments. contentType is the HTTP Content-Type
// header ("" if unknown); pageURL resolves relative links ("" leaves
// relative attachment links out, since they cannot be made absolute).
func Read(body []byte, contentType, pageURL string) (*Page, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errorf("%s: empty page", nameOf(pageURL))
	}
	if kind := binaryKind(body, contentType); kind != "" {
		return nil, errorf("%s: not an HTML page but %s", nameOf(pageURL), kind)
	}
	src, cs, err := Decode(body, contentType)
	if err != nil {
		return nil, errorf("%s: %v", nameOf(pageURL), err)
	}
	doc, err := xhtml.Parse(strings.NewReader(src))
	if err != nil {
		return nil, errorf("%s: parse HTML: %v", nameOf(pageURL), err)
	}
	p := &Page{Charset: cs}
	tags := metaTags(doc)

	// Metadata comes first: its labels (发布日期, 来源) look like
	// boilerplate and are removed from the body afterwards.
	md := findMetadata(doc)
	fillFromMetaTags(md.values, tags)
	p.Metadata = md.values

	p.Attachments = findAttachments(doc, pageURL)
	region := findBody(doc, md.blocks)
	p.Title, p.TitleSource = findTitle(doc, tags, md.values, region)
	var tables []table.Table
	p.Text, tables = renderText(region, md.blocks)
	p.Tables = []table.Table{}
	for _, t := range tables {
		if len(t.Rows) >= 2 && len(t.Rows[0]) >= 2 {
			p.Tables = append(p.Tables, t)
		}
	}
	return p, nil
}

// binaryKind names the file type of a body that is not a web page: an
// attachment saved under an .html name, or other binary data.
func binaryKind(body []byte, contentType string) string {
	switch {
	case bytes.HasPrefix(body, []byte("%PDF-")):
		return "a PDF file"
	case bytes.HasPrefix(body, []byte("PK\x03\x04")):
		return "a ZIP container (docx, xlsx, ofd or zip)"
	case bytes.HasPrefix(body, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "an OLE file (doc, xls or wps)"
	}
	if _, enc, _ := bomEncoding(body); enc != nil || strings.Contains(strings.ToLower(contentType), "utf-16") {
		return "" // UTF-16 text is full of NUL bytes
	}
	if bytes.IndexByte(body[:min(len(body), 1024)], 0) >= 0 {
		return "binary data"
	}
	return ""
}

func errorf(format string, args ...any) error {
	return fmt.Errorf("html: "+format, args...)
}

// nameOf names the page in error messages.
func nameOf(pageURL string) string {
	if pageURL == "" {
		return "page"
	}
	return pageURL
}
