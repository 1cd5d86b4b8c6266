package region

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// Level is the level of a division in the hierarchy.
type Level int

// Levels, from the top.
const (
	None     Level = iota // national bodies (国务院) and unknown issuers
	Province              // 省, 自治区, 直辖市
	City                  // 地级市, 地区, 自治州, 盟; a municipality is also its own city
	County                // 区, 县, 县级市, 旗, and the statistical development zones
	Township              // 街道, 镇, 乡, 苏木
)

var levelNames = [...]string{"none", "province", "city", "county", "township"}

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

// Region is where an issuer sits: the codes and names of its division and of
// every division above it. Codes are GB/T 2260 six-digit codes (province
// 410000, city 411700, county 411702) and nine-digit township codes
// (411702001). Levels below the resolved one are empty; so is the city of a
// county directly under its province (济源市).
type Region struct {
	ProvinceCode string `json:"province_code,omitempty"`
	Province     string `json:"province,omitempty"`
	CityCode     string `json:"city_code,omitempty"`
	City         string `json:"city,omitempty"`
	CountyCode   string `json:"county_code,omitempty"`
	County       string `json:"county,omitempty"`
	TownshipCode string `json:"township_code,omitempty"`
	Township     string `json:"township,omitempty"`
}

// Level reports the most specific level the region was resolved to.
func (r Region) Level() Level {
	switch {
	case r.TownshipCode != "":
		return Township
	case r.CountyCode != "":
		return County
	case r.CityCode != "":
		return City
	case r.ProvinceCode != "":
		return Province
	}
	return None
}

// Code returns the code of the most specific division, or "".
func (r Region) Code() string {
	switch r.Level() {
	case Township:
		return r.TownshipCode
	case County:
		return r.CountyCode
	case City:
		return r.CityCode
	case Province:
		return r.ProvinceCode
	}
	return ""
}

// Name returns the full name from the province down: 河南省驻马店市,
// 上海市杨浦区 (a municipality's name is written once).
func (r Region) Name() string {
	var b strings.Builder
	b.WriteString(r.Province)
	if r.City != r.Province {
		b.WriteString(r.City)
	}
	b.WriteString(r.County)
	b.WriteString(r.Township)
	return b.String()
}

// Resolve finds the division an issuer belongs to from the place names it
// starts with: 驻马店市人民政府 → 河南省驻马店市; 杭州市西湖区留下街道办事处 →
// its township; 上海市杨浦区人民政府 → 上海市杨浦区; 河南省司法厅 → 河南省.
//
// Names are matched in full (静海区, 塘栖镇, 缙云县) or, for provinces and
// cities, in short (河南, 驻马店, 恩施州); traditional characters are folded
// first (縉云縣 → 缙云县), and a leading 中共 or national body with local
// offices (国家税务总局驻马店市税务局) is skipped. Each following name
// must lie inside the one before. A name shared by several divisions (朝阳区
// in Beijing and in Changchun) is narrowed by the names that follow it; what
// stays ambiguous resolves to the divisions' common ancestor, if they have
// one. Resolve reports false for national bodies (国务院, 司法部) and for
// issuers that start with no known place name.
func Resolve(issuer string) (Region, bool) {
	t := load()
	cands := t.candidates(issuer)
	if len(cands) == 0 {
		return Region{}, false
	}
	d := t.commonAncestor(cands)
	if d < 0 {
		return Region{}, false
	}
	return t.region(d), true
}

// leadingWords come before the place name of an issuer: the party, and the
// national bodies whose local offices carry the place name after theirs
// (国家税务总局驻马店市税务局). Alone, they leave no place: national.
var leadingWords = []string{"中国共产党", "中共", "国家税务总局", "国家统计局", "中国人民银行",
	"国家金融监督管理总局", "国家外汇管理局", "中国农业发展银行"}

