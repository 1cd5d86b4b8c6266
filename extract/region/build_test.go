package region

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// This file makes table.bin from the sources, divisions.tsv.gz and
// fold.tsv (made by gen/main.go): go generate, or
//
//	go test -run '^TestTableFile$' -update ./extract/region

var update = flag.Bool("update", false, "write table.bin from divisions.tsv.gz and fold.tsv")

//go:embed divisions.tsv.gz
var divisionsGz []byte

// source is the table as the sources give it, with the names each division
// is written as.
type source struct {
	divs     []division // sorted by code, parents first
	aliases  map[string][]int32
	maxAlias int            // longest alias, in runes
	maxUpper int            // longest alias of a county or a division above it
	upperBi  map[string]int // the first two characters of those aliases: the longest, in runes
	fold     *chars.RuneMap
}

func parse(gz []byte, fold string) (*source, error) {
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
	t := &source{
		divs:    make([]division, 0, n),
		aliases: make(map[string][]int32, n+n/8),
		fold:    new(chars.RuneMap),
		upperBi: map[string]int{},
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
			a = normalize(t.fold, a) // as issuers are: 中国（上海）自由贸易试验区 → 中国上海自由贸易试验区
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
				t.upperBi[a[:first+second]] = max(t.upperBi[a[:first+second]], n)
			}
		}
	}
	return t, nil
}

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

// encode writes the source as table.bin (see table.go).
func encode(t *source) []byte {
	var text strings.Builder
	starts := make([]int, len(t.divs)) // of each division's line
	for i, d := range t.divs {
		starts[i] = text.Len()
		fmt.Fprintf(&text, "%s\t%s\n", d.code, d.name)
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for a := range t.aliases {
			if !yield(a) {
				return
			}
		}
	})
	// A name is found in its first division's line, or after the lines.
	offsets := make([]int, len(names))
	for i, a := range names {
		d := t.divs[t.aliases[a][0]]
		if a == d.name {
			offsets[i] = starts[t.aliases[a][0]] + len(d.code) + 1
			continue
		}
		offsets[i] = text.Len()
		text.WriteString(a)
	}
	for text.Len()%4 != 0 {
		text.WriteByte(0)
	}
	var words []uint32
	var divs, aliases, lists, slots []uint32
	for i, d := range t.divs {
		divs = append(divs, uint32(starts[i]), uint32(d.parent))
	}
	for i, a := range names {
		ds := t.aliases[a]
		aliases = append(aliases, uint32(offsets[i]), uint32(len(lists)), uint32(len(a)|len(ds)<<8))
		for _, d := range ds {
			lists = append(lists, uint32(d))
		}
	}
	n := 1
	for n < 2*len(names) {
		n *= 2
	}
	slots = make([]uint32, n)
	for i, a := range names {
		s := hash(a) & uint32(n-1)
		for slots[s] != 0 {
			s = (s + 1) & uint32(n-1)
		}
		slots[s] = uint32(i + 1)
	}
	bigrams := slices.Sorted(func(yield func(string) bool) {
		for b := range t.upperBi {
			if !yield(b) {
				return
			}
		}
	})
	var tail strings.Builder
	for _, b := range bigrams {
		fmt.Fprintf(&tail, "%s\t%d\n", b, t.upperBi[b])
	}
	words = append(words, tableMagic, uint32(len(text.String())), uint32(len(t.divs)), uint32(len(names)),
		uint32(len(lists)), uint32(n), uint32(tail.Len()), uint32(t.maxAlias), uint32(t.maxUpper), 0)
	var out bytes.Buffer
	binary.Write(&out, binary.LittleEndian, words)
	out.WriteString(text.String())
	for _, w := range [][]uint32{divs, aliases, lists, slots} {
		binary.Write(&out, binary.LittleEndian, w)
	}
	out.WriteString(tail.String())
	return out.Bytes()
}

var (
	sourceOnce sync.Once
	sourceT    *source
)

// fromSources parses the sources once.
func fromSources(t testing.TB) *source {
	sourceOnce.Do(func() {
		s, err := parse(divisionsGz, foldTSV)
		if err != nil {
			t.Fatal(err)
		}
		sourceT = s
	})
	return sourceT
}

// TestTableFile checks that table.bin is made from the sources as they
// are; with -update, it writes it.
func TestTableFile(t *testing.T) {
	want := encode(fromSources(t))
	if *update {
		if err := os.WriteFile("table.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(tableBin), want) {
		t.Fatal("table.bin is not made from divisions.tsv.gz and fold.tsv: run go generate ./extract/region")
	}
}

// TestTableSame reads every division and every name of the table as the
// sources give them.
func TestTableSame(t *testing.T) {
	src, tab := fromSources(t), load()
	if tab.n != len(src.divs) || tab.maxAlias != src.maxAlias || tab.maxUpper != src.maxUpper {
		t.Fatalf("table: %d divisions, longest names %d %d; sources: %d, %d %d",
			tab.n, tab.maxAlias, tab.maxUpper, len(src.divs), src.maxAlias, src.maxUpper)
	}
	for i, d := range src.divs {
		if got := tab.div(int32(i)); got != d || tab.level(int32(i)) != d.level || tab.parent(int32(i)) != d.parent {
			t.Fatalf("division %d = %+v (level %v, parent %d), want %+v", i, got, tab.level(int32(i)), tab.parent(int32(i)), d)
		}
		if got, ok := tab.find(d.code); !ok || got != int32(i) {
			t.Fatalf("find(%s) = %d %v, want %d", d.code, got, ok, i)
		}
	}
	for a, want := range src.aliases {
		if got := slices.Collect(tab.alias(a)); !slices.Equal(got, want) {
			t.Fatalf("alias(%s) = %v, want %v", a, got, want)
		}
	}
	for _, a := range []string{"", "北京", "不是地名", "朝阳区x", "\xff"} {
		if got, want := slices.Collect(tab.alias(a)), src.aliases[a]; !slices.Equal(got, want) {
			t.Errorf("alias(%q) = %v, want %v", a, got, want)
		}
	}
	if !maps.Equal(tab.upperBi, src.upperBi) {
		t.Error("the bigrams differ")
	}
	for r, f := range src.fold.All() {
		if got, ok := tab.fold.Get(r); !ok || got != f {
			t.Errorf("fold %c = %c, want %c", r, got, f)
		}
	}
	if tab.fold.Len() != src.fold.Len() {
		t.Errorf("fold: %d characters, want %d", tab.fold.Len(), src.fold.Len())
	}
	for _, code := range []string{"", "0", "99", "999999999", "1101010019"} {
		if _, ok := tab.find(code); ok {
			t.Errorf("find(%q) found a division", code)
		}
	}
}

// BenchmarkLoad is what a process pays for the table on first use.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := readTable(tableBin, foldTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseSources is what the load cost when it parsed the sources.
func BenchmarkParseSources(b *testing.B) {
	for b.Loop() {
		if _, err := parse(divisionsGz, foldTSV); err != nil {
			b.Fatal(err)
		}
	}
}
