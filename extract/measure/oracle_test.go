package measure

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// This file keeps the simple ways of doing what read.go and rules.go do
// faster, as the oracles of the fuzz tests that compare the two.

// oldClauseStart walks back a character at a time.
func oldClauseStart(text string, pos int) int {
	for i := pos; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if chars.NewSet(clauseMarks).Has(r) {
			return i
		}
		i -= size
	}
	return 0
}

// oldSentenceStart walks back a character at a time, to the text's start.
func oldSentenceStart(text string, pos int) int {
	for i := pos; i > 0; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		switch {
		case chars.SentenceEnds.Has(r):
			return i + size
		case r == '\n':
			if !oldRunsOn(text[strings.LastIndexByte(text[:i], '\n')+1 : i]) {
				return i + size
			}
		}
	}
	return 0
}

func oldRunsOn(line string) bool {
	line = strings.TrimSpace(line)
	r, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune("，,、：:；;", r) {
		return true
	}
	return (unicode.Is(unicode.Han, r) || unicode.IsDigit(r)) && chars.ContainsAny(line, "，,；;") && utf8.RuneCountInString(line) >= 25
}

// fuzzTexts seed the fuzz tests: lines of prose that end a sentence, run
// on or not, a table row, marks of clauses and sentences.
var fuzzTexts = []string{
	"一、概况\n全年受理案件49件，比上年增长5.2%。其中：新增3件，\n办结12件；收入增长了百分之三点五，较上年提高，全市各地区生产总值稳步增长到\n了1200亿元！完成12项？\n\n末行7",
	"全市地区生产总值比上年增长6.1%，高于全省平均水平0.4个百分点；城镇化率比上年末提高1.2个百分点\n 　\n（含新制定4件）a,b 7|8｜9\t10",
	"主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。到2027年研发投入强度达到3%",
	"产品名称\t单位\t产量\t比上年增长(%)\n水泥\t万吨\t238.4\t-5.7\n",
	"\xe3\x80\x82\xe3\x80\xff\x82\n\xef\xbc\x81x\xbc\x81",
}

// FuzzClauseStart asks for the clause start of every character's offset in
// text order, as Read does, and of a few out of order.
func FuzzClauseStart(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s, 5)
	}
	f.Fuzz(func(t *testing.T, text string, skip int) {
		var offsets []int
		for pos := range text {
			offsets = append(offsets, pos)
		}
		offsets = append(offsets, len(text))
		clauses := &marksBefore{text: text, set: clauseSet}
		for _, pos := range offsets {
			if got, want := clauses.endBefore(pos), oldClauseStart(text, pos); got != want {
				t.Fatalf("clause start of %d in %q = %d, want %d", pos, text, got, want)
			}
		}
		for i := len(offsets) - 1; i >= 0 && skip > 0; i -= skip {
			if got, want := clauses.endBefore(offsets[i]), oldClauseStart(text, offsets[i]); got != want {
				t.Fatalf("clause start of %d in %q, asked back to front = %d, want %d", offsets[i], text, got, want)
			}
		}
	})
}

func FuzzSentenceStart(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for pos := range len(text) + 1 {
			if got, want := sentenceStart(text, pos, 0, 0), oldSentenceStart(text, pos); got != want {
				t.Fatalf("sentenceStart(%q, %d) = %d, want %d", text, pos, got, want)
			}
		}
	})
}

// oldComparison searches s from its end for every word of base.
func oldComparison(c *clause, s string) string {
	if !chars.ContainsAny(s, compareChars) {
		return ""
	}
	best, at, from := "", -1, 0
	for _, w := range c.v.words["base"] {
		k := strings.LastIndex(s, w.text)
		if k < 0 || k+len(w.text) < at || k+len(w.text) == at && k >= from {
			continue
		}
		if w.text != "同比" && w.text != "环比" {
			prev, _ := utf8.DecodeLastRuneInString(s[:k])
			if !strings.ContainsRune(compareChars, prev) {
				continue
			}
		}
		best, at, from = w.means, k+len(w.text), k
	}
	if !strings.Contains(s, "年") {
		return best
	}
	if ms := yearBase.FindAllStringSubmatchIndex(s, -1); ms != nil {
		m := ms[len(ms)-1]
		if m[1] > at {
			best = strings.NewReplacer("年度", "年", "底", "末").Replace(s[m[2]:m[3]])
		}
	}
	return best
}

