package date

import "unicode/utf8"

// hanDigit returns the value of a Chinese digit as used in years
// (二〇二五, 一九九八), with the look-alikes used for zero; -1 otherwise.
func hanDigit(r rune) int {
	switch r {
	case '〇', '○', 'O', 'Ｏ', '零':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// hanYear reads a year written digit by digit in Chinese numerals.
func hanYear(s string, i int) (year, end int, ok bool) {
	for n := 0; n < 4; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		d := hanDigit(r)
		if d < 0 {
			return 0, 0, false
		}
		year = year*10 + d
		i += size
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); hanDigit(r) >= 0 {
		return 0, 0, false
	}
	return year, i, true
}

// hanSmall reads a Chinese numeral from 一 to 三十一 as written in months
// and days: 七, 十, 十二, 二十七, 三十一, also 廿七 and 卅一.
func hanSmall(s string, i int) (value, end int, ok bool) {
	var units []rune
	for len(units) < 4 && i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '十' && r != '廿' && r != '卅' && (hanDigit(r) < 1) {
			break
		}
		units = append(units, r)
		i += size
	}
	v, ok := smallValue(units)
	return v, i, ok
}

// smallValue evaluates d, 十, 十d, d十, d十d, 廿, 廿d, 卅, 卅d.
func smallValue(u []rune) (int, bool) {
	tens := map[rune]int{'廿': 20, '卅': 30}
	switch len(u) {
	case 1:
		if u[0] == '十' {
			return 10, true
		}
		if t, ok := tens[u[0]]; ok {
			return t, true
		}
		if d := hanDigit(u[0]); d > 0 {
			return d, true
		}
	case 2:
		if u[0] == '十' && hanDigit(u[1]) > 0 {
			return 10 + hanDigit(u[1]), true
		}
		if t, ok := tens[u[0]]; ok && hanDigit(u[1]) > 0 {
			return t + hanDigit(u[1]), true
		}
		if d := hanDigit(u[0]); d > 1 && u[1] == '十' {
			return d * 10, true
		}
	case 3:
		if d, e := hanDigit(u[0]), hanDigit(u[2]); d > 1 && u[1] == '十' && e > 0 {
			return d*10 + e, true
		}
	}
	return 0, false
}
