package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gongwen/gongwen/extract/table"
)

// formGold is the expected reading of a 政府信息公开工作年度报告, in the format
// of ../shared/eval/tables/*.gold.json.
type formGold struct {
	Form         string             `json:"form"`
	Edition      int                `json:"edition"`
	File         string             `json:"file"`
	Values       map[string]float64 `json:"values"`
	FailedChecks []string           `json:"failed_checks"`
	Warnings     *int               `json:"warnings"` // fixtures only: how many warnings the form gives
}

// formScore extracts file and compares its form with the gold: the keys
// right, the checks not ok, and what went wrong.
func formScore(t *testing.T, ex *Extractor, file string, g formGold) (right int, doc *Document, problems []string) {
	t.Helper()
	body, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err = ex.Extract(Input{Name: file, Body: body})
	if err != nil {
		t.Fatal(err)
	}
	var f *int
	for i := range doc.Forms {
		if doc.Forms[i].Form == g.Form {
			f = &i
		}
	}
	if f == nil {
		return 0, doc, []string{"no form " + g.Form}
	}
	form := doc.Forms[*f]
	keys := make([]string, 0, len(g.Values))
	for k := range g.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		want := g.Values[k]
		got, ok := form.Values[k]
		if ok && math.Abs(got-want) <= 1e-6*math.Max(1, math.Abs(want)) {
			right++
			continue
		}
		if ok {
			problems = append(problems, k+": got "+ftoa(got)+", want "+ftoa(want))
		} else {
			problems = append(problems, k+": missing, want "+ftoa(want))
		}
	}
	var failed []string
	for _, c := range form.Checks {
		if !c.OK {
			failed = append(failed, c.Check)
		}
	}
	if g.FailedChecks == nil {
		g.FailedChecks = []string{}
	}
	slices.Sort(failed)
	slices.Sort(g.FailedChecks)
	if strings.Join(failed, "; ") != strings.Join(g.FailedChecks, "; ") {
		problems = append(problems, "checks not ok: "+strings.Join(failed, "; ")+"; want "+strings.Join(g.FailedChecks, "; "))
	}
	if g.Edition != 0 && form.Edition != g.Edition {
		problems = append(problems, "edition "+ftoa(float64(form.Edition))+", want "+ftoa(float64(g.Edition)))
	}
	if g.Warnings != nil && len(form.Warnings) != *g.Warnings {
		problems = append(problems, "warnings "+strings.Join(form.Warnings, " | "))
	}
	return right, doc, problems
}

func ftoa(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func readGolds(t *testing.T, pattern string) map[string]formGold {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]formGold{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g formGold
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[f] = g
	}
	return out
}

// TestFormFixtures reads the generated reports of testdata/reports (made
// by testdata/forms/make.go, with merged cells, GBK, table 二 as one table
// with bands, the 2019–2020 edition, a misprint, a row one cell off, a
// table continued without its header, a prose total that disagrees and a
// 总计 printed as 0): every value right, the broken check reported, the
// warnings given.
func TestFormFixtures(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	golds := readGolds(t, "../testdata/forms/*.gold.json")
	if len(golds) == 0 {
		t.Fatal("no fixtures in testdata/forms")
	}
	for name, g := range golds {
		t.Run(filepath.Base(name), func(t *testing.T) {
			right, _, problems := formScore(t, ex, filepath.Join("../testdata/reports", g.File), g)
			if len(problems) > 0 {
				t.Errorf("%d/%d values right; %s", right, len(g.Values), strings.Join(problems, "\n"))
			}
		})
	}
}

// evalFormFloor is the share of the form values of the real reports in
// ../shared/eval/tables that must come out right: measured 600/600 with
// the PDF table reader of the pdftables branch.
const evalFormFloor = 1.0

