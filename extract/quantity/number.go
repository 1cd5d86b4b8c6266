package quantity

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/fold"
)

// Values of the Chinese digits, including financial forms (壹贰叁). They are
// read from folded text (extract/internal/fold), so traditional forms (兩,
// 貳, 陸) need no entry. 〇 and 零 are zero.
var chineseDigits = map[rune]int64{
	'零': 0, '〇': 0, '○': 0,
	'一': 1, '壹': 1, '弌': 1,
	'二': 2, '贰': 2, '两': 2, '弍': 2,
	'三': 3, '叁': 3, '参': 3, '弎': 3, // 参 is 參 folded, the financial 3 of traditional text
	'四': 4, '肆': 4,
	'五': 5, '伍': 5,
	'六': 6, '陆': 6,
	'七': 7, '柒': 7,
	'八': 8, '捌': 8,
	'九': 9, '玖': 9,
}

// Multipliers inside a section of four digits.
var smallUnits = map[rune]int64{
	'十': 10, '拾': 10,
	'百': 100, '佰': 100,
	'千': 1000, '仟': 1000,
}

// Magnitudes that close a section: 万 = 1e4, 亿 = 1e8, 兆 = 1e12.
var bigUnits = map[rune]int64{
	'万': 1e4,
	'亿': 1e8,
	'兆': 1e12,
}

// The predicates below are bit tests rather than map look-ups or switches:
// Find asks them of nearly every rune of a numeral and around it.
var (
	chineseDigitSet  = newBMPSet("零〇○一壹弌二贰两弍三叁参弎四肆五伍六陆七柒八捌九玖")
	smallUnitSet     = newBMPSet("十拾百佰千仟")
	bigUnitSet       = newBMPSet("万亿兆")
	magnitudeSet     = newBMPSet("十拾百佰千仟万亿兆")
	chineseNumberSet = newBMPSet("零〇○一壹弌二贰两弍三叁参弎四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿兆")
)

func isChineseDigit(r rune) bool  { return chineseDigitSet.has(r) }
func isSmallUnit(r rune) bool     { return smallUnitSet.has(r) }
func isBigUnit(r rune) bool       { return bigUnitSet.has(r) }
func isMagnitude(r rune) bool     { return magnitudeSet.has(r) }
func isChineseNumber(r rune) bool { return chineseNumberSet.has(r) }
func isChinesePoint(r rune) bool  { return r == '点' }
func isMinus(r rune) bool         { return r == '-' || r == '−' || r == '－' }

func isDecimalPoint(r rune) bool { return r == '.' || r == '．' }
func isGroupComma(r rune) bool   { return r == ',' || r == '，' }
func rat(n int64) *big.Rat       { return new(big.Rat).SetInt64(n) }

// ParseNumber reads s as one whole numeral and returns its exact value.
// It accepts Arabic numerals with thousands separators and decimals
// ("1,234.5", "１２３", "-3.01"), Chinese numerals in everyday, financial and
// traditional forms ("二十万亿", "壹佰贰拾", "九十八点七", "一万五"), and mixtures
// ("3.5万", "1,100.9亿", "3万4000", "25万6千"). Spaces and line breaks are
// ignored ("93.6\n亿", from PDF text). Qualifiers
// such as 余 or 多 are not part of a numeral: ParseNumber("两万余") fails, and
// Parse handles "两万余人". Runs of bare digits ("二〇二五", "两三") are not
// numbers (years, idioms) and fail too.
func ParseNumber(s string) (*big.Rat, bool) {
	s = strings.Map(func(r rune) rune {
		if chars.IsSpace(r) || r == '\n' || r == '\r' {
			return -1
		}
		return fold.Rune(r) // 兩萬 is 两万
	}, s)
	neg := false
	if r, size := utf8.DecodeRuneInString(s); isMinus(r) {
		neg = true
		s = s[size:]
	}
	if s == "" {
		return nil, false
	}
	var v *big.Rat
	var ok bool
	if base, exp, found := strings.Cut(s, "10"); found && base == "" && exp != "" && superscript([]rune(exp)[0]) >= 0 {
		v, ok = powerOfTen(exp) // 10¹⁸
	} else if plainDecimal(s) {
		v, ok = parsePlainDecimal(s) // the common case, without tokens
	} else if i := strings.Index(s, "点"); i >= 0 {
		v, ok = parseChineseDecimal(s[:i], s[i+len("点"):])
	} else {
		v, ok = parseSections(s)
	}
	if !ok {
		return nil, false
	}
	if neg {
		v.Neg(v)
	}
	return v, true
}

