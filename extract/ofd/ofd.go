// Package ofd reads OFD files (GB/T 33190, the Chinese national format for fixed-layout electronic
// documents): the text of each page in reading order and the document's metadata.
//
// An OFD file is a zip of XML parts: OFD.xml names each document's Document.xml and its DocInfo
// (title, author, creation date, custom data); Document.xml lists the pages and the templates they
// draw on; each page's Content.xml holds text objects whose TextCode elements carry the characters
// and their positions (X, Y of the first character, DeltaX/DeltaY the advances, with "g N v"
// repeating v N times). Text is read from the TextCode elements themselves, so fonts — embedded or
// missing — are not needed. Characters are placed by their positions, grouped into lines by
// baseline and lines into paragraphs as the PDF reader does: a line ending short of the right
// margin ends its paragraph, an indented line starts one, a wide gap inside a line (a table
// column) becomes a tab. A page's templates (红头, running headers) are read with it.
//
// Parts are read through size-limited readers; a part that is missing or malformed costs its page
// (named in a warning), not the document.
//
//	res, err := ofd.Read(body) // res.Text, res.Title, res.Metadata["作者"]
package ofd

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Result is what Read finds in an OFD file.
type Result struct {
	Text     string
	Title    string            // DocInfo Title
	Metadata map[string]string // DocInfo fields by Chinese label: 作者, 创建日期, 主题词 … and custom data
	Pages    int
	Warnings []string
}

// Limits against hostile files: bytes of one XML part once inflated, pages, text.
const (
	maxPart  = 32 << 20
	maxPages = 20000
	maxText  = 64 << 20
)

// Read returns the text and metadata of the OFD file in body.
func Read(body []byte) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil { // a reader bug must be an error, not a crash
			res, err = nil, fmt.Errorf("malformed OFD: %v", r)
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Errorf("not an OFD file: %w", err)
	}
	pkg := &pkg{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		pkg.files[strings.TrimPrefix(path.Clean("/"+f.Name), "/")] = f
	}
	var root ofdRoot
	if err := pkg.decode("OFD.xml", &root); err != nil {
		return nil, fmt.Errorf("not an OFD file: %w", err)
	}
	if len(root.Bodies) == 0 {
		return nil, errors.New("malformed OFD: OFD.xml names no document (DocBody)")
	}
	res = &Result{Metadata: map[string]string{}}
	var text strings.Builder
	for _, b := range root.Bodies {
		res.info(b.Info)
		docPath := pkg.resolve("", b.DocRoot)
		var doc document
		if err := pkg.decode(docPath, &doc); err != nil {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%s: %v", b.DocRoot, err))
			continue
		}
		templates := map[string]string{}
		for _, t := range doc.Templates {
			templates[t.ID] = pkg.resolve(path.Dir(docPath), t.BaseLoc)
		}
		for _, p := range doc.Pages {
			if res.Pages++; res.Pages > maxPages {
				return nil, fmt.Errorf("malformed OFD: more than %d pages", maxPages)
			}
			lines, err := pkg.page(pkg.resolve(path.Dir(docPath), p.BaseLoc), templates)
			if err != nil {
				res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: %v", res.Pages, err))
				continue
			}
			if len(lines) == 0 {
				res.Warnings = append(res.Warnings, fmt.Sprintf("page %d: no text (a scanned image?)", res.Pages))
			}
			text.WriteString(paragraphs(lines))
			if text.Len() > maxText {
				return nil, fmt.Errorf("malformed OFD: more than %d MB of text", maxText>>20)
			}
		}
	}
	res.Text = text.String()
	if res.Pages == 0 {
		return nil, errors.New("malformed OFD: no pages")
	}
	return res, nil
}

// The parts of OFD.xml and Document.xml read here; elements are matched by local name, whatever
// namespace prefix the producer used.
type ofdRoot struct {
	Bodies []struct {
		Info    docInfo `xml:"DocInfo"`
		DocRoot string  `xml:"DocRoot"`
	} `xml:"DocBody"`
}

