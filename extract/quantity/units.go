package quantity

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/words"
)

// Kinds of quantity.
const (
	Count   = "count"
	Percent = "percent"
	Money   = "money"
	Rank    = "rank"
	Measure = "measure"
)

// lists are the word lists of words.tsv: units, and the words around a
// figure that the rules of Find read.
var lists = words.MustParse("quantity/words.tsv", wordsTSV)

//go:embed words.tsv
var wordsTSV string

// units maps each measure word to its kind. The text is read folded, so
// traditional forms (噸, 個百分點) need no entry; the unit is kept as written.
var units = func() map[string]string {
	m := map[string]string{}
	for _, kind := range []string{Count, Money, Percent, Measure} {
		for _, u := range lists.Of(kind) {
			m[u] = kind
		}
	}
	return m
}()

// maxUnitRunes is the length of the longest unit.
const maxUnitRunes = 6

// unitsByFirst holds, for the first character of each unit, the units that
// start with it, longest first, with their kinds: matchUnit compares only
// those with the text, and most characters after a number start no unit.
var unitsByFirst = func() map[rune][]unitKind {
	m := map[rune][]unitKind{}
	for u, kind := range units {
		if utf8.RuneCountInString(u) > maxUnitRunes {
			panic("quantity: unit longer than maxUnitRunes: " + u)
		}
		first, _ := utf8.DecodeRuneInString(u)
		m[first] = append(m[first], unitKind{u, kind})
	}
	for _, us := range m {
		// Two units of one length cannot both start a text: the order
		// among them does not matter, but keep it fixed.
		slices.SortFunc(us, func(a, b unitKind) int {
			return cmp.Or(utf8.RuneCountInString(b.unit)-utf8.RuneCountInString(a.unit), strings.Compare(a.unit, b.unit))
		})
	}
	return m
}()

type unitKind struct{ unit, kind string }

// unitStarts are the first characters of the units, the keys of
// unitsByFirst: a bit test rules out most characters without hashing them.
var unitStarts = func() *bmpSet {
	var b strings.Builder
	for first := range unitsByFirst {
		b.WriteRune(first)
	}
	return newBMPSet(b.String())
}()

// matchUnit returns the longest unit at s[i:] and its kind, passing over a
// unit that starts a longer word (110万人年度任务: 人, not 人年).
func matchUnit(s string, i int) (unit, kind string) {
	first, _ := utf8.DecodeRuneInString(s[i:])
	if !unitStarts.has(first) {
		return "", ""
	}
	for _, u := range unitsByFirst[first] {
		end := i + len(u.unit)
		if !strings.HasPrefix(s[i:], u.unit) || unitBlocked(s, u.unit, end) {
			continue
		}
		if u.kind == Count && !strings.HasSuffix(u.unit, "次") && strings.HasPrefix(s[end:], "次") {
			return u.unit + "次", u.kind // 7轮次, 12期次: a count word with 次 counts occasions
		}
		return u.unit, u.kind
	}
	return "", ""
}

// notUnits start with a unit but are words of their own: 人民, 人大, 处理, 名单.
var notUnits = lists.Set("not-unit")

// notUnitEnds are the last characters of notUnits: after most units comes
// none of them, and unitBlocked need not look the word up.
var notUnitEnds = func() *bmpSet {
	var b strings.Builder
	for w := range notUnits {
		r, _ := utf8.DecodeLastRuneInString(w)
		b.WriteRune(r)
	}
	return newBMPSet(b.String())
}()

// unitBlocked reports whether the unit at s[end-len(unit):end] is really the
// start of a longer word: 人民, 人大, 处理, 名单, 分析.
func unitBlocked(s string, unit string, end int) bool {
	next, size := utf8.DecodeRuneInString(s[end:])
	return next != utf8.RuneError && notUnitEnds.has(next) && notUnits[s[end-len(unit):end+size]]
}

// perUnits may follow a slash to make a rate: 元/平方米, 元/人, 千克/亩.
var perUnits = lists.Set("per-unit")

// perUnit returns "/平方米" when s[i:] is a slash and a unit a rate is given
// in, or "".
func perUnit(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r != '/' && r != '／' {
		return ""
	}
	j := i + size
	for n := 5; n >= 1; n-- {
		end := j
		for k := 0; k < n && end < len(s); k++ {
			_, size := utf8.DecodeRuneInString(s[end:])
			end += size
		}
		if perUnits[s[j:end]] {
			return s[i:end]
		}
	}
	return ""
}
