package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fixtureObservations are the indicators of the fixtures whose name contains
// name: a stand-in for the index's analyzer, enough for these documents.
func fixtureObservations(t *testing.T, name string) []Observation {
	var obs []Observation
	for _, d := range fixtureDocs(t) {
		for _, ind := range d.Indicators {
			if strings.Contains(ind.Name, name) {
				obs = append(obs, NewObservation(d, ind))
			}
		}
	}
	return obs
}

func TestCompare(t *testing.T) {
	obs := fixtureObservations(t, "调解成功率")
	tests := []struct {
		by            By
		rows, columns []string
		cells         map[[2]int]string // row, column -> Cell.String()
	}{
		{ByIssuer,
			[]string{"上海市杨浦区人民政府", "金昌市人民政府", "驻马店市人民政府"}, []string{"2023", "2024"},
			map[[2]int]string{{0, 0}: "96.5%", {0, 1}: "", {1, 1}: "~99%", {2, 0}: "98.2%", {2, 1}: "98.7%"}},
		{ByRegion,
			[]string{"上海市杨浦区", "河南省驻马店市", "甘肃省金昌市"}, []string{"2023", "2024"}, // by division code
			map[[2]int]string{{0, 0}: "96.5%", {1, 1}: "98.7%", {2, 1}: "~99%"}},
		{ByYear,
			[]string{"2023", "2024"}, []string{"上海市杨浦区人民政府", "金昌市人民政府", "驻马店市人民政府"},
			map[[2]int]string{{0, 0}: "96.5%", {1, 1}: "~99%", {1, 2}: "98.7%", {0, 1}: ""}},
	}
	for _, tt := range tests {
		t.Run(string(tt.by), func(t *testing.T) {
			tab := Compare("调解成功率", obs, tt.by)
			if diff := cmp.Diff(tt.rows, tab.Rows); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.columns, tab.Columns); diff != "" {
				t.Errorf("columns (-want +got):\n%s", diff)
			}
			for rc, want := range tt.cells {
				if got := tab.Cells[rc[0]][rc[1]].String(); got != want {
					t.Errorf("cell %v = %q, want %q", rc, got, want)
				}
			}
			if tab.Unit != "%" || tab.Total != 4 {
				t.Errorf("unit %q, total %d; want %%, 4", tab.Unit, tab.Total)
			}
			var buf bytes.Buffer
			if err := tab.WriteText(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, "compare-"+string(tt.by)+".txt", buf.Bytes())
		})
	}
}

// TestCompareCellChoice: of several values for one place and year, the one
// named exactly as asked is shown, and the count says there were more.
func TestCompareCellChoice(t *testing.T) {
	obs := []Observation{
		{Name: "人民调解成功率", Value: 97, Unit: "%", Year: 2024, Issuer: "甲"},
		{Name: "调解成功率", Value: 98, Unit: "%", Year: 2024, Issuer: "甲"},
		{Name: "调解成功率", Value: 99, Unit: "%", Year: 2024, Issuer: "甲"},
		{Name: "调解成功率", Value: 50, Unit: "%", Issuer: "乙"},
	}
	tab := Compare("调解成功率", obs, ByIssuer)
	if c := tab.Cells[indexOf(tab.Rows)["甲"]][0]; c.Value != 98 || c.Count != 3 {
		t.Errorf("cell = %+v, want 98 of 3", c)
	}
	// Otherwise the first in the text wins, whatever order they come in.
	later := Observation{Name: "人民调解成功率", Value: 1, Unit: "%", Year: 2024, Issuer: "丙", DocID: "d", Start: 50}
	earlier := later
	earlier.Value, earlier.Start = 2, 10
	if c := Compare("调解成功率", []Observation{later, earlier}, ByIssuer).Cells[0][0]; c.Value != 2 {
		t.Errorf("cell = %+v, want the value at offset 10", c)
	}
	// Without the exact name, a value in the main unit wins.
	obs2 := []Observation{
		{Name: "行政复议纠错率", Value: 15.4, Unit: "%", Year: 2024, Issuer: "丁"},
		{Name: "收到行政复议申请", Value: 120, Unit: "件", Year: 2024, Issuer: "丁"},
		{Name: "办理行政复议案件", Value: 300, Unit: "件", Year: 2024},
	}
	tab2 := Compare("行政复议", obs2, ByIssuer)
	if c := tab2.Cells[indexOf(tab2.Rows)["丁"]][0]; c.String() != "120件" {
		t.Errorf("cell = %s, want 120件 (the main unit)", c)
	}
	// The main unit is that of the name asked for, however many others.
	obs3 := []Observation{
		{Name: "地区生产总值", Value: 3e10, Unit: "元", Year: 2024, Issuer: "甲"},
		{Name: "地区生产总值增长", Value: 5, Unit: "%", Year: 2024, Issuer: "乙"},
		{Name: "地区生产总值增长", Value: 6, Unit: "%", Year: 2024, Issuer: "乙"},
		{Name: "地区生产总值完成", Value: 4e10, Unit: "元", Year: 2024, Issuer: "乙"},
	}
	tab3 := Compare("地区生产总值", obs3, ByIssuer)
	if c := tab3.Cells[indexOf(tab3.Rows)["乙"]][0]; tab3.Unit != "元" || c.String() != "400亿元" {
		t.Errorf("unit %s, cell %s; want 元 and 400亿元", tab3.Unit, c)
	}
	if _, ok := indexOf(tab2.Rows)[UnknownIssuer]; !ok {
		t.Errorf("rows = %q, want a row %s for the value without an issuer", tab2.Rows, UnknownIssuer)
	}
	if diff := cmp.Diff([]string{"2024", UnknownYear}, tab.Columns); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	if want := []NameUsed{{"调解成功率", 3}, {"人民调解成功率", 1}}; !cmp.Equal(want, tab.Names) {
		t.Errorf("names = %v, want %v", tab.Names, want)
	}
}

