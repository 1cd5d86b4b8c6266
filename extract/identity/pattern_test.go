package identity

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
)

func TestNeededWords(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want []string
	}{
		{`通知`, []string{"通知"}},
		{`[（(]`, []string{"(", "（"}},
		{`审计工作报告|审计结果公告`, []string{"工作报告", "结果公告"}},
		{`预算[xz]|[yw]预算`, []string{"预算"}},
		{`(?:意见|决定)(?:[（(][^（()）]{0,16}[)）])?$`, []string{"意见", "决定"}},
		{`(?:法治政府建设|依法行政).*(?:报告|总结)`, []string{"法治政府建设", "依法行政"}},
		{`a+b*`, []string{"a"}},
		{`(?:x){2,3}`, []string{"x"}},
		{`(?i)abc`, nil},
		{`\pL`, nil},
		{`[^。]`, nil},
		{`a?`, nil},
		{`a|b*`, nil},
		{`^$`, nil},
		{"\uFFFD", nil},
		{"[\uFFFDa]", nil},
		{"a1|b2|c3|d4|e5|f6|g7|h8|i9|j0|k1|l2|m3", nil},
		{"a1|b2|c3|d4|e5|f6|g7|h8|i9|j0|k1|l2", []string{"a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9", "j0", "k1", "l2"}},
	} {
		re, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := neededWords(re); !slices.Equal(got, tt.want) {
			t.Errorf("neededWords(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// FuzzPattern checks that a pattern matches where its regexp does: the
// words it tests for first are in every match.
func FuzzPattern(f *testing.F) {
	for _, r := range kindRules() {
		f.Add(r.example)
		f.Add(strings.SplitN(r.example, "\n", 2)[0])
	}
	f.Add("\xff通知")
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range kindRules() {
			for _, p := range []*pattern{r.title, r.text} {
				if p != nil && p.needs != nil && len(p.needs) == 0 {
					t.Fatalf("rule %s needs no word of none", r.name)
				}
				if p != nil && p.MatchString(s) != p.re().MatchString(s) {
					t.Errorf("rule %s: pattern with words %q on %q: %v, regexp: %v", r.name, p.needs, s, p.MatchString(s), p.re().MatchString(s))
				}
			}
		}
	})
}

func TestLazyRegexps(t *testing.T) {
	if len(lazyRegexps) < 20 {
		t.Errorf("%d lazy regexps, want all the package's", len(lazyRegexps))
	}
	for _, re := range lazyRegexps {
		re() // panics if it does not compile
	}
	titleNext()
}
