package html

import (
	"maps"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

func TestScanLabels(t *testing.T) {
	tests := []struct {
		text string
		want []string // keys
	}{
		{"索 引 号：000014349/2018-00222", []string{"索引号"}},
		{"标　　题：国务院关于…的决定", []string{"标题"}},
		{"分\u00a0\u00a0\u00a0 类：综合政务", []string{"主题分类"}},
		{"文　　号:国发〔2018〕43号", []string{"文号"}},
		{"来源：司法局 更新时间：2021/03/29 11:30:01", []string{"来源", "发布日期"}},
		{"信息来源：万载县统计局", []string{"来源"}},
		{"发布机构", []string{"发布机构"}},                  // a cell label without colon
		{"经费来源：财政拨款", nil},                          // 来源 inside a word
		{"当前位置：首页 > 政务公开", nil},                     // not a metadata label
		{"2024年发布机构名单：", nil},                       // label must start at a boundary
		{"主要内容发布机构 单位", nil},                        // no colon, not the whole text
		{"索引号 : 1 | 文号 : 2", []string{"索引号", "文号"}}, // spaced colons
	}
	for _, tt := range tests {
		var got []string
		for _, l := range scanLabels(tt.text, knownLabel, false) {
			got = append(got, l.key)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("scanLabels(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFindMetadata(t *testing.T) {
	tests := []struct {
		name string
		html string
		want map[string]string
	}{
		{"table two pairs per row",
			`<table class="bd1"><tr><td><b>索 引 号：</b></td><td>000014349/2018-00222</td><td><b>主题分类：</b></td><td>卫生</td></tr>
			<tr><td><b>标　　题：</b></td><td colspan="3">国务院关于深化改革的决定</td></tr></table>`,
			map[string]string{"索引号": "000014349/2018-00222", "主题分类": "卫生", "标题": "国务院关于深化改革的决定"}},
		{"cells without colon, empty value before next label",
			`<table><tr><td>发布机构</td><td></td><td>文 号</td><td>驻政文〔2025〕3号</td></tr></table>`,
			map[string]string{"文号": "驻政文〔2025〕3号"}},
		{"span pairs without colons (the colon is CSS)",
			`<ul class="xxgk"><li><span class="t">索引号</span><span class="v">11620300/2025-48086</span></li><li><span class="t">发布机构</span><span class="v">金昌市人民政府</span></li></ul>`,
			map[string]string{"索引号": "11620300/2025-48086", "发布机构": "金昌市人民政府"}},
		{"column heading 名称 of a data table is no label",
			`<table><tr><td>名称</td><td>数量</td></tr><tr><td>法律顾问</td><td>9</td></tr></table>`,
			map[string]string{}},
		{"p strong with commented field and 无",
			`<div><p><strong>文号</strong>：无</p><!--<p><strong>成文日期</strong>：2020年08月02日</p>--><p><strong>发布日期</strong>：2020年08月02日</p></div>`,
			map[string]string{"发布日期": "2020-08-02"}},
		{"span pairs",
			`<div><span>索引号：</span><span> YP-2026-00491 </span><span>发文字号：</span><span>杨府发〔2026〕4号</span></div>`,
			map[string]string{"索引号": "YP-2026-00491", "文号": "杨府发〔2026〕4号"}},
		{"li text nodes with nbsp padding",
			`<ul><li>名&nbsp;&nbsp;&nbsp; 称：某某通知</li><li>发文日期：2025年02月26日</li></ul>`,
			map[string]string{"标题": "某某通知", "成文日期": "2025-02-26"}},
		{"old TRS B and span, ASCII colons",
			`<td><B>发布机构:</B> <span><!--<$[发布机构]>begin-->证监会<!--<$[发布机构]>end--></span> <B>文　　号:</B> <span></span></td>`,
			map[string]string{"发布机构": "证监会"}},
		{"dl dt dd",
			`<dl><dt>成文日期：</dt><dd>2025-04-03</dd><dt>文号：</dt><dd>—</dd><dt>有效性：</dt><dd>有效</dd></dl>`,
			map[string]string{"成文日期": "2025-04-03", "有效性": "有效"}},
		{"value ends at an unknown label",
			`<div>来源：党政&nbsp;&nbsp;发布时间： 2025-03-21 09:39&nbsp;&nbsp;浏览次数：<span>356</span></div>`,
			map[string]string{"来源": "党政", "发布日期": "2025-03-21"}},
		{"date followed by tools",
			`<div class="info">发布日期：2025-01-20【字体：<a>大</a> <a>中</a> <a>小</a>】</div>`,
			map[string]string{"发布日期": "2025-01-20"}},
		{"first value wins",
			`<p>索引号：A-1</p><p>索引号：B-2</p>`,
			map[string]string{"索引号": "A-1"}},
		{"unparseable date dropped",
			`<p>成文日期：近期</p>`,
			map[string]string{}},
		{"label in brackets inside a sentence ignored",
			`<p>本通知自印发之日起施行（发布日期：2025年1月1日），由市司法局负责解释。</p>`,
			map[string]string{}},
		{"label in a short line beside running text",
			`<td>发布日期：2025-01-02<p>` + strings.Repeat("正文", 400) + `</p></td>`,
			map[string]string{"发布日期": "2025-01-02"}},
		{"labels inside links and long paragraphs ignored",
			`<a href="/x">分类：</a><span>导航</span><p>` + strings.Repeat("正文", 250) + `<span> 来源：某报</span></p>`,
			map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := xhtml.Parse(strings.NewReader("<html><body>" + tt.html + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := findMetadata(doc).values
			if !maps.Equal(got, tt.want) {
				t.Errorf("metadata = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMetaTagsFillGaps(t *testing.T) {
	page := `<html><head><meta name="ArticleTitle" content="标题甲"><meta name="PubDate" content="2019-09-18 06:23">
	<meta name="contentSource" content="某某局"></head><body><p>发布机构：某某市政府</p></body></html>`
	p, err := Read([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"标题": "标题甲", "发布日期": "2019-09-18", "发布机构": "某某市政府", "来源": "某某局"}
	if !maps.Equal(p.Metadata, want) {
		t.Errorf("metadata = %v, want %v", p.Metadata, want)
	}
}
