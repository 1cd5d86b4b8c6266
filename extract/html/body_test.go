package html

import (
	"reflect"
	"strings"
	"testing"
)

// para is running text long enough for a body container to be trusted.
var para = strings.Repeat("全市法治政府建设取得新进展，受理行政复议案件一千余件。", 6)

func TestText(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"paragraphs and br",
			`<div class="TRS_Editor"><p>　　一、总体情况</p><p>` + para + `</p><p>甲<br>乙<br/><br/>丙</p></div>`,
			"一、总体情况\n" + para + "\n甲\n乙\n丙"},
		{"inline elements do not break lines",
			`<div id="zoom"><p>全年<strong>受理</strong>案件<span>49545</span>件，<a href="#">详见</a>附表。</p><p>` + para + `</p></div>`,
			"全年受理案件49545件，详见附表。\n" + para},
		{"source line breaks inside Chinese text vanish, spaces between words stay",
			"<div id=\"zoom\"><p>坚持以习近平新时代中国特色社会主义思想为指导，\n      深入贯彻\n落实 GDP 增长</p><p>" + para + "</p></div>",
			"坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实 GDP 增长\n" + para},
		{"TRS style, script and hidden elements dropped",
			`<div class="TRS_Editor"><style>.TRS_Editor P{font-family:宋体;}</style><script>var countPage = 2//共多少页
			createPageHTML(2, 0, "t1", "shtml");</script><p style="display:none">隐藏的文字</p><p>` + para + `</p></div>`,
			para},
		{"table rows as tab-separated lines",
			`<div class="TRS_Editor"><p>` + para + `</p><table><tr><th>指标</th><th>数值</th></tr><tr><td><p>受理 案件</p></td><td>&nbsp;12&nbsp;</td><td></td></tr>` +
				`<tr><td>纠错<br>案件</td><td>—</td></tr></table></div>`,
			para + "\n指标\t数值\n受理 案件\t12\n纠错案件\t—"},
		{"merged cells keep columns aligned",
			`<div class="TRS_Editor"><p>` + para + `</p><table>` +
				`<tr><td rowspan="2">指标</td><td rowspan="2">单位</td><td colspan="2">2024年</td><td>备注</td></tr>` +
				`<tr><td>绝对数</td><td>增长（%）</td><td rowspan="99999">无</td></tr>` +
				`<tr><td>粮食总产量</td><td>万吨</td><td>23.67</td><td>1.2</td></tr></table></div>`,
			para + "\n指标\t单位\t2024年\t\t备注\n\t\t绝对数\t增长（%）\t无\n粮食总产量\t万吨\t23.67\t1.2"},
		{"layout table keeps paragraphs",
			`<table><tr><td class="b12c" id="UCAP-CONTENT"><p>` + para + `</p><p>第二段。</p><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>`,
			para + "\n第二段。\n甲\t乙"},
		{"tool lines inside the body dropped",
			`<div class="TRS_Editor"><p>` + para + `</p><p>【字体：大 中 小】</p><p>【打印】【关闭】</p><p>分享到：</p><p>上一篇：某某通知</p><p>扫一扫在手机打开当前页</p><p> | </p><p>————</p></div>`,
			para},
		{"indentation trimmed",
			`<div class="TRS_Editor"><p>&nbsp;&nbsp;　　` + para + `&nbsp;</p></div>`,
			para},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read([]byte("<html><body>"+tt.body+"</body></html>"), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if p.Text != tt.want {
				t.Errorf("Text =\n%q\nwant\n%q", p.Text, tt.want)
			}
		})
	}
}

