// Package indicator names the quantities of a report: for each number with a
// unit (extract/quantity) it finds what is counted, from the same clause.
//
// A clause runs between ，；：。！？, line breaks, table bars and tabs, and the
// spaces between a heading and its text. Parentheses that hold a
// quantity are a clause of their own (含新制定4件); other parentheses are part
// of the clause and left out of names (审查各县(区)政府…, 地区生产总值(GDP)). The
// rules, in the order they are tried:
//
//  1. Own subject: the words between the start of the clause (or the previous
//     quantity, or the last 、 outside parentheses) and the number.
//     受理人民调解案件49545件 → 受理人民调解案件; 新闻发布会54 场、新闻通气会14场 →
//     新闻通气会. A name that only says what kind of measure it is (涉及…,
//     金额, 资金, 平均) takes the subject of the clause before in the sentence
//     (the name of its last figure, or its words up to a bare number):
//     发现重复领取待遇41人，涉及金额36.7万元 → 发现重复领取待遇涉及金额;
//     三是工程结算不规范，涉及金额42.3万元 → 工程结算不规范涉及金额; money right
//     after a count and its noun is their amount (涉及7个部门1.15亿元 → …涉及金额).
//     A clause left with no words but 完成 takes the last subject counted in
//     the same unit: 12个民生实事项目，总投资5.2亿元，已完成10个 → 民生实事项目完成.
//  2. Noun after a count: for counts and ranks the words after the unit, up
//     to the next quantity or 、, are added. 指导29个重点行政执法系统修订… →
//     指导重点行政执法系统修订…; 137个市重点项目完成投资… → 市重点项目完成投资. With
//     nothing before the number the words after it are the whole name
//     (近1900家次境内外媒体 → 境内外媒体). Words that describe the noun with
//     的 keep it (符合条件的23家企业 → 符合条件的企业). Counts listed before one
//     verb share it: 在11个街道、96个社区设立便民服务站点 → 街道设立便民服务站点,
//     社区设立便民服务站点. Counts joined by 和 (及 与 或) share the verb after
//     them and the words before the first: 对22个市直部门和9个县市区开展法治督察 →
//     市直部门开展法治督察, 县市区开展法治督察; 顾问团由9名律师和3名专家学者组成 →
//     顾问团律师组成, 顾问团专家学者组成: a name never ends in the 和. A share
//     after only a preposition and a place names the noun after it:
//     对全市20%的涉企行政执法案卷进行评查 → 涉企行政执法案卷进行评查.
//     A count after 其中 followed by a verb is a part of the last subject
//     counted in its unit: 作出重大行政决策5项，其中2项举行了听证会 →
//     作出重大行政决策举行了听证会.
//  3. Predicate only: a clause that only says how a figure changed or what
//     share it is (增长, 比上年增长, 占比, 占…的, 提高, 下降, 年均增长, 两年平均增长,
//     比常年偏多), or only for how long (连续5年稳定在85万吨以上), or only from
//     when (由2020年的2,136亿元增加到…, the words after a figure that start a
//     change being no noun), takes the subject of the last quantity of the
//     paragraph that had one,
//     without the comparison: 地区生产总值468亿元，增长4.1% → 地区生产总值增长,
//     but an amount keeps a point in time, against which a stock changes:
//     常住人口40.8万人，比上年末增加0.3万人 → 常住人口比上年末增加 (also 比年初,
//     较上年底; but 城镇化率比上年末提高1.2个百分点 → 城镇化率提高);
//     复议后诉讼案件121件，占比5.6% → 复议后诉讼案件占比; 占一般公共预算收入的70.3% →
//     税收收入占一般公共预算收入. A subject that ends in its own change drops
//     it first: 高技术制造业增加值增长7.4%，占…的比重为71.6% →
//     高技术制造业增加值占…的比重. A comparison inside a clause with its own
//     subject stays: 申请数量较2022年上升29.3% → 申请数量较2022年上升. A
//     share after a copula (为, 是, 相当于 + what it is a share of + 的) takes
//     the subject the same way, and is not a subject itself:
//     收入完成93.6亿元，为预算的101.3%，同比增长3.9% → 收入为预算, 收入增长;
//     完成预算的104.9% says what it measures and stays 完成预算.
//  4. 分别 (respectively): the values of the clause go to as many earlier
//     subjects, in order: 第一产业增加值…、第二产业增加值…，分别增长4.6%和7.7% →
//     第一产业增加值增长, 第二产业增加值增长. Subjects listed in the same clause
//     are split: 出口和进口分别为2.1万亿元和1.4万亿元 → 出口, 进口. Places or
//     tiers before their number of levels qualify the subject before:
//     持证行政执法人员1,279名，县、乡两级分别为862名和417名 → 县级持证行政执法人员,
//     乡级持证行政执法人员.
//  5. Shared value: A和B均为100% gives one indicator per subject, A and B.
//  6. Second figure of the same thing: 培训56场1万余人次 → 培训 (56场) and
//     培训人次 (1万余人次).
//  7. Ranks: a ranking verb before the rank is replaced by 排名:
//     综合得分居全省第5位 → 综合得分全省排名. A rank among peers (在全省16个设区市中
//     排名第2) is of the subject of the clause before: 综合指数为3.62，… →
//     综合指数全省排名; in an evaluation (在全省法治政府建设考核中位列第4名) the
//     evaluation names it.
//  8. Head noun of a list: a short bare noun after two names with the same
//     unit and a common ending gets that ending: 粮食播种面积8884公顷 …
//     油菜籽播种面积667公顷 … 蔬菜7275公顷 → 蔬菜播种面积; not a name of the
//     same kind (合格率…，优良率). The parts of a total listed after 其中 get
//     the total's head after the word they share with it:
//     居民人均可支配收入46,215元，其中城镇居民58,730元 → 城镇居民人均可支配收入.
//  9. Table rows: a figure with no words around it in a row flattened with
//     tabs or bars takes the row's label (自然资源	58	33.7% → 自然资源), passing
//     over a unit column (水泥	万吨	238.4 → 水泥).
//
// Names are cleaned of what does not say what is counted:
//
//   - scope and discourse words at the start: 全市 全区 全县 全年 年末 共 共计
//     累计 共有 其中 包括 含 实现 力争 预计 我市…, years and 截至2023年底, a span
//     of time (市人大二次会议期间), text ordinals (一是, （三）, 1.); 其他 stays
//     (其他文件);
//   - existential verbs at the start (仍有约14%的事项需到现场办理 → 事项需到现场办理);
//   - copulas and qualifiers at the end: 达 达到 为 是 约 近 超过 突破 预计 完成
//     实现 的 均 分别 (but not the 为 or 均 of a word: 行为, 作为, 平均), verbs of a change
//     to a level, since the figure is the level (败诉率下降到4.7% → 败诉率;
//     降至 升至 增至 提高到 压缩至 精简至 控制在 稳定在 保持在 …; 账号由去年的53个精简至29个
//     → 账号, 账号), bounds of a
//     target (不少于 不低于 不超过 至少 保持 …), and a starting
//     point: 地区生产总值由2017年的1,856亿元 → 地区生产总值, 办理时限由法定的
//     20个工作日 → 办理时限;
//   - a share ending a name is not the subject of the figures after it:
//     收入完成预算的102.3%，为45.62亿元，增长6.8% → 收入完成预算, 收入, 收入增长;
//   - a summing adverb inside the name, with a scope of time just before
//     it, the doer kept: 市12345热线共受理群众诉求 → 市12345热线受理群众诉求,
//     柳河县全年共办理… → 柳河县办理… (but 公共, 共享);
//   - a lone preposition before a count whose noun follows, as the figure
//     holds its object: 对23个重点项目开展评价 → 重点项目开展评价, 在8个乡镇… → 乡镇…;
//   - 《titles》 with their conjunctions (制定出台《A》和《B》2部地方性法规 →
//     制定出台地方性法规), quoted examples before 等 (组织“宪法进万家”“法律明白人”等
//     主题活动220余场 → 组织主题活动), footnote markers ([2], ①) and short parentheses,
//     but not those of a level of places (县（市、区）, 村（社区）);
//   - a bare 占 is the share: 其中医院1.8万张，占78.3% → 医院占比;
//   - a share that gives its rate's name in parentheses takes that name:
//     占常住人口比重（常住人口城镇化率）为60.81% → 常住人口城镇化率;
//   - with the segmenter: a leading prepositional phrase when a verb with an
//     object follows (针对重点案件召开56次协调会 → 召开协调会; 被采纳, 按汇率折算
//     and a relative clause, 在民办学校就读的占7.9%, keep theirs), and a
//     pronoun for the issuer (我市, 该区, but not 各县; and without the
//     segmenter 我局, 本机关, 该中心).
//
// A line that stops mid-sentence (after a comma or a word, as PDF text breaks
// at the page edge) passes its subjects and its open clause to the next line
// (受理人民调解⏎案件49545件 → 受理人民调解案件), and the words after its last
// count run on to the next line's first clause mark (对23个重点项⏎目开展评价 →
// 重点项目开展评价); a line that ends a sentence, a heading, or a running
// header of a PDF page (a line without clause marks after a page number
// such as — 2 —, or one that recurs) does not. A sentence runs on over a
// page break: page numbers and running headers between its two halves are
// skipped. A figure cut by a line break
// (收入完成93.6⏎亿元，为预算的101.3%) joins its two lines into one paragraph.
//
// The segmenter (extract/segment) is loaded once per process and shared;
// Find works without it (nil), with slightly rougher names.
package indicator
