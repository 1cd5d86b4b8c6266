package indicator

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/words"
	"github.com/gongwen/gongwen/extract/quantity"
)

// Stage 4, rules: the ordered naming rules, tried on each figure of a clause.

// A rule names a figure from the words around it and the discourse before
// it. Rules are tried in order and the first that applies names the
// figure: the order is part of their meaning (a rank after a change is
// named by rank-after-change before plain rank gets it).
type rule struct {
	name    string // what --explain reports: own-subject
	about   string // one line for the package doc
	example string // a sentence the rule names a figure of
	figure  string // that figure, as written
	want    string // the name the rule gives it
	// apply returns the names of f (several when subjects share its value)
	// and whether the first is a subject of its own, which later predicates
	// may take; nil when the rule does not apply.
	apply func(p *paragraph, f *figure) (names []string, own bool)
}

// rules are the naming rules, in the order they are tried. The package doc
// lists them (TestRulesDoc keeps it in step), and TestRules names each
// example and checks that its own rule gives the wanted name.
var rules = []rule{
	{"respective", "a 分别 clause that lists its own subjects gives one to each value, in order; places or tiers before their number of levels qualify the subject before",
		"出口和进口分别为2.1万亿元和1.4万亿元。", "1.4万亿元", "进口",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.respective == nil {
				return nil, false
			}
			return p.one(f.respective[f.i]), f.respectiveOwn
		}},
	{"rank-after-change", "a rank of a change is of the subject that changed",
		"地区生产总值468亿元，增长4.1%，增速居全省第2位。", "第2位", "地区生产总值增速全省排名",
		func(p *paragraph, f *figure) ([]string, bool) {
			if !f.rankWithVerb() || !f.isPredicate() || len(p.subjects) == 0 {
				return nil, false
			}
			return p.one(p.subjects[len(p.subjects)-1] + rankName(f.before, "")), false
		}},
	{"rank-among-peers", "a rank among peers (在全省16个设区市中排名第2) is of the subject of the clause before; in an evaluation the evaluation names it",
		"综合指数为3.62，在全省16个设区市中排名第2。", "第2", "综合指数全省排名",
		func(p *paragraph, f *figure) ([]string, bool) {
			if !f.rankWithVerb() {
				return nil, false
			}
			m := amongPeers.FindStringSubmatch(p.text[f.c.start:f.q.Start])
			if m == nil || evaluation.MatchString(m[0]) {
				return nil, false
			}
			s := p.previousSubject(f.q)
			if s == "" {
				return nil, false
			}
			return p.one(s + m[1] + "排名"), false
		}},
	{"rank", "a ranking verb before a rank is replaced by 排名; a rank among a scope only (居全国首位) is of the subject before",
		"综合得分居全省第5位。", "第5位", "综合得分全省排名",
		func(p *paragraph, f *figure) ([]string, bool) {
			if !f.rankWithVerb() {
				return nil, false
			}
			return p.one(rankName(f.before, p.lastSubjectAny())), false
		}},
	{"rank-in-scope", "a rank right after a scope, with no ranking verb, is ranked in that scope",
		"污染防治攻坚战成效考核全国第一。", "第一", "污染防治攻坚战成效考核全国排名",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.q.Kind != quantity.Rank || !rankScope.MatchString(f.before) {
				return nil, false
			}
			return p.one(rankName(f.before, p.lastSubjectAny())), false
		}},
	{"shared-value", "subjects joined before 均为 share one value: one indicator each",
		"规范性文件合法性审查率和备案率均为100%。", "100%", "备案率",
		func(p *paragraph, f *figure) ([]string, bool) {
			return f.sharedBy, false
		}},
	{"share-after-copula", "a share after a copula (为, 是, 相当于 + what it is a share of + 的) is of the subject before",
		"收入完成93.6亿元，为预算的101.3%。", "101.3%", "收入为预算",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.q.Kind != quantity.Percent || !sharePredicate(f.raw, f.before) {
				return nil, false
			}
			return p.one(p.compose(nil, 0, f.before, false)), false
		}},
	{"predicate-of-clause", "a change after a clause without a figure that names the same change (项目支出增加，较上年度增加…) is of that clause's subject",
		"主要原因：项目支出增加，较上年度增加1133.95万元。", "1133.95万元", "项目支出增加",
		func(p *paragraph, f *figure) ([]string, bool) {
			// the clause before first: most have a figure, and isPredicate is the costly check
			if p.prev.subject != "" || p.prev.end <= p.prev.start || !f.isPredicate() {
				return nil, false
			}
			pred, dist := f.predicatePart()
			subject, ok := strings.CutSuffix(clean(p.text[p.prev.start:p.prev.end]), pred)
			if dist || !ok || utf8.RuneCountInString(subject) < 2 || !startsChange(pred) {
				return nil, false
			}
			return p.one(subject + pred), false
		}},
	{"predicate", "a clause that only says how a figure changed or what share it is takes the subject of the last figure, without the comparison (a stock keeps its point in time: 比上年末); after 分别 the values go to as many subjects before",
		"地区生产总值468亿元，比上年增长4.1%。", "4.1%", "地区生产总值增长",
		func(p *paragraph, f *figure) ([]string, bool) {
			if !f.isPredicate() {
				return nil, false
			}
			pred, dist := f.predicatePart()
			if f.q.Kind != quantity.Percent {
				pred = pointInTime(f.before) + pred // 比上年末增加0.3万人: the base of a stock stays
			}
			f.predicate, f.distributive = pred, dist
			if dist {
				f.subjects = lastN(p.subjects, f.n-f.i)
			}
			return p.one(p.compose(f.subjects, 0, pred, f.distributive)), false
		}},
	{"predicate-continued", "the second and later values of a predicate (分别增长4.6%和7.7%) take it too",
		"第一产业增加值13亿元、第二产业增加值148亿元，分别增长4.6%和7.7%。", "7.7%", "第二产业增加值增长",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.before != "" || f.predicate == "" {
				return nil, false
			}
			return p.one(p.compose(f.subjects, f.i, f.predicate, f.distributive)), false
		}},
	{"second-figure", "a bare figure right after another is a second figure of the same thing, named with its unit; after a copula (净增3.2万户、突破41万户) it is the level the change reached",
		"开展法治培训56场1万余人次。", "1万余人次", "开展法治培训人次",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.before != "" || f.after != "" || f.prevName == "" {
				return nil, false
			}
			n := f.prevName
			if levelCopulas[trimSpace(f.raw)] && f.q.Unit == f.prevUnit {
				// 经营主体净增98万户、突破1900万户: a copula before it makes it
				// the level the change reached
				return p.one(withoutChange(n)), true
			}
			if f.q.Unit != f.prevUnit {
				n += f.q.Unit
			}
			return p.one(n), true
		}},
	{"last-subject", "a clause with no words but copulas (达到, 已完成) is of the latest subject counted in the same unit",
		"实施12个民生实事项目，总投资5.2亿元，已完成10个。", "10个", "实施民生实事项目完成",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.before != "" || f.after != "" || len(p.subjects) == 0 {
				return nil, false
			}
			if p.prev == (earlier{}) && p.countedIn(f.q.Unit) == "" {
				return nil, false // a new sentence, and nothing counted in this unit
			}
			n := p.lastSubject(f.q.Unit)
			if strings.Contains(f.raw, "完成") {
				n += "完成"
			}
			return p.one(n), true
		}},
	{"held-for-years", "a level held for years (连续5年稳定在) is of the subject before",
		"粮食总产量86.5万吨，连续5年稳定在85万吨以上。", "85万吨", "粮食总产量连续5年",
		func(p *paragraph, f *figure) ([]string, bool) {
			if len(p.subjects) == 0 || !isPeriod(f.before) {
				return nil, false
			}
			return p.one(withoutChange(p.subjects[len(p.subjects)-1]) + f.before), false
		}},
	{"part-of-count", "a count after 其中 followed by a verb is a part of the last subject counted in its unit",
		"作出重大行政决策5项，其中2项举行了听证会。", "2项", "作出重大行政决策举行了听证会",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.before != "" || f.q.Kind != quantity.Count || !strings.Contains(f.raw, "其中") || !p.startsWithVerb(f.after) {
				return nil, false
			}
			s := p.countedIn(f.q.Unit)
			if s == "" {
				return nil, false
			}
			return p.one(s + f.after), true
		}},
	{"count-of-clause", "a figure alone in parentheses after a clause without figures counts what that clause names",
		"二、县住建局牵头工作（6项）", "6项", "县住建局牵头工作",
		func(p *paragraph, f *figure) ([]string, bool) {
			if !f.c.inParen || f.before != "" || f.after != "" || f.n > 1 || p.prev.subject != "" || p.prev.end <= p.prev.start {
				return nil, false
			}
			if r, _ := decodeRune(p.text[p.prev.end:]); r != '(' && r != '（' {
				return nil, false // the parenthesis follows the clause
			}
			if name := clean(p.text[p.prev.start:p.prev.end]); name != "" {
				return p.one(name), true
			}
			return nil, false
		}},
	{"noun-after", "with nothing before the figure, the words after it are the name",
		"近1900家次境内外媒体参与报道。", "1900家次", "境内外媒体参与报道",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.before != "" {
				return nil, false
			}
			return p.one(f.after), true
		}},
	{"described-noun", "words that describe a counted noun with 的 keep it",
		"符合条件的23家企业获得补贴。", "23家", "符合条件的企业获得补贴",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.q.Kind != quantity.Count || f.after == "" || !strings.HasSuffix(trimSpace(f.raw), "的") {
				return nil, false
			}
			return p.one(f.before + "的" + f.after), true
		}},
	{"count-noun", "a count or rank takes the words before it and the noun after it, up to the next figure or 、 (a lone preposition before it goes)",
		"指导29个重点行政执法系统修订执法事项清单。", "29个", "指导重点行政执法系统修订执法事项清单",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.q.Kind != quantity.Count && f.q.Kind != quantity.Rank {
				return nil, false
			}
			return p.one(p.dropPreposition(f.before, f.after)), f.q.Kind == quantity.Count
		}},
	{"share-of-noun", "a share after only a preposition and a place names the noun after it",
		"对全市20%的涉企行政执法案卷进行评查。", "20%", "涉企行政执法案卷进行评查",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.q.Kind != quantity.Percent || f.after == "" || !strings.HasPrefix(trimSpace(p.text[f.q.End:f.afterEnd]), "的") || !p.onlyPlace(f.before) {
				return nil, false
			}
			return p.one(f.after), true
		}},
	{"deadline", "a time limit before the act it bounds (7个工作日内公开) is that act's 时限",
		"行政处罚信息均在作出决定之日起7个工作日内公开。", "7个工作日", "公开时限",
		func(p *paragraph, f *figure) ([]string, bool) {
			if !deadlineUnits[f.q.Unit] {
				return nil, false
			}
			rest := p.text[f.q.End:f.afterEnd]
			within, ok := words.HasPrefix(rest, withinWords)
			if !ok {
				return nil, false
			}
			act := cleanAfter(rest[len(within):])
			if act == "" || utf8.RuneCountInString(act) > 10 {
				return nil, false
			}
			return p.one(act + "时限"), true
		}},
	{"share-of-scope", "a share of a scope and a noun after it (全国38.7%的贸易增量) names both",
		"进出口总额9万亿元，贡献了全国38.7%的贸易增量。", "38.7%", "贡献了全国贸易增量",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.q.Kind != quantity.Percent || f.after == "" || !strings.HasPrefix(trimSpace(p.text[f.q.End:f.afterEnd]), "的") {
				return nil, false
			}
			if _, ok := words.HasSuffix(f.before, scopes); !ok {
				return nil, false
			}
			return p.one(f.before + f.after), true
		}},
	{"bound-of-noun", "a bound of a property of a noun (厚度低于0.01毫米的地膜) names the noun's property",
		"禁止生产和使用厚度低于0.01毫米的地膜。", "0.01毫米", "地膜厚度",
		func(p *paragraph, f *figure) ([]string, bool) {
			if f.after == "" || !strings.HasPrefix(trimSpace(p.text[f.q.End:f.afterEnd]), "的") {
				return nil, false
			}
			bound, ok := words.HasSuffix(f.raw, boundWords)
			if !ok {
				return nil, false
			}
			property := p.lastWord(clean(strings.TrimSuffix(f.raw, bound)))
			if property == "" {
				return nil, false
			}
			return p.one(f.after + property), true
		}},
	{"own-subject", "the words between the start of the clause (or the figure before, or the last 、) and the figure",
		"受理人民调解案件49545件，调解成功率98.7%。", "98.7%", "调解成功率",
		func(p *paragraph, f *figure) ([]string, bool) {
			return p.one(p.dropPreposition(f.before, "")), true
		}},
}

