package export

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/region"
)

// Observation is one value of an indicator in one document.
type Observation struct {
	Name    string // the indicator as the document names it: 人民调解成功率
	Measure string // its canonical measure (extract.MeasureOf), "" when unknown
	Text    string // the figure as written: 2376.5亿元
	Value   float64
	Unit    string
	Approx  bool
	Year    int // the document's report year; 0 when unknown
	Issuer  string
	Region  region.Region
	// National is set for the document of a national body, which has no
	// region: it counts under NationalRegion.
	National bool
	DocID    string
	Title    string
	Start    int // rune offset of the value in the document's text
}

// NewObservation returns the observation of indicator ind of doc.
func NewObservation(doc *extract.Document, ind extract.Indicator) Observation {
	return Observation{
		Name: ind.Name, Measure: extract.MeasureOf(&ind), Text: ind.Text, Value: ind.Value, Unit: ind.Unit, Approx: ind.Approx,
		Year: doc.ReportYear, Issuer: doc.Issuer, Region: extract.RegionOf(doc), National: doc.National, DocID: doc.ID, Title: doc.Title,
		Start: ind.Start,
	}
}

// By is what the rows of a comparison are.
type By string

// The groupings of a comparison.
const (
	ByIssuer By = "issuer" // rows: issuers; columns: years
	ByRegion By = "region" // rows: regions (the issuer's most specific division); columns: years
	ByYear   By = "year"   // rows: years; columns: issuers
)

// ParseBy returns the grouping named s.
func ParseBy(s string) (By, error) {
	switch b := By(strings.ToLower(s)); b {
	case ByIssuer, ByRegion, ByYear:
		return b, nil
	}
	return "", fmt.Errorf("export: cannot compare by %q; use issuer, region or year", s)
}

// UnknownYear, UnknownIssuer and UnknownRegion label the column of
// documents without a report year, and the rows of documents without an
// issuer or whose issuer names no place.
const (
	UnknownYear   = "?"
	UnknownIssuer = "（未知发布机关）"
	UnknownRegion = "（未知地区）"
	// NationalRegion labels the row of national bodies (国务院, ministries)
	// when comparing by region.
	NationalRegion = "全国"
)

// Table is an indicator laid out across places and years.
type Table struct {
	Indicator string     `json:"indicator"`         // what was asked for
	Measure   string     `json:"measure,omitempty"` // the measure shown, when the values have one
	By        By         `json:"by"`
	Unit      string     `json:"unit"`            // the main unit: the most common of the values named as asked, else of all
	Rows      []string   `json:"rows"`            // row labels
	Columns   []string   `json:"columns"`         // column labels
	Cells     [][]*Cell  `json:"cells"`           // Cells[row][column]; nil (JSON null) where there is no value
	Codes     []string   `json:"codes,omitempty"` // the region code of each row (ByRegion)
	Total     int        `json:"observations"`
	Names     []NameUsed `json:"names"`            // the indicator names found, most used first
	Others    []NameUsed `json:"others,omitempty"` // other measures the name matched, not in this table
}

// NameUsed is an indicator name that matched, with how often.
type NameUsed struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Cell is the value shown for one place and year. When there are several
// values, the one named exactly as asked wins, then one in the table's main
// unit, then the first in the text of the first document (by id).
type Cell struct {
	Value   float64  `json:"value"`
	Unit    string   `json:"unit"`
	Approx  bool     `json:"approx,omitempty"`
	Name    string   `json:"name,omitempty"`    // the indicator name as written
	DocID   string   `json:"doc_id,omitempty"`  // the document the value comes from
	Written string   `json:"written,omitempty"` // the figure as the document writes it: 2376.5亿元
	Count   int      `json:"count"`             // observations for this place and year
	Text    string   `json:"text,omitempty"`    // as the table shows it: String()
	Others  []string `json:"others,omitempty"`  // the other values for this place and year, with name and document
}