// oldBenchmark searches the predicate from its end for every word of diff.
func oldBenchmark(c *clause) (base, direction string) {
	for _, w := range c.v.words["diff"] {
		k := strings.LastIndex(c.pred, w.text)
		if k < 0 {
			continue
		}
		b := c.pred[k+len(w.text):]
		if n := utf8.RuneCountInString(b); n >= 2 && n <= 15 {
			return b, w.means
		}
	}
	return "", ""
}

// FuzzComparison compares comparison and benchmark with the search of
// every word from the end, and the comparison after the last semicolon of
// a lead with the one base made, which cut the lead one byte after the
// semicolon's start.
func FuzzComparison(f *testing.F) {
	for _, s := range append(fuzzTexts, "比上年年初预算增加，较2022年度底；比上年同期高于全省平均水平0.4", "同比；增长比2023年末") {
		f.Add(s)
	}
	c := &clause{v: load()}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) + 1 {
			part := s[i:]
			if got, want := c.comparison(part), oldComparison(c, part); got != want {
				t.Fatalf("comparison(%q) = %q, want %q", part, got, want)
			}
			c.pred = part
			gb, gd := c.benchmark()
			wb, wd := oldBenchmark(c)
			if gb != wb || gd != wd {
				t.Fatalf("benchmark of %q = %q %q, want %q %q", part, gb, gd, wb, wd)
			}
		}
		lead := s
		if k, size := semicolons.lastIndex(s); k >= 0 {
			lead = s[k+size:]
		}
		if got, want := c.comparison(lead), oldComparison(c, s[strings.LastIndexAny(s, "；;")+1:]); got != want {
			t.Fatalf("comparison after the last semicolon of %q = %q, want %q", s, got, want)
		}
	})
}

// oldKey maps every character of a name to drop quotes and spaces, and
// upper-cases it with strings.ToUpper.
func oldKey(name string) string {
	name = chars.FoldWidth(name)
	if chars.ContainsAny(name, "(（") {
		name = parens.ReplaceAllString(name, "")
	}
	name = strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '‘', '’', '\'', ' ', '\t', '\u3000', '、':
			return -1
		}
		return r
	}, name)
	return strings.ToUpper(name)
}

var oldLeadYear = regexp.MustCompile(`^(?:[0-9]{4}年度?|今年|全年|年末|年底)`)

// oldStrip finds a leading year with a regexp and tries every word of the
// roles of a change for the end.
func oldStrip(v *vocab, k string) string {
	if loc := oldLeadYear.FindStringIndex(k); loc != nil {
		return k[loc[1]:]
	}
	for _, s := range leadScopes {
		if strings.HasPrefix(k, s) && len(k) > len(s) {
			return k[len(s):]
		}
	}
	for _, p := range tailPlans {
		if strings.HasSuffix(k, p) && len(k) > len(p) {
			return k[:len(k)-len(p)]
		}
	}
	for _, role := range []string{"up", "down", "flat", "rate", "base"} {
		for _, w := range v.words[role] {
			if strings.HasSuffix(k, w.text) && len(k) > len(w.text) {
				return k[:len(k)-len(w.text)]
			}
		}
	}
	if m := trailingCompare.FindStringIndex(k); m != nil && m[0] > 0 {
		return k[:m[0]]
	}
	return k
}

var fuzzNames = []string{
	"2025年全市地区生产总值比上年增长", "2024年度一般公共预算收入同比增长目标", "今年城镇化率较2022年末提高",
	"“GDP”增速", "执业（助理）医师", "ｇｄｐ 增长", "全年 粮食产量\t与上年同期", "年底存款余额比去年底", "αβ 指数", "Ⓐ级景区",
	"人均可支配收入同比", "市本级预算完成", "123年", "2025年",
}

