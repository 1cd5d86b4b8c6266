package identity

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// The functions below are the ways of the fast paths' checks before they
// were made fast: the oracles the fast ones are compared with.

func oldSquashSpaces(s string) string {
	var b strings.Builder
	pending := false
	var last rune
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' {
			pending = true
			continue
		}
		if pending && isLatin(last) && isLatin(r) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

func oldTrimLine(s string) string {
	s = strings.TrimFunc(s, isPadding)
	if m := lineMark().FindStringIndex(s); m != nil {
		s = strings.TrimLeftFunc(s[m[1]:], isPadding)
	}
	for _, e := range []string{"**", "__"} {
		if len(s) > 2*len(e) && strings.HasPrefix(s, e) && strings.HasSuffix(s, e) {
			s = strings.TrimFunc(s[len(e):len(s)-len(e)], isPadding)
		}
	}
	return s
}

func oldIsOrgName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 40 || chars.ContainsAny(s, notInOrgName) {
		return false
	}
	f := fold(s)
	for _, e := range siteEnds {
		if strings.HasSuffix(f, e) {
			return false
		}
	}
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(f, suf) && len(f) > len(suf) && f != "人民政府" {
			return true
		}
	}
	return false
}

// oldHeadLines is Text.headLines as it was, a function of its own: the
// first n non-empty lines of text, trimmed.
func oldHeadLines(text string, n int) []string {
	var out []string
	for line := range strings.Lines(text) {
		if len(out) >= n {
			break
		}
		if l := trimLine(line); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// oldFromSignature is fromSignature measuring every line.
func oldFromSignature(text string) string {
	var lines []string
	for line := range strings.Lines(text) {
		if l := trimLine(line); l != "" && runeLen(l) <= 60 {
			lines = append(lines, l)
		} else if l != "" {
			lines = append(lines, "。")
		}
	}
	for i := range lines {
		if name := signatureOf(lines, i); name != "" {
			return name
		}
	}
	return ""
}

// titleNext is titleNextLen as a regexp, as it was.
var titleNext = sync.OnceValue(func() *regexp.Regexp {
	re := regexp.MustCompile(`^(?:关于|[0-9０-９]{4}|[（(][0-9０-９]{4}|二[〇○零]|` + alternatives(lists.Of("title-next")) + `)`)
	re.Longest()
	return re
})

// oldGovName is governmentPlace as a regexp, as it was.
var oldGovName = regexp.MustCompile(`^(.+?)(?:人民)?政府$`)

var oldYearRE = regexp.MustCompile(`([12][0-9]{3}|[１２][０-９]{3}|[一二][〇○零Ｏ一二三四五六七八九]{3})\s*年`)

var oldSpanBefore = regexp.MustCompile(`[—–\-－~～至到]\s*$`)

// fastLines are the lines the fast paths are compared on.
func fastLines(t testing.TB) []string {
	return append(matchLines(t), "# 某县报告", "## \u3000标题", "- 发布日期:", "-2024年", "• 发文字号", "＊ 项", "*不是",
		"**某县人民政府关于某某的通知**", "  __强调__ ", "\ufeff某", "2018—2035年", "2021 至 2025年", "2025年－ ", "关于\xff",
		"某某县人民政府  2025年6月13日", "某某县人民政府\u30002025年6月13日", "a b\u3000", " x", "首页 > 政策", "栏目丨标题", "a|b",
		"某市人民政府令\n", "中华人民共和国国务院令", "在某县第十八届人民代表大会第三次会议上", "縣統計局", "某某廳", "局\xff",
		"某市政府网站", "2024年", "２０２４ 年度", "二〇二四\t年", "二〇二四年和2025年", "12345年", "2024\u3000年", "1９99年", "二O二四年", "二Ｏ二四年", "〇二四年", "20\xff4年", "2018—2035年", "某 某 县 人 民 政 府", "Hello  World 2024", "\xe4\xb8", "某\u00a0某",
		"2025年6月13日 ", "2025年6月13日）", "（二〇二五年六月十三日）", "2025.6.13", "2025-06-13\t", "某局 2025年6月13日\u3000", "二〇二五年六月十日",
		"某某县人民政府\n"+strings.Repeat("某", 61)+"\n2025年6月13日", strings.Repeat("某", 61)+"局\n2025年6月13日",
		"某某县人民政府\n某市统计局\n某县财政局\n某县审计局\n2025年6月13日\n", "正文。\n\n某县人民政府  "+strings.Repeat("\u3000", 40)+"2025年6月13日",
		"度—2035", " 至2025", "\t修订", "版", "第3号", "度", "—", "修",
		"人民政府", "政府", "某政府", "某人民政府", "\n人民政府", "某\n政府", "人民人民政府", "\xff政府", "北京市人民政府",
		"某 某 县 人 民 政 府 办 公 室 某 某 县 人 民 政 府 办 公 室 某 某 县 人 民 政 府 办 公 室\n2025年6月13日")
}

func FuzzFastPaths(f *testing.F) {
	for _, l := range fastLines(f) {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := squashSpaces(s), oldSquashSpaces(s); got != want {
			t.Errorf("squashSpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimLine(s), oldTrimLine(s); got != want {
			t.Errorf("trimLine(%q) = %q, want %q", s, got, want)
		}
		if got, want := IsOrgName(s), oldIsOrgName(s); got != want {
			t.Errorf("IsOrgName(%q) = %v, want %v", s, got, want)
		}
		if got, want := endsSpan(s), oldSpanBefore.MatchString(s); got != want {
			t.Errorf("endsSpan(%q) = %v, want %v", s, got, want)
		}
		var years [][]int
		for m := findYear(s, 0); m != nil; m = findYear(s, m[1]) {
			years = append(years, m)
		}
		if want := oldYearRE.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(years, want, slices.Equal) {
			t.Errorf("findYear in %q: %v, want %v", s, years, want)
		}
		for _, n := range []int{0, 1, 3, 50, 60} {
			if got, want := runesAtMost(s, n), runeLen(s) <= n; got != want {
				t.Errorf("runesAtMost(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
		for _, lines := range [][]string{{"某某县人民政府", s}, {s}, {"某市统计局", "某市人民政府", s}} {
			if got, want := signatureAt(lines, len(lines)-1), signatureOf(lines, len(lines)-1); got != want {
				t.Errorf("signatureAt(%q) = %q, want %q", lines, got, want)
			}
		}
		if got, want := fromSignature(newReading("", NewText(s))).String(), oldFromSignature(s); got != want {
			t.Errorf("fromSignature(%q) = %q, want %q", s, got, want)
		}
		if got, want := NewText(s).speech(), findSpeech(NewText(s).headLines(speechLines)); got != want {
			t.Errorf("speech of %q = %+v, want %+v", s, got, want)
		}
		for _, marks := range []string{notInOrgName, "。，,；;：:|>»›→！？!?丨｜＞", "丨"} {
			if got, want := newMarkSet(marks).index(s), strings.IndexAny(s, marks); got != want {
				t.Errorf("markSet(%q).index(%q) = %d, want %d", marks, s, got, want)
			}
		}
		if got, want := titleNextLen(s), len(titleNext().FindString(s)); got != want {
			t.Errorf("titleNextLen(%q) = %d, want %d", s, got, want)
		}
		if m := titleNext().FindString(s); m != "" {
			if first, _ := utf8.DecodeRuneInString(s); !titleNextFirst().Has(first) {
				t.Errorf("titleNext matches %q, which starts with %q, not in titleNextFirst", s, first)
			}
		}
		if (spanAfter().MatchString(s) || citedAfter().MatchString(s)) && !mayFollowYear(s) {
			t.Errorf("spanAfter or citedAfter matches %q, which mayFollowYear denies", s)
		}
		want1, want2 := "", false
		if m := oldGovName.FindStringSubmatch(s); m != nil {
			want1, want2 = m[1], true
		}
		if got1, got2 := governmentPlace(s); got1 != want1 || got2 != want2 {
			t.Errorf("governmentPlace(%q) = %q, %v, want %q, %v", s, got1, got2, want1, want2)
		}
		text := NewText(s)
		for _, n := range []int{1, 3, 2, 16, 10, 25} {
			var got []string
			for _, l := range text.headLines(n) {
				if l.f != fold(l.s) {
					t.Errorf("headLines(%q, %d): %q folded is %q, not %q", s, n, l.s, fold(l.s), l.f)
				}
				got = append(got, l.s)
			}
			if want := oldHeadLines(s, n); !slices.Equal(got, want) {
				t.Errorf("headLines(%q, %d) = %q, want %q", s, n, got, want)
			}
			if raw := NewText(s).rawLines(n); !slices.Equal(raw, got) {
				t.Errorf("rawLines(%q, %d) = %q, want %q", s, n, raw, got)
			}
		}
		fields := strings.Fields(s)
		want := ""
		if len(fields) > 0 {
			want = fields[len(fields)-1]
		}
		if got := lastField(s); got != want {
			t.Errorf("lastField(%q) = %q, want %q", s, got, want)
		}
		// What the regexps are spared on: lines without their marks.
		if got, want := chars.ContainsAny(s, crumbMarks), crumbSep().FindStringIndex(s) != nil; got != want {
			t.Errorf("crumbMarks in %q: %v, crumbSep: %v", s, got, want)
		}
		if congressRE().MatchString(s) && !strings.Contains(s, "届") {
			t.Errorf("congressRE matches %q, which has no 届", s)
		}
		if orderHeader().MatchString(s) && !strings.Contains(s, "令") {
			t.Errorf("orderHeader matches %q, which has no 令", s)
		}
		if m := fullTextMark().FindStringIndex(s); m != nil && !strings.HasSuffix(s, "全文") {
			t.Errorf("fullTextMark matches %q, which does not end with 全文", s)
		}
	})
}

// TestLineMarkFirst checks that a lineMark starts with a character of
// lineMarkFirst, which trimLine asks for before the regexp.
func TestLineMarkFirst(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		for _, rest := range []string{"", " ", "\u3000", "# ", "#", "x"} {
			if lineMark().MatchString(string(r)+rest) && !lineMarkFirst.Has(r) {
				t.Errorf("lineMark matches %q, but %q is not in lineMarkFirst", string(r)+rest, r)
			}
		}
	}
}

// TestOrgLast checks the cheap test of IsOrgName on every character a name
// may end with, as written and folded.
func TestOrgLast(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		s := "某某" + string(r)
		if got, want := IsOrgName(s), oldIsOrgName(s); got != want {
			t.Errorf("IsOrgName(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsSpace(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

func TestLastField(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {" ", ""}, {"a", "a"}, {"a b", "b"}, {"a b ", "b"}, {"某局\u30002025年6月13日", "2025年6月13日"},
		{"某局 \u3000 2025年", "2025年"}, {"\u3000某", "某"},
	} {
		if got := lastField(tt.in); got != tt.want {
			t.Errorf("lastField(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEndsSpan(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"", false}, {"2018—", true}, {"2018 - ", true}, {"2021至", true}, {"2021至\u3000", false}, {"关于", false}, {"～\t\n", true},
	} {
		if got := endsSpan(tt.in); got != tt.want {
			t.Errorf("endsSpan(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHasSpaceOrBadByte(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"", false}, {"某县人民政府", false}, {"某 县", true}, {"某\u3000县", true}, {"某\u00a0", true}, {"\xff", true},
		{"\uFFFD", false}, {"ab", false}, {"a\tb", true},
	} {
		if got := hasSpaceOrBadByte(tt.in); got != tt.want {
			t.Errorf("hasSpaceOrBadByte(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestRunesAtMost(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want bool
	}{
		{"", 0, true}, {"a", 0, false}, {"某某", 2, true}, {"某某某", 2, false}, {"\xff\xff", 2, true}, {"\xff\xff\xff", 2, false},
		{strings.Repeat("某", 60), 60, true}, {strings.Repeat("某", 61), 60, false}, {strings.Repeat("a", 61), 60, false},
		{strings.Repeat("𠀀", 15), 15, true}, {strings.Repeat("𠀀", 16), 15, false},
	} {
		if got := runesAtMost(tt.in, tt.n); got != tt.want {
			t.Errorf("runesAtMost(%q, %d) = %v, want %v", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestDateEnds checks that every dateLine, as written or folded, ends with
// a character of dateEnds before its spaces, which signatureAt asks for
// before anything else.
func TestDateEnds(t *testing.T) {
	for _, s := range fastLines(t) {
		if dateLine().MatchString(fold(s)) {
			if last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isSpace)); !dateEnds.Has(last) {
				t.Errorf("dateLine matches %q, which ends with %q, not in dateEnds", s, last)
			}
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		if f := []rune(fold(string(r))); dateEnds.Has(f[0]) != dateEnds.Has(r) {
			t.Errorf("%q folds to %q", r, f[0])
		}
	}
}

// TestUnfolded checks the characters the rules look for in lines as
// written before folding them: no other character folds to one of them,
// or only those the rule looks for as well (屆 for 届).
func TestUnfolded(t *testing.T) {
	allowed := map[rune]string{'届': "屆"}
	want := "令我代届。，,；;：:0123456789０１２３４５６７８９一二"
	for _, r := range want {
		if fold(string(r)) != string(r) {
			t.Errorf("%q folds", r)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		f, _ := utf8.DecodeRuneInString(fold(string(r)))
		if f != r && strings.ContainsRune(want, f) && !strings.ContainsRune(allowed[f], r) {
			t.Errorf("%q folds to %q", r, f)
		}
	}
}

func TestMarkSet(t *testing.T) {
	for _, tt := range []struct {
		marks, in string
		want      int
	}{
		{notInOrgName, "", -1}, {notInOrgName, "某某县人民政府", -1}, {notInOrgName, "某县，某局", 6}, {notInOrgName, "2024年", 0},
		{notInOrgName, "某局２", 6}, {notInOrgName, "《条例》", 0}, {notInOrgName, "a\"", 1}, {notInOrgName, "\xff", -1},
		{"丨", "政务服务丨某市", 12}, {"丨|", "某市|", 6}, {"丨", "某市", -1}, {"", "某", -1},
	} {
		if got := newMarkSet(tt.marks).index(tt.in); got != tt.want {
			t.Errorf("markSet(%q).index(%q) = %d, want %d", tt.marks, tt.in, got, tt.want)
		}
	}
}

// TestTitleNextFirst checks that titleNext matches only after a character
// of titleNextFirst, tried on every word it may start with.
func TestTitleNextFirst(t *testing.T) {
	for _, w := range append(lists.Of("title-next"), "关于", "2024", "（2024", "(２０２４", "二〇", "二○", "二零") {
		if !titleNext().MatchString(w) {
			t.Errorf("titleNext does not match %q", w)
		}
		if first, _ := utf8.DecodeRuneInString(w); !titleNextFirst().Has(first) {
			t.Errorf("%q starts with %q, not in titleNextFirst", w, first)
		}
	}
}

func TestTitleNextLen(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"关于某", len("关于")}, {"2024年", 4}, {"２０２4年", 10}, {"（2024年）", 7}, {"(2024", 5}, {"(202", 0},
		{"二〇二四年", len("二〇")}, {"二二", 0}, {"某", 0}, {"\xff", 0}, {"工作报告", len("工作报告")},
	} {
		if got := titleNextLen(tt.in); got != tt.want {
			t.Errorf("titleNextLen(%q) = %d, want %d", tt.in, got, tt.want)
		}
		if want := len(titleNext().FindString(tt.in)); tt.want != want {
			t.Errorf("titleNext on %q: %d, want %d", tt.in, want, tt.want)
		}
	}
}

func TestGovernmentPlace(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"北京市政府", "北京市", true}, {"西藏人民政府", "西藏", true}, {"人民政府", "人民", true}, {"政府", "", false},
		{"国务院", "", false}, {"某\n政府", "", false}, {"人民人民政府", "人民", true}, {"某市政府办公室", "", false},
	} {
		if got, ok := governmentPlace(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("governmentPlace(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsPadding(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		want := unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff'
		if isPadding(r) != want {
			t.Errorf("isPadding(%U) = %v", r, isPadding(r))
		}
	}
}

func TestMayFollowYear(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"", false}, {"政府工作报告", false}, {"度—2035年", true}, {" - 2025年", true}, {"至2025年", true}, {"修订）", true},
		{"版", true}, {"第3号", true}, {"度部门决算", true}, {"\u3000至", false},
	} {
		if got := mayFollowYear(tt.in); got != tt.want {
			t.Errorf("mayFollowYear(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
