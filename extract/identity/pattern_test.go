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
		{"a1|b2|c3|d4|e5|f6|g7|h8|i9|j0|k1|l2|m3|n4|o5|p6|q7", nil},
		{"a1|b2|c3|d4|e5|f6|g7|h8|i9|j0|k1|l2|m3|n4|o5|p6", []string{"a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9", "j0", "k1", "l2", "m3", "n4", "o5", "p6"}},
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
// words and the first characters it tests for first are in every match.
func FuzzPattern(f *testing.F) {
	patterns := []*pattern{headingNumber, chromeLine, speechStart}
	for _, r := range kindRules() {
		f.Add(r.example)
		f.Add(strings.SplitN(r.example, "\n", 2)[0])
		patterns = append(patterns, r.title, r.text)
	}
	for _, s := range []string{"\xff通知", "第一章", "一、", "（三）", "12.", "首页", "您的位置", "【", "——2024年", "（2024年1月在某县第一次会议上的报告）", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range patterns {
			if p == nil {
				continue
			}
			c := p.compiled()
			if c.needs != nil && len(c.needs) == 0 {
				t.Fatalf("%s needs one word of none", c.re)
			}
			if got, want := p.MatchString(s), c.re.MatchString(s); got != want {
				t.Errorf("%s, needing %q, on %q: %v, regexp: %v", c.re, c.needs, s, got, want)
			}
		}
	})
}

func TestAnchoredFirst(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want string
	}{
		{`^通知`, "通"},
		{`^(?:[—\-]{1,3}|[（(].{0,24}在)`, "-—(（"},
		{`^(?:首页|网站首页|【)`, "首网【"},
		{`^\s*通知`, ""},
		{`^a?b`, ""},
		{`^(?:a|b*)`, ""},
		{`通知`, ""},
		{`(?i)^a`, ""},
		{`^\pL`, ""},
		{`^[0-9]+x`, "0123456789"},
	} {
		re, err := syntax.Parse(tt.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(anchoredFirst(re)); got != tt.want {
			t.Errorf("anchoredFirst(%q) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

func TestLazyRegexps(t *testing.T) {
	if len(lazyRegexps) < 20 {
		t.Errorf("%d lazy regexps, want all the package's", len(lazyRegexps))
	}
	for _, re := range lazyRegexps {
		re() // panics if it does not compile
	}
}