// one returns name as the names of a figure, as most rules name it, in a
// buffer of p that the next figure reuses: appendClause copies the names.
func (p *paragraph) one(name string) []string {
	p.name[0] = name
	return p.name[:]
}

// figure is what the rules read of one quantity of a clause: the words
// around it, and what the figures before it in the clause left.
type figure struct {
	q        quantity.Quantity
	i, n     int // its place among the n figures of the clause
	c        clause
	raw      string   // the words before it, as written
	before   string   // the same, cleaned
	after    string   // the noun after it, cleaned
	afterEnd int      // where the words after it end
	sharedBy []string // A和B均为: the subjects that share its value
	*clauseState

	// before read as a predicate, once a rule asks: the rules ask in turn
	asPredicate predicateReading
}

// predicateReading is the words before a figure read as a predicate.
type predicateReading struct {
	done         bool
	part         string // predicatePart of the words
	distributive bool   // and whether they had 分别
	is           bool   // isPredicate of the words
}

// readPredicate reads f.before as a predicate, once.
func (f *figure) readPredicate() *predicateReading {
	r := &f.asPredicate
	if !r.done {
		r.part, r.distributive = predicatePart(f.before)
		r.is, r.done = isPredicatePart(r.part), true
	}
	return r
}

// isPredicate is isPredicate(f.before).
func (f *figure) isPredicate() bool {
	return f.readPredicate().is
}

