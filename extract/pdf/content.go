package pdf

import (
	"bytes"
	"errors"
	"math"
	"strings"

	pdflib "github.com/ledongthuc/pdf"
)

// A span is a piece of text drawn by one text-showing operator, in page space (points, y upwards).
type span struct {
	x, y float64 // start of the baseline
	end  float64 // x where the last glyph ends
	size float64 // font size
	text string
}

// A matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m×n: first m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

type gstate struct {
	ctm                       matrix
	tc, tw, th, tl, tfs, rise float64
	font                      *font
	whiteFill, whiteStroke    bool // paint that cannot be seen on a white page
	clip                      box  // the clipping path's bounding box: what is drawn outside is not seen
}

// font returns the font a resource name stands for, parsed once per document. The library does not
// expose object identity, so fonts are keyed by their dictionary as written, where the ToUnicode map and
// the other parts appear as references ("/ToUnicode 12 0 R"): fonts with the same key decode the same
// way, even when two pages use one resource name for different fonts.
func (d *document) font(resources pdflib.Value, name string) *font {
	v := resources.Key("Font").Key(name)
	key := v.String()
	f, ok := d.fonts[key]
	if !ok {
		f = d.newFont(v)
		d.fonts[key] = f
	}
	return f
}

// Form XObjects may nest, and draw each other many times: maxFormDepth bounds the nesting and
// maxForms the forms run for one page, so a hostile file cannot make the work explode.
const (
	maxFormDepth = 8
	maxForms     = 1000
)

// An interpreter collects the text spans and the ruling lines of one page.
type interpreter struct {
	doc   *document
	spans []span
	rules []segment
	lines bool // collect ruling lines
	forms int  // form XObjects run so far
}

// pageContent interprets a page's content stream and returns its text spans in drawing order and, if
// lines is set, the horizontal and vertical lines it draws.
func pageContent(page pdflib.Value, doc *document, lines bool) ([]span, []segment) {
	contents := page.Key("Contents")
	if contents.IsNull() {
		return nil, nil
	}
	in := interpreter{doc: doc, lines: lines}
	in.run(contents, inherited(page, "Resources"), identity, everywhere, 0)
	return in.spans, in.rules
}

