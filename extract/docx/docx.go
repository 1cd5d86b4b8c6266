package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

const (
	nsW  = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// maxText bounds the text of one document, so a zip bomb is an error rather than an exhausted machine.
const maxText = 64 << 20

// Read returns the text of the DOCX file in body: paragraphs as lines, table rows as lines with a tab
// between cells. A file that is not a zip archive with a well-formed word/document.xml is an error.
func Read(body []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return "", fmt.Errorf("not a DOCX file: %w", err)
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	if parts["word/document.xml"] == nil {
		return "", errors.New("not a DOCX file: no word/document.xml")
	}
	num, err := readNumberingParts(parts["word/numbering.xml"], parts["word/styles.xml"])
	if err != nil {
		return "", fmt.Errorf("DOCX list numbering: %w", err)
	}
	rc, err := openPart(parts["word/document.xml"], maxDocumentBytes)
	if err != nil {
		return "", fmt.Errorf("DOCX word/document.xml: %w", err)
	}
	defer rc.Close()
	text, err := parse(rc, num)
	if err != nil {
		return "", fmt.Errorf("DOCX word/document.xml: %w", err)
	}
	return text, nil
}

// readNumberingParts reads the list definitions and styles, both optional.
func readNumberingParts(numberingXML, stylesXML *zip.File) (*numbering, error) {
	var readers [2]io.Reader
	for i, f := range []*zip.File{numberingXML, stylesXML} {
		if f == nil {
			continue
		}
		rc, err := openPart(f, maxSupportBytes)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		defer rc.Close()
		readers[i] = rc
	}
	return readNumbering(readers[0], readers[1])
}

// A cell collects the paragraphs of a table cell.
type cell struct{ paras []string }

// A para is an open paragraph: its text and the properties that decide its list number.
type para struct {
	text               strings.Builder
	style, numID, ilvl string
}

type parser struct {
	out   strings.Builder
	num   *numbering
	paras []*para    // open paragraphs (a text box paragraph sits inside another)
	rows  [][]string // cells of the open table rows, innermost last
	cells []*cell    // open table cells, innermost last
	size  int
}

func parse(r io.Reader, num *numbering) (string, error) {
	d := xml.NewDecoder(r)
	p := parser{num: num}
	var names []xml.Name // open elements
	skip := 0            // depth inside an element whose content is left out
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			parent := xml.Name{}
			if len(names) > 0 {
				parent = names[len(names)-1]
			}
			names = append(names, t.Name)
			if skip > 0 || t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skip++
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			inRun := parent.Space == nsW && parent.Local == "r"
			switch t.Name.Local {
			case "p":
				p.paras = append(p.paras, &para{})
			case "pStyle", "numId", "ilvl":
				if n := len(p.paras); n > 0 {
					p.paras[n-1].set(t)
				}
			case "t":
				inText = true
			case "tab":
				if inRun {
					p.write("\t")
				}
			case "br", "cr":
				if inRun {
					p.write("\n")
				}
			case "noBreakHyphen":
				p.write("-")
			case "tr":
				p.rows = append(p.rows, nil)
			case "tc":
				p.cells = append(p.cells, &cell{})
			}
		case xml.EndElement:
			if len(names) > 0 {
				names = names[:len(names)-1]
			}
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space != nsW {
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if n := len(p.paras); n > 0 {
					para := p.paras[n-1]
					p.paras = p.paras[:n-1]
					text := strings.TrimSpace(para.text.String()) // indents typed as spaces, stray blanks
					if label := p.num.label(para.style, para.numID, para.ilvl); label != "" && strings.TrimSpace(text) != "" {
						text = label + text
					}
					p.line(text)
				}
			case "tc":
				if n := len(p.cells); n > 0 && len(p.rows) > 0 {
					c := p.cells[n-1]
					p.cells = p.cells[:n-1]
					text := strings.Join(c.paras, " ")
					text = strings.NewReplacer("\n", " ", "\t", " ").Replace(text)
					p.rows[len(p.rows)-1] = append(p.rows[len(p.rows)-1], text)
				}
			case "tr":
				if n := len(p.rows); n > 0 {
					row := p.rows[n-1]
					p.rows = p.rows[:n-1]
					p.line(strings.Join(row, "\t"))
				}
			}
		case xml.CharData:
			if inText && skip == 0 {
				p.write(string(t))
			}
		}
		if p.size > maxText {
			return "", fmt.Errorf("text longer than %d MB", maxText>>20)
		}
	}
	if !utf8.ValidString(p.out.String()) {
		return "", errors.New("invalid UTF-8 text")
	}
	return p.out.String(), nil
}

// write adds text to the innermost open paragraph.
func (p *parser) write(s string) {
	if n := len(p.paras); n > 0 {
		p.paras[n-1].text.WriteString(s)
		p.size += len(s)
	}
}

// set records a paragraph property: its style, or its list and level.
func (para *para) set(e xml.StartElement) {
	for _, a := range e.Attr {
		if a.Name.Local != "val" {
			continue
		}
		switch e.Name.Local {
		case "pStyle":
			para.style = a.Value
		case "numId":
			para.numID = a.Value
		case "ilvl":
			para.ilvl = a.Value
		}
	}
}

// line delivers a finished paragraph or table row: to the innermost open table cell, or to the output
// as lines, leaving out blank ones.
func (p *parser) line(text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	if n := len(p.cells); n > 0 {
		c := p.cells[n-1]
		c.paras = append(c.paras, text)
		return
	}
	for _, l := range strings.Split(text, "\n") { // w:br inside the paragraph
		if strings.TrimSpace(l) != "" {
			p.out.WriteString(l)
			p.out.WriteByte('\n')
			p.size += len(l) + 1
		}
	}
}
