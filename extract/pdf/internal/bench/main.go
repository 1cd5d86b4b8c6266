// Command bench compares extract/pdf with poppler's pdftotext on the PDF fixtures: accuracy against
// the source text and the best time of several runs. testdata/pdf/bench.sh runs it.
//
// Given PDF files as arguments, it reads those instead; a file without a NAME.txt source next to it
// (NAME is the file name up to the first "-") is scored against pdftotext's text, so its accuracy
// column says how closely the two agree.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/gongwen/gongwen/extract/pdf"
	"github.com/gongwen/gongwen/extract/pdf/internal/score"
)

func main() {
	dir := flag.String("dir", "testdata/pdf", "directory with NAME-FONT.pdf files and their NAME.txt sources")
	runs := flag.Int("runs", 5, "runs per file; the best time is reported")
	flag.Parse()
	files := flag.Args()
	if len(files) == 0 {
		var err error
		if files, err = filepath.Glob(filepath.Join(*dir, "*.pdf")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("%-18s %5s %10s %10s %12s %12s\n", "file", "pages", "acc(ours)", "acc(p2t)", "time(ours)", "time(p2t)")
	starred := false
	defer func() {
		if starred {
			fmt.Println("* no source text: accuracy measured against pdftotext's text")
		}
	}()
	for _, file := range files {
		base := strings.TrimSuffix(filepath.Base(file), ".pdf")
		name, _, _ := strings.Cut(base, "-")
		src, err := os.ReadFile(filepath.Join(filepath.Dir(file), name+".txt"))
		if err != nil && len(flag.Args()) == 0 {
			continue // no source text: scanned.pdf, truncated.pdf
		}
		body, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var res *pdf.Result
		ours := best(*runs, func() error {
			res, err = pdf.Read(body)
			return err
		})
		var out []byte
		theirs := best(*runs, func() error {
			out, err = exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
			return err
		})
		if res == nil || out == nil {
			fmt.Printf("%-18s failed: ours %v, pdftotext %v\n", base, ours.err, theirs.err)
			continue
		}
		if src == nil {
			src, base, starred = out, base+"*", true
		}
		for _, w := range res.Warnings {
			fmt.Printf("%-18s warning: %s\n", base, w)
		}
		fmt.Printf("%-18s %5d %10.4f %10.4f %12s %12s\n", base, res.Pages,
			score.Accuracy(res.Text, string(src)), score.Accuracy(string(out), string(src)),
			ours.d.Round(10*time.Microsecond), theirs.d.Round(10*time.Microsecond))
	}
}

type timing struct {
	d   time.Duration
	err error
}

func best(runs int, f func() error) timing {
	var t timing
	for i := 0; i < runs; i++ {
		start := time.Now()
		if err := f(); err != nil {
			return timing{err: err}
		}
		if d := time.Since(start); t.d == 0 || d < t.d {
			t.d = d
		}
	}
	return t
}
