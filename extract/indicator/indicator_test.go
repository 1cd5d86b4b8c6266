package indicator

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/extract/segment"
)

// segmenter loads the shared gse dictionary once for all tests.
func segmenter(tb testing.TB) *segment.Segmenter {
	tb.Helper()
	seg, err := segment.DefaultSegmenter()
	if err != nil {
		tb.Fatal(err)
	}
	return seg
}

func TestFindNames(t *testing.T) {
	seg := segmenter(t)
	tests := []struct {
		name string
		in   string
		want []string // "text→name" for each indicator
	}{
		{"verb-object before the number", "受理人民调解案件49545件。",
			[]string{"49545件→受理人民调解案件"}},
		{"rate", "调解成功率98.7%。", []string{"98.7%→调解成功率"}},
		{"scope word 全市 dropped", "全市编修各类应急预案1798个。", []string{"1798个→编修各类应急预案"}},
		{"共计 dropped", "争取中央补助资金和地方配套资金共计1.77亿元。",
			[]string{"1.77亿元→争取中央补助资金和地方配套资金"}},
		{"达 dropped", "行政复议调解成功率达40.37%。", []string{"40.37%→行政复议调解成功率"}},
		{"为 dropped", "城镇登记失业率为2.3%。", []string{"2.3%→城镇登记失业率"}},
		{"实现 dropped", "全区实现地区生产总值468亿元。", []string{"468亿元→地区生产总值"}},
		{"占比 tied to the previous subject", "全市复议后诉讼案件121件，占比5.6%，",
			[]string{"121件→复议后诉讼案件", "5.6%→复议后诉讼案件占比"}},
		{"增长 tied to the previous subject", "规模以上工业总产值847亿元，增长2.2%；",
			[]string{"847亿元→规模以上工业总产值", "2.2%→规模以上工业总产值增长"}},
		{"comparison dropped from a composed name", "按可比价格计算，全县地区生产总值319.73亿元，比上年增长8.0%。",
			[]string{"319.73亿元→地区生产总值", "8.0%→地区生产总值增长"}},
		{"分别 maps values to earlier subjects", "第一产业增加值13.05亿元、第二产业增加值147.83亿元，分别增长4.6%和7.7%。",
			[]string{"13.05亿元→第一产业增加值", "147.83亿元→第二产业增加值", "4.6%→第一产业增加值增长", "7.7%→第二产业增加值增长"}},
		{"分别占 with 的", "男性人口23.85万人，女性人口22.61万人，分别占总人口的51.3%和48.7%。",
			[]string{"23.85万人→男性人口", "22.61万人→女性人口", "51.3%→男性人口占总人口", "48.7%→女性人口占总人口"}},
		{"share of a total", "其中，税收收入16.53亿元，占一般公共预算收入的70.3%。",
			[]string{"16.53亿元→税收收入", "70.3%→税收收入占一般公共预算收入"}},
		{"noun after the number", "指导29个重点行政执法系统修订法律风险防控清单。",
			[]string{"29个→指导重点行政执法系统修订法律风险防控清单"}},
		{"verb-object with the count after", "举办培训班12期，开展执法检查3次。",
			[]string{"12期→举办培训班", "3次→开展执法检查"}},
		{"each count of a list gets its own name", "参与国家和省立法30部，提出意见建议688条，被采纳134条。",
			[]string{"30部→参与国家和省立法", "688条→提出意见建议", "134条→被采纳"}},
		{"counts joined by 和 share the verb after them", "对15个市直单位和6个乡镇开展依法行政专项督查。",
			[]string{"15个→市直单位开展依法行政专项督查", "6个→乡镇开展依法行政专项督查"}},
		{"counts joined by 和 share the words before them", "区政府法律顾问团由7名律师和2名专家学者组成。",
			[]string{"7名→区政府法律顾问团律师组成", "2名→区政府法律顾问团专家学者组成"}},
		{"a verb of cutting to a level takes the subject", "政务新媒体账号由去年的41个精简至18个。",
			[]string{"41个→政务新媒体账号", "18个→政务新媒体账号"}},
		{"levels of 分别 qualify the subject before", "全市持证行政执法人员3,416名，市、县两级分别为1,203名和2,213名。",
			[]string{"3,416名→持证行政执法人员", "1,203名→市级持证行政执法人员", "2,213名→县级持证行政执法人员"}},
		{"a share after a lone place takes the noun after it", "对全区15%的行政许可案卷进行抽查。",
			[]string{"15%→行政许可案卷进行抽查"}},
		{"quoted examples before 等 dropped", "开展“法治进校园”“送法下乡”等普法活动310余场。",
			[]string{"310余场→开展普法活动"}},
		{"a part after 其中 with a verb takes what was counted", "区政府全年作出重大行政决策8项，其中3项召开了听证会。",
			[]string{"8项→区政府全年作出重大行政决策", "3项→区政府全年作出重大行政决策召开了听证会"}},
		{"a verb of cutting with its object is not a change", "涉及资金6.3亿元，压减低效无效资金0.8亿元。",
			[]string{"6.3亿元→涉及资金", "0.8亿元→压减低效无效资金"}},
		{"a rate named in parentheses after a share", "城镇常住人口52.3万人，占常住人口比重（常住人口城镇化率）为58.72%，比上年末提高0.64个百分点。",
			[]string{"52.3万人→城镇常住人口", "58.72%→常住人口城镇化率", "0.64个百分点→常住人口城镇化率提高"}},
		{"one value shared by two subjects", "规范性文件合法性审查率和备案率均为100%。",
			[]string{"100%→规范性文件合法性审查率", "100%→备案率"}},
		{"second figure of the same thing", "开展服务型行政执法培训56场1万余人次。",
			[]string{"56场→开展服务型行政执法培训", "1万余人次→开展服务型行政执法培训人次"}},
		{"titles side by side with 等 dropped", "开设《政策直通车》《百姓说事》等栏目12个。", []string{"12个→开设栏目"}},
		{"a phrase of purpose before the act counted", "围绕乡村振兴、营商环境等重点工作开设《政策直通车》等栏目12个，紧扣群众关切发布解读文章9篇。",
			[]string{"12个→开设栏目", "9篇→发布解读文章"}},
		{"a frame verb that is the act itself stays", "依托政务服务平台12个。", []string{"12个→依托政务服务平台"}},
		{"a frame verb whose act is not known stays", "聚焦城乡建设等领域投放公益广告30块。", []string{"30块→聚焦城乡建设等领域投放公益广告"}},
		{"a frame verb before a relative clause stays", "围绕中心工作开展的专题调研12次。", []string{"12次→围绕中心工作开展的专题调研"}},
		{"a head noun is restored from names of the same sentence only", "主动公开政府信息320条，发布政务动态信息150条。短视频40个、图文65条。",
			[]string{"320条→主动公开政府信息", "150条→发布政务动态信息", "40个→短视频", "65条→图文"}},
		{"an item of a list of counts takes the verb of the item before", "推送原创短视频40个、图文65条，受理申请56件、办结49件。",
			[]string{"40个→推送原创短视频", "65条→推送图文", "56件→受理申请", "49件→办结"}},
		{"an item of a list stated on its own or not opened by a verb keeps its words", "新增零碳工厂11家、绿色工厂总数达301家，其中公务用车2辆、执法执勤用车3辆、其他用车1辆。",
			[]string{"11家→新增零碳工厂", "301家→绿色工厂总数", "2辆→公务用车", "3辆→执法执勤用车", "1辆→其他用车"}},
		{"a figure alone on its line takes the label above it", "主要农产品产量\n\n2024年\n\n稻谷产量\n\n5230吨\n\n1.2\n\n其中:早稻\n\n1870吨\n\n-0.4\n\n3.6\n\n16只\n",
			[]string{"5230吨→稻谷产量", "1870吨→早稻", "16只→"}},
		{"a second figure after a copula is the level the change reached", "全市经营主体净增3.2万户、突破41万户。",
			[]string{"3.2万户→经营主体净增", "41万户→经营主体"}},
		{"titles dropped from the name", "制定出台《清河市物业管理条例》和《清河市城市绿化条例》2部地方性法规。",
			[]string{"2部→制定出台地方性法规"}},
		{"rank after 居", "在全省营商环境评价中，我市综合得分居全省第6位，稳居全省第一方阵。",
			[]string{"第6位→综合得分全省排名"}},
		{"rank after 位居", "“一件事”办件量位居全省第三位。", []string{"第三位→“一件事”办件量全省排名"}},
		{"bare rank after 排名", "信用综合评价排名全省第4。", []string{"第4→信用综合评价全省排名"}},
		{"rank with the event after it", "清河市以第二名成绩荣获全省考核优秀等次。",
			[]string{"第二名→清河市以成绩荣获全省考核优秀等次"}},
		{"prepositional phrase dropped", "针对重点案件召开56次协调会。", []string{"56次→召开协调会"}},
		{"其中 after a comma", "其中，城镇人口15.26万人。", []string{"15.26万人→城镇人口"}},
		{"其中 glued", "其中民生支出61.14亿元。", []string{"61.14亿元→民生支出"}},
		{"quantities in parentheses are clauses", "新增市政府规章18件（含新制定4件，修改14件）。",
			[]string{"18件→新增市政府规章", "4件→新制定", "14件→修改"}},
		{"parenthesised aside keeps the main subject", "人均GDP为78655元（按年平均汇率折算为11162美元），比上年增长7.8%。",
			[]string{"78655元→人均GDP", "11162美元→按年平均汇率折算", "7.8%→人均GDP增长"}},
		{"approx qualifier and noun after", "近1900家次境内外媒体、2500余人次记者参加。",
			[]string{"1900家次→境内外媒体", "2500余人次→记者参加"}},
		{"comparison kept in a clause with its subject", "申请数量较2022年上升29.3%；",
			[]string{"29.3%→申请数量较2022年上升"}},
		{"比上年末 kept when composed", "年末常住人口40.8万人，比上年末增加0.3万人；存款余额8562.3亿元，比年初增加612.5亿元，增长7.7%。",
			[]string{"40.8万人→常住人口", "0.3万人→常住人口比上年末增加", "8562.3亿元→存款余额", "612.5亿元→存款余额比年初增加",
				"7.7%→存款余额增长"}},
		{"a rate changes without a point in time", "城镇化率为60.4%，比上年末提高1.3个百分点。",
			[]string{"60.4%→城镇化率", "1.3个百分点→城镇化率提高"}},
		{"percentage points", "城镇化率为60.4%，比上年提高1.3个百分点。",
			[]string{"60.4%→城镇化率", "1.3个百分点→城镇化率提高"}},
		{"head noun restored in a list", "全年粮食播种面积8884公顷，比上年增长0.1%。油菜籽播种面积667公顷，增长21.9%；蔬菜7275公顷，增长1.9%。",
			[]string{"8884公顷→粮食播种面积", "0.1%→粮食播种面积增长", "667公顷→油菜籽播种面积", "21.9%→油菜籽播种面积增长",
				"7275公顷→蔬菜播种面积", "1.9%→蔬菜播种面积增长"}},
		{"footnote marker dropped", "国内生产总值[2]1210207亿元。", []string{"1210207亿元→国内生产总值"}},
		{"year at the start dropped", "2024年全市新增市场主体1.2万户。", []string{"1.2万户→新增市场主体"}},
		{"截至 clause", "截至2023年底，全市共有各类市场主体45.6万户。", []string{"45.6万户→各类市场主体"}},
		{"text ordinal dropped", "一是开展专项检查3次；二是培训执法人员260人次。",
			[]string{"3次→开展专项检查", "260人次→培训执法人员"}},
		{"其他 is part of the name", "其他文件34980件。", []string{"34980件→其他文件"}},
		{"行为 keeps its 为", "维持原具体行政行为19件。", []string{"19件→维持原具体行政行为"}},
		{"审计 keeps its 计", "全年实施经济责任审计23次。", []string{"23次→实施经济责任审计"}},
		{"multi-year average growth", "地区生产总值1200亿元，年均增长6.5%。",
			[]string{"1200亿元→地区生产总值", "6.5%→地区生产总值年均增长"}},
		{"traditional characters", "糧食總產量4.92萬噸，增長2.2%。",
			[]string{"4.92萬噸→糧食總產量", "2.2%→糧食總產量增長"}},
		{"issuer pronoun dropped", "我区新增城镇就业5200人。", []string{"5200人→新增城镇就业"}},
		{"list split at 、", "全年共举行新闻发布会54 场、新闻通气会14场。",
			[]string{"54 场→举行新闻发布会", "14场→举行新闻通气会"}},
		{"count before its noun and money after", "137个市重点项目完成投资236.8亿元，",
			[]string{"137个→市重点项目完成投资", "236.8亿元→市重点项目完成投资"}},
		{"decline composed", "PM2.5平均浓度为34微克/立方米，比上年下降5.6%。",
			[]string{"34微克/立方米→PM2.5平均浓度", "5.6%→PM2.5平均浓度下降"}},
		{"rank of a growth rate", "地区生产总值3125.6亿元，增长6.8%，增速居全省第2位。",
			[]string{"3125.6亿元→地区生产总值", "6.8%→地区生产总值增长", "第2位→地区生产总值增速全省排名"}},
		{"bare 达到 takes the last subject", "全市地区生产总值突破3000亿元，达到3125.6亿元。",
			[]string{"3000亿元→地区生产总值", "3125.6亿元→地区生产总值"}},
		{"single-character verb only alone", "实际利用外资2.3亿美元。减税降费12.3亿元，同比增3.1%。",
			[]string{"2.3亿美元→实际利用外资", "12.3亿元→减税降费", "3.1%→减税降费增"}},
		{"subject after a percentage", "98.5%的群众对法治建设表示满意。", []string{"98.5%→群众对法治建设表示满意"}},
		{"比上年同期多", "办理行政复议案件156件，比上年同期多12件。",
			[]string{"156件→办理行政复议案件", "12件→办理行政复议案件多"}},
		{"share of a total with 比重", "工业投资456亿元，占全部投资的比重为37.6%。",
			[]string{"456亿元→工业投资", "37.6%→工业投资占全部投资的比重"}},
		{"heading separated by spaces", "（一）主动公开情况  本年度主动公开政府信息123条。",
			[]string{"123条→主动公开政府信息"}},
		{"from one year to another", "地区生产总值由2017年的1,856亿元增加到2022年的2,678亿元，年均增长6.2%；",
			[]string{"1,856亿元→地区生产总值", "2,678亿元→地区生产总值", "6.2%→地区生产总值年均增长"}},
		{"table row flattened with tabs", "自然资源\t58\t33.7%\n| 规章 | 5件 | 2件 |",
			[]string{"33.7%→自然资源", "5件→规章", "2件→规章"}},
		{"subject with its own change", "高技术制造业增加值增长7.4%，占规模以上工业增加值的比重为71.6%。",
			[]string{"7.4%→高技术制造业增加值增长", "71.6%→高技术制造业增加值占规模以上工业增加值的比重"}},
		{"完成 after the subject", "一般公共预算收入完成58.3亿元，增长6.1%。",
			[]string{"58.3亿元→一般公共预算收入", "6.1%→一般公共预算收入增长"}},
		{"table with a unit column", "产品名称\t单位\t产量\t比上年增长(%)\n水泥\t万吨\t183.6\t-4.2",
			[]string{"183.6→水泥", "-4.2→水泥"}},
		{"signed change in a table", "优良天数比例\t85.6%\t+3.2个百分点",
			[]string{"85.6%→优良天数比例", "3.2个百分点→优良天数比例"}},
		{"respective subjects with their values", "全年进出口总额3.5万亿元，其中出口和进口分别为2.1万亿元和1.4万亿元，分别增长4.2%和-1.3%。",
			[]string{"3.5万亿元→进出口总额", "2.1万亿元→出口", "1.4万亿元→进口", "4.2%→出口增长", "-1.3%→进口增长"}},
		{"respective subjects with a change", "出口和进口分别增长4.2%和1.3%。",
			[]string{"4.2%→出口增长", "1.3%→进口增长"}},
		{"one subject for two values stays whole", "城乡居民人均可支配收入分别增长4.4%和6.5%。",
			[]string{"4.4%→城乡居民人均可支配收入分别增长", "6.5%→城乡居民人均可支配收入分别增长"}},
		{"time limit shortened from the legal one", "平均办理时限由法定的20个工作日压缩至3.5个工作日。",
			[]string{"20个工作日→平均办理时限", "3.5个工作日→平均办理时限"}},
		{"time limit shortened", "办理时限由原来的20个工作日压缩至5个工作日。",
			[]string{"20个工作日→办理时限", "5个工作日→办理时限"}},
		{"target words around a name", "力争政策解读占比达到60%，预计全年新增就业1.2万人，出庭应诉率连续三年保持100%。",
			[]string{"60%→政策解读占比", "1.2万人→新增就业", "100%→出庭应诉率连续三年"}},
		{"维持 is a result", "被申请行政复议41件，其中维持32件。", []string{"41件→申请行政复议", "32件→维持"}},
		{"bound of a target dropped from the end", "群众满意率不低于90%，每季度开展业务培训不少于2次。",
			[]string{"90%→群众满意率", "2次→每季度开展业务培训"}},
		{"change-to verb dropped from the end", "行政诉讼败诉率下降到4.2%，“一网通办”事项增至58项，失业率控制在3.1%。",
			[]string{"4.2%→行政诉讼败诉率", "58项→“一网通办”事项", "3.1%→失业率"}},
		{"share of the budget takes the subject", "全区一般公共预算收入完成61.4亿元，为预算的102.6%，同比增长4.2%。",
			[]string{"61.4亿元→一般公共预算收入", "102.6%→一般公共预算收入为预算", "4.2%→一般公共预算收入增长"}},
		{"完成预算 names itself", "国有资本经营预算收入1.85亿元，完成预算的103.2%。",
			[]string{"1.85亿元→国有资本经营预算收入", "103.2%→完成预算"}},
		{"summing adverb inside a name", "市政务服务热线共受理群众来电35.2万件，同比增长12.4%。",
			[]string{"35.2万件→市政务服务热线受理群众来电", "12.4%→市政务服务热线受理群众来电增长"}},
		{"scope of time before a summing adverb", "柳河县全年共办理行政复议相关事项724件。", []string{"724件→柳河县办理行政复议相关事项"}},
		{"共 of a word stays", "公共服务平台共接入数据3.6万条。", []string{"3.6万条→公共服务平台接入数据"}},
		{"lone preposition before a count", "对17个部门开展绩效评价。", []string{"17个→部门开展绩效评价"}},
		{"figure cut by a line break", "全区一般公共预算收入完成86.2\n亿元，为预算的100.8%，增长3.1%。惠及职工2.3\n万人。",
			[]string{"86.2\n亿元→一般公共预算收入", "100.8%→一般公共预算收入为预算", "3.1%→一般公共预算收入增长", "2.3\n万人→惠及职工"}},
		{"word after a count cut by a line break", "涉及资金42.6亿元；对15个重点项\n目开展绩效评价，涉及资金3.6亿元。",
			[]string{"42.6亿元→涉及资金", "15个→重点项目开展绩效评价", "3.6亿元→重点项目开展绩效评价涉及资金"}},
		{"count at the end of a line takes no words from the next", "举办培训班12期\n开展执法检查3次。",
			[]string{"12期→举办培训班", "3次→开展执法检查"}},
		{"running header after a page number", "— 2 —\n清河区2024年预算执行情况和2025年预算草案的报告\n全区一般公共预算支出完成128.5亿元，增长4.6%。",
			[]string{"128.5亿元→一般公共预算支出", "4.6%→一般公共预算支出增长"}},
		{"repeated running header", "清河区2024年预算执行情况和2025年预算草案的报告\n教育支出23.1亿元。\n清河区2024年预算执行情况和2025年预算草案的报告\n卫生健康支出9.8亿元。",
			[]string{"23.1亿元→教育支出", "9.8亿元→卫生健康支出"}},
		{"relative clause before a count", "对省级已明令废止的17件文件的配套文件，一律予以废止；符合条件的23家企业获得补贴。",
			[]string{"17件→对省级已明令废止的文件的配套文件", "23家→符合条件的企业获得补贴"}},
		{"share ending a name is not a subject", "市本级一般公共预算收入完成预算的102.3%，为45.62亿元，比上年增长6.8%。市本级一般公共预算支出78.93亿元，完成调整预算的94.1%，下降2.3%。",
			[]string{"102.3%→市本级一般公共预算收入完成预算", "45.62亿元→市本级一般公共预算收入", "6.8%→市本级一般公共预算收入增长",
				"78.93亿元→市本级一般公共预算支出", "94.1%→完成调整预算", "2.3%→市本级一般公共预算支出下降"}},
		{"加上 and the issuer dropped", "加上上级补助收入28.41亿元。本机关共收到政府信息公开申请186件，我局主动公开政府信息2,345条。",
			[]string{"28.41亿元→上级补助收入", "186件→收到政府信息公开申请", "2,345条→主动公开政府信息"}},
		{"sentence over a page break", "全区民生支出112.4亿元，占一般公共预\n— 2 —\n清河区2024年预算执行情况的报告\n算支出的78.9%。对23个重点项\n- 3 -\n目开展评价。",
			[]string{"112.4亿元→民生支出", "78.9%→民生支出占一般公共预算支出", "23个→重点项目开展评价"}},
		{"change against the usual year", "全市平均降水量1,356.2毫米，比常年偏多12.3%。全年平均气温17.2℃，较常年偏高0.6℃。",
			[]string{"1,356.2毫米→平均降水量", "12.3%→平均降水量偏多", "17.2℃→平均气温", "0.6℃→平均气温偏高"}},
		{"level held for years", "粮食总产量达到86.5万吨，连续5年稳定在85万吨以上。",
			[]string{"86.5万吨→粮食总产量", "85万吨→粮食总产量连续5年"}},
		{"from one year to another after the growth", "地区生产总值年均增长6.2%，由2020年的2,136亿元增加到2024年的2,712亿元。",
			[]string{"6.2%→地区生产总值年均增长", "2,136亿元→地区生产总值", "2,712亿元→地区生产总值"}},
		{"subjects do not cross paragraphs", "地区生产总值468亿元。\n增长4.1%",
			[]string{"468亿元→地区生产总值", "4.1%→增长"}},
		{"clause across a line broken mid-sentence", "一是加强人民调解。受理人民调解\n案件49545件，调解成功率98.7%。",
			[]string{"49545件→受理人民调解案件", "98.7%→调解成功率"}},
		{"generic amount takes the clause before", "发现违规领取补贴23人，涉及金额18.6万元；三是工程结算不规范，涉及金额42.3万元。",
			[]string{"23人→发现违规领取补贴", "18.6万元→发现违规领取补贴涉及金额", "42.3万元→工程结算不规范涉及金额"}},
		{"amount after a count and its noun", "四是专项资金未及时拨付，涉及5个单位0.86亿元。",
			[]string{"5个→专项资金未及时拨付涉及单位", "0.86亿元→专项资金未及时拨付涉及金额"}},
		{"amount with a summing word", "3家企业违规出借资金，金额合计1,260万元。",
			[]string{"3家→企业违规出借资金", "1,260万元→企业违规出借资金金额"}},
		{"generic words stay without a clause before", "涉及金额12.5万元。", []string{"12.5万元→涉及金额"}},
		{"rank among peers names the subject", "全市空气质量综合指数为3.85，在全省18个地市中排名第5。",
			[]string{"18个→在全省地市中排名", "第5→空气质量综合指数全省排名"}},
		{"rank in an evaluation", "在全省法治政府建设考核中位列省直单位第3名。",
			[]string{"第3名→在全省法治政府建设考核中省直单位排名"}},
		{"average of a range", "各县（市、区）优良天数比例为82.4%～93.1%，平均为88.7%。",
			[]string{"82.4%～93.1%→各县（市、区）优良天数比例", "88.7%→各县（市、区）优良天数比例平均"}},
		{"list of places in parentheses", "深入8个县（市、区）开展实地督导。", []string{"8个→深入县（市、区）开展实地督导"}},
		{"existential verb before a share", "仍有约12%的事项需线下办理。", []string{"12%→事项需线下办理"}},
		{"list of counts before a shared verb", "在8个乡镇、73个村设立调解室。",
			[]string{"8个→乡镇设立调解室", "73个→村设立调解室"}},
		{"relative clause keeps its preposition", "随迁子女在校生3,150人，其中在民办学校就读的占7.9%。",
			[]string{"3,150人→随迁子女在校生", "7.9%→在民办学校就读的占比"}},
		{"bare 占 is a share", "全市医疗卫生机构床位2.3万张，其中医院1.8万张，占78.3%。",
			[]string{"2.3万张→医疗卫生机构床位", "1.8万张→医院", "78.3%→医院占比"}},
		{"name with its own head", "初中学业水平考试合格率为89.1%。中小学生体质健康测试合格率为94.2%，优良率为52.6%。",
			[]string{"89.1%→初中学业水平考试合格率", "94.2%→中小学生体质健康测试合格率", "52.6%→优良率"}},
		{"parts of a total after 其中", "全体居民人均可支配收入38,460元，增长5.1%，其中城镇居民47,215元、农村居民24,380元，分别增长4.3%和6.2%。",
			[]string{"38,460元→全体居民人均可支配收入", "5.1%→全体居民人均可支配收入增长", "47,215元→城镇居民人均可支配收入",
				"24,380元→农村居民人均可支配收入", "4.3%→城镇居民人均可支配收入增长", "6.2%→农村居民人均可支配收入增长"}},
		{"part of a total that is an action", "全市412家承办单位纳入热线工单系统，其中第三季度新增承办单位37家。",
			[]string{"412家→承办单位纳入热线工单系统", "37家→第三季度新增承办单位"}},
		{"part of a total in traditional characters", "年末公路通車里程3,105公里，其中高速公路412公里。",
			[]string{"3,105公里→公路通車里程", "412公里→高速公路通車里程"}},
		{"part with the head already", "一般公共预算支出56.2亿元，其中民生支出43.1亿元。",
			[]string{"56.2亿元→一般公共预算支出", "43.1亿元→民生支出"}},
		{"clause with only 完成 takes the last subject counted so", "确定12个民生实事项目，总投资约5.2亿元，年底已完成10个。",
			[]string{"12个→确定民生实事项目", "5.2亿元→总投资", "10个→确定民生实事项目完成"}},
		{"generic names in a row", "部分单位违规发放津贴补贴，涉及金额45.2万元，涉及人员136人。",
			[]string{"45.2万元→部分单位违规发放津贴补贴涉及金额", "136人→部分单位违规发放津贴补贴涉及人员"}},
		{"long subject is left out of a generic name", "全省自然资源系统立案查处违法用地违法采矿案件2186件，涉及土地面积0.83万亩。",
			[]string{"2186件→自然资源系统立案查处违法用地违法采矿案件", "0.83万亩→涉及土地面积"}},
		{"items share a noun, not an action", "对全市28个部门、15个乡镇开展督查。新建5个、改造12个污水处理站。",
			[]string{"28个→对全市部门开展督查", "15个→乡镇开展督查", "5个→新建", "12个→改造污水处理站"}},
		{"rank among peers after a change", "全市优良天数比例为88.5%，同比提高2.1个百分点，在全省13个省辖市中位居第4。",
			[]string{"88.5%→优良天数比例", "2.1个百分点→优良天数比例提高", "13个→在全省省辖市中位居", "第4→优良天数比例全省排名"}},
		{"span of time dropped", "市人大三次会议期间代表提出的216件建议全部办结。", []string{"216件→代表提出的建议全部办结"}},
		{"amount passes over a rate", "调解矛盾纠纷1.2万件，调解成功率97.6%，涉及金额约3.4亿元。",
			[]string{"1.2万件→调解矛盾纠纷", "97.6%→调解成功率", "3.4亿元→调解矛盾纠纷涉及金额"}},
		{"part takes the head after the last shared word", "全市公证机构办理各类公证事项2.6万件，其中涉外公证5,130件。",
			[]string{"2.6万件→公证机构办理各类公证事项", "5,130件→涉外公证事项"}},
		{"parenthesis closing a name", "新创建省级民主法治示范村（社区）三个。", []string{"三个→新创建省级民主法治示范村（社区）"}},
		{"subjects cross a line broken mid-sentence", "地区生产总值468亿元，\n增长4.1%。",
			[]string{"468亿元→地区生产总值", "4.1%→地区生产总值增长"}},
		{"a word cut by a break before a line without figures", "清理规章 12 件；扎\n实推进教育、养老服务、社会救助、就业、生态环境、医疗卫生\n等重点领域 86 项信息公开任务。",
			[]string{"12 件→清理规章", "86 项→扎实推进教育、养老服务、社会救助、就业、生态环境、医疗卫生等重点领域信息公开任务"}},
		{"a parenthesis over a line break", "不予公开 20 件（1.6%），其他处理 31 件（2.7%，含申请人\n主动撤回 15 件）。",
			[]string{"20 件→不予公开", "1.6%→不予公开", "31 件→其他处理", "2.7%→其他处理", "15 件→申请人主动撤回"}},
		{"the clause before over a line break", "三是发现重复领取待遇41人，\n涉及金额36.7万元。",
			[]string{"41人→发现重复领取待遇", "36.7万元→发现重复领取待遇涉及金额"}},
		{"a heading after a line that runs on starts anew", "全年受理行政复议申请56件，其中\n（二）行政诉讼情况\n应诉案件12件。",
			[]string{"56件→受理行政复议申请", "12件→应诉案件"}},
		{"a parenthesis that lists what is counted ends its noun", "5 个高频事项（技术合同认定登记、高新技术企业认定）涉及到的相关政策文件均设置了链接。",
			[]string{"5 个→高频事项"}},
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

func TestSentence(t *testing.T) {
	text := "一是加强人民调解。受理人民调解案件49545件，调解成功48899件。二是深化府院联动。"
	got := find(text, segmenter(t))
	want := "受理人民调解案件49545件，调解成功48899件。"
	if len(got) != 2 || got[0].Sentence != want || got[1].Sentence != want {
		t.Fatalf("sentences = %+v, want two of %q", got, want)
	}
}

// TestWithoutSegmenter checks that the rules that need no tags still work.
func TestWithoutSegmenter(t *testing.T) {
	got := find("受理人民调解案件49545件，调解成功率98.7%。", nil)
	if len(got) != 2 || got[0].Name != "受理人民调解案件" || got[1].Name != "调解成功率" {
		t.Fatalf("Find without segmenter = %+v", got)
	}
}

// TestTagOncePerReport holds paragraph.tag to the segmenter's words, on
// the first look-up and on the remembered one.
func TestTagOncePerReport(t *testing.T) {
	seg := segmenter(t)
	p := &paragraph{seg: seg}
	for _, s := range []string{"一般公共预算收入", "市12345热线共受理群众诉求", "在政府网站发布政务信息", "一般公共预算收入", "x"} {
		want := seg.Tag(s)
		for range 2 {
			if got := p.tag(s); !slices.Equal(got, want) {
				t.Errorf("tag(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// TestFindReusesReaders checks that a report is named the same whatever
// report the reader taken from the pool read before.
func TestFindReusesReaders(t *testing.T) {
	seg := segmenter(t)
	a := "一般公共预算收入45.6亿元，增长6.8%。受理人民调解案件49545件，调解成功率98.7%。"
	b := "其中城镇居民58,730元，第一产业增加值13亿元、第二产业增加值148亿元，分别增长4.6%和7.7%。"
	want := Find(a, quantities(a), seg)
	for range 3 {
		Find(b, quantities(b), seg)
		if got := Find(a, quantities(a), seg); !slices.Equal(got, want) {
			t.Fatalf("Find after another report = %+v, want %+v", got, want)
		}
	}
}
