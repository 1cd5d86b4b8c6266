package region

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

//go:embed divisions.tsv.gz
var divisionsGz []byte

//go:embed fold.tsv
var foldTSV string

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

// division is one row of the embedded table. Code has 2, 4, 6 or 9 digits.
type division struct {
	code, name string
	level      Level
	parent     int32 // index of the nearest division above, or -1
}

type table struct {
	divs     []division // sorted by code, parents first
	aliases  map[string][]int32
	maxAlias int             // longest alias, in runes
	maxUpper int             // longest alias of a county or a division above it
	upperBi  map[string]bool // the first two characters of those aliases
	fold     *chars.RuneMap
}

var (
	loadOnce sync.Once
	loaded   *table
)

// load parses the embedded tables once. They are part of the binary, so a
// failure is a build error and panics.
func load() *table {
	loadOnce.Do(func() {
		t, err := parse(divisionsGz, foldTSV)
		if err != nil {
			panic("region: embedded division table: " + err.Error())
		}
		loaded = t
	})
	return loaded
}

func parse(gz []byte, fold string) (*table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	// One string for the whole table: codes and names are substrings of it,
	// and the maps are made at their final size (the load is on the start-up
	// path of every command). It is read straight into a string of its size,
	// which the gzip trailer gives (modulo 2³²).
	var b strings.Builder
	if len(gz) >= 4 {
		b.Grow(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])))
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, err
	}
	text := b.String()
	n := strings.Count(text, "\n")
	t := &table{
		divs:    make([]division, 0, n),
		aliases: make(map[string][]int32, n+n/8),
		fold:    new(chars.RuneMap),
		upperBi: map[string]bool{},
	}
	levels := map[int]Level{2: Province, 4: City, 6: County, 9: Township} // by code length
	// last[n] is the last division read with an n-digit code: the lines are
	// sorted by code, so a division's parent is the last one of its length
	// whose code starts its own.
	last := map[int]int32{}
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		code, name, ok := strings.Cut(line, "\t")
		level := levels[len(code)]
		if !ok || level == None || name == "" {
			return nil, fmt.Errorf("bad line %q", line)
		}
		d := division{code: code, name: name, level: level, parent: -1}
		for _, n := range []int{6, 4, 2} { // the nearest division above
			if p, ok := last[n]; ok && n < len(code) && t.divs[p].code == code[:n] {
				d.parent = p
				break
			}
		}
		if level != Province && d.parent < 0 {
			return nil, fmt.Errorf("%s %s has no province above it", code, name)
		}
		if k := len(t.divs); k > 0 && t.divs[k-1].code >= code {
			return nil, fmt.Errorf("%s after %s: the table is not sorted by code", code, t.divs[k-1].code)
		}
		last[len(code)] = int32(len(t.divs))
		t.divs = append(t.divs, d)
	}
	for line := range strings.Lines(fold) {
		f := []rune(strings.TrimSuffix(line, "\n"))
		if len(f) != 3 || f[1] != '\t' {
			return nil, fmt.Errorf("bad fold line %q", line)
		}
		t.fold.Set(f[0], f[2])
	}
	var names []string
	one := make([]int32, 0, n+n/8)
	for i, d := range t.divs {
		names = appendAliases(names[:0], d)
		for _, a := range names {
			a = t.normalize(a) // as issuers are: 中国（上海）自由贸易试验区 → 中国上海自由贸易试验区
			if ds, ok := t.aliases[a]; ok {
				t.aliases[a] = append(ds, int32(i))
			} else {
				// Most aliases name one division: their lists share an array.
				one = append(one, int32(i))
				t.aliases[a] = one[len(one)-1 : len(one) : len(one)]
			}
			n := utf8.RuneCountInString(a)
			t.maxAlias = max(t.maxAlias, n)
			if d.level <= County && n >= 2 {
				t.maxUpper = max(t.maxUpper, n)
				_, first := utf8.DecodeRuneInString(a)
				_, second := utf8.DecodeRuneInString(a[first:])
				t.upperBi[a[:first+second]] = true
			}
		}
	}
	return t, nil
}