// String formats a cell as the table shows it: 49545件, ~1.2万人, 98.7%.
func (c *Cell) String() string {
	if c == nil || c.Count == 0 {
		return ""
	}
	s := FormatValue(c.Value) + c.Unit
	if c.Approx {
		s = "~" + s
	}
	return s
}

// FormatValue writes a value for reading: exact below a million, in 万 up
// to 亿, in 亿 above (177000000 → 1.77亿), with at most four decimals.
func FormatValue(v float64) string {
	abs := math.Abs(v)
	switch {
	case abs >= 1e8:
		return trimFloat(v/1e8) + "亿"
	case abs >= 1e6:
		return trimFloat(v/1e4) + "万"
	}
	return trimFloat(v)
}

func trimFloat(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64)
}

// Compare lays the observations of an indicator out as a table. Rows are
// sorted by label (by division code for ByRegion), columns by year with the
// unknown year last.
func Compare(indicator string, obs []Observation, by By) *Table {
	t := &Table{Indicator: indicator, By: by, Total: len(obs), Names: []NameUsed{}}
	obs = slices.Clone(obs)
	slices.SortStableFunc(obs, func(a, b Observation) int {
		return cmp.Or(strings.Compare(a.DocID, b.DocID), cmp.Compare(a.Start, b.Start))
	})
	place := func(o Observation) string {
		if by == ByRegion {
			if o.Region.Code() == "" && o.National {
				return NationalRegion
			}
			if o.Region.Code() == "" {
				return UnknownRegion
			}
			return o.Region.Name()
		}
		if o.Issuer == "" {
			return UnknownIssuer
		}
		return o.Issuer
	}
	year := func(o Observation) string {
		if o.Year == 0 {
			return UnknownYear
		}
		return strconv.Itoa(o.Year)
	}
	codes := map[string]string{} // place label -> region code, for sorting
	names := map[string]int{}
	units := map[string]int{}
	for _, o := range obs {
		codes[place(o)] = o.Region.Code()
		names[o.Name]++
	}
	for _, o := range obs {
		if names[indicator] == 0 || o.Name == indicator {
			units[o.Unit]++ // the main unit is that of the name asked for, if found
		}
	}
	places, years := sortedKeys(obs, place), sortedKeys(obs, year)
	slices.SortStableFunc(years, func(a, b string) int {
		return last(a == UnknownYear, b == UnknownYear) // years sort as strings
	})
	if by == ByRegion {
		slices.SortStableFunc(places, func(a, b string) int {
			return cmp.Or(last(codes[a] == "", codes[b] == ""), cmp.Compare(codes[a], codes[b]))
		})
	}
	rowOf, colOf := place, year
	t.Rows, t.Columns = places, years
	if by == ByYear {
		rowOf, colOf = year, place
		t.Rows, t.Columns = years, places
	}
	if by == ByRegion {
		for _, p := range places {
			t.Codes = append(t.Codes, codes[p])
		}
	}
	ri, ci := indexOf(t.Rows), indexOf(t.Columns)
	t.Cells = make([][]*Cell, len(t.Rows))
	for i := range t.Cells {
		t.Cells[i] = make([]*Cell, len(t.Columns))
	}
	for u, k := range units {
		if k > units[t.Unit] || (k == units[t.Unit] && u < t.Unit) {
			t.Unit = u
		}
	}
	// rank orders the values competing for a cell: the name asked for,
	// then the main unit; the first value wins a tie.
	rank := func(name, unit string) int {
		r := 0
		if name != indicator {
			r += 2
		}
		if unit != t.Unit {
			r++
		}
		return r
	}
	shown := map[*Cell]Observation{}
	var all []Observation // in the order they came, to list the others
	for _, o := range obs {
		cp := &t.Cells[ri[rowOf(o)]][ci[colOf(o)]]
		if *cp == nil {
			*cp = &Cell{}
		}
		c := *cp
		c.Count++
		if c.Count == 1 || rank(o.Name, o.Unit) < rank(c.Name, c.Unit) {
			c.Value, c.Unit, c.Approx, c.Name, c.DocID, c.Written = o.Value, o.Unit, o.Approx, o.Name, o.DocID, o.Text
			shown[c] = o
		}
		all = append(all, o)
	}
	for _, o := range all {
		c := t.Cells[ri[rowOf(o)]][ci[colOf(o)]]
		if c.Count > 1 && o != shown[c] {
			c.Others = append(c.Others, fmt.Sprintf("%s (%s, %s)", (&Cell{Value: o.Value, Unit: o.Unit, Approx: o.Approx, Count: 1}).String(), o.Name, o.DocID))
		}
	}
	for _, row := range t.Cells {
		for _, c := range row {
			if c != nil {
				c.Text = c.String()
			}
		}
	}
	for n, k := range names {
		t.Names = append(t.Names, NameUsed{n, k})
	}
	slices.SortFunc(t.Names, func(a, b NameUsed) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Name, b.Name)) })
	return t
}