// predicatePart is predicatePart(f.before).
func (f *figure) predicatePart() (pred string, distributive bool) {
	r := f.readPredicate()
	return r.part, r.distributive
}

// clauseState is what the figures of a clause pass on to the next.
type clauseState struct {
	predicate     string   // 增长, 占总人口: shared by the rest of a 分别 clause
	distributive  bool     // the predicate came with 分别
	subjects      []string // for 分别: the subjects the values go to, in order
	prevName      string   // the name of the figure before
	prevUnit      string   // and its unit
	prevBefore    string   // the words before it
	listBefore    string   // the words before the first count of a list of counts
	listHead      string   // the words before the first item of a list split by 、
	respective    []string // 出口和进口分别增长4.2%和1.3%: one subject per value
	respectiveOwn bool
}

// rankWithVerb reports whether f is a rank after a ranking verb: 居全省第5位.
func (f *figure) rankWithVerb() bool {
	return f.q.Kind == quantity.Rank && rankVerb(f.before) >= 0
}

// appendClause names the quantities of one clause, left to right, and
// appends them to out.
func (p *paragraph) appendClause(out []Indicator, c clause, qs []quantity.Quantity) []Indicator {
	p.clause = clauseState{}
	st := &p.clause
	for i, q := range qs {
		f := p.figure(c, qs, i, st)
		var names []string
		own := false // the name has a subject of its own, which later predicates may take
		by := ""
		for k := range rules { // by index: a rule is a large struct to copy
			if names, own = rules[k].apply(p, f); names != nil {
				by = rules[k].name
				break
			}
		}
		if names[0] == "" {
			names[0], own, by = p.rowLabel(q), false, "row-label" // 自然资源	58	33.7%
		}
		if own && generic(names[0]) {
			// 发现重复领取待遇41人，涉及金额36.7万元 → 发现重复领取待遇涉及金额; a
			// longer subject is a report of its own and is left out: 全省自然资源系统
			// 立案查处违法用地违法采矿案件3418件，…，涉及土地面积1.09万亩 → 涉及土地面积
			if s := p.previousSubject(q); s != "" && !strings.Contains(names[0], s) && utf8.RuneCountInString(s) <= 16 {
				names[0] = s + names[0]
				p.borrowed = true
				by += "+generic"
			}
		}
		for k, n := range names {
			if q.Kind == quantity.Percent && strings.HasSuffix(n, "占") {
				names[k] = n + "比" // 其中医院2.64万张，占84.6% → 医院占比: the share it is
			}
		}
		if own && !c.inParen && names[0] != "" {
			if n := p.restoreHead(names[0], q.Unit); n != names[0] {
				names[0], by = n, by+"+list-head"
			}
			if p.parts {
				if n := p.partName(names[0], q.Unit); n != names[0] {
					names[0], by = n, by+"+part-of-total"
				}
			}
			if n := p.ofInstitution(names[0], q.Unit); n != names[0] {
				names[0], by = n, by+"+of-institution"
			}
			subject := names[0]
			if q.Kind == quantity.Percent && strings.HasSuffix(trimSpace(f.raw), "的") {
				subject = withoutShare(subject)
			}
			if subject != "" {
				p.subjects = append(p.subjects, subject)
				p.units = append(p.units, q.Unit)
			}
			switch {
			case institutions[q.Unit] && p.bareNoun(subject):
				p.institution = subject
			case !people[q.Unit]:
				p.institution = "" // 63家成员单位公布…，开展活动280余场，…受众超20万人次
			}
		}
		for _, n := range names {
			out = append(out, Indicator{Quantity: q, Name: n, Sentence: p.sentence(q), Rule: by})
		}
		st.prevName, st.prevUnit = names[0], q.Unit
	}
	return out
}

