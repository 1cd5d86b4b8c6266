package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/gongwen/gongwen/export"
	"github.com/gongwen/gongwen/index"
	"github.com/gongwen/gongwen/internal/output"
)

type compareOptions struct {
	data  string
	by    export.By
	where export.Where // the documents compared
	chart string       // SVG or PNG file to draw the table into
	json  bool
	csv   bool
	long  bool
}

const compareUsage = `Usage: gongwen compare [--data DIR] [--by issuer|region|year] [--issuer X] [--region R]
                       [--year N] [--kind K] [--chart FILE.svg|FILE.png] [--json|--csv] [--long] INDICATOR

Finds an indicator across the documents of the index (built by 'gongwen
ingest') and prints a table: rows are issuers (--by issuer, the default) or
regions (--by region: the issuer's division, GB/T 2260), columns are report
years; --by year turns it round. Cells are the value with its unit, ~ when
the document says 约/余/近…; large values in 万 and 亿.

A table shows one measure, and its levels only: compare 地区生产总值 finds
全市生产总值 and GDP too (the measure vocabulary maps them), never 人均地区生产总值
or a growth rate; 'change:地区生产总值' compares the growth rates,
'target:地区生产总值' the targets. A name the vocabulary does not know is
matched through the Chinese analyzer (调解成功率 also finds 人民调解成功率);
when it matches several measures (办理 and 新收 行政复议案件), the one named
as asked or the most frequent is shown and the others are listed under the
table; 'name:行政复议案件' puts every name that matches in one table. When a
place has several values for a year, the one named as asked is shown, else
the first in the text, marked * with the others listed under the table.
'NAME OP VALUE[UNIT]' keeps only such values: '调解成功率>=95', '地区生产总值>1000亿元'.

--json prints the table as JSON (a cell without a value is null); --csv as
CSV (blank where there is no value); --long prints one row per value (place,
region_code, year, value, unit, approx, name, doc_id, text), as CSV or, with
--json, as a JSON array: the tidy form pandas and R read.

--issuer, --region, --year and --kind compare only the documents they select,
as in 'gongwen search' (--region national: national bodies; --kind takes a kind
or its label on the web page, 统计公报); a value that matches nothing valid is
an error that lists the nearest values.

--chart draws the table: a line per place across the years (a bar per place
for a single year), for the values in the most common unit, in 万 or 亿 when
they are large, each value written beside its point or bar, with a title and
a line naming the documents and years. FILE.svg asks for a Chinese font
first (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi, PingFang SC,
Microsoft YaHei); FILE.png is drawn at twice the size with a Chinese font
found on this machine (fonts-noto-cjk or fonts-wqy-zenhei on Debian, PingFang
on macOS, Microsoft YaHei on Windows) or named by $GONGWEN_FONT.

Examples:
  gongwen compare 调解成功率
  gongwen compare --by region --chart rates.svg 调解成功率
  gongwen compare --chart gdp.png GDP
  gongwen compare --by region --kind stats-bulletin --year 2024 地区生产总值
  gongwen compare --json 受理人民调解案件 | jq .cells
  gongwen compare --long --by region 地区生产总值 > gdp.csv
  gongwen compare 'change:地区生产总值'
  gongwen compare --by region requests.new.total

Flags:
`

func cmdCompare(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts compareOptions
	var by string
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &opts.data)
	fs.StringVar(&by, "by", "issuer", "rows are `issuer`, region or year")
	fs.StringVar(&opts.where.Issuer, "issuer", "", "only documents of this exact `issuer`")
	fs.StringVar(&opts.where.Region, "region", "", "only documents from this `place` or a place in it (national: national bodies)")
	fs.IntVar(&opts.where.Year, "year", 0, "only documents of this report `year`")
	fs.StringVar(&opts.where.Kind, "kind", "", "only documents of this `kind`, e.g. stats-bulletin or 统计公报")
	fs.StringVar(&opts.chart, "chart", "", "draw the table as SVG or PNG into `FILE.svg` or FILE.png")
	fs.BoolVar(&opts.json, "json", false, "print the table as JSON")
	fs.BoolVar(&opts.csv, "csv", false, "print the table as CSV")
	fs.BoolVar(&opts.long, "long", false, "print one row per value (tidy long form), as CSV or with --json as JSON")
	fs.Usage = func() { fmt.Fprint(fs.Output(), compareUsage); fs.PrintDefaults() }
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if opts.by, err = export.ParseBy(by); err != nil {
		fmt.Fprintln(stderr, "compare:", strings.TrimPrefix(err.Error(), "export: "))
		return errUsage
	}
	if opts.chart != "" && chartFormat(opts.chart) == "" {
		fmt.Fprintf(stderr, "compare: --chart %s: the name must end in .svg or .png\n", opts.chart)
		return errUsage
	}
	indicator := strings.TrimSpace(strings.Join(words, " "))
	if indicator == "" {
		fs.Usage()
		return errUsage
	}
	opts.data = dataDir(opts.data)
	return runCompare(ctx, opts, indicator, stdout, stderr)
}

func runCompare(ctx context.Context, opts compareOptions, indicator string, stdout, stderr io.Writer) error {
	ix, err := index.Open(opts.data)
	if err != nil {
		return err
	}
	defer ix.Close()
	t, err := export.CompareIndex(ctx, ix, indicator, opts.by, opts.where)
	if err != nil {
		return err
	}
	if t.Total == 0 {
		n, _ := ix.Count(ctx)
		return fmt.Errorf("no values of %s in the %d documents of %s; try a shorter name, or 'gongwen search --indicator %s'",
			indicator, n, index.Dir(opts.data), indicator)
	}
	switch {
	case opts.json:
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		var v any = t
		if opts.long {
			v = t.Long()
		}
		if err := enc.Encode(v); err != nil {
			return err
		}
	case opts.long:
		if err := t.WriteLongCSV(stdout); err != nil {
			return err
		}
	case opts.csv:
		if err := t.WriteCSV(stdout); err != nil {
			return err
		}
	default:
		if err := t.WriteText(stdout); err != nil {
			return err
		}
	}
	if opts.chart != "" {
		if err := writeChart(opts.chart, t); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "compare: chart in %s\n", opts.chart)
	}
	return nil
}

// chartFormat is the format a chart file's name asks for: svg, png or "".
func chartFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return "svg"
	case ".png":
		return "png"
	}
	return ""
}

// writeChart draws t into path; a failed chart leaves no file behind (see
// output).
func writeChart(path string, t *export.Table) error {
	draw := export.Chart
	if chartFormat(path) == "png" {
		font, err := export.FindFont()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		draw = func(w io.Writer, t *export.Table) error { return export.ChartPNG(w, t, font) }
	}
	out, err := output.Create(path)
	if err != nil {
		return err
	}
	defer out.Abort()
	if err := draw(out, t); err != nil {
		return err
	}
	return out.Commit()
}
