package export

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gongwen/gongwen/index"
)

var (
	fixtureIndexOnce sync.Once
	fixtureIndex     *index.Index
	fixtureIndexErr  error
)

// testIndex returns an in-memory index of the fixture documents, built once.
func testIndex(t *testing.T) *index.Index {
	t.Helper()
	fixtureIndexOnce.Do(func() {
		ix, err := index.NewMem()
		if err != nil {
			fixtureIndexErr = err
			return
		}
		b := ix.NewBatch()
		for _, d := range fixtureDocs(t) {
			if _, err := b.Add(d); err != nil {
				fixtureIndexErr = err
				return
			}
		}
		fixtureIndex, fixtureIndexErr = ix, b.Commit()
	})
	if fixtureIndexErr != nil {
		t.Fatal(fixtureIndexErr)
	}
	return fixtureIndex
}

// TestExportFromIndex exports the index in every format and reads the files
// back: they hold exactly the rows of the documents that match the query.
func TestExportFromIndex(t *testing.T) {
	ix := testIndex(t)
	all := fixtureIndicatorRows(t) // the fixtures are in id order, as Each returns them
	only := func(keep func(IndicatorRow) bool) []IndicatorRow {
		var rows []IndicatorRow
		for _, r := range all {
			if keep(r) {
				rows = append(rows, r)
			}
		}
		return rows
	}
	tests := []struct {
		name  string
		query index.Query
		want  []IndicatorRow
	}{
		{"all", index.Query{}, all},
		{"year", index.Query{Year: 2024}, only(func(r IndicatorRow) bool { return r.ReportYear == 2024 })},
		{"issuer", index.Query{Issuer: "驻马店市人民政府"}, only(func(r IndicatorRow) bool { return r.Issuer == "驻马店市人民政府" })},
		{"indicator through the analyzer", index.Query{Indicator: "调解成功率"},
			only(func(r IndicatorRow) bool { return strings.HasSuffix(r.Indicator, "调解成功率") })},
		{"indicator value", index.Query{Indicator: "调解成功率>=98.5"},
			only(func(r IndicatorRow) bool { return strings.HasSuffix(r.Indicator, "调解成功率") && r.Value >= 98.5 })},
		{"query text", index.Query{Text: "杨浦区"}, only(func(r IndicatorRow) bool { return r.County == "杨浦区" })},
	}
	for _, tt := range tests {
		for _, f := range Formats {
			t.Run(tt.name+"/"+string(f), func(t *testing.T) {
				var buf bytes.Buffer
				w, err := NewWriter[IndicatorRow](&buf, f)
				if err != nil {
					t.Fatal(err)
				}
				n, err := Indicators(context.Background(), ix, tt.query, w, nil)
				if err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				got := decode[IndicatorRow](t, f, buf.Bytes())
				if n != len(tt.want) {
					t.Errorf("Indicators returned %d, want %d", n, len(tt.want))
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("rows (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func TestDocumentsFromIndex(t *testing.T) {
	ix := testIndex(t)
	want := fixtureDocumentRows(t)
	for _, f := range Formats {
		var buf bytes.Buffer
		w, _ := NewWriter[DocumentRow](&buf, f)
		docs := 0
		if _, err := Documents(context.Background(), ix, index.Query{}, w, func() { docs++ }); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if docs != len(want) {
			t.Errorf("done called %d times, want %d", docs, len(want))
		}
		if diff := cmp.Diff(want, decode[DocumentRow](t, f, buf.Bytes())); diff != "" {
			t.Errorf("%s rows (-want +got):\n%s", f, diff)
		}
	}
}

// TestCompareIndex finds 人民调解成功率 when asked for 调解成功率, with the
// approximation mark and the region of each document.
func TestCompareIndex(t *testing.T) {
	ix := testIndex(t)
	for _, by := range []By{ByIssuer, ByRegion, ByYear} {
		got, err := CompareIndex(context.Background(), ix, "调解成功率", by, Where{})
		if err != nil {
			t.Fatal(err)
		}
		want := Compare("调解成功率", fixtureObservations(t, "调解成功率"), by)
		want.Measure = "调解成功率" // the vocabulary's measure, which all of them are
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("by %s (-want +got):\n%s", by, diff)
		}
	}
	if _, err := CompareIndex(context.Background(), ix, "调解成功率>=abc", ByIssuer, Where{}); err == nil {
		t.Error("CompareIndex accepted a bad filter")
	}

	// Where narrows the documents; a value that matches nothing valid is a
	// bad query naming the nearest.
	got, err := CompareIndex(context.Background(), ix, "调解成功率", ByIssuer, Where{Issuer: "金昌市人民政府"})
	if err != nil || len(got.Rows) != 1 || got.Rows[0] != "金昌市人民政府" {
		t.Errorf("compare for one issuer: %v, %v", got, err)
	}
	if got, err := CompareIndex(context.Background(), ix, "调解成功率", ByIssuer, Where{Year: 1999}); err != nil || got.Total != 0 {
		t.Errorf("compare for a year without values: %v, %v", got, err)
	}
	_, err = CompareIndex(context.Background(), ix, "调解成功率", ByIssuer, Where{Issuer: "金昌人民政府"})
	if !errors.Is(err, index.ErrBadQuery) || !strings.Contains(err.Error(), "金昌市人民政府") {
		t.Errorf("compare for an unknown issuer: %v, want a bad query naming 金昌市人民政府", err)
	}
}
