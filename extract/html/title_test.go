package html

import "testing"

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"生态环境部一周要闻（4.10-4.16）_中华人民共和国生态环境部", "", "生态环境部一周要闻（4.10-4.16）"},
		{"2025年山西省政府工作报告 - 山西省人民政府门户网站", "", "2025年山西省政府工作报告"},
		{"万载县人民政府 | 万载县2015年国民经济和社会发展统计公报", "", "万载县2015年国民经济和社会发展统计公报"},
		{"关于做好春节工作的通知_国务院部门文件_中国政府网", "", "关于做好春节工作的通知"},
		{"驻马店市人民政府关于2024年度法治政府建设工作情况的报告-驻马店市人民政府", "", "驻马店市人民政府关于2024年度法治政府建设工作情况的报告"},
		{"通知公告｜某某市教育局", "某某市教育局", "通知公告"},
		{"2024年统计公报——宜春市统计局", "宜春市统计局", "2024年统计公报"},
		{"中国宜春 - 宜春市2022年国民经济和社会发展统计公报", "", "宜春市2022年国民经济和社会发展统计公报"},
		{"只有标题", "", "只有标题"},
		{"  ", "", ""},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.title, tt.site); got != tt.want {
			t.Errorf("stripSiteName(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestTitleOrder(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"meta ArticleTitle first",
			`<head><meta name="ArticleTitle" content="甲乙丙丁的通知"><title>别的标题_某某网站</title></head><body><h1>页面上的标题文字</h1></body>`,
			"甲乙丙丁的通知"},
		{"TitleStart comment",
			`<title>保监会</title><body><td><!--TitleStart-->关于保险业务的通知<!--TitleEnd--></td></body>`,
			"关于保险业务的通知"},
		{"detail-article-title h2, not the subtitle h3",
			`<title>报告 - 山西省人民政府门户网站</title><body><div class="detail-article-title"><h2>2025年政府工作报告</h2><h3>——在大会上</h3></div></body>`,
			"2025年政府工作报告"},
		{"h1 repeated by title, not the logo h1",
			`<title>关于开展安全检查的通知_某某市应急管理局</title><body><h1>某某市人民政府</h1><div><h1>关于开展安全检查的通知</h1></div></body>`,
			"关于开展安全检查的通知"},
		{"h1 inside an article header",
			`<title>某某市人民政府</title><body><div class="header"><h1>某某市人民政府</h1></div><div class="article-header"><h1>某某市2024年度政府信息公开工作年度报告</h1></div><div class="TRS_Editor"><p>正文</p></div></body>`,
			"某某市2024年度政府信息公开工作年度报告"},
		{"title class, not the sidebar column title",
			`<title>万载县人民政府 | 万载县2024年国民经济和社会发展统计公报</title><body><div class="col-title">统计公报</div><div class="detail-title">万载县2024年国民经济和社会发展统计公报</div><div class="con"><p>2024年，面对复杂严峻的外部环境，全县经济运行总体平稳。</p><p>初步核算，全年全县地区生产总值318.46亿元，比上年增长4.7%。</p></div></body>`,
			"万载县2024年国民经济和社会发展统计公报"},
		{"title class when <title> is only the site name",
			`<title>某某县人民政府</title><body><ul class="nav"><li class="nav-title">政务公开栏目</li></ul><div class="wz-title">关于公布2025年第一批行政许可事项的公告</div><div id="zoom"><p>正文</p></div></body>`,
			"关于公布2025年第一批行政许可事项的公告"},
		{"metadata 标题 before <title>",
			`<title>信息公开</title><body><table><tr><td>标题：</td><td>某某县关于调整最低工资标准的通知</td></tr></table></body>`,
			"某某县关于调整最低工资标准的通知"},
		{"<title> stripped at last",
			`<title>某某县2024年统计公报_某某县人民政府</title><body><p>正文</p></body>`,
			"某某县2024年统计公报"},
		{"info line inside the title element cut",
			`<title>某某县人民政府</title><body><div class="detail-title">某某县2024年政府信息公开工作年度报告<p>来源：县政府办公室　发布时间：2025-01-20 09:15　浏览次数：1362</p></div><div id="zoom"><p>正文</p></div></body>`,
			"某某县2024年政府信息公开工作年度报告"},
		{"info line after the heading with only a view count",
			`<title>某某县人民政府</title><body><h1>关于做好春节期间安全生产工作的通知 浏览次数：35 【打印】</h1><div id="zoom"><p>正文</p></div></body>`,
			"关于做好春节期间安全生产工作的通知"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read([]byte("<html>"+tt.page+"</html>"), "", "")
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tt.want {
				t.Errorf("Title = %q, want %q", p.Title, tt.want)
			}
		})
	}
}
