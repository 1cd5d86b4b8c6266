package identity

import (
	"strings"
	"testing"
)

func TestTitle(t *testing.T) {
	tests := []struct{ name, text, want, source string }{
		{"title split over three lines with spaced 报 告",
			"成文日期 | 2025-01-17 |\n某某市人民政府\n关于2024年度法治政府建设工作情况的\n报 告\n某政文〔2025〕3号\n市人大常委会:",
			"某某市人民政府关于2024年度法治政府建设工作情况的报告", SourceText},
		{"title split over two lines",
			"浙江省人民政府办公厅关于加强城市供水\n安全保障工作的通知\n浙政办发〔2024〕12号\n各市人民政府：",
			"浙江省人民政府办公厅关于加强城市供水安全保障工作的通知", SourceText},
		{"a last line that ends like a title but goes on",
			"某市人民政府关于2024年度法治政府建设工作情况\n的报告\n某政文〔2025〕7号",
			"某市人民政府关于2024年度法治政府建设工作情况的报告", SourceText},
		{"short column name skipped for the real title",
			"今天是:2019年10月31日 星期三\n工作报告\n\n您所在的位置:政务公开 > 工作报告\n\n2020年某某区法治政府建设情况报告\n文章来源:司法局",
			"2020年某某区法治政府建设情况报告", SourceText},
		{"bracketed year after 报告",
			"成文日期 2025-03-21 公开时限 长期公开\n\n某某镇法治政府建设年度报告(2024年度)\n\n来源:党政",
			"某某镇法治政府建设年度报告(2024年度)", SourceText},
		{"traditional characters", "2023年縉云縣國民經濟和社會發展統計公報\n2023年,縉云堅持…",
			"2023年縉云縣國民經濟和社會發展統計公報", SourceText},
		{"site's full-text mark dropped", "2022年某某区政府工作报告—全文\n政府工作报告", "2022年某某区政府工作报告", SourceText},
		{"info line on the title's line cut",
			"某某市人民政府门户网站 > 政务公开\n某某市人民政府关于加快推进城市更新工作的意见 发布时间：2024-05-06 浏览次数：12\n各县人民政府：",
			"某某市人民政府关于加快推进城市更新工作的意见", SourceText},
		{"red header and document number above the title",
			"某区财政局文件\n某财预〔2025〕4号\n关于某区2024年预算执行情况和\n2025年预算草案的报告\n——2025年2月8日在某区第八届人民代表大会第四次会议上",
			"关于某区2024年预算执行情况和2025年预算草案的报告", SourceText},
		{"site name above the title is no part of it",
			"某某县人民政府门户网站\n某某县2024年国民经济和社会发展统计公报\n某某县统计局",
			"某某县2024年国民经济和社会发展统计公报", SourceText},
		{"breadcrumb that ends with the title",
			"网站首页 > 信息公开 > 统计数据 > 2024年某某市国民经济和社会发展统计公报\n【字体：大 中 小】【打印】\n2024年，全市经济运行稳中有进。",
			"2024年某某市国民经济和社会发展统计公报", SourceBreadcrumb},
		{"forum breadcrumb with a repost mark, title repeated below",
			"某某論壇 » 民生資訊 » 【轉帖】2024年某某市衛生健康事業發展統計公報\n樓主　發表於 2025-7-3 21:08\n2024年某某市衛生健康事業發展統計公報\n某某市衛生健康委員會",
			"2024年某某市衛生健康事業發展統計公報", SourceText},
		{"a title that does not end like one",
			"首页 > 政务服务 > 工作动态\n某某区政务服务中心2024年工作总结和2025年工作思路\n发布时间：2025-01-09\n2024年，区政务服务中心以高效办成一件事为牵引。",
			"某某区政务服务中心2024年工作总结和2025年工作思路", SourceText},
		{"a column's name above the title",
			"首页\n政务公开\n政府工作报告\n2023年某某区政府工作报告\n——2023年1月5日在某某区第五届人民代表大会第二次会议上",
			"2023年某某区政府工作报告", SourceText},
		{"a column's name that does not end like a title",
			"统计数据\n2024年某某市国民经济和社会发展统计公报\n某某市统计局\n2025年3月1日",
			"2024年某某市国民经济和社会发展统计公报", SourceText},
		{"a bare title with nothing better after it",
			"政府工作报告\n——2025年1月8日在某某市第十六届人民代表大会第五次会议上\n某某市人民政府市长　某某\n各位代表：\n一、2024年工作回顾\n2024年主要工作情况\n正文。",
			"政府工作报告", SourceText},
		{"the issuing body on a line of its own",
			"国务院\n关于加强基层治理体系建设的意见\n国发〔2024〕1号",
			"国务院关于加强基层治理体系建设的意见", SourceText},
		{"a Markdown heading", "# 某某县人民政府 2024 年 政府信息公开工作年度报告\n\n某某县人民政府\n(2025年1月20日)", "某某县人民政府2024年政府信息公开工作年度报告", SourceText},
		{"a title in Markdown bold", "**某某市人民政府关于加强安全生产工作的意见**\n各县（市、区）人民政府：", "某某市人民政府关于加强安全生产工作的意见", SourceText},
		{"a column's name before 丨", "政策文件丨某某市人民政府关于加强安全生产工作的意见\n发布日期：2024-03-02\n各县（市、区）人民政府：", "某某市人民政府关于加强安全生产工作的意见", SourceBreadcrumb},
		{"a column's name before |", "通知公告 | 某某市人民政府关于加强安全生产工作的意见\n各县（市、区）人民政府：", "某某市人民政府关于加强安全生产工作的意见", SourceBreadcrumb},
		{"addressees first: no title of its own",
			"各乡镇人民政府，县直各单位：\n现将《2025年重点工作任务分解》印发给你们，请认真贯彻执行。\n某某县人民政府办公室\n2025年4月21日\n附件1\n2025年县政府工作报告任务清单", "", ""},
		{"a title glued between a watermark and the body",
			"某某范文网—资料每日更新www.example.com某某省人民政府关于2023年度法治政府建设情况的报告2023年，全省坚持依法行政。一、主要举措", "某某省人民政府关于2023年度法治政府建设情况的报告", SourceText},
		{"a title in book marks", "《2023年某某县政府工作报告》\n——2023年1月5日在某某县第十八届人民代表大会第二次会议上", "2023年某某县政府工作报告", SourceText},
		{"a title with the site's date", "2023年某某市政府工作报告 2023-01-10 10:23\n各位代表：", "2023年某某市政府工作报告", SourceText},
		{"a title with a note in black brackets", "2024年某某市政府工作报告【全文】\n各位代表：", "2024年某某市政府工作报告【全文】", SourceText},
		{"an issuer and a date are no title", "某某州统计局\n2024年5月7日\n2023年，全州经济逐季向好。", "", ""},
		{"headings are no title", "一、总体情况\n二、主要工作\n正文。", "", ""},
		{"no title", "这是一段没有标题的正文。\n另一段。", "", ""},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, source := Title(tt.text)
			if got != tt.want || source != tt.source {
				t.Errorf("Title = %q from %q, want %q from %q", got, source, tt.want, tt.source)
			}
		})
	}
}

