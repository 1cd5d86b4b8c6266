package region

import (
	_ "embed"
	"iter"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// The division table and the names each division is written as, made by
// build_test.go from divisions.tsv.gz and fold.tsv (go generate; a test
// checks that the file is up to date) and read in place: a process that
// uses the table builds nothing of its 44,000 divisions and 37,000 names.
//
//go:generate go test -run ^TestTableFile$ -update .
//go:embed table.bin
var tableBin string

//go:embed fold.tsv
var foldTSV string

// table.bin is a header of tableWords little-endian 32-bit words, then
// these sections, each 4-byte aligned:
//
//	text     "code\tname\n" per division, sorted by code, parents first;
//	         then the names of divisions that are none of these (恩施州)
//	divs     per division: the offset of its line in text; its parent's
//	         index, or -1
//	aliases  per name, normalized: its offset in text; the offset of its
//	         divisions in lists; its length in bytes | their count << 8
//	lists    division indexes
//	slots    the names by hash (open addressing, linear probing): a name's
//	         index + 1, or 0
//	bigrams  the first two characters of the names of counties and the
//	         divisions above them, and the longest of those names in
//	         runes: "bigram\tlength\n"
const (
	tableMagic = 0x31525747 // "GWR1"
	tableWords = 10         // magic, then the counts below in this order
)

// division is one division of the table. Code has 2, 4, 6 or 9 digits.
type division struct {
	code, name string
	level      Level
	parent     int32 // index of the nearest division above, or -1
}

type table struct {
	text, divs, aliases, lists, slots string         // the sections of table.bin
	n                                 int            // divisions
	maxAlias                          int            // longest alias, in runes
	maxUpper                          int            // longest alias of a county or a division above it
	upperBi                           map[string]int // the first two characters of those aliases: the longest, in runes
	fold                              *chars.RuneMap
}

var (
	loadOnce sync.Once
	loaded   *table
)

// load reads the embedded tables once. They are part of the binary, so a
// failure is a build error and panics.
func load() *table {
	loadOnce.Do(func() {
		t, err := readTable(tableBin, foldTSV)
		if err != nil {
			panic("region: embedded table: " + err.Error())
		}
		loaded = t
	})
	return loaded
}

// tableError is an error in table.bin or fold.tsv.
type tableError string

func (e tableError) Error() string { return string(e) }

// readTable slices table.bin into its sections and reads the fold table
// and the bigrams, a few thousand entries.
func readTable(bin, fold string) (*table, error) {
	if len(bin) < 4*tableWords || word(bin, 0) != tableMagic {
		return nil, tableError("table.bin: no table")
	}
	var h [tableWords - 1]int
	for i := range h {
		h[i] = int(word(bin, i+1))
	}
	textLen, nDivs, nAliases, nLists, nSlots, bigramsLen := h[0], h[1], h[2], h[3], h[4], h[5]
	t := &table{n: nDivs, maxAlias: h[6], maxUpper: h[7], fold: new(chars.RuneMap), upperBi: map[string]int{}}
	rest := bin[4*tableWords:]
	for _, s := range []struct {
		to   *string
		size int
	}{{&t.text, align4(textLen)}, {&t.divs, 8 * nDivs}, {&t.aliases, 12 * nAliases}, {&t.lists, 4 * nLists},
		{&t.slots, 4 * nSlots}} {
		if len(rest) < s.size {
			return nil, tableError("table.bin: too short")
		}
		*s.to, rest = rest[:s.size], rest[s.size:]
	}
	if len(rest) != bigramsLen || nSlots&(nSlots-1) != 0 {
		return nil, tableError("table.bin: bad size")
	}
	for line := range strings.Lines(rest) {
		bi, n, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		longest, err := strconv.Atoi(n)
		if err != nil {
			return nil, tableError("table.bin: bad bigram line " + line)
		}
		t.upperBi[bi] = longest
	}
	for line := range strings.Lines(fold) {
		from, to, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		f, n1 := utf8.DecodeRuneInString(from)
		r, n2 := utf8.DecodeRuneInString(to)
		if !ok || n1 != len(from) || n2 != len(to) || n1 == 0 || n2 == 0 {
			return nil, tableError("bad fold line " + line)
		}
		t.fold.Set(f, r)
	}
	return t, nil
}

func align4(n int) int { return (n + 3) &^ 3 }

// word returns the little-endian 32-bit word i of s.
func word(s string, i int) uint32 {
	s = s[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// levels are the levels of divisions by the length of their code.
var levels = [...]Level{2: Province, 4: City, 6: County, 9: Township}

// div returns division i.
func (t *table) div(i int32) division {
	line := t.text[word(t.divs, 2*int(i)):]
	line = line[:strings.IndexByte(line, '\n')]
	code, name, _ := strings.Cut(line, "\t")
	return division{code: code, name: name, level: levels[len(code)], parent: t.parent(i)}
}

// parent returns the index of the division above division i, or -1.
func (t *table) parent(i int32) int32 { return int32(word(t.divs, 2*int(i)+1)) }

// level returns the level of division i, which its code's length says.
func (t *table) level(i int32) Level {
	return levels[strings.IndexByte(t.text[word(t.divs, 2*int(i)):], '\t')]
}

// find returns the index of the division with the code, by binary search.
func (t *table) find(code string) (int32, bool) {
	i := sort.Search(t.n, func(i int) bool { return t.div(int32(i)).code >= code })
	return int32(i), i < t.n && t.div(int32(i)).code == code
}

// alias yields the divisions written as a normalized name.
func (t *table) alias(name string) iter.Seq[int32] {
	return func(yield func(int32) bool) {
		nSlots := len(t.slots) / 4
		for s := hash(name) & uint32(nSlots-1); ; s = (s + 1) & uint32(nSlots-1) {
			a := int(word(t.slots, int(s))) - 1
			if a < 0 {
				return
			}
			off, lists, lens := word(t.aliases, 3*a), word(t.aliases, 3*a+1), word(t.aliases, 3*a+2)
			if int(lens&0xff) != len(name) || t.text[off:int(off)+len(name)] != name {
				continue
			}
			for k := range int(lens >> 8) {
				if !yield(int32(word(t.lists, int(lists)+k))) {
					return
				}
			}
			return
		}
	}
}

// hash is the 32-bit FNV-1a hash of s.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}
