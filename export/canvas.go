package export

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"golang.org/x/text/width"
)

// canvas is what a chart is drawn on, in pixels from the top left: SVG
// text or a PNG image. The chart measures its text with textWidth, calls
// begin with the size that gives, draws, and finishes.
type canvas interface {
	textWidth(s string, size float64) float64
	begin(width, height float64, title string)
	rect(x, y, w, h float64, fill string)
	polyline(pts []point, stroke string, width float64, dashed bool)
	circle(x, y, r float64, fill string)
	text(x, y float64, s string, st textStyle) // y is the baseline
	finish(w io.Writer) error
}

type point struct{ x, y float64 }

type anchor int

const (
	start anchor = iota
	middle
	end
)

type textStyle struct {
	size   float64
	color  string
	anchor anchor
	bold   bool
	halo   bool // a white edge, to stay legible over lines
}

var dash = []float64{6, 4}

// svgCanvas writes SVG. Text is measured by estimate: a browser draws it with
// whichever font of FontFamily it has, and in all of them a Chinese character
// is one em wide and digits a little over half.
type svgCanvas struct {
	b bytes.Buffer
}

func newSVGCanvas() *svgCanvas { return &svgCanvas{} }

func (c *svgCanvas) textWidth(s string, size float64) float64 { return estimateWidth(s) * size }

// estimateWidth is the width of s in ems in a Chinese sans-serif font.
func estimateWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case width.LookupRune(r).Kind() == width.EastAsianWide, width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			w += 1
		case r >= '0' && r <= '9':
			w += 0.56
		case r == ' ' || r == '.' || r == ',' || r == ':' || r == ';' || r == '|' || r == 'i' || r == 'l':
			w += 0.3
		case r >= 'A' && r <= 'Z' || r == 'm' || r == 'w' || r == '%':
			w += 0.75
		default:
			w += 0.56
		}
	}
	return w
}

