// Command corpus writes generated reports (index/testcorpus) as text files,
// the input of the benchmarks in bench/ and index/bench.sh:
//
//	go run ./bench/corpus -n 3000 -out /tmp/reports
//
// File i is NNNNNN.txt under a directory per thousand, so that a directory
// stays small; the same -n and -seed always write the same files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gongwen/gongwen/index/testcorpus"
)

func main() {
	n := flag.Int("n", 3000, "number of reports")
	from := flag.Int("from", 0, "number of the first report (to grow a corpus)")
	seed := flag.Uint64("seed", 42, "seed of the generator")
	out := flag.String("out", "", "directory to write into")
	flag.Parse()
	if *out == "" || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: corpus -n N -out DIR [-from I] [-seed S]")
		os.Exit(2)
	}
	if err := write(*out, *from, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

func write(out string, from, n int, seed uint64) error {
	for i := from; i < from+n; i++ {
		dir := filepath.Join(out, fmt.Sprintf("%03d", i/1000))
		if i == from || i%1000 == 0 {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		doc := testcorpus.Document(i, seed)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.txt", i)), []byte(doc.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