func TestFormatValue(t *testing.T) {
	for v, want := range map[float64]string{
		49545: "49545", 98.7: "98.7", 177000000: "1.77亿", 1234567: "123.4567万", 0: "0", -2.5e8: "-2.5亿", 1.0 / 3: "0.3333",
	} {
		if got := FormatValue(v); got != want {
			t.Errorf("FormatValue(%v) = %q, want %q", v, got, want)
		}
	}
}

// svgSummary is what a chart shows: its texts, and the dots marking values.
type svgSummary struct {
	texts []string
	dots  int
	paths int
}

// parseSVG checks that data is well-formed SVG and summarises it.
func parseSVG(t *testing.T, data []byte) svgSummary {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var s svgSummary
	var inText bool
	root := ""
	width, height := 0, 0
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
			}
			switch tok.Name.Local {
			case "svg":
				fmt.Sscanf(attr(tok, "viewBox"), "0 0 %d %d", &width, &height)
			case "text":
				inText = true
				s.texts = append(s.texts, "")
				// Every text lies inside the picture.
				x, _ := strconv.Atoi(attr(tok, "x"))
				y, _ := strconv.Atoi(attr(tok, "y"))
				if x < 0 || y < 0 || x > width || y > height {
					t.Errorf("text at (%d, %d) outside the %dx%d chart", x, y, width, height)
				}
			case "circle":
				s.dots++
			case "path":
				s.paths++
			}
		case xml.EndElement:
			inText = inText && tok.Name.Local != "text"
		case xml.CharData:
			if inText {
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
			texts := strings.Join(s.texts, "|")
			labels := tab.Rows
			if by == ByYear {
				labels = tab.Columns
			}
			for _, want := range append(labels, "调解成功率（%）", "2023", "2024") {
				if !strings.Contains(texts, want) {
					t.Errorf("chart has no text %q; texts: %s", want, texts)
				}
			}
		})
	}
}

func TestChartOneYearIsBars(t *testing.T) {
	obs := []Observation{
		{Name: "受理案件", Value: 120, Unit: "件", Year: 2024, Issuer: "A&B <局>"},
		{Name: "受理案件", Value: 80, Unit: "件", Year: 2024, Issuer: "丙县人民政府"},
		{Name: "受理案件", Value: 3, Unit: "%", Year: 2024, Issuer: "丁"}, // another unit: not drawn
	}
	var buf bytes.Buffer
	if err := Chart(&buf, Compare("受理案件", obs, ByIssuer)); err != nil {
		t.Fatal(err)
	}
	s := parseSVG(t, buf.Bytes())
	texts := strings.Join(s.texts, "|")
	for _, want := range []string{"A&B <局>", "丙县人民政府", "受理案件（件） 2024"} {
		if !strings.Contains(texts, want) {
			t.Errorf("chart has no text %q; texts: %s", want, texts)
		}
	}
	if strings.Contains(texts, "丁") {
		t.Errorf("chart draws a value in another unit: %s", texts)
	}
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
	texts := strings.Join(parseSVG(t, buf.Bytes()).texts, "|")
	if !strings.Contains(texts, "投入资金（亿元）") || !strings.Contains(texts, "|2.4|") || strings.Contains(texts, "亿|") {
		t.Errorf("chart not drawn in 亿元 with plain tick labels; texts: %s", texts)
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
		if math.Abs(r.Min-tt.lo) > 1e-9 || math.Abs(r.Max-tt.hi) > 1e-9 {
			t.Errorf("lineRange(%v) = %v..%v, want %v..%v", tt.values, r.Min, r.Max, tt.lo, tt.hi)
		}
		if ticks[0].Value != r.Min || math.Abs(ticks[len(ticks)-1].Value-r.Max) > 1e-9 {
			t.Errorf("lineRange(%v): ticks %v do not span %v..%v", tt.values, ticks, r.Min, r.Max)
		}
	}
}

func TestCompareNational(t *testing.T) {
	obs := []Observation{
		{Name: "x", Value: 1, Unit: "件", Year: 2024, Issuer: "国务院", National: true, DocID: "a"},
		{Name: "x", Value: 2, Unit: "件", Year: 2024, Issuer: "某局", DocID: "b"},
	}
	got := Compare("x", obs, ByRegion)
	if want := []string{NationalRegion, UnknownRegion}; !slices.Equal(got.Rows, want) {
		t.Errorf("rows %q, want %q", got.Rows, want)
	}
}
