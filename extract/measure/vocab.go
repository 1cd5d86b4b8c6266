package measure

import (
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

//go:embed measures.tsv
var measuresTSV string

//go:embed words.tsv
var wordsTSV string

// Measure is an entry of the vocabulary: a canonical name, the unit its
// levels are given in ("" when it varies) and the other names it goes by.
type Measure struct {
	Name     string
	Unit     string
	Synonyms []string
	Example  string
}

// vocab is the parsed vocabulary and word lists.
type vocab struct {
	measures []Measure
	byKey    map[string]int // normalized name or synonym -> index in measures
	words    map[string][]word

	// the words of indexedRoles by their first character, for wordIndex
	startingWith map[rune][]roleWord
	starts       runeSet
	// the words of every role by their last byte, each role's longest
	// first: what a string can end with is found without decoding its last
	// character or a key to look up
	endingWith [256][]roleWord
}

type word struct{ text, means string }

type roleWord struct {
	role string
	word
}

// runeSet is a set of characters below U+10000 that answers in one step,
// for a check at every character of a text.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) { s[r/64] |= 1 << (r % 64) }

func (s *runeSet) has(r rune) bool { return r < 0x10000 && s[r/64]&(1<<(r%64)) != 0 }

var (
	loadOnce sync.Once
	loaded   *vocab
)

// load parses the embedded files once. They are part of the binary, so a
// bad line is a build error and panics (TestVocabulary reads them first).
func load() *vocab {
	loadOnce.Do(func() {
		v, err := parse(measuresTSV, wordsTSV)
		if err != nil {
			panic("measure: " + err.Error())
		}
		loaded = v
	})
	return loaded
}

func parse(measures, words string) (*vocab, error) {
	v := &vocab{byKey: map[string]int{}, words: map[string][]word{}}
	for i, line := range strings.Split(strings.TrimSpace(measures), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" {
			return nil, fmt.Errorf("measures.tsv line %d: want measure, unit, synonyms, example: %q", i+2, line)
		}
		m := Measure{Name: f[0], Unit: f[1], Example: f[3]}
		if f[2] != "" {
			m.Synonyms = strings.Split(f[2], "|")
		}
		for _, name := range append([]string{m.Name}, m.Synonyms...) {
			k := key(name)
			if j, dup := v.byKey[k]; dup && j < len(v.measures) {
				return nil, fmt.Errorf("measures.tsv line %d: %s is already a name of %s", i+2, name, v.measures[j].Name)
			}
			v.byKey[k] = len(v.measures)
		}
		v.measures = append(v.measures, m)
	}
	for i, line := range strings.Split(strings.TrimSpace(words), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" || f[1] == "" {
			return nil, fmt.Errorf("words.tsv line %d: want role, word, means, example: %q", i+2, line)
		}
		v.words[f[0]] = append(v.words[f[0]], word{f[1], f[2]})
	}
	for role := range v.words {
		// the longest word first: 增长了 before 增长, 上年同期 before 上年
		slices.SortStableFunc(v.words[role], func(a, b word) int { return len(b.text) - len(a.text) })
	}
	for role, ws := range v.words {
		for _, w := range ws {
			if !utf8.ValidString(w.text) {
				return nil, fmt.Errorf("words.tsv: %s %q is not UTF-8", role, w.text)
			}
			b := w.text[len(w.text)-1]
			v.endingWith[b] = append(v.endingWith[b], roleWord{role, w})
		}
	}
	v.startingWith = map[rune][]roleWord{}
	for _, role := range indexedRoles {
		for _, w := range v.words[role] {
			r, _ := utf8.DecodeRuneInString(w.text)
			if r >= 0x10000 || r == utf8.RuneError {
				return nil, fmt.Errorf("words.tsv: %s %s: the first character of an indexed word must be below U+10000", role, w.text)
			}
			v.startingWith[r] = append(v.startingWith[r], roleWord{role, w})
			v.starts.add(r)
		}
	}
	return v, nil
}

// endings returns the words that s may end with: those that end with its
// last byte.
func (v *vocab) endings(s string) endings {
	if s == "" {
		return nil
	}
	return v.endingWith[s[len(s)-1]]
}

// endings are words of several roles, each role's longest first, that a
// string may end with: only those it has as a suffix (strings.HasSuffix) it
// does end with.
type endings []roleWord

// of returns the longest word of a role that s ends with.
func (ws endings) of(s, role string) (word, bool) {
	for _, w := range ws {
		if w.role == role && strings.HasSuffix(s, w.text) {
			return w.word, true
		}
	}
	return word{}, false
}

