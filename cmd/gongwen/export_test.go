package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parquet-go/parquet-go"
	"github.com/xuri/excelize/v2"

	"github.com/gongwen/gongwen/export"
	"github.com/gongwen/gongwen/index"
)

const exportTestdata = "../../testdata/export"

// TestExportAndCompareCommands ingests the export fixtures once with the
// real ingest command, then runs export and compare against that index.
func TestExportAndCompareCommands(t *testing.T) {
	ctx := context.Background()
	data := filepath.Join(t.TempDir(), "data")
	var ingestOut, ingestErr bytes.Buffer
	if err := cmdIngest(ctx, []string{"--data", data, filepath.Join(exportTestdata, "docs.jsonl")}, &ingestOut, &ingestErr); err != nil {
		t.Fatalf("ingest: %v\n%s", err, ingestErr.String())
	}
	run := func(cmd func(context.Context, []string, io.Writer, io.Writer) error, args ...string) (string, string, error) {
		var stdout, stderr bytes.Buffer
		err := cmd(ctx, append([]string{"--data", data}, args...), &stdout, &stderr)
		return stdout.String(), stderr.String(), err
	}
	golden := func(name string) string {
		b, err := os.ReadFile(filepath.Join(exportTestdata, "golden", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	// The command writes what the export package's golden files hold.
	t.Run("export csv and jsonl to stdout", func(t *testing.T) {
		for _, tt := range []struct{ args, golden string }{
			{"", "indicators.csv"},
			{"--format jsonl", "indicators.jsonl"},
			{"--documents", "documents.csv"},
			{"--documents --format=jsonl", "documents.jsonl"},
		} {
			stdout, stderr, err := run(cmdExport, strings.Fields(tt.args)...)
			if err != nil {
				t.Fatalf("export %s: %v\n%s", tt.args, err, stderr)
			}
			if diff := cmp.Diff(golden(tt.golden), stdout); diff != "" {
				t.Errorf("export %s differs from %s (-want +got):\n%s", tt.args, tt.golden, diff)
			}
		}
	})

	t.Run("export files in every format", func(t *testing.T) {
		dir := t.TempDir()
		for _, ext := range []string{"csv", "jsonl", "xlsx", "parquet"} {
			out := filepath.Join(dir, "rates."+ext)
			_, stderr, err := run(cmdExport, "--out", out, "--indicator", "调解成功率") // format from the extension
			if err != nil {
				t.Fatalf("export --out %s: %v\n%s", out, err, stderr)
			}
			if want := "export: 4 indicator rows (" + ext + ") to " + out + "\n"; stderr != want {
				t.Errorf("stderr = %q, want %q", stderr, want)
			}
			if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o644 {
				t.Errorf("%s: %v, mode %v; want 0644", out, err, info.Mode())
			}
			got := readIndicators(t, out)
			var names []string
			for _, r := range got {
				names = append(names, r.Issuer+" "+r.Indicator)
			}
			want := []string{"驻马店市人民政府 调解成功率", "驻马店市人民政府 调解成功率", "金昌市人民政府 人民调解成功率", "上海市杨浦区人民政府 人民调解成功率"}
			if diff := cmp.Diff(want, names); diff != "" {
				t.Errorf("%s rows (-want +got):\n%s", ext, diff)
			}
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 4 {
			t.Errorf("%d files in the output directory, want 4 (no temporary files left)", len(entries))
		}
	})

	t.Run("export filters and query", func(t *testing.T) {
		stdout, _, err := run(cmdExport, "--format", "jsonl", "--year", "2023", "杨浦区")
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(stdout, "\n"); n != 2 || !strings.Contains(stdout, `"county":"杨浦区"`) {
			t.Errorf("export --year 2023 杨浦区 = %d rows:\n%s", n, stdout)
		}
	})

	t.Run("export of nothing", func(t *testing.T) {
		// To stdout: the header, a word on stderr, exit status 1.
		stdout, stderr, err := run(cmdExport, "--year", "1999")
		if err == nil || errors.Is(err, errUsage) || !strings.Contains(err.Error(), "no indicator rows") || !strings.Contains(err.Error(), "only the header") {
			t.Errorf("export of nothing: %v, want an error saying no rows", err)
		}
		if strings.Count(stdout, "\n") != 1 || stderr != "" {
			t.Errorf("export of nothing wrote %q and %q, want the header alone", stdout, stderr)
		}
		// To a file: an export already there is left as it was.
		out := filepath.Join(t.TempDir(), "x.csv")
		os.WriteFile(out, []byte("earlier\n"), 0o644)
		_, _, err = run(cmdExport, "--documents", "--out", out, "没有这个词")
		if err == nil || !strings.Contains(err.Error(), "no document rows") || !strings.Contains(err.Error(), out+" not written") {
			t.Errorf("export --out of nothing: %v", err)
		}
		if b, _ := os.ReadFile(out); string(b) != "earlier\n" {
			t.Errorf("export of nothing replaced %s with %q", out, b)
		}
		if code := exitStatus(t, data, "export", "--year", "1999"); code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
	})

	t.Run("export errors", func(t *testing.T) {
		if _, stderr, err := run(cmdExport, "--format", "xls"); !errors.Is(err, errUsage) || !strings.Contains(stderr, "csv, jsonl, xlsx or parquet") {
			t.Errorf("--format xls: %v %q, want a usage error naming the formats", err, stderr)
		}
		if _, _, err := run(cmdExport, "--indicator", "调解成功率>=abc"); err == nil {
			t.Error("a bad --indicator was accepted")
		}
		out := filepath.Join(t.TempDir(), "x.csv")
		var stderr bytes.Buffer
		err := cmdExport(ctx, []string{"--data", filepath.Join(t.TempDir(), "none"), "--out", out}, io.Discard, &stderr)
		if err == nil || !strings.Contains(err.Error(), "gongwen ingest") {
			t.Errorf("export without an index: %v, want an error that says to run ingest", err)
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a failed export left %s behind", out)
		}
		// A filter value that matches nothing valid: exit 2 and the nearest values.
		out = filepath.Join(t.TempDir(), "y.csv")
		for _, args := range [][]string{{"--kind", "fzzf"}, {"--issuer", "金昌人民政府"}, {"--region", "火星"}} {
			var stdout, stderr bytes.Buffer
			code := runMain(append([]string{"export", "--data", data, "--out", out}, args...), &stdout, &stderr)
			if code != 2 || !strings.Contains(stderr.String(), "nearest") && !strings.Contains(stderr.String(), "kinds:") {
				t.Errorf("export %s: exit %d, %q; want 2 and the nearest values", args, code, stderr.String())
			}
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a failed export left %s behind", out)
		}
	})

	t.Run("export national documents", func(t *testing.T) {
		stdout, _, err := run(cmdExport, "--documents", "--format", "jsonl", "--kind", "通知公告")
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(stdout, "\n"); n != 1 || !strings.Contains(stdout, "国务院") {
			t.Errorf("export --kind 通知公告 = %d rows:\n%s", n, stdout)
		}
	})

	t.Run("compare table", func(t *testing.T) {
		for _, by := range []string{"issuer", "region", "year"} {
			stdout, stderr, err := run(cmdCompare, "--by", by, "调解成功率")
			if err != nil {
				t.Fatalf("compare --by %s: %v\n%s", by, err, stderr)
			}
			if diff := cmp.Diff(golden("compare-"+by+".txt"), stdout); diff != "" {
				t.Errorf("compare --by %s (-want +got):\n%s", by, diff)
			}
		}
	})

	t.Run("compare json and chart", func(t *testing.T) {
		chart := filepath.Join(t.TempDir(), "rates.svg")
		stdout, stderr, err := run(cmdCompare, "--json", "--chart", chart, "调解成功率", "--by", "region")
		if err != nil {
			t.Fatalf("compare: %v\n%s", err, stderr)
		}
		var tab export.Table
		if err := json.Unmarshal([]byte(stdout), &tab); err != nil {
			t.Fatalf("compare --json: %v\n%s", err, stdout)
		}
		if want := []string{"上海市杨浦区", "河南省驻马店市", "甘肃省金昌市"}; !cmp.Equal(want, tab.Rows) {
			t.Errorf("rows = %q, want %q", tab.Rows, want)
		}
		svg, err := os.ReadFile(chart)
		if err != nil {
			t.Fatal(err)
		}
		texts := svgTexts(t, svg)
		for _, want := range tab.Rows {
			if !strings.Contains(texts, want) {
				t.Errorf("the chart does not name %s; its texts: %s", want, texts)
			}
		}
	})

	t.Run("compare chart png", func(t *testing.T) {
		if _, err := export.FindFont(); err != nil {
			t.Skip(err) // CI installs fonts-noto-cjk
		}
		chart := filepath.Join(t.TempDir(), "rates.PNG")
		if _, stderr, err := run(cmdCompare, "--chart", chart, "调解成功率"); err != nil {
			t.Fatalf("compare: %v\n%s", err, stderr)
		}
		f, err := os.Open(chart)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := png.Decode(f); err != nil {
			t.Errorf("--chart rates.PNG: %v, want a PNG image", err)
		}
	})

	t.Run("compare chart format", func(t *testing.T) {
		dir := t.TempDir()
		for _, name := range []string{"rates.jpg", "rates"} {
			_, stderr, err := run(cmdCompare, "--chart", filepath.Join(dir, name), "调解成功率")
			if !errors.Is(err, errUsage) || !strings.Contains(stderr, "must end in .svg or .png") {
				t.Errorf("--chart %s: %v %q, want a usage error naming the formats", name, err, stderr)
			}
		}
		t.Setenv("GONGWEN_FONT", filepath.Join(dir, "none.ttf"))
		_, _, err := run(cmdCompare, "--chart", filepath.Join(dir, "rates.png"), "调解成功率")
		if err == nil || !strings.Contains(err.Error(), "GONGWEN_FONT") {
			t.Errorf("--chart rates.png with GONGWEN_FONT missing: %v, want an error naming it", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("a refused chart left files: %v", entries)
		}
	})

	t.Run("compare errors", func(t *testing.T) {
		if _, _, err := run(cmdCompare); !errors.Is(err, errUsage) {
			t.Errorf("compare without an indicator: %v, want a usage error", err)
		}
		if _, _, err := run(cmdCompare, "--by", "month", "调解成功率"); !errors.Is(err, errUsage) {
			t.Errorf("compare --by month: %v, want a usage error", err)
		}
		_, _, err := run(cmdCompare, "不存在的指标")
		if err == nil || errors.Is(err, errUsage) || !strings.Contains(err.Error(), "no values of 不存在的指标") {
			t.Errorf("compare of an unknown indicator: %v", err)
		}
		_, _, err = run(cmdCompare, "--issuer", "金昌人民政府", "调解成功率")
		if !errors.Is(err, index.ErrBadQuery) || !strings.Contains(err.Error(), "金昌市人民政府") {
			t.Errorf("compare --issuer 金昌人民政府: %v, want a bad query naming 金昌市人民政府", err)
		}
	})

	t.Run("compare filters", func(t *testing.T) {
		stdout, stderr, err := run(cmdCompare, "--region", "甘肃", "调解成功率")
		if err != nil {
			t.Fatalf("compare --region 甘肃: %v\n%s", err, stderr)
		}
		if !strings.Contains(stdout, "金昌市人民政府") || strings.Contains(stdout, "驻马店") {
			t.Errorf("compare --region 甘肃:\n%s", stdout)
		}
	})
}

// runMain is the command line's run, which the tests' run helpers shadow.
var runMain = run

// readIndicators reads an export file back by its extension.
func readIndicators(t *testing.T, path string) []export.IndicatorRow {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []export.IndicatorRow
	switch filepath.Ext(path) {
	case ".csv":
		records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rows = rowsFromRecords(t, records)
	case ".jsonl":
		dec := json.NewDecoder(bytes.NewReader(data))
		for dec.More() {
			var r export.IndicatorRow
			if err := dec.Decode(&r); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, r)
		}
	case ".xlsx":
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		records, err := x.GetRows("indicators")
		if err != nil {
			t.Fatal(err)
		}
		rows = rowsFromRecords(t, records)
	case ".parquet":
		r := parquet.NewGenericReader[export.IndicatorRow](bytes.NewReader(data))
		defer r.Close()
		rows = make([]export.IndicatorRow, r.NumRows())
		if n, _ := r.Read(rows); n != len(rows) {
			t.Fatalf("parquet: read %d of %d rows", n, len(rows))
		}
	}
	return rows
}

// rowsFromRecords reads the issuer and indicator columns of a table.
func rowsFromRecords(t *testing.T, records [][]string) []export.IndicatorRow {
	t.Helper()
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	var rows []export.IndicatorRow
	for _, rec := range records[1:] {
		rows = append(rows, export.IndicatorRow{Issuer: rec[col["issuer"]], Indicator: rec[col["indicator"]]})
	}
	return rows
}

// svgTexts checks that data is well-formed XML with an svg root and returns
// its texts.
func svgTexts(t *testing.T, data []byte) string {
	t.Helper()
	var doc struct {
		XMLName xml.Name
		Texts   []string `xml:"text"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil || doc.XMLName.Local != "svg" {
		t.Fatalf("not an SVG document (%v): %.200s", err, data)
	}
	return strings.Join(doc.Texts, "|")
}

// exitStatus runs gongwen with args on data and returns its exit status.
func exitStatus(t *testing.T, data string, args ...string) int {
	t.Helper()
	return run(append([]string{args[0], "--data", data}, args[1:]...), io.Discard, io.Discard)
}

// TestExportFormPanel extracts and ingests generated 政府信息公开工作年度报告
// and exports their form as a panel: one row per report, the extension of
// --out choosing the format.
func TestExportFormPanel(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	reports := []string{"../../testdata/reports/xxgk-lanxi-2024-gbk.html", "../../testdata/reports/xxgk-baishui-2020.html",
		"../../testdata/reports/kaifeng-fzzf-2024.txt"}
	var stdout, stderr bytes.Buffer
	if err := cmdIngest(ctx, append([]string{"--data", data}, reports...), &stdout, &stderr); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr.String())
	}
	out := filepath.Join(dir, "panel.csv")
	stdout.Reset()
	stderr.Reset()
	if err := cmdExport(ctx, []string{"--data", data, "--form", "xxgk-annual-report", "--out", out}, &stdout, &stderr); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "2 form rows (csv)") {
		t.Errorf("stderr %q", stderr.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 3 || len(records[0]) != 217 {
		t.Fatalf("%d records of %d columns, want a header and 2 rows of 217", len(records), len(records[0]))
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	byIssuer := map[string][]string{}
	for _, r := range records[1:] {
		byIssuer[r[col["issuer"]]] = r
	}
	lanxi, baishui := byIssuer["兰溪市人民政府"], byIssuer["白水县人民政府"]
	if lanxi == nil || baishui == nil {
		t.Fatalf("rows %v", records[1:])
	}
	if lanxi[col["county_code"]] != "330781" || lanxi[col["report_year"]] != "2024" || lanxi[col["edition"]] != "2021" {
		t.Errorf("lanxi: %v", lanxi[:15])
	}
	if !strings.HasPrefix(lanxi[col["failed_checks"]], "review.total = sum of parts (0 ≠ ") {
		t.Errorf("lanxi failed checks %q", lanxi[col["failed_checks"]])
	}
	if baishui[col["edition"]] != "2019" || baishui[col["active.fees.amount"]] != "" || baishui[col["requests.new.total"]] == "" {
		t.Errorf("baishui: edition %q, fees %q, new.total %q", baishui[col["edition"]], baishui[col["active.fees.amount"]], baishui[col["requests.new.total"]])
	}

	stderr.Reset()
	pq := filepath.Join(dir, "panel.parquet")
	if err := cmdExport(ctx, []string{"--data", data, "--form", "xxgk-annual-report", "--out", pq, "--year", "2024"}, &stdout, &stderr); err != nil {
		t.Fatalf("export parquet: %v\n%s", err, stderr.String())
	}
	if f, err := os.Open(pq); err != nil {
		t.Fatal(err)
	} else {
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Errorf("parquet: %v", err)
		} else if pf.NumRows() != 1 {
			t.Errorf("parquet: %d rows, want the one report of 2024", pf.NumRows())
		}
		f.Close()
	}

	stderr.Reset()
	if err := cmdExport(ctx, []string{"--data", data, "--form", "budget"}, &stdout, &stderr); !errors.Is(err, errUsage) ||
		!strings.Contains(stderr.String(), "unknown form") {
		t.Errorf("unknown form: %v, %q", err, stderr.String())
	}
}
