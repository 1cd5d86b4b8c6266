package indicator

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// speedSeeds are texts for the tests that compare a faster way with the
// way it replaced.
var speedSeeds = []string{
	"", "。", "增长5.2%。其中城镇居民58,730元！是吗？ok!yes?", "收入完成93.6亿元，为预算的101.3%",
	"１２３。\u3000ａ", "\xe3\x80", "\xe3\x80\x82\xef\xbc", "a\xe3。\xef！", "\xff？",
	"规范性文件合法性审查率和备案率均为100%。", "二、县住建局牵头工作（6项）",
}

// oldStops is how sentence found the stops of a paragraph before appendStops.
func oldStops(stops []int, s string, base int) []int {
	for i, r := range s {
		if chars.SentenceEnds.Has(r) {
			stops = append(stops, base+i+utf8.RuneLen(r))
		}
	}
	return stops
}

func FuzzAppendStops(f *testing.F) {
	for _, s := range speedSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendStops(nil, s, 7), oldStops(nil, s, 7); !slices.Equal(got, want) {
			t.Errorf("appendStops(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestAppendStops(t *testing.T) {
	tests := []struct {
		s    string
		want []int
	}{
		{"", nil},
		{"增长5%。", []int{11}},
		{"是吗？ok!", []int{9, 12}},
		{"a\xe3。", []int{5}},
	}
	for _, tt := range tests {
		if got := appendStops(nil, tt.s, 0); !slices.Equal(got, tt.want) {
			t.Errorf("appendStops(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func FuzzIsPageNumber(f *testing.F) {
	for _, s := range append(speedSeeds, "— 3 —", "- 4 -", "第2页 共10页", "3/12", "１２", " 5", "\t6", "第 3 页") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isPageNumber(s), pageNumber.MatchString(s); got != want {
			t.Errorf("isPageNumber(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzOrdinalAt(f *testing.F) {
	for _, s := range append(speedSeeds, "二、主要工作", "（三）", "(3)", "2.推进", "三是发现", "十一、", "1.5%") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ordinalAt(s), ordinal.FindStringIndex(s); !slices.Equal(got, want) {
			t.Errorf("ordinalAt(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range append(speedSeeds, " 增长 ", "增长\u3000", "\u3000增长", "增 长", "增长\n", "a增长") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestTrimSpace(t *testing.T) {
	for s, want := range map[string]string{"": "", " 增长 ": "增长", "增长": "增长", "增长\u3000": "增长", "\t为预算的": "为预算的", "增 长": "增 长"} {
		if got := trimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestNotSpace checks the quick test of trimSpace on every character.
func TestNotSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if notSpace(r) && unicode.IsSpace(r) {
			t.Errorf("notSpace(%q), but it is a space", r)
		}
	}
}

// oldClauses is how clauses split a paragraph before it passed the bytes
// that start none of the characters it looks for without decoding them.
func oldClauses(p *paragraph) []clause {
	var out []clause
	start := p.start
	paren := false
	k := 0
	for i := p.start; i < p.end; {
		for k < len(p.qs) && p.qs[k].End <= i {
			k++
		}
		if k < len(p.qs) && p.qs[k].Start <= i {
			i = p.qs[k].End
			continue
		}
		r, size := utf8.DecodeRuneInString(p.text[i:])
		switch {
		case r == '(' || r == '（':
			closeAt := p.closeParen(i + size)
			if closeAt > 0 && p.hasQuantity(i, closeAt) {
				out = append(out, clause{start, i, paren})
				start, paren = i+size, true
			} else if closeAt > 0 {
				i = closeAt
				continue
			}
		case (r == ')' || r == '）') && paren:
			out = append(out, clause{start, i, true})
			start, paren = i+size, false
		case clauseMarks.Has(r) || r == ' ' && strings.HasPrefix(p.text[i+size:], " "):
			out = append(out, clause{start, i, paren})
			start = i + size
		}
		i += size
	}
	return append(out, clause{start, p.end, paren})
}

func FuzzClauses(f *testing.F) {
	for _, s := range append(speedSeeds, "新增规章18件（含新制定4件，修改14件）", "自然资源\t58\t33.7%", "一、  总体  情况：好|12件｜", "县（市、区）12个。（区）") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := &paragraph{text: s, end: len(s), qs: quantities(s)}
		want := oldClauses(p)
		if got := p.clauses(); !slices.Equal(got, want) {
			t.Errorf("clauses of %q = %v, want %v", s, got, want)
		}
	})
}
