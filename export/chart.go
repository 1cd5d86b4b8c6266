package export

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Chart draws a table as SVG with go-chart: one line per row across the
// years (ByIssuer, ByRegion) or per column (ByYear), or, when there is a
// single year, one bar per place. Only cells in the table's main unit are
// drawn, since values in % and 件 share no axis; the unknown year is left
// out.
func Chart(w io.Writer, t *Table) error {
	series := t.series()
	if len(series) == 0 {
		return fmt.Errorf("export: chart of %s: no values with a known year to draw", t.Indicator)
	}
	years := map[int]bool{}
	for _, s := range series {
		for _, y := range s.years {
			years[y] = true
		}
	}
	// Large values are drawn in 万 or 亿, named in the title, so that tick
	// labels stay numbers (go-chart measures Chinese text too narrow).
	magnitude := scale(series)
	title := html.EscapeString(t.Indicator) // go-chart writes text into the SVG unescaped
	if unit := magnitude + t.Unit; unit != "" {
		title += "（" + html.EscapeString(unit) + "）"
	}
	if len(years) == 1 {
		return barChart(w, title, series)
	}
	return lineChart(w, title, t.Unit, series, years)
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

// chartSeries is the values of one place across the years.
type chartSeries struct {
	name   string
	years  []int
	values []float64
}

// series reads the table by place: rows, or the columns of a ByYear table.
func (t *Table) series() []chartSeries {
	places, years := t.Rows, t.Columns
	cell := func(p, y int) *Cell { return t.Cells[p][y] }
	if t.By == ByYear {
		places, years = t.Columns, t.Rows
		cell = func(p, y int) *Cell { return t.Cells[y][p] }
	}
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
		}
		if len(s.values) > 0 {
			out = append(out, s)
		}
	}
	return out
}

func lineChart(w io.Writer, title, unit string, series []chartSeries, years map[int]bool) error {
	lo, hi := math.Inf(1), math.Inf(-1)
	for y := range years {
		lo, hi = min(lo, float64(y)), max(hi, float64(y))
	}
	// go-chart spans the x axis from the first tick to the last: two
	// unlabelled ticks keep the first and last years off the edges.
	ticks := []chart.Tick{{Value: lo - 0.3}}
	for y := int(lo); y <= int(hi); y++ {
		ticks = append(ticks, chart.Tick{Value: float64(y), Label: strconv.Itoa(y)})
	}
	ticks = append(ticks, chart.Tick{Value: hi + 0.3})
	legendWidth := legendWidth(series)
	yRange, yTicks := lineRange(series, unit == "%")
	c := chart.Chart{
		Title:      title,
		Width:      800 + legendWidth,
		Height:     480,
		Background: chart.Style{Padding: chart.Box{Top: 60, Left: 20, Right: 20 + legendWidth, Bottom: 20}},
		XAxis:      chart.XAxis{Ticks: ticks},
		YAxis:      chart.YAxis{AxisType: chart.YAxisSecondary, Range: yRange, Ticks: yTicks}, // drawn on the left
		// The right axis has no series: hidden, or go-chart draws it at nonsense coordinates.
		YAxisSecondary: chart.YAxis{Style: chart.Style{Hidden: true}},
	}
	for i, s := range series {
		xs := make([]float64, len(s.years))
		for j, y := range s.years {
			xs[j] = float64(y)
		}
		color := seriesColor(i)
		style := chart.Style{StrokeColor: color, StrokeWidth: 2, DotColor: color, DotWidth: 4}
		if i >= len(palette) {
			style.StrokeDashArray = []float64{6, 4} // the colours come round again
		}
		c.Series = append(c.Series, chart.ContinuousSeries{
			Name:    html.EscapeString(s.name),
			XValues: xs,
			YValues: s.values,
			Style:   style,
		})
	}
	c.Elements = []chart.Renderable{legend(&c)}
	return render(w, c.Render)
}

