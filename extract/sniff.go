package extract

import (
	"archive/zip"
	"bytes"
	"mime"
	"path"
	"strings"

	"github.com/gongwen/gongwen/extract/ole"
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
	FormatDOC     Format = "doc" // Word 97–2003 and WPS Writer
	FormatOFD     Format = "ofd"
	FormatXLS     Format = "xls" // Excel 97–2003 and WPS .et
	FormatXLSX    Format = "xlsx"
	FormatZip     Format = "zip"
	FormatRar     Format = "rar" // RAR 4 and RAR 5
)

var extFormats = map[string]Format{
	".html": FormatHTML, ".htm": FormatHTML, ".shtml": FormatHTML, ".xhtml": FormatHTML,
	".jsp": FormatHTML, ".php": FormatHTML, ".asp": FormatHTML, ".aspx": FormatHTML,
	".pdf":  FormatPDF,
	".docx": FormatDOCX,
	".txt":  FormatText, ".text": FormatText,
	".doc": FormatDOC, ".wps": FormatDOC, ".ofd": FormatOFD,
	".xls": FormatXLS, ".et": FormatXLS, ".xlsx": FormatXLSX, ".zip": FormatZip, ".rar": FormatRar,
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
	case bytes.HasPrefix(body, []byte("PK\x03\x04")), bytes.HasPrefix(body, []byte("PK\x05\x06")):
		return sniffZip(body)
	case bytes.HasPrefix(body, []byte(ole.Magic)):
		return sniffOLE(body)
	case bytes.HasPrefix(body, []byte("Rar!\x1a\x07\x00")), bytes.HasPrefix(body, []byte("Rar!\x1a\x07\x01\x00")):
		return FormatRar
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
	if f, ok := extFormats[strings.ToLower(path.Ext(name))]; ok && (f == FormatHTML || f == FormatText) {
		return f
	}
	if len(body) > 0 && !bytes.ContainsRune(body[:min(len(body), 4096)], 0) {
		return FormatText
	}
	return FormatUnknown
}

// sniffZip tells a DOCX, XLSX or OFD file from a plain zip archive by the parts it holds.
func sniffZip(body []byte) Format {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		if bytes.Contains(body, []byte("word/document.xml")) {
			return FormatDOCX // a damaged DOCX: its reader says what is wrong
		}
		return FormatUnknown
	}
	for _, f := range zr.File {
		switch strings.TrimPrefix(f.Name, "/") {
		case "word/document.xml":
			return FormatDOCX
		case "xl/workbook.xml":
			return FormatXLSX
		case "OFD.xml":
			return FormatOFD
		}
	}
	return FormatZip
}

// sniffOLE tells a Word (or WPS Writer) file from an Excel (or WPS spreadsheet) workbook by the
// streams of the compound file.
func sniffOLE(body []byte) Format {
	names, err := ole.Names(body)
	if err != nil {
		return FormatUnknown
	}
	for _, n := range names {
		switch n {
		case "WordDocument":
			return FormatDOC
		case "Workbook", "Book":
			return FormatXLS
		}
	}
	return FormatUnknown
}

// looksLikeHTML checks the start of the body for markup, past a BOM and blanks.
func looksLikeHTML(body []byte) bool {
	head := body[:min(len(body), 1024)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n")
	// The marks are 14 bytes at most, lower-cased from 14 characters at
	// most, which take 56 bytes at most: lower-case no more.
	head = bytes.ToLower(head[:min(len(head), 56)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<meta", "<!--", "<body", "<title"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}
