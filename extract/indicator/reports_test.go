package indicator

import (
	"strings"
	"testing"
)

// TestFindReportNames covers names of sentences seen in real reports and
// policy notices (issue 12), written short in their style.
func TestFindReportNames(t *testing.T) {
	seg := segmenter(t)
	tests := []struct {
		name string
		in   string
		want []string // "text→name" for each indicator
	}{
		{"limit named without its base", "裁员率不超过企业职工总数20%的，可申请返还。", []string{"20%→裁员率"}},
		{"limit with a modal", "“优秀”等次比例一般不超过参加考核单位总数的30%。", []string{"30%→“优秀”等次比例"}},
		{"highest amount", "创业担保贷款最高不超过15万元。", []string{"15万元→创业担保贷款"}},
		{"rank in a named ranking", "我县位居全国百强县投资潜力第3位。", []string{"第3位→全国百强县投资潜力排名"}},
		{"first place among a scope is of the subject", "高被引科学家达431人次、居全球城市首位。",
			[]string{"431人次→高被引科学家", "首位→高被引科学家全球城市排名"}},
		{"rank held for years", "地方一般公共预算收入1.35万亿元，连续34年居全国首位。",
			[]string{"1.35万亿元→地方一般公共预算收入", "首位→地方一般公共预算收入全国排名"}},
		{"rank after a scope", "区域创新能力连续8年全国第一。", []string{"第一→区域创新能力全国排名"}},
		{"list after 分别, traditional", "第一、二、三產業分別下降0.2、0.6和0.1個百分點。",
			[]string{"0.2→第一產業下降", "0.6→第二產業下降", "0.1個百分點→第三產業下降"}},
		{"ordinals sharing their noun", "第一、二、三产业对经济增长的贡献率分别为22.5%、22.1%和55.4%。",
			[]string{"22.5%→第一产业对经济增长的贡献率", "22.1%→第二产业对经济增长的贡献率", "55.4%→第三产业对经济增长的贡献率"}},
		{"people of the institutions before", "普通高中学校70所，毕业生6.99万人，招生7.1万人。",
			[]string{"70所→普通高中学校", "6.99万人→普通高中学校毕业生", "7.1万人→普通高中学校招生"}},
		{"institutions of a verb are not", "63家成员单位公布普法责任清单，开展主题活动280余场，受众超20万人次。",
			[]string{"63家→成员单位公布普法责任清单", "280余场→开展主题活动", "20万人次→受众"}},
		{"parts of a group named before 中", "医院96个。医院中，公立医院41个，民营医院55个。",
			[]string{"96个→医院", "41个→公立医院", "55个→民营医院"}},
		{"issuer and year dropped, 总计 kept", "某区规划和自然资源局2024年度收入支出总计9859.38万元。",
			[]string{"9859.38万元→收入支出总计"}},
		{"change of a clause without a figure", "主要原因：项目支出增加，较上一年度增加1133.95万元。",
			[]string{"1133.95万元→项目支出增加"}},
		{"share of a scope", "贡献了全国38.7%的贸易增量。", []string{"38.7%→贡献了全国贸易增量"}},
		{"bound of a property", "禁止使用厚度低于0.01毫米的地膜。", []string{"0.01毫米→地膜厚度"}},
		{"changes counted in Chinese numerals", "两次降低存款准备金率、两次下调政策利率。",
			[]string{"两次→降低存款准备金率", "两次→下调政策利率"}},
		{"scope note kept", "特殊教育（含随班就读）10所。", []string{"10所→特殊教育（含随班就读）"}},
		{"a list's head starts at a word", "一级公路236公里，二级公路1537公里，三级公路600公里，公路密度104.5公里/百平方公里。",
			[]string{"236公里→一级公路", "1537公里→二级公路", "600公里→三级公路", "104.5公里/百平方公里→公路密度"}},
		{"a rule's years", "居住累计满183天的年度连续不满六年的，免予缴纳。", []string{"183天→居住", "六年→年度连续"}},
		{"range", "增长目标为5%—8%。", []string{"5%—8%→增长目标"}},
		{"parallel modifiers share one noun", "城镇、农村居民人均消费支出分别增长4.2%、5.8%。",
			[]string{"4.2%→城镇居民人均消费支出增长", "5.8%→农村居民人均消费支出增长"}},
		{"deadline", "经办银行应在受理申请后15个工作日内完成审核。", []string{"15个工作日→完成审核时限"}},
		{"implied yuan", "项目总预算1170.00万，", []string{"1170.00万→项目总预算"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, in := range find(tt.in, seg) {
				got = append(got, in.Text+"→"+in.Name)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("Find(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}
