package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gongwen/gongwen/export"
	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

const measuresUsage = `Usage: gongwen measures [--data DIR] [--unmapped] [--top N] [FILE.jsonl|- ...]

Lists the measures of the indicators (地区生产总值, 纠错率 …) with how many
documents and values have each, most frequent first; --unmapped lists instead
the indicator names that no measure of the vocabulary covers, by the stem a
line of extract/measure/measures.tsv would need (the name without 增长, 目标,
全市 …). Reads the index, or the JSONL that 'gongwen extract' prints.

Columns: documents, values, mapped (measure or name), the main unit of its
levels, the name, and a sentence with one.

Examples:
  gongwen measures --top 20
  gongwen extract reports/ | gongwen measures --unmapped -

Flags:
`

func cmdMeasures(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var data string
	var unmapped bool
	var top int
	fs := flag.NewFlagSet("measures", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &data)
	fs.BoolVar(&unmapped, "unmapped", false, "list the names without a measure")
	fs.IntVar(&top, "top", 50, "list the `N` most frequent; 0 for all")
	fs.Usage = func() { fmt.Fprint(fs.Output(), measuresUsage); fs.PrintDefaults() }
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	var c export.MeasureCounter
	if len(files) == 0 {
		ix, err := index.Open(dataDir(data))
		if err != nil {
			return err
		}
		defer ix.Close()
		err = ix.Each(ctx, index.Query{}, func(d *extract.Document) error { c.Add(d); return nil })
		if err != nil {
			return err
		}
	}
	for _, name := range files {
		if err := countJSONL(name, &c); err != nil {
			return err
		}
	}
	w := bufio.NewWriter(stdout)
	for _, m := range c.Top(top, unmapped) {
		kind := "name"
		if m.Mapped {
			kind = "measure"
		}
		fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%s\n", m.Docs, m.Count, kind, m.Unit, m.Name, strings.Join(strings.Fields(m.Example), " "))
	}
	return w.Flush()
}

// countJSONL counts the documents of a JSONL file of extracted documents ("-" for stdin).
func countJSONL(name string, c *export.MeasureCounter) error {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var d extract.Document
		if err := dec.Decode(&d); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("measures: %s: document %d: %w", name, n, err)
		}
		c.Add(&d)
	}
}