// superscript returns the value of a superscript digit, or -1.
func superscript(r rune) int {
	switch r {
	case '⁰':
		return 0
	case '¹':
		return 1
	case '²':
		return 2
	case '³':
		return 3
	}
	if r >= '⁴' && r <= '⁹' {
		return int(r-'⁴') + 4
	}
	return -1
}

// powerOfTen reads the superscript exponent of 10¹⁸ (up to 10³⁰).
func powerOfTen(exp string) (*big.Rat, bool) {
	n := 0
	for _, r := range exp {
		d := superscript(r)
		if d < 0 {
			return nil, false
		}
		n = n*10 + d
		if n > 30 {
			return nil, false
		}
	}
	return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)), true
}

// plainDecimal reports whether s is ASCII digits with at most one inner point.
func plainDecimal(s string) bool {
	point := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !point && i > 0 && i < len(s)-1:
			point = true
		default:
			return false
		}
	}
	return s != ""
}

// plainValue returns the value of a plain decimal, maybe followed by one
// magnitude (1234, 3.5万, 12.8亿), as ParseNumber's value rounded to a
// float64: strconv rounds the exact decimal to the nearest float64 as
// big.Rat does, without the big.Rat arithmetic. Most figures are written
// so; ok is false for other numerals.
func plainValue(numeral string) (v float64, ok bool) {
	digits, exp := numeral, ""
	switch r, size := utf8.DecodeLastRuneInString(numeral); r {
	case '万':
		digits, exp = numeral[:len(numeral)-size], "e4"
	case '亿':
		digits, exp = numeral[:len(numeral)-size], "e8"
	case '兆':
		digits, exp = numeral[:len(numeral)-size], "e12"
	}
	if !plainDecimal(digits) {
		return 0, false
	}
	v, err := strconv.ParseFloat(digits+exp, 64)
	return v, err == nil
}

// parsePlainDecimal is big.Rat's SetString for what plainDecimal accepts,
// without its general parser for the short numerals most figures are.
func parsePlainDecimal(s string) (*big.Rat, bool) {
	if len(s) > 18 { // 18 digits fit an int64
		return new(big.Rat).SetString(s)
	}
	var n, den int64 = 0, 1
	point := false
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			point = true
			continue
		}
		n = n*10 + int64(s[i]-'0')
		if point {
			den *= 10
		}
	}
	if den == 1 {
		return new(big.Rat).SetInt64(n), true
	}
	return new(big.Rat).SetFrac64(n, den), true
}

// parseChineseDecimal reads "九十八" + "七" (九十八点七) and "三" + "五万" (三点五万).
func parseChineseDecimal(intPart, frac string) (*big.Rat, bool) {
	var whole *big.Rat
	if intPart == "" {
		return nil, false
	}
	whole, ok := parseSections(intPart)
	if !ok {
		return nil, false
	}
	var digits strings.Builder
	rest := frac
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		d, ok := chineseDigits[r]
		if !ok || r == '两' {
			break
		}
		digits.WriteByte(byte('0' + d))
		rest = rest[size:]
	}
	if digits.Len() == 0 {
		return nil, false
	}
	f, _ := new(big.Rat).SetString("0." + digits.String())
	v := whole.Add(whole, f)
	for rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		m, ok := bigUnits[r]
		if !ok {
			return nil, false
		}
		v.Mul(v, rat(m))
		rest = rest[size:]
	}
	return v, true
}

// token kinds of a numeral.
const (
	tokNumber = iota // an Arabic literal or one Chinese digit
	tokZero          // 零 or 〇 between units: a placeholder
	tokSmall         // 十 百 千
	tokBig           // 万 亿 兆
)

type token struct {
	kind    int
	value   *big.Rat
	unit    int64
	chinese bool // a Chinese digit rather than an Arabic literal
}

// tokenize splits a numeral into literals and units. Arabic literals keep
// their decimals exactly; separators must sit between groups of three digits.
func tokenize(s string) ([]token, bool) {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := chars.Digit(r); ok {
			lit, end, ok := arabicLiteral(s, i)
			if !ok {
				return nil, false
			}
			v, _ := new(big.Rat).SetString(lit)
			toks = append(toks, token{kind: tokNumber, value: v})
			i = end
			continue
		}
		switch {
		case r == '零' || r == '〇' || r == '○':
			toks = append(toks, token{kind: tokZero, chinese: true})
		case isChineseDigit(r):
			toks = append(toks, token{kind: tokNumber, value: rat(chineseDigits[r]), chinese: true})
		case isSmallUnit(r):
			toks = append(toks, token{kind: tokSmall, unit: smallUnits[r]})
		case isBigUnit(r):
			toks = append(toks, token{kind: tokBig, unit: bigUnits[r]})
		default:
			return nil, false
		}
		i += size
	}
	return toks, len(toks) > 0
}

