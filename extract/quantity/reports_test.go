package quantity

import (
	"strings"
	"testing"
)

// TestFindReportForms covers forms seen in real reports and policy notices
// (issue 12), in short sentences of their style.
func TestFindReportForms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // format(q) of each quantity
	}{
		// limits that rules set are figures (targets), scoring points are not
		{"cap of a rate", "裁员率不超过企业职工总数20%的，可申请返还。", []string{"20% 20 % percent"}},
		{"class bound", "职工30人以下的企业暂免征收。", []string{"30人 30 人 count"}},
		{"highest amount", "担保贷款最高不超过15万元，期限不超过3年。", []string{"15万元 150000 元 money", "3年 3 年 measure"}},
		{"years of a limit", "居住累计满183天的年度连续不满六年的，免予缴纳。", []string{"183天 183 天 measure", "六年 6 年 measure"}},
		{"a span of years is not a figure", "地区生产总值连续8年保持增长。", nil},
		// counts in Chinese numerals, and fixed phrases
		{"counts after a counting verb", "开展两轮专项督查，成立五个专项小组，召开两次会议。",
			[]string{"两轮 2 轮 count", "五个 5 个 count", "两次 2 次 count"}},
		{"fixed phrases", "加强二次污染管控，汽车零部件产业，落实八项规定，做好三农工作，南沙港五期建成。", nil},
		{"doubled magnitudes", "算力规模达到一百亿亿次。", []string{"一百亿亿次 1000000000000000000 次 count"}},
		{"power of ten", "峰值算力达10¹⁸次。", []string{"10¹⁸次 1000000000000000000 次 count"}},
		// ranks
		{"rank with 第N位", "位居全国百强县投资潜力第3位。", []string{"第3位 3 位 rank"}},
		{"first place", "高被引科学家居全球城市首位，总量连续5年居全国首位。", []string{"首位 1 位 rank", "首位 1 位 rank"}},
		{"rank after a scope", "成效考核全国第一；", []string{"第一 1 位 rank"}},
		{"not a rank before a noun", "培育更多全球第一、全国第一、行业第一的企业。", nil},
		{"priority", "把群众利益放在首位。", nil},
		{"a bound of a ranking", "6个学科进入ESI全球前1%，进入全省前10名。", []string{"6个 6 个 count"}},
		// lists and ranges
		{"list after 分别", "分别下降0.2、0.6和0.1个百分点。",
			[]string{"0.2 0.2 个百分点 percent", "0.6 0.6 个百分点 percent", "0.1个百分点 0.1 个百分点 percent"}},
		{"list after 分别, traditional", "分別下降0.2、0.6和0.1個百分點。",
			[]string{"0.2 0.2 個百分點 percent", "0.6 0.6 個百分點 percent", "0.1個百分點 0.1 個百分點 percent"}},
		{"a list needs 分别", "5、6月份完成12个。", []string{"12个 12 个 count"}},
		{"range of percentages", "增长目标为5%—8%。", []string{"5%—8% 5 % percent [5–8]"}},
		{"range of years", "期限为3至5年。", []string{"3至5年 3 年 measure [3–5]"}},
		{"range taking the magnitude of its end", "投资1.2—1.5万亿元。", []string{"1.2—1.5万亿元 1200000000000 元 money [1200000000000–1500000000000]"}},
		{"a plan period is not a range", "纲要（2021—2025年）", nil},
		// money written without a unit, over a line break, in capitals
		{"magnitude without a number", "旅游总收入突破万亿元，拥有8个万亿元级产业集群。",
			[]string{"万亿元 1000000000000 元 money ~", "8个 8 个 count"}},
		{"implied yuan", "项目总预算1170.00万，", []string{"1170.00万 11700000 元 money"}},
		{"no money word, no yuan", "服务人口超过3300万，", nil},
		{"money word earlier in the sentence", "补助资金总预算2350.00万，其中市本级1200.00万。",
			[]string{"2350.00万 23500000 元 money", "1200.00万 12000000 元 money"}},
		{"days of a time limit", "收到通知后10日内制定细则，每月5日前报送。", []string{"10日 10 日 measure"}},
		{"split over a line break after a quote", "（项）”29,381.00万\n元，用于", []string{"29,381.00万\n元 293810000 元 money"}},
		{"capital numerals", "金额人民币壹佰壹拾壹圆整，另付人民币叁万元整。",
			[]string{"壹佰壹拾壹圆 111 圆 money", "叁万元 30000 元 money"}},
		// units
		{"unit per a hundred", "公路密度104.5公里/百平方公里，移动电话普及率126.5部/百人。",
			[]string{"104.5公里/百平方公里 104.5 公里/百平方公里 measure", "126.5部/百人 126.5 部/百人 count"}},
		{"alternative unit", "完成设备更新6.5万台(套)。", []string{"6.5万台(套) 65000 台(套) count"}},
		{"bandwidth", "出口带宽4160Gbps。", []string{"4160Gbps 4160 Gbps measure"}},
		{"a unit is not the start of 年度", "完成国家下达的110万人年度任务。", []string{"110万人 1100000 人 count"}},
		{"deficit rate set at", "赤字率拟按3%安排。", []string{"3% 3 % percent"}},
		{"unbalanced quote", "专精特新“小巨人企业414家，“单项冠军”企业51家。", []string{"414家 414 家 count", "51家 51 家 count"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Find(tt.in, masks(tt.in)...) {
				got = append(got, format(q))
				if tt.in[q.Start:q.End] != q.Text {
					t.Errorf("span %d:%d = %q, Text %q", q.Start, q.End, tt.in[q.Start:q.End], q.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("Find(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}
