package export

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// svgSummary is what a chart shows: its texts, the dots marking values of
// lines and the bars.
type svgSummary struct {
	width, height float64
	font          string
	texts         []string
	dots, bars    int
}

// parseSVG checks that data is well-formed SVG with every text inside the
// picture (by the width the chart estimates for it), and summarises it.
func parseSVG(t *testing.T, data []byte) svgSummary {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var s svgSummary
	var text *xml.StartElement
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("chart is not well-formed XML: %v\n%s", err, data)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
				s.width, s.height = attrNum(tok, "width"), attrNum(tok, "height")
				s.font = attr(tok, "font-family")
			}
			switch tok.Name.Local {
			case "text":
				text = &tok
				s.texts = append(s.texts, "")
			case "circle":
				s.dots++
			case "rect":
				if attr(tok, "x") != "" { // not the background
					s.bars++
				}
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				x, y, size := attrNum(*text, "x"), attrNum(*text, "y"), attrNum(*text, "font-size")
				w := estimateWidth(s.texts[len(s.texts)-1]) * size
				switch attr(*text, "text-anchor") {
				case "middle":
					x -= w / 2
				case "end":
					x -= w
				}
				if x < 0 || y-size < 0 || x+w > s.width+0.5 || y > s.height {
					t.Errorf("text %q (%.0f to %.0f, baseline %.0f) outside the %.0fx%.0f chart", s.texts[len(s.texts)-1], x, x+w, y, s.width, s.height)
				}
				text = nil
			}
		case xml.CharData:
			if text != nil {
				s.texts[len(s.texts)-1] += string(tok)
			}
		}
	}
	if root != "svg" {
		t.Fatalf("root element is %q, want svg", root)
	}
	return s
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func attrNum(e xml.StartElement, name string) float64 {
	v, _ := strconv.ParseFloat(attr(e, name), 64)
	return v
}

// hasTexts reports the wanted texts a chart lacks.
func hasTexts(t *testing.T, s svgSummary, want ...string) {
	t.Helper()
	texts := "|" + strings.Join(s.texts, "|") + "|"
	for _, w := range want {
		if !strings.Contains(texts, w) {
			t.Errorf("chart has no text %q; texts: %s", w, texts)
		}
	}
}

func TestChart(t *testing.T) {
	obs := fixtureObservations(t, "调解成功率")
	for _, by := range []By{ByIssuer, ByRegion, ByYear} {
		t.Run(string(by), func(t *testing.T) {
			tab := Compare("调解成功率", obs, by)
			var buf bytes.Buffer
			if err := Chart(&buf, tab); err != nil {
				t.Fatal(err)
			}
			s := parseSVG(t, buf.Bytes())
			if s.dots != 4 { // one dot per value: 2 + 1 + 1
				t.Errorf("%d dots, want 4 (one per value)", s.dots)
			}
			labels := tab.Rows
			if by == ByYear {
				labels = tab.Columns
			}
			// Places, the title in its unit, the years, every value, the source.
			hasTexts(t, s, labels...)
			hasTexts(t, s, "调解成功率（%）", "|2023|", "|2024|", "|96.5|", "|98.2|", "|98.7|", "|~99|",
				"来源：4 份文件，2023—2024 年度；gongwen compare 调解成功率")
			if !strings.HasPrefix(s.font, "'Noto Sans CJK SC',") || !strings.HasSuffix(s.font, ",sans-serif") {
				t.Errorf("font-family = %q, want a Chinese font first", s.font)
			}
		})
	}
}

func TestChartOneYearIsBars(t *testing.T) {
	obs := []Observation{
		{Name: "受理案件", Value: 120, Unit: "件", Year: 2024, Issuer: "A&B <局>", DocID: "a"},
		{Name: "受理案件", Value: 80, Unit: "件", Year: 2024, Issuer: "丙县人民政府", DocID: "b"},
		{Name: "受理案件", Value: 3, Unit: "%", Year: 2024, Issuer: "丁", DocID: "c"}, // another unit: not drawn
	}
	var buf bytes.Buffer
	if err := Chart(&buf, Compare("受理案件", obs, ByIssuer)); err != nil {
		t.Fatal(err)
	}
	s := parseSVG(t, buf.Bytes())
	hasTexts(t, s, "A&B <局>", "丙县人民政府", "受理案件（件）", "2024 年度", "|120|", "|80|", "来源：2 份文件，2024 年度")
	if s.bars != 2 {
		t.Errorf("%d bars, want 2", s.bars)
	}
	if strings.Contains(strings.Join(s.texts, "|"), "丁") {
		t.Errorf("chart draws a value in another unit: %s", s.texts)
	}
	// Ticks are round numbers from zero.
	hasTexts(t, s, "|0|", "|20|", "|40|", "|120|")
}

