package export

import (
	"bytes"
	"slices"
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