// figure reads the words around the i-th quantity of a clause, into p.fig.
func (p *paragraph) figure(c clause, qs []quantity.Quantity, i int, st *clauseState) *figure {
	q := qs[i]
	regionStart := c.start
	if i > 0 {
		regionStart = qs[i-1].End
	}
	raw := p.text[regionStart:q.Start]
	afterEnd := c.end
	if i+1 < len(qs) {
		afterEnd = qs[i+1].Start
	}
	after := p.text[q.End:afterEnd]
	if k := listingParen(after); k > 0 {
		after = after[:k] // 5个高频事项（技术合同认定登记、…）涉及到的相关政策文件…
	}
	if k := listComma(after); k >= 0 {
		after = after[:k]
	} else if k := listEnd(after); k > 0 && i+1 < len(qs) {
		after = after[:k] // 22个市直部门和9个县市区: the 和 joins the next count
	}
	after = cleanAfter(after)
	if startsChange(after) && !occasions[q.Unit] {
		// 由2020年的2,136亿元增加到…: a change follows, not a noun (but
		// 两次降低存款准备金率 counts the changes)
		after = ""
	}
	if q.Kind == quantity.Count && after != "" {
		after += p.sharedVerb(qs, i, c.end)
	}

	sharedBy := splitShared(raw)
	joined := false // the count is joined to the one before by 和
	listed := false
	if k := lastListComma(raw); k >= 0 && i > 0 {
		// 发布会54 场、新闻通气会14场: 、 separates the items of a list of
		// figures; before the first figure it is part of the object.
		raw = raw[k+len("、"):]
		listed = true
	} else if i > 0 && listEnd(raw) > 0 {
		raw = "" // 9名律师和3名专家学者: the words before are the last count's noun
		joined = true
	}
	before := clean(raw)
	if q.Kind == quantity.Percent && strings.Contains(raw, "比") { // the regexp only where its 比重 or 比例 may be
		if m := rateAlias.FindStringSubmatch(raw); m != nil {
			before = m[1] // 占常住人口比重（常住人口城镇化率）为60.81%: the rate's own name
		}
	}
	if joined && after != "" && q.Kind == quantity.Count && qs[i-1].Kind == quantity.Count {
		// 法律顾问团由9名律师和3名专家学者组成: the items of a list of
		// counts share the words before the first
		before = st.listBefore
	} else {
		st.listBefore = before
	}
	if listed && q.Kind == quantity.Count && qs[i-1].Kind == quantity.Count {
		before = p.listVerb(st.listHead, raw, before)
	} else if !joined {
		st.listHead = before
	}
	if q.Kind == quantity.Money && i > 0 && qs[i-1].Kind == quantity.Count && after == "" && p.bareNoun(before) {
		// 涉及7个部门1.15亿元: the noun is the count's, the money their amount
		before = st.prevBefore + "金额"
	}
	st.prevBefore = before

	if i == 0 {
		of := ""
		if len(p.subjects) > 0 {
			of = withoutChange(p.subjects[len(p.subjects)-1])
		}
		st.respective, st.respectiveOwn = splitRespective(raw, len(qs), of)
	}
	p.fig = figure{q: q, i: i, n: len(qs), c: c, raw: raw, before: before, after: after, afterEnd: afterEnd,
		sharedBy: sharedBy, clauseState: st}
	return &p.fig
}

