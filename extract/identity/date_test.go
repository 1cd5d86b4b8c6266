package identity

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMayBeDate checks what mayBeDate relies on: no other character folds
// to one it looks for, and it lets the dates of dateLine through.
func TestMayBeDate(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if f := fold(string(r)); f != string(r) && strings.ContainsAny(f, "12１２一二（( \t\n\f\r") {
			t.Errorf("%c folds to %s", r, f)
		}
	}
	for _, s := range []string{"2025年6月13日", "（2024年1月2日）", "( 2024.1.2)", "二〇二五年六月十三日", "２０２５年６月１３日"} {
		if !mayBeDate(s) || !isDate(s) {
			t.Errorf("%s: no date", s)
		}
	}
}