func TestIssuerOf(t *testing.T) {
	tests := []struct{ name, text, want, source string }{
		// From the title.
		{"body before 关于", "某某市人民政府关于2024年度法治政府建设工作情况的报告\n正文。", "某某市人民政府", SourceTitle},
		{"body before a year", "某某省自然资源厅2024年度法治政府建设情况报告\n正文。", "某某省自然资源厅", SourceTitle},
		{"body before 工作报告", "某某市人民代表大会常务委员会工作报告\n正文。", "某某市人民代表大会常务委员会", SourceTitle},
		{"a government named by its place", "2025年北京市政府工作报告\n正文。", "北京市人民政府", SourceTitle},
		{"joint issuers", "中共中央办公厅 国务院办公厅关于加强基层治理的意见\n正文。", "中共中央办公厅国务院办公厅", SourceTitle},
		{"a statistics title names no body", "2023年周口市国民经济和社会发展统计公报\n一、综合\n全年全市生产总值增长4.8%。", "周口市统计局", SourceTitlePlace},
		{"an audit report names its place only", "关于2023年度某某市本级预算执行和其他财政收支的审计工作报告\n主任、各位副主任、秘书长，各位委员：\n我受市人民政府委托，报告审计情况。", "某某市审计局", SourceTitlePlace},
		{"a national audit report", "国务院关于2023年度中央预算执行和其他财政收支的审计工作报告\n委员长、各位副委员长：", "国务院", SourceTitle},
		// A title body that gives only its level, placed by another rule's issuer.
		{"县政府 placed by the signature",
			"县政府关于印发某某办法的通知\n各乡镇人民政府：\n请认真贯彻执行。\n某某县人民政府办公室\n2025年1月10日", "某某县人民政府", SourceTitle + "+" + SourceSignature},
		{"县政府办公室 placed by the signature",
			"县政府办公室关于做好某某工作的通知\n各乡镇人民政府：\n请认真贯彻执行。\n某某县人民政府办公室\n2025年1月10日", "某某县人民政府办公室", SourceTitle + "+" + SourceSignature},
		{"市政府 placed by the city of a district's signature",
			"市政府关于做好某某工作的通知\n各区人民政府：\n请认真贯彻执行。\n某某市某某区人民政府\n2025年1月10日", "某某市人民政府", SourceTitle + "+" + SourceSignature},
		{"县政府 with no county named stays as written",
			"县政府关于做好某某工作的通知\n各乡镇人民政府：\n请认真贯彻执行。\n某某市人民政府办公室\n2025年1月10日", "县政府", SourceTitle},
		// Speech headers.
		{"county head, place from the congress",
			"政府工作报告\n——2023年2月2日在长沙县第十八届人民代表大会第三次会议上\n县长　某某\n各位代表：", "长沙县人民政府", SourceSpeech},
		{"province head with the place",
			"政府工作报告\n——2025年1月15日在某省第十四届人民代表大会第三次会议上\n广东省省长 王某某\n各位代表：", "广东省人民政府", SourceSpeech},
		{"acting chairman of an autonomous region",
			"政府工作报告\n——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上\n西藏自治区代理主席 某某\n各位代表：", "西藏自治区人民政府", SourceSpeech},
		{"header and speaker on one line, body before the position",
			"政府工作报告\n2025年1月18日在河南省第十四届人民代表大会第三次会议上河南省人民政府省长某某作政府工作报告\n各位代表:", "河南省人民政府", SourceSpeech},
		{"premier, name on the next line",
			"政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　\n某　某\n\n各位代表：", "国务院", SourceSpeech},
		{"head of a bureau",
			"关于2024年度县级预算执行和其他财政收支的审计工作报告\n——2025年6月25日在某某县第十八届人民代表大会常务委员会第十八次会议上\n某某县审计局局长　某某\n主任、各位副主任：",
			"某某县审计局", SourceSpeech},
		{"a bureau that does not say its place",
			"关于2023年度市级预算执行和其他财政收支的审计工作报告\n——2024年8月27日在丽水市第五届人民代表大会常务委员会第二十次会议上\n市审计局局长　某某\n主任：",
			"丽水市审计局", SourceSpeech},
		{"a congress written short, place relative",
			"政府工作报告\n——2024年1月8日在市十七届人大三次会议上\n市长　某某\n各位代表：", "市人民政府", SourceSpeech},
		{"the body alone on the line",
			"关于某市2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n——二〇二五年一月十日在某某市第十七届人民代表大会第五次会议上\n某某市发展和改革委员会\n各位代表：",
			"某某市发展和改革委员会", SourceSpeech},
		{"a name with a 长 in the place",
			"政府工作报告\n——2024年1月5日在西安市长安区第十八届人民代表大会第四次会议上\n西安市长安区区长 某某\n各位代表：", "西安市长安区人民政府", SourceSpeech},
		// 令 headers.
		{"state council order", "条例\n中华人民共和国国务院令\n第707号\n现公布。", "国务院", SourceOrder},
		{"provincial order on one line", "办法\n浙江省人民政府令第400号\n现予公布。", "浙江省人民政府", SourceOrder},
		{"ministry order", "规定\n中华人民共和国生态环境部令\n第12号\n现予公布。", "生态环境部", SourceOrder},
		// On behalf of.
		{"on behalf of a body named whole", "工作报告\n各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作。", "北京市人民政府", SourceOnBehalf},
		// Issuer line and signature.
		{"bulletin's issuer line", "2024年某县统计公报\n某某县统计局\n2025年3月18日\n一、综合", "某某县统计局", SourceIssuerLine},
		{"two bodies on the issuer line, the first", "2024年建德市国民经济和社会发展统计公报\n建德市统计局\n国家统计局建德调查队\n2025年3月20日\n2024年，全市…", "建德市统计局", SourceIssuerLine},
		{"two bodies side by side on the issuer line", "2023年富阳区国民经济和社会发展统计公报\n杭州市富阳区统计局 国家统计局富阳调查队\n2024年3月15日\n2023年，全区…", "杭州市富阳区统计局", SourceIssuerLine},
		{"a place whose name has a level inside", "鄞州区2023年政府信息公开工作年度报告\n来源：区政府办公室\n本报告根据条例编制。", "鄞州区人民政府", SourceTitlePlace},
		{"traditional issuer line, as written", "2024年某市衛生健康事業發展統計公報\n嵐山市衛生健康委員會\n2025年6月28日\n一、衛生資源", "嵐山市衛生健康委員會", SourceIssuerLine},
		{"signature above the date", "关于做好工作的通知\n各单位：\n请认真贯彻执行。\n某某县人民政府办公室\n2025年1月10日\n（此件公开发布）", "某某县人民政府办公室", SourceSignature},
		{"signature with a spaced name", "通知\n各单位：\n正文。\n上海市杨浦区司法局\n2024年1月20日", "上海市杨浦区司法局", SourceSignature},
		{"signature and date on one line", "通知\n各单位：\n正文。\n某某市人民政府　　2025年6月13日", "某某市人民政府", SourceSignature},
		{"date in Chinese numerals", "通知\n各单位：\n正文。\n某某县市场监督管理局\n二〇二五年一月二十日", "某某县市场监督管理局", SourceSignature},
		{"a date line under a sentence is no signature", "报告\n各单位：\n会议于\n2024年1月20日", "", ""},
		// A body that calls itself 我局 and names itself in the text.
		{"我局 and the body named in the text",
			"2024年政府信息公开工作年度报告\n本报告由某某县住房和城乡建设局编制。\n2024年，我局坚持以公开为常态。某某县住房和城乡建设局网站发布信息120条。", "某某县住房和城乡建设局", SourceSelf},
		{"我局 without the body named", "工作总结\n2024年，我局坚持依法行政。", "", ""},
		// Nothing.
		{"no issuer", "一段正文，没有标题也没有落款。", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, _ := Title(tt.text)
			got := IssuerOf(title, tt.text)
			if got.String() != tt.want || got.Source != tt.source {
				t.Errorf("IssuerOf = %q (%+v) from %q, want %q from %q", got.String(), got, got.Source, tt.want, tt.source)
			}
		})
	}
}