// listVerb gives an item of a list of counts the verb that opens the first
// item, when it has none of its own: 推送短视频40个、图文65条 → 推送图文; but
// 受理申请56件、办结49件 has its own verb, 新增企业41家、总量达1198家 its own
// predicate, and in 部级领导干部用车0辆、执法执勤用车0辆、特种专业技术用车0辆 no
// verb opens the list.
func (p *paragraph) listVerb(head, raw, item string) string {
	if p.seg == nil || head == "" || item == "" {
		return item
	}
	raw = trimSpace(raw)
	for _, w := range tailWords {
		if strings.HasSuffix(raw, w) && !partOfWord(raw, w) {
			return item // 总量达1198家: a level stated on its own
		}
	}
	for _, w := range leadWords {
		if strings.HasPrefix(raw, w) {
			return item // 全市公园总数达…, 其中…: not an object of the verb before
		}
	}
	words := p.tag(head)
	if len(words) < 2 || words[0].Pos != "v" || utf8.RuneCountInString(words[0].Text) < 2 {
		return item
	}
	for _, w := range p.tag(item) {
		if strings.HasPrefix(w.Pos, "v") || w.Pos == "x" {
			return item
		}
	}
	return words[0].Text + item
}

// sharedVerb returns the verb phrase after the last count of a list of
// counts in one unit, for the counts before it: 在11个街道、96个社区设立便民服务站点
// gives 设立便民服务站点 to 11个街道 (but 1900家次媒体、2500人次记者参加 are
// two figures of their own).
func (p *paragraph) sharedVerb(qs []quantity.Quantity, i, end int) string {
	if p.seg == nil {
		return ""
	}
	j := i
	for j+1 < len(qs) && qs[j+1].Unit == qs[i].Unit && qs[j+1].Kind == quantity.Count {
		between := trimSpace(p.text[qs[j].End:qs[j+1].Start])
		if listEnd(between) <= 0 {
			break // not 街道、 or 部门和: a noun, then the 、 or 和 before the next count
		}
		j++
	}
	if j == i {
		return ""
	}
	if j+1 < len(qs) {
		end = qs[j+1].Start
	}
	tail := p.text[qs[j].End:end]
	if k := listComma(tail); k >= 0 {
		tail = tail[:k]
	}
	tail = cleanAfter(tail)
	off := 0
	for _, w := range p.tag(tail) {
		if strings.HasPrefix(w.Pos, "v") && off > 0 {
			return tail[off:]
		}
		off += len(w.Text)
	}
	return ""
}