// palette is Tableau 10: ten colours told apart also in print.
var palette = []string{"4e79a7", "f28e2b", "e15759", "76b7b2", "59a14f", "edc948", "b07aa1", "ff9da7", "9c755f", "bab0ac"}

func seriesColor(i int) drawing.Color { return drawing.ColorFromHex(palette[i%len(palette)]) }

const legendFontSize = 10.0 // points

// legendWidth estimates the width in pixels of the legend of series: go-chart
// measures text with a Latin font, which has no Chinese glyphs.
func legendWidth(series []chartSeries) int {
	cols := 0
	for _, s := range series {
		cols = max(cols, displayWidth(s.name))
	}
	em := legendFontSize * chart.DefaultDPI / 72
	return 40 + int(float64(cols)*em*0.55)
}

// legend draws each series' colour and name to the right of the plot.
func legend(c *chart.Chart) chart.Renderable {
	return func(r chart.Renderer, plot chart.Box, defaults chart.Style) {
		text := chart.Style{FontSize: legendFontSize, FontColor: chart.DefaultTextColor}.InheritFrom(defaults)
		x, y := plot.Right+20, plot.Top+10
		for _, s := range c.Series {
			line := s.GetStyle()
			r.SetStrokeColor(line.StrokeColor)
			r.SetStrokeWidth(3)
			r.SetStrokeDashArray(line.StrokeDashArray)
			r.MoveTo(x, y-4)
			r.LineTo(x+20, y-4)
			r.Stroke()
			text.GetTextOptions().WriteToRenderer(r)
			r.Text(s.GetName(), x+26, y)
			y += 20
		}
	}
}

func barChart(w io.Writer, title string, series []chartSeries) error {
	c := chart.BarChart{
		Title:      title + " " + strconv.Itoa(series[0].years[0]),
		Width:      max(400, 120*len(series)+120),
		Height:     500,
		BarWidth:   60,
		Background: chart.Style{Padding: chart.Box{Top: 60, Bottom: 20}},
		YAxis:      chart.YAxis{Range: valueRange(series), ValueFormatter: formatTick},
	}
	for i, s := range series {
		c.Bars = append(c.Bars, chart.Value{
			Label: html.EscapeString(s.name),
			Value: s.values[0],
			Style: chart.Style{FillColor: seriesColor(i), StrokeColor: seriesColor(i)},
		})
	}
	return render(w, c.Render)
}

// lineRange spans the values with a margin, on round ticks: lines compare
// by slope, and rates of 96% and 99% must not look the same. It starts at
// zero when the values come close to it.
func lineRange(series []chartSeries, percent bool) (*chart.ContinuousRange, []chart.Tick) {
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
	var ticks []chart.Tick
	for i := 0; lo+float64(i)*step <= hi+step/2; i++ {
		v := lo + float64(i)*step
		ticks = append(ticks, chart.Tick{Value: v, Label: trimFloat(v)})
	}
	return &chart.ContinuousRange{Min: lo, Max: hi}, ticks
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

// valueRange starts the axis at zero (or below, for negative values) so
// that bars compare by height.
func valueRange(series []chartSeries) *chart.ContinuousRange {
	lo, hi := 0.0, 0.0
	for _, s := range series {
		for _, v := range s.values {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	return &chart.ContinuousRange{Min: lo, Max: hi + (hi-lo)*0.1}
}

func formatTick(v any) string {
	if f, ok := v.(float64); ok {
		return trimFloat(f)
	}
	return ""
}

// render draws into a buffer first, so a failed chart writes nothing.
func render(w io.Writer, draw func(chart.RendererProvider, io.Writer) error) error {
	var buf bytes.Buffer
	if err := draw(chart.SVG, &buf); err != nil {
		return fmt.Errorf("export: chart: %w", err)
	}
	if buf.Len() == 0 {
		return errors.New("export: chart: nothing drawn")
	}
	_, err := buf.WriteTo(w)
	return err
}