// find returns the index of the division with the code, by binary search
// (a map of the 44,000 codes cost a third of the load).
func (t *table) find(code string) (int32, bool) {
	i, ok := slices.BinarySearchFunc(t.divs, code, func(d division, code string) int { return strings.Compare(d.code, code) })
	return int32(i), ok
}

// municipalities are the provinces that are their own city: the table has no
// city rows for them, and their regions get the city code xx0100.
var municipalities = map[string]bool{"11": true, "12": true, "31": true, "50": true}

// appendAliases appends the names a division is written as to names. Only
// provinces and cities get short forms: short county names are common words
// (公安县 → 公安局).
func appendAliases(names []string, d division) []string {
	name := d.name
	switch d.level {
	case Province:
		if base, ok := strings.CutSuffix(name, "自治区"); ok {
			base = stripEthnic(base)
			return append(names, name, base, base+"自治区")
		}
		if base, ok := strings.CutSuffix(name, "省"); ok {
			return append(names, name, base)
		}
		if base, ok := strings.CutSuffix(name, "市"); ok { // 北京市
			return append(names, name, base)
		}
	case City:
		if base, ok := strings.CutSuffix(name, "自治州"); ok {
			base = stripEthnic(base)
			return append(names, name, base, base+"州", base+"自治州")
		}
		for _, suffix := range []string{"市", "地区", "盟"} {
			if base, ok := strings.CutSuffix(name, suffix); ok && utf8.RuneCountInString(base) >= 2 {
				return append(names, name, base)
			}
		}
	case County:
		for _, s := range [][2]string{{"自治县", "县"}, {"自治旗", "旗"}} {
			if base, ok := strings.CutSuffix(name, s[0]); ok {
				base = stripEthnic(base)
				if utf8.RuneCountInString(base) >= 2 {
					return append(names, name, base+s[0], base+s[1]) // 长阳土家族自治县: 长阳自治县, 长阳县
				}
			}
		}
	}
	return append(names, name)
}

// ethnicGroups are the names that autonomous divisions carry between the
// place name and 自治…: 恩施土家族苗族自治州 → 恩施.
var ethnicGroups = strings.Fields(`蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
	傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米
	塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各`)

func stripEthnic(s string) string {
	for {
		base, ok := strings.CutSuffix(s, "族")
		if !ok {
			return s
		}
		longest := ""
		for _, g := range ethnicGroups {
			if strings.HasSuffix(base, g) && len(g) > len(longest) && len(base) > len(g) {
				longest = g
			}
		}
		if longest == "" {
			return s
		}
		s = strings.TrimSuffix(base, longest)
	}
}

// normalize folds traditional characters and drops spaces and punctuation.
func (t *table) normalize(s string) string {
	return strings.Map(func(r rune) rune {
		// A CJK Unified Ideograph, as nearly every character of a name is,
		// is neither: skip the look-ups in the Unicode tables.
		if (r < 0x4e00 || r > 0x9fff) && (unicode.IsSpace(r) || unicode.IsPunct(r)) {
			return -1
		}
		f, _ := t.fold.Get(r)
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
		for _, d := range t.aliases[string(rs[:n])] {
			if cands == nil || t.insideAny(d, cands) {
				found = append(found, d)
			}
		}
		if len(found) == 0 {
			continue
		}
		top := found[0]
		for _, d := range found {
			if t.divs[d].level < t.divs[top].level {
				top = d
			}
		}
		kept := found[:0]
		for _, d := range found {
			if t.divs[d].level == t.divs[top].level {
				kept = append(kept, d)
			}
		}
		return kept, n
	}
	return nil, 0
}

// insideAny reports whether d lies strictly below one of cands.
func (t *table) insideAny(d int32, cands []int32) bool {
	for p := t.divs[d].parent; p >= 0; p = t.divs[p].parent {
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
	for a := ds[0]; a >= 0; a = t.divs[a].parent {
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
	for ; d >= 0; d = t.divs[d].parent {
		if d == a {
			return true
		}
	}
	return false
}

func (t *table) region(i int32) Region {
	var r Region
	for ; i >= 0; i = t.divs[i].parent {
		d := t.divs[i]
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