// TestChartTicks draws figures in 亿元 as reports give them: the axis is in
// 亿元 on round ticks and each bar says its value.
func TestChartTicks(t *testing.T) {
	var obs []Observation
	for i, v := range []float64{10450.132e8, 9600e8, 8600e8, 7700e8} {
		obs = append(obs, Observation{Name: "地区生产总值", Value: v, Unit: "元", Year: 2024, Issuer: string(rune('甲' + i)), DocID: strconv.Itoa(i)})
	}
	var buf bytes.Buffer
	if err := Chart(&buf, Compare("地区生产总值", obs, ByIssuer)); err != nil {
		t.Fatal(err)
	}
	s := parseSVG(t, buf.Bytes())
	hasTexts(t, s, "地区生产总值（亿元）", "|10450.132|", "|9600|", "|8600|", "|7700|", "|0|", "|2000|", "|10000|", "|12000|")
	if s.bars != 4 {
		t.Errorf("%d bars, want 4", s.bars)
	}
}

func TestChartNegativeBars(t *testing.T) {
	obs := []Observation{
		{Name: "地区生产总值增长", Value: 5.2, Unit: "%", Year: 2024, Issuer: "甲市人民政府", DocID: "a"},
		{Name: "地区生产总值增长", Value: -1.5, Unit: "%", Year: 2024, Issuer: "乙市人民政府", DocID: "b"},
	}
	var buf bytes.Buffer
	tab := Compare("change:地区生产总值", obs, ByIssuer)
	if err := Chart(&buf, tab); err != nil {
		t.Fatal(err)
	}
	s := parseSVG(t, buf.Bytes()) // the value left of the negative bar stays in the picture
	hasTexts(t, s, "change:地区生产总值（%）", "|5.2|", "|-1.5|", "|-2|", "|0|", "|6|")
}

func TestChartScale(t *testing.T) {
	obs := []Observation{
		{Name: "投入资金", Value: 1.77e8, Unit: "元", Year: 2023, Issuer: "甲"},
		{Name: "投入资金", Value: 2.5e8, Unit: "元", Year: 2024, Issuer: "甲"},
	}
	var buf bytes.Buffer
	if err := Chart(&buf, Compare("投入资金", obs, ByIssuer)); err != nil {
		t.Fatal(err)
	}
	s := parseSVG(t, buf.Bytes())
	hasTexts(t, s, "投入资金（亿元）", "|2.4|", "|1.77|", "|2.5|")
	if texts := strings.Join(s.texts, "|"); strings.Contains(texts, "亿|") {
		t.Errorf("chart not drawn in 亿元 with plain tick labels; texts: %s", texts)
	}
}

func TestChartMeasureTitle(t *testing.T) {
	obs := []Observation{
		{Name: "GDP", Measure: "地区生产总值", Value: 1e11, Unit: "元", Year: 2023, Issuer: "甲"},
		{Name: "全市生产总值", Measure: "地区生产总值", Value: 1.1e11, Unit: "元", Year: 2024, Issuer: "甲"},
	}
	tab := Compare("GDP", obs, ByIssuer)
	tab.Measure = "地区生产总值"
	var buf bytes.Buffer
	if err := Chart(&buf, tab); err != nil {
		t.Fatal(err)
	}
	hasTexts(t, parseSVG(t, buf.Bytes()), "|地区生产总值（亿元）|", "gongwen compare GDP")
}

// TestChartWidth draws charts for a phone's screen: no wider than asked,
// every text inside, and the same values as at full width.
func TestChartWidth(t *testing.T) {
	long := []Observation{
		{Name: "x", Value: 1200, Unit: "件", Year: 2024, Issuer: "中华人民共和国生态环境部办公厅某某处", DocID: "a"},
		{Name: "x", Value: 80, Unit: "件", Year: 2024, Issuer: "丙县人民政府", DocID: "b"},
	}
	for _, tab := range []*Table{
		Compare("调解成功率", fixtureObservations(t, "调解成功率"), ByRegion),
		Compare("x", long, ByIssuer),
	} {
		var buf bytes.Buffer
		if err := ChartWidth(&buf, tab, 360); err != nil {
			t.Fatal(err)
		}
		s := parseSVG(t, buf.Bytes())
		if s.width > 360 {
			t.Errorf("%s: chart %.0f px wide, want at most 360", tab.Indicator, s.width)
		}
		var wide bytes.Buffer
		Chart(&wide, tab)
		w := parseSVG(t, wide.Bytes())
		if w.dots != s.dots || w.bars != s.bars {
			t.Errorf("%s: %d dots and %d bars at 360 px, %d and %d at full width", tab.Indicator, s.dots, s.bars, w.dots, w.bars)
		}
	}
}