// Lookup returns the region of a division code: a GB/T 2260 code (410000,
// 411700, 411702), a nine-digit township code, or the short forms 41 and 4117.
func Lookup(code string) (Region, bool) {
	t := load()
	switch {
	case len(code) == 6 && strings.HasSuffix(code, "0000"):
		code = code[:2]
	case len(code) == 6 && strings.HasSuffix(code, "00"):
		code = code[:4]
	}
	if len(code) == 4 && municipalities[code[:2]] && (code[2:] == "01" || code[2:] == "02") {
		code = code[:2] // the municipality is its own city (110100, 500200)
	}
	i, ok := t.find(code)
	if !ok {
		return Region{}, false
	}
	return t.region(i), true
}

// municipalities are the provinces that are their own city: the table has no
// city rows for them, and their regions get the city code xx0100.
var municipalities = map[string]bool{"11": true, "12": true, "31": true, "50": true}

// normalize folds traditional characters and drops spaces and punctuation.
func (t *table) normalize(s string) string { return normalize(t.fold, s) }

func normalize(fold *chars.RuneMap, s string) string {
	return strings.Map(func(r rune) rune {
		// A CJK Unified Ideograph, as nearly every character of a name is,
		// is neither: skip the look-ups in the Unicode tables.
		if (r < 0x4e00 || r > 0x9fff) && (unicode.IsSpace(r) || unicode.IsPunct(r)) {
			return -1
		}
		f, _ := fold.Get(r)
		return f
	}, s)
}

// places reads the place names rs starts with and returns the divisions the
// last one may mean.
func (t *table) places(rs []rune) []int32 {
	var cands []int32 // nil at the start: any division
	for pos := 0; pos < len(rs); {
		next, n := t.match(rs[pos:], cands)
		if n == 0 {
			break
		}
		cands, pos = next, pos+n
	}
	return cands
}

// match finds the longest alias at the start of rs that names a division
// inside one of cands (any division when cands is nil). When several
// divisions share that alias, only those at the highest level are kept
// (吉林 is the province before the city). It returns the divisions and the
// alias length in runes, or 0 when nothing matches.
func (t *table) match(rs []rune, cands []int32) ([]int32, int) {
	for n := min(t.maxAlias, len(rs)); n >= 2; n-- {
		var found []int32
		for d := range t.alias(string(rs[:n])) {
			if cands == nil || t.insideAny(d, cands) {
				found = append(found, d)
			}
		}
		if len(found) == 0 {
			continue
		}
		top := found[0]
		for _, d := range found {
			if t.level(d) < t.level(top) {
				top = d
			}
		}
		kept := found[:0]
		for _, d := range found {
			if t.level(d) == t.level(top) {
				kept = append(kept, d)
			}
		}
		return kept, n
	}
	return nil, 0
}

// insideAny reports whether d lies strictly below one of cands.
func (t *table) insideAny(d int32, cands []int32) bool {
	for p := t.parent(d); p >= 0; p = t.parent(p) {
		for _, c := range cands {
			if p == c {
				return true
			}
		}
	}
	return false
}

// commonAncestor returns the deepest division that is, or lies above, every
// one of ds, or -1.
func (t *table) commonAncestor(ds []int32) int32 {
	for a := ds[0]; a >= 0; a = t.parent(a) {
		all := true
		for _, d := range ds[1:] {
			if !t.within(d, a) {
				all = false
				break
			}
		}
		if all {
			return a
		}
	}
	return -1
}

// within reports whether d is a or lies below it.
func (t *table) within(d, a int32) bool {
	for ; d >= 0; d = t.parent(d) {
		if d == a {
			return true
		}
	}
	return false
}

func (t *table) region(i int32) Region {
	var r Region
	for ; i >= 0; i = t.parent(i) {
		d := t.div(i)
		switch d.level {
		case Province:
			r.ProvinceCode, r.Province = d.code+"0000", d.name
			if municipalities[d.code] {
				r.CityCode, r.City = d.code+"0100", d.name
			}
		case City:
			r.CityCode, r.City = d.code+"00", d.name
		case County:
			r.CountyCode, r.County = d.code, d.name
		case Township:
			r.TownshipCode, r.Township = d.code, d.name
		}
	}
	return r
}

// Fold returns s with its traditional characters folded to simplified ones,
// character for character: 地區生產總值 → 地区生产总值.
func Fold(s string) string {
	return load().fold.Map(s)
}