func TestBodyChoice(t *testing.T) {
	nav := `<div class="menu"><a href="/">首页</a><a href="/a">政务公开信息目录</a><a href="/b">政务服务事项清单</a><a href="/c">互动交流平台入口</a></div>`
	foot := `<div class="bottom"><p>主办单位：某某市人民政府办公室</p><p>网站标识码：1234567890 京ICP备12345678号</p></div>`
	tests := []struct{ name, page, want string }{
		{"short known container loses to nothing else",
			nav + `<div class="TRS_Editor"><p>现将有关通知印发给你们，请遵照执行。</p></div>` + foot,
			"现将有关通知印发给你们，请遵照执行。"},
		{"density without container",
			nav + `<div class="side"><ul><li><a href="/1">相关文件一号的标题</a></li><li><a href="/2">相关文件二号的标题</a></li></ul></div>` +
				`<div class="main"><div class="txt"><p>` + para + `</p><p>第二段内容，全年完成投资2876亿元。</p></div></div>` + foot,
			para + "\n第二段内容，全年完成投资2876亿元。"},
		{"empty container falls back to density",
			`<div class="TRS_Editor"></div><div class="wrap"><p>` + para + `</p></div>` + foot,
			para},
		{"metadata table inside the container left out",
			`<div class="article-content"><table><tr><td>索引号：</td><td>A-1</td><td>文号：</td><td>某发〔2025〕1号</td></tr></table>` +
				`<p>发布时间：2025-01-02</p><p>` + para + `</p><table><tr><td>指标</td><td>数值</td></tr></table></div>`,
			para + "\n指标\t数值"},
		{"one sentence is the body", `只有一句话。`, "只有一句话。"},
		{"one short paragraph beside chrome", nav + `<p>同意。</p>` + foot, "同意。"},
		{"ZJEG markers",
			`<table><tr><td><!--ZJEG_RSS.content.begin--><p>` + para + `</p><!--ZJEG_RSS.content.end--><p>页面尾部的说明文字，不属于正文内容。</p></td></tr></table>`,
			para},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read([]byte("<html><body>"+tt.page+"</body></html>"), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if p.Text != tt.want {
				t.Errorf("Text =\n%q\nwant\n%q", p.Text, tt.want)
			}
		})
	}
}

