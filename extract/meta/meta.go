// Package meta knows the labels of the 信息公开 metadata block on Chinese
// government pages (索引号, 文号, 成文日期 …) and maps their variants to one key.
package meta

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/gongwen/gongwen/extract/internal/chars"
)

// Canonical metadata keys. Government sites name the same field in many ways
// (../shared/notes/govsites.md §4); documents use one key per field.
const (
	MetaIndexNumber   = "索引号"
	MetaTopic         = "主题分类"
	MetaIssuer        = "发布机构"
	MetaDocNumber     = "文号"
	MetaTitle         = "标题"
	MetaWrittenDate   = "成文日期"
	MetaPublishDate   = "发布日期"
	MetaEffectiveDate = "实施日期"
	MetaExpiryDate    = "废止日期"
	MetaValidity      = "有效性"
	MetaKeywords      = "主题词"
	MetaSource        = "来源"
)

// labelSynonyms maps a label, with padding and colon removed, to its canonical key.
var labelSynonyms = map[string]string{
	"索引号": MetaIndexNumber, "信息索引号": MetaIndexNumber, "索取号": MetaIndexNumber,
	"主题分类": MetaTopic, "分类": MetaTopic, "业务类型": MetaTopic, "信息分类": MetaTopic, "主题类别": MetaTopic,
	"发布机构": MetaIssuer, "发文机关": MetaIssuer, "发文机构": MetaIssuer, "成文机关": MetaIssuer,
	"发布单位": MetaIssuer, "制发机构": MetaIssuer, "发文单位": MetaIssuer, "责任部门": MetaIssuer,
	"公开单位": MetaIssuer, "编制单位": MetaIssuer, "预算主管部门": MetaIssuer, "预算单位": MetaIssuer,
	"发文字号": MetaDocNumber, "文号": MetaDocNumber, "文件编号": MetaDocNumber, "发文号": MetaDocNumber,
	"标题": MetaTitle, "名称": MetaTitle, "文件名称": MetaTitle,
	"成文日期": MetaWrittenDate, "印发日期": MetaWrittenDate, "发文日期": MetaWrittenDate, "成文时间": MetaWrittenDate, "生成日期": MetaWrittenDate,
	"发布日期": MetaPublishDate, "公开日期": MetaPublishDate, "发布时间": MetaPublishDate,
	"更新时间": MetaPublishDate, "公开时间": MetaPublishDate,
	"实施日期": MetaEffectiveDate, "生效日期": MetaEffectiveDate,
	"废止日期": MetaExpiryDate, "失效日期": MetaExpiryDate,
	"有效性": MetaValidity, "时效状态": MetaValidity, "有效期": MetaValidity, "效力状态": MetaValidity,
	"主题词": MetaKeywords, "关键词": MetaKeywords,
	"来源": MetaSource, "信息来源": MetaSource, "文章来源": MetaSource,
	// Kept under their own names: known labels with no synonym.
	"公文时效": "公文时效", "公开方式": "公开方式", "公开形式": "公开形式", "公开范围": "公开范围",
	"公开时限": "公开时限", "联合发文单位": "联合发文单位", "公文种类": "公文种类", "效力级别": "效力级别",
	"责任科室": "责任科室", "体裁分类": "体裁分类", "组配分类": "组配分类", "发布人": "发布人",
}

// Labels returns every label Canonical knows, unpadded.
func Labels() []string {
	out := make([]string, 0, len(labelSynonyms))
	for l := range labelSynonyms {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// dateKeys are the canonical keys whose values are stored as ISO dates.
var dateKeys = map[string]bool{
	MetaWrittenDate: true, MetaPublishDate: true, MetaEffectiveDate: true, MetaExpiryDate: true,
}

// IsDateKey reports whether the canonical metadata key holds a date.
func IsDateKey(key string) bool { return dateKeys[key] }

// Canonical returns the canonical metadata key for a label as printed
// on a page: "索 引 号：", "文　　号:", "分&nbsp;&nbsp; 类" all work.
// ok is false when the text is not a known label.
func Canonical(label string) (key string, ok bool) {
	key, ok = labelSynonyms[squashLabel(label)]
	return key, ok
}

// squashLabel removes padding (ASCII space, U+3000, nbsp, other spaces) and a
// trailing colon from a label.
func squashLabel(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ":：")
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// CleanValue trims padding from a metadata value and treats placeholders
// (无, -, 暂无) as empty.
func CleanValue(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '|' || r == '\\' || r == '/'
	})
	switch v {
	case "无", "-", "—", "暂无", "null", "NULL":
		return ""
	}
	return v
}

// infoLine matches the line of page furniture that sites print under or
// beside a title: 来源：… 发布时间：… 浏览次数：… 字号：[大 中 小] 【打印】,
// or a bare date and time after a space.
var infoLine = regexp.MustCompile(`[\s\x{3000}]+[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s*$|[\s\x{3000}]*(?:(?:[【\[［]\s*)?(?:信息来源|文章来源|来源|发布时间|发布日期|更新时间|发表时间|时间|日期|作者|编辑|责任编辑|浏览次数|浏览量|阅读次数|阅读量|访问次数|点击数|点击量|点击率|字号|字体)\s*[:：]|(?:浏览次数|阅读次数|点击数)|【\s*(?:字体|字号|打印|关闭)|\[\s*(?:打印|关闭)\s*\]).*$`)

// mayHoldInfo reports whether s has what every info line has: a label's
// colon, a bracket, a view count or a date at the end. The check spares the
// regexp, which tries a match at every position of every line a title is
// looked for in.
func mayHoldInfo(s string) bool {
	if chars.ContainsAny(s, ":：【[［") || strings.Contains(s, "次数") || strings.Contains(s, "点击数") {
		return true
	}
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	return strings.HasSuffix(s, "日") || s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// CutInfo removes from a title the info line that a page printed after it
// in the same element: "…的报告 来源：区政府办公室 浏览次数：1362" → "…的报告".
// A text that is nothing but an info line comes back unchanged.
func CutInfo(title string) string {
	if !mayHoldInfo(title) {
		return title
	}
	loc := infoLine.FindStringIndex(title)
	if loc == nil || loc[0] == 0 {
		return title
	}
	cut := strings.TrimSpace(title[:loc[0]])
	open := strings.Count(cut, "（") + strings.Count(cut, "(") - strings.Count(cut, "）") - strings.Count(cut, ")")
	if cut == "" || open > 0 { // 工作要点（时间：全年）: a label inside the title
		return title
	}
	return cut
}
