package export

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Chart draws a table as SVG: a line per place across the years (ByIssuer,
// ByRegion) or per column (ByYear), or, when there is a single year, a
// horizontal bar per place with its value written at the end. Only cells in
// the table's main unit are drawn, since values in % and 件 share no axis;
// the unknown year is left out. Text asks for a Chinese font first (see
// FontFamily) and the picture is meant to be shown at its own size.
func Chart(w io.Writer, t *Table) error {
	return drawChart(w, t, newSVGCanvas(), 0)
}

// ChartWidth draws the chart of Chart at most width pixels wide, for a
// narrow screen: a narrower plot, shorter labels and the legend under the
// plot rather than beside it. Below about 320 pixels it is wider than asked.
func ChartWidth(w io.Writer, t *Table, width int) error {
	return drawChart(w, t, newSVGCanvas(), float64(max(width, 0)))
}

// ChartPNG draws the chart of Chart as a PNG image at twice its pixel size
// (sharp on a slide or in print), with the text in f (see FindFont).
func ChartPNG(w io.Writer, t *Table, f *Font) error {
	c, err := newPNGCanvas(f, 2)
	if err != nil {
		return err
	}
	return drawChart(w, t, c, 0)
}

// FontFamily is the font stack of the SVG chart: Chinese fonts first, so that
// a browser does not take the Latin digits of a Western font and the Chinese
// of some fallback.
const FontFamily = `'Noto Sans CJK SC','Source Han Sans SC','Noto Sans SC','WenQuanYi Micro Hei','WenQuanYi Zen Hei','PingFang SC','Hiragino Sans GB','Microsoft YaHei',sans-serif`

// chartSeries is the values of one place across the years.
type chartSeries struct {
	name   string
	years  []int
	values []float64
	approx []bool
}

// chartData is what a chart shows, in the unit of its axis.
type chartData struct {
	title  string // 地区生产总值
	unit   string // of the axis and the value labels: 亿元
	series []chartSeries
	years  []int   // the years drawn, in order
	source string  // the documents and years the values come from
	width  float64 // the most the chart may take, 0 for its own width
}

func drawChart(w io.Writer, t *Table, c canvas, width float64) error {
	d, err := newChartData(t)
	if err != nil {
		return err
	}
	d.width = width
	if len(d.years) == 1 {
		barChart(c, d)
	} else {
		lineChart(c, d)
	}
	if err := c.finish(w); err != nil {
		return fmt.Errorf("export: chart of %s: %w", t.Indicator, err)
	}
	return nil
}

func newChartData(t *Table) (*chartData, error) {
	series, docs := t.series()
	if len(series) == 0 {
		return nil, fmt.Errorf("export: chart of %s: no values with a known year to draw", t.Indicator)
	}
	d := &chartData{title: chartTitle(t), series: series}
	for _, s := range series {
		for _, y := range s.years {
			if !slices.Contains(d.years, y) {
				d.years = append(d.years, y)
			}
		}
	}
	slices.Sort(d.years)
	d.unit = scale(series) + t.Unit
	years := strconv.Itoa(d.years[0])
	if n := len(d.years); n > 1 {
		years += "—" + strconv.Itoa(d.years[n-1])
	}
	d.source = fmt.Sprintf("来源：%d 份文件，%s 年度；gongwen compare %s", docs, years, t.Indicator)
	return d, nil
}

// chartTitle names what the chart shows: the measure when the table has one
// (GDP is drawn as 地区生产总值), else the indicator as asked.
func chartTitle(t *Table) string {
	if t.Measure != "" && !strings.Contains(t.Indicator, ":") {
		return t.Measure
	}
	return t.Indicator
}

// scale divides the values by 1e8 or 1e4 when the largest calls for it, as
// FormatValue would write it, and returns the magnitude: 亿, 万 or "".
func scale(series []chartSeries) string {
	top := 0.0
	for _, s := range series {
		for _, v := range s.values {
			top = max(top, math.Abs(v))
		}
	}
	div, magnitude := 1.0, ""
	switch {
	case top >= 1e8:
		div, magnitude = 1e8, "亿"
	case top >= 1e6:
		div, magnitude = 1e4, "万"
	}
	for _, s := range series {
		for i := range s.values {
			s.values[i] /= div
		}
	}
	return magnitude
}

// series reads the table by place (rows, or the columns of a ByYear table)
// and counts the documents the values drawn come from.
func (t *Table) series() ([]chartSeries, int) {
	places, years := t.Rows, t.Columns
	cell := func(p, y int) *Cell { return t.Cells[p][y] }
	if t.By == ByYear {
		places, years = t.Columns, t.Rows
		cell = func(p, y int) *Cell { return t.Cells[y][p] }
	}
	docs := map[string]bool{}
	var out []chartSeries
	for p, name := range places {
		s := chartSeries{name: name}
		for y, label := range years {
			year, err := strconv.Atoi(label)
			c := cell(p, y)
			if err != nil || c == nil || c.Count == 0 || c.Unit != t.Unit || math.IsNaN(c.Value) || math.IsInf(c.Value, 0) {
				continue
			}
			s.years = append(s.years, year)
			s.values = append(s.values, c.Value)
			s.approx = append(s.approx, c.Approx)
			docs[cmp.Or(c.DocID, name+label)] = true
		}
		if len(s.values) > 0 {
			out = append(out, s)
		}
	}
	return out, len(docs)
}

// The sizes of a chart, in pixels.
const (
	margin     = 16.0
	titleSize  = 16.0
	textSize   = 12.0
	sourceSize = 11.0
	maxLabel   = 220.0 // place names longer than this are cut with …
)

// The colours of a chart.
const (
	inkColor   = "#222222"
	mutedColor = "#666666"
	gridColor  = "#e3e3e3"
	axisColor  = "#888888"
)

// palette is Tableau 10: ten colours told apart also in print.
var palette = []string{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"}

// header draws the title with its unit, and the line under it.
func header(c canvas, d *chartData, note string) {
	title := d.title
	if d.unit != "" {
		title += "（" + d.unit + "）"
	}
	c.text(margin, margin+titleSize, title, textStyle{size: titleSize, color: inkColor, bold: true})
	if note != "" {
		c.text(margin, margin+titleSize+20, note, textStyle{size: textSize, color: mutedColor})
	}
}

// headerWidth is the width the title and the source line need.
func headerWidth(c canvas, d *chartData) float64 {
	w := c.textWidth(d.title+"（"+d.unit+"）", titleSize)
	for _, l := range sourceLines(c, d) {
		w = max(w, c.textWidth(l, sourceSize))
	}
	return 2*margin + w
}

// sourceLines is the source line, in two when the chart is too narrow for one.
func sourceLines(c canvas, d *chartData) []string {
	if d.width > 0 && c.textWidth(d.source, sourceSize) > d.width-2*margin {
		if a, b, ok := strings.Cut(d.source, "；"); ok {
			return []string{a + "；", b}
		}
	}
	return []string{d.source}
}

// footer writes the source line(s) at the bottom of a chart height high.
func footer(c canvas, d *chartData, height float64) {
	lines := sourceLines(c, d)
	for i, l := range lines {
		c.text(margin, height-margin-float64(len(lines)-1-i)*(sourceSize+4), l, textStyle{size: sourceSize, color: mutedColor})
	}
}

// footerHeight is the height the source lines take under the last text.
func footerHeight(c canvas, d *chartData) float64 {
	return float64(len(sourceLines(c, d))-1) * (sourceSize + 4)
}

// between keeps v within lo and hi.
func between(v, lo, hi float64) float64 { return max(lo, min(v, hi)) }

// barChart draws one year as horizontal bars, one per place, longest scale
// to the right, each with its value at its end.
func barChart(c canvas, d *chartData) {
	const pitch, barHeight = 28.0, 18.0
	plotWidth, longest := 480.0, maxLabel
	if d.width > 0 {
		longest = min(maxLabel, d.width*0.35)
	}
	labels := make([]string, len(d.series))
	values := make([]string, len(d.series))
	labelWidth, valueWidth := 0.0, 0.0
	lo, hi := 0.0, 0.0
	for i, s := range d.series {
		labels[i] = fit(c, s.name, textSize, longest)
		values[i] = valueLabel(s.values[0], s.approx[0])
		labelWidth = max(labelWidth, c.textWidth(labels[i], textSize))
		valueWidth = max(valueWidth, c.textWidth(values[i], textSize))
		lo, hi = min(lo, s.values[0]), max(hi, s.values[0])
	}
	ticks := niceTicks(lo, hi, 5)
	lo, hi = ticks[0], ticks[len(ticks)-1]
	labelRight := margin + labelWidth
	left := labelRight + 10
	if lo < 0 { // room for the value of a bar to the left
		left += valueWidth + 6
	}
	if d.width > 0 {
		plotWidth = between(d.width-left-valueWidth-6-margin, 120, plotWidth)
	}
	right := left + plotWidth
	width := max(right+valueWidth+6+margin, headerWidth(c, d))
	top := margin + titleSize + 34
	bottom := top + pitch*float64(len(d.series))
	height := bottom + 52 + footerHeight(c, d)
	x := func(v float64) float64 { return left + (v-lo)/(hi-lo)*plotWidth }

	c.begin(width, height, d.title)
	header(c, d, strconv.Itoa(d.years[0])+" 年度")
	tickWidth := 0.0
	for _, v := range ticks {
		tickWidth = max(tickWidth, c.textWidth(trimFloat(v), textSize))
	}
	every := int(math.Ceil((tickWidth + 12) / (plotWidth / float64(len(ticks)-1)))) // labels that fit
	for i, v := range ticks {
		c.polyline([]point{{x(v), top}, {x(v), bottom}}, gridColor, 1, false)
		if i%every == 0 {
			c.text(x(v), bottom+16, trimFloat(v), textStyle{size: textSize, color: mutedColor, anchor: middle})
		}
	}
	c.polyline([]point{{x(0), top}, {x(0), bottom}}, axisColor, 1, false)
	for i, s := range d.series {
		v := s.values[0]
		y := top + pitch*float64(i) + (pitch-barHeight)/2
		x0, x1 := min(x(0), x(v)), max(x(0), x(v))
		c.rect(x0, y, max(x1-x0, 1), barHeight, palette[0])
		mid := y + barHeight/2 + textSize*0.35
		c.text(labelRight, mid, labels[i], textStyle{size: textSize, color: inkColor, anchor: end})
		if v < 0 {
			c.text(x0-4, mid, values[i], textStyle{size: textSize, color: inkColor, anchor: end})
		} else {
			c.text(x1+4, mid, values[i], textStyle{size: textSize, color: inkColor})
		}
	}
	footer(c, d, height)
}

// lineChart draws a line per place across the years, with a legend on the
// right; the values are written at the points when there are few.
func lineChart(c canvas, d *chartData) {
	const plotHeight, legendPitch = 300.0, 20.0
	plotWidth := 560.0
	yr, ticks := lineRange(d.series, d.unit == "%")
	tickWidth := 0.0
	for _, v := range ticks {
		tickWidth = max(tickWidth, c.textWidth(trimFloat(v), textSize))
	}
	left := margin + tickWidth + 8
	// The legend goes beside the plot, or under it when the chart must be
	// narrow.
	below := d.width > 0 && d.width < 620
	longest := maxLabel
	if below {
		longest = d.width - 2*margin - 28
	}
	names := make([]string, len(d.series))
	legendWidth := 0.0
	for i, s := range d.series {
		names[i] = fit(c, s.name, textSize, longest)
		legendWidth = max(legendWidth, 28+c.textWidth(names[i], textSize))
	}
	switch {
	case below:
		plotWidth = between(d.width-left-margin-8, 200, plotWidth)
	case d.width > 0:
		plotWidth = between(d.width-left-24-legendWidth-margin, 300, plotWidth)
	}
	right := left + plotWidth
	top := margin + titleSize + 34
	bottom := top + plotHeight
	legendX, legendY := right+24, top+6
	width := max(right+24+legendWidth+margin, headerWidth(c, d))
	height := max(bottom, top+legendPitch*float64(len(d.series))) + 56
	if below {
		legendX, legendY = left, bottom+44
		width = max(right+8+margin, legendX+legendWidth+margin, headerWidth(c, d))
		height = legendY + legendPitch*float64(len(d.series)) + 24
	}
	height += footerHeight(c, d)

	first, last := d.years[0], d.years[len(d.years)-1]
	span := float64(last - first + 1)
	x := func(year int) float64 { return left + (float64(year-first)+0.5)/span*plotWidth }
	y := func(v float64) float64 { return bottom - (v-yr.lo)/(yr.hi-yr.lo)*plotHeight }

	c.begin(width, height, d.title)
	header(c, d, "")
	for _, v := range ticks {
		c.polyline([]point{{left, y(v)}, {right, y(v)}}, gridColor, 1, false)
		c.text(left-8, y(v)+textSize*0.35, trimFloat(v), textStyle{size: textSize, color: mutedColor, anchor: end})
	}
	c.polyline([]point{{left, bottom}, {right, bottom}}, axisColor, 1, false)
	every := int(math.Ceil(span / math.Floor(plotWidth/48))) // year labels that fit
	for year := first; year <= last; year++ {
		if (year-first)%every == 0 {
			c.polyline([]point{{x(year), bottom}, {x(year), bottom + 4}}, axisColor, 1, false)
			c.text(x(year), bottom+18, strconv.Itoa(year), textStyle{size: textSize, color: mutedColor, anchor: middle})
		}
	}

	points := 0
	for _, s := range d.series {
		points += len(s.values)
	}
	var labels []pointLabel
	for i, s := range d.series {
		color := palette[i%len(palette)]
		dashed := i >= len(palette) // the colours come round again
		// The row of documents without a place gathers several places: its
		// values are not joined into a line.
		gathered := s.name == UnknownRegion || s.name == UnknownIssuer
		var line []point
		for j, year := range s.years {
			line = append(line, point{x(year), y(s.values[j])})
		}
		for j, p := range line {
			if points <= 40 || j == len(line)-1 {
				side := sideRight
				if !gathered {
					side = labelSide(line, j)
				}
				labels = append(labels, pointLabel{at: p, side: side, text: valueLabel(s.values[j], s.approx[j]), color: color})
			}
		}
		if !gathered {
			c.polyline(line, color, 2, dashed)
		}
		for _, p := range line {
			c.circle(p.x, p.y, 3.5, color)
		}
		ly := legendY + legendPitch*float64(i)
		if gathered {
			c.circle(legendX+10, ly, 3.5, color)
		} else {
			c.polyline([]point{{legendX, ly}, {legendX + 20, ly}}, color, 3, dashed)
		}
		c.text(legendX+26, ly+textSize*0.35, names[i], textStyle{size: textSize, color: inkColor})
	}
	for _, l := range placeLabels(c, labels) {
		c.text(l.at.x, l.at.y, l.text, textStyle{size: textSize - 1, color: l.color, anchor: l.anchor, halo: true})
	}
	footer(c, d, height)
}

// pointLabel is a value written beside its point of a line.
type pointLabel struct {
	at     point // the point; after placeLabels, where the text is anchored
	side   side
	text   string
	color  string
	anchor anchor
}

// side is where a label goes from its point: where its line is not.
type side int

const (
	sideRight side = iota
	sideLeft
	sideAbove
	sideBelow
	sideAboveLeft
	sideAboveRight
)

// labelSide is the side of point j of line free of the line: left of the
// first point, right of the last, above a peak, below a trough, and on a
// slope above on the side it falls to.
func labelSide(line []point, j int) side {
	switch {
	case j == len(line)-1:
		return sideRight
	case j == 0:
		return sideLeft
	}
	higher, higherThanNext := line[j].y < line[j-1].y, line[j].y < line[j+1].y // y grows downwards
	switch {
	case higher && higherThanNext:
		return sideAbove
	case !higher && !higherThanNext:
		return sideBelow
	case higher:
		return sideAboveLeft
	}
	return sideAboveRight
}

// placeLabels puts each label on its side of its point, or, where that
// would cover a label placed before or another point, on the first side free
// of both, so that where lines cross the values stay apart.
func placeLabels(c canvas, labels []pointLabel) []pointLabel {
	size := textSize - 1
	var boxes []box
	for _, l := range labels {
		boxes = append(boxes, box{l.at.x - 4, l.at.y - 4, l.at.x + 4, l.at.y + 4}) // the dots
	}
	out := slices.Clone(labels)
	for i := range out {
		l := &out[i]
		w := c.textWidth(l.text, size)
		at, a := labelAt(l.at, l.side) // where it belongs, if nowhere is free
		for _, sd := range []side{l.side, sideRight, sideLeft, sideAbove, sideBelow, sideAboveLeft, sideAboveRight} {
			p, an := labelAt(l.at, sd)
			if !slices.ContainsFunc(boxes, textBox(p, an, w, size).overlaps) {
				at, a = p, an
				break
			}
		}
		l.at, l.anchor = at, a
		boxes = append(boxes, textBox(at, a, w, size))
	}
	return out
}

// labelAt is where the text of a label on side sd of point p goes.
func labelAt(p point, sd side) (point, anchor) {
	switch sd {
	case sideLeft:
		return point{p.x - 7, p.y + textSize*0.35}, end
	case sideAbove:
		return point{p.x, p.y - 8}, middle
	case sideBelow:
		return point{p.x, p.y + 8 + textSize}, middle
	case sideAboveLeft:
		return point{p.x - 5, p.y - 6}, end
	case sideAboveRight:
		return point{p.x + 5, p.y - 6}, start
	}
	return point{p.x + 7, p.y + textSize*0.35}, start
}

// box is a rectangle: left, top, right, bottom.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 }

// textBox is the box of text w wide at size anchored at p (on its baseline).
func textBox(p point, a anchor, w, size float64) box {
	x := p.x
	switch a {
	case middle:
		x -= w / 2
	case end:
		x -= w
	}
	return box{x, p.y - size*0.9, x + w, p.y + size*0.2}
}

// valueLabel writes a value of the axis's unit for a label: 2376.5, ~99.
func valueLabel(v float64, approx bool) string {
	s := trimFloat(v)
	if approx {
		s = "~" + s
	}
	return s
}

// fit cuts s with … to at most width pixels.
func fit(c canvas, s string, size, width float64) string {
	if c.textWidth(s, size) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 && c.textWidth(string(r)+"…", size) > width {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// valueRange is a range of values on an axis.
type valueRange struct{ lo, hi float64 }

// lineRange spans the values with a margin, on round ticks: lines compare
// by slope, and rates of 96% and 99% must not look the same. It starts at
// zero when the values come close to it.
func lineRange(series []chartSeries, percent bool) (valueRange, []float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s.values {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	maxValue := hi
	pad := max((hi-lo)*0.15, math.Abs(hi)*0.01, 1e-9)
	lo, hi = lo-pad, hi+pad
	if lo > 0 && lo < (hi-lo)*0.5 || lo < 0 && lo+pad >= 0 {
		lo = 0
	}
	step := niceStep((hi - lo) / 6)
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if percent && hi > 100 && maxValue <= 100 {
		hi = 100 // rates end at 100%
	}
	var ticks []float64
	for i := 0; lo+float64(i)*step <= hi+step/2; i++ {
		ticks = append(ticks, lo+float64(i)*step)
	}
	return valueRange{lo, hi}, ticks
}

// niceTicks returns about n round ticks from at most lo to at least hi
// (bars start at zero, so lo ≤ 0 ≤ hi there).
func niceTicks(lo, hi float64, n int) []float64 {
	if hi == lo {
		hi = lo + 1
	}
	step := nearStep((hi - lo) / float64(n))
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	var ticks []float64
	for i := 0; lo+float64(i)*step <= hi+step/2; i++ {
		ticks = append(ticks, lo+float64(i)*step)
	}
	return ticks
}

// nearStep rounds a tick step to the nearest of 1, 2 or 5 times a power of
// ten (120 in 5 steps: 20, not 50).
func nearStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	best := p
	for _, m := range []float64{2, 5, 10} {
		if math.Abs(math.Log(m*p/raw)) < math.Abs(math.Log(best/raw)) {
			best = m * p
		}
	}
	return best
}

// niceStep rounds a tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}
