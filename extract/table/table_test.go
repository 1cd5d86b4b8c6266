package table

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGrid(t *testing.T) {
	tests := []struct {
		name string
		in   [][]Cell
		want [][]string
	}{
		{
			name: "plain",
			in:   [][]Cell{{{Text: "a"}, {Text: "b"}}, {{Text: "1"}, {Text: "2"}}},
			want: [][]string{{"a", "b"}, {"1", "2"}},
		},
		{
			name: "colspan repeats across",
			in:   [][]Cell{{{Text: "申请人情况", ColSpan: 3}}, {{Text: "自然人"}, {Text: "法人"}, {Text: "总计"}}},
			want: [][]string{{"申请人情况", "申请人情况", "申请人情况"}, {"自然人", "法人", "总计"}},
		},
		{
			name: "rowspan repeats down and shifts later cells",
			in: [][]Cell{
				{{Text: "（三）不予公开", RowSpan: 2}, {Text: "1.属于国家秘密"}, {Text: "0"}},
				{{Text: "2.其他法律行政法规禁止公开"}, {Text: "1"}},
			},
			want: [][]string{{"（三）不予公开", "1.属于国家秘密", "0"}, {"（三）不予公开", "2.其他法律行政法规禁止公开", "1"}},
		},
		{
			name: "ragged rows padded",
			in:   [][]Cell{{{Text: "a"}}, {{Text: "1"}, {Text: "2"}, {Text: "3"}}},
			want: [][]string{{"a", "", ""}, {"1", "2", "3"}},
		},
		{
			name: "rowspan past the last row is cut",
			in:   [][]Cell{{{Text: "x", RowSpan: 9}, {Text: "1"}}},
			want: [][]string{{"x", "1"}},
		},
		{
			name: "text cleaned",
			in:   [][]Cell{{{Text: " 本年新收政府信息公开申请\n数量 "}}},
			want: [][]string{{"本年新收政府信息公开申请数量"}},
		},
		{
			name: "hostile spans bounded",
			in:   [][]Cell{{{Text: "x", ColSpan: 1 << 30}}},
			want: [][]string{repeat("x", MaxSpan)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Grid(tt.in)); diff != "" {
				t.Errorf("Grid mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}