type docInfo struct {
	Title        string   `xml:"Title"`
	Author       string   `xml:"Author"`
	Subject      string   `xml:"Subject"`
	Abstract     string   `xml:"Abstract"`
	CreationDate string   `xml:"CreationDate"`
	ModDate      string   `xml:"ModDate"`
	Keywords     []string `xml:"Keywords>Keyword"`
	Creator      string   `xml:"Creator"`
	Custom       []struct {
		Name  string `xml:"Name,attr"`
		Value string `xml:",chardata"`
	} `xml:"CustomDatas>CustomData"`
}

type document struct {
	Templates []struct {
		ID      string `xml:"ID,attr"`
		BaseLoc string `xml:"BaseLoc,attr"`
	} `xml:"CommonData>TemplatePage"`
	Pages []struct {
		BaseLoc string `xml:"BaseLoc,attr"`
	} `xml:"Pages>Page"`
}

// info keeps the document's metadata under the labels Chinese metadata blocks use.
func (res *Result) info(in docInfo) {
	set := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" && res.Metadata[k] == "" {
			res.Metadata[k] = v
		}
	}
	if res.Title == "" {
		res.Title = strings.TrimSpace(in.Title)
	}
	set("标题", in.Title)
	set("作者", in.Author)
	set("主题", in.Subject)
	set("摘要", in.Abstract)
	set("创建日期", isoDate(in.CreationDate))
	set("修改日期", isoDate(in.ModDate))
	set("主题词", strings.Join(in.Keywords, " "))
	set("创建工具", in.Creator)
	for _, c := range in.Custom {
		set(strings.TrimSpace(c.Name), c.Value)
	}
}

// isoDate keeps the date of an xs:date or xs:dateTime value.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[:10]
	}
	return s
}

// pkg is the zip of an OFD file.
type pkg struct{ files map[string]*zip.File }

// resolve turns a BaseLoc into a path in the zip: absolute ones from the root, relative ones from
// dir, and, as some producers write them, relative ones from the root when dir lacks them.
func (p *pkg) resolve(dir, loc string) string {
	loc = strings.TrimSpace(strings.ReplaceAll(loc, "\\", "/"))
	if strings.HasPrefix(loc, "/") {
		return strings.TrimPrefix(path.Clean(loc), "/")
	}
	rel := strings.TrimPrefix(path.Clean("/"+path.Join(dir, loc)), "/")
	if _, ok := p.files[rel]; !ok {
		if root := strings.TrimPrefix(path.Clean("/"+loc), "/"); p.files[root] != nil {
			return root
		}
	}
	return rel
}

func (p *pkg) open(name string) (io.ReadCloser, error) {
	f := p.files[name]
	if f == nil {
		return nil, fmt.Errorf("%s is missing", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&limited{r: rc, n: maxPart, name: name}, rc}, nil
}

// limited fails a read past n bytes, so an inflating part cannot grow without bound.
type limited struct {
	r    io.Reader
	n    int64
	name string
}

func (l *limited) Read(b []byte) (int, error) {
	if l.n <= 0 {
		return 0, fmt.Errorf("%s is larger than %d MB", l.name, maxPart>>20)
	}
	if int64(len(b)) > l.n {
		b = b[:l.n]
	}
	n, err := l.r.Read(b)
	l.n -= int64(n)
	return n, err
}

func (p *pkg) decode(name string, v any) error {
	rc, err := p.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// A glyph is one character placed on the page (millimetres, y downwards).
type glyph struct {
	r       rune
	x, y    float64
	size    float64
	advance float64
}

// page reads the glyphs of a page and its templates and returns its lines in reading order.
func (p *pkg) page(name string, templates map[string]string) ([]line, error) {
	var glyphs []glyph
	used, err := p.content(name, &glyphs)
	if err != nil {
		return nil, err
	}
	for _, id := range used {
		if t, ok := templates[id]; ok {
			if _, err := p.content(t, &glyphs); err != nil {
				return nil, fmt.Errorf("template %s: %w", id, err)
			}
		}
	}
	return lines(glyphs), nil
}

// content reads the text objects of a page (or template) content part and returns the ids of the
// templates it draws on.
func (p *pkg) content(name string, out *[]glyph) (templates []string, err error) {
	rc, err := p.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var obj *textObject
	var code *textCode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return templates, nil
		}
		if err != nil {
			return templates, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Template":
				templates = append(templates, attr(t, "TemplateID"))
			case "TextObject":
				obj = newTextObject(t)
			case "TextCode":
				if obj != nil {
					code = &textCode{x: number(attr(t, "X")), y: number(attr(t, "Y")),
						dx: deltas(attr(t, "DeltaX")), dy: deltas(attr(t, "DeltaY"))}
				}
			}
		case xml.CharData:
			if code != nil {
				code.text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TextCode":
				if code != nil && obj != nil {
					*out = append(*out, obj.place(code)...)
				}
				code = nil
			case "TextObject":
				obj = nil
			}
		}
		if len(*out) > maxText {
			return templates, fmt.Errorf("%s: too many characters", name)
		}
	}
}

