package indicator

import "unicode/utf8"

// decodeRune is utf8.DecodeRuneInString, and decodeLastRune
// utf8.DecodeLastRuneInString, with a quick path for the characters of
// three bytes that a report is mostly written in: the utf8 functions
// inline only the path for ASCII, and the rules look at the first or last
// character of every name.
func decodeRune(s string) (rune, int) {
	if len(s) >= 3 && isLead3(s[0]) && isCont(s[1]) && isCont(s[2]) {
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s)
}

// decodeLastRune is utf8.DecodeLastRuneInString; see decodeRune.
func decodeLastRune(s string) (rune, int) {
	if n := len(s); n >= 3 && isLead3(s[n-3]) && isCont(s[n-2]) && isCont(s[n-1]) {
		return rune(s[n-3]&0x0F)<<12 | rune(s[n-2]&0x3F)<<6 | rune(s[n-1]&0x3F), 3
	}
	return utf8.DecodeLastRuneInString(s)
}

// isLead3 reports whether b starts a character of three bytes that any two
// continuation bytes complete: U+1000 to U+CFFF and U+E000 to U+FFFF. (E0
// and ED take only some, to rule out overlong forms and surrogates.)
func isLead3(b byte) bool {
	return 0xE1 <= b && b <= 0xEF && b != 0xED
}

// isCont reports whether b is a continuation byte of UTF-8.
func isCont(b byte) bool {
	return b&0xC0 == 0x80
}
