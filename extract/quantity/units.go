package quantity

import (
	_ "embed"
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

// unitLengths holds, for the first character of each unit, the lengths in
// runes of the units that start with it (bit n-1 for n runes): matchUnit
// looks up only those, and most characters after a number start no unit.
var unitLengths = func() map[rune]uint8 {
	m := map[rune]uint8{}
	for u := range units {
		first, _ := utf8.DecodeRuneInString(u)
		n := utf8.RuneCountInString(u)
		if n > maxUnitRunes {
			panic("quantity: unit longer than maxUnitRunes: " + u)
		}
		m[first] |= 1 << (n - 1)
	}
	return m
}()

// matchUnit returns the longest unit at s[i:] and its kind, passing over a
// unit that starts a longer word (110万人年度任务: 人, not 人年).
func matchUnit(s string, i int) (unit, kind string) {
	first, _ := utf8.DecodeRuneInString(s[i:])
	lengths := unitLengths[first]
	if lengths == 0 {
		return "", ""
	}
	var ends [maxUnitRunes]int
	n, end := 0, i
	for ; n < maxUnitRunes && end < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		ends[n] = end
	}
	for k := n - 1; k >= 0; k-- {
		if lengths&(1<<k) == 0 {
			continue
		}
		if kind, ok := units[s[i:ends[k]]]; ok && !unitBlocked(s, s[i:ends[k]], ends[k]) {
			unit = s[i:ends[k]]
			if kind == Count && !strings.HasSuffix(unit, "次") && strings.HasPrefix(s[ends[k]:], "次") {
				unit += "次" // 7轮次, 12期次: a count word with 次 counts occasions
			}
			return unit, kind
		}
	}
	return "", ""
}

// notUnits start with a unit but are words of their own: 人民, 人大, 处理, 名单.
var notUnits = lists.Set("not-unit")

// unitBlocked reports whether the unit at s[end-len(unit):end] is really the
// start of a longer word: 人民, 人大, 处理, 名单, 分析.
func unitBlocked(s string, unit string, end int) bool {
	next, size := utf8.DecodeRuneInString(s[end:])
	return next != utf8.RuneError && notUnits[unit+s[end:end+size]]
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
