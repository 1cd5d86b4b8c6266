package region

import (
	_ "embed"
	"fmt"
	"net"
	"strings"
	"sync"
)

//go:embed hosts.tsv
var hostsTSV string

// hostEntry is a row of hosts.tsv.
type hostEntry struct {
	code     string // a division code, or "" for a national site
	national bool
}

var (
	hostsOnce sync.Once
	hosts     map[string]hostEntry
)

func loadHosts() map[string]hostEntry {
	hostsOnce.Do(func() {
		h, err := parseHosts(hostsTSV)
		if err != nil {
			panic("region: embedded hosts.tsv: " + err.Error()) // a build error
		}
		hosts = h
	})
	return hosts
}

func parseHosts(tsv string) (map[string]hostEntry, error) {
	out := map[string]hostEntry{}
	for i, row := range strings.Split(strings.TrimSpace(tsv), "\n") {
		if strings.HasPrefix(row, "#") || strings.HasPrefix(row, "host\t") {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != 3 || f[0] == "" || f[2] == "" {
			return nil, fmt.Errorf("line %d: want host, code, example", i+1)
		}
		host := normalizeHost(f[0])
		if _, dup := out[host]; dup {
			return nil, fmt.Errorf("line %d: %s twice", i+1, host)
		}
		if f[1] == "national" {
			out[host] = hostEntry{national: true}
			continue
		}
		if _, ok := Lookup(f[1]); !ok {
			return nil, fmt.Errorf("line %d: %s: unknown division code %q", i+1, host, f[1])
		}
		out[host] = hostEntry{code: f[1]}
	}
	return out, nil
}

// normalizeHost lower-cases a host and drops its port and a leading www.
func normalizeHost(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.TrimPrefix(strings.TrimSuffix(host, "."), "www.")
}

// Host returns what hosts.tsv knows of a government site: the division
// whose documents it publishes, or national for a site of the central
// government. A subdomain is its domain's (tjj.sjz.gov.cn is sjz.gov.cn),
// but no host is gov.cn's but gov.cn itself. ok is false for a host the
// table does not list.
func Host(host string) (r Region, national, ok bool) {
	table := loadHosts()
	h := normalizeHost(host)
	for {
		if e, found := table[h]; found {
			if e.national {
				return Region{}, true, true
			}
			r, _ := Lookup(e.code)
			return r, false, true
		}
		_, parent, _ := strings.Cut(h, ".")
		if strings.Count(parent, ".") < 2 { // a public suffix such as gov.cn is nobody's domain
			return Region{}, false, false
		}
		h = parent
	}
}
