package cell

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/gongwen/gongwen/extract/table"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text, unit string
		want       Figure
		ok         bool
	}{
		{"52.36", "万吨", Figure{Value: 523600, Unit: "吨", Kind: "measure", Text: "52.36"}, true},
		{"-0.6", "%", Figure{Value: -0.6, Unit: "%", Kind: "percent", Text: "-0.6"}, true},
		{"96171.6", "万元", Figure{Value: 961716000, Unit: "元", Kind: "money", Text: "96171.6"}, true},
		{"6,240", "公里", Figure{Value: 6240, Unit: "公里", Kind: "measure", Text: "6,240"}, true},
		{"3001", "", Figure{Value: 3001, Kind: "count", Text: "3001"}, true},
		{"0", "", Figure{Value: 0, Kind: "count", Text: "0"}, true},
		{"1.6万户", "", Figure{Value: 16000, Unit: "户", Kind: "count", Text: "1.6万户"}, true},
		{"+3.2个百分点", "", Figure{Value: 3.2, Unit: "个百分点", Kind: "percent", Text: "+3.2个百分点"}, true},
		{"41", "微克/立方米", Figure{Value: 41, Unit: "微克/立方米", Kind: "measure", Text: "41"}, true},
		{"区市场监管局", "", Figure{}, false},
		{"2024年", "", Figure{}, false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.text, tt.unit)
		if ok != tt.ok || !cmp.Equal(got, tt.want) {
			t.Errorf("Parse(%q, %q) = %+v, %v; want %+v, %v", tt.text, tt.unit, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsUnit(t *testing.T) {
	for _, u := range []string{"万吨", "亿元", "件", "%", "万人次", "元/人", "微克/立方米"} {
		if !IsUnit(u) {
			t.Errorf("IsUnit(%q) = false", u)
		}
	}
	for _, u := range []string{"", "区分处理的，只计这一情形", "2024年", "含税"} {
		if IsUnit(u) {
			t.Errorf("IsUnit(%q) = true", u)
		}
	}
}

// names lists the figures of a table as "name = value unit".
func names(t table.Table) []string {
	t.HeaderRows = table.HeaderRows(t.Rows)
	var out []string
	for _, f := range Figures(t) {
		out = append(out, fmt.Sprintf("%d,%d %s = %v %s", f.Row, f.Col, f.Name, f.Value, f.Unit))
	}
	return out
}

func TestFigures(t *testing.T) {
	tests := []struct {
		name string
		t    table.Table
		want []string
	}{
		{
			name: "statistics table with a unit column and a 其中 row",
			t: table.Table{Caption: "表1 2024年主要农产品产量", Rows: [][]string{
				{"产品名称", "单位", "产量", "比上年增长(%)"},
				{"粮食", "万吨", "52.36", "1.8"},
				{"其中：夏粮", "万吨", "20.14", "-0.6"},
				{"油料", "吨", "8520", "/"},
			}},
			want: []string{
				"1,2 粮食 · 产量 = 523600 吨", "1,3 粮食 · 比上年增长 = 1.8 %",
				"2,2 粮食 · 夏粮 · 产量 = 201400 吨", "2,3 粮食 · 夏粮 · 比上年增长 = -0.6 %",
				"3,2 油料 · 产量 = 8520 吨",
			},
		},
		{
			name: "units in the column headings",
			t: table.Table{Rows: [][]string{
				{"产品", "产量（万吨）", "比上年增长（%）"},
				{"水泥", "238.4", "-5.7"},
			}},
			want: []string{"1,1 水泥 · 产量 = 2.384e+06 吨", "1,2 水泥 · 比上年增长 = -5.7 %"},
		},
		{
			name: "units in the row labels, years over the columns",
			t: table.Table{Rows: [][]string{
				{"项目", "2023年", "2024年"},
				{"受理矛盾纠纷（件）", "1108", "1247"},
				{"罚没款金额（亿元）", "126.8", "153.4"},
			}},
			want: []string{
				"1,1 受理矛盾纠纷 · 2023年 = 1108 件", "1,2 受理矛盾纠纷 · 2024年 = 1247 件",
				"2,1 罚没款金额 · 2023年 = 1.268e+10 元", "2,2 罚没款金额 · 2024年 = 1.534e+10 元",
			},
		},
		{
			name: "table unit from the caption",
			t: table.Table{Unit: "万元", Rows: [][]string{
				{"项目", "预算数", "执行数"},
				{"一般公共预算收入", "1200", "1250.5"},
			}},
			want: []string{"1,1 一般公共预算收入 · 预算数 = 1.2e+07 元", "1,2 一般公共预算收入 · 执行数 = 1.2505e+07 元"},
		},
		{
			name: "form table: groups of rows and columns, the heading over all columns left out",
			t: table.Table{Caption: "收到和处理政府信息公开申请情况", Rows: [][]string{
				{"本列数据的勾稽关系", "本列数据的勾稽关系", "申请人情况", "申请人情况", "申请人情况", "申请人情况"},
				{"本列数据的勾稽关系", "本列数据的勾稽关系", "自然人", "法人或其他组织", "法人或其他组织", "总计"},
				{"本列数据的勾稽关系", "本列数据的勾稽关系", "自然人", "商业企业", "其他", "总计"},
				{"一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", "3001", "53", "", "3119"},
				{"（三）不予公开", "1.属于国家秘密", "2", "0", "-", "2"},
				{"（三）不予公开", "2.其他法律行政法规禁止公开", "30", "1", "0", "31"},
			}},
			want: []string{
				"3,2 本年新收政府信息公开申请数量 · 自然人 = 3001 ",
				"3,3 本年新收政府信息公开申请数量 · 法人或其他组织 · 商业企业 = 53 ",
				"3,5 本年新收政府信息公开申请数量 · 总计 = 3119 ",
				"4,2 不予公开 · 属于国家秘密 · 自然人 = 2 ",
				"4,3 不予公开 · 属于国家秘密 · 法人或其他组织 · 商业企业 = 0 ",
				"4,5 不予公开 · 属于国家秘密 · 总计 = 2 ",
				"5,2 不予公开 · 其他法律行政法规禁止公开 · 自然人 = 30 ",
				"5,3 不予公开 · 其他法律行政法规禁止公开 · 法人或其他组织 · 商业企业 = 1 ",
				"5,4 不予公开 · 其他法律行政法规禁止公开 · 法人或其他组织 · 其他 = 0 ",
				"5,5 不予公开 · 其他法律行政法规禁止公开 · 总计 = 31 ",
			},
		},
		{
			name: "one row of figures under a three-row heading",
			t: table.Table{Rows: [][]string{
				{"行政复议", "行政复议", "行政诉讼", "行政诉讼"},
				{"结果维持", "总计", "未经复议直接起诉", "未经复议直接起诉"},
				{"结果维持", "总计", "结果维持", "总计"},
				{"10", "11", "5", "5"},
			}},
			want: []string{
				"3,0 行政复议 · 结果维持 = 10 ", "3,1 行政复议 · 总计 = 11 ",
				"3,2 行政诉讼 · 未经复议直接起诉 · 结果维持 = 5 ", "3,3 行政诉讼 · 未经复议直接起诉 · 总计 = 5 ",
			},
		},
		{
			name: "a figure merged across the table is one figure; band rows are no figures",
			t: table.Table{Rows: [][]string{
				{"第二十条第（五）项", "第二十条第（五）项", "第二十条第（五）项"},
				{"信息内容", "本年处理决定数量", "本年处理决定数量"},
				{"行政许可", "447228", "447228"},
			}},
			want: []string{"2,1 行政许可 · 本年处理决定数量 = 447228 "},
		},
		{
			name: "a budget table: code columns, the names of the items label the rows",
			t: table.Table{Unit: "元", Rows: [][]string{
				{"项目", "项目", "项目", "项目", "支出预算", "支出预算"},
				{"功能分类科目编码", "功能分类科目编码", "功能分类科目编码", "功能分类科目名称", "合计", "基本支出"},
				{"类", "款", "项", "功能分类科目名称", "合计", "基本支出"},
				{"201", "", "", "一般公共服务支出", "21,601,733.00", "12,291,733.00"},
				{"201", "13", "", "商贸事务", "21,601,733.00", "12,291,733.00"},
			}},
			want: []string{
				"3,4 一般公共服务支出 · 合计 = 2.1601733e+07 元", "3,5 一般公共服务支出 · 基本支出 = 1.2291733e+07 元",
				"4,4 商贸事务 · 合计 = 2.1601733e+07 元", "4,5 商贸事务 · 基本支出 = 1.2291733e+07 元",
			},
		},
		{
			name: "two halves side by side",
			t: table.Table{Unit: "元", Rows: [][]string{
				{"本年收入", "本年收入", "本年支出", "本年支出"},
				{"项目", "预算数", "项目", "预算数"},
				{"一、财政拨款收入", "371,514,655.00", "一、一般公共服务支出", "21,601,733.00"},
				{"二、事业收入", "", "二、科学技术支出", "17,200,000.00"},
			}},
			want: []string{
				"2,1 财政拨款收入 · 本年收入 · 预算数 = 3.71514655e+08 元", "2,3 一般公共服务支出 · 本年支出 · 预算数 = 2.1601733e+07 元",
				"3,3 科学技术支出 · 本年支出 · 预算数 = 1.72e+07 元",
			},
		},
		{
			name: "ordinal column and a column of words after the figures",
			t: table.Table{Rows: [][]string{
				{"序号", "指标", "目标值", "责任单位"},
				{"1", "新设企业数", "1.6万户", "区市场监管局"},
				{"2", "企业开办全程网办率", "99%", "区行政服务中心"},
			}},
			want: []string{"1,2 新设企业数 · 目标值 = 16000 户", "2,2 企业开办全程网办率 · 目标值 = 99 %"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, names(tt.t)); diff != "" {
				t.Errorf("figures (-want +got):\n%s", diff)
			}
		})
	}
}
