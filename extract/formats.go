package extract

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	worddoc "github.com/gongwen/gongwen/extract/doc"
	"github.com/gongwen/gongwen/extract/docx"
	"github.com/gongwen/gongwen/extract/meta"
	"github.com/gongwen/gongwen/extract/ofd"
	"github.com/gongwen/gongwen/extract/office"
	"github.com/gongwen/gongwen/extract/pdf"
	"github.com/gongwen/gongwen/extract/pdf/ocr"
	"github.com/gongwen/gongwen/extract/sheet"
)

// FormatInfo describes one kind of file the Extractor reads, for `gongwen extract --formats`
// and the README's format table.
type FormatInfo struct {
	Exts   string // file name extensions, space-separated
	Format Format
	Yields string // what a document of this format holds
	Reader string // how it is read
	Needs  string // what must be installed, "" for nothing
}

// Formats lists what the Extractor reads, one entry a kind of file. The format of an input comes
// from its content; the extensions pick files in a folder walk.
var Formats = []FormatInfo{
	{".html .htm .shtml .xhtml", FormatHTML, "body text, metadata block, attachments", "goquery, charset from BOM/HTTP/meta/detector", ""},
	{".pdf", FormatPDF, "text in reading order, per-page warnings; scanned pages by OCR with --ocr (ocr[])", "Go (ledongthuc/pdf + own layout); OCR: pdftoppm + Tesseract", "OCR only: tesseract-ocr tesseract-ocr-chi-sim poppler-utils"},
	{".docx", FormatDOCX, "paragraphs, tables as tab-separated rows", "Go (archive/zip + encoding/xml)", ""},
	{".doc .wps", FormatDOC, "paragraphs, tables (tables[] and tab-separated rows)", "Go (Word 97–2003 binary); LibreOffice for Word 6/95 and files Go cannot read", "fallback only: libreoffice-writer-nogui"},
	{".ofd", FormatOFD, "page text in reading order, DocInfo metadata (标题, 作者, 创建日期, custom data)", "Go (GB/T 33190 zip of XML)", ""},
	{".xlsx .et", FormatXLSX, "each sheet a table (tables[]), rows as tab-separated text", "Go (excelize)", ""},
	{".xls .et", FormatXLS, "each sheet a table (tables[]), rows as tab-separated text", "Go (BIFF8 records); LibreOffice for Excel 5.0/95", "fallback only: libreoffice-calc-nogui"},
	{".zip", FormatZip, "one document listing the files, then each file inside as its own document (parent = the archive)", "Go (archive/zip, GBK names decoded, size/count/depth bounded)", ""},
	{".rar", FormatRar, "one document listing the files, then each file inside as its own document (parent = the archive)", "Go (nwaples/rardecode: RAR 4 and 5, solid too; names and bounds as zip; not encrypted or multi-volume)", ""},
	{".txt .text", FormatText, "text (UTF-8 or GB18030)", "Go", ""},
}

// skipReasons says why a folder walk leaves a file out, by extension.
var skipReasons = map[string]string{
	".7z":  "7z archive: not read; unpack it first",
	".ppt": "presentation: not read", ".pptx": "presentation: not read", ".dps": "presentation: not read",
	".jpg": "image: not read (OCR reads scanned PDFs only)", ".jpeg": "image: not read (OCR reads scanned PDFs only)",
	".png": "image: not read (OCR reads scanned PDFs only)", ".tif": "image: not read (OCR reads scanned PDFs only)",
	".tiff": "image: not read (OCR reads scanned PDFs only)", ".gif": "image: not read",
	".jsonl": "JSON lines: give the file itself to gongwen ingest",
}

// SkipReason returns why a folder walk leaves the file out, or "" if the Extractor reads it.
func SkipReason(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if KnownFile(name) {
		return ""
	}
	if r, ok := skipReasons[ext]; ok {
		return r
	}
	if ext == "" {
		return "no file name extension"
	}
	return "not a format gongwen reads (gongwen extract --formats lists them)"
}

