package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// maxCore bounds docProps/core.xml, which holds a few short properties.
const maxCore = 1 << 20

// CoreTitle returns the title in the core properties of a DOCX file
// (docProps/core.xml, dc:title), or "" when there is none or the file cannot
// be read. Word fills it from the first words of a template as often as from
// the document, so it is a hint, never the title itself.
func CoreTitle(body []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return ""
	}
	for _, f := range zr.File {
		if f.Name != "docProps/core.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return ""
		}
		defer rc.Close()
		var props struct {
			Title string `xml:"http://purl.org/dc/elements/1.1/ title"`
		}
		if xml.NewDecoder(io.LimitReader(rc, maxCore)).Decode(&props) != nil {
			return ""
		}
		return strings.TrimSpace(props.Title)
	}
	return ""
}