func FuzzKey(f *testing.F) {
	for _, s := range fuzzNames {
		f.Add(s)
	}
	v := load()
	f.Fuzz(func(t *testing.T, name string) {
		k := key(name)
		if want := oldKey(name); k != want {
			t.Fatalf("key(%q) = %q, want %q", name, k, want)
		}
		for i := 0; i < 10; i++ {
			next, want := v.strip(k), oldStrip(v, k)
			if next != want {
				t.Fatalf("strip(%q) = %q, want %q", k, next, want)
			}
			k = next
		}
	})
}

// TestUpper checks that Chinese characters, which upper passes over, have
// no upper case.
func TestUpper(t *testing.T) {
	for r := rune(0x4e00); r <= 0x9fff; r++ {
		if unicode.ToUpper(r) != r {
			t.Errorf("%q has an upper case", r)
		}
	}
	for _, s := range fuzzNames {
		if got, want := upper(s), strings.ToUpper(s); got != want {
			t.Errorf("upper(%q) = %q, want %q", s, got, want)
		}
	}
}

// oldFoldUnit looks every unit of one character up in unitFold.
func oldFoldUnit(u string) string {
	u = strings.TrimSpace(u)
	switch u {
	case "％":
		return "%"
	case "個百分點", "个百分點", "個百分点", "百分点", "百分點":
		return "个百分点"
	}
	if utf8.RuneCountInString(u) == 1 {
		if f, ok := unitFold[u]; ok {
			return f
		}
	}
	return chars.FoldWidth(u)
}

func FuzzFoldUnit(f *testing.F) {
	for _, u := range []string{"", "個", "个", "噸", " 畝 ", "％", "個百分點", "万元", "ｋｍ", "\xe5", "類型"} {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := FoldUnit(u), oldFoldUnit(u); got != want {
			t.Fatalf("FoldUnit(%q) = %q, want %q", u, got, want)
		}
	})
}

// TestFoldWidth checks that chars.FoldWidth, which foldWidth does not call
// for Chinese characters and ASCII, leaves them as they are.
func TestFoldWidth(t *testing.T) {
	for r := rune(0); r <= 0x9fff; r++ {
		if r == utf8.RuneSelf {
			r = 0x4e00
		}
		if s := string(r); chars.FoldWidth(s) != s {
			t.Errorf("%q folds to %q", s, chars.FoldWidth(s))
		}
	}
	for _, s := range append(fuzzNames, "\xe5", "ＧＤＰ　增长", "ｶﾀｶﾅ") {
		if got, want := foldWidth(s), chars.FoldWidth(s); got != want {
			t.Errorf("foldWidth(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPointsFold checks what isPoints needs: FoldUnit and the width
// folding it uses, a character at a time, make 百 and 分 of no other
// character.
func TestPointsFold(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == '百' || r == '分' || !utf8.ValidRune(r) {
			continue
		}
		if s := string(r); strings.ContainsAny(FoldUnit(s)+chars.FoldWidth(s), "百分") {
			t.Errorf("%q folds to 百 or 分", s)
		}
	}
	for _, tt := range []struct {
		unit string
		want bool
	}{{"个百分点", true}, {" 個百分點", true}, {"百分点", true}, {"%", false}, {"亿元", false}, {"百分比", false}, {"", false}} {
		if got := isPoints(tt.unit); got != tt.want {
			t.Errorf("isPoints(%q) = %v, want %v", tt.unit, got, tt.want)
		}
	}
}

// oldChangeWord asks for the words of each role in turn.
func oldChangeWord(c *clause, s string) string {
	ws := c.v.endings(s)
	if w, ok := ws.of(s, "rate"); ok {
		return w.means
	}
	for _, role := range []string{"up", "down", "flat"} {
		if _, ok := ws.of(s, role); ok {
			if _, not := ws.of(s, "not-change"); not {
				continue
			}
			return role
		}
	}
	return ""
}

// FuzzChangeWord compares changeWord with asking for each role in turn.
func FuzzChangeWord(f *testing.F) {
	c := &clause{v: load()}
	for _, role := range []string{"rate", "up", "down", "flat", "not-change"} {
		for _, w := range c.v.words[role] {
			f.Add("比上年" + w.text)
			f.Add(w.text + "增长")
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := c.changeWord(s), oldChangeWord(c, s); got != want {
			t.Errorf("changeWord(%q) = %q, want %q", s, got, want)
		}
	})
}
