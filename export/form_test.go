package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/xuri/excelize/v2"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/form"
	"github.com/gongwen/gongwen/index"
)

// formDocs are two reports that fill the form and one document that does not.
func formDocs() []*extract.Document {
	left, right := 0.0, 11.0
	doc := func(id, issuer string, year int, values map[string]float64) *extract.Document {
		return &extract.Document{ID: id, Title: issuer + "政府信息公开工作年度报告", Issuer: issuer, ReportYear: year,
			Source: extract.Source{File: id + ".html"}, Kind: "xxgk-annual-report",
			Forms: []form.Form{{Form: "xxgk-annual-report", Edition: 2021, Values: values, Checks: []form.Check{
				{Check: "requests.new.total = sum of applicants", OK: true},
			}}}}
	}
	a := doc("a1", "兰溪市人民政府", 2024, map[string]float64{"requests.new.natural": 30, "requests.new.total": 31, "active.fees.amount": 961716000, "review.total": 0})
	a.Forms[0].Checks = append(a.Forms[0].Checks, form.Check{Check: "review.total = sum of parts", Left: &left, Right: &right})
	a.Forms[0].Warnings = []string{"requests.new.total: the text says 36件, the table 31"}
	b := doc("b2", "白水县人民政府", 2020, map[string]float64{"requests.new.natural": 0})
	b.Forms[0].Edition = 2019
	c := &extract.Document{ID: "c3", Title: "另一份文件", Issuer: "某局"}
	return []*extract.Document{a, b, c}
}

func formIndex(t *testing.T) *index.Index {
	t.Helper()
	ix, err := index.NewMem()
	if err != nil {
		t.Fatal(err)
	}
	b := ix.NewBatch()
	for _, d := range formDocs() {
		if _, err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	return ix
}

func exportForms(t *testing.T, f Format, q index.Query) ([]byte, int) {
	t.Helper()
	p, err := NewPanel("xxgk-annual-report")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := p.NewWriter(&buf, f)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Forms(context.Background(), formIndex(t), q, p, w, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

// TestPanelColumns checks the layout of the panel: who and when, then the
// 200 keys of the form in the order of xxgk-form.md, then the checks.
func TestPanelColumns(t *testing.T) {
	p, err := NewPanel("xxgk-annual-report")
	if err != nil {
		t.Fatal(err)
	}
	cols := p.Columns()
	if len(cols) != 15+200+2 {
		t.Fatalf("%d columns, want 217", len(cols))
	}
	for i, want := range map[int]string{0: "doc_id", 1: "issuer", 2: "region_code", 10: "report_year", 11: "edition",
		15: "active.rules.issued", 25: "requests.new.natural", 31: "requests.new.total", 200: "review.upheld",
		214: "suit_after_review.total", 215: "failed_checks", 216: "warnings"} {
		if cols[i] != want {
			t.Errorf("column %d = %q, want %q", i, cols[i], want)
		}
	}
	if _, err := NewPanel("budget"); err == nil || !strings.Contains(err.Error(), "xxgk-annual-report") {
		t.Errorf("unknown form: %v", err)
	}
}

func TestFormsCSV(t *testing.T) {
	raw, n := exportForms(t, CSV, index.Query{})
	if n != 2 {
		t.Errorf("%d rows, want 2 (a document without the form has none)", n)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	a := records[1]
	for name, want := range map[string]string{"doc_id": "a1", "issuer": "兰溪市人民政府", "report_year": "2024", "edition": "2021",
		"requests.new.total": "31", "active.fees.amount": "961716000", "review.total": "0", "requests.new.business": "",
		"failed_checks": "review.total = sum of parts (0 ≠ 11)", "warnings": "requests.new.total: the text says 36件, the table 31"} {
		if got := a[col[name]]; got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if records[2][col["edition"]] != "2019" || records[2][col["failed_checks"]] != "" {
		t.Errorf("second row %v", records[2][:15])
	}
}

func TestFormsOtherFormats(t *testing.T) {
	raw, _ := exportForms(t, JSONL, index.Query{Year: 2024})
	var row map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(raw), &row); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if row["requests.new.total"] != 31.0 || row["review.total"] != 0.0 || row["requests.new.business"] != nil {
		t.Errorf("jsonl row %v", row)
	}

	raw, _ = exportForms(t, Parquet, index.Query{})
	pf, err := parquet.OpenFile(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if pf.NumRows() != 2 {
		t.Errorf("parquet: %d rows", pf.NumRows())
	}
	rows := make([]parquet.Row, 2)
	r := parquet.NewReader(bytes.NewReader(raw))
	n, _ := r.ReadRows(rows)
	if n != 2 {
		t.Fatalf("read %d rows", n)
	}
	schema := r.Schema()
	byName := map[string]parquet.Value{}
	for i, f := range schema.Fields() {
		byName[f.Name()] = rows[0][i]
	}
	if v := byName["requests.new.total"]; v.IsNull() || v.Double() != 31 {
		t.Errorf("parquet requests.new.total = %v", v)
	}
	if v := byName["requests.new.business"]; !v.IsNull() {
		t.Errorf("parquet: a key the report does not fill is %v, want null", v)
	}

	raw, _ = exportForms(t, XLSX, index.Query{})
	x, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := x.GetCellValue("xxgk-annual-report", "AF2"); v != "31" { // column 32: requests.new.total
		t.Errorf("xlsx requests.new.total = %q", v)
	}
}
