// Package quantity finds numbers with their units in Chinese text — counts,
// money, percentages, measures and ranks — and scales them exactly.
//
// # Numbers
//
// ParseNumber reads one numeral into a big.Rat, so that 16.4亿 is exactly
// 1640000000 and 百分之一点五七 exactly 1.57 before the single conversion to
// float64. It reads
//
//   - Arabic digits, ASCII or full-width, with thousands separators (1,234.5,
//     12，345) and a leading minus (-3.01);
//   - Chinese numerals: 零〇一二两三…九十百千万亿兆, 点 for decimals (九十八点七),
//     financial forms (壹佰贰拾), traditional forms (兩萬, 億, 點) and the
//     colloquial 一万五 (15000);
//   - mixtures: 3.5万, 1,100.9亿, 3万4000, 25万6千, 二十万亿, 1.2万亿.
//
// A big unit multiplies everything since the last bigger one (二十万亿 =
// 20×1e4×1e8). Qualifiers are not numerals: ParseNumber("两万余") fails and
// Parse reads "两万余人". Runs of bare Chinese digits (二〇二五, 两三, 一零) fail:
// they are years and idioms.
//
// # Quantities
//
// A quantity is a numeral followed by a unit, or a number in a number
// context. Parse reads one; Find reads all of a text.
//
//   - count: measure words 件 次 项 个 部 条 名 场 起 户 人 家 所 篇 份 期 批 卷
//     宗 列 趟 眼 … and compounds 人次 家次 户次 场次 床日 (49545件, 21万人次 →
//     210000 人次);
//   - money: 元 美元 欧元 港元 … with the magnitude stripped (1.77亿元 →
//     177000000 元);
//   - percent: % ％ ‰, 百分之… (→ %), and 个百分点 kept whole as the unit;
//   - measure: 公里 平方米 亩 公顷 吨 千瓦时 立方米 天 个工作日 … (3千米 is 3 千米,
//     12.3亿千瓦时 is 1230000000 千瓦时); 日 only as a number of days, with a
//     decimal point or after a word measured in days or a change of a length
//     of time (平均住院日为8.4日, 比上年缩短1日; 12月31日 is a day of the month);
//   - rank: 第5位, 第一名, and a bare 第二 or 首位 after a ranking verb in the
//     same clause (位居全省第二, 排名第3, 居全国首位 → unit 位) or right after
//     a scope, ending its clause (成效考核全国第一；), but not 第一方阵 or
//     全国第一、行业第一的企业.
//
// Some figures are written without a number or a unit of their own:
//
//   - a range is one figure, its value the low end, with Low and High:
//     5%—8%, 85.2%～94.5%, 3至5年, and 24～33微克/立方米 and 1.2—1.5万亿元,
//     where the first end takes the unit and magnitude of the second;
//   - a list of bare numbers after 分别 or 均 shares the unit of its last
//     one: 分别下降0.2、0.6和0.1个百分点 gives three figures in 个百分点;
//   - a bare magnitude after a verb of reaching a level is one of it:
//     旅游总收入突破万亿元 is 1e12 元 (but not 万亿元级产业集群);
//   - an amount with 万 or 亿 and no unit, ending a clause about money, is in
//     元: 项目总预算1170.00万，;
//   - a number of years is a figure after the words of a limit or a term
//     (连续不满六年, 贷款期限不超过3年), elsewhere a year or a span (连续8年);
//   - a power of ten and doubled magnitudes: 10¹⁸次, 一百亿亿次 (1e18);
//     financial numerals with 圆: 壹佰壹拾壹圆整;
//   - a unit per another: 104.5公里/百平方公里, 126.5部/百人, and 6.5万台(套).
//
// A bare number is a quantity in a table (a line of cells split by tabs or
// bars) that gives its unit in a column or a heading: under 产品名称	单位	产量
// 比上年增长(%), the row 水泥	万吨	238.4	-5.7 holds 238.4 (2384000 吨) and -5.7
// (%); under 本年收费金额（单位：万元）, 56.8 is 568000 元. The table ends at the
// first row with another number of cells.
//
// Units are kept as written, traditional forms included (噸, 公頃, 個百分點):
// Find reads the text with traditional characters folded (extract/internal/
// fold), so that its word lists, in words.tsv (word, role, example), hold
// simplified forms only.
// Approx is set by 余 多 inside the text (2500余人次, 200余万元) and by 约 近 超
// 逾 超过 before or 以上 左右 after it, which stay outside the text
// (近1900家次 → "1900家次"). Stray spaces before a magnitude or unit (394.8 亿元,
// 54 场) belong to the text; a footnote marker before a number
// (总值[2]1210207亿元) does not break it. Nor does a PDF line break when a
// word comes before the number and the next line starts with its magnitude
// or with a unit that ends there (收入完成93.6⏎亿元, 办理156⏎件。; Text keeps
// the break), also after a magnitude (结余1.49亿⏎元), but not before a word
// (减免12⏎个人所得税).
//
// # What is not a quantity
//
// Find skips the document numbers and dates that extract passes it (found by
// extract/docnum and extract/date) and masks 《titles》 (also one that a
// line break cuts), the words of a title with a numeral where the text
// writes them again without 《》 (a list of attachments: 附件：2.2025年十五件民盼
// 实事任务分解 after 《2025年十五件民盼实事任务分解》) and short quoted phrases
// (“两个维护”, "十四五") first. It then drops
//
//   - numbers without a unit: years (2024年, 2023 年度), 12345热线, page numbers;
//   - ordinals: 一是, （三）, 1., 第二次, 第一季度, 届 and 次 of sessions
//     (区五届人大七次会议), 三次产业;
//   - codes and ratios: 1+10+30, 5·12, 4.1:46.2:49.7, 5G, PM2.5;
//   - a percentage naming something (5‰人口变动抽样调查), but not 100% before
//     a verb, which says all of it (临床用血100%来自无偿献血);
//   - Chinese numerals in fixed phrases: a lone 一 (一批, 一次) or 二 (二次污染,
//     二期工程: counting says 两), 十分, 三位一体,
//     and a Chinese count up to 二十 followed by a one- or two-character noun
//     (三项制度, 十件实事, 两个维护, 十四个坚持), by a noun naming an idea
//     (八项规定精神, 两个毫不动摇, 三个有利于), a saying (三个不发生), another
//     numeral (两个一百年), a topic (三个方面的问题) or a figure
//     (三项制度相关事项55197件), since official style writes counts in Arabic
//     digits and slogans in Chinese ones;
//     两部地方性法规, 两项立法项目, 法规两部。, a count after a verb that
//     counts its acts (召开两次会议, 开展两轮专项督查) and a count of the
//     《titles》 before it (《A条例》《B条例》两部法规) are still counts;
//   - counts of phases and sessions (期 批 轮 节 门 堂) unless they end the
//     clause or follow such a verb: 举办培训班两期。 is 2 期, 二期工程,
//     南沙港五期, 分三批, 分为两期 are not;
//   - vague numbers: 数十家, 几十个, 数十万元; and multiples: 增长1.3倍 (倍 is
//     not a unit: reports and their tables give growth in %, and labellers
//     leave multiples out);
//   - changes and bounds of rank: 较上年提升3个位次, 前移三个位次, 排名上升5位,
//     进入全省前10名 (a rank is 第N位; places gained are not a count of
//     anything); and an age as a criterion: 年满60周岁的老年人;
//   - bounds of a class and durations describing a noun: 5000万元以上项目,
//     2000万元及以上的工业法人单位 (but 5000家以上的企业 is a count), 24小时服务;
//     a time limit is a figure (20个工作日内完成审核, 压缩至五个工作日以内);
//   - bounds after 超过, 不足, 低于 … that describe a class: an amount before
//     的 and a noun (超50万元的村达到7个), a bound on each of a group
//     (14个村集体经济收入均超过20万元), a floor that things counted just before
//     fall short of (42个所中有17个在编人员不足5人); a bound alone is a figure
//     (接待游客超过120万人次);
//   - points of a scoring scheme (占20分) and the weight of a score (分值占5%);
//     but a cap or floor that a rule sets is a figure, a limit (一般不超过总数的
//     30%, 最高不超过15万元, 原则上不少于40学时; extract/measure marks it a target);
//   - priorities: 放在第一位;
//   - not a single one: 无1人感染, 没有1家企业停产 say none, and give no
//     count (but 未按期完成1项任务 is one task left undone).
package quantity
