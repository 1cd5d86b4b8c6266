package table

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// IsEmpty reports whether a cell says nothing: blank, or a dash or slash
// that stands for "none" (/, -, —, ——, －, …).
func IsEmpty(s string) bool { return isEmpty(trimSpace(s)) }

// isEmpty is IsEmpty for a trimmed s.
func isEmpty(s string) bool {
	switch s {
	case "", "/", "／", "\\", "-", "－", "—", "——", "–", "―", "…", "……", "-—", "--", "×", "*":
		return true
	}
	return false
}

// IsFigure reports whether a cell holds a figure: a number, maybe signed,
// maybe with a short unit after it (3001, -5.7, 1,234.5, 12.3%, 1.6万户),
// but not a numbered label (1.属于国家秘密, 2、重复申请) or a year heading
// (2024年). It is a quick look for laying a table out; the recognisers parse
// the value.
func IsFigure(s string) bool { return isFigure(trimSpace(s)) }

// isFigure is IsFigure for a trimmed s: the lines and cells of a text are
// trimmed once, when they are read.
func isFigure(s string) bool {
	// It reads s in place, as most lines given to it are prose that fails at
	// the first character: a []rune of a whole line cost more than the rest.
	i := 0
	if r, size := utf8.DecodeRuneInString(s); figureSigns.Has(r) {
		i = size
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); !isDigit(r) {
		return false // most lines of prose
	}
	digits := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isDigit(r) {
			digits++
		} else if next, _ := utf8.DecodeRuneInString(s[i+size:]); !strings.ContainsRune(".．,，", r) || digits == 0 || !isDigit(next) {
			break
		}
		i += size
	}
	if digits == 0 {
		return false
	}
	unit := s[i:]
	if r, _ := utf8.DecodeRuneInString(unit); unit != "" && strings.ContainsRune(".．、,，)）", r) {
		return false // 1.属于国家秘密, 2、重复申请, 1）
	}
	return utf8.RuneCountInString(unit) <= 6 && !strings.ContainsFunc(unit, func(r rune) bool {
		return unicode.IsPunct(r) && !strings.ContainsRune("%％‰/", r)
	}) && !isYearHeading(s)
}

// figureSigns may stand before the number of a figure: a sign, or 约 or 近.
var figureSigns = chars.NewSet("-+－−约近")

// trimSpace is strings.TrimSpace, which it leaves the work to only when s
// starts or ends with a space: most lines and cells of a text are trimmed
// already, and strings.TrimSpace takes its slower path for every string
// that starts or ends with a Chinese character.
func trimSpace(s string) string {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s != "" && !isSpace(first) && !isSpace(last) {
		return s
	}
	return strings.TrimSpace(s)
}

// isSpace is unicode.IsSpace, quick for the characters after U+3000
// (ideographic space), the last space of Unicode: most of Chinese text.
func isSpace(r rune) bool { return r <= '\u3000' && unicode.IsSpace(r) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// yearHeading matches a column heading that is a year or a period of one:
// 2024, 2024年, 2024年度, 2024年1-6月.
var yearHeading = regexp.MustCompile(`^(19|20)[0-9]{2}\s*(年|年度)?(\s*[0-9]{1,2}[-—至~][0-9]{1,2}月|[0-9]{1,2}月)?(末)?$`)

// isYearHeading reports whether s is a year heading (yearHeading). Most
// lines and cells it is asked of start otherwise than 19 or 20: the regexp
// runs only on those that do.
func isYearHeading(s string) bool {
	return (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && yearHeading.MatchString(s)
}

// unitStated matches a unit stated for a whole table or column:
// （单位：万元）, 单位:亿元, 计量单位：吨.
var unitStated = regexp.MustCompile(`[（(]?\s*(?:计量)?单\s*位\s*[：:]\s*([^\s（()）,，;；、]{1,8})\s*[）)]?`)

// UnitStated returns the unit s states with 单位：… and s without it:
// "表1 财政收支（单位：万元）" → "万元", "表1 财政收支".
func UnitStated(s string) (unit, rest string) {
	loc := unitStated.FindStringSubmatchIndex(s)
	if loc == nil {
		return "", s
	}
	return s[loc[2]:loc[3]], strings.TrimSpace(s[:loc[0]] + s[loc[1]:])
}

// trailingUnit matches a unit in parentheses or a percent sign ending a
// heading: 产量（万吨）, 比上年增长(%), 增长%, 金额/万元.
var trailingUnit = regexp.MustCompile(`(?:[（(]\s*([^（()）]{1,8}?)\s*[）)]|([%％‰])|/\s*([^/\s]{1,6}))\s*$`)

// SplitUnit splits a heading into its words and the unit it states:
// "产量（万吨）" → "产量", "万吨"; "本年收费金额（单位：万元）" → "本年收费金额",
// "万元"; "比上年增长(%)" → "比上年增长", "%". isUnit tells a unit from other
// words in parentheses (（区分处理的…）); a heading without a unit comes back
// whole with unit "".
func SplitUnit(heading string, isUnit func(string) bool) (label, unit string) {
	if u, rest := UnitStated(heading); u != "" {
		return rest, u
	}
	m := trailingUnit.FindStringSubmatchIndex(heading)
	if m == nil {
		return heading, ""
	}
	for g := 1; g <= 3; g++ {
		if m[2*g] < 0 {
			continue
		}
		u := strings.TrimSpace(heading[m[2*g]:m[2*g+1]])
		if u == "％" {
			u = "%"
		}
		if u == "%" || u == "‰" || isUnit != nil && isUnit(u) {
			return strings.TrimSpace(heading[:m[0]]), u
		}
	}
	return heading, ""
}

// ordinal matches the numbering before a label: 一、 （三） (3) 1. 1、 ① 第一，
// and 其中： that marks a sub-row.
var ordinal = regexp.MustCompile(`^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9]+\s*[）)]|[0-9０-９]+\s*[.．、](?:[^0-9０-９]|$)|[①-⑳])\s*`)

// TrimOrdinal removes the numbering before a label: "（三）不予公开" →
// "不予公开", "1.属于国家秘密" → "属于国家秘密", "一、本年新收…" → "本年新收…".
func TrimOrdinal(s string) string {
	s = strings.TrimSpace(s)
	for range 2 { // "三、（一）…" has two
		loc := ordinal.FindStringIndex(s)
		if loc == nil {
			break
		}
		end := loc[1]
		// The pattern may have taken the first character after "1.".
		if r, size := utf8.DecodeLastRuneInString(s[:end]); !strings.ContainsRune("、.．)）①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳ 　", r) && !unicode.IsSpace(r) {
			end -= size
		}
		s = strings.TrimSpace(s[end:])
	}
	return s
}

// subRow matches the mark that makes a row part of a row above it: 其中：,
// 在总计中：, and the # of statistical bulletins (#粮食).
var subRow = regexp.MustCompile(`^(?:其中|在总计中|[#＃])\s*[：:，,]?\s*`)

// IsSubRow reports whether a row label starts with 其中 (其中：夏粮, 在总计中：
// 轻工业, #粮食) and returns the label without it.
func IsSubRow(label string) (string, bool) {
	if loc := subRow.FindStringIndex(label); loc != nil && loc[1] < len(label) {
		return label[loc[1]:], true
	}
	return label, false
}
