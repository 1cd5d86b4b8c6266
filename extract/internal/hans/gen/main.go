// Command gen converts OpenCC's traditional→simplified character table
// (TSCharacters, from the npm package opencc-js) into fold.tsv, which package
// hans embeds: one "traditional<TAB>simplified" line per character.
//
// Run it from the repository root after unpacking the package:
//
//	(cd /tmp && npm pack opencc-js@1.4.2 && mkdir -p occ && tar xzf opencc-js-1.4.2.tgz -C occ)
//	go run ./extract/internal/hans/gen -opencc /tmp/occ/package/dist/esm-lib/dict/TSCharacters.js
//
// Only one-to-one pairs are kept, and for a traditional character with several
// simplified forms the first (OpenCC's usual one).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	opencc := flag.String("opencc", "", "TSCharacters.js of the npm package opencc-js")
	out := flag.String("out", "extract/internal/hans/fold.tsv", "file to write")
	flag.Parse()
	if *opencc == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -opencc TSCharacters.js [-out FILE]")
		os.Exit(2)
	}
	src, err := os.ReadFile(*opencc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fold, n, err := convert(string(src))
	if err != nil {
		fmt.Fprintf(os.Stderr, "gen: %s: %v\n", *opencc, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, fold, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("%d folded characters in %s\n", n, *out)
}

// convert reads the table ("T S1 S2|T S|…" inside a JS string).
func convert(s string) ([]byte, int, error) {
	i, j := strings.IndexByte(s, '"'), strings.LastIndexByte(s, '"')
	if i < 0 || j <= i {
		return nil, 0, fmt.Errorf("no quoted table found")
	}
	var buf bytes.Buffer
	n := 0
	for _, pair := range strings.Split(s[i+1:j], "|") {
		f := strings.Fields(pair)
		if len(f) < 2 {
			continue
		}
		t, simp := []rune(f[0]), []rune(f[1])
		if len(t) != 1 || len(simp) != 1 || t[0] == simp[0] {
			continue
		}
		fmt.Fprintf(&buf, "%c\t%c\n", t[0], simp[0])
		n++
	}
	return buf.Bytes(), n, nil
}