func TestKind(t *testing.T) {
	tests := []struct{ title, text, kind, source string }{
		{"某某市人民政府关于2024年度法治政府建设工作情况的报告", "", KindFzzf, SourceTitle},
		{"2023年上海市政府信息公开工作年度报告", "", KindXxgk, SourceTitle},
		{"2023年縉云縣國民經濟和社會發展統計公報", "", KindStats, SourceTitle},
		{"2024年某市生态环境状况公报", "", KindStats, SourceTitle},
		{"2022年某区政府工作报告", "", KindGovWork, SourceTitle},
		{"2024年廣東省政府工作報告", "", KindGovWork, SourceTitle},
		{"关于某区2024年预算执行情况和2025年预算草案的报告", "", KindBudget, SourceTitle},
		{"上海市普陀区2024年区级部门预算", "", KindBudget, SourceTitle},
		{"某局2024年度部门决算", "", KindFinalAccounts, SourceTitle},
		{"某局2024年度部门决算说明", "", KindFinalAccounts, SourceTitle},
		{"关于2024年度县级预算执行和其他财政收支的审计工作报告", "", KindAudit, SourceTitle},
		{"中华人民共和国个人所得税法实施条例", "", KindRegulation, SourceTitle},
		{"某市城市供水管理办法", "某市人民政府令\n第12号\n现予公布。", KindRegulation, SourceTitle},
		{"某市城市供水管理办法", "各区人民政府：\n现印发。", KindNotice, SourceTitle},
		{"某市国土空间总体规划（2021—2035年）", "", KindPlan, SourceTitle},
		{"某市推进数字政府建设实施方案", "", KindPlan, SourceTitle},
		{"国务院办公厅关于印发“无废城市”建设试点工作方案的通知", "", KindNotice, SourceTitle},
		{"某市人民政府关于印发《某市创建法治政府建设示范市实施方案》的通知", "", KindNotice, SourceTitle},
		{"关于加强安全生产工作的意见", "", KindNotice, SourceTitle},
		{"关于2023年度法治政府建设考核情况的通报", "", KindNotice, SourceTitle},
		{"某市人民代表大会常务委员会工作报告", "", KindOther, SourceDefault},
		{"某区政务服务中心2024年工作总结", "", KindOther, SourceDefault},
		{"某局2024年度部门整体支出绩效自评报告", "", KindOther, SourceDefault},
		{"", "某州统计局\n2024年5月7日\n2023年，全州经济逐季向好。\n[1]本公报中数据为初步统计数。", KindStats, SourceStructure},
		{"", "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。", KindGovWork, SourceStructure},
		{"", "某区2025年区级部门预算\n预算主管部门：某区商务委员会", KindBudget, SourceStructure},
		{"", "一段正文。", KindOther, SourceDefault},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		if kind, source := Kind(tt.title, tt.text); kind != tt.kind || source != tt.source {
			t.Errorf("Kind(%q, %q) = %s from %s, want %s from %s", tt.title, tt.text, kind, source, tt.kind, tt.source)
		}
	}
}