// Vocabulary returns the measures of the vocabulary, in file order.
func Vocabulary() []Measure { return slices.Clone(load().measures) }

// Lookup returns the measure a query names: its canonical name or one of
// its synonyms, as written (GDP, 全市生产总值, 行政复议纠错率).
func Lookup(name string) (Measure, bool) {
	v := load()
	if i, ok := v.byKey[key(name)]; ok {
		return v.measures[i], true
	}
	return Measure{}, false
}

// Of returns the measure an indicator's name says, or "": the name without
// what says how it changed (比上年增长, 同比下降), that it is a target
// (目标, 预期) and scope words (全市, 2025年), looked up in the vocabulary.
// 地区生产总值增长 and 全市生产总值 are 地区生产总值; 人均地区生产总值 and
// 民生支出占一般公共预算支出比重 are measures of their own. Name is in
// simplified characters.
func Of(name string) string {
	v := load()
	k := key(name)
	for {
		if i, ok := v.byKey[k]; ok {
			return v.measures[i].Name
		}
		next := v.strip(k)
		if next == k || next == "" {
			return ""
		}
		k = next
	}
}

// UnitOf returns the unit of the levels of a measure, or "" when the
// vocabulary does not fix it or does not know the measure.
func UnitOf(measure string) string {
	if m, ok := Lookup(measure); ok {
		return m.Unit
	}
	return ""
}

var (
	parens      = regexp.MustCompile(`[（(][^（）()]*[）)]`)
	openParens  = newMarkSet("（(") // what parens starts with
	leadPeriods = []string{"今年", "全年", "年末", "年底"}
	leadScopes  = []string{"全市", "全省", "全区", "全县", "全州", "全盟", "全旗", "全镇", "全国", "我市", "我省", "我区", "我县", "本市", "本区", "本县", "市本级", "区本级", "县本级"}
	tailPlans   = []string{"预期目标", "目标", "预期", "安排", "完成"}
	// unnamed are the quotes and spaces that a key drops.
	unnamed = newMarkSet("“”\"‘’' \t\u3000、")
)

// key normalizes a name for lookup: half-width letters and digits, upper
// case, no parentheses (执业（助理）医师 = 执业医师), quotes or spaces.
func key(name string) string {
	name = foldWidth(name)
	if openParens.index(name) >= 0 {
		name = parens.ReplaceAllString(name, "")
	}
	if unnamed.index(name) >= 0 {
		name = strings.Map(func(r rune) rune {
			if unnamed.set.Has(r) {
				return -1
			}
			return r
		}, name)
	}
	return upper(name)
}

// upper is strings.ToUpper, which looks up the case of each character of a
// name that is not all ASCII, for a name of Chinese characters, which have
// none (TestUpper checks the block of them).
func upper(s string) string {
	for _, r := range s {
		if 'a' <= r && r <= 'z' || r >= utf8.RuneSelf && (r < 0x4e00 || r > 0x9fff) {
			return strings.ToUpper(s)
		}
	}
	return s
}

// strip removes one layer of what a name says besides its measure: a change
// at the end (同比增长, 比上年末增加, 年均增长), a plan (目标, 预期), a leading
// year or scope (2025年, 全市).
func (v *vocab) strip(k string) string {
	if n := leadYear(k); n > 0 {
		return k[n:]
	}
	for _, s := range leadScopes {
		if strings.HasPrefix(k, s) && len(k) > len(s) {
			return k[len(s):]
		}
	}
	for _, p := range tailPlans {
		if strings.HasSuffix(k, p) && len(k) > len(p) {
			return k[:len(k)-len(p)]
		}
	}
	ws := v.endings(k)
	for _, role := range []string{"up", "down", "flat", "rate", "base"} {
		for _, w := range ws {
			if w.role == role && strings.HasSuffix(k, w.text) && len(k) > len(w.text) {
				return k[:len(k)-len(w.text)]
			}
		}
	}
	// 比上年, 较2022年: a comparison left at the end
	if i, _ := compares.lastIndex(k); i < 0 {
		return k // none of the characters trailingCompare starts with
	}
	if m := trailingCompare.FindStringIndex(k); m != nil && m[0] > 0 {
		return k[:m[0]]
	}
	return k
}