// startsWithVerb reports whether s starts with a verb: 举行了听证会, not 乡镇.
func (p *paragraph) startsWithVerb(s string) bool {
	if p.seg == nil || s == "" {
		return false
	}
	words := p.tag(s)
	return strings.HasPrefix(words[0].Pos, "v")
}

// onlyPlace reports whether s is only a preposition and a place or scope,
// with no verb: 对全市, 在全省.
func (p *paragraph) onlyPlace(s string) bool {
	if p.seg == nil || s == "" {
		return false
	}
	words := p.tag(s)
	if len(words) < 2 || words[0].Pos != "p" {
		return false
	}
	for _, w := range words[1:] {
		if strings.HasPrefix(w.Pos, "v") {
			return false
		}
	}
	return true
}

// bareNoun reports whether s is only nouns: 部门 in 涉及7个部门1.15亿元.
func (p *paragraph) bareNoun(s string) bool {
	if p.seg == nil || s == "" {
		return false
	}
	for _, w := range p.tag(s) {
		if !strings.HasPrefix(w.Pos, "n") {
			return false
		}
	}
	return true
}

// comparison opens a change against a base: 比上年, 较上年同期, 比2022年末, 同比.
var comparison = regexp.MustCompile(`^(?:(?:比|较|与)(?:上一?年度|上一度|上年|去年|上一年|年初|常年|[0-9０-９]{4}\s*年度?)(?:同期|末|底|初)?(?:相比)?|同比|环比)`)

// comparisonStarts are the characters a comparison starts with.
var comparisonStarts = chars.NewSet("比较与同环")

// comparisonAt returns where the comparison opening s is, or nil. The
// regexp runs only on words that start as a comparison does: most do not.
func comparisonAt(s string) []int {
	if r, _ := decodeRune(s); !comparisonStarts.Has(r) {
		return nil
	}
	return comparison.FindStringIndex(s)
}

// pointInTime returns the comparison of s with a point in time — 比上年末,
// 比年初, 较上年底 — or "". An amount of a stock (population, deposits)
// changes against a date, which its name keeps: 常住人口比上年末增加; a flow
// changes against last year and a rate is a rate, which go without saying:
// 地区生产总值增长, 城镇化率提高.
func pointInTime(s string) string {
	for _, w := range distributives {
		s = strings.TrimPrefix(s, w)
	}
	loc := comparisonAt(s)
	if loc == nil {
		return ""
	}
	c := strings.TrimSuffix(s[:loc[1]], "相比")
	if r, _ := decodeLastRune(c); strings.ContainsRune("末底初", r) {
		return c
	}
	return ""
}

// startsChange reports whether s starts with a verb of change of two or more
// characters (增加到2024年的, 下降3.2%) or of a cut to a level (精简至29个;
// 压减低效资金 alone is an act with its own object).
func startsChange(s string) bool {
	first, _ := decodeRune(s)
	if changeStarts.Has(first) {
		for _, v := range changeVerbs {
			if strings.HasPrefix(s, v) && len(v) > len("增") {
				return true
			}
		}
	}
	if !cutStarts.Has(first) {
		return false
	}
	_, ok := words.HasPrefix(s, cutsTo)
	return ok
}

// cutStarts are the characters a word of cutsTo starts with.
var cutStarts = firstChars(cutsTo)

// isPeriod reports whether s is a period and nothing else: 连续5年.
func isPeriod(s string) bool {
	loc := periodAt(s)
	return loc != nil && loc[0] == 0 && loc[1] == len(s)
}

// period opens a predicate over several years: 两年平均增长, 近五年年均增长.
var period = regexp.MustCompile(`^(?:近|连续)?[0-9两二三四五六七八九十]+年(?:来)?(?:平均)?`)

