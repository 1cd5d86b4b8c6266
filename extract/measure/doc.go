// Package measure says what a figure of a report measures and how: the
// canonical measure its name stands for, and whether it is a level, a
// change against a base, the baseline of a change, or a target.
//
// # Measures
//
// The vocabulary (measures.tsv: measure, unit, synonyms, example) names each
// measure once, with the other names documents give it: 地区生产总值 is
// also GDP, 生产总值, 全市生产总值 and, for the nation, 国内生产总值;
// 纠错率 is also 行政复议纠错率. Of maps an indicator's name to its measure
// after dropping what says how the figure changed (比上年增长, 同比下降,
// 增速), that it is a plan (目标, 预期) and a leading year or scope
// (2025年, 全市), and nothing else: 人均地区生产总值, 民生支出占一般公共预算支出比重
// and 城镇化率 are measures of their own, never their totals. Lookup maps a
// query's name (GDP) the same way. A name the vocabulary does not know has
// no measure; `gongwen measures --unmapped` lists the most frequent ones of
// an index so that the vocabulary can grow by a line each.
//
// # Level, change, target
//
// Read looks at the clause around each figure: the words between the
// previous figure of the clause (or its start) and the figure, the words
// after it, its sentence and its headings. Word lists are in words.tsv
// (role, word, what it means, example). The rules, in the order they are
// tried, with their examples ({} marks the figure, [] the others):
//
// Change or level (the first rule that matches decides; otherwise a level):
//
//   - rank: 综合得分居全省{第5位} is a level.
//   - baseline: 研发经费投入强度从{2.1%}提高到[2.5%]: the level a change
//     starts from, with its year when written (由2017年的{1,856亿元}增加到…
//     is of 2017).
//   - change to a level: 细颗粒物平均浓度下降到{32微克/立方米}, 稳定在, 控制在:
//     the figure is the level reached.
//   - percentage points: 城镇化率比上年末提高{1.2个百分点} is always a change.
//   - verb of change: 地区生产总值比上年增长{6.1%}, 增幅为, 同比下降: the
//     words before the figure end in a verb or noun of change.
//   - comparison and short verb: 受理案件比上年多{5件}.
//   - difference from a benchmark: 农村居民人均可支配收入高于全省平均水平{1200元}.
//   - growth after the figure: 实现{5.6%}的增长.
//   - list after a change: 城乡居民人均可支配收入分别增长[4.8%]和{6.5%}.
//   - column of changes: a cell under a heading of changes
//     (产品名称	单位	产量	比上年增长(%) over 水泥	万吨	[238.4]	{-5.7}).
//   - name of a change: a table cell whose name the indicator stage made
//     from its column heading (水泥比上年增长).
//
// The base is the comparison nearest the figure: 比上年 → 上年, 同比 →
// 上年同期, 环比 → 上期, 比上年末 → 上年末, 较2022年 → 2022年, 高于全省平均水平 →
// 全省平均水平; "" when the text does not say.
//
// Target (the first rule that matches decides):
//
//   - bound: 城镇调查失业率控制在{5.5%}以内, 不低于, 不超过, 至少 (but not 已控制在).
//   - goal in the sentence: 主要预期目标是：地区生产总值增长{6%}左右; also 力争,
//     确保, 计划, 拟, 预期, but not 计划完成率 or 完成年度目标的, and not after
//     实际 or 已完成 in the same sentence.
//   - year ahead: 到2027年研发投入强度达到{3%}, a year after the report's
//     (到2024年底 in a report on 2024 is a result).
//   - plan section: under a heading such as 二、2025年工作安排, 下一步工作打算 or
//     主要目标, and none such as 完成情况 or 回顾, 新增托位{2000个} is a plan.
//
// A target's year is the last year written in its sentence before it, else
// in its headings.
package measure
