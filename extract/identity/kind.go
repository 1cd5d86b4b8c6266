package identity

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// Kinds of documents. The first six are those of ../shared/eval/LABELING.md.
const (
	KindFzzf          = "fzzf-report"        // 法治政府建设年度报告
	KindXxgk          = "xxgk-annual-report" // 政府信息公开工作年度报告
	KindGovWork       = "gov-work-report"    // 政府工作报告
	KindStats         = "stats-bulletin"     // 统计公报, 状况公报
	KindNotice        = "notice"             // 通知, 意见, 决定, 公告 …
	KindOther         = "other"              // nothing else fits
	KindBudget        = "budget"             // 部门预算, 预算执行情况和预算草案的报告
	KindFinalAccounts = "final-accounts"     // 部门决算
	KindAudit         = "audit-report"       // 审计工作报告, 审计结果公告
	KindRegulation    = "regulation"         // 条例, 政府令, 规定/办法 with a 令 number
	KindPlan          = "plan"               // 规划, 实施方案, 行动计划
)

// Kinds lists every kind Kind returns with its names on the web page
// (web/static/app.js shows the same): Chinese and English.
var Kinds = []struct{ Kind, Chinese, English string }{
	{KindFzzf, "法治政府建设年度报告", "rule-of-law report"},
	{KindGovWork, "政府工作报告", "government work report"},
	{KindStats, "统计公报", "statistical bulletin"},
	{KindXxgk, "政府信息公开年度报告", "information disclosure report"},
	{KindBudget, "预算", "budget"},
	{KindFinalAccounts, "决算", "final accounts"},
	{KindAudit, "审计报告", "audit report"},
	{KindRegulation, "法规规章", "regulation"},
	{KindPlan, "规划计划", "plan"},
	{KindNotice, "通知公告", "notice"},
	{KindOther, "其他", "other"},
}

// KindNamed returns the kind a name means: the kind itself (budget), its
// Chinese name (预算) or its English one (final accounts), in any case, or
// a part of one Chinese name only (通知 for 通知公告, 审计 for 审计报告).
func KindNamed(name string) (string, bool) {
	name = strings.TrimSpace(name)
	for _, k := range Kinds {
		if strings.EqualFold(name, k.Kind) || name == k.Chinese || strings.EqualFold(name, k.English) {
			return k.Kind, true
		}
	}
	found := ""
	for _, k := range Kinds {
		if utf8.RuneCountInString(name) >= 2 && strings.Contains(k.Chinese, name) {
			if found != "" {
				return "", false // 报告: several kinds
			}
			found = k.Kind
		}
	}
	return found, found != ""
}

//go:embed kinds.tsv
var kindsTSV string

// kindRule is a row of kinds.tsv.
type kindRule struct {
	name, kind  string
	title, text *pattern // nil when the column is empty
	example     string
}

// kindRules are read on first use: a process that classifies no document
// does not pay for them.
var kindRules = sync.OnceValue(func() []kindRule {
	rules, err := parseKinds(kindsTSV)
	if err != nil {
		panic("identity: kinds.tsv: " + err.Error()) // a build error
	}
	return rules
})

func parseKinds(tsv string) ([]kindRule, error) {
	var out []kindRule
	known := map[string]bool{}
	for _, k := range Kinds {
		known[k.Kind] = true
	}
	for i, row := range strings.Split(strings.TrimSpace(tsv), "\n") {
		if strings.HasPrefix(row, "#") || strings.HasPrefix(row, "rule\t") {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d columns, want rule, kind, title, text, example", i+1, len(f))
		}
		r := kindRule{name: f[0], kind: f[1], example: strings.ReplaceAll(f[4], `\n`, "\n")}
		if !known[r.kind] {
			return nil, fmt.Errorf("line %d: unknown kind %q", i+1, r.kind)
		}
		var err error
		if f[2] != "" {
			if r.title, err = newPattern(f[2]); err != nil {
				return nil, fmt.Errorf("line %d: title: %w", i+1, err)
			}
		}
		if f[3] != "" {
			if r.text, err = newPattern(f[3]); err != nil {
				return nil, fmt.Errorf("line %d: text: %w", i+1, err)
			}
		}
		if r.title == nil && r.text == nil {
			return nil, fmt.Errorf("line %d: rule %s has neither a title nor a text pattern", i+1, r.name)
		}
		out = append(out, r)
	}
	return out, nil
}

// Kind classifies a document by its title and, when no rule fits the title,
// by its text's structure (kinds.tsv). It returns the kind and where it came
// from (SourceTitle, SourceStructure, SourceDefault), or "" for an empty
// document.
func Kind(title, text string) (kind, source string) { return NewText(text).Kind(title) }

// Kind is the package's Kind of the text.
func (t *Text) Kind(title string) (kind, source string) {
	kind, _, source = t.classify(title)
	return kind, source
}

// classify returns the kind with the name of the rule that decided it.
func classify(title, text string) (kind, rule, source string) { return NewText(text).classify(title) }

func (t *Text) classify(title string) (kind, rule, source string) {
	ft := squashSpaces(fold(title))
	text := t.text
	if ft != "" {
		for _, r := range kindRules() {
			if r.title != nil && r.title.MatchString(ft) && (r.text == nil || r.text.MatchString(t.foldedText())) {
				return r.kind, r.name, SourceTitle
			}
		}
	}
	if strings.TrimSpace(text) != "" {
		for _, r := range kindRules() {
			if r.title == nil && r.text.MatchString(t.foldedText()) {
				return r.kind, r.name, SourceStructure
			}
		}
	}
	if ft == "" && strings.TrimSpace(text) == "" {
		return "", "", ""
	}
	return KindOther, "", SourceDefault
}
