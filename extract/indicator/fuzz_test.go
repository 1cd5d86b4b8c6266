package indicator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzFind checks that naming never panics, keeps every quantity it is
// given at its place, and returns names and sentences that are valid
// UTF-8 taken from the text.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"受理人民调解案件49545件，调解成功48899件，调解成功率98.7%。",
		"第一产业增加值13.05亿元、第二产业增加值147.83亿元，分别增长4.6%和7.7%。",
		"规范性文件合法性审查率和备案率均为100%。新增规章18件（含新制定4件，修改14件）",
		"我市综合得分居全省第6位，（）（1,234件，占比5.6%，分别占的",
		"收入完成93.6\n亿元，为预算的101.3%，对23个重点项\n— 2 —\n报告\n目开展评价，惠及1.8\n万人\n",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(filepath.Join("..", "quantity", "testdata", "report.txt")); err == nil {
		f.Add(string(b))
	}
	seg := segmenter(f)
	f.Fuzz(func(t *testing.T, text string) {
		valid := utf8.ValidString(text) // documents are decoded to UTF-8, but bad bytes must not panic
		qs := quantities(text)
		k := 0
		for _, in := range Find(text, qs, seg) {
			for k < len(qs) && qs[k].Start < in.Start {
				k++
			}
			if k == len(qs) || qs[k] != in.Quantity {
				t.Fatalf("indicator %+v is not a quantity of quantity.Find at its place", in.Quantity)
			}
			if text[in.Start:in.End] != in.Text {
				t.Fatalf("text[%d:%d] = %q, Text %q", in.Start, in.End, text[in.Start:in.End], in.Text)
			}
			if valid && (!utf8.ValidString(in.Name) || !utf8.ValidString(in.Sentence)) {
				t.Fatalf("invalid UTF-8 in name %q or sentence %q", in.Name, in.Sentence)
			}
			if !strings.Contains(in.Sentence, in.Text) {
				t.Fatalf("sentence %q does not hold its quantity %q", in.Sentence, in.Text)
			}
		}
	})
}

// FuzzMarkLeads checks the quick test of removeMarks: a name without any of
// markLeads has none of the marks the slower checks look for.
func FuzzMarkLeads(f *testing.F) {
	for _, s := range []string{"开设《A》《B》等专栏", "组织“宪法进万家”等主题活动", "县（市、区）", "收入[1]", "①项目", "⑪", "调解成功率", "a(b", "\xe2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		marked := strings.ContainsFunc(s, footnoteMarks.Has) || strings.Contains(s, "《") ||
			strings.Contains(s, "”等") || strings.ContainsAny(s, "(（")
		if marked && !hasLead(s, markLeads) {
			t.Errorf("%q has a mark but no lead byte", s)
		}
	})
}

// TestIdeographsNotTrimmed checks the quick tests of trimPunct, trimSpace,
// isHan and isLetter: no CJK Unified Ideograph is a space or punctuation,
// and each is a Chinese letter.
func TestIdeographsNotTrimmed(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !isIdeograph(r) {
			t.Errorf("%q is not an ideograph", r)
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			t.Errorf("ideograph %q is a space or punctuation", r)
		}
		if !unicode.Is(unicode.Han, r) || !unicode.IsLetter(r) {
			t.Errorf("ideograph %q is not a Chinese letter", r)
		}
	}
}
