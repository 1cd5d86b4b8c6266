package measure

import (
	"strings"
	"testing"
	"unicode"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// TestWordIndex checks that the word index finds in every part of a text
// what hasWord finds in that part alone.
func TestWordIndex(t *testing.T) {
	testWordIndex(t, "主要预期目标是：计划生育服务，确保完成计划的80%，力争草拟方案；实际已完成了计划，拟定预期寿命目标的预期")
}

// FuzzWordIndex is TestWordIndex for any text, valid UTF-8 or not.
func FuzzWordIndex(f *testing.F) {
	f.Add("主要预期目标是：计划生育服务，确保完成计划的80%，力争草拟方案；实际已完成了计划，拟定预期寿命目标的预期")
	f.Add("\xe8计划\xe8\xae\xa1划\xe5\xae已\xe5")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 120 {
			return // every part of it is checked
		}
		testWordIndex(t, text)
	})
}

func testWordIndex(t *testing.T, text string) {
	t.Helper()
	c := &clause{v: load(), text: text}
	x := &wordIndex{v: c.v, text: text}
	for from := range len(text) + 1 {
		for to := from; to <= len(text); to++ {
			for _, r := range [][2]string{{"cue", "not-cue"}, {"reset", ""}} {
				want := c.hasWord(text[from:to], r[0], r[1])
				got := x.last(from, to, r[0], r[1])
				if got >= 0 {
					got -= from
				}
				if got != want {
					t.Fatalf("%s in %q: %d, want %d", r[0], text[from:to], got, want)
				}
			}
		}
	}
}

func TestClauseStart(t *testing.T) {
	tests := []struct {
		text, at string // at: the figure
		want     string // the clause
	}{
		{"全年受理案件49件", "49", "全年受理案件"},
		{"收入增长，比上年增长5.2%", "5.2", "比上年增长"},
		{"其中：新增3件", "3", "新增"},
		{"（含新制定4件）", "4", "含新制定"},
		{"一、概况\n完成12项", "12", "完成"},
		{"a,b 7", "7", "b "},
	}
	for _, tt := range tests {
		pos := strings.Index(tt.text, tt.at)
		clauses := &marksBefore{text: tt.text, set: clauseSet}
		if got := tt.text[clauses.endBefore(pos):pos]; got != tt.want {
			t.Errorf("clause of %s in %q = %q, want %q", tt.at, tt.text, got, tt.want)
		}
	}
}

// TestSentenceStarts checks that walking back only to the figure before
// finds the sentence starts that walking back to the text's start finds,
// asked in text order or not.
func TestSentenceStarts(t *testing.T) {
	text := "一、概况\n全年受理案件49件，比上年增长5.2%。其中：新增3件，\n办结12件；收入增长了百分之三点五，较上年提高，全市各地区生产总值稳步增长到\n了1200亿元！完成12项？\n\n末行7"
	var offsets []int
	for i := range text {
		offsets = append(offsets, i)
	}
	offsets = append(offsets, len(text))
	for _, order := range [][]int{offsets, {40, 12, 12, 90, 3, len(text), 0, 60}} {
		s := &sentenceStarts{text: text}
		for _, pos := range order {
			if got, want := s.of(pos), sentenceStart(text, pos, 0, 0); got != want {
				t.Fatalf("sentence of %d in %q: %d, want %d", pos, text, got, want)
			}
		}
	}
}

func TestMarkSet(t *testing.T) {
	m := newMarkSet("，。！?\n｜")
	tests := []struct {
		s           string
		first, last int
	}{
		{"", -1, -1},
		{"增长5.2%", -1, -1},
		{"增长，比上年增长。", 6, 24},
		{"a?b\nc", 1, 3},
		{"全｜年！", 3, 9},
		{"\xe3\x80", -1, -1}, // half of 。
		{"\x80\x82", -1, -1}, // the end of 。 without its start
	}
	for _, tt := range tests {
		if got := m.index(tt.s); got != tt.first {
			t.Errorf("index(%q) = %d, want %d", tt.s, got, tt.first)
		}
		if got, _ := m.lastIndex(tt.s); got != tt.last {
			t.Errorf("lastIndex(%q) = %d, want %d", tt.s, got, tt.last)
		}
	}
}

// TestSentenceMarks checks that sentenceMarks are chars.SentenceEnds and
// the line break.
func TestSentenceMarks(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := sentenceMarks.set.Has(r), chars.SentenceEnds.Has(r) || r == '\n'; got != want {
			t.Errorf("sentenceMarks has %q: %v, want %v", r, got, want)
		}
	}
}

// TestSectionKind asks for the kind of the headings of figures in turn, as
// Read does, some sharing the headings of the figure before.
func TestSectionKind(t *testing.T) {
	plan := []string{"二、2025年工作安排"}
	tests := []struct {
		headings []string
		want     headingKind
	}{
		{nil, headingKind{}},
		{plan, headingKind{plan: true}},
		{plan, headingKind{plan: true}},
		{[]string{"一、2024年工作回顾", "（一）完成情况"}, headingKind{result: true}},
		{[]string{"二、2025年工作安排", "（一）主要目标"}, headingKind{plan: true}},
		{[]string{"二、2025年工作安排", "（二）上年完成情况"}, headingKind{result: true, plan: true}},
		{[]string{"附件"}, headingKind{}},
		{plan, headingKind{plan: true}},
	}
	c := &clause{v: load(), headings: &headingKinds{of: map[string]headingKind{}}}
	for _, tt := range tests {
		c.fig.Headings = tt.headings
		if got := c.sectionKind(); got != tt.want {
			t.Errorf("sectionKind(%q) = %+v, want %+v", tt.headings, got, tt.want)
		}
	}
}

func TestTrimSpace(t *testing.T) {
	for _, s := range []string{"", " ", "增长", " 增长", "增长 ", "增长\u3000", "\u3000增长", "增\n长", "\xe4 增", "增 \xe4\x80", "\xed\xa0\x80", "增长\u2028", "a增长", "增长a"} {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzTrimSpace compares trimSpace with strings.TrimSpace.
func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"增长", " 增长\u3000", "\xe4 增", "\xef\xbf\xbf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestEndsHigh(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false}, {"增", true}, {"a增", true}, {"增a", false}, {"增 ", false}, {"\u3000", false}, {"“", false},
		{"\u4000", true}, {"\uffff", true}, {"\xed\xa0\x80", true}, {"\xe4\x80", false}, {"\U00020000", false},
	}
	for _, tt := range tests {
		if got := endsHigh(tt.s); got != tt.want {
			t.Errorf("endsHigh(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	// What the callers of endsHigh trim is no character from U+4000 on.
	for r := rune(0x4000); r <= 0xffff; r++ {
		if unicode.IsSpace(r) || r == '“' || r == '"' {
			t.Errorf("%U is trimmed", r)
		}
	}
}