// periodAt returns where the period opening s is, or nil. The regexp runs
// only where its 年 is.
func periodAt(s string) []int {
	if !strings.Contains(s, "年") {
		return nil
	}
	return period.FindStringIndex(s)
}

// changeStarts are the characters a verb of change starts with.
var changeStarts = firstChars(changeVerbs)

// isPredicate reports whether a clause has no subject of its own but only a
// change or share: 增长, 比上年增长, 分别增长, 占比, 占总人口的, 两年平均增长.
func isPredicate(s string) bool {
	pred, _ := predicatePart(s)
	return isPredicatePart(pred)
}

// isPredicatePart is isPredicate of what predicatePart leaves of a clause.
func isPredicatePart(pred string) bool {
	if loc := periodAt(pred); loc != nil {
		pred = pred[loc[1]:]
	}
	if first, _ := decodeRune(pred); changeStarts.Has(first) {
		for _, v := range changeVerbs {
			if pred == v || strings.HasPrefix(pred, v) && utf8.RuneCountInString(v) > 1 {
				return true // 增 and 降 alone, but not 减税降费
			}
		}
	}
	return strings.HasPrefix(pred, "占")
}

// predicatePart strips 分别 and comparisons: 分别比上年增长 → 增长, distributive.
func predicatePart(s string) (pred string, distributive bool) {
	for changed := true; changed; {
		changed = false
		for _, w := range distributives {
			if strings.HasPrefix(s, w) {
				s, changed, distributive = s[len(w):], true, true
			}
		}
		if loc := comparisonAt(s); loc != nil && loc[1] > 0 {
			s, changed = s[loc[1]:], true
		}
	}
	return strings.TrimSuffix(s, "的"), distributive
}

// shareVerbs are copulas that open a clause giving a figure as a share of
// something: 为预算的, 是上年同期的. 完成预算的 says what it measures by itself.
var shareVerbs = lists.Of("share-copula")

// sharePredicate reports whether the words before a percentage are a share
// without a subject of their own: 为预算的, 为调整预算的, 是上年同期的. raw is
// the text as written, name the cleaned words.
func sharePredicate(raw, name string) bool {
	if !strings.HasSuffix(trimSpace(raw), "的") {
		return false
	}
	for _, v := range shareVerbs {
		if strings.HasPrefix(name, v) && len(name) > len(v) {
			return true
		}
	}
	return false
}

// withoutShare returns the subject of a name that ends in a share: 收入完成预算
// (of 收入完成预算的102.3%，为45.62亿元，增长6.8%) → 收入; 完成调整预算 → "".
// The figures after it are of the subject, not of the share.
func withoutShare(name string) string {
	k := -1
	for _, v := range shareOf {
		if i := strings.LastIndex(name, v); i > k && !partOfWord(name[:i+len(v)], v) {
			k = i
		}
	}
	if k < 0 {
		return name
	}
	return name[:k]
}

// sharedEnds are the last characters of the words of sharedBy.
var sharedEnds = lastChars(sharedBy)

// splitShared splits "合法性审查率和备案率均为" into the subjects that share one value.
func splitShared(raw string) []string {
	s := trimSpace(raw)
	if last, _ := decodeLastRune(s); !sharedEnds.Has(last) {
		return nil // most words: no word of sharedBy ends them
	}
	found := false
	for _, w := range sharedBy {
		if strings.HasSuffix(s, w) {
			s, found = strings.TrimSuffix(s, w), true
			break
		}
	}
	if !found {
		return nil
	}
	parts := conjunction.Split(s, -1)
	if len(parts) < 2 {
		return nil
	}
	var names []string
	for _, part := range parts {
		n := clean(part)
		if utf8.RuneCountInString(n) < 2 {
			return nil
		}
		names = append(names, n)
	}
	return names
}

