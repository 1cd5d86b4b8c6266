package indicator

import (
	"testing"
	"unicode/utf8"
)

// TestDecodeRune holds decodeRune and decodeLastRune to the utf8 functions
// on every sequence of up to three bytes that starts with a lead byte of
// three, with ASCII before and after it.
func TestDecodeRune(t *testing.T) {
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := range 256 {
			for b2 := range 256 {
				checkDecode(t, string([]byte{byte(b0), byte(b1), byte(b2)}))
			}
		}
	}
}

func TestDecodeRuneCases(t *testing.T) {
	for _, s := range []string{"", "a", "增", "增长", "增长a", "a增", "\xe4\xb8", "\xb8\xad", "\xe4\xb8\xad\xad",
		"\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80", "\xef\xbc\x8c", "\xf0\x9f\x98\x80", "\x80\xe4\xb8\xad", "。", "，", "“"} {
		checkDecode(t, s)
		checkDecode(t, "a"+s)
		checkDecode(t, s+"a")
	}
}

func FuzzDecodeRune(f *testing.F) {
	for _, s := range speedSeeds {
		f.Add(s)
	}
	f.Fuzz(checkDecode)
}

func checkDecode(t *testing.T, s string) {
	r, size := decodeRune(s)
	if wr, wsize := utf8.DecodeRuneInString(s); r != wr || size != wsize {
		t.Fatalf("decodeRune(%q) = %q, %d, want %q, %d", s, r, size, wr, wsize)
	}
	r, size = decodeLastRune(s)
	if wr, wsize := utf8.DecodeLastRuneInString(s); r != wr || size != wsize {
		t.Fatalf("decodeLastRune(%q) = %q, %d, want %q, %d", s, r, size, wr, wsize)
	}
}
