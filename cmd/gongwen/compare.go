package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/gongwen/gongwen/export"
	"github.com/gongwen/gongwen/index"
	"github.com/gongwen/gongwen/internal/output"
)

type compareOptions struct {
	data  string
	by    export.By
	chart string // SVG file to draw the table into
	json  bool
}

const compareUsage = `Usage: gongwen compare [--data DIR] [--by issuer|region|year] [--chart FILE.svg] [--json] INDICATOR

Finds an indicator across the documents of the index (built by 'gongwen
ingest') and prints a table: rows are issuers (--by issuer, the default) or
regions (--by region: the issuer's division, GB/T 2260), columns are report
years; --by year turns it round. Cells are the value with its unit, ~ when
the document says 约/余/近…; large values in 万 and 亿. When a place has
several values for a year, the one named exactly INDICATOR is shown, else the
first.

INDICATOR is matched through the Chinese analyzer, so 调解成功率 also finds
人民调解成功率; the names found are listed under the table. 'NAME OP VALUE'
keeps only such values: '调解成功率>=95'.

--chart draws the table as SVG: a line per place across the years (a bar per
place for a single year), for the values in the most common unit.

Examples:
  gongwen compare 调解成功率
  gongwen compare --by region --chart rates.svg 调解成功率
  gongwen compare --json 受理人民调解案件 | jq .cells

Flags:
`

func cmdCompare(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts compareOptions
	var by string
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &opts.data)
	fs.StringVar(&by, "by", "issuer", "rows are `issuer`, region or year")
	fs.StringVar(&opts.chart, "chart", "", "draw the table as SVG into `FILE.svg`")
	fs.BoolVar(&opts.json, "json", false, "print the table as JSON")
	fs.Usage = func() { fmt.Fprint(fs.Output(), compareUsage); fs.PrintDefaults() }
	words, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if opts.by, err = export.ParseBy(by); err != nil {
		fmt.Fprintln(stderr, "compare:", strings.TrimPrefix(err.Error(), "export: "))
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
	t, err := export.CompareIndex(ctx, ix, indicator, opts.by)
	if err != nil {
		return err
	}
	if t.Total == 0 {
		n, _ := ix.Count(ctx)
		return fmt.Errorf("no values of %s in the %d documents of %s; try a shorter name, or 'gongwen search --indicator %s'",
			indicator, n, index.Dir(opts.data), indicator)
	}
	if opts.json {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(t); err != nil {
			return err
		}
	} else if err := t.WriteText(stdout); err != nil {
		return err
	}
	if opts.chart != "" {
		if err := writeChart(opts.chart, t); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "compare: chart in %s\n", opts.chart)
	}
	return nil
}

// writeChart draws t into path; a failed chart leaves no file behind (see
// output).
func writeChart(path string, t *export.Table) error {
	out, err := output.Create(path)
	if err != nil {
		return err
	}
	defer out.Abort()
	if err := export.Chart(out, t); err != nil {
		return err
	}
	return out.Commit()
}