// A textObject is the frame of its TextCodes: its boundary's origin, a transformation and a size.
type textObject struct {
	x, y       float64
	size       float64
	a, b, c, d float64 // CTM without its translation
	e, f       float64
	vertical   bool
}

func newTextObject(t xml.StartElement) *textObject {
	o := &textObject{size: number(attr(t, "Size")), a: 1, d: 1}
	if v := fields(attr(t, "Boundary")); len(v) >= 2 {
		o.x, o.y = v[0], v[1]
	}
	if v := fields(attr(t, "CTM")); len(v) == 6 {
		o.a, o.b, o.c, o.d, o.e, o.f = v[0], v[1], v[2], v[3], v[4], v[5]
	}
	if o.size <= 0 {
		o.size = 3.5 // five-point type, in mm: a guess only used for spacing
	}
	dir := attr(t, "ReadDirection") + attr(t, "CharDirection")
	o.vertical = dir != "" && dir != "0" && dir != "00"
	return o
}

type textCode struct {
	x, y   float64
	dx, dy []float64
	text   strings.Builder
}

// place gives each character of a TextCode its position on the page.
func (o *textObject) place(c *textCode) []glyph {
	scale := math.Sqrt(math.Abs(o.a*o.d - o.b*o.c))
	if scale == 0 || math.IsNaN(scale) {
		scale = 1
	}
	size := o.size * scale
	var out []glyph
	x, y := c.x, c.y
	i := 0
	for _, r := range c.text.String() {
		if r == utf8.RuneError || unicode.IsControl(r) {
			i++
			continue
		}
		px, py := o.a*x+o.c*y+o.e+o.x, o.b*x+o.d*y+o.f+o.y
		adv := o.size
		if r < 0x2E80 {
			adv = o.size / 2
		}
		if i < len(c.dx) {
			adv = c.dx[i]
		}
		out = append(out, glyph{r: r, x: px, y: py, size: size, advance: adv * scale})
		if i < len(c.dx) {
			x += c.dx[i]
		} else if len(c.dx) == 0 && !o.vertical {
			x += adv
		}
		if i < len(c.dy) {
			y += c.dy[i]
		} else if o.vertical && len(c.dy) == 0 {
			y += o.size
		}
		i++
	}
	return out
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func number(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func fields(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		out = append(out, number(f))
	}
	return out
}

// deltas expands a DeltaX/DeltaY list, where "g N v" stands for N times v.
func deltas(s string) []float64 {
	var out []float64
	f := strings.Fields(s)
	for i := 0; i < len(f); i++ {
		if f[i] == "g" && i+2 < len(f) {
			n, err := strconv.Atoi(f[i+1])
			if err != nil || n < 0 {
				return out
			}
			v := number(f[i+2])
			for range min(n, 1<<16) {
				out = append(out, v)
			}
			i += 2
			continue
		}
		out = append(out, number(f[i]))
	}
	return out
}

// A line is a row of glyphs on one baseline, as text.
type line struct {
	text      string
	x, end, y float64
	size      float64
}

// lines groups glyphs by baseline, top to bottom, each line's glyphs left to right; a gap of more
// than one and a half characters inside a line is a tab (a table's columns), a smaller one between Latin
// letters or digits a space.
func lines(glyphs []glyph) []line {
	sort.SliceStable(glyphs, func(i, j int) bool { return glyphs[i].y < glyphs[j].y })
	var rows [][]glyph
	for _, g := range glyphs {
		if n := len(rows); n > 0 {
			last := rows[n-1][0]
			if math.Abs(g.y-last.y) < 0.4*math.Max(g.size, last.size) {
				rows[n-1] = append(rows[n-1], g)
				continue
			}
		}
		rows = append(rows, []glyph{g})
	}
	var out []line
	for _, row := range rows {
		sort.SliceStable(row, func(i, j int) bool { return row[i].x < row[j].x })
		var b strings.Builder
		l := line{x: row[0].x, y: row[0].y, size: row[0].size}
		prevEnd := row[0].x
		for i, g := range row {
			if i > 0 {
				gap := g.x - prevEnd
				switch {
				case gap > 1.5*g.size:
					b.WriteByte('\t')
				case gap > 0.25*g.size && (g.r < 0x2E80 || row[i-1].r < 0x2E80):
					b.WriteByte(' ')
				}
			}
			if g.r == ' ' || g.r == '\u3000' {
				if s := b.String(); s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\t") {
					b.WriteByte(' ')
				}
			} else {
				b.WriteRune(g.r)
			}
			prevEnd = math.Max(prevEnd, g.x+g.advance)
			l.size = math.Max(l.size, g.size)
		}
		l.end = prevEnd
		if l.text = strings.TrimSpace(b.String()); l.text != "" {
			out = append(out, l)
		}
	}
	return out
}

