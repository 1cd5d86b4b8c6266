package measure

import (
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

func FuzzClauseStart(f *testing.F) {
	for _, s := range fuzzTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for pos := range len(text) + 1 {
			if got, want := clauseStart(text, pos), oldClauseStart(text, pos); got != want {
				t.Fatalf("clauseStart(%q, %d) = %d, want %d", text, pos, got, want)
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
