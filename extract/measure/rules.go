package measure

import (
	"strconv"
	"strings"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// rule is one step of reading a figure. Its example marks the figure it is
// about with {} and the other figures of the text with []; want is the
// Reading's String for that figure. name and headings, when set, are the
// figure's Name and Headings in the example.
type rule struct {
	name     string
	example  string
	want     string
	fname    string
	headings []string
	match    func(c *clause, r *Reading) bool
}

// changeRules decide whether a figure is a level, a change or the
// baseline of a change; the first that matches decides, and a figure no
// rule matches is a level.
var changeRules = []rule{
	{name: "rank", example: "综合得分居全省{第5位}", want: "level",
		match: func(c *clause, r *Reading) bool { return c.fig.Rank }},
	{name: "baseline", example: "研发经费投入强度从{2.1%}提高到[2.5%]", want: "baseline",
		match: func(c *clause, r *Reading) bool {
			if k, _ := fromMarks.lastIndex(c.slot); k < 0 {
				return false // the literal fromYear needs
			}
			m := fromYear.FindStringSubmatch(c.slot)
			if m == nil || c.changeStart(c.tail) == "" {
				return false
			}
			r.Baseline = true
			switch y := m[1]; {
			case y == "":
			case y[0] >= '0' && y[0] <= '9':
				r.Year, _ = strconv.Atoi(y[:4])
			case c.reportYear > 0:
				r.Year = c.reportYear - 1 // 由去年的
			}
			return true
		}},
	{name: "change to a level", example: "细颗粒物平均浓度下降到{32微克/立方米}", want: "level",
		match: func(c *clause, r *Reading) bool {
			if _, ok := c.endsWith(c.slot, "level"); ok {
				return true // 稳定在, 控制在
			}
			to, ok := c.endsWith(c.slot, "to")
			if !ok {
				return false
			}
			verb := strings.TrimSuffix(c.slot, to.text)
			if _, rate := c.endsWith(verb, "rate"); rate {
				return false // 增幅为4.6% is a change
			}
			for _, role := range []string{"up", "down", "short-up", "short-down"} {
				if _, ok := c.endsWith(verb, role); ok {
					return true
				}
			}
			return false
		}},
	{name: "percentage points", example: "城镇化率比上年末提高{1.2个百分点}", want: "change up 上年末",
		match: func(c *clause, r *Reading) bool {
			if !isPoints(c.fig.Unit) {
				return false
			}
			dir := c.changeWord(c.pred)
			if _, d := c.benchmark(); dir == "" && d != "" {
				dir = d
			}
			if dir == "" {
				dir = c.shortVerb()
			}
			if dir == "" {
				dir = c.changeWord(c.fig.Name)
			}
			if dir == "" {
				dir = ChangeUp // 比上年多0.3个百分点 says it; a bare difference is up
			}
			r.Change = &Change{Direction: dir, Base: c.base()}
			return true
		}},
	{name: "verb of change", example: "地区生产总值比上年增长{6.1%}", want: "change up 上年",
		match: func(c *clause, r *Reading) bool {
			dir := c.changeWord(c.pred)
			if dir == "" {
				return false
			}
			r.Change = &Change{Direction: dir, Base: c.base()}
			return true
		}},
	{name: "comparison and short verb", example: "受理案件比上年多{5件}", want: "change up 上年",
		match: func(c *clause, r *Reading) bool {
			dir := c.shortVerb()
			if dir == "" || c.comparison(c.before) == "" {
				return false
			}
			r.Change = &Change{Direction: dir, Base: c.base()}
			return true
		}},
	{name: "difference from a benchmark", example: "农村居民人均可支配收入高于全省平均水平{1200元}", want: "change up 全省平均水平",
		match: func(c *clause, r *Reading) bool {
			b, dir := c.benchmark()
			if b == "" {
				return false
			}
			r.Change = &Change{Direction: dir, Base: b}
			return true
		}},
	{name: "growth after the figure", example: "实现{5.6%}的增长", want: "change up",
		match: func(c *clause, r *Reading) bool {
			rest := strings.TrimPrefix(c.tail, "的")
			if rest == c.tail {
				return false
			}
			dir := ""
			if w, ok := c.startsWith(rest, "rate"); ok {
				dir = w.means
			}
			for _, role := range []string{"up", "down"} {
				if _, ok := c.startsWith(rest, role); ok && dir == "" {
					dir = role
				}
			}
			if dir == "" {
				return false
			}
			r.Change = &Change{Direction: dir, Base: c.base()}
			return true
		}},
	{name: "list after a change", example: "城乡居民人均可支配收入分别增长[4.8%]和{6.5%}", want: "change up",
		match: func(c *clause, r *Reading) bool {
			if c.prev == nil || c.prev.Change == nil {
				return false
			}
			ch := *c.prev.Change
			r.Change = &ch
			return true
		}},
	{name: "column of changes", example: "产品名称\t单位\t产量\t比上年增长(%)\n水泥\t万吨\t[238.4]\t{-5.7}", want: "change up 上年",
		match: func(c *clause, r *Reading) bool {
			h := c.columnHeading()
			dir := c.changeWord(strings.TrimRight(h, "(（%％)）"))
			if dir == "" {
				return false
			}
			r.Change = &Change{Direction: dir, Base: c.comparison(h)}
			return true
		}},
	{name: "name of a change", example: "水泥\t万吨\t238.4\t{-5.7%}", fname: "水泥比上年增长", want: "change up 上年",
		match: func(c *clause, r *Reading) bool {
			name := strings.TrimSuffix(c.fig.Name, "目标")
			dir := c.changeWord(name)
			if dir == "" {
				return false
			}
			r.Change = &Change{Direction: dir, Base: c.base()}
			return true
		}},
}

// targetRules decide whether a figure is a target: a goal, plan or limit
// rather than a result. The first that matches decides.
var targetRules = []rule{
	{name: "bound", example: "城镇调查失业率控制在{5.5%}以内", want: "level target",
		match: func(c *clause, r *Reading) bool {
			s := strings.TrimSuffix(strings.TrimSuffix(c.slot, "均"), "分别")
			w, ok := c.endsWith(s, "bound")
			if !ok {
				// 控制在省核定的债务限额231.0亿元以内: the bound before what it bounds
				if !strings.Contains(s, "控制在") {
					return false // the fast search first: LastIndex has none
				}
				k := strings.LastIndex(s, "控制在")
				after := strings.Join(strings.Fields(c.text[c.fig.End:min(len(c.text), c.fig.End+12)]), "")
				if !strings.HasPrefix(after, "以内") && !strings.HasPrefix(after, "以下") {
					return false
				}
				w, s = word{text: "控制在"}, s[:k+len("控制在")]
			}
			_, done := c.endsWith(strings.TrimSuffix(s, w.text), "done")
			return !done
		}},
	{name: "goal in the sentence", example: "主要预期目标是：地区生产总值增长{6%}左右", want: "change up target",
		match: func(c *clause, r *Reading) bool {
			k := c.leadWord(0, "cue", "not-cue")
			return k >= 0 && c.leadWord(k, "reset", "") < 0
		}},
	{name: "year ahead", example: "到2027年研发投入强度达到{3%}", want: "level target 2027",
		match: func(c *clause, r *Reading) bool {
			if c.ahead.endBefore(c.fig.Start) <= c.leadStart {
				return false // no 到 or 至 in the lead: the regexp has no literal to look for first
			}
			ms := futureYear.FindAllStringSubmatchIndex(c.lead, -1)
			if ms == nil {
				return false
			}
			m := ms[len(ms)-1]
			y, _ := strconv.Atoi(c.lead[m[2]:m[3]])
			point := m[4] >= 0 // 到2024年底: a stock at a date
			if c.reportYear > 0 && y <= c.reportYear || c.reportYear == 0 && point {
				return false
			}
			if c.leadWord(m[1], "reset", "") >= 0 {
				return false
			}
			r.Year = y
			return true
		}},
	{name: "plan section", example: "新增托位{2000个}", headings: []string{"二、2025年工作安排"}, want: "level target 2025",
		match: func(c *clause, r *Reading) bool {
			if k := c.sectionKind(); k.result || !k.plan || c.leadWord(0, "reset", "") >= 0 {
				return false
			}
			// 对照上述目标，2024年全市…为17.6%: a result of a past year
			for _, m := range yearWord.FindAllStringSubmatch(titles.ReplaceAllString(c.lead, ""), -1) {
				if y, _ := strconv.Atoi(m[1]); c.reportYear > 0 && y <= c.reportYear {
					return false
				}
			}
			return true
		}},
}

// isPoints reports whether FoldUnit(unit) is 个百分点, without folding the
// units that cannot be: those without 百分, as folding makes no 百 or 分 of
// another character (TestPointsFold).
func isPoints(unit string) bool {
	return strings.Contains(unit, "百分") && FoldUnit(unit) == "个百分点"
}

// columnHeading returns the heading of the table column a figure is in,
// when its line is a row of cells split by tabs or bars: the cell in the
// same column of the nearest line above whose cell there is words, not a
// figure. It returns "" for a figure in prose.
func (c *clause) columnHeading() string {
	mark := c.rows.endBefore(c.fig.Start)
	if mark == 0 || c.text[mark-1] == '\n' {
		return "" // no tab or bar between the line's start and the figure
	}
	lineStart := strings.LastIndexByte(c.text[:mark], '\n') + 1
	col := len(cells(c.text[lineStart:c.fig.Start]))
	end := lineStart - 1
	for n := 0; n < 40 && end > 0; n++ {
		start := strings.LastIndexByte(c.text[:end], '\n') + 1
		line := c.text[start:end]
		end = start - 1
		cs := cells(line)
		if len(cs) <= col || !chars.ContainsAny(line, "\t|｜") {
			if strings.TrimSpace(line) == "" || !chars.ContainsAny(line, "\t|｜") {
				return "" // the table ends
			}
			continue
		}
		if cell := strings.TrimSpace(cs[col]); cell != "" && !chars.ContainsAny(cell[:1], "-－+0123456789.") {
			return cell
		}
	}
	return ""
}

var (
	// fromMarks are what the baseline rule's fromYear needs.
	fromMarks = newMarkSet("从由")
	// aheadMarks are what the year ahead rule's futureYear needs.
	aheadMarks = newMarkSet("到至")
	// rowMarks split the cells of a row of a flattened table, and its lines.
	rowMarks = newMarkSet("\t|｜\n")
)

// cells splits a row of a flattened table at its tabs and bars.
func cells(row string) []string {
	return strings.FieldsFunc(row, func(r rune) bool { return r == '\t' || r == '|' || r == '｜' })
}

// shortVerb returns the direction of a one-character verb (多, 少, 增, 降)
// ending the figure's predicate, or "".
func (c *clause) shortVerb() string {
	for _, role := range []string{"short-up", "short-down"} {
		if _, ok := c.endsWith(c.pred, role); ok {
			if _, not := c.endsWith(c.pred, "not-change"); not {
				return ""
			}
			if role == "short-up" {
				return ChangeUp
			}
			return ChangeDown
		}
	}
	return ""
}

// changeStart returns the direction of a verb of change that s starts
// with (提高到 after 从2.1%), or "".
func (c *clause) changeStart(s string) string {
	for _, role := range []string{"up", "down"} {
		if _, ok := c.startsWith(s, role); ok {
			return role
		}
	}
	return ""
}

// Change directions.
const (
	ChangeUp   = "up"
	ChangeDown = "down"
	ChangeFlat = "flat"
)
