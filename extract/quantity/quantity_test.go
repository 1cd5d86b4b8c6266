package quantity

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/date"
	"github.com/gongwen/gongwen/extract/docnum"
)

// masks returns the spans of the document numbers and dates of text, sorted:
// what extract passes to Find.
func masks(text string) [][2]int {
	var nums, out [][2]int
	for _, n := range docnum.Find(text) {
		nums = append(nums, [2]int{n.Start, n.End})
	}
	for _, d := range date.Find(text, nums...) {
		out = append(out, [2]int{d.Start, d.End})
	}
	return append(nums, out...) // Find sorts them
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // exact decimal value; "" when the input is not a number
	}{
		{"plain integer", "49545", "49545"},
		{"decimal", "98.7", "98.7"},
		{"thousands separators", "1,234.5", "1234.5"},
		{"full-width comma separator", "12，345", "12345"},
		{"full-width digits", "１２３", "123"},
		{"full-width decimal point", "３．５", "3.5"},
		{"negative", "-3.01", "-3.01"},
		{"full-width minus", "－2.5", "-2.5"},
		{"wan with decimal exact", "16.4亿", "1640000000"},
		{"yi with separators and decimal", "1,100.9亿", "110090000000"},
		{"wan after decimal", "3.5万", "35000"},
		{"wan with separators", "1,100万", "11000000"},
		{"wan yi compound", "1.2万亿", "1200000000000"},
		{"arabic after wan", "3万4000", "34000"},
		{"qian after wan", "25万6千", "256000"},
		{"chinese twenty wan yi", "二十万亿", "20000000000000"},
		{"chinese tens", "四十五", "45"},
		{"chinese leading ten", "十五", "15"},
		{"chinese hundred with zero", "一百零五", "105"},
		{"chinese wan with zero", "一万零五", "10005"},
		{"colloquial yi wan wu", "一万五", "15000"},
		{"colloquial san qian wu", "三千五", "3500"},
		{"liang", "两", "2"},
		{"liang wan", "两万", "20000"},
		{"financial numerals", "壹佰贰拾", "120"},
		{"financial wan", "叁万肆仟", "34000"},
		{"traditional wan", "萬", ""},
		{"traditional liang wan", "兩萬", "20000"},
		{"traditional yi", "3.5億", "350000000"},
		{"chinese decimal", "九十八点七", "98.7"},
		{"chinese decimal exact", "一点五七", "1.57"},
		{"traditional point", "三點五", "3.5"},
		{"chinese decimal with wan", "三点五万", "35000"},
		{"yi then qian wan", "1亿2千万", "120000000"},
		{"spaces ignored", "394.8 亿", "39480000000"},
		{"yu qualifier is not a numeral", "两万余", ""},
		{"year digits are not a number", "二〇二五", ""},
		{"adjacent digits idiom", "两三", ""},
		{"digits then zero idiom", "一零", ""},
		{"magnitude alone", "万", ""},
		{"double small unit", "百千", ""},
		{"bad separator group", "1,23", ""},
		{"empty", "", ""},
		{"letters", "abc", ""},
		{"trailing point", "3.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseNumber(tt.in)
			if tt.want == "" {
				if ok {
					t.Fatalf("ParseNumber(%q) = %s, want failure", tt.in, got.FloatString(6))
				}
				return
			}
			want, _ := new(big.Rat).SetString(tt.want)
			if !ok || got.Cmp(want) != 0 {
				t.Fatalf("ParseNumber(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
			}
		})
	}
}

// TestParseNumberFloat checks that exact scaling survives the conversion to float64.
func TestParseNumberFloat(t *testing.T) {
	for in, want := range map[string]float64{"16.4亿": 1640000000, "百分之一点五七": 1.57, "0.3萬": 3000, "1.77亿": 177000000} {
		q, ok := Parse(in + "元")
		if strings.HasPrefix(in, "百分之") {
			q, ok = Parse(in)
		}
		if !ok || q.Value != want {
			t.Errorf("Parse(%q).Value = %v, want %v", in, q.Value, want)
		}
	}
}

