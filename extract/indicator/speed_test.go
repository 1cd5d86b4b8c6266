package indicator

import (
	"regexp"
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
		{"增长。\xe3\x80增长。", []int{9, 20}},
		{"增长。增长？增长。", []int{9, 18, 27}},
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

// ordinal is the ordinal that ordinalEnd reads, the way clean and heading
// read it before.
var ordinal = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[是、]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])`)

// ordinalEndRegexp is ordinalEnd by the regexp.
func ordinalEndRegexp(s string) int {
	if loc := ordinal.FindStringIndex(s); loc != nil {
		return loc[1]
	}
	return -1
}

var ordinalCases = []string{"二、主要工作", "（三）", "(3)", "(12)开展", "2.推进", "12、", "3．", "三是发现", "十一、",
	"1.5%", "（）", "()", "(a)", "一", "十一", "一二三是", "（十", "12", "是", "、", "三\xff、", "(\xff)", "1\xff.", ""}

func TestOrdinalEnd(t *testing.T) {
	for _, s := range ordinalCases {
		if got, want := ordinalEnd(s), ordinalEndRegexp(s); got != want {
			t.Errorf("ordinalEnd(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzOrdinalEnd(f *testing.F) {
	for _, s := range append(speedSeeds, ordinalCases...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ordinalEnd(s), ordinalEndRegexp(s); got != want {
			t.Errorf("ordinalEnd(%q) = %d, want %d", s, got, want)
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

func FuzzHasYearDigit(f *testing.F) {
	for _, s := range append(speedSeeds, "２０２４年", "２", "，", "年9", "\xef\xbc") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasYearDigit(s), strings.ContainsFunc(s, chars.IsDigit); got != want {
			t.Errorf("hasYearDigit(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestHasYearDigit(t *testing.T) {
	for s, want := range map[string]bool{"": false, "2024年": true, "２０２４年": true, "年，": false, "第九": false} {
		if got := hasYearDigit(s); got != want {
			t.Errorf("hasYearDigit(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCharSet compares the sets of first and last characters of the word
// lists with chars.Set, on every character.
func TestCharSet(t *testing.T) {
	words := append(append([]string{"𠀀a", "b𠀁"}, leadWords...), tailWords...)
	var first, last strings.Builder
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		first.WriteRune(r)
		r, _ = utf8.DecodeLastRuneInString(w)
		last.WriteRune(r)
	}
	for _, tt := range []struct {
		got  *charSet
		want *chars.Set
	}{{firstChars(words), chars.NewSet(first.String())}, {lastChars(words), chars.NewSet(last.String())}} {
		for r := rune(-1); r <= unicode.MaxRune+1; r++ {
			if tt.got.Has(r) != tt.want.Has(r) {
				t.Errorf("Has(%q) = %v, want %v", r, tt.got.Has(r), tt.want.Has(r))
			}
		}
	}
	set := charsOf("对向在针对𠀀")
	for r, want := range map[rune]bool{'对': true, '针': true, '𠀀': true, '按': false, 'a': false} {
		if set.Has(r) != want {
			t.Errorf("charsOf: Has(%q) = %v, want %v", r, !want, want)
		}
	}
	first3, last3 := firstChars([]string{"分别", "均为", "𠀀a"}), lastChars([]string{"分别", "均为", "a𠀀"})
	for r, want := range map[rune]bool{'分': true, '均': true, '𠀀': true, '别': false, 'a': false} {
		if first3.Has(r) != want {
			t.Errorf("firstChars: Has(%q) = %v, want %v", r, !want, want)
		}
	}
	for r, want := range map[rune]bool{'别': true, '为': true, '𠀀': true, '分': false, 'a': false} {
		if last3.Has(r) != want {
			t.Errorf("lastChars: Has(%q) = %v, want %v", r, !want, want)
		}
	}
}

func TestHasAnyChar(t *testing.T) {
	set := charsOf("共计")
	for s, want := range map[string]bool{"": false, "累计完成": true, "总共": true, "总量": false, "\xff计": true} {
		if got := hasAnyChar(s, set); got != want {
			t.Errorf("hasAnyChar(%q) = %v, want %v", s, got, want)
		}
	}
}

// oldListEnd is listEnd before its quick test of the last character.
func oldListEnd(s string) int {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if k := listComma(s); k > 0 && k == len(s)-len("、") {
		return k
	}
	if chars.ContainsAny(s, "、，,；;") {
		return -1
	}
	for _, c := range []string{"和", "及", "与", "或"} {
		if strings.HasSuffix(s, c) && len(s) > len(c) {
			return len(s) - len(c)
		}
	}
	return -1
}

// oldSplitShared is splitShared before its quick test of the last character.
func oldSplitShared(raw string) []string {
	s := strings.TrimSpace(raw)
	found := false
	for _, w := range sharedBy {
		if strings.HasSuffix(s, w) {
			s, found = strings.TrimSuffix(s, w), true
			break
		}
	}
	if !found {
		return nil
	}
	parts := conjunction.Split(s, -1)
	if len(parts) < 2 {
		return nil
	}
	var names []string
	for _, part := range parts {
		n := clean(part)
		if utf8.RuneCountInString(n) < 2 {
			return nil
		}
		names = append(names, n)
	}
	return names
}

// oldStartsChange is startsChange before its quick test for cutsTo.
func oldStartsChange(s string) bool {
	if first, _ := utf8.DecodeRuneInString(s); changeStarts.Has(first) {
		for _, v := range changeVerbs {
			if strings.HasPrefix(s, v) && len(v) > len("增") {
				return true
			}
		}
	}
	for _, w := range cutsTo {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

var wordSeeds = []string{"街道、", "市直部门和 ", "部门和\u3000", "和", "县（市、区）和", "审查率和备案率均为 ", "出口和进口均达",
	"增加到", "增", "精简至29个", "压减低效资金", "出口和进口分别为", "城镇、农村居民人均消费支出分别增长", "分别", "a分别"}

func FuzzListEnd(f *testing.F) {
	for _, s := range append(speedSeeds, wordSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := listEnd(s), oldListEnd(s); got != want {
			t.Errorf("listEnd(%q) = %d, want %d", s, got, want)
		}
		if got, want := splitShared(s), oldSplitShared(s); !slices.Equal(got, want) {
			t.Errorf("splitShared(%q) = %q, want %q", s, got, want)
		}
		if got, want := startsChange(s), oldStartsChange(s); got != want {
			t.Errorf("startsChange(%q) = %v, want %v", s, got, want)
		}
		for values := range 4 {
			gotNames, gotOwn := splitRespective(s, values, "人员")
			wantNames, wantOwn := oldSplitRespective(s, values, "人员")
			if !slices.Equal(gotNames, wantNames) || gotOwn != wantOwn {
				t.Errorf("splitRespective(%q, %d) = %q, %v, want %q, %v", s, values, gotNames, gotOwn, wantNames, wantOwn)
			}
		}
	})
}

func TestListEnd(t *testing.T) {
	for s, want := range map[string]int{"": -1, "街道、": 6, "部门和 ": 6, "部门": -1, "和": -1, "县（市、区）和": -1, "a，b和": -1} {
		if got := listEnd(s); got != want {
			t.Errorf("listEnd(%q) = %d, want %d", s, got, want)
		}
	}
}

// oldSplitRespective is splitRespective before its fast search for 分别.
func oldSplitRespective(raw string, values int, of string) (names []string, own bool) {
	k := strings.LastIndex(raw, "分别")
	if k <= 0 || values < 2 {
		return nil, false
	}
	subjects, pred := raw[:k], clean(raw[k+len("分别"):])
	own = true
	if isPredicate(pred) {
		pred, _ = predicatePart(pred)
		own = false
	} else if pred != "" {
		return nil, false // 分别召开…: not a list of values
	}
	parts := conjunction.Split(clean(subjects), -1)
	if m := ordinals.FindStringSubmatch(clean(subjects)); m != nil {
		// 第一、二、三产业对经济增长的贡献率: the ordinals share what follows them
		parts = nil
		for _, o := range strings.Split(m[1], "、") {
			parts = append(parts, "第"+o+m[2])
		}
	} else if m := levels.FindStringSubmatch(clean(subjects)); m != nil && of != "" {
		parts = strings.Split(m[1], "、")
		for k := range parts {
			parts[k] += "级" + of
		}
	}
	if len(parts) != values {
		return nil, false
	}
	parts = parallel(parts)
	for _, part := range parts {
		n := clean(part)
		if utf8.RuneCountInString(n) < 2 {
			return nil, false
		}
		names = append(names, n+pred)
	}
	return names, own
}

func TestIsShare(t *testing.T) {
	for unit, want := range map[string]bool{"%": true, "％": true, "‰": true, "个百分点": true, "百分点": true,
		"亿元": false, "件": false, "": false, "百万": false, "人次%": true, "\xff%": true} {
		if got := isShare(unit); got != want {
			t.Errorf("isShare(%q) = %v, want %v", unit, got, want)
		}
		if old := chars.ContainsAny(unit, "%％‰") || strings.Contains(unit, "百分"); old != want {
			t.Errorf("the old isShare(%q) = %v, want %v", unit, old, want)
		}
	}
}

// oldTrimPunct is trimPunct as it trimmed the start with strings.TrimLeftFunc.
func oldTrimPunct(s string) string {
	trimmed := func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && !strings.ContainsRune("“”\"《》", r))
	}
	s = strings.TrimLeftFunc(s, trimmed)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !trimmed(r) || (r == '）' || r == ')') && chars.ContainsAny(s, "（(") {
			break
		}
		s = s[:len(s)-size]
	}
	for strings.HasPrefix(s, "”") {
		s = s[len("”"):]
	}
	for strings.HasSuffix(s, "“") {
		s = s[:len(s)-len("“")]
	}
	return s
}

func FuzzTrimPunct(f *testing.F) {
	for _, s := range append(speedSeeds, "，增长。", " “增长” ", "”增长“", "示范村（社区）", "（增长）", "\xff，增长", "、\xe4\xb8") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimPunct(s), oldTrimPunct(s); got != want {
			t.Errorf("trimPunct(%q) = %q, want %q", s, got, want)
		}
	})
}

// oldTrimLeads is how clean trimmed the lead words before trimLeads.
func oldTrimLeads(s string) string {
	if first, _ := utf8.DecodeRuneInString(s); leadStarts.Has(first) {
		for _, w := range leadWords {
			if strings.HasPrefix(s, w) && !(w == "其" && strings.HasPrefix(s, "其他")) {
				s = s[len(w):]
			}
		}
	}
	return s
}

var leadCases = []string{"", "全年地区生产总值", "其中受理案件", "其他收入", "其受理案件", "全年共受理", "本年度收入", "本年收入",
	"累计完成", "共有", "一般公共预算收入", "并且", "和及与", "的", "全市全年", "此外其中共计", "\xff全年"}

func TestTrimLeads(t *testing.T) {
	for _, s := range leadCases {
		if got, want := trimLeads(s), oldTrimLeads(s); got != want {
			t.Errorf("trimLeads(%q) = %q, want %q", s, got, want)
		}
	}
	for _, w := range leadWords {
		for _, s := range []string{w, w + "受理案件", w + w, w + "其他"} {
			if got, want := trimLeads(s), oldTrimLeads(s); got != want {
				t.Errorf("trimLeads(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzTrimLeads(f *testing.F) {
	for _, s := range append(speedSeeds, leadCases...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimLeads(s), oldTrimLeads(s); got != want {
			t.Errorf("trimLeads(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestFirstRunes(t *testing.T) {
	if got, want := firstRunes([]string{"全年", "其", "a", "𠀀b", ""}), []rune{'全', '其', 'a', '𠀀', utf8.RuneError}; !slices.Equal(got, want) {
		t.Errorf("firstRunes = %q, want %q", got, want)
	}
}

func FuzzHasAnyChar(f *testing.F) {
	for _, s := range append(speedSeeds, "一般公共预算收入", "累计", "\xe5\x85") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ContainsFunc(s, scopeAdverbEnds.Has)
		if got := hasAnyChar(s, scopeAdverbEnds); got != want {
			t.Errorf("hasAnyChar(%q) = %v, want %v", s, got, want)
		}
	})
}
