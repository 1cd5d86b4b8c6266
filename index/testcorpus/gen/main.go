// Command gen writes generated reports (see testcorpus) as the JSON lines
// gongwen extract prints, for benchmarks that need an index of a given
// size: go run ./index/testcorpus/gen -docs 15000 > docs.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"

	"github.com/gongwen/gongwen/index/testcorpus"
)

func main() {
	docs := flag.Int("docs", 3000, "number of documents")
	seed := flag.Uint64("seed", 42, "random seed")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range *docs {
		if err := enc.Encode(testcorpus.Document(i, *seed)); err != nil {
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		os.Exit(1)
	}
}
