// Package chars holds the small rune-level readers that the recognisers of
// document numbers, dates and quantities share: digits in ASCII or
// full-width form, and the spaces Chinese text pads numbers with.
package chars

import "unicode/utf8"

// Digit returns the value of an ASCII or full-width digit.
func Digit(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// IsDigit reports whether r is an ASCII or full-width digit.
func IsDigit(r rune) bool {
	_, ok := Digit(r)
	return ok
}

// Digits reads a run of digits at byte offset i and returns its value (of
// the first nine digits), its length in digits and the offset after it.
func Digits(s string, i int) (value, n, end int) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		d, ok := Digit(r)
		if !ok {
			break
		}
		if n < 9 {
			value = value*10 + d
		}
		n++
		i += size
	}
	return value, n, i
}

// IsSpace reports whether r pads text: space, tab, U+3000 or nbsp.
func IsSpace(r rune) bool {
	return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t'
}

// SkipSpaces returns the offset after the run of padding at byte offset i.
func SkipSpaces(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsSpace(r) {
			break
		}
		i += size
	}
	return i
}
