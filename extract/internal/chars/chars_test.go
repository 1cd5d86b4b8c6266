package chars

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/width"
)

func TestDigits(t *testing.T) {
	tests := []struct {
		s           string
		i           int
		value, n, e int
	}{
		{"2025年", 0, 2025, 4, 4},
		{"〔２０２４〕", 3, 2024, 4, 15},
		{"第15号", 3, 15, 2, 5},
		{"年", 0, 0, 0, 0},
		{"12345678901", 0, 123456789, 11, 11},
	}
	for _, tt := range tests {
		v, n, e := Digits(tt.s, tt.i)
		if v != tt.value || n != tt.n || e != tt.e {
			t.Errorf("Digits(%q, %d) = %d, %d, %d; want %d, %d, %d", tt.s, tt.i, v, n, e, tt.value, tt.n, tt.e)
		}
	}
}

func TestSkipSpaces(t *testing.T) {
	tests := []struct {
		s    string
		i, e int
	}{
		{"54 场", 2, 3},
		{"2025 \u3000年", 4, 8},
		{"\u00a0\t1", 0, 3},
		{"件", 0, 0},
	}
	for _, tt := range tests {
		if e := SkipSpaces(tt.s, tt.i); e != tt.e {
			t.Errorf("SkipSpaces(%q, %d) = %d, want %d", tt.s, tt.i, e, tt.e)
		}
	}
}

func TestSet(t *testing.T) {
	set := NewSet("。！？!?\t｜")
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"全年受理案件49545件", false},
		{"全年受理案件49545件。", true},
		{"a?b", true},
		{"自然资源\t58", true},
		{"自然资源｜58", true},
		{"自然资源|58", false},
		{"\xff\xfe", false},
	} {
		if got := ContainsAny(tt.s, "。！？!?\t｜"); got != tt.want {
			t.Errorf("ContainsAny(%q) = %v, want %v", tt.s, got, tt.want)
		}
		has := false
		for _, r := range tt.s {
			has = has || set.Has(r)
		}
		if has != tt.want {
			t.Errorf("Has of a character of %q = %v, want %v", tt.s, has, tt.want)
		}
	}
}

// FuzzSet holds ContainsAny and Set to strings.ContainsAny and strings.ContainsRune.
func FuzzSet(f *testing.F) {
	f.Add("。！？!?", "全年受理案件49545件。")
	f.Add("\t|｜", "a|b")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, chars, s string) {
		set := NewSet(chars)
		if got, want := ContainsAny(s, chars), strings.ContainsAny(s, chars); got != want {
			t.Errorf("ContainsAny(%q, %q) = %v, strings.ContainsAny: %v", s, chars, got, want)
		}
		for _, r := range s {
			if got, want := set.Has(r), strings.ContainsRune(chars, r); got != want {
				t.Errorf("NewSet(%q).Has(%q) = %v, strings.ContainsRune: %v", chars, r, got, want)
			}
		}
	})
}

func BenchmarkContainsAny(b *testing.B) {
	line := strings.Repeat("全年受理人民调解案件49545件，调解成功率98.7%，", 4)
	b.Run("chars", func(b *testing.B) {
		for b.Loop() {
			ContainsAny(line, "\t|｜")
		}
	})
	b.Run("strings", func(b *testing.B) {
		for b.Loop() {
			strings.ContainsAny(line, "\t|｜")
		}
	})
}

// TestFoldWidthRunes checks the fast path of FoldWidth over every rune:
// a rune below U+3000 never folds, and one that folds says so.
func TestFoldWidthRunes(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, want := FoldWidth(s), width.Fold.String(s); got != want {
			t.Errorf("FoldWidth(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFoldWidth(f *testing.F) {
	for _, s := range []string{"", "万元", "ＧＤＰ增长５．２％", "ｶﾞｽ", "a\xffb", "\u3000亿元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldWidth(s), width.Fold.String(s); got != want {
			t.Errorf("FoldWidth(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestRuneMap(t *testing.T) {
	var rm RuneMap
	for from, to := range map[rune]rune{'縣': '县', '個': '个', '點': '点', '𠀀': 'x', 'A': 'a'} {
		rm.Set(from, to)
	}
	tests := []struct{ in, want string }{
		{"", ""},
		{"青山县", "青山县"},
		{"青山縣", "青山县"},
		{"個百分點", "个百分点"},
		{"A𠀀b", "axb"},
		{"a\xff縣", "a\xff县"},
	}
	for _, tt := range tests {
		if got := rm.Map(tt.in); got != tt.want {
			t.Errorf("Map(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if r, ok := rm.Get('县'); ok || r != '县' {
		t.Errorf("Get(县) = %q, %v", r, ok)
	}
	if r, ok := rm.Get(-1); ok || r != -1 {
		t.Errorf("Get(-1) = %q, %v", r, ok)
	}
}

// indexOracle is RuneMap.Index the simple way, decoding every character.
func indexOracle(rm *RuneMap, s string) int {
	for i, r := range s {
		if _, ok := rm.Get(r); ok {
			return i
		}
	}
	return -1
}

// sparseMap maps every 97th character, ASCII to supplementary planes, and
// a few traditional ones.
func sparseMap() *RuneMap {
	var rm RuneMap
	for r := rune(0); r <= utf8.MaxRune; r += 97 {
		rm.Set(r, 'x')
	}
	for _, r := range "縣個點𠀀" {
		rm.Set(r, 'x')
	}
	return &rm
}

func TestRuneMapIndex(t *testing.T) {
	var rm RuneMap
	rm.Set('縣', '县')
	rm.Set('𠀀', 'x')
	rm.Set('A', 'a')
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", -1}, {"abc", -1}, {"县", -1}, {"縣", 0}, {"a縣", 1}, {"某县縣", 6}, {"\xe7縣", 1}, {"\xe7\xb8縣", 2},
		{"\xef\xbf\xbd縣", 3}, {"\xed\xa0\x80縣", 3}, {"\xe0\xa0\x80縣", 3}, {"𠀀", 0}, {"县𠀀", 3}, {"bcA", 2},
	} {
		if got := rm.Index(tt.in); got != tt.want {
			t.Errorf("Index(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestRuneMapIndexRunes checks Index on every character alone.
func TestRuneMapIndexRunes(t *testing.T) {
	rm := sparseMap()
	for r := rune(0); r <= utf8.MaxRune; r++ {
		s := string(r)
		if got, want := rm.Index(s), indexOracle(rm, s); got != want {
			t.Errorf("Index(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzRuneMapIndex(f *testing.F) {
	for _, s := range []string{"2023年縉云縣", "周口市统计局", "abc", "", "\xe4\xb8", "\xed\xa0\x80縣", "\xe0\xa0\x80縣", "𠀀縣", "\xff縣\xff", "縣\xe7\xb8"} {
		f.Add(s)
	}
	rm := sparseMap()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := rm.Index(s), indexOracle(rm, s); got != want {
			t.Errorf("Index(%q) = %d, want %d", s, got, want)
		}
	})
}

func BenchmarkFoldWidth(b *testing.B) {
	s := strings.Repeat("全年受理行政复议案件同比增长", 4)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		FoldWidth(s)
	}
}

// BenchmarkRuneMapMap maps a report in simplified characters, as nearly
// every text is: nothing to replace, every character to look up.
func BenchmarkRuneMapMap(b *testing.B) {
	var rm RuneMap
	rm.Set('縣', '县')
	s := strings.Repeat("过去一年，全县地区生产总值增长5.6%，一般公共预算收入增长6.1%，城乡居民收入稳步增长。\n", 40)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		rm.Map(s)
	}
}