// splitRespective splits "出口和进口分别为" or "出口和进口分别增长" into one
// name per value of the clause (出口, 进口 or 出口增长, 进口增长). It needs as
// many subjects as values, each of two or more characters, so that
// 城乡居民人均可支配收入分别增长 stays whole. own is false when the names end
// in a change.
//
// Places or tiers listed before their number of levels qualify of, the
// subject before them: 持证行政执法人员1,279名，县、乡两级分别为862名和417名 →
// 县级持证行政执法人员, 乡级持证行政执法人员.
func splitRespective(raw string, values int, of string) (names []string, own bool) {
	if values < 2 || !strings.Contains(raw, "分别") {
		return nil, false // a fast search first: strings.LastIndex hashes every byte
	}
	k := strings.LastIndex(raw, "分别")
	if k <= 0 {
		return nil, false
	}
	subjects, pred := raw[:k], clean(raw[k+len("分别"):])
	own = true
	if isPredicate(pred) {
		pred, _ = predicatePart(pred)
		own = false
	} else if pred != "" {
		return nil, false // 分别召开…: not a list of values
	}
	parts := conjunction.Split(clean(subjects), -1)
	if m := ordinals.FindStringSubmatch(clean(subjects)); m != nil {
		// 第一、二、三产业对经济增长的贡献率: the ordinals share what follows them
		parts = nil
		for _, o := range strings.Split(m[1], "、") {
			parts = append(parts, "第"+o+m[2])
		}
	} else if m := levels.FindStringSubmatch(clean(subjects)); m != nil && of != "" {
		parts = strings.Split(m[1], "、")
		for k := range parts {
			parts[k] += "级" + of
		}
	}
	if len(parts) != values {
		return nil, false
	}
	parts = parallel(parts)
	for _, part := range parts {
		n := clean(part)
		if utf8.RuneCountInString(n) < 2 {
			return nil, false
		}
		names = append(names, n+pred)
	}
	return names, own
}

// parallel gives parallel modifiers before one noun the noun: 城镇、农村居民
// 人均消费支出 → 城镇居民人均消费支出, 农村居民人均消费支出. The items before the
// last are all as long as the last one's first word.
func parallel(parts []string) []string {
	last := []rune(parts[len(parts)-1])
	k := utf8.RuneCountInString(parts[0])
	if k < 2 || len(last) < k+2 {
		return parts
	}
	for _, p := range parts[:len(parts)-1] {
		if utf8.RuneCountInString(p) != k {
			return parts
		}
	}
	head := string(last[k:])
	out := make([]string, len(parts))
	for i, p := range parts[:len(parts)-1] {
		out[i] = p + head
	}
	out[len(parts)-1] = string(last)
	return out
}

// rankVerbs introduce a bare rank: 位居全省第二, 排名第3.
var rankVerbs = lists.Of("rank-verb")

// rankVerb returns where the ranking verb of s starts, or -1; the verb must
// be near the end (居全省, 排名全市; a verb of two characters may name a
// longer ranking: 位居全国百强县投资潜力) so that 居民 or 列入 earlier do not
// count.
func rankVerb(s string) int {
	for _, v := range rankVerbs {
		limit := 6
		if utf8.RuneCountInString(v) > 1 {
			limit = 12
		}
		if k := strings.LastIndex(s, v); k >= 0 && utf8.RuneCountInString(s[k+len(v):]) <= limit {
			return k
		}
	}
	return -1
}

// rankName turns 总办件量位居全省 into 总办件量全省排名, and 区域创新能力连续8年全国
// (第一) into 区域创新能力全国排名. subject is what the rank is of when the
// words before the ranking say nothing (连续34年居全国 after 地方一般公共预算收入
// 1.35万亿元; 总量均居全国); a ranking that names itself (位居全国百强县投资潜力)
// needs none.
func rankName(s, subject string) string {
	k := rankVerb(s)
	of, scope := s, ""
	for _, v := range rankVerbs {
		if k >= 0 && strings.HasPrefix(s[k:], v) {
			of, scope = s[:k], s[k+len(v):]
			break
		}
	}
	if k < 0 {
		// 成效考核全国 (第一): no verb, the scope ends the words
		if loc := rankScope.FindStringIndex(s); loc != nil {
			of, scope = s[:loc[0]], s[loc[0]:]
		}
	}
	of = clean(rankSpan.ReplaceAllString(of, ""))
	if (of == "" || rankGeneric[of]) && scopeOnly.MatchString(scope) {
		of = subject
	}
	return of + scope + "排名"
}

var (
	// rankSpan is how long or how a rank has held: 连续34年, 稳, 跃.
	rankSpan = regexp.MustCompile(`(?:连续|已连续)?[0-9两二三四五六七八九十]+年|多年来?|稳$|跃$|均$|仍$|继续$`)
	// rankScope is a scope that a bare rank ends: 全国, 全省, 全球城市.
	rankScope = regexp.MustCompile(`(?:全国|全省|全市|全球|全区|全县|全州|世界)[^，。；]{0,4}$`)
	// scopeOnly is a scope that says among what, not in which ranking.
	scopeOnly = regexp.MustCompile(`^(?:全国|全省|全市|全球|全区|全县|全州|世界|省内|国内|同类城市)(?:各?(?:城市|省份|省区市|地市|县区|县市区|同类城市)|区域碳市场)?$`)
	// rankGeneric are subjects that only point back: 总量均居全国第一.
	rankGeneric = lists.Set("rank-generic")
)