func TestKindNamed(t *testing.T) {
	for name, want := range map[string]string{"budget": KindBudget, "预算": KindBudget, "Final Accounts": KindFinalAccounts,
		"统计公报": KindStats, " notice ": KindNotice, "通知公告": KindNotice} {
		if got, ok := KindNamed(name); !ok || got != want {
			t.Errorf("KindNamed(%q) = %q, %v, want %q", name, got, ok, want)
		}
	}
	for name, want := range map[string]string{"通知": KindNotice, "审计": KindAudit} {
		if got, ok := KindNamed(name); !ok || got != want {
			t.Errorf("KindNamed(%q) = %q, %v, want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"memo", "报告", "告", ""} {
		if got, ok := KindNamed(name); ok {
			t.Errorf("KindNamed(%q) = %q, want no kind", name, got)
		}
	}
}

func TestReportYear(t *testing.T) {
	tests := []struct {
		name, title, text, kind, signed string
		year                            int
		source                          string
	}{
		{"title year", "关于2024年度法治政府建设工作情况的报告", "", KindFzzf, "2025-01-17", 2024, SourceTitle},
		{"title year in Chinese numerals", "二〇二四年度某区法治政府建设情况报告", "", KindFzzf, "", 2024, SourceTitle},
		{"bracketed year", "某镇法治政府建设年度报告(2024年度)", "", KindFzzf, "", 2024, SourceTitle},
		{"first of two years", "关于2024年预算执行情况和2025年预算草案的报告", "", KindBudget, "", 2024, SourceTitle},
		{"a plan's span is no year", "某市国土空间总体规划（2021—2035年）", "", KindPlan, "", 0, ""},
		{"a span written with two 年", "某市2021年—2025年农业发展规划", "", KindPlan, "", 0, ""},
		{"a span with a hyphen", "某市“十四五”数字经济发展规划（2021-2025年）", "", KindPlan, "", 0, ""},
		{"a plan's end year alone in the text is no year", "某市国土空间总体规划", "到2035年，全面建成现代化都市区。", KindPlan, "", 0, ""},
		{"a cited plan is no year", "关于印发《某市2024年优化营商环境工作要点》的通知", "", KindNotice, "", 0, ""},
		{"a cited law's edition is no year", "关于贯彻《中华人民共和国土地管理法（2019年修正）》的意见", "", KindNotice, "", 0, ""},
		{"a year after the span", "关于落实《某规划（2021—2025年）》2024年度工作情况的报告", "", KindOther, "", 2024, SourceTitle},
		{"delivered year of a work report", "2025年北京市政府工作报告",
			"2025年北京市政府工作报告\n——2025年1月14日在北京市第十六届人民代表大会第三次会议上\n北京市市长 某某", KindGovWork, "", 2025, SourceSpeech},
		{"national work report", "政府工作报告",
			"政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 某某\n一、2023年工作回顾", KindGovWork, "", 2024, SourceSpeech},
		{"statistical period", "政府信息公开工作年度报告",
			"本报告中所列数据的统计期限自2023年1月1日至2023年12月31日止。", KindXxgk, "2024-01-25", 2023, SourcePeriod},
		{"opening sentence", "",
			"某州统计局\n2024年5月7日\n2023年，在省委省政府的坚强领导下，全州上下深入贯彻党的二十大精神。", KindStats, "2024-05-07", 2023, SourceOpening},
		{"signed in the following year", "部门决算", "第一部分 部门概况\n本部门本年度收入1200万元。", KindFinalAccounts, "2025-08-29", 2024, SourceSigned},
		{"本年度 signed late in the year", "某某工作安排", "本年度计划完成项目12个。", KindOther, "2024-11-20", 2024, SourceSigned},
		{"本年度 signed early in the year", "某某工作情况", "本年度完成项目12个。", KindOther, "2025-02-10", 2024, SourceSigned},
		{"a notice without a year", "关于做好清理工作的通知", "各单位：\n请执行。", KindNotice, "2025-01-10", 0, ""},
		{"a report delivered to a congress", "某市人民代表大会常务委员会工作报告",
			"某市人民代表大会常务委员会工作报告\n——2025年1月16日在某市第十四届人民代表大会第三次会议上\n市人大常委会主任 某某", KindOther, "", 2025, SourceSpeech},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			year, source := ReportYear(tt.title, tt.text, tt.kind, tt.signed)
			if year != tt.year || source != tt.source {
				t.Errorf("ReportYear = %d from %q, want %d from %q", year, source, tt.year, tt.source)
			}
		})
	}
}