// paragraphs joins the lines of a page into paragraphs, one a line of text: a line continues the
// previous one when that one reached the right margin and this one is not indented, in the same
// size and close below it.
func paragraphs(lines []line) string {
	if len(lines) == 0 {
		return ""
	}
	left, right := margins(lines)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			p := lines[i-1]
			joins := p.end >= right-1.5*p.size && l.x <= left+0.5*l.size &&
				math.Abs(p.size-l.size) < 0.15*l.size && l.y-p.y < 2.2*l.size &&
				!strings.Contains(p.text+l.text, "\t") && !heading(l.text)
			switch {
			case !joins:
				b.WriteByte('\n')
			case latinEnd(p.text) && latinStart(l.text):
				b.WriteByte(' ')
			}
		}
		b.WriteString(l.text)
	}
	b.WriteByte('\n')
	return b.String()
}

// margins returns the page's text margins: the x where most lines start, and the end most long
// lines reach (a title or a signature set apart does not move them).
func margins(lines []line) (left, right float64) {
	starts, ends := map[int]int{}, map[int]int{}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		lo, hi = math.Min(lo, l.x), math.Max(hi, l.end)
	}
	for _, l := range lines {
		starts[int(math.Round(l.x))]++
		if l.end-l.x > (hi-lo)/2 {
			ends[int(math.Round(l.end))]++
		}
	}
	return float64(mode(starts, lo)), float64(mode(ends, hi))
}

// mode returns the most frequent key, the smallest of equals; fallback if there is none.
func mode(count map[int]int, fallback float64) int {
	best, n := int(math.Round(fallback)), 0
	for k, c := range count {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// heading reports whether a line starts with a heading number (一、 （一） 第一章), which always
// starts a paragraph.
func heading(s string) bool {
	return headingRE.MatchString(s)
}

var headingRE = regexp.MustCompile(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|第[一二三四五六七八九十百0-9]+[章节条部])`)

func latinEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func latinStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