// TestChartGathered draws the values of documents without a place as
// points that no line joins: they are of several places.
func TestChartGathered(t *testing.T) {
	obs := []Observation{
		{Name: "x", Value: 1, Unit: "件", Year: 2023, DocID: "a"},
		{Name: "x", Value: 2, Unit: "件", Year: 2024, DocID: "b"},
		{Name: "x", Value: 3, Unit: "件", Year: 2023, Issuer: "甲", DocID: "c"},
		{Name: "x", Value: 4, Unit: "件", Year: 2024, Issuer: "甲", DocID: "d"},
	}
	tab := Compare("x", obs, ByIssuer)
	var buf bytes.Buffer
	if err := Chart(&buf, tab); err != nil {
		t.Fatal(err)
	}
	// The rows: 甲, then the issuer unknown, in the first two colours.
	if !slices.Equal(tab.Rows, []string{"甲", UnknownIssuer}) {
		t.Fatalf("rows %q", tab.Rows)
	}
	svg := buf.String()
	if s := parseSVG(t, buf.Bytes()); s.dots != 5 { // 4 values and the legend's dot; 甲's legend is a line
		t.Errorf("%d dots, want 5", s.dots)
	}
	if !strings.Contains(svg, `<polyline points="`) || strings.Count(svg, `stroke="`+palette[0]+`"`) != 2 || strings.Contains(svg, `stroke="`+palette[1]+`"`) {
		t.Errorf("want a line for 甲 (and its legend) and none for the unknown issuer:\n%s", svg)
	}
}

func TestChartNothingToDraw(t *testing.T) {
	tab := Compare("x", []Observation{{Name: "x", Value: 1, Issuer: "甲"}}, ByIssuer) // unknown year
	var buf bytes.Buffer
	if err := Chart(&buf, tab); err == nil || buf.Len() != 0 {
		t.Errorf("Chart of a table without years = %v, wrote %d bytes; want an error and nothing", err, buf.Len())
	}
}

