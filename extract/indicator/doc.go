// Package indicator names the quantities of a report: for each number with a
// unit (extract/quantity) it finds what is counted, from the same clause.
//
// It works in stages, a file each: lines (a line that stops mid-sentence
// runs on), clauses, discourse (what the clauses before say: the subjects
// counted so far, the clause before, a total whose parts follow), the
// naming rules, and clean-up. The words the rules look for are data, in
// words.tsv (word, role, example), simplified only: the text is read with
// traditional characters folded (extract/internal/fold) and names keep the
// characters as written (本地生產總值增長).
//
// A clause runs between ，；：。！？, line breaks, table bars and tabs, and the
// spaces between a heading and its text. Parentheses that hold a
// quantity are a clause of their own (含新制定4件); other parentheses are part
// of the clause and left out of names (审查各县(区)政府…, 地区生产总值(GDP)).
//
// # Words around a figure
//
// The words before a figure run from the start of its clause, the figure
// before, or the last 、 outside parentheses (新闻发布会54 场、新闻通气会14场 →
// 新闻通气会); with the segmenter, an item of a list of counts without a verb
// of its own takes the verb that opens the first item (推送短视频40个、图文65条
// → 推送图文), but not an item with a verb or a predicate of its own (受理申请
// 56件、办结49件 → 办结; 总数达301家) nor one of a list no verb opens
// (…用车0辆、执法执勤用车0辆). For counts and ranks the words after the unit, up to the next
// figure or 、, are the noun counted (指导29个重点行政执法系统修订… →
// 指导重点行政执法系统修订…). Counts listed before one verb share it: 在11个街道、
// 96个社区设立便民服务站点 → 街道设立便民服务站点, 社区设立便民服务站点. Counts
// joined by 和 (及 与 或) share the verb after them and the words before the
// first: 顾问团由9名律师和3名专家学者组成 → 顾问团律师组成, 顾问团专家学者组成: a
// name never ends in the 和. Money right after a count and its noun is their
// amount (涉及7个部门1.15亿元 → …涉及金额). A share that gives its rate's name in
// parentheses takes that name: 占常住人口比重（常住人口城镇化率）为60.81% →
// 常住人口城镇化率.
//
// # Naming rules
//
// The first rule that applies names a figure (gongwen extract --explain says which):
//
//  1. respective: a 分别 clause that lists its own subjects gives one to each
//     value, in order; places or tiers before their number of levels qualify the
//     subject before: 出口和进口分别为2.1万亿元和1.4万亿元。 → 进口 (1.4万亿元).
//  2. rank-after-change: a rank of a change is of the subject that changed:
//     地区生产总值468亿元，增长4.1%，增速居全省第2位。 →
//     地区生产总值增速全省排名 (第2位).
//  3. rank-among-peers: a rank among peers (在全省16个设区市中排名第2) is of
//     the subject of the clause before; in an evaluation the evaluation names
//     it: 综合指数为3.62，在全省16个设区市中排名第2。 → 综合指数全省排名 (第2).
//  4. rank: a ranking verb before a rank is replaced by 排名; a rank among a
//     scope only (居全国首位) is of the subject before: 综合得分居全省第5位。 →
//     综合得分全省排名 (第5位).
//  5. rank-in-scope: a rank right after a scope, with no ranking verb, is
//     ranked in that scope: 污染防治攻坚战成效考核全国第一。 →
//     污染防治攻坚战成效考核全国排名 (第一).
//  6. shared-value: subjects joined before 均为 share one value: one
//     indicator each: 规范性文件合法性审查率和备案率均为100%。 → 备案率 (100%).
//  7. share-after-copula: a share after a copula (为, 是, 相当于 + what it is
//     a share of + 的) is of the subject before:
//     收入完成93.6亿元，为预算的101.3%。 → 收入为预算 (101.3%).
//  8. predicate-of-clause: a change after a clause without a figure that
//     names the same change (项目支出增加，较上年度增加…) is of that clause's
//     subject: 主要原因：项目支出增加，较上年度增加1133.95万元。 → 项目支出增加
//     (1133.95万元).
//  9. predicate: a clause that only says how a figure changed or what share
//     it is takes the subject of the last figure, without the comparison (a
//     stock keeps its point in time: 比上年末); after 分别 the values go to as
//     many subjects before: 地区生产总值468亿元，比上年增长4.1%。 →
//     地区生产总值增长 (4.1%).
//  10. predicate-continued: the second and later values of a predicate
//     (分别增长4.6%和7.7%) take it too:
//     第一产业增加值13亿元、第二产业增加值148亿元，分别增长4.6%和7.7%。 →
//     第二产业增加值增长 (7.7%).
//  11. second-figure: a bare figure right after another is a second figure of
//     the same thing, named with its unit; after a copula
//     (净增3.2万户、突破41万户) it is the level the change reached:
//     开展法治培训56场1万余人次。 → 开展法治培训人次 (1万余人次).
//  12. last-subject: a clause with no words but copulas (达到, 已完成) is of
//     the latest subject counted in the same unit:
//     实施12个民生实事项目，总投资5.2亿元，已完成10个。 → 实施民生实事项目完成
//     (10个).
//  13. held-for-years: a level held for years (连续5年稳定在) is of the
//     subject before: 粮食总产量86.5万吨，连续5年稳定在85万吨以上。 →
//     粮食总产量连续5年 (85万吨).
//  14. part-of-count: a count after 其中 followed by a verb is a part of the
//     last subject counted in its unit:
//     作出重大行政决策5项，其中2项举行了听证会。 → 作出重大行政决策举行了听证会
//     (2项).
//  15. count-of-clause: a figure alone in parentheses after a clause without
//     figures counts what that clause names: 二、县住建局牵头工作（6项） →
//     县住建局牵头工作 (6项).
//  16. noun-after: with nothing before the figure, the words after it are the
//     name: 近1900家次境内外媒体参与报道。 → 境内外媒体参与报道 (1900家次).
//  17. described-noun: words that describe a counted noun with 的 keep it:
//     符合条件的23家企业获得补贴。 → 符合条件的企业获得补贴 (23家).
//  18. count-noun: a count or rank takes the words before it and the noun
//     after it, up to the next figure or 、 (a lone preposition before it goes):
//     指导29个重点行政执法系统修订执法事项清单。 →
//     指导重点行政执法系统修订执法事项清单 (29个).
//  19. share-of-noun: a share after only a preposition and a place names the
//     noun after it: 对全市20%的涉企行政执法案卷进行评查。 →
//     涉企行政执法案卷进行评查 (20%).
//  20. deadline: a time limit before the act it bounds (7个工作日内公开) is
//     that act's 时限: 行政处罚信息均在作出决定之日起7个工作日内公开。 →
//     公开时限 (7个工作日).
//  21. share-of-scope: a share of a scope and a noun after it
//     (全国38.7%的贸易增量) names both:
//     进出口总额9万亿元，贡献了全国38.7%的贸易增量。 → 贡献了全国贸易增量
//     (38.7%).
//  22. bound-of-noun: a bound of a property of a noun
//     (厚度低于0.01毫米的地膜) names the noun's property:
//     禁止生产和使用厚度低于0.01毫米的地膜。 → 地膜厚度 (0.01毫米).
//  23. own-subject: the words between the start of the clause (or the figure
//     before, or the last 、) and the figure:
//     受理人民调解案件49545件，调解成功率98.7%。 → 调解成功率 (98.7%).
//
// # Clean-up
//
// After its rule, a name may change (--explain adds the change after a +):
//
//   - generic: a name that only says what kind of measure it is (涉及…, 金额,
//     资金, 平均) takes the subject of the clause before in the sentence (the
//     name of its last figure, or its words up to a bare number), when that
//     subject is short: 发现重复领取待遇41人，涉及金额36.7万元 →
//     发现重复领取待遇涉及金额;
//   - list-head: a short bare noun after two names with the same unit and a
//     common ending gets that ending: 粮食播种面积8884公顷 … 油菜籽播种面积667公顷 …
//     蔬菜7275公顷 → 蔬菜播种面积; not a name of the same kind (合格率…，优良率),
//     and only when the nearer of the two is in its sentence (公开政府信息320条。
//     …图文65条 is not 图文信息);
//   - part-of-total: the parts of a total listed after 其中 get the total's
//     head after the word they share with it: 居民人均可支配收入46,215元，
//     其中城镇居民58,730元 → 城镇居民人均可支配收入;
//   - row-label: a figure with no words around it in a row flattened with
//     tabs or bars takes the row's label (自然资源	58	33.7% → 自然资源), passing
//     over a unit column (水泥	万吨	238.4 → 水泥);
//   - label-above: a figure alone on its line with no name takes the label of
//     the nearest line above with words, when that is a short label without
//     figures or clause marks, as in a table flattened one cell a line
//     (粮食总产量⏎⏎162817吨 → 粮食总产量; 其中:谷物⏎97658吨 → 谷物).
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
//   - 《titles》 with their conjunctions and a 等 after them (制定出台《A》和《B》2部
//     地方性法规 → 制定出台地方性法规, 开设《A》《B》等专栏 → 开设专栏), quoted examples before 等 (组织“宪法进万家”“法律明白人”等
//     主题活动220余场 → 组织主题活动), footnote markers ([2], ①) and short parentheses,
//     but not those of a level of places (县（市、区）, 村（社区）);
//   - a bare 占 is the share: 其中医院1.8万张，占78.3% → 医院占比;
//   - a share that gives its rate's name in parentheses takes that name:
//     占常住人口比重（常住人口城镇化率）为60.81% → 常住人口城镇化率;
//   - a phrase of purpose or means that a frame verb opens (聚焦 围绕 紧扣 立足
//     依托 … in words.tsv), up to the act counted, the last act verb of
//     words.tsv: 聚焦经济发展、城乡建设等重点领域开设专栏33个 → 开设专栏, 紧扣群众
//     关切发布解读文章9篇 → 发布解读文章; the words stay when no known act follows
//     the phrase's list (…、…等) or a 的 makes it a relative clause;
//   - with the segmenter: a leading prepositional phrase when a verb with an
//     object follows (针对重点案件召开56次协调会 → 召开协调会; 被采纳, 按汇率折算
//     and a relative clause, 在民办学校就读的占7.9%, keep theirs), and a
//     pronoun for the issuer (我市, 该区, but not 各县; and without the
//     segmenter 我局, 本机关, 该中心).
//
// A line that stops mid-sentence (after a comma or a word, as PDF text breaks
// at the page edge) runs on: the lines of a paragraph are read as one text,
// without their line breaks, so that a word, a clause or a parenthesis that
// a break cuts reads whole (受理人民调解⏎案件49545件 → 受理人民调解案件, 对23个重点项⏎
// 目开展评价 → 重点项目开展评价, 扎⏎实推进… → 扎实推进…) and the clauses before a
// figure are those of its sentence (发现重复领取待遇41人，⏎涉及金额36.7万元 →
// 发现重复领取待遇涉及金额). A line that ends a sentence, a heading, or a
// running header of a PDF page (a line without clause marks after a page
// number such as — 2 —, or one that recurs) does not run on, nor does any
// line run into one that starts a heading or an item (二、, （三）, 2.). A
// sentence runs on over a page break: page numbers and running headers
// between its two halves are skipped. A figure cut by a line break
// (收入完成93.6⏎亿元，为预算的101.3%) joins its two lines too. An indicator's
// Sentence is its sentence without the line breaks.
//
// The segmenter (extract/segment) is loaded once per process and shared;
// Find works without it (nil), with slightly rougher names.
package indicator
