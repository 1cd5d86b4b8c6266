package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gongwen/gongwen/extract/date"
)

func TestTextMetadata(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string
	}{
		{
			name: "pipe-flattened table with padded labels and empty cells",
			text: "索 引 号 | 059422325-0481-2025-00250 | 主题分类 | \\ |\n发布机构 | 文 号 | 驻政文〔2025〕3号 | |\n成文日期 | 2025-01-17 | 公文时效 | 有效 |\n驻马店市人民政府",
			want: map[string]string{"索引号": "059422325-0481-2025-00250", "文号": "驻政文〔2025〕3号", "成文日期": "2025-01-17", "公文时效": "有效"},
		},
		{
			name: "space-separated pairs, synonyms mapped",
			text: "信息索引号 001008001003040/2025-20657 文件编号\n责任部门 塘栖镇 公开形式 主动公开\n成文日期 2025-03-21 公开时限 长期公开\n\n正文",
			want: map[string]string{"索引号": "001008001003040/2025-20657", "发布机构": "塘栖镇", "公开形式": "主动公开", "成文日期": "2025-03-21", "公开时限": "长期公开"},
		},
		{
			name: "colon pairs on one line with an unknown trailing label",
			text: "来源:党政   发布时间: 2025-03-21 09:39 浏览次数:\n正文",
			want: map[string]string{"来源": "党政", "发布日期": "2025-03-21"},
		},
		{
			name: "full-width colon and U+3000 padding, Chinese date",
			text: "文　　号：国发〔2024〕5号\n发布机构：国务院\n成文日期：2024年3月5日",
			want: map[string]string{"文号": "国发〔2024〕5号", "发布机构": "国务院", "成文日期": "2024-03-05"},
		},
		{
			name: "placeholder 无 dropped",
			text: "文号：无\n发布机构：邯郸市教育局",
			want: map[string]string{"发布机构": "邯郸市教育局"},
		},
		{
			name: "list items, each value indented on the line below",
			text: "返回顶部\n\n  • 索引号:\n\n    3311260000/2024-000105\n  • 主题分类:\n\n  • 发文机构:\n\n    庆元县人民政府\n  • 发文字号:\n\n    庆政发〔2024〕9号\n  • 发文日期:\n\n    2024年05月08日 10:20\n  • 有效性:\n\n庆元县人民政府工作规则\n第一章 总则",
			want: map[string]string{"索引号": "3311260000/2024-000105", "发布机构": "庆元县人民政府", "文号": "庆政发〔2024〕9号", "成文日期": "2024-05-08"},
		},
		{
			name: "list items with several pairs on a line",
			text: "• 微信\n  • 索引号: k331100--2024-0031 主题分类: 综合政务\n    发布机构: 青田县审计局 生成日期: 2024-10-12 09:15\n    文件编号: 有效性: 有效\n关于2023年度县本级预算执行的审计报告",
			want: map[string]string{"索引号": "k331100--2024-0031", "主题分类": "综合政务", "发布机构": "青田县审计局", "成文日期": "2024-10-12", "有效性": "有效"},
		},
		{
			name: "a label alone with the body below is empty",
			text: "来源：\n各乡镇人民政府：\n现将有关事项通知如下。",
			want: map[string]string{},
		},
		{
			name: "an unknown label with a space before its colon ends the value",
			text: "来源 :衢州市农业农村局 访问次数 : 发布时间 :2025-03-18\n正文",
			want: map[string]string{"来源": "衢州市农业农村局", "发布日期": "2025-03-18"},
		},
		{
			name: "unknown labels glued to their values end the value",
			text: "来源:温州市政府门户网 日期:2017-02-10 09:08 字号:【\n正文",
			want: map[string]string{"来源": "温州市政府门户网"},
		},
		{
			name: "labels in the body are not metadata",
			text: "正文第一段。\n" + "一段\n" + "二段\n" + "三段\n" + "四段\n" + "五段\n" + "六段\n" + "七段\n" + "八段\n" + "九段\n" +
				"十段\n" + "一段\n" + "二段\n" + "三段\n" + "四段\n" + "五段\n" + "六段\n" + "七段\n" + "八段\n" + "九段\n" +
				"十段\n" + "一段\n" + "二段\n" + "三段\n" + "四段\n" + "五段\n" + "六段\n" + "七段\n" + "八段\n" + "九段\n" +
				"发布机构：不应读到",
			want: map[string]string{},
		},
		{
			name: "a sentence that mentions a label is not metadata",
			text: "各单位要在成文日期后十日内报送。",
			want: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TextMetadata(tt.text, date.Parse)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTextRecipients(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"single addressee with ASCII colon", "报 告\n驻政文〔2025〕3号\n市人大常委会:\n2024年,在市委的坚强领导下", []string{"市人大常委会"}},
		{"list split on commas, 、 groups kept", "通知\n永昌县、金川区人民政府,市政府各部门、单位,中央、省属在金有关单位:\n正文", []string{"永昌县、金川区人民政府", "市政府各部门、单位", "中央、省属在金有关单位"}},
		{"clock line with digits is not an addressee", "今天是:2019年10月31日\n正文", nil},
		{"metadata label is not an addressee", "发布机构：\n正文", nil},
		{"page furniture is not an addressee", "字号:\n正文", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, TextRecipients(tt.text)); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSections(t *testing.T) {
	text := "标题\n一、加强组织领导,高标准推进法治政府建设\n一是深入学习。\n（一）加强法治政府建设组织领导落实\n" +
		"3.深化行政审批制度改革。一是梳理各类事项清单。\n1.77亿元资金到位。\n(2)强化考核\n第二章 总则\n" +
		"二、这是一个非常非常非常长的以数字开头的段落而不是标题因为它一直写下去写下去写下去写下去写下去写下去写下去写下去写下去写下去写下去没有标点"
	want := []Section{
		{Heading: "一、加强组织领导,高标准推进法治政府建设", Level: 1, Start: 3},
		{Heading: "（一）加强法治政府建设组织领导落实", Level: 2, Start: 32},
		{Heading: "3.深化行政审批制度改革", Level: 3, Start: 50},
		{Heading: "(2)强化考核", Level: 4, Start: 87},
		{Heading: "第二章 总则", Level: 1, Start: 95},
	}
	if diff := cmp.Diff(want, Sections(text)); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
	for _, s := range Sections(text) {
		if got := string([]rune(text)[s.Start : s.Start+len([]rune(s.Heading))]); got != s.Heading {
			t.Errorf("offset %d gives %q, want %q", s.Start, got, s.Heading)
		}
	}
}

func TestHeadingStart(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want bool
	}{
		{'第', true}, {'一', true}, {'十', true}, {'（', true}, {'(', true}, {'1', true}, {'９', true},
		{'零', false}, {'百', false}, {'a', false}, {'，', false}, {'\u3000', false}, {'【', false},
	} {
		if got := headingStart(c.r); got != c.want {
			t.Errorf("headingStart(%q) = %v, want %v", c.r, got, c.want)
		}
	}
}