// format prints a quantity compactly for comparisons: "7.62亿余条 762000000 条 count ~".
func format(q Quantity) string {
	s := q.Text + " " + strconv.FormatFloat(q.Value, 'f', -1, 64) + " " + q.Unit + " " + q.Kind
	if q.Approx {
		s += " ~"
	}
	if q.Range {
		s += " [" + strconv.FormatFloat(q.Low, 'f', -1, 64) + "–" + strconv.FormatFloat(q.High, 'f', -1, 64) + "]"
	}
	return s
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // format(q), or "" when s is not one quantity
	}{
		{"count", "49545件", "49545件 49545 件 count"},
		{"money in yi yuan", "1.77亿元", "1.77亿元 177000000 元 money"},
		{"yu inside the text", "7.62亿余条", "7.62亿余条 762000000 条 count ~"},
		{"wan yu person-times", "3.5万余人次", "3.5万余人次 35000 人次 count ~"},
		{"yu before magnitude", "200余万元", "200余万元 2000000 元 money ~"},
		{"duo before unit", "800多次", "800多次 800 次 count ~"},
		{"chinese ten yu", "十余个", "十余个 10 个 count ~"},
		{"percent", "98.7%", "98.7% 98.7 % percent"},
		{"full-width percent", "5.6％", "5.6％ 5.6 ％ percent"},
		{"per mille", "5.28‰", "5.28‰ 5.28 ‰ percent"},
		{"negative per mille", "-3.01‰", "-3.01‰ -3.01 ‰ percent"},
		{"percentage points", "1.3个百分点", "1.3个百分点 1.3 个百分点 percent"},
		{"traditional percentage points", "1.3個百分點", "1.3個百分點 1.3 個百分點 percent"},
		{"chinese percent", "百分之九十八点七", "百分之九十八点七 98.7 % percent"},
		{"chinese percent hundred", "百分之百", "百分之百 100 % percent"},
		{"rank with wei", "第5位", "第5位 5 位 rank"},
		{"rank with ming", "第一名", "第一名 1 名 rank"},
		{"bare rank", "第二", "第二 2 位 rank"},
		{"ordinal with other unit", "第二次", ""},
		{"space before magnitude", "394.8 亿元", "394.8 亿元 39480000000 元 money"},
		{"space before unit", "54 场", "54 场 54 场 count"},
		{"traditional yi yuan", "158.86 億元", "158.86 億元 15886000000 元 money"},
		{"traditional ton", "4.92萬噸", "4.92萬噸 49200 噸 measure"},
		{"hectare traditional", "8884公頃", "8884公頃 8884 公頃 measure"},
		{"dollars", "11162美元", "11162美元 11162 美元 money"},
		{"compound person-times", "21万人次", "21万人次 210000 人次 count"},
		{"jia ci", "1900家次", "1900家次 1900 家次 count"},
		{"kilometre not thousand metres", "3千米", "3千米 3 千米 measure"},
		{"kilowatt-hours with yi", "12.3亿千瓦时", "12.3亿千瓦时 1230000000 千瓦时 measure"},
		{"square metres", "35.6平方米", "35.6平方米 35.6 平方米 measure"},
		{"liang bu", "两部", "两部 2 部 count"},
		{"financial yuan", "壹佰贰拾元", "壹佰贰拾元 120 元 money"},
		{"working days", "5个工作日", "5个工作日 5 个工作日 measure"},
		{"concentration", "32微克/立方米", "32微克/立方米 32 微克/立方米 measure"},
		{"year is not a quantity", "2024年", ""},
		{"no unit", "12345", ""},
		{"trailing text", "5件事", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, ok := Parse(tt.in)
			got := ""
			if ok {
				got = format(q)
			}
			if got != tt.want {
				t.Fatalf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // format(q) of each quantity
	}{
		{"counts in a list", "受理人民调解案件49545件，调解成功48899件，调解成功率98.7%。",
			[]string{"49545件 49545 件 count", "48899件 48899 件 count", "98.7% 98.7 % percent"}},
		{"year is not a quantity", "2024年，全市办理案件12件。", []string{"12件 12 件 count"}},
		{"year with space", "2023 年，共举行发布会54 场。", []string{"54 场 54 场 count"}},
		{"year of report", "公布2024年度重大行政决策事项目录。", nil},
		{"full date masked", "2025年1月17日召开会议3次", []string{"3次 3 次 count"}},
		{"ISO date masked", "成文日期 2025-01-17，印发5份", []string{"5份 5 份 count"}},
		{"document number masked", "根据驻政文〔2025〕3号文件，清理文件473件。", []string{"473件 473 件 count"}},
		{"text ordinals", "一是加强调解。二是（三）第一责任人职责。", nil},
		{"list number", "1.加强党的领导。2.完善制度10项。", []string{"10项 10 项 count"}},
		{"title masked", "制定《2021—2025年规划》和《第3号办法》2部规章", []string{"2部 2 部 count"}},
		{"plan period", "法治政府建设实施纲要(2021—2025年)", nil},
		{"slogan code plus", "构建“1+10+30”平台，建成1+3+N体系", nil},
		{"festival code dot", "以“5·12”防灾减灾日、10·13国际减灾日为载体", nil},
		{"hotline number", "12345热线受理诉求56.7万件", []string{"56.7万件 567000 件 count"}},
		{"quoted slogan", "增强“四个意识”、做到“两个维护”", nil},
		{"ascii quoted slogan", `实现"十四五"良好开局，落实"三个一批"`, nil},
		{"fixed phrase unquoted", "深入推进行政执法三项制度，做到两个维护。", nil},
		{"eight-point rules", "严格落实中央八项规定精神，坚持两个一百年奋斗目标", nil},
		{"small chinese count at the end", "完成重点任务三项。", []string{"三项 3 项 count"}},
		{"small chinese count with noun", "制定出台两部地方性法规。", []string{"两部 2 部 count"}},
		{"session ordinal", "区五届人大七次会议和十九届二中全会", nil},
		{"three industries", "三次产业结构为4.1:46.2:49.7", nil},
		{"ratio", "比例为1:2", nil},
		{"anniversary", "中国共产党成立100周年", nil},
		{"phone number", "联系电话：0396-2345678", nil},
		{"page number", "第3页 共10页", nil},
		{"idiom tongyi lingshou", "实行统一零售价", nil},
		{"idiom liang san ge", "来了两三个人", nil},
		{"idiom shifen", "十分重要", nil},
		{"survey name per mille", "根据2023年5‰人口变动抽样调查推算", nil},
		{"per mille value", "出生率为5.28‰；死亡率为8.28‰。", []string{"5.28‰ 5.28 ‰ percent", "8.28‰ 8.28 ‰ percent"}},
		{"negative glued", "自然增长率为-3.01‰。", []string{"-3.01‰ -3.01 ‰ percent"}},
		{"a range is one figure, not a negative", "3-5个工作日", []string{"3-5个工作日 3 个工作日 measure [3–5]"}},
		{"approx before outside text", "近1900家次境内外媒体", []string{"1900家次 1900 家次 count ~"}},
		{"approx yu inside text", "2500余人次记者参加", []string{"2500余人次 2500 人次 count ~"}},
		{"approx yue", "约3万人参加", []string{"3万人 30000 人 count ~"}},
		{"approx yishang after", "参保率达95%以上", []string{"95% 95 % percent ~"}},
		{"approx zuoyou after", "新增就业5,200人左右", []string{"5,200人 5200 人 count ~"}},
		{"estimate is not approx", "预计4.6万元", []string{"4.6万元 46000 元 money"}},
		{"footnote marker", "国内生产总值[2]1210207亿元", []string{"1210207亿元 121020700000000 元 money"}},
		{"stray space money", "外贸进出口总额394.8 亿元；", []string{"394.8 亿元 39480000000 元 money"}},
		{"rank di wei", "综合得分居全省第5位，稳居全省第一方阵", []string{"第5位 5 位 rank"}},
		{"rank weiju bare", "营商环境评价位居全省第二。", []string{"第二 2 位 rank"}},
		{"rank paiming", "排名第3，", []string{"第3 3 位 rank"}},
		{"rank first ming", "以第一名成绩荣获考核优秀", []string{"第一名 1 名 rank"}},
		{"ordinal quarter", "每年第一季度报告", nil},
		{"5G is not five", "新建5G基站1,200个", []string{"1,200个 1200 个 count"}},
		{"PM2.5 is not a number", "PM2.5平均浓度为32微克/立方米", []string{"32微克/立方米 32 微克/立方米 measure"}},
		{"url digits", "www.gov.cn/t20210329_5396867.html", nil},
		{"index number", "索引号 059422325-0481-2025-00250", nil},
		{"ren min is not people", "12人民群众", nil},
		{"chinese yi alone", "制定一批措施，开展一次检查", nil},
		{"traditional units", "糧食總產量4.92萬噸，增長2.2%", []string{"4.92萬噸 49200 噸 measure", "2.2% 2.2 % percent"}},
		{"wan yi in text", "进出口总额3.5万亿元", []string{"3.5万亿元 3500000000000 元 money"}},
		{"full-width digits in text", "办理案件１２３件", []string{"１２３件 123 件 count"}},
		{"chinese percent in text", "满意度达到百分之九十五以上", []string{"百分之九十五 95 % percent ~"}},
		{"percentage points", "比上年提高1.3个百分点", []string{"1.3个百分点 1.3 个百分点 percent"}},
		{"a multiple is not a quantity", "装备制造业产值增长1.2倍，是上年的2.5倍", nil},
		{"ton-kilometres", "货物周转量456.7亿吨公里", []string{"456.7亿吨公里 45670000000 吨公里 measure"}},
		{"degrees celsius", "全年平均气温17.8℃", []string{"17.8℃ 17.8 ℃ measure"}},
		{"times sign makes a code", "提供7×24小时服务", nil},
		{"tupo is approx", "地区生产总值突破3000亿元", []string{"3000亿元 300000000000 元 money ~"}},
		{"article number is an ordinal", "依据《条例》第二十条第（五）项规定", nil},
		{"rate per square metre", "均价8500元/平方米，", []string{"8500元/平方米 8500 元/平方米 money"}},
		{"qian yu", "参加培训千余人", []string{"千余人 1000 人 count ~"}},
		{"bai alone is not a number", "百姓满意，千家万户", nil},
		{"a time limit is a figure", "自受理之日起20个工作日内作出决定，3天以内答复", []string{"20个工作日 20 个工作日 measure", "3天 3 天 measure"}},
		{"times held within a limit are figures", "项目审批全流程时间控制在45天以内，一般应控制在20个工作日内", []string{"45天 45 天 measure", "20个工作日 20 个工作日 measure"}},
		{"priority is not a rank", "始终把人民群众利益放在第一位", nil},
		{"ledger is not a unit", "建立12台账", nil},
		{"ascii colon after a word", "收到申请:56件,办结:56件", []string{"56件 56 件 count", "56件 56 件 count"}},
		{"loans counted in bi", "发放贷款1,234笔", []string{"1,234笔 1234 笔 count"}},
		{"threshold of a class", "年营业收入2000万元以上企业56家，5000万元及以上项目12个", []string{"56家 56 家 count", "12个 12 个 count"}},
		{"bound of an amount before a noun", "年收入超30万元的村有9个，不足5万元的小额案件126件", []string{"9个 9 个 count", "126件 126 件 count"}},
		{"bound on each of a group", "全乡11个行政村集体经济收入均超过15万元", []string{"11个 11 个 count"}},
		{"floor that counted things fall short of", "全县36个执法中队中有12个在编人员不足4人", []string{"36个 36 个 count", "12个 12 个 count"}},
		{"a bound alone is a figure", "全年接待游客超过120万人次，亏损企业不足30家", []string{"120万人次 1200000 人次 count ~", "30家 30 家 count"}},
		{"duo after the unit is not approx", "建成3个多功能服务站", []string{"3个 3 个 count"}},
		{"time of day", "上午9时30分召开", nil},
		{"score", "综合得分95.6分", []string{"95.6分 95.6 分 count"}},
		{"count word with ci", "开展专项督查7轮次，", []string{"7轮次 7 轮次 count"}},
		{"plus sign of a change", "优良天数比例\t85.6%\t+3.2个百分点", []string{"85.6% 85.6 % percent", "3.2个百分点 3.2 个百分点 percent"}},
		{"financial digit inside a word", "全县整合执法队伍5支，陆续建成陆家嘴", []string{"5支 5 支 count"}},
		{"financial numerals in a run", "人民币壹佰贰拾万元整", []string{"壹佰贰拾万元 1200000 元 money"}},
		{"slogans with Chinese numerals", "办好十件实事，推进一体化、五位一体、两学一做、三严三实、第一书记、三会一课、千村示范万村整治", nil},
		{"duration describing a noun", "提供24小时服务，全年优良天数312天。", []string{"312天 312 天 measure"}},
		{"shortened time limit", "由原来的20个工作日压缩至5个工作日", []string{"20个工作日 20 个工作日 measure", "5个工作日 5 个工作日 measure"}},
		{"fraction is not ten points", "占全市的十分之一", nil},
		{"arbitration number before a date", "(20)湛仲字第2号时间：2025年3月20日，受理案件3件", []string{"3件 3 件 count"}},
		{"missing comma after a growth rate", "同比增长98.8%群众满意率达到89.9%。", []string{"98.8% 98.8 % percent", "89.9% 89.9 % percent"}},
		{"zero count", "被申请行政复议0件", []string{"0件 0 件 count"}},
		{"table cells without units", "| 规章 | 0 | 0 | 12 |", nil},
		{"chinese count of sessions at the end of a clause", "举办依法行政专题培训班两期，开展集体学法五次。",
			[]string{"两期 2 期 count", "五次 5 次 count"}},
		{"phases are not sessions", "二期工程顺利推进，分三批实施，分为两期。", nil},
		{"chinese count with a long noun", "重点推进两项立法项目，完成三个专项整治行动。",
			[]string{"两项 2 项 count", "三个 3 个 count"}},
		{"numbered slogans with a long noun", "贯彻落实八项规定精神，坚持两个毫不动摇，实现两个一百年奋斗目标，把握三个有利于，从三个方面的问题入手。", nil},
		{"numeral inside the name of another figure", "受理行政执法三项制度相关事项5519件。", []string{"5519件 5519 件 count"}},
		{"numbered sayings", "确保三个不发生，认识五个必由之路。", nil},
		{"numbered slogan above ten", "深刻领会十四个坚持，", nil},
		{"time cut to a limit is reported", "一般登记办理时间压缩至五个工作日以内，审批时限缩短到3个工作日内。",
			[]string{"五个工作日 5 个工作日 measure", "3个工作日 3 个工作日 measure"}},
		{"vague tens", "数十家企业完成改造，几十个村受益，数十万元", nil},
		{"change of rank", "较上年提升3个位次，前移三个位次，排名上升5位。", nil},
		{"bound of a ranking and age criterion", "力争进入全省前10名，排名前3位，对年满60周岁的老年人发放补贴，执法人员平均年龄42.5岁。",
			[]string{"42.5岁 42.5 岁 measure"}},
		{"places in a ranking are still a count of people", "表彰先进个人5位。", []string{"5位 5 位 count"}},
		{"case files in juan", "评查行政执法案卷320卷，行政执法卷宗56宗。",
			[]string{"320卷 320 卷 count", "56宗 56 宗 count"}},
		{"trains and wells", "开行中欧班列120列、旅游专线38趟，新打机井15眼。",
			[]string{"120列 120 列 count", "38趟 38 趟 count", "15眼 15 眼 count"}},
		{"share followed by a verb", "区本级预备费按本级支出的1.5%设置。", []string{"1.5% 1.5 % percent"}},
		{"money bounding a class with 的", "统计范围为年主营业务收入2000万元及以上的工业法人单位，全市5000家以上的企业参加。",
			[]string{"5000家 5000 家 count ~"}},
		{"limits are figures, points of a scheme are not", "“优秀”等次比例一般不超过参加考核单位总数的30%，原则上不少于40学时，工单响应率占20分，分值占5%。",
			[]string{"30% 30 % percent", "40学时 40 学时 count"}},
		{"a change of score is reported", "考核综合得分增加2.3分。", []string{"2.3分 2.3 分 count"}},
		{"targets with a floor or cap", "群众满意率不低于90%，每季度开展培训不少于两次，赤字率不超过3%。",
			[]string{"90% 90 % percent", "两次 2 次 count", "3% 3 % percent"}},
		{"figure cut by a line break", "收入完成86.2\n亿元，惠及职工2.3\n万人，办理案件156\n件。",
			[]string{"86.2\n亿元 8620000000 元 money", "2.3\n万人 23000 人 count", "156\n件 156 件 count"}},
		{"line break before a word is not a unit", "减免项目12\n个人所得税", nil},
		{"table row ending in a bare cell", "合计\t12.9\n万元以下", nil},
		{"table with a unit column", "产品名称\t单位\t产量\t比上年增长(%)\n水泥\t万吨\t183.6\t-4.2\n服装\t万件\t2046\t3.9",
			[]string{"183.6 1836000 吨 measure", "-4.2 -4.2 % percent", "2046 20460000 件 count", "3.9 3.9 % percent"}},
		{"table with bars and a unit column", "| 产品 | 单位 | 产量 |\n| 钢材 | 万吨 | 81.05 |\n| 发电量 | 亿千瓦时 | 17.3 |",
			[]string{"81.05 810500 吨 measure", "17.3 1730000000 千瓦时 measure"}},
		{"unit in a column heading", "信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t42.7",
			[]string{"42.7 427000 元 money"}},
		{"table without units", "申请人情况\t自然人\t法人\n新收申请\t128\t13\n单位\t名称", nil},
		{"table ends at another number of cells", "产品名称\t单位\t产量\n水泥\t万吨\t183.6\n合计\t12\t5\t6", []string{"183.6 1836000 吨 measure"}},
		{"line break between magnitude and unit", "上解上级支出0.36亿\n元，当年结余2.15亿\n元。",
			[]string{"0.36亿\n元 36000000 元 money", "2.15亿\n元 215000000 元 money"}},
		{"days as a duration", "出院者平均住院日为7.9日，比上年缩短0.4日，平均住院日为9日；医师日均担负住院1.8床日。",
			[]string{"7.9日 7.9 日 measure", "0.4日 0.4 日 measure", "9日 9 日 measure", "1.8床日 1.8 床日 count"}},
		{"days of the month are not a count", "截至12月31日，每月5日前报送，于3日召开。", nil},
		{"day of the month after a date written with spaces", "统计期限为 2024 年 1 月 1 日至 12 月 31 日。", nil},
		{"not a single one is no count", "疫情防控期间无1人感染，没有 1 家企业停产，未有1起事故。", nil},
		{"one left undone is a count", "未按期完成1项任务，没有整改的有1家。", []string{"1项 1 项 count", "1家 1 家 count"}},
		{"a title the text cites is a title in a list of attachments", "现将《2025年十五件民盼实事任务分解》印发给你们。\n附件：1.2025年十五件民盼实事任务分解", nil},
		{"a title wrapped by a line break", "编辑《上海市3项\n工作公报》24 期", []string{"24 期 24 期 count"}},
		{"chinese count of titles", "通过《清河市养犬管理条例》《清河市河道管理条例》两部法规。", []string{"两部 2 部 count"}},
		{"all of it before a verb", "临床用血100%来自无偿献血。", []string{"100% 100 % percent"}},
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

// TestPlainValue checks scan's quick reading of plain numerals against
// ParseNumber, which it stands in for.
func TestPlainValue(t *testing.T) {
	numerals := []string{"0", "7", "05", "1234", "3.5", "0.1", "0.3", "98.7", "1133.95", "123456789012345678",
		"1234567890123456789012", "0.000000000000000000001", "9007199254740993"}
	for _, n := range numerals {
		for _, mag := range []string{"", "万", "亿", "兆"} {
			s := n + mag
			got, ok := plainValue(s)
			v, vok := ParseNumber(s)
			if !ok || !vok {
				t.Errorf("%s: plainValue ok %v, ParseNumber ok %v", s, ok, vok)
				continue
			}
			if want, _ := v.Float64(); got != want {
				t.Errorf("plainValue(%q) = %v, ParseNumber gives %v", s, got, want)
			}
		}
	}
	for _, s := range []string{"1,234", "3.5万亿", "三万", "-3", "3.", "万", "１２", "3 万"} {
		if _, ok := plainValue(s); ok {
			t.Errorf("plainValue(%q) reads it; ParseNumber should", s)
		}
	}
}

// TestStartChars checks that canStart accepts no character outside
// startChars, whatever follows it, and that the magnitudes Find reads
// before canStart are in it.
func TestStartChars(t *testing.T) {
	for _, r := range "首万亿" {
		if !startChars.has(r) {
			t.Errorf("%q is not in startChars", r)
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		if startChars.has(r) {
			continue
		}
		for _, after := range []string{"1", "１", "二", "万", "余", "多", "分之五", ""} {
			text := "的" + string(r) + after
			if canStart(text, len("的"), r) {
				t.Errorf("canStart accepts %q in %q; it is not in startChars", r, text)
				break
			}
		}
	}
}

// TestCodeSets checks the sets of codeBefore and codeNeighbour against the
// strings they were searched in before.
func TestCodeSets(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if got, want := codeJoins.Has(r), strings.ContainsRune("·•_#@&=×*", r); got != want {
			t.Errorf("codeJoins.Has(%q) = %v", r, got)
		}
		if got, want := codeMarks.Has(r), strings.ContainsRune("+＋:：/／-－–—~～.．", r); got != want {
			t.Errorf("codeMarks.Has(%q) = %v", r, got)
		}
		if got, want := codeNeighbours.Has(r), strings.ContainsRune("+＋·•.．:/／_-－–—~～#@&=×*", r); got != want {
			t.Errorf("codeNeighbours.Has(%q) = %v", r, got)
		}
	}
}

func TestHasCellBreak(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"产量（单位：万吨）238.4", false},
		{"产品名称\t单位\t产量", true},
		{"| 项目 | 金额（单位：万元） |", true},
		{"项目｜金额", true},
		{"水泥，万吨，238.4", false},
	}
	for _, tt := range tests {
		if got := hasCellBreak(tt.in); got != tt.want {
			t.Errorf("hasCellBreak(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestLastChars(t *testing.T) {
	set := lastChars([]string{"超过", "约", "不足"})
	for _, r := range "过约足" {
		if !set.Has(r) {
			t.Errorf("lastChars lacks %q", r)
		}
	}
	for _, r := range "超不的 " {
		if set.Has(r) {
			t.Errorf("lastChars has %q", r)
		}
	}
}

func TestFirstChars(t *testing.T) {
	set := firstChars([]string{"以上", "及以上的", "-"})
	for _, r := range "以及-" {
		if !set.Has(r) {
			t.Errorf("firstChars lacks %q", r)
		}
	}
	for _, r := range "上的 " {
		if set.Has(r) {
			t.Errorf("firstChars has %q", r)
		}
	}
}

func TestAfterBound(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"收入超过", true},
		{"收入超过  ", true},
		{"在编人员不足", true},
		{"受理案件", false},
		{"超过，", false},
	}
	for _, tt := range tests {
		if got := afterBound(tt.in); got != tt.want {
			t.Errorf("afterBound(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// nextStartOracle is the plain version of nextStart: a walk over the
// characters of text.
func nextStartOracle(text string, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if startChars.has(r) {
			return i
		}
		i += size
	}
	return i
}

func TestNextStart(t *testing.T) {
	tests := []struct {
		text   string
		i, end int
		want   int
	}{
		{"", 0, 0, 0},
		{"abc", 0, 3, 3},
		{"共受理49件", 0, 15, 9},
		{"共受理49件", 10, 15, 10},
		{"共受理49件", 0, 6, 6}, // stops at end
		{"共受理49件", 0, 7, 9}, // at the first character after end
		{"两部法规", 0, 12, 0},
		{"达到百分之九十", 0, 21, 6},
		{"增长－3％", 0, 12, 6},        // full-width minus
		{"共计８件", 0, 12, 6},         // full-width digit
		{"\xe0\x80\xb0件", 0, 6, 6}, // an overlong 0 is no digit
		{"\xed\xa0\x80一", 0, 6, 3}, // a surrogate
		{"\xe4一", 0, 4, 1},         // a lead byte alone
		{"件\xe4\xb8", 0, 5, 5},
		{"𠀀5", 0, 5, 4},
	}
	for _, tt := range tests {
		got := nextStart(tt.text, tt.i, tt.end)
		if want := nextStartOracle(tt.text, tt.i, tt.end); got != tt.want || got != want {
			t.Errorf("nextStart(%q, %d, %d) = %d, want %d (oracle %d)", tt.text, tt.i, tt.end, got, tt.want, want)
		}
	}
}

func FuzzNextStart(f *testing.F) {
	for _, s := range []string{"共受理49件", "\xe0\x80\xb0件", "\xed\xa0\x80一", "增长－3％，两部"} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, text string, i, end int) {
		if i < 0 || i > len(text) || end < 0 || end > len(text) {
			return
		}
		if got, want := nextStart(text, i, end), nextStartOracle(text, i, end); got != want {
			t.Fatalf("nextStart(%q, %d, %d) = %d, want %d", text, i, end, got, want)
		}
	})
}

// TestNumeralSets checks the sets of the numeral predicates against the
// tables of values ParseNumber reads.
func TestNumeralSets(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		_, digit := chineseDigits[r]
		_, small := smallUnits[r]
		_, big := bigUnits[r]
		for _, c := range []struct {
			name      string
			got, want bool
		}{
			{"isChineseDigit", isChineseDigit(r), digit},
			{"isSmallUnit", isSmallUnit(r), small},
			{"isBigUnit", isBigUnit(r), big},
			{"isMagnitude", isMagnitude(r), small || big},
			{"isChineseNumber", isChineseNumber(r), digit || small || big},
		} {
			if c.got != c.want {
				t.Errorf("%s(%q) = %v, want %v", c.name, r, c.got, c.want)
			}
		}
	}
}

// TestFindOwnsResult checks that Find's result shares nothing with the
// scratch it collects in: a later call leaves it as it was, and a text
// without quantities gives nil.
func TestFindOwnsResult(t *testing.T) {
	first := Find("受理案件49545件，调解成功率98.7%。")
	want := fmt.Sprint(first)
	Find("办理156件，惠及职工1.8万人，增长3.2%。")
	if got := fmt.Sprint(first); got != want {
		t.Errorf("a later Find changed the result: %s, want %s", got, want)
	}
	if got := Find("没有数字。"); got != nil {
		t.Errorf("Find of a text without quantities = %#v, want nil", got)
	}
}

// TestUnitSets checks the sets that rule out characters before the maps
// of units and not-units are looked up.
func TestUnitSets(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if _, ok := unitsByFirst[r]; ok != unitStarts.has(r) {
			t.Errorf("unitStarts has %q: %v, unitsByFirst: %v", r, unitStarts.has(r), ok)
		}
	}
	for w := range notUnits {
		if r, _ := utf8.DecodeLastRuneInString(w); !notUnitEnds.has(r) {
			t.Errorf("notUnitEnds lacks %q, the end of %s", r, w)
		}
	}
	for d := range durations {
		if r, _ := utf8.DecodeLastRuneInString(d); !durationEnds.Has(r) {
			t.Errorf("durationEnds lacks %q, the end of %s", r, d)
		}
	}
}

func trimPaddingOracle(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return r == ' ' || r == '\u3000' })
}

func TestTrimPadding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"超过 ", "超过"},
		{"约\u3000 \u3000", "约"},
		{"  ", ""},
		{"a\x80\x80", "a\x80\x80"}, // the tail of U+3000 alone
		{"\u3000a", "\u3000a"},
	}
	for _, tt := range tests {
		if got := trimPadding(tt.in); got != tt.want || got != trimPaddingOracle(tt.in) {
			t.Errorf("trimPadding(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzTrimPadding(f *testing.F) {
	f.Add("约\u3000 \u3000")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimPadding(s), trimPaddingOracle(s); got != want {
			t.Fatalf("trimPadding(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestContainsBar(t *testing.T) {
	for _, s := range []string{"", "｜", "项目｜金额", "，，，", "\x9c", "\xbd\x9c", "a|b", "项目，金额｜"} {
		if got, want := containsBar(s), strings.Contains(s, "｜"); got != want {
			t.Errorf("containsBar(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzContainsBar(f *testing.F) {
	f.Add("项目，金额｜")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := containsBar(s), strings.Contains(s, "｜"); got != want {
			t.Fatalf("containsBar(%q) = %v, want %v", s, got, want)
		}
	})
}