// OCRPage marks the text of a page read by OCR: the PDF page, Tesseract's mean word confidence
// (0–1) and the rune offsets of the page's text in Document.Text.
type OCRPage struct {
	Page       int     `json:"page"`
	Confidence float64 `json:"confidence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
}

// readPDF reads a PDF's text layer and, with OCR on, the pages that have none (scans) or only
// garbled text, inserting each page's OCR text where the page belongs. It sets c.titleLines
// from the first page's largest print.
func (e *Extractor) readPDF(doc *Document, body []byte, c *clues) error {
	res, err := pdf.Read(body)
	if err != nil && (res == nil || !errors.Is(err, pdf.ErrNoText)) {
		return err
	}
	c.titleLines = res.TitleLines
	var need []int
	for i, s := range res.PageStates {
		if s == pdf.PageScanned || s == pdf.PageGarbled {
			need = append(need, i+1)
		}
	}
	doc.Text, doc.Warnings = res.Text, res.Warnings
	if res.Tables != nil {
		doc.Tables = res.Tables
	}
	doc.Source.ContentType = "application/pdf"
	if len(need) == 0 {
		return err
	}
	if !e.OCR {
		if err != nil {
			return fmt.Errorf("%w; try --ocr", err)
		}
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s need OCR: run with --ocr", pageNames(need)))
		return nil
	}
	if cerr := ocr.Check(); cerr != nil {
		if err != nil {
			return fmt.Errorf("%w; %v", err, cerr)
		}
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s need OCR: %v", pageNames(need), cerr))
		return nil
	}
	pages, oerr := ocr.PDFPages(context.Background(), body, need)
	if oerr != nil {
		doc.Warnings = append(doc.Warnings, oerr.Error())
	}
	var b strings.Builder
	at, runes := 0, 0
	write := func(s string) {
		b.WriteString(s)
		runes += utf8.RuneCountInString(s)
	}
	// kept records where each piece of the text layer went, so the tables' offsets can follow.
	type piece struct{ from, to, newRunes int } // byte range in res.Text, rune offset in the new text
	var kept []piece
	keep := func(from, to int) {
		kept = append(kept, piece{from, to, runes})
		write(res.Text[from:to])
	}
	for _, p := range pages {
		if strings.TrimSpace(p.Text) == "" {
			continue
		}
		start := min(max(res.PageStarts[p.Number-1], at), len(res.Text))
		keep(at, start)
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			write("\n")
		}
		r0 := runes
		write(strings.TrimSpace(p.Text))
		doc.OCR = append(doc.OCR, OCRPage{Page: p.Number, Confidence: round3(p.Confidence), Start: r0, End: runes})
		write("\n")
		at = start
		for at < len(res.Text) && (res.Text[at] == '\n' || res.Text[at] == ' ') {
			at++
		}
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: read by OCR (confidence %.2f)", p.Number, p.Confidence))
	}
	keep(at, len(res.Text))
	doc.Text = b.String()
	for i := range doc.Tables {
		t := &doc.Tables[i]
		if t.Start < 0 {
			continue
		}
		pos := byteOffset(res.Text, t.Start)
		for _, k := range kept {
			if pos >= k.from && pos < k.to {
				t.Start = k.newRunes + utf8.RuneCountInString(res.Text[k.from:pos])
				break
			}
		}
	}
	if len(doc.OCR) == 0 && err != nil {
		return fmt.Errorf("%w; OCR found no text either", err)
	}
	return nil
}

// byteOffset returns the byte offset of the rune at rune offset n of s.
func byteOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func round3(v float64) float64 { return float64(int(v*1000+0.5)) / 1000 }

func pageNames(pages []int) string {
	s := make([]string, len(pages))
	for i, p := range pages {
		s[i] = fmt.Sprint(p)
	}
	if len(pages) == 1 {
		return "page " + s[0]
	}
	return "pages " + strings.Join(s, ", ")
}

// readDOC reads a Word 97–2003 (.doc) or WPS (.wps) file in Go, or through LibreOffice when the Go
// reader cannot and LibreOffice is installed.
func readDOC(doc *Document, body []byte) error {
	doc.Source.ContentType = "application/msword"
	d, err := worddoc.Read(body)
	if err == nil {
		doc.Text, doc.Tables = d.Text, d.Tables
		return nil
	}
	if !errors.Is(err, worddoc.ErrUnsupported) {
		return err
	}
	if !office.Installed() {
		return fmt.Errorf("%w; install LibreOffice (libreoffice-writer-nogui) to read it", err)
	}
	converted, cerr := office.Convert(context.Background(), body, ".doc", "docx")
	if cerr != nil {
		return fmt.Errorf("%w; %v", err, cerr)
	}
	res, cerr := docx.Read(converted)
	if cerr != nil {
		return fmt.Errorf("%w; converted by LibreOffice: %v", err, cerr)
	}
	doc.Text, doc.Tables = res.Text, res.Tables
	doc.Warnings = append(doc.Warnings, fmt.Sprintf("read through LibreOffice (%v)", err))
	return nil
}

// readSheet reads an XLS, XLSX or ET workbook: each sheet a table, the rows the text.
func readSheet(doc *Document, format Format, body []byte) error {
	var wb *sheet.Workbook
	var err error
	if format == FormatXLSX {
		doc.Source.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		wb, err = sheet.ReadXLSX(body)
	} else {
		doc.Source.ContentType = "application/vnd.ms-excel"
		wb, err = sheet.ReadXLS(body)
		if err != nil && !errors.Is(err, sheet.ErrNotBIFF8) && strings.Contains(err.Error(), "BIFF5") && office.Installed() {
			converted, cerr := office.Convert(context.Background(), body, ".xls", "xlsx")
			if cerr == nil {
				if wb, cerr = sheet.ReadXLSX(converted); cerr == nil {
					doc.Warnings = append(doc.Warnings, fmt.Sprintf("read through LibreOffice (%v)", err))
					err = nil
				}
			}
		}
	}
	if err != nil {
		return err
	}
	doc.Text, doc.Tables, doc.Title = wb.Text, wb.Tables, wb.Title
	return nil
}

// readOFD reads an OFD file's text and its DocInfo metadata.
func readOFD(doc *Document, body []byte) error {
	res, err := ofd.Read(body)
	if err != nil {
		return err
	}
	doc.Source.ContentType = "application/ofd"
	doc.Text, doc.Title, doc.Warnings = res.Text, res.Title, res.Warnings
	for k, v := range res.Metadata {
		if key, ok := meta.Canonical(k); ok {
			k = key
		}
		doc.Metadata[k] = v
	}
	return nil
}
