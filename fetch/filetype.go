package fetch

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"
)

// AttachmentTypes are the file extensions fetched as attachments.
var AttachmentTypes = []string{"pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "et", "zip", "rar"}

// FileType returns the attachment type of a URL from its path extension
// ("pdf", "docx", …), or "" if the URL is not an attachment.
func FileType(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(u.Path), "."))
	for _, t := range AttachmentTypes {
		if ext == t {
			return t
		}
	}
	return ""
}

var (
	magicPDF = []byte("%PDF-")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // doc, xls, wps
	magicZip = []byte("PK\x03\x04")                                   // docx, xlsx, ofd, zip
	magicRar = []byte("Rar!\x1a\x07")                                 // rar 4 and 5
)

// CheckType verifies that body starts with the magic bytes of fileType
// (as returned by FileType). Servers often answer a missing file with an
// HTML error page under the file's name; that is an error here.
func CheckType(fileType string, body []byte) error {
	var magic []byte
	switch fileType {
	case "pdf":
		magic = magicPDF
		// Some PDFs carry junk before the header; readers accept it in the first 1 KB.
		if bytes.Contains(body[:min(len(body), 1024)], magic) {
			return nil
		}
	case "doc", "xls", "wps":
		magic = magicOLE
	case "docx", "xlsx", "ofd", "zip":
		magic = magicZip
	case "rar":
		magic = magicRar
	case "et": // WPS saves spreadsheets as BIFF (OLE) or XLSX (zip)
		if bytes.HasPrefix(body, magicZip) {
			return nil
		}
		magic = magicOLE
	default:
		return nil
	}
	if bytes.HasPrefix(body, magic) {
		return nil
	}
	what := "unknown bytes"
	switch {
	case len(body) == 0:
		what = "an empty body"
	case looksHTML(body):
		what = "an HTML page"
	case bytes.HasPrefix(body, magicPDF):
		what = "a PDF"
	case bytes.HasPrefix(body, magicZip):
		what = "a zip file"
	case bytes.HasPrefix(body, magicOLE):
		what = "an OLE (old Office) file"
	case bytes.HasPrefix(body, magicRar):
		what = "a RAR archive"
	}
	return fmt.Errorf("%w: expected %s, got %s", ErrWrongType, fileType, what)
}
