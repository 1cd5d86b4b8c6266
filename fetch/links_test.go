package fetch

import (
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestParseLinks(t *testing.T) {
	tests := []struct {
		name, page, html string
		details          []string // URL or URL@date
		attachments      []string
		next             string
		form             string // the form to POST to next, encoded
	}{
		{
			name: "TRS list, first page",
			page: "http://a.gov.cn/zwgk/ndbg/index.html",
			html: `<ul><li><a href="./202501/t20250117_1.html">报告</a><span>2025-01-17</span></li>
				<li><a href="../ndbg/202412/t20241230_2.shtml">报告</a> 2024年12月30日</li></ul>
				<a href="/index.html">首页</a>
				<script>var countPage = 5//共多少页
				createPageHTML(5, 0, "index", "html");</script>`,
			details: []string{"http://a.gov.cn/zwgk/ndbg/202501/t20250117_1.html@2025-01-17", "http://a.gov.cn/zwgk/ndbg/202412/t20241230_2.shtml@2024-12-30"},
			next:    "http://a.gov.cn/zwgk/ndbg/index_1.html",
		},
		{
			name: "TRS list, middle page",
			page: "http://a.gov.cn/zwgk/ndbg/index_3.shtml",
			html: `<script>createPageHTML(5,3,"index","shtml");</script>`,
			next: "http://a.gov.cn/zwgk/ndbg/index_4.shtml",
		},
		{
			name: "TRS list, last page",
			page: "http://a.gov.cn/zwgk/ndbg/index_4.html",
			html: `<script>createPageHTML(5, 4, "index", "html");</script><a href="index_3.html">上一页</a>`,
		},
		{
			name: "TRS countPage only",
			page: "http://a.gov.cn/col/index_1.html",
			html: `<script>var countPage = 3//共多少页</script>`,
			next: "http://a.gov.cn/col/index_2.html",
		},
		{
			name: "CSRC six-argument createPageHTML",
			page: "http://www.csrc.gov.cn/csrc/c101954/fg.shtml",
			html: `<script>createPageHTML('page_div',46, 1,'fg','shtml',1220);</script>`,
			next: "http://www.csrc.gov.cn/csrc/c101954/fg_2.shtml",
		},
		{
			name: "下一页 link",
			page: "http://b.gov.cn/list.jsp?cat=3",
			html: `<a href="list.jsp?cat=3&amp;page=1">1</a> <a href="list.jsp?cat=3&amp;page=2"> 下一页 </a>`,
			next: "http://b.gov.cn/list.jsp?cat=3&page=2",
		},
		{
			name: "下一页 with decoration",
			page: "http://b.gov.cn/news/list.html",
			html: `<a href="list_2.html">[下一页&gt;&gt;]</a>`,
			next: "http://b.gov.cn/news/list_2.html",
		},
		{
			name: "page query parameter",
			page: "http://b.gov.cn/col/col1229/index.html?uid=4521&pageNum=2",
			html: `<a href="?uid=4521&pageNum=1">1</a><a href="?uid=4521&pageNum=2">2</a><a href="?uid=4521&pageNum=7">尾页</a>`,
			next: "http://b.gov.cn/col/col1229/index.html?pageNum=3&uid=4521",
		},
		{
			name: "page query parameter, last page",
			page: "http://b.gov.cn/col/col1229/index.html?uid=4521&pageNum=7",
			html: `<a href="?uid=4521&pageNum=6">6</a><a href="?uid=4521&pageNum=7">7</a>`,
		},
		{
			name: "numbered siblings",
			page: "http://c.gov.cn/tzgg/index.html",
			html: `<a href="index_1.html">2</a> <a href="index_2.html">3</a> <a href="/other/index_9.html">x</a>`,
			next: "http://c.gov.cn/tzgg/index_1.html",
		},
		{
			name: "cheng du column-index",
			page: "http://d.gov.cn/gkml/column-index-2.shtml",
			html: `<a href="column-index-1.shtml">1</a><a href="column-index-3.shtml">3</a>`,
			next: "http://d.gov.cn/gkml/column-index-3.shtml",
		},
		{
			name: "Hanweb datastore records",
			page: "http://e.gov.cn/col/col1229/index.html",
			html: `<script type="text/xml"><datastore><recordset>
				<record><![CDATA[<li><a href="/art/2024/6/3/art_1229_2001.html">总结</a><span>2024-06-03</span></li>]]></record>
				<record><![CDATA[<li><a href="/art/2024/5/2/art_1229_2000.html">计划</a></li>]]></record>
				</recordset></datastore></script>`,
			details: []string{"http://e.gov.cn/art/2024/6/3/art_1229_2001.html@2024-06-03", "http://e.gov.cn/art/2024/5/2/art_1229_2000.html@2024-05-02"},
		},
		{
			name: "detail URL families",
			page: "http://f.gov.cn/",
			html: `<a href="/zhengce/content/2025-01/17/content_7001.htm">国务院</a>
				<a href="/xxgk/content/post_12345678.html">深圳</a>
				<a href="/tjgb/202301/0123456789abcdef0123456789abcdef.shtml">宜春</a>
				<a href="/csrc/c100028/c7428481/content.shtml">证监会</a>
				<a href="/about.html">关于</a>`,
			details: []string{"http://f.gov.cn/zhengce/content/2025-01/17/content_7001.htm@2025-01-17",
				"http://f.gov.cn/xxgk/content/post_12345678.html", "http://f.gov.cn/tjgb/202301/0123456789abcdef0123456789abcdef.shtml",
				"http://f.gov.cn/csrc/c100028/c7428481/content.shtml"},
		},
		{
			name: "attachments: href, pdf.js, data attributes, never oldsrc",
			page: "http://g.gov.cn/zwgk/202501/t20250117_1.html",
			html: `<a href="./P020250117.pdf">报告.pdf</a>
				<a href="./P0202_table.xlsx" oldsrc="/protect/P0202_table.xlsx">附表</a>
				<a href="/fgw/web/viewer.html?file=/fgw/articleFileDir/2025/x.pdf">在线预览</a>
				<span data-file="files/a.DOCX">下载</span>
				<iframe src="/files/b.ofd"></iframe>
				<img src="./W020250117.jpg"> <a href="./P020250117.pdf#page=2">同一文件</a>
				<a href="javascript:download('c.doc')">c.doc</a> <a title="d.wps">d.wps</a>`,
			attachments: []string{"http://g.gov.cn/zwgk/202501/P020250117.pdf", "http://g.gov.cn/zwgk/202501/P0202_table.xlsx",
				"http://g.gov.cn/fgw/articleFileDir/2025/x.pdf", "http://g.gov.cn/files/b.ofd", "http://g.gov.cn/zwgk/202501/files/a.DOCX"},
		},
		{
			name: "Hanweb jpage column page",
			page: "http://e.gov.cn/col/col1300/index.html",
			html: `<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=3&path=/&columnid=1300&unitid=4522&permissiontype=0"></a>]]></nextgroup>
				<recordset><record><![CDATA[<li><a href="/art/2024/3/7/art_1300_7.html">公报</a></li>]]></record>
				<record><![CDATA[<li><a href="/art/2023/3/6/art_1300_6.html">公报</a></li>]]></record></recordset></datastore></script>
				<script>$('#4522').jpage({perPage: 1, totalRecord: 7, proxyUrl: '/module/web/jpage/dataproxy.jsp'});</script>`,
			details: []string{"http://e.gov.cn/art/2024/3/7/art_1300_7.html@2024-03-07", "http://e.gov.cn/art/2023/3/6/art_1300_6.html@2023-03-06"},
			next:    "http://e.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=3&endrecord=4&perpage=1",
			form:    "appid=1&col=1&columnid=1300&page=1&path=%2F&permissiontype=0&sourceContentType=1&unitid=4522&webid=3",
		},
		{
			name: "Hanweb dataproxy.jsp answer",
			page: "http://e.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15",
			html: `<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>100</totalrecord><totalpage>7</totalpage>
				<recordset><record><![CDATA[<li><a href="/art/2020/1/2/art_1300_46.html">公报</a></li>]]></record></recordset></datastore>`,
			details: []string{"http://e.gov.cn/art/2020/1/2/art_1300_46.html@2020-01-02"},
			next:    "http://e.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=91&endrecord=135&perpage=15",
		},
		{
			name:    "Hanweb dataproxy.jsp last answer",
			page:    "http://e.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=91&endrecord=135&perpage=15",
			html:    `<datastore><totalrecord>100</totalrecord><recordset><record><![CDATA[<a href="/art/2019/1/2/art_1300_91.html">x</a>]]></record></recordset></datastore>`,
			details: []string{"http://e.gov.cn/art/2019/1/2/art_1300_91.html@2019-01-02"},
		},
		{
			name:    "base href",
			page:    "http://h.gov.cn/a/b/page.html",
			html:    `<head><base href="http://h.gov.cn/x/"></head><a href="202501/t20250101_1.html">1</a>`,
			details: []string{"http://h.gov.cn/x/202501/t20250101_1.html@2025-01-01"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, err := ParseLinks(tt.page, "text/html; charset=utf-8", []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			var details, atts []string
			for _, d := range links.Details {
				if d.Date != "" {
					d.URL += "@" + d.Date
				}
				details = append(details, d.URL)
			}
			for _, a := range links.Attachments {
				atts = append(atts, a.URL)
			}
			if diff := cmp.Diff(tt.details, details); diff != "" {
				t.Errorf("details (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.attachments, atts); diff != "" {
				t.Errorf("attachments (-want +got):\n%s", diff)
			}
			if links.Next != tt.next || links.NextForm.Encode() != tt.form {
				t.Errorf("next = %q with form %q, want %q with %q", links.Next, links.NextForm.Encode(), tt.next, tt.form)
			}
		})
	}
}

// A GBK page with its charset only in <meta>: link texts such as 下一页
// must be decoded to be recognised.
func TestParseLinksGBK(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>
		<body><a href="list_2.html">下一页</a><li><a href="t20240605_1.html">统计公报</a>（2024年6月5日）</li></body></html>`
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	links, err := ParseLinks("http://a.gov.cn/tjgb/list.html", "text/html", []byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if links.Next != "http://a.gov.cn/tjgb/list_2.html" {
		t.Errorf("next = %q", links.Next)
	}
	if len(links.Details) != 1 || links.Details[0].Text != "统计公报" || links.Details[0].Date != "2024-06-05" {
		t.Errorf("details = %+v", links.Details)
	}
}

func FuzzParseLinks(f *testing.F) {
	f.Add("http://a.gov.cn/zwgk/index.html", `<script>createPageHTML(3, 0, "index", "html");</script><a href="./202501/t20250117_1.html">x</a>`)
	f.Add("http://a.gov.cn/col/col1/index.html?pageNum=2", `<a href="?pageNum=3">下一页</a><a href="/web/viewer.html?file=a.pdf">a</a>`)
	f.Add("http://a.gov.cn/", `<script type="text/xml"><datastore><record><![CDATA[<a href="/art/2024/1/1/art_1_2.html">]]></record></datastore></script>`)
	f.Add("http://a.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=1", `<datastore><totalrecord>99999999999999999999</totalrecord><record><![CDATA[<a href="/art/2024/1/1/art_1_2.html">]]></record></datastore>`)
	f.Add("http://a.gov.cn/col/col1/index.html", `<datastore><nextgroup><![CDATA[<a href="dataproxy.jsp?columnid=1&amp;unitid=2">]]></nextgroup><record><![CDATA[x]]></record></datastore><script>perPage:0,totalRecord:5</script>`)
	f.Add("http://a.gov.cn/c/index_9.html", `<script>var countPage = 99999999999999999999</script><a href="index_1.html">`)
	f.Add("http://a.gov.cn/zwgk/list/index.html", `<a href="%2e%2e/%2e%2e/admin/t20250101_4.html">a</a><a href="..%2f..%2fadmin/x.pdf">b</a><a href="a/%2E%2E/t20250101_6.html">c</a>`)
	f.Fuzz(func(t *testing.T, page, html string) {
		links, err := ParseLinks(page, "text/html", []byte(html))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		all := append(append(append([]Link{}, links.Details...), links.Attachments...), links.Others...)
		for _, l := range all {
			u, err := url.Parse(l.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Fragment != "" {
				t.Errorf("link %q is not an absolute http(s) URL without fragment", l.URL)
			}
			if seen[l.URL] {
				t.Errorf("link %q listed twice", l.URL)
			}
			if hasDotSegment(u.Path) {
				t.Errorf("link %q keeps a dot segment", l.URL)
			}
			seen[l.URL] = true
			if l.Date != "" && (len(l.Date) != 10 || l.Date[4] != '-') {
				t.Errorf("date %q of %s is not YYYY-MM-DD", l.Date, l.URL)
			}
		}
		for _, a := range links.Attachments {
			if FileType(a.URL) == "" {
				t.Errorf("attachment %q has no attachment type", a.URL)
			}
		}
		if links.Next != "" {
			if links.Next == page || !strings.HasPrefix(links.Next, "http") {
				t.Errorf("next %q from %q", links.Next, page)
			}
		}
	})
}
