package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/gongwen/gongwen/export"
	"github.com/gongwen/gongwen/index"
	"github.com/gongwen/gongwen/internal/output"
)

type exportOptions struct {
	data      string
	format    string // csv, jsonl, xlsx, parquet; from --out's extension when empty
	out       string // file to write; stdout when empty
	documents bool   // one row per document instead of per indicator
	form      string // one row per report filling this national form, a column per key
	query     index.Query
}

const exportUsage = `Usage: gongwen export [--data DIR] [--format csv|jsonl|xlsx|parquet] [--out FILE]
                      [--documents | --form NAME] [filters] [QUERY ...]

Writes the indicators of the documents in the index (built by 'gongwen
ingest') as a table for Excel, pandas, R or DuckDB: one row per indicator —
doc_id, url, file, title, issuer, region_code, province_code, province, city_code,
city, county_code, county, township, report_year, signed, doc_numbers,
indicator, value, unit, approx, kind, text, sentence, section. With
--documents, one row per document instead (doc_kind, published,
index_number, the number of indicators and of characters).

With --form xxgk-annual-report, the panel of the 政府信息公开工作年度报告: one
row per report — doc_id, issuer, region codes and names, report_year,
edition, url, file, title — then one column per key of the form
(active.rules.issued … suit_after_review.total, the 200 keys of
xxgk-form.md in its order; money in 元; empty when the report does not
fill the key), then failed_checks (the form's own arithmetic that does not
add up, with both sides) and warnings.

QUERY and the filters select documents as in 'gongwen search'; with
--indicator only the matching indicators are written. Regions come from the
issuer (GB/T 2260 codes). Rows are written as they are read, in document id
order, so large exports keep memory flat.

Formats:
  csv      UTF-8 with a byte order mark (Excel reads Chinese), RFC 4180 quoting
  jsonl    one JSON object per row
  xlsx     Excel workbook: typed numbers, frozen header row, column widths
  parquet  typed columns (string, int64, double, boolean), Snappy-compressed
The format defaults to the extension of --out, else csv. When nothing
matches, export says so and exits with status 1; --out is then not written
(a file already there is left as it is).

Examples:
  gongwen export --out indicators.xlsx
  gongwen export --format parquet --out rates.parquet --indicator 调解成功率
  gongwen export --documents --year 2024 --out docs.csv 法治政府
  gongwen export --form xxgk-annual-report --out panel.xlsx --region 浙江省
  gongwen export --format jsonl --issuer 驻马店市人民政府 | jq .value

Flags:
`

func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts exportOptions
	q := &opts.query
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &opts.data)
	fs.StringVar(&opts.format, "format", "", "file format: `csv|jsonl|xlsx|parquet` (default: the extension of --out, else csv)")
	fs.StringVar(&opts.out, "out", "", "write to `FILE` instead of stdout")
	fs.BoolVar(&opts.documents, "documents", false, "one row per document instead of per indicator")
	fs.StringVar(&opts.form, "form", "", "one row per report filling the national form `NAME` (xxgk-annual-report), a column per key")
	addFilterFlags(fs, q, "only indicators matching `'NAME OP VALUE'`, e.g. '调解成功率>=95' or a name alone")
	fs.Usage = func() { fmt.Fprint(fs.Output(), exportUsage); fs.PrintDefaults() }
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	opts.query.Text = strings.Join(words, " ")
	opts.data = dataDir(opts.data)
	return runExport(ctx, opts, stdout, stderr)
}

func runExport(ctx context.Context, opts exportOptions, stdout, stderr io.Writer) error {
	name := opts.format
	if name == "" {
		name = strings.TrimPrefix(filepath.Ext(opts.out), ".")
		if _, err := export.ParseFormat(name); err != nil {
			name = string(export.CSV)
		}
	}
	format, err := export.ParseFormat(name)
	if err != nil {
		fmt.Fprintln(stderr, "export:", strings.TrimPrefix(err.Error(), "export: "))
		return errUsage
	}
	var panel *export.Panel
	if opts.form != "" {
		if opts.documents {
			fmt.Fprintln(stderr, "export: --form and --documents exclude each other")
			return errUsage
		}
		if panel, err = export.NewPanel(opts.form); err != nil {
			fmt.Fprintln(stderr, "export:", strings.TrimPrefix(err.Error(), "export: "))
			return errUsage
		}
	}
	if opts.out == "" && (format == export.XLSX || format == export.Parquet) && isTerminal(stdout) {
		fmt.Fprintf(stderr, "export: %s is a binary format; use --out FILE or redirect stdout\n", format)
		return errUsage
	}
	ix, err := index.Open(opts.data)
	if err != nil {
		return err
	}
	defer ix.Close()

	w := stdout
	var out *output.File
	if opts.out != "" {
		// A failed export never leaves a half-written file behind (see output).
		if out, err = output.Create(opts.out); err != nil {
			return err
		}
		defer out.Abort()
		w = out
	}
	var done func() // advances the progress bar, on a terminal
	if isTerminal(stderr) {
		count := opts.query
		count.Limit = 1
		res, err := ix.Search(ctx, count)
		if err != nil {
			return err
		}
		bar := progressbar.NewOptions(res.Total,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("export"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
		defer bar.Finish()
		done = func() { bar.Add(1) }
	}
	var n int
	what := "indicator"
	switch {
	case panel != nil:
		what = "form"
		var rw *export.Writer[any]
		if rw, err = panel.NewWriter(w, format); err == nil {
			if n, err = export.Forms(ctx, ix, opts.query, panel, rw, done); err == nil {
				err = rw.Close()
			}
		}
	case opts.documents:
		what = "document"
		n, err = writeRows(w, format, func(rw *export.Writer[export.DocumentRow]) (int, error) {
			return export.Documents(ctx, ix, opts.query, rw, done)
		})
	default:
		n, err = writeRows(w, format, func(rw *export.Writer[export.IndicatorRow]) (int, error) {
			return export.Indicators(ctx, ix, opts.query, rw, done)
		})
	}
	if err != nil {
		return err
	}
	if n == 0 {
		return noRows(ctx, ix, opts, format, what)
	}
	dest := "stdout"
	if out != nil {
		if err := out.Commit(); err != nil {
			return err
		}
		dest = opts.out
	}
	fmt.Fprintf(stderr, "export: %d %s rows (%s) to %s\n", n, what, format, dest)
	return nil
}

// noRows is the error of an export that found nothing: exit status 1, and
// --out is left as it was, so that a mistyped filter does not replace a good
// export with an empty one.
func noRows(ctx context.Context, ix *index.Index, opts exportOptions, format export.Format, what string) error {
	n, _ := ix.Count(ctx)
	where := "only the header was written"
	if format == export.JSONL {
		where = "nothing was written"
	}
	if opts.out != "" {
		where = opts.out + " not written"
	}
	return fmt.Errorf("no %s rows: nothing in the %d documents of %s matches the query and filters (%s); 'gongwen search' with the same ones shows what matches",
		what, n, index.Dir(opts.data), where)
}

// writeRows runs fill on a Writer of format f to w and closes it.
func writeRows[T any](w io.Writer, f export.Format, fill func(*export.Writer[T]) (int, error)) (int, error) {
	rw, err := export.NewWriter[T](w, f)
	if err != nil {
		return 0, err
	}
	n, err := fill(rw)
	if err != nil {
		return n, err
	}
	return n, rw.Close()
}