// last orders the elements for which the test holds after the others.
func last(a, b bool) int {
	switch {
	case a && !b:
		return 1
	case b && !a:
		return -1
	}
	return 0
}

func sortedKeys(obs []Observation, key func(Observation) string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, o := range obs {
		if k := key(o); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

func indexOf(labels []string) map[string]int {
	m := make(map[string]int, len(labels))
	for i, l := range labels {
		m[l] = i
	}
	return m
}

// WriteText writes the table with aligned columns (Chinese characters count
// two columns wide), then a line naming the indicators that matched.
func (t *Table) WriteText(w io.Writer) error {
	head := map[By]string{ByIssuer: "发布机关", ByRegion: "地区", ByYear: "年度"}[t.By]
	lines := [][]string{append([]string{head}, t.Columns...)}
	var notes []string
	for i, r := range t.Rows {
		line := []string{r}
		for j, c := range t.Cells[i] {
			s := c.String()
			if c != nil && len(c.Others) > 0 {
				s += "*"
				place, year := r, t.Columns[j]
				if t.By == ByYear {
					place, year = year, place
				}
				notes = append(notes, fmt.Sprintf("* %s %s: %s (%s, %s); also %s", place, year, s[:len(s)-1], c.Name, c.DocID, strings.Join(c.Others, "; ")))
			}
			line = append(line, s)
		}
		lines = append(lines, line)
	}
	widths := make([]int, len(lines[0]))
	for _, line := range lines {
		for j, s := range line {
			widths[j] = max(widths[j], displayWidth(s))
		}
	}
	var b strings.Builder
	plural := "s"
	if t.Total == 1 {
		plural = ""
	}
	title := t.Indicator
	if t.Measure != "" && t.Measure != t.Indicator {
		title += " → " + t.Measure
	}
	fmt.Fprintf(&b, "%s (%d value%s)\n", title, t.Total, plural)
	for _, line := range lines {
		var l strings.Builder
		for j, s := range line {
			pad := strings.Repeat(" ", widths[j]-displayWidth(s))
			if j == 0 {
				l.WriteString(s + pad)
			} else { // numbers right-aligned
				l.WriteString("  " + pad + s)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " ") + "\n")
	}
	for _, n := range notes {
		b.WriteString(n + "\n")
	}
	if len(t.Names) > 0 {
		var ns []string
		for _, n := range t.Names {
			ns = append(ns, fmt.Sprintf("%s (%d)", n.Name, n.Count))
		}
		fmt.Fprintf(&b, "matched: %s\n", strings.Join(ns, ", "))
	}
	if len(t.Others) > 0 {
		var ns []string
		for _, n := range t.Others {
			ns = append(ns, fmt.Sprintf("%s (%d)", n.Name, n.Count))
		}
		fmt.Fprintf(&b, "other measures with this name, not shown: %s; compare one of them by its name, or all with name:%s\n", strings.Join(ns, ", "), t.Indicator)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// displayWidth is the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// OneMeasure keeps the observations of one measure, so that a table never
// mixes 人均地区生产总值 with 地区生产总值, or 办理 with 新收 行政复议案件. An
// observation's measure is its Measure, else its name. The measure kept is
// the one named as asked, else the one with the most observations; the
// others are returned with their counts, most first.
func OneMeasure(asked string, obs []Observation) (kept []Observation, measure string, others []NameUsed) {
	key := func(o Observation) string { return cmp.Or(o.Measure, o.Name) }
	counts := map[string]int{}
	for _, o := range obs {
		counts[key(o)]++
	}
	for k, n := range counts {
		switch {
		case measure == "", k == asked && measure != asked,
			measure != asked && (n > counts[measure] || n == counts[measure] && k < measure):
			measure = k
		}
	}
	for _, o := range obs {
		if key(o) == measure {
			kept = append(kept, o)
		}
	}
	for k, n := range counts {
		if k != measure {
			others = append(others, NameUsed{k, n})
		}
	}
	slices.SortFunc(others, func(a, b NameUsed) int { return cmp.Or(b.Count-a.Count, strings.Compare(a.Name, b.Name)) })
	return kept, measure, others
}

// LongRow is one value of a comparison in long ("tidy") form: one row per
// place and year, for pandas or R.
type LongRow struct {
	Place   string  `json:"place"`
	Code    string  `json:"region_code,omitempty"` // ByRegion: the division's code
	Year    *int    `json:"year"`                  // null when unknown
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
	Approx  bool    `json:"approx"`
	Name    string  `json:"name"`
	DocID   string  `json:"doc_id"`
	Text    string  `json:"text"` // the figure as written
	Others  int     `json:"others"`
	Measure string  `json:"measure,omitempty"`
}

// Long returns the table's values in long form: one row per cell that has a
// value, row by row.
func (t *Table) Long() []LongRow {
	out := []LongRow{}
	for i, r := range t.Rows {
		for j, c := range t.Cells[i] {
			if c == nil {
				continue
			}
			place, year := r, t.Columns[j]
			code := ""
			if t.By == ByYear {
				place, year = year, place
			} else if t.Codes != nil {
				code = t.Codes[i]
			}
			row := LongRow{Place: place, Code: code, Value: c.Value, Unit: c.Unit, Approx: c.Approx, Name: c.Name,
				DocID: c.DocID, Text: c.Written, Others: len(c.Others), Measure: t.Measure}
			if y, err := strconv.Atoi(year); err == nil {
				row.Year = &y
			}
			out = append(out, row)
		}
	}
	return out
}

// WriteCSV writes the table as CSV: a heading row, then one row per row of
// the table; an empty cell is blank.
func (t *Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := map[By]string{ByIssuer: "issuer", ByRegion: "region", ByYear: "year"}[t.By]
	cw.Write(append([]string{head}, t.Columns...))
	for i, r := range t.Rows {
		line := []string{r}
		for _, c := range t.Cells[i] {
			if c == nil {
				line = append(line, "")
			} else {
				line = append(line, strconv.FormatFloat(c.Value, 'f', -1, 64))
			}
		}
		cw.Write(line)
	}
	cw.Flush()
	return cw.Error()
}

// WriteLongCSV writes the long form as CSV, with the columns of LongRow.
func (t *Table) WriteLongCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"place", "region_code", "year", "value", "unit", "approx", "name", "doc_id", "text", "others", "measure"})
	for _, r := range t.Long() {
		year := ""
		if r.Year != nil {
			year = strconv.Itoa(*r.Year)
		}
		cw.Write([]string{r.Place, r.Code, year, strconv.FormatFloat(r.Value, 'f', -1, 64), r.Unit, strconv.FormatBool(r.Approx),
			r.Name, r.DocID, r.Text, strconv.Itoa(r.Others), r.Measure})
	}
	cw.Flush()
	return cw.Error()
}
