// Command hostgen learns which division a government site publishes for, from
// documents extracted from it whose metadata names their issuer, and prints
// the rows hosts.tsv lacks:
//
//	gongwen extract URL ... > docs.jsonl     (or gongwen crawl, then gongwen extract the raw store)
//	go run ./extract/region/hostgen docs.jsonl >> extract/region/hosts.tsv
//
// A host's division is the most specific one that holds most of its
// documents (-share, 0.6 by default): a county's site that reposts its city's
// notices is still the county's. Hosts with fewer documents than -min (2)
// are left out, so one reposted page does not decide. Review the rows before
// committing them: a portal of several counties shows up as their city.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"

	"github.com/gongwen/gongwen/extract/region"
)

// document is what hostgen reads of an extracted document.
type document struct {
	Title    string `json:"title"`
	Issuer   string `json:"issuer"`
	National bool   `json:"national"`
	Source   struct {
		URL string `json:"url"`
	} `json:"source"`
	Region         *region.Region `json:"region"`
	IdentitySource struct {
		Issuer string `json:"issuer"`
	} `json:"identity_source"`
}

func main() {
	known := flag.String("known", "extract/region/hosts.tsv", "the table whose hosts are left out")
	minDocs := flag.Int("min", 2, "the fewest documents from a host that decide its division")
	share := flag.Float64("share", 0.6, "the share of a host's documents its division must hold")
	flag.Parse()
	skip, err := readKnown(*known)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostgen:", err)
		os.Exit(1)
	}
	hosts := map[string][]document{}
	inputs := flag.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, name := range inputs {
		if err := read(name, hosts); err != nil {
			fmt.Fprintln(os.Stderr, "hostgen:", err)
			os.Exit(1)
		}
	}
	for _, row := range learn(hosts, skip, *minDocs, *share) {
		fmt.Println(row)
	}
}

// readKnown returns the hosts of a hosts.tsv.
func readKnown(path string) (map[string]bool, error) {
	out := map[string]bool{}
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if host, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") {
			out[host] = true
		}
	}
	return out, nil
}

// read adds the documents of a JSONL file ("-" for stdin) whose metadata
// names their issuer to hosts, by host.
func read(name string, hosts map[string][]document) error {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 256<<20)
	for n := 1; sc.Scan(); n++ {
		var d document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("%s line %d: %v", name, n, err)
		}
		u, err := url.Parse(d.Source.URL)
		if err != nil || u.Hostname() == "" || d.IdentitySource.Issuer != "metadata" {
			continue
		}
		if d.Region == nil && !d.National {
			continue
		}
		host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		hosts[host] = append(hosts[host], d)
	}
	return sc.Err()
}

// learn returns a hosts.tsv row for each host not in skip with at least
// minDocs documents, most of which (share) lie in one division.
func learn(hosts map[string][]document, skip map[string]bool, minDocs int, share float64) []string {
	var names []string
	for h := range hosts {
		names = append(names, h)
	}
	sort.Strings(names)
	var rows []string
	for _, h := range names {
		docs := hosts[h]
		if skip[h] || len(docs) < minDocs {
			continue
		}
		code, example := division(docs, share)
		if code == "" {
			continue
		}
		rows = append(rows, fmt.Sprintf("%s\t%s\t%s (发布机构 %s; %d documents)", h, code, example.Title, example.Issuer, len(docs)))
	}
	return rows
}

// division returns the code of the most specific division that holds at
// least share of docs ("national" for national bodies), with a document
// from it.
func division(docs []document, share float64) (string, document) {
	count := map[string]int{}
	example := map[string]document{}
	level := map[string]region.Level{}
	for _, d := range docs {
		var codes []string
		if d.National {
			codes = []string{"national"}
		} else {
			r := *d.Region
			codes = []string{r.ProvinceCode, r.CityCode, r.CountyCode, r.TownshipCode}
			for i, c := range codes {
				if c != "" {
					level[c] = region.Level(i + 1)
				}
			}
		}
		for _, c := range codes {
			if c == "" {
				continue
			}
			count[c]++
			if _, ok := example[c]; !ok {
				example[c] = d
			}
		}
	}
	best := ""
	for c, n := range count {
		if float64(n) < share*float64(len(docs)) {
			continue
		}
		if best == "" || level[c] > level[best] || level[c] == level[best] && (n > count[best] || n == count[best] && c < best) {
			best = c
		}
	}
	return best, example[best]
}