func (c *svgCanvas) begin(w, h float64, title string) {
	fmt.Fprintf(&c.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" role="img">`,
		num(w), num(h), num(w), num(h), html.EscapeString(FontFamily))
	fmt.Fprintf(&c.b, "\n<title>%s</title>\n", html.EscapeString(title))
	fmt.Fprintf(&c.b, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n")
}

func (c *svgCanvas) rect(x, y, w, h float64, fill string) {
	fmt.Fprintf(&c.b, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>\n", num(x), num(y), num(w), num(h), fill)
}

func (c *svgCanvas) polyline(pts []point, stroke string, width float64, dashed bool) {
	if len(pts) == 0 {
		return
	}
	var ps []string
	for _, p := range pts {
		ps = append(ps, num(p.x)+","+num(p.y))
	}
	extra := ""
	if dashed {
		extra = fmt.Sprintf(` stroke-dasharray="%s,%s"`, num(dash[0]), num(dash[1]))
	}
	fmt.Fprintf(&c.b, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-linejoin=\"round\"%s/>\n",
		strings.Join(ps, " "), stroke, num(width), extra)
}

func (c *svgCanvas) circle(x, y, r float64, fill string) {
	fmt.Fprintf(&c.b, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>\n", num(x), num(y), num(r), fill)
}

func (c *svgCanvas) text(x, y float64, s string, st textStyle) {
	extra := ""
	switch st.anchor {
	case middle:
		extra += ` text-anchor="middle"`
	case end:
		extra += ` text-anchor="end"`
	}
	if st.bold {
		extra += ` font-weight="bold"`
	}
	if st.halo {
		extra += ` stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`
	}
	fmt.Fprintf(&c.b, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" fill=\"%s\"%s>%s</text>\n",
		num(x), num(y), num(st.size), st.color, extra, html.EscapeString(s))
}

func (c *svgCanvas) finish(w io.Writer) error {
	c.b.WriteString("</svg>\n")
	_, err := c.b.WriteTo(w)
	return err
}

// num writes a coordinate with at most one decimal.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// pngCanvas draws into an image at scale times the chart's size.
type pngCanvas struct {
	font  *Font
	scale float64
	faces map[float64]font.Face
	img   *image.RGBA
	ras   *vector.Rasterizer
	err   error // the first text the font cannot draw
}

func newPNGCanvas(f *Font, scale float64) (*pngCanvas, error) {
	if f == nil {
		return nil, fmt.Errorf("export: a PNG chart needs a font with Chinese characters (see FindFont)")
	}
	return &pngCanvas{font: f, scale: scale, faces: map[float64]font.Face{}, ras: &vector.Rasterizer{}}, nil
}

func (c *pngCanvas) face(size float64) font.Face {
	f, ok := c.faces[size]
	if !ok {
		f = c.font.face(size * c.scale)
		c.faces[size] = f
	}
	return f
}

func (c *pngCanvas) textWidth(s string, size float64) float64 {
	return float64(font.MeasureString(c.face(size), s)) / 64 / c.scale
}

func (c *pngCanvas) begin(w, h float64, _ string) {
	c.img = image.NewRGBA(image.Rect(0, 0, int(math.Ceil(w*c.scale)), int(math.Ceil(h*c.scale))))
	draw.Draw(c.img, c.img.Bounds(), image.White, image.Point{}, draw.Src)
}

// fill fills the closed polygons pts (in chart pixels) with colour hex.
func (c *pngCanvas) fill(hex string, polygons ...[]point) {
	var box image.Rectangle
	for i, pts := range polygons {
		for j, p := range pts {
			q := image.Pt(int(math.Floor(p.x*c.scale)), int(math.Floor(p.y*c.scale)))
			r := image.Rectangle{q, q.Add(image.Pt(2, 2))}
			if i == 0 && j == 0 {
				box = r
			} else {
				box = box.Union(r)
			}
		}
	}
	box = box.Intersect(c.img.Bounds())
	if box.Empty() {
		return
	}
	c.ras.Reset(box.Dx(), box.Dy())
	for _, pts := range polygons {
		for j, p := range pts {
			x, y := float32(p.x*c.scale-float64(box.Min.X)), float32(p.y*c.scale-float64(box.Min.Y))
			if j == 0 {
				c.ras.MoveTo(x, y)
			} else {
				c.ras.LineTo(x, y)
			}
		}
		c.ras.ClosePath()
	}
	c.ras.Draw(c.img, box, image.NewUniform(parseColor(hex)), image.Point{})
}

func (c *pngCanvas) rect(x, y, w, h float64, fill string) {
	c.fill(fill, []point{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}})
}

func (c *pngCanvas) polyline(pts []point, stroke string, width float64, dashed bool) {
	var shapes [][]point
	segment := func(a, b point) {
		dx, dy := b.x-a.x, b.y-a.y
		n := math.Hypot(dx, dy)
		if n == 0 {
			return
		}
		// The line's sides, width/2 either way of it.
		ox, oy := -dy/n*width/2, dx/n*width/2
		shapes = append(shapes, []point{{a.x + ox, a.y + oy}, {b.x + ox, b.y + oy}, {b.x - ox, b.y - oy}, {a.x - ox, a.y - oy}})
	}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if !dashed {
			segment(a, b)
			continue
		}
		n := math.Hypot(b.x-a.x, b.y-a.y)
		for t := 0.0; t < n; t += dash[0] + dash[1] {
			e := min(t+dash[0], n)
			segment(point{a.x + (b.x-a.x)*t/n, a.y + (b.y-a.y)*t/n}, point{a.x + (b.x-a.x)*e/n, a.y + (b.y-a.y)*e/n})
		}
	}
	if len(pts) > 2 && !dashed { // round joins
		for _, p := range pts[1 : len(pts)-1] {
			shapes = append(shapes, disc(p.x, p.y, width/2))
		}
	}
	// Each piece alone: pieces that overlap would add up past opaque
	// at the edges, and a join drawn twice looks heavier.
	for _, s := range shapes {
		c.fill(stroke, s)
	}
}

func (c *pngCanvas) circle(x, y, r float64, fill string) { c.fill(fill, disc(x, y, r)) }

// disc is a circle as a polygon of 32 sides.
func disc(x, y, r float64) []point {
	pts := make([]point, 32)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(len(pts))
		pts[i] = point{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	return pts
}

func (c *pngCanvas) text(x, y float64, s string, st textStyle) {
	if c.err == nil {
		if r, ok := c.font.missing(s); ok {
			c.err = fmt.Errorf("font %s has no glyph for %q (in %q); set GONGWEN_FONT to a font that has, or write SVG", c.font.Path, r, s)
		}
	}
	face := c.face(st.size)
	w := float64(font.MeasureString(face, s)) / 64
	x *= c.scale
	switch st.anchor {
	case middle:
		x -= w / 2
	case end:
		x -= w
	}
	y *= c.scale
	draw := func(col string, dx, dy float64) {
		d := font.Drawer{Dst: c.img, Src: image.NewUniform(parseColor(col)), Face: face,
			Dot: fixed.Point26_6{X: fixed.Int26_6((x + dx) * 64), Y: fixed.Int26_6((y + dy) * 64)}}
		d.DrawString(s)
	}
	if st.halo {
		for _, a := range []float64{0, 45, 90, 135, 180, 225, 270, 315} {
			r := 1.5 * c.scale
			draw("#ffffff", r*math.Cos(a*math.Pi/180), r*math.Sin(a*math.Pi/180))
		}
	}
	draw(st.color, 0, 0)
	if st.bold { // the font has one weight: draw it again a little to the right
		draw(st.color, c.scale*0.5, 0)
	}
}

func (c *pngCanvas) finish(w io.Writer) error {
	if c.err != nil {
		return c.err
	}
	var buf bytes.Buffer // a failed chart writes nothing
	if err := png.Encode(&buf, c.img); err != nil {
		return err
	}
	_, err := buf.WriteTo(w)
	return err
}

// parseColor reads #rrggbb.
func parseColor(hex string) color.RGBA {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}