// TestFormEval scores the forms of the real reports in
// ../shared/eval/tables (WPS PDFs with hand-made gold) like
// ../shared/eval/forms.py. It needs the PDF reader's tables.
func TestFormEval(t *testing.T) {
	golds := readGolds(t, "../../shared/eval/tables/*.gold.json")
	if len(golds) == 0 {
		t.Skip("../shared/eval/tables is absent")
	}
	ex := &Extractor{Segmenter: testSegmenter(t)}
	right, total, flagged := 0, 0, 0
	for name, g := range golds {
		file := filepath.Join(filepath.Dir(name), g.File)
		n, doc, problems := formScore(t, ex, file, g)
		if len(doc.Tables) == 0 {
			t.Skipf("%s: the PDF reader gives no tables yet (doc.Tables is empty); this test scores forms read from PDF tables", g.File)
		}
		right += n
		total += len(g.Values)
		checksRight := true
		for _, p := range problems {
			checksRight = checksRight && !strings.HasPrefix(p, "checks not ok") && !strings.HasPrefix(p, "no form")
		}
		if checksRight {
			flagged++
		}
		t.Logf("%s: %d/%d values\n%s", g.File, n, len(g.Values), strings.Join(problems, "\n"))
	}
	share := float64(right) / float64(total)
	t.Logf("forms: values %d/%d (%.3f), failed checks reported as in gold %d/%d", right, total, share, flagged, len(golds))
	if share < evalFormFloor {
		t.Errorf("form values %.3f, below the floor %.3f", share, evalFormFloor)
	}
	if flagged < len(golds) {
		t.Errorf("failed checks reported as in gold in %d of %d reports", flagged, len(golds))
	}
}

// TestTablesReadOnce gives the composer a table as any reader may: with its
// Start, or without it (-1). Each figure of the table comes out once, from
// its cell, never again from the table's rows in the text; plain text
// without reader tables still has its flattened tables read from the text.
func TestTablesReadOnce(t *testing.T) {
	text := "三、工业\n全年水泥产量238.4万吨。\n表3 规模以上工业主要产品产量\n产品名称\t单位\t产量\t比上年增长（%）\n水泥\t万吨\t238.4\t-5.7\n服装\t万件\t1865\t4.4\n注：快报数。"
	rows := [][]string{{"产品名称", "单位", "产量", "比上年增长（%）"}, {"水泥", "万吨", "238.4", "-5.7"}, {"服装", "万件", "1865", "4.4"}}
	start := len([]rune(text[:strings.Index(text, "产品名称")]))
	ex := &Extractor{Segmenter: testSegmenter(t)}
	for _, tt := range []struct {
		name  string
		start int
	}{{"start given", start}, {"start unknown", -1}, {"start wrong", 0}} {
		t.Run(tt.name, func(t *testing.T) {
			doc := &Document{Text: text, Metadata: map[string]string{}, Tables: []table.Table{{Start: tt.start, Rows: rows}}}
			ex.fill(doc, testSegmenter(t), clues{}, nil)
			checkSpans(t, doc)
			var got []string
			for _, in := range doc.Indicators {
				ref := ""
				if in.CellRef != nil {
					ref = fmt.Sprintf(" @%d,%d", in.Row, in.Col)
				}
				if in.Restates != nil {
					ref += fmt.Sprintf(" restates %d,%d", in.Restates.Row, in.Restates.Col)
				}
				if in.Change != nil {
					ref += fmt.Sprintf(" %s from %s", in.Change.Direction, in.Change.Base)
				}
				got = append(got, fmt.Sprintf("%s=%v%s%s", in.Name, in.Value, in.Unit, ref))
			}
			want := []string{"水泥产量=2.384e+06吨 restates 1,2", "水泥 · 产量=2.384e+06吨 @1,2", "水泥 · 比上年增长=5.7% @1,3 down from 上年",
				"服装 · 产量=1.865e+07件 @2,2", "服装 · 比上年增长=4.4% @2,3 up from 上年"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("indicators (-want +got):\n%s", diff)
			}
			if doc.Tables[0].Start != start || doc.Tables[0].Caption != "表3 规模以上工业主要产品产量" || doc.Tables[0].Section != "三、工业" {
				t.Errorf("table %+v", doc.Tables[0])
			}
		})
	}
	t.Run("plain text", func(t *testing.T) {
		doc, err := ex.Extract(Input{Name: "t.txt", Body: []byte(text)})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, in := range doc.Indicators {
			if in.Value == 18650000 {
				n++
			}
		}
		if n != 1 || len(doc.Tables) != 1 {
			t.Errorf("plain text: %d indicators of 1865万件, %d tables; want the tab-separated table read, its row once", n, len(doc.Tables))
		}
	})
}
