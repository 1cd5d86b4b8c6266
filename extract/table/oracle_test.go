package table

import (
	"strings"
	"testing"
	"unicode"
)

// The tests below hold the quick forms of the package to what they
// replace: strings.TrimSpace, unicode.IsSpace, a regexp, strings.ContainsRune.

func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"", " ", "规章", " 规章\t", "\u3000　12\u3000", "\u00a0x\u2028", "\xff", " \xe3\x80", "年\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, strings.TrimSpace says %q", s, got, want)
		}
	})
}

func TestIsSpace(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

func FuzzIsYearHeading(f *testing.F) {
	for _, s := range []string{"2024", "2024年", "2024年度", "2024年1-6月", "1999年末", "20", "2O24", "上年", "202４"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isYearHeading(s), yearHeading.MatchString(s); got != want {
			t.Fatalf("isYearHeading(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}

func TestCharSets(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := figureSigns.Has(r), strings.ContainsRune("-+－−约近", r); got != want {
			t.Errorf("figureSigns.Has(%q) = %v", r, got)
		}
		if got, want := sentenceEnds.Has(r), strings.ContainsRune("。！？；;!?", r); got != want {
			t.Errorf("sentenceEnds.Has(%q) = %v", r, got)
		}
		if got, want := pageStartSet.Has(r), strings.ContainsRune(pageStarts, r); got != want {
			t.Errorf("pageStartSet.Has(%q) = %v", r, got)
		}
	}
}
