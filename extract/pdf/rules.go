package pdf

import (
	"math"
	"sort"

	pdflib "github.com/ledongthuc/pdf"
)

// A point is a position in page space.
type point struct{ x, y float64 }

// apply maps (x, y) through m.
func (m matrix) apply(x, y float64) point {
	return point{m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]}
}

// A segment is a horizontal or vertical ruling line in page space, with x0 ≤ x1 and y0 ≤ y1: a
// horizontal one has y0 == y1, a vertical one x0 == x1.
type segment struct {
	x0, y0, x1, y1 float64
}

func (s segment) horizontal() bool { return s.y0 == s.y1 }

// The path being built by the content stream, in page space: subpaths of points.
type path struct {
	subpaths [][]point
}

func (p *path) moveTo(pt point) {
	if len(p.subpaths) < maxSubpaths {
		p.subpaths = append(p.subpaths, []point{pt})
	}
}

func (p *path) lineTo(pt point) {
	n := len(p.subpaths)
	if n == 0 {
		p.moveTo(pt)
		return
	}
	if len(p.subpaths[n-1]) < maxPathPoints {
		p.subpaths[n-1] = append(p.subpaths[n-1], pt)
	}
}

func (p *path) close() {
	if n := len(p.subpaths); n > 0 && len(p.subpaths[n-1]) > 1 {
		p.lineTo(p.subpaths[n-1][0])
	}
}

func (p *path) reset() { p.subpaths = p.subpaths[:0] }

// bounds returns the path's bounding box.
func (p *path) bounds() box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, sp := range p.subpaths {
		for _, pt := range sp {
			b = box{math.Min(b.x0, pt.x), math.Min(b.y0, pt.y), math.Max(b.x1, pt.x), math.Max(b.y1, pt.y)}
		}
	}
	return b
}

// A box is a rectangle in page space.
type box struct{ x0, y0, x1, y1 float64 }

// everywhere is the clip of a page before any clipping path is set.
var everywhere = box{math.Inf(-1), math.Inf(-1), math.Inf(1), math.Inf(1)}

func (b box) intersect(c box) box {
	return box{math.Max(b.x0, c.x0), math.Max(b.y0, c.y0), math.Min(b.x1, c.x1), math.Min(b.y1, c.y1)}
}

// shows reports whether the middle of span s lies inside b (give or take a point): a span whose middle
// is clipped away is not seen. WPS prints a spreadsheet cell taller than a page by drawing all its
// text on each page it spans, clipped to the part of the cell on that page.
func (b box) shows(s span) bool {
	const slack = 1
	x, y := (s.x+s.end)/2, s.y+0.3*s.size
	return x >= b.x0-slack && x <= b.x1+slack && y >= b.y0-slack && y <= b.y1+slack
}

// A hostile content stream could build one path of millions of points: paths are cut at these sizes,
// and a page keeps at most maxRules ruling lines (a dense real table has a few thousand).
const (
	maxSubpaths   = 10000
	maxPathPoints = 10000
	maxRules      = 20000
)

// Thin shapes are lines: a filled rectangle at most ruleWidth thick is a ruling line drawn as a
// rectangle, as Word does; anything thicker (cell shading, a chart's bar) is not a line.
const ruleWidth = 3.0

