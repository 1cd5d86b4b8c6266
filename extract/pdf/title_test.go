package pdf

import (
	"slices"
	"testing"
)

func TestTitleLines(t *testing.T) {
	body := func(texts ...string) []line {
		var out []line
		for _, s := range texts {
			out = append(out, line{size: 16, text: s})
		}
		return out
	}
	tests := []struct {
		name  string
		pages [][]line
		want  []string
	}{
		{"cover title over two lines, body on the next page",
			[][]line{{{size: 9, text: " "}, {size: 36, text: "上海市普陀区规划和自然"}, {size: 36, text: "资源局"}, {size: 36, text: "2024年度部门决算"}},
				body("第一部分 概况", "一、主要职能", "履行全民所有自然资源资产所有者职责和所有国土空间用途管制职责。")},
			[]string{"上海市普陀区规划和自然", "资源局", "2024年度部门决算"}},
		{"title above the issuer line and the body",
			[][]line{append([]line{{size: 21, text: "2023年周口市国民经济和社会发展统计公报"}, {size: 14, text: "周口市统计局"}}, body("2023年，全市经济运行持续向好。", "一、综合")...)},
			[]string{"2023年周口市国民经济和社会发展统计公报"}},
		{"a blank first page is skipped",
			[][]line{nil, {{size: 30, text: "标题"}, {size: 12, text: "正文"}, {size: 12, text: "正文"}}},
			[]string{"标题"}},
		{"one size throughout: no title", [][]line{body("2023年，在省委的领导下。", "全州上下")}, nil},
		{"too many large lines are no title",
			[][]line{append(body("正文", "正文", "正文", "正文"), line{size: 30, text: "1"}, line{size: 30, text: "2"}, line{size: 30, text: "3"},
				line{size: 30, text: "4"}, line{size: 30, text: "5"}, line{size: 30, text: "6"}, line{size: 30, text: "7"})},
			nil},
		{"no text", [][]line{nil, nil}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titleLines(tt.pages); !slices.Equal(got, tt.want) {
				t.Errorf("titleLines = %q, want %q", got, tt.want)
			}
		})
	}
}