// arabicLiteral reads digits with optional separators and decimals at s[i:]
// and returns them as a plain ASCII decimal string.
func arabicLiteral(s string, i int) (lit string, end int, ok bool) {
	var b strings.Builder
	group := 0 // digits since the last separator
	sawSep := false
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if d, isD := chars.Digit(r); isD {
			b.WriteByte('0' + byte(d))
			group++
			i += size
			continue
		}
		if isGroupComma(r) {
			if group == 0 || (sawSep && group != 3) || (!sawSep && group > 3) {
				return "", 0, false
			}
			sawSep = true
			group = 0
			i += size
			continue
		}
		break
	}
	if sawSep && group != 3 {
		return "", 0, false
	}
	if i < len(s) {
		if r, size := utf8.DecodeRuneInString(s[i:]); isDecimalPoint(r) {
			b.WriteByte('.')
			i += size
			n := 0
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				d, isD := chars.Digit(r)
				if !isD {
					break
				}
				b.WriteByte('0' + byte(d))
				i += size
				n++
			}
			if n == 0 {
				return "", 0, false
			}
		}
	}
	return b.String(), i, true
}

// parseSections adds up a numeral of literals and units. Big units multiply
// everything since the last bigger unit, so 二十万亿 is 20×1e4×1e8 and
// 1亿2千万 is 1e8 + 2e7.
func parseSections(s string) (*big.Rat, bool) {
	toks, ok := tokenize(s)
	if !ok {
		return nil, false
	}
	type part struct {
		value *big.Rat
		mag   int64
	}
	var parts []part
	section := new(big.Rat)
	var cur *big.Rat
	curChinese := false
	var lastUnit int64 // the unit before the current literal, for 一万五
	zeroSince := false // a 零 since the last unit: 一万零五 is 10005
	digits := 0
	for k, t := range toks {
		switch t.kind {
		case tokZero:
			if cur != nil {
				return nil, false // 二〇二五 is a year, not a number
			}
			zeroSince = true
			digits++
		case tokNumber:
			if cur != nil {
				return nil, false // two literals in a row: 两三, 一二
			}
			if k > 0 && toks[k-1].kind == tokNumber {
				return nil, false
			}
			cur = new(big.Rat).Set(t.value)
			curChinese = t.chinese
			digits++
		case tokSmall:
			m := cur
			if m == nil {
				// 十五, 百分之百: a unit stands for one of itself only at the
				// start, and 十 also at the start of a section (一万十五 is rare but valid).
				if k > 0 && (t.unit != 10 || section.Sign() != 0 || toks[k-1].kind == tokSmall) {
					return nil, false
				}
				m = rat(1)
				digits++
			}
			section.Add(section, new(big.Rat).Mul(m, rat(t.unit)))
			cur = nil
			lastUnit = t.unit
			zeroSince = false
		case tokBig:
			if k > 0 && toks[k-1].kind == tokBig && section.Sign() == 0 && cur == nil {
				// 一百亿亿 is 1e18: a big unit right after another multiplies
				// all before it
				x := new(big.Rat)
				for _, p := range parts {
					x.Add(x, p.value)
				}
				mag := parts[len(parts)-1].mag * t.unit
				parts = []part{{x.Mul(x, rat(t.unit)), mag}}
				lastUnit = t.unit
				continue
			}
			x := new(big.Rat).Add(section, orZero(cur))
			for len(parts) > 0 && parts[len(parts)-1].mag < t.unit {
				x.Add(x, parts[len(parts)-1].value)
				parts = parts[:len(parts)-1]
			}
			if x.Sign() == 0 && digits == 0 {
				return nil, false // 万 alone is not a number
			}
			parts = append(parts, part{x.Mul(x, rat(t.unit)), t.unit})
			section = new(big.Rat)
			cur = nil
			lastUnit = t.unit
			zeroSince = false
		}
	}
	if digits == 0 {
		return nil, false
	}
	total := new(big.Rat).Set(section)
	if cur != nil {
		last := toks[len(toks)-1]
		// 一万五 is 15000 and 三千五 is 3500: a trailing Chinese digit right after a
		// unit of a hundred or more counts in the next lower place.
		if curChinese && last.kind == tokNumber && !zeroSince && lastUnit >= 100 && len(toks) >= 2 && toks[len(toks)-2].kind != tokNumber {
			cur.Mul(cur, rat(lastUnit/10))
		}
		total.Add(total, cur)
	}
	for _, p := range parts {
		total.Add(total, p.value)
	}
	return total, true
}

func orZero(r *big.Rat) *big.Rat {
	if r == nil {
		return new(big.Rat)
	}
	return r
}
