package index

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/google/go-cmp/cmp"

	"github.com/gongwen/gongwen/extract"
)

func TestPairs(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // pair terms, without the mark, with their positions
	}{
		{"工作报告", []string{"工作@1", "作报@2", "报告@3"}},
		{"工作 报告", []string{"工作@1", "报告@4"}}, // a space parts them
		{"工作，报告", []string{"工作@1", "报告@4"}}, // and punctuation
		{"2024年度报告", []string{"年度@5", "度报@6", "报告@7"}},
		{"新", nil},
		{"GDP增长", []string{"增长@4"}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, tok := range (tokenizer{}).Tokenize([]byte(tc.text)) {
				if term, ok := strings.CutPrefix(string(tok.Term), pairMark); ok {
					if tok.Type != analysis.Ideographic || tc.text[tok.Start:tok.End] != term {
						t.Errorf("pair %q: type %v, offsets %d-%d", term, tok.Type, tok.Start, tok.End)
					}
					got = append(got, term+"@"+strconv.Itoa(tok.Position))
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("pairs (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPairSlots(t *testing.T) {
	p := func(s string) string { return pairMark + s }
	for _, tc := range []struct {
		name   string
		slots  [][]string
		single []bool
		want   [][]string
	}{
		{"one character", [][]string{{"新"}}, []bool{true}, [][]string{{"新"}}},
		{"a word", [][]string{{"工"}, {"作"}}, []bool{true, true}, [][]string{{p("工作")}}},
		{"a run", [][]string{{"工"}, {"作"}, {"报"}, {"告"}}, []bool{true, true, true, true},
			[][]string{{p("工作")}, {""}, {p("报告")}}},
		{"a run of odd length", [][]string{{"工"}, {"作"}, {"报"}, {"告"}, {"书"}}, []bool{true, true, true, true, true},
			[][]string{{p("工作")}, {""}, {p("报告")}, {p("告书")}}},
		{"three", [][]string{{"纠"}, {"错"}, {"率"}}, []bool{true, true, true},
			[][]string{{p("纠错")}, {p("错率")}}},
		{"a number between", [][]string{{"2024"}, {""}, {""}, {""}, {"年"}, {"度"}}, []bool{false, false, false, false, true, true},
			[][]string{{"2024"}, {""}, {""}, {""}, {p("年度")}}},
		{"a lone character after a number", [][]string{{"3"}, {"号"}}, []bool{false, true},
			[][]string{{"3"}, {"号"}}},
		{"a letter after", [][]string{{"增"}, {"长"}, {"gdp"}}, []bool{true, true, false},
			[][]string{{p("增长")}, {""}, {"gdp"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, pairSlots(tc.slots, tc.single)); diff != "" {
				t.Errorf("pairSlots (-want +got):\n%s", diff)
			}
		})
	}
}

// A phrase read pair by pair matches where its characters stand side by
// side, and nowhere else.
func TestPhraseOfPairs(t *testing.T) {
	docs := []*extract.Document{
		{ID: "side-by-side", Title: "一", Text: "本年度法治政府建设工作报告如下。"},
		{ID: "apart", Title: "二", Text: "法治的政府，建设工作的报告。"},
		{ID: "reversed", Title: "三", Text: "告报作工设建府政治法。"},
		{ID: "comma", Title: "四", Text: "行政，复议；行政复 议。"},
		{ID: "whole", Title: "五", Text: "全年办理行政复议案件。"},
	}
	ix := newTestIndex(t, docs)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"法治政府建设工作报告", []string{"side-by-side"}},
		{"作报", []string{"side-by-side"}},
		{"建设工作", []string{"apart", "side-by-side"}},
		{"报告", []string{"apart", "side-by-side"}},
		{"告报", []string{"reversed"}},
		{"政府建设", []string{"side-by-side"}},
		{"行政复议", []string{"whole"}},
		{"行政复议案件", []string{"whole"}},
		{"政复议案", []string{"whole"}},
	} {
		res, err := ix.Search(context.Background(), Query{Text: tc.query, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		got := hitIDs(res)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: found %v, want %v", tc.query, got, tc.want)
		}
		for _, h := range res.Hits {
			for _, f := range h.Fragments {
				if !strings.Contains(f, "<mark>") {
					t.Errorf("%s: %s: fragment without a mark: %s", tc.query, h.ID, f)
				}
			}
		}
	}
}
