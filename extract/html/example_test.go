package html_test

import (
	"fmt"
	"log"

	"github.com/gongwen/gongwen/extract/html"
)

func ExampleRead() {
	page := []byte(`<html><head>
<meta name="PubDate" content="2025-01-20 16:42">
<title>关于2024年度法治政府建设工作情况的报告_某某市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<table class="bd1"><tr><td><b>索 引 号：</b></td><td>059422325-0481-2025-00250</td>
<td><b>文　　号：</b></td><td>驻政文〔2025〕3号</td></tr>
<tr><td><b>成文日期：</b></td><td>2025年01月17日</td><td><b>主题分类：</b></td><td>无</td></tr></table>
<div class="TRS_Editor"><style>.TRS_Editor P{font-family:宋体;}</style>
<p>　　一、加强组织领导</p>
<p>　　全年受理人民调解案件49545件，调解成功48899件，调解成功率98.7%。</p>
<p><a href="./P020250120.pdf">报告全文.pdf</a></p></div>
<div class="footer">版权所有 豫ICP备05001234号 网站标识码4117000001</div></body></html>`)
	p, err := html.Read(page, "text/html; charset=utf-8", "https://www.example.gov.cn/zwgk/202501/t20250120_1.html")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Title)
	fmt.Println(p.Metadata)
	fmt.Println(p.Text)
	fmt.Println(p.Attachments)
	// Output:
	// 关于2024年度法治政府建设工作情况的报告
	// map[发布日期:2025-01-20 成文日期:2025-01-17 文号:驻政文〔2025〕3号 索引号:059422325-0481-2025-00250]
	// 一、加强组织领导
	// 全年受理人民调解案件49545件，调解成功48899件，调解成功率98.7%。
	// 报告全文.pdf
	// [{https://www.example.gov.cn/zwgk/202501/P020250120.pdf 报告全文.pdf pdf}]
}