func TestLineRange(t *testing.T) {
	tests := []struct {
		values  []float64
		percent bool
		lo, hi  float64
	}{
		{[]float64{96.5, 99.7}, true, 95, 100}, // rates stop at 100%
		{[]float64{96.5, 99.7}, false, 95, 101},
		{[]float64{120, 80}, false, 70, 130},
		{[]float64{3, 40}, false, 0, 50}, // close to zero: from zero
		{[]float64{5, 5}, false, 4.94, 5.06},
		{[]float64{-2, 3}, false, -4, 4},
	}
	for _, tt := range tests {
		r, ticks := lineRange([]chartSeries{{values: tt.values}}, tt.percent)
		if math.Abs(r.lo-tt.lo) > 1e-9 || math.Abs(r.hi-tt.hi) > 1e-9 {
			t.Errorf("lineRange(%v) = %v..%v, want %v..%v", tt.values, r.lo, r.hi, tt.lo, tt.hi)
		}
		if ticks[0] != r.lo || math.Abs(ticks[len(ticks)-1]-r.hi) > 1e-9 {
			t.Errorf("lineRange(%v): ticks %v do not span %v..%v", tt.values, ticks, r.lo, r.hi)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   string
	}{
		{0, 10450.132, "0 2000 4000 6000 8000 10000 12000"},
		{0, 120, "0 20 40 60 80 100 120"},
		{-1.5, 5.2, "-2 -1 0 1 2 3 4 5 6"},
		{0, 0, "0 0.2 0.4 0.6 0.8 1"},
		{0, 98.7, "0 20 40 60 80 100"},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range niceTicks(tt.lo, tt.hi, 5) {
			got = append(got, trimFloat(v))
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("niceTicks(%v, %v) = %s, want %s", tt.lo, tt.hi, s, tt.want)
		}
	}
}

// testFont is a font with Chinese characters found on this machine; CI
// installs fonts-noto-cjk.
func testFont(t *testing.T) *Font {
	t.Helper()
	f, err := FindFont()
	if err != nil {
		t.Skip(err)
	}
	return f
}

func TestChartPNG(t *testing.T) {
	f := testFont(t)
	obs := fixtureObservations(t, "调解成功率")
	for _, tab := range []*Table{
		Compare("调解成功率", obs, ByRegion),
		Compare("受理案件", []Observation{{Name: "受理案件", Value: 120, Unit: "件", Year: 2024, Issuer: "甲"}}, ByIssuer),
	} {
		var svg, img bytes.Buffer
		if err := Chart(&svg, tab); err != nil {
			t.Fatal(err)
		}
		if err := ChartPNG(&img, tab, f); err != nil {
			t.Fatal(err)
		}
		if os.Getenv("GONGWEN_CHART_DIR") != "" { // to look at
			os.WriteFile(filepath.Join(os.Getenv("GONGWEN_CHART_DIR"), tab.Indicator+".png"), img.Bytes(), 0o644)
			os.WriteFile(filepath.Join(os.Getenv("GONGWEN_CHART_DIR"), tab.Indicator+".svg"), svg.Bytes(), 0o644)
		}
		m, err := png.Decode(&img)
		if err != nil {
			t.Fatal(err)
		}
		// The same chart as the SVG, at twice the size.
		s := parseSVG(t, svg.Bytes())
		b := m.Bounds()
		// (Near enough: the PNG measures its text with the font, the SVG estimates.)
		if math.Abs(float64(b.Dx())-2*s.width) > s.width/50 || math.Abs(float64(b.Dy())-2*s.height) > 2 {
			t.Errorf("PNG is %dx%d, want twice the SVG's %.0fx%.0f", b.Dx(), b.Dy(), s.width, s.height)
		}
		// The title is drawn: dark pixels where it stands.
		dark := 0
		for y := 2 * 16; y < 2*34; y++ {
			for x := 2 * 16; x < 2*120; x++ {
				if r, _, _, _ := m.At(x, y).RGBA(); r < 0x4000 {
					dark++
				}
			}
		}
		if dark < 100 {
			t.Errorf("%s: %d dark pixels where the title is; want it drawn", tab.Indicator, dark)
		}
	}
}

func TestChartPNGMissingGlyph(t *testing.T) {
	f := testFont(t)
	// A character of the private use area: no font of the list draws it.
	tab := Compare("受理案件", []Observation{{Name: "受理案件", Value: 1, Unit: "件", Year: 2024, Issuer: "甲\U000F0001局"}}, ByIssuer)
	var buf bytes.Buffer
	err := ChartPNG(&buf, tab, f)
	if err == nil || !strings.Contains(err.Error(), "has no glyph") || buf.Len() != 0 {
		t.Errorf("ChartPNG with a character the font lacks = %v, %d bytes; want an error and nothing written", err, buf.Len())
	}
}

func TestLoadFont(t *testing.T) {
	dir := t.TempDir()
	notFont := filepath.Join(dir, "x.ttf")
	os.WriteFile(notFont, []byte("not a font"), 0o644)
	if _, err := LoadFont(notFont); err == nil || !strings.Contains(err.Error(), notFont) {
		t.Errorf("LoadFont(not a font) = %v, want an error naming the file", err)
	}
	t.Setenv("GONGWEN_FONT", notFont)
	if _, err := FindFont(); err == nil || !strings.Contains(err.Error(), "GONGWEN_FONT") {
		t.Errorf("FindFont with a bad GONGWEN_FONT = %v, want an error naming it", err)
	}
	// A Latin-only font is no use for Chinese names.
	for _, latin := range []string{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"} {
		if _, err := os.Stat(latin); err != nil {
			continue
		}
		if _, err := LoadFont(latin); err == nil || !strings.Contains(err.Error(), "no Chinese characters") {
			t.Errorf("LoadFont(%s) = %v, want no Chinese characters", latin, err)
		}
	}
	if _, err := findFont([]string{filepath.Join(dir, "none.ttc")}); err == nil || !strings.Contains(err.Error(), "fonts-noto-cjk") {
		t.Errorf("findFont with no font installed = %v, want an error that says what to install", err)
	}
	for _, p := range FontPaths() {
		if !strings.Contains(p, "/") && !strings.Contains(p, `\`) {
			t.Errorf("fonts.tsv: %q is not a path", p)
		}
	}
}