// strokedRules returns the horizontal and vertical pieces of the stroked path.
func (p *path) strokedRules() []segment {
	var out []segment
	for _, sp := range p.subpaths {
		for i := 1; i < len(sp); i++ {
			if s, ok := axisSegment(sp[i-1], sp[i]); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// filledRules returns the filled subpaths thin enough to be lines, as lines along their middle.
func (p *path) filledRules() []segment {
	var out []segment
	for _, sp := range p.subpaths {
		if len(sp) < 3 {
			continue
		}
		x0, y0, x1, y1 := sp[0].x, sp[0].y, sp[0].x, sp[0].y
		for _, pt := range sp[1:] {
			x0, x1 = math.Min(x0, pt.x), math.Max(x1, pt.x)
			y0, y1 = math.Min(y0, pt.y), math.Max(y1, pt.y)
		}
		w, h := x1-x0, y1-y0
		switch {
		case h <= ruleWidth && w > h:
			out = append(out, segment{x0, (y0 + y1) / 2, x1, (y0 + y1) / 2})
		case w <= ruleWidth && h > w:
			out = append(out, segment{(x0 + x1) / 2, y0, (x0 + x1) / 2, y1})
		}
	}
	return out
}

// axisSegment returns the line from a to b if it is horizontal or vertical (give or take a little
// for rounding) and not a mere dot.
func axisSegment(a, b point) (segment, bool) {
	const slack = 0.5
	dx, dy := math.Abs(a.x-b.x), math.Abs(a.y-b.y)
	switch {
	case dy <= slack && dx >= 1:
		y := (a.y + b.y) / 2
		return segment{math.Min(a.x, b.x), y, math.Max(a.x, b.x), y}, true
	case dx <= slack && dy >= 1:
		x := (a.x + b.x) / 2
		return segment{x, math.Min(a.y, b.y), x, math.Max(a.y, b.y)}, true
	}
	return segment{}, false
}

func (in *interpreter) addRules(rules []segment) {
	for _, s := range rules {
		if len(in.rules) >= maxRules {
			return
		}
		if finite(s.x0) && finite(s.y0) && finite(s.x1) && finite(s.y1) {
			in.rules = append(in.rules, s)
		}
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// isWhite reports whether a colour operator's operands are white: gray 1, RGB 1 1 1 or CMYK 0 0 0 0.
// Lines painted white are invisible, and WPS paints white boxes behind its tables.
func isWhite(op string, args []pdflib.Value) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if k := a.Kind(); k != pdflib.Integer && k != pdflib.Real {
			return false // a pattern or a name
		}
	}
	cmyk := op == "k" || op == "K" || len(args) == 4
	for _, a := range args {
		v := a.Float64()
		if cmyk && v > 0.01 || !cmyk && v < 0.99 {
			return false
		}
	}
	return len(args) == 1 || len(args) == 3 || len(args) == 4
}

// mergeRules joins ruling lines that continue one another (a border drawn cell by cell) or overlap
// (a border drawn twice, or as the edges of two neighbouring cells), after snapping lines that are
// within snap of each other to one position. It returns the horizontal and the vertical lines.
func mergeRules(rules []segment) (hs, vs []segment) {
	for _, s := range rules {
		if s.horizontal() {
			hs = append(hs, s)
		} else {
			vs = append(vs, s)
		}
	}
	return mergeLines(hs, true), mergeLines(vs, false)
}

// Ruling lines closer than snap points are one line; pieces of a line with a gap up to join points
// between them are one line.
const (
	snap = 1.5
	join = 2.0
)

// mergeLines merges parallel lines: horizontal ones (at y from x0 to x1) or vertical ones.
func mergeLines(lines []segment, horizontal bool) []segment {
	// In terms of the line's own axis: pos is where it sits, [lo, hi] what it covers.
	pos := func(s segment) float64 { return s.y0 }
	lo := func(s segment) float64 { return s.x0 }
	hi := func(s segment) float64 { return s.x1 }
	build := func(p, l, h float64) segment { return segment{l, p, h, p} }
	if !horizontal {
		pos = func(s segment) float64 { return s.x0 }
		lo = func(s segment) float64 { return s.y0 }
		hi = func(s segment) float64 { return s.y1 }
		build = func(p, l, h float64) segment { return segment{p, l, p, h} }
	}
	sort.Slice(lines, func(i, j int) bool { return pos(lines[i]) < pos(lines[j]) })
	// Snap: positions within snap of the first line of a group take its position.
	var out []segment
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && pos(lines[j])-pos(lines[i]) <= snap {
			j++
		}
		group := lines[i:j]
		p := 0.0
		for _, s := range group {
			p += pos(s)
		}
		p /= float64(len(group))
		sort.Slice(group, func(a, b int) bool { return lo(group[a]) < lo(group[b]) })
		cur := build(p, lo(group[0]), hi(group[0]))
		for _, s := range group[1:] {
			if lo(s) <= hi(cur)+join {
				cur = build(p, lo(cur), math.Max(hi(cur), hi(s)))
				continue
			}
			out = append(out, cur)
			cur = build(p, lo(s), hi(s))
		}
		out = append(out, cur)
		i = j
	}
	return out
}