func TestNational(t *testing.T) {
	for issuer, want := range map[string]bool{
		"国务院": true, "国务院办公厅": true, "中华人民共和国国务院": true, "司法部": true, "生态环境部": true,
		"国家统计局": true, "国家发展改革委": true, "证监会": true, "中共中央办公厅": true, "财政部 税务总局": true,
		"最高人民法院": true, "國務院": true,
		"某某市人民政府": false, "司法局": false, "统计局": false, "市委组织部": false, "": false,
	} {
		if got := National(issuer); got != want {
			t.Errorf("National(%q) = %v, want %v", issuer, got, want)
		}
	}
}

func TestIsOrgName(t *testing.T) {
	for s, want := range map[string]bool{
		"某某市人民政府": true, "国务院": true, "塘栖镇": true, "某县统计局": true, "嵐山市衛生健康委員會": true,
		"政府": false, "人民政府": false, "局": false, "2024年工作报告": false, "某某市，统计局": false, "北京日报": false,
	} {
		if got := IsOrgName(s); got != want {
			t.Errorf("IsOrgName(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzIdentity feeds arbitrary text to every recogniser: none may panic, a
// title is made of the text's own characters, a year is plausible.
func FuzzIdentity(f *testing.F) {
	for _, r := range issuerRules {
		f.Add(r.example)
	}
	for _, r := range kindRules() {
		f.Add(r.example)
	}
	for _, r := range yearRules {
		f.Add(r.example)
	}
	for _, e := range lists.Entries() {
		f.Add(e.Example)
	}
	f.Add("县政府关于某某的通知\n各单位：\n正文。\n某某县人民政府办公室\n2025年1月10日")
	f.Add("某网—每日更新www.example.com某省人民政府关于2023年度法治政府建设情况的报告2023年，全省…")
	f.Add("——\n在第届人民代表大会第次会议上\n长")
	f.Add("令\n第号\n")
	f.Fuzz(func(t *testing.T, text string) {
		title, _ := Title(text)
		squashed := squashSpaces(text)
		for _, r := range squashSpaces(title) {
			if !strings.ContainsRune(squashed, r) {
				t.Fatalf("title %q has %q, which the text does not", title, r)
			}
		}
		IssuerOf(title, text)
		kind, _ := Kind(title, text)
		if y, _ := ReportYear(title, text, kind, "2025-01-02"); y != 0 && (y < 1949 || y > 2100) {
			t.Fatalf("report year %d", y)
		}
		National(text)
	})
}