// leadYear returns the length of the year or period that a key starts
// with (2025年, 2025年度, 今年, 全年, 年末, 年底), or 0.
func leadYear(k string) int {
	if len(k) >= 4 && isDigits(k[:4]) && strings.HasPrefix(k[4:], "年") {
		n := 4 + len("年")
		if strings.HasPrefix(k[n:], "度") {
			n += len("度")
		}
		return n
	}
	for _, p := range leadPeriods {
		if strings.HasPrefix(k, p) {
			return len(p)
		}
	}
	return 0
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var (
	trailingCompare = regexp.MustCompile(`(?:比|较|与|同)(?:[0-9]{4}年|上年|去年)?(?:同期|末|底)?$`)
	compares        = newMarkSet("比较与同") // what trailingCompare starts with
)

// Unit classes whose members measure the same thing in other words.
var unitClasses = [][]string{
	{"公顷", "亩", "平方米", "平方公里"},
	{"吨", "公斤", "千克", "斤"},
	{"人", "名"},
	{"个", "家", "户"},
}

// UnitFits reports whether a level in unit can be of a measure whose levels
// are in want: the same unit, any currency for money (人均地区生产总值 in
// 美元), or another unit of area or weight.
func UnitFits(unit, want string) bool {
	unit, want = FoldUnit(unit), FoldUnit(want)
	if want == "" || unit == want {
		return true
	}
	if strings.HasSuffix(unit, "元") && strings.HasSuffix(want, "元") {
		return true
	}
	for _, c := range unitClasses {
		if slices.Contains(c, unit) && slices.Contains(c, want) {
			return true
		}
	}
	return false
}

// FoldUnit writes a unit one way: ％ is %, 個百分點 is 个百分点, 噸 is 吨.
func FoldUnit(u string) string {
	u = strings.TrimSpace(u)
	switch u {
	case "％":
		return "%"
	case "個百分點", "个百分點", "個百分点", "百分点", "百分點":
		return "个百分点"
	}
	if r, size := utf8.DecodeRuneInString(u); size == len(u) && unitFolds.has(r) {
		return unitFold[u]
	}
	return foldWidth(u)
}

// foldWidth is chars.FoldWidth, which looks up the width of each character
// from U+3000 on, without looking up Chinese characters, which never fold
// (TestFoldWidth checks the block of them).
func foldWidth(s string) string {
	for _, r := range s {
		if r >= 0x3000 && (r < 0x4e00 || r > 0x9fff) {
			return chars.FoldWidth(s)
		}
	}
	return s
}

// unitFolds are the characters of unitFold, which most units are not.
var unitFolds = func() (set runeSet) {
	for u := range unitFold {
		r, _ := utf8.DecodeRuneInString(u)
		set.add(r)
	}
	return set
}()

var unitFold = map[string]string{"個": "个", "噸": "吨", "項": "项", "條": "条", "場": "场", "戶": "户", "畝": "亩", "張": "张", "輛": "辆", "臺": "台", "頭": "头", "處": "处", "間": "间", "棟": "栋", "種": "种", "類": "类"}

// IsChange reports whether a name says how something changed rather than
// what it is: 地区生产总值增长, 纠错率下降, 增速.
func IsChange(name string) bool {
	v := load()
	k := key(name)
	for _, p := range tailPlans {
		k = strings.TrimSuffix(k, p)
	}
	for _, role := range []string{"up", "down", "flat", "rate"} {
		for _, w := range v.words[role] {
			if strings.HasSuffix(k, w.text) {
				return true
			}
		}
	}
	return false
}

// Stem returns a name without what Of drops before looking it up (a change,
// a plan, a leading year or scope), in the form the vocabulary keys take:
// the name to add to measures.tsv when Of finds nothing for it.
func Stem(name string) string {
	v := load()
	k := key(name)
	for {
		if _, ok := v.byKey[k]; ok {
			return k
		}
		next := v.strip(k)
		if next == k || next == "" {
			return k
		}
		k = next
	}
}

// HeadingChange reports whether a table heading says its figures are changes
// (比上年增长（%）, 增速, 同比增减) and against what base: the figure's sign
// then gives the direction. A heading of a level that holds a change word
// (增加值（亿元）) is no change heading.
func HeadingChange(heading string) (base string, ok bool) {
	h := key(heading)
	if i := strings.IndexAny(h, "(（"); i > 0 {
		h = h[:i] // the unit: 比上年增长(%)
	}
	h = strings.TrimRight(h, "%％±")
	h = strings.TrimSuffix(h, "率")
	if !IsChange(h) && !strings.HasSuffix(h, "增减") {
		return "", false
	}
	v := load()
	for _, w := range v.words["base"] {
		if strings.Contains(h, w.text) {
			return w.means, true
		}
	}
	return "", true
}
