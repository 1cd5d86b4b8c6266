// Command gen writes fold.tsv, the table the fold package embeds, from the
// traditional→simplified character table of the npm package opencc-js
// (OpenCC's TSCharacters, Apache License 2.0). It keeps the characters whose
// simplified form is one character of the same UTF-8 length, so that folding
// never moves an offset; the few others (characters outside the Basic
// Multilingual Plane on one side) stay as they are.
//
// Run it from the repository root after unpacking the package:
//
//	(cd /tmp && npm pack opencc-js@1.4.2 && mkdir -p occ && tar xzf opencc-js-1.4.2.tgz -C occ)
//	go run ./extract/internal/fold/gen -opencc /tmp/occ/package/dist/esm-lib/dict/TSCharacters.js \
//	  -out extract/internal/fold/fold.tsv
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
)

func main() {
	opencc := flag.String("opencc", "", "TSCharacters.js of the npm package opencc-js")
	out := flag.String("out", "extract/internal/fold/fold.tsv", "the table to write")
	flag.Parse()
	if *opencc == "" {
		log.Fatal("gen: -opencc is required (see the package doc)")
	}
	b, err := os.ReadFile(*opencc)
	if err != nil {
		log.Fatal(err)
	}
	s := string(b)
	open, end := strings.IndexByte(s, '"'), strings.LastIndexByte(s, '"')
	if open < 0 || end <= open {
		log.Fatalf("gen: %s: no quoted table (expected export default \"繁 简|…\")", *opencc)
	}
	type pair struct{ trad, simp rune }
	var pairs []pair
	skipped := 0
	for _, entry := range strings.Split(s[open+1:end], "|") {
		f := strings.Fields(entry)
		if len(f) < 2 || utf8.RuneCountInString(f[0]) != 1 || utf8.RuneCountInString(f[1]) != 1 {
			skipped++
			continue
		}
		t, _ := utf8.DecodeRuneInString(f[0])
		sr, _ := utf8.DecodeRuneInString(f[1])
		if t == sr || utf8.RuneLen(t) != utf8.RuneLen(sr) {
			skipped++
			continue
		}
		pairs = append(pairs, pair{t, sr})
	}
	// 薴 → 苧 → 苎: a simplified form that is itself folded is followed to the end
	to := map[rune]rune{}
	for _, p := range pairs {
		to[p.trad] = p.simp
	}
	for k, p := range pairs {
		for n := 0; n < 4; n++ {
			next, ok := to[pairs[k].simp]
			if !ok || utf8.RuneLen(next) != utf8.RuneLen(p.trad) {
				break
			}
			pairs[k].simp = next
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].trad < pairs[j].trad })
	var w bytes.Buffer
	for _, p := range pairs {
		fmt.Fprintf(&w, "%c\t%c\n", p.trad, p.simp)
	}
	if err := os.WriteFile(*out, w.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d characters folded, %d left as they are\n", len(pairs), skipped)
}
