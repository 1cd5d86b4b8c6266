package fold

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"受理人民调解案件49545件", "受理人民调解案件49545件"},
		{"本地生產總值增長3.2%，提高1.3個百分點", "本地生产总值增长3.2%，提高1.3个百分点"},
		{"兩萬億點，參貳陸，噸、公頃、臺、於、後、裏", "两万亿点，参贰陆，吨、公顷、台、于、后、里"},
		{"", ""},
		{"\xff佔", "\xff占"}, // bad bytes stay where they are
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLongTexts checks the memo of the last long text: texts of the same
// length, one after the other, each fold as themselves.
func TestLongTexts(t *testing.T) {
	trad := strings.Repeat("本地生產總值增長", 100)
	simp := strings.Repeat("本地生产总值增长", 100)
	other := strings.Repeat("地区生产总值增长", 100)
	for range 2 {
		for _, tt := range []struct{ in, want string }{{trad, simp}, {simp, simp}, {other, other}} {
			if got := String(tt.in); got != tt.want {
				t.Fatalf("String(%.12q…) = %.12q…", tt.in, got)
			}
		}
	}
}

// TestTable checks that folding never moves an offset and never folds a
// character twice.
func TestTable(t *testing.T) {
	if simplified.Len() < 3000 {
		t.Fatalf("only %d characters in fold.tsv", simplified.Len())
	}
	for tr, s := range simplified.All() {
		if utf8.RuneLen(tr) != utf8.RuneLen(s) {
			t.Errorf("%c → %c changes the length", tr, s)
		}
		if _, again := simplified.Get(s); again {
			t.Errorf("%c → %c folds again", tr, s)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("本地生產總值增長3.2%")
	f.Fuzz(func(t *testing.T, s string) {
		if got := String(s); len(got) != len(s) || utf8.RuneCountInString(got) != utf8.RuneCountInString(s) {
			t.Fatalf("String(%q) = %q: length changed", s, got)
		}
	})
}

// indexOracle is the plain version of simplified.Index: a walk over the
// runes of s.
func indexOracle(s string) int {
	for i, r := range s {
		if _, ok := simplified.Get(r); ok {
			return i
		}
	}
	return -1
}

func TestIndex(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", -1},
		{"abc", -1},
		{"地区生产总值", -1},
		{"本地生產", 9},
		{"a產", 1},
		{"\xe4產", 1},         // a lead byte without its continuation
		{"\xe4\xb8產", 2},     // a sequence cut short
		{"\xed\xa0\x80產", 3}, // a surrogate
		{"\xe0\x80\x80產", 3}, // an overlong form
		{"產\xe4", 0},
		{"地\xe4\xb8", -1},
		{"𠀀𡏖", -1}, // four bytes, none folding
		{"a𠁞", 1},  // four bytes, folding
	}
	for _, tt := range tests {
		if got := simplified.Index(tt.in); got != tt.want || got != indexOracle(tt.in) {
			t.Errorf("Index(%q) = %d, want %d (oracle %d)", tt.in, got, tt.want, indexOracle(tt.in))
		}
	}
}

func FuzzIndex(f *testing.F) {
	for _, s := range []string{"本地生產總值增長3.2%", "\xe4產", "\xed\xa0\x80產", "a𠁞"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := simplified.Index(s), indexOracle(s); got != want {
			t.Fatalf("Index(%q) = %d, want %d", s, got, want)
		}
	})
}

func BenchmarkString(b *testing.B) {
	for _, s := range []string{
		"全市受理人民调解案件49545件，调解成功率98.7%。地区生产总值增长3.2%。", // nothing to fold
		"全市受理人民調解案件49545件，調解成功率98.7%。本地生產總值增長3.2%。",
	} {
		b.Run(map[bool]string{true: "simplified", false: "traditional"}[String(s) == s], func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				String(s)
			}
		})
	}
}
