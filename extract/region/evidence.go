package region

import (
	"strings"
)

// Candidates returns every division the place names at the start of issuer
// may mean, as Resolve reads them: one for most issuers, several for a name
// that several divisions share (三都镇 is a town in six counties), none for
// national bodies and names without a place.
func Candidates(issuer string) []Region {
	t := load()
	var out []Region
	for _, d := range t.candidates(issuer) {
		out = append(out, t.region(d))
	}
	return out
}

func (t *table) candidates(issuer string) []int32 {
	s := t.normalize(issuer)
	for _, p := range leadingWords {
		s = strings.TrimPrefix(s, p)
	}
	cands := t.places([]rune(s))
	if len(cands) == 0 && strings.HasPrefix(s, "驻") { // 国家统计局驻杭州调查队, but 驻马店 itself
		cands = t.places([]rune(strings.TrimPrefix(s, "驻")))
	}
	return cands
}

// ResolveWith is Resolve with evidence of where a document comes from, for
// a name that several divisions share: the candidates that lie inside an
// evidence region are kept, evidence by evidence, until one is left (三都镇
// with 福安市 named in the text, or a 宁德 host). What stays ambiguous
// resolves to the candidates' common ancestor, the level the evidence
// supports. used is the index of the last evidence that narrowed the
// candidates, or -1.
func ResolveWith(issuer string, evidence ...Region) (r Region, used int, ok bool) {
	t := load()
	cands := t.candidates(issuer)
	used = -1
	if len(cands) == 0 {
		return Region{}, -1, false
	}
	for i, ev := range evidence {
		if len(cands) == 1 {
			break
		}
		var inside []int32
		for _, c := range cands {
			if t.region(c).Within(ev) {
				inside = append(inside, c)
			}
		}
		if len(inside) > 0 && len(inside) < len(cands) {
			cands, used = inside, i
		}
	}
	d := t.commonAncestor(cands)
	if d < 0 {
		return Region{}, used, false
	}
	return t.region(d), used, true
}

// Within reports whether r is the division a or lies inside it. The zero
// Region is within nothing.
func (r Region) Within(a Region) bool {
	switch a.Level() {
	case Province:
		return r.ProvinceCode == a.ProvinceCode
	case City:
		return r.CityCode == a.CityCode
	case County:
		return r.CountyCode == a.CountyCode
	case Township:
		return r.TownshipCode == a.TownshipCode
	}
	return false
}

// Exact returns the division that name is, written whole: 西藏 → 西藏自治区,
// 珠海市斗门区 → its district, 黔东南州 → 黔东南苗族侗族自治州. Unlike
// Resolve, nothing may follow the place names, and a name that several
// divisions share resolves only if they have a common ancestor.
func Exact(name string) (Region, bool) {
	t := load()
	rs := []rune(t.normalize(name))
	var cands []int32
	pos := 0
	for pos < len(rs) {
		next, n := t.match(rs[pos:], cands)
		if n == 0 {
			return Region{}, false
		}
		cands, pos = next, pos+n
	}
	if len(cands) == 0 {
		return Region{}, false
	}
	d := t.commonAncestor(cands)
	if d < 0 {
		return Region{}, false
	}
	return t.region(d), true
}

// LocalName returns the name of the most specific division of r as a
// document names its government: the county's, else the city's, else the
// province's (长沙县, 西藏自治区, 北京市).
func (r Region) LocalName() string {
	for _, n := range []string{r.Township, r.County, r.City, r.Province} {
		if n != "" {
			return n
		}
	}
	return ""
}

// maxMentions bounds the divisions Mentioned returns.
const maxMentions = 64

// Mentioned returns the divisions of county level or above that a text
// names in full (福安市, 建德市, 长沙县) or, for provinces and cities, in
// short (浙江, 宁德), in the order they are first named. A name several
// divisions share yields each of them. Township names are left out: too
// many of them are common words.
func Mentioned(text string) []Region {
	t := load()
	s := t.normalize(text)
	var starts []int // byte offset of each rune, and the end
	for i := range s {
		starts = append(starts, i)
	}
	starts = append(starts, len(s))
	seen := map[int32]bool{}
	var out []Region
	for i := 0; i+1 < len(starts) && len(out) < maxMentions; {
		n := 0
		longest := 0 // of the names of counties and above that start here
		if i+2 < len(starts) {
			longest = t.upperBi[s[starts[i]:starts[i+2]]]
		}
		if longest == 0 {
			i++
			continue
		}
		for k := min(longest, len(starts)-1-i); k >= 2; k-- {
			found := false
			for d := range t.alias(s[starts[i]:starts[i+k]]) {
				if t.level(d) > County {
					continue
				}
				found = true
				if !seen[d] {
					seen[d] = true
					out = append(out, t.region(d))
				}
			}
			if found {
				n = k
				break
			}
		}
		i += max(n, 1)
	}
	return out
}