func TestAttachments(t *testing.T) {
	const page = `<html><body>
<div class="TRS_Editor"><p>附件：<a href="./P0201.pdf"> 1.实施方案.pdf </a></p>
<p><a href="P0202.DOCX">分工表</a> <a href="./P0201.pdf">下载</a></p>
<p><a href="./P0203.xlsx" oldsrc="/protect/P0203.xlsx">统计表.xlsx</a></p>
<p><img src="./W0201.jpg"><a href="#top">顶部</a><a href="javascript:void(0)" title="全部.zip">打包</a><a href="mailto:a@b.cn">邮件</a></p></div>
<table class="enclosure"><tr><td><a href="/pdfjs/web/viewer.html?file=%2Ffgw%2FarticleFileDir%2F%E8%A7%A3%E8%AF%BB.pdf">在线阅读</a></td></tr>
<tr><td><a href="https://files.example.gov.cn/x/report.ofd">报告（OFD版）</a></td></tr>
<tr><td><span data-file="/download/a.wps"></span><span data-url="../b.zip">压缩包</span><iframe data-src="/c.doc"></iframe></td></tr>
<tr><td><a href="/download.jsp?filename=%E9%99%84%E4%BB%B6.xls&id=3">附件表</a></td></tr>
<tr><td><a href="/download.jsp?filename=%E6%96%B9%E6%A1%88.pdf">【下载】</a></td></tr>
<tr><td><a href="/servlet/down?id=77">解读材料.DOC</a> <a href="./t2.html">上一篇.pdf</a></td></tr></table>
<script>var f = "/fake.pdf";</script>
</body></html>`
	p, err := Read([]byte(page), "", "https://www.example.gov.cn/zwgk/202505/t20250516_1.html")
	if err != nil {
		t.Fatal(err)
	}
	want := []Attachment{
		{"https://www.example.gov.cn/zwgk/202505/P0201.pdf", "1.实施方案.pdf", "pdf"},
		{"https://www.example.gov.cn/zwgk/202505/P0202.DOCX", "分工表", "docx"},
		{"https://www.example.gov.cn/zwgk/202505/P0203.xlsx", "统计表.xlsx", "xlsx"},
		{"https://www.example.gov.cn/fgw/articleFileDir/%E8%A7%A3%E8%AF%BB.pdf", "在线阅读", "pdf"},
		{"https://files.example.gov.cn/x/report.ofd", "报告（OFD版）", "ofd"},
		{"https://www.example.gov.cn/download/a.wps", "a.wps", "wps"},
		{"https://www.example.gov.cn/zwgk/b.zip", "压缩包", "zip"},
		{"https://www.example.gov.cn/c.doc", "c.doc", "doc"},
		{"https://www.example.gov.cn/download.jsp?filename=%E9%99%84%E4%BB%B6.xls&id=3", "附件表", "xls"},
		{"https://www.example.gov.cn/download.jsp?filename=%E6%96%B9%E6%A1%88.pdf", "方案.pdf", "pdf"},
		{"https://www.example.gov.cn/servlet/down?id=77", "解读材料.DOC", "doc"},
	}
	if !reflect.DeepEqual(p.Attachments, want) {
		t.Errorf("Attachments =\n%v\nwant\n%v", p.Attachments, want)
	}

	// Without a page URL relative links cannot be made absolute: left out.
	p, err = Read([]byte(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].URL != "https://files.example.gov.cn/x/report.ofd" {
		t.Errorf("without page URL: %v", p.Attachments)
	}
}

func TestAttachmentsBaseHref(t *testing.T) {
	page := func(base string) string {
		return `<html><head>` + base + `</head><body><div class="TRS_Editor"><p>正文</p>
<p><a href="./P0201.pdf">实施方案.pdf</a> <a href="/root/P0202.docx">分工表</a> <a href="https://files.example.gov.cn/r.ofd">报告</a></p></div></body></html>`
	}
	tests := []struct {
		name, base, pageURL string
		want                []string
	}{
		{"absolute base, no page URL", `<base href="https://www.example.gov.cn/zwgk/202505/">`, "",
			[]string{"https://www.example.gov.cn/zwgk/202505/P0201.pdf", "https://www.example.gov.cn/root/P0202.docx", "https://files.example.gov.cn/r.ofd"}},
		{"absolute base wins over the page URL", `<base href="https://cdn.example.gov.cn/files/">`, "https://www.example.gov.cn/zwgk/t1.html",
			[]string{"https://cdn.example.gov.cn/files/P0201.pdf", "https://cdn.example.gov.cn/root/P0202.docx", "https://files.example.gov.cn/r.ofd"}},
		{"relative base resolved against the page URL", `<base href="/zwgk/202505/">`, "https://www.example.gov.cn/a/b.html",
			[]string{"https://www.example.gov.cn/zwgk/202505/P0201.pdf", "https://www.example.gov.cn/root/P0202.docx", "https://files.example.gov.cn/r.ofd"}},
		{"relative base without a page URL: only absolute links", `<base href="/zwgk/">`, "",
			[]string{"https://files.example.gov.cn/r.ofd"}},
		{"a base that is no web address is ignored", `<base href="javascript:void(0)">`, "https://www.example.gov.cn/a/b.html",
			[]string{"https://www.example.gov.cn/a/P0201.pdf", "https://www.example.gov.cn/root/P0202.docx", "https://files.example.gov.cn/r.ofd"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read([]byte(page(tt.base)), "", tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, a := range p.Attachments {
				got = append(got, a.URL)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("attachments %q, want %q", got, tt.want)
			}
		})
	}
}

func TestViewerWrapperLoops(t *testing.T) {
	// Wrappers whose file parameter resolves back to the viewer itself
	// once recursed until the stack overflowed (found by FuzzRead).
	base := "https://www.example.gov.cn/a/"
	for _, href := range []string{
		"viewer.html?file=%2F%2F",
		"viewer.html?file=%20",
		"viewer.html?file=?",
		"viewer.html?file=viewer.html%3Ffile%3Dviewer.html",
	} {
		p, err := Read([]byte(`<a href="`+href+`">在线阅读</a>`), "", base)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Attachments) != 0 {
			t.Errorf("%s: attachments %v, want none", href, p.Attachments)
		}
	}
}
