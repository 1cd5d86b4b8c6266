package extract

import (
	"bytes"
	"mime"
	"path"
	"strings"
)

// Format is a kind of input the Extractor reads.
type Format string

// Formats the Extractor reads. FormatUnknown inputs get an error that names them.
const (
	FormatUnknown Format = ""
	FormatHTML    Format = "html"
	FormatPDF     Format = "pdf"
	FormatDOCX    Format = "docx"
	FormatText    Format = "text"
)

var extFormats = map[string]Format{
	".html": FormatHTML, ".htm": FormatHTML, ".shtml": FormatHTML, ".xhtml": FormatHTML,
	".jsp": FormatHTML, ".php": FormatHTML, ".asp": FormatHTML, ".aspx": FormatHTML,
	".pdf":  FormatPDF,
	".docx": FormatDOCX,
	".txt":  FormatText, ".text": FormatText,
}

// KnownFile reports whether a file name has an extension the Extractor reads;
// directory walks pick files with it.
func KnownFile(name string) bool {
	_, ok := extFormats[strings.ToLower(path.Ext(name))]
	return ok
}

// Sniff decides the format of an input from its magic bytes, its HTTP content
// type and its name, in that order of trust: servers send PDFs as text/html
// and HTML error pages under .pdf names, but bytes do not lie.
func Sniff(name, contentType string, body []byte) Format {
	switch {
	case bytes.HasPrefix(body, []byte("%PDF-")):
		return FormatPDF
	case bytes.HasPrefix(body, []byte("PK\x03\x04")):
		if bytes.Contains(body, []byte("word/document.xml")) {
			return FormatDOCX
		}
		return FormatUnknown
	case bytes.HasPrefix(body, []byte("\xD0\xCF\x11\xE0")):
		return FormatUnknown // legacy .doc/.xls
	}
	if looksLikeHTML(body) {
		return FormatHTML
	}
	if mt, _, err := mime.ParseMediaType(contentType); err == nil {
		switch mt {
		case "text/html", "application/xhtml+xml":
			return FormatHTML
		case "text/plain":
			return FormatText
		}
	}
	if f, ok := extFormats[strings.ToLower(path.Ext(name))]; ok && f != FormatPDF && f != FormatDOCX {
		return f
	}
	if len(body) > 0 && !bytes.ContainsRune(body[:min(len(body), 4096)], 0) {
		return FormatText
	}
	return FormatUnknown
}

// looksLikeHTML checks the start of the body for markup, past a BOM and blanks.
func looksLikeHTML(body []byte) bool {
	head := body[:min(len(body), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta", "<!--", "<body", "<title"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}