// run interprets one content stream (a page's or a form's) starting with the transformation ctm.
func (in *interpreter) run(strm, resources pdflib.Value, ctm matrix, clip box, depth int) {
	g := gstate{ctm: ctm, th: 1, clip: clip}
	clipping := false           // W or W* seen: the path ends as the new clipping path
	local := map[string]*font{} // this stream's fonts: looking a font up in the file is slow
	var stack []gstate
	var tm, tlm matrix
	var glyphs []glyph
	var path path
	show := func(raw string) {
		if g.font == nil {
			g.font = &font{memo: map[string]string{}}
		}
		glyphs = g.font.decode(raw, glyphs[:0])
		trm := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.mul(tm).mul(g.ctm)
		size := math.Hypot(trm[2], trm[3])
		s := span{x: trm[4], y: trm[5], size: size}
		var b strings.Builder
		for _, gl := range glyphs {
			b.WriteString(gl.text)
			tx := gl.width/1000*g.tfs + g.tc
			if gl.space {
				tx += g.tw
			}
			tm = matrix{1, 0, 0, 1, tx * g.th, 0}.mul(tm)
		}
		end := matrix{g.tfs * g.th, 0, 0, g.tfs, 0, g.rise}.mul(tm).mul(g.ctm)
		s.end = end[4]
		s.text = b.String()
		if s.text != "" && g.clip.shows(s) {
			in.spans = append(in.spans, s)
		}
	}
	endPath := func() {
		if clipping {
			g.clip = g.clip.intersect(path.bounds())
			clipping = false
		}
		path.reset()
	}
	if err := in.doc.checkStream(strm); err != nil {
		panic(err) // readPage turns it into a warning
	}
	pdflib.Interpret(strm, func(stk *pdflib.Stack, op string) {
		n := stk.Len()
		args := make([]pdflib.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		mat := func() matrix {
			var m matrix
			for i := range m {
				m[i] = num(i)
			}
			return m
		}
		point := func(i int) point {
			return g.ctm.apply(num(i), num(i+1))
		}
		switch op {
		case "m":
			path.moveTo(point(0))
		case "l":
			path.lineTo(point(0))
		case "c", "v", "y": // a curve is no ruling line: only its end point matters
			path.moveTo(point(len(args) - 2))
		case "h":
			path.close()
		case "re":
			x, y, w, h := num(0), num(1), num(2), num(3)
			path.moveTo(g.ctm.apply(x, y))
			path.lineTo(g.ctm.apply(x+w, y))
			path.lineTo(g.ctm.apply(x+w, y+h))
			path.lineTo(g.ctm.apply(x, y+h))
			path.close()
		case "W", "W*":
			clipping = true
		case "S", "s", "B", "B*", "b", "b*":
			if op == "s" || op == "b" || op == "b*" {
				path.close()
			}
			if in.lines && !g.whiteStroke {
				in.addRules(path.strokedRules())
			}
			endPath()
		case "f", "F", "f*":
			if in.lines && !g.whiteFill {
				in.addRules(path.filledRules())
			}
			endPath()
		case "n":
			endPath()
		case "g", "rg", "k", "sc", "scn":
			g.whiteFill = isWhite(op, args)
		case "G", "RG", "K", "SC", "SCN":
			g.whiteStroke = isWhite(op, args)
		case "cs":
			g.whiteFill = false
		case "CS":
			g.whiteStroke = false
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			g.ctm = mat().mul(g.ctm)
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.rise = num(0)
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := local[name]
				if !ok {
					f = in.doc.font(resources, name)
					local[name] = f
				}
				g.font = f
				g.tfs = num(1)
			}
		case "Td":
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "TD":
			g.tl = -num(1)
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			tm, tlm = mat(), mat()
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				args = args[2:]
			}
			tlm = matrix{1, 0, 0, 1, 0, -g.tl}.mul(tlm)
			tm = tlm
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdflib.String {
					show(x.RawString())
				} else {
					tm = matrix{1, 0, 0, 1, -x.Float64() / 1000 * g.tfs * g.th, 0}.mul(tm)
				}
			}
		case "Do":
			if len(args) != 1 || depth >= maxFormDepth || in.forms >= maxForms {
				return
			}
			form := resources.Key("XObject").Key(args[0].Name())
			if form.Key("Subtype").Name() != "Form" {
				return
			}
			m := identity
			if fm := form.Key("Matrix"); fm.Len() == 6 {
				for i := range m {
					m[i] = fm.Index(i).Float64()
				}
			}
			res := form.Key("Resources")
			if res.IsNull() {
				res = resources
			}
			in.forms++
			in.run(form, res, m.mul(g.ctm), g.clip, depth+1)
		}
	})
}

// maxStreamBytes bounds the decoded size of one content stream.
const maxStreamBytes = 64 << 20

// checkStream rejects content the library's interpreter cannot handle safely: a hex string left open
// at the end of the stream makes it loop forever, and a flood of operands exhausts memory. The stream's
// bytes and tokens are counted against the document's budgets.
func (d *document) checkStream(strm pdflib.Value) error {
	parts := []pdflib.Value{strm}
	if strm.Kind() == pdflib.Array {
		parts = parts[:0]
		for i := 0; i < strm.Len(); i++ {
			parts = append(parts, strm.Index(i))
		}
	}
	var data []byte
	for _, p := range parts {
		b, err := d.readStream(p, maxStreamBytes-int64(len(data)), "content stream")
		if err != nil {
			return err
		}
		data = append(data, b...)
	}
	if openHexString(data) {
		return errors.New("content stream ends inside a hex string")
	}
	tokens, err := scanContent(data)
	if err != nil {
		return err
	}
	d.interpret(tokens)
	return nil
}

// openHexString reports whether data ends inside a hex string <…>, skipping literal strings and comments.
func openHexString(data []byte) bool {
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
		case '(':
			depth := 0
			for ; i < len(data); i++ {
				if data[i] == '\\' {
					i++
				} else if data[i] == '(' {
					depth++
				} else if data[i] == ')' {
					if depth--; depth == 0 {
						break
					}
				}
			}
		case '<':
			if i+1 < len(data) && data[i+1] == '<' {
				i++
				continue
			}
			end := bytes.IndexByte(data[i:], '>')
			if end < 0 {
				return true
			}
			i += end
		}
	}
	return false
}
