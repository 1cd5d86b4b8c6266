//go:build ignore

// make.go writes the 政府信息公开工作年度报告 fixtures of testdata/reports: reports in the national
// format with the quirks real ones have (merged cells, GBK, table 二 printed as one table with band
// rows, the 2019–2020 edition, a misprinted label, a row one cell off, a prose total that disagrees,
// a 总计 printed as 0, table 三 continued without its header), and a statistical bulletin with
// tables. The issuers are real places; every number is invented, drawn from a fixed seed so that
// the reports' own arithmetic holds except where a quirk breaks it.
//
//	go run testdata/forms/make.go && sh testdata/forms/make.sh
package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Row labels of table 三, in the format's order, with their group.
var requestRows = []struct{ group, label string }{
	{"", "一、本年新收政府信息公开申请数量"},
	{"", "二、上年结转政府信息公开申请数量"},
	{"", "（一）予以公开"},
	{"", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
	{"（三）不予公开", "1.属于国家秘密"},
	{"（三）不予公开", "2.其他法律行政法规禁止公开"},
	{"（三）不予公开", "3.危及“三安全一稳定”"},
	{"（三）不予公开", "4.保护第三方合法权益"},
	{"（三）不予公开", "5.属于三类内部事务信息"},
	{"（三）不予公开", "6.属于四类过程性信息"},
	{"（三）不予公开", "7.属于行政执法案卷"},
	{"（三）不予公开", "8.属于行政查询事项"},
	{"（四）无法提供", "1.本机关不掌握相关政府信息"},
	{"（四）无法提供", "2.没有现成信息需要另行制作"},
	{"（四）无法提供", "3.补正后申请内容仍不明确"},
	{"（五）不予处理", "1.信访举报投诉类申请"},
	{"（五）不予处理", "2.重复申请"},
	{"（五）不予处理", "3.要求提供公开出版物"},
	{"（五）不予处理", "4.无正当理由大量反复申请"},
	{"（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"},
	{"（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
	{"（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
	{"（六）其他处理", "3.其他"},
	{"", "（七）总计"},
	{"", "四、结转下年度继续办理"},
}

const (
	rowNew, rowCarried, rowFirstResult, rowOtherOther, rowTotal, rowForward = 0, 1, 2, 22, 23, 24
)

type report struct {
	file, issuer, title, year, signed string
	edition2019                       bool // the 2019–2020 format
	gbk                               bool
	bands                             bool   // table 二 as one table with band rows
	singleOther                       bool   // （六）其他处理 as one row
	misprint                          bool   // labels misprinted and spaced
	commaNumbers                      bool   // 1、 for 1. in （六）
	shiftRow                          int    // a row of table 三 without its empty label cell (0: none)
	proseOff                          int    // the prose total differs from the table by this
	brokenTotal                       bool   // review.total printed as 0
	splitRequests                     int    // table 三 continued after this row, without its header (0: not)
	layoutTable                       bool   // the page laid out in a table around the body
	text                              string // a plain-text report: its tables as "pipes", "spaces" (page-broken) or "cells" (one a line)

	active   [10]int // rules×3, normative×3, licensing, penalty, compulsion, fees (in 万元 ×10)
	requests [25][7]int
	review   [15]int
}

// fill draws the numbers of a report: results by applicant, totals that add up.
func (r *report) fill(seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 2025))
	n := func(max int) int {
		if rng.IntN(3) == 0 {
			return 0
		}
		return rng.IntN(max + 1)
	}
	for i := range 9 {
		r.active[i] = n(60)
	}
	r.active[6], r.active[7], r.active[8] = 1000+rng.IntN(50000), 200+rng.IntN(9000), rng.IntN(900)
	r.active[9] = rng.IntN(900000) // 万元 ×10: one decimal
	for c := range 6 {
		scale := []int{400, 30, 3, 2, 12, 4}[c]
		for row := rowFirstResult; row < rowTotal; row++ {
			if r.singleOther && row < rowOtherOther && row >= rowOtherOther-2 {
				continue
			}
			r.requests[row][c] = n(scale / max(1, row-rowFirstResult+1) * 2)
		}
		total := 0
		for row := rowFirstResult; row < rowTotal; row++ {
			total += r.requests[row][c]
		}
		r.requests[rowTotal][c] = total
		r.requests[rowForward][c] = n(scale / 10)
		r.requests[rowCarried][c] = min(n(scale/10), total+r.requests[rowForward][c])
		r.requests[rowNew][c] = total + r.requests[rowForward][c] - r.requests[rowCarried][c]
	}
	for row := range r.requests {
		sum := 0
		for c := range 6 {
			sum += r.requests[row][c]
		}
		r.requests[row][6] = sum
	}
	for g := range 3 {
		sum := 0
		for k := range 4 {
			r.review[g*5+k] = n(20)
			sum += r.review[g*5+k]
		}
		r.review[g*5+4] = sum
	}
	if r.brokenTotal {
		r.review[4] = 0
	}
}

func main() {
	reports := []*report{
		{file: "xxgk-qingshan-2024.html", issuer: "武汉市青山区人民政府", year: "2024", signed: "2025年1月20日",
			misprint: true, commaNumbers: true, layoutTable: true},
		{file: "xxgk-lanxi-2024-gbk.html", issuer: "兰溪市人民政府", year: "2024", signed: "2025年1月24日",
			gbk: true, bands: true, singleOther: true, shiftRow: rowFirstResult, proseOff: 5, brokenTotal: true},
		{file: "xxgk-baishui-2020.html", issuer: "白水县人民政府", year: "2020", signed: "2021年1月29日",
			edition2019: true, bands: true, singleOther: true},
		{file: "xxgk-yunhe-2024.html", issuer: "云和县人民政府", year: "2024", signed: "2025年1月22日",
			splitRequests: 12},
		{file: "xxgk-pingshan-2024-pipes.txt", issuer: "平山县人民政府", year: "2024", signed: "2025年1月21日", text: "pipes"},
		{file: "xxgk-anxi-2024-spaces.txt", issuer: "安溪县人民政府", year: "2024", signed: "2025年1月23日", text: "spaces"},
		{file: "xxgk-lishui-2024-cells.txt", issuer: "溧水区人民政府", year: "2024", signed: "2025年1月25日", text: "cells"},
	}
	for i, r := range reports {
		r.title = r.issuer + r.year + "年政府信息公开工作年度报告"
		r.fill(uint64(i + 1))
		page := r.html()
		if r.text != "" {
			page = r.plain()
		}
		dir := "testdata/reports"
		if strings.HasPrefix(r.file, "xxgk-yunhe") {
			dir = "testdata/forms" // the source of a DOCX (make.sh)
		}
		body := []byte(page)
		if r.gbk {
			var err error
			if body, err = simplifiedchinese.GBK.NewEncoder().Bytes(body); err != nil {
				panic(err)
			}
		}
		write(filepath.Join(dir, r.file), body)
		g := r.gold()
		if dir == "testdata/forms" {
			g.File = strings.TrimSuffix(r.file, ".html") + ".docx"
		}
		gold, err := json.MarshalIndent(g, "", "  ")
		if err != nil {
			panic(err)
		}
		write(filepath.Join("testdata/forms", strings.TrimSuffix(r.file, filepath.Ext(r.file))+".gold.json"), append(gold, '\n'))
	}
	write("testdata/reports/stats-fengcheng-2024.html", []byte(statsPage))
}

// gold is what a reader of the form should find: the values under their keys, and the checks the
// report breaks (the format of ../shared/eval/tables/*.gold.json).
type gold struct {
	Form         string             `json:"form"`
	Edition      int                `json:"edition"`
	File         string             `json:"file"`
	Values       map[string]float64 `json:"values"`
	FailedChecks []string           `json:"failed_checks"`
	Warnings     int                `json:"warnings"` // how many warnings a reader should give
}

var (
	requestKeys = []string{"new", "carried_over", "granted", "partly_granted", "withheld.state_secret",
		"withheld.prohibited", "withheld.security", "withheld.third_party", "withheld.internal", "withheld.process",
		"withheld.enforcement_file", "withheld.inquiry", "unable.not_held", "unable.needs_creation", "unable.unclear",
		"rejected.petition", "rejected.repeated", "rejected.publication", "rejected.excessive", "rejected.confirmation",
		"other.no_correction", "other.no_fee", "other.other", "result_total", "carried_forward"}
	applicantKeys = []string{"natural", "business", "research", "public_interest", "legal_service", "other_org", "total"}
	reviewKeys    = []string{"upheld", "corrected", "other", "pending", "total"}
)

func (r *report) gold() gold {
	g := gold{Form: "xxgk-annual-report", Edition: 2021, File: r.file, Values: map[string]float64{}, FailedChecks: []string{}}
	a := r.active
	if r.edition2019 {
		g.Edition = 2019
		g.Values["active.rules.issued"], g.Values["active.normative.issued"] = float64(a[0]), float64(a[3])
		g.Warnings++ // keys the 2019 format does not have
	} else {
		for i, k := range []string{"active.rules.issued", "active.rules.repealed", "active.rules.in_force",
			"active.normative.issued", "active.normative.repealed", "active.normative.in_force"} {
			g.Values[k] = float64(a[i])
		}
		g.Values["active.fees.amount"] = float64(a[9]) * 1000 // tenths of 万元 in 元
	}
	g.Values["active.licensing.decisions"], g.Values["active.penalty.decisions"], g.Values["active.compulsion.decisions"] = float64(a[6]), float64(a[7]), float64(a[8])
	for row, rk := range requestKeys {
		for c, ck := range applicantKeys {
			g.Values["requests."+rk+"."+ck] = float64(r.requests[row][c])
		}
	}
	for grp, gk := range []string{"review", "suit_direct", "suit_after_review"} {
		for k, ck := range reviewKeys {
			g.Values[gk+"."+ck] = float64(r.review[grp*5+k])
		}
	}
	if r.brokenTotal {
		g.FailedChecks = append(g.FailedChecks, "review.total = sum of parts")
	}
	if r.singleOther {
		g.Warnings++
	}
	if r.proseOff != 0 {
		g.Warnings++
	}
	return g
}

func write(name string, body []byte) {
	if err := os.WriteFile(name, body, 0o644); err != nil {
		panic(err)
	}
	fmt.Println(name)
}

func (r *report) html() string {
	var b strings.Builder
	charset := "utf-8"
	if r.gbk {
		charset = "gbk"
	}
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n<title>%s</title></head>\n<body>\n", charset, r.title)
	w("<div class=\"header\"><a href=\"/\">首页</a> &gt; <a href=\"/zfxxgk/\">政府信息公开</a> &gt; 年度报告</div>\n")
	if r.layoutTable {
		w("<table width=\"100%%\" class=\"layout\"><tr><td>\n")
	}
	w("<div class=\"article\">\n<h1>%s</h1>\n", r.title)
	w("<p>本报告由%s办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。报告所列统计期限自%s年1月1日至%s年12月31日。</p>\n", r.issuer, r.year, r.year)
	w("<p>一、总体情况</p>\n")
	newTotal := r.requests[rowNew][6] + r.proseOff
	w("<p>（一）主动公开。%s年，%s坚持以公开为常态、不公开为例外，全年主动公开政府信息%d条。</p>\n", r.year, short(r.issuer), 1000+r.active[6]%5000)
	w("<p>（二）依申请公开。本年度共收到政府信息公开申请%d件，均在法定期限内予以答复。</p>\n", newTotal)
	w("<p>（三）政府信息管理。全年清理行政规范性文件%d件。</p>\n", r.active[3]+r.active[4])
	w("<p>二、主动公开政府信息情况</p>\n")
	r.activeTables(w)
	w("<p>三、收到和处理政府信息公开申请情况</p>\n")
	r.requestTable(w)
	w("<p>四、政府信息公开行政复议、行政诉讼情况</p>\n")
	r.reviewTable(w)
	w("<p>五、存在的主要问题及改进情况</p>\n<p>一是政策解读形式还不够丰富；二是基层政务公开标准化规范化建设仍需加强。下一步，我们将加大图解、视频解读力度，持续推进基层政务公开。</p>\n")
	w("<p>六、其他需要报告的事项</p>\n<p>本年度未收取信息处理费。</p>\n")
	w("<p style=\"text-align:right\">%s</p>\n<p style=\"text-align:right\">%s</p>\n</div>\n", r.issuer, r.signed)
	if r.layoutTable {
		w("</td></tr></table>\n")
	}
	w("<div class=\"footer\">版权所有：%s 网站标识码：0000000000</div>\n</body></html>\n", r.issuer)
	return b.String()
}

func short(issuer string) string { return strings.TrimSuffix(issuer, "人民政府") + "政府" }

func cells(vals ...any) string {
	var b strings.Builder
	for _, v := range vals {
		fmt.Fprintf(&b, "<td>%v</td>", v)
	}
	return b.String()
}

// fee writes 万元 with one decimal, or a whole number when it has none.
func fee(tenths int) string {
	if tenths%10 == 0 {
		return fmt.Sprint(tenths / 10)
	}
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

func (r *report) activeTables(w func(string, ...any)) {
	a := r.active
	if r.edition2019 {
		w("<table border=\"1\">\n")
		w("<tr><td colspan=\"4\">第二十条第（一）项</td></tr>\n")
		w("<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>\n")
		w("<tr><td>规章</td>%s</tr>\n", cells(a[0], a[0], a[2]))
		w("<tr><td>规范性文件</td>%s</tr>\n", cells(a[3], a[3], a[5]))
		w("<tr><td colspan=\"4\">第二十条第（五）项</td></tr>\n")
		w("<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>\n")
		w("<tr><td>行政许可</td>%s</tr>\n", cells(86, "+2", a[6]))
		w("<tr><td>其他对外管理服务事项</td>%s</tr>\n", cells(12, "0", 340))
		w("<tr><td colspan=\"4\">第二十条第（六）项</td></tr>\n")
		w("<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>\n")
		w("<tr><td>行政处罚</td>%s</tr>\n", cells(410, "-3", a[7]))
		w("<tr><td>行政强制</td>%s</tr>\n", cells(25, "0", a[8]))
		w("<tr><td colspan=\"4\">第二十条第（八）项</td></tr>\n")
		w("<tr><td>信息内容</td><td>上一年项目数量</td><td colspan=\"2\">本年增/减</td></tr>\n")
		w("<tr><td>行政事业性收费</td><td>14</td><td colspan=\"2\">-1</td></tr>\n")
		w("<tr><td colspan=\"4\">第二十条第（九）项</td></tr>\n")
		w("<tr><td>信息内容</td><td>采购项目数量</td><td colspan=\"2\">采购总金额</td></tr>\n")
		w("<tr><td>政府集中采购</td><td>57</td><td colspan=\"2\">3268.4</td></tr>\n")
		w("</table>\n")
		return
	}
	band := func(item string, cols int) {
		w("<tr><td colspan=\"%d\" style=\"background:#eee\">第二十条第（%s）项</td></tr>\n", cols, item)
	}
	if r.bands {
		w("<table border=\"1\">\n")
		band("一", 4)
		w("<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n")
		w("<tr><td>规章</td>%s</tr>\n<tr><td>行政规范性文件</td>%s</tr>\n", cells(a[0], a[1], a[2]), cells(a[3], a[4], a[5]))
		band("五", 4)
		w("<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>\n")
		w("<tr><td>行政许可</td><td colspan=\"3\">%d</td></tr>\n", a[6])
		band("六", 4)
		w("<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>\n")
		w("<tr><td>行政处罚</td><td colspan=\"3\">%d</td></tr>\n<tr><td>行政强制</td><td colspan=\"3\">%d</td></tr>\n", a[7], a[8])
		band("八", 4)
		w("<tr><td>信息内容</td><td colspan=\"3\">本年收费金额（单位：万元）</td></tr>\n")
		w("<tr><td>行政事业性收费</td><td colspan=\"3\">%s</td></tr>\n", fee(a[9]))
		w("</table>\n")
		return
	}
	w("<p>第二十条第（一）项</p>\n<table border=\"1\">\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n")
	w("<tr><td>规章</td>%s</tr>\n<tr><td>行政规范性文件</td>%s</tr>\n</table>\n", cells(a[0], a[1], a[2]), cells(a[3], a[4], a[5]))
	w("<p>第二十条第（五）项</p>\n<table border=\"1\">\n<tr><td>信息内容</td><td>本年处理决定数量</td></tr>\n<tr><td>行政许可</td><td>%d</td></tr>\n</table>\n", a[6])
	w("<p>第二十条第（六）项</p>\n<table border=\"1\">\n<tr><td>信息内容</td><td>本年处理决定数量</td></tr>\n")
	w("<tr><td>行政处罚</td><td>%d</td></tr>\n<tr><td>行政强制</td><td>%d</td></tr>\n</table>\n", a[7], a[8])
	w("<p>第二十条第（八）项</p>\n<table border=\"1\">\n<tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr>\n")
	w("<tr><td>行政事业性收费</td><td>%s</td></tr>\n</table>\n", fee(a[9]))
}

// label returns a row label as this report prints it.
func (r *report) label(row int) string {
	l := requestRows[row].label
	if r.misprint {
		l = strings.NewReplacer("其他法律行政法规禁止公开", "其他法律行政止公开", "只计这一情形", "只计这一情 形",
			"大量反复申请", "大量反复 申请").Replace(l)
	}
	if r.commaNumbers && requestRows[row].group == "（六）其他处理" {
		l = strings.Replace(l, ".", "、", 1)
	}
	return l
}

func (r *report) requestTable(w func(string, ...any)) {
	head := func() {
		w("<tr><td rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>\n")
		w("<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n")
		w("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n")
	}
	values := func(row int) string {
		var vs []any
		for _, v := range r.requests[row] {
			vs = append(vs, v)
		}
		return cells(vs...)
	}
	results := rowTotal - rowFirstResult + 1 // rows under 三、本年度办理结果, 总计 included
	if r.singleOther {
		results -= 2
	}
	w("<table border=\"1\">\n")
	head()
	groupOpen := ""
	for row := range requestRows {
		if r.singleOther && requestRows[row].group == "（六）其他处理" && row != rowOtherOther {
			continue
		}
		if r.splitRequests != 0 && row == r.splitRequests {
			// The table goes on after a page break, without its header; the
			// merged group cells start again.
			w("</table>\n<p>（续表）</p>\n<table border=\"1\">\n")
			groupOpen = ""
		}
		w("<tr>")
		switch {
		case row == rowNew || row == rowCarried || row == rowForward:
			w("<td colspan=\"3\">%s</td>", r.label(row))
		default:
			if row == rowFirstResult || r.splitRequests != 0 && row == r.splitRequests {
				span := results - (row - rowFirstResult)
				if r.splitRequests != 0 && row < r.splitRequests {
					span = r.splitRequests - rowFirstResult
				}
				w("<td rowspan=\"%d\">三、本年度办理结果</td>", span)
			}
			g := requestRows[row].group
			switch {
			case r.singleOther && row == rowOtherOther:
				w("<td colspan=\"2\">（六）其他处理</td>")
			case g == "":
				if row == r.shiftRow {
					w("<td>%s</td>", r.label(row)) // the empty cell beside it left out
				} else {
					w("<td colspan=\"2\">%s</td>", r.label(row))
				}
			default:
				if g != groupOpen {
					n := 0
					for k := row; k < len(requestRows) && requestRows[k].group == g && (r.splitRequests == 0 || k < r.splitRequests || row >= r.splitRequests); k++ {
						n++
					}
					w("<td rowspan=\"%d\">%s</td>", n, g)
					groupOpen = g
				}
				w("<td>%s</td>", r.label(row))
			}
		}
		w("%s</tr>\n", values(row))
	}
	w("</table>\n")
}

func (r *report) reviewTable(w func(string, ...any)) {
	v := r.review
	w("<table border=\"1\">\n<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>\n<tr>")
	for _, h := range []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"} {
		w("<td rowspan=\"2\">%s</td>", h)
	}
	w("<td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>\n<tr>")
	for range 2 {
		for _, h := range []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"} {
			w("<td>%s</td>", h)
		}
	}
	w("</tr>\n<tr>")
	for _, x := range v {
		w("<td>%d</td>", x)
	}
	w("</tr>\n</table>\n")
}

// statsPage is a page of a statistical bulletin: a product table with a unit in each heading, a
// table whose unit is stated under its caption, and one with a 单位 column, inside a layout table.
const statsPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>丰城市2024年国民经济和社会发展统计公报</title></head>
<body>
<table class="layout" width="100%"><tr><td class="nav"><a href="/">首页</a> | <a href="/tjxx/">统计信息</a></td></tr>
<tr><td>
<h1>丰城市2024年国民经济和社会发展统计公报</h1>
<p>丰城市统计局</p>
<p>一、综合</p>
<p>初步核算，全年地区生产总值682.45亿元，比上年增长5.6%。</p>
<p>二、农业</p>
<p>全年粮食总产量64.12万吨，比上年增长1.8%；油料产量2.36万吨，下降3.1%。</p>
<p>表1　2024年主要农产品产量及其增长速度</p>
<table border="1">
<tr><th>产品</th><th>产量（万吨）</th><th>比上年增长（%）</th></tr>
<tr><td>粮食</td><td>64.12</td><td>1.8</td></tr>
<tr><td>其中：稻谷</td><td>58.97</td><td>2.0</td></tr>
<tr><td>油料</td><td>2.36</td><td>-3.1</td></tr>
<tr><td>蔬菜及食用菌</td><td>71.40</td><td>4.6</td></tr>
<tr><td>水果</td><td>/</td><td>—</td></tr>
</table>
<p>三、财政</p>
<p>全年一般公共预算收入完成46.8亿元。</p>
<p>表2　2024年一般公共预算收支</p>
<p>（单位：万元）</p>
<table border="1">
<tr><td rowspan="2">项目</td><td colspan="2">2024年</td></tr>
<tr><td>预算数</td><td>完成数</td></tr>
<tr><td>一般公共预算收入</td><td>455000</td><td>468000</td></tr>
<tr><td>其中：税收收入</td><td>301000</td><td>296500</td></tr>
<tr><td>一般公共预算支出</td><td>912000</td><td>935600</td></tr>
</table>
<p>四、工业</p>
<p>表3　2024年规模以上工业主要产品产量</p>
<table border="1">
<tr><td>产品名称</td><td>单位</td><td>产量</td><td>比上年增长（%）</td></tr>
<tr><td>水泥</td><td>万吨</td><td>312.5</td><td>-4.2</td></tr>
<tr><td>发电量</td><td>亿千瓦时</td><td>86.3</td><td>7.9</td></tr>
<tr><td>服装</td><td>万件</td><td>1865</td><td>4.4</td></tr>
</table>
<p>注：本公报部分数据为快报数。</p>
<p>丰城市统计局</p>
<p>2025年3月18日</p>
</td></tr></table>
<div class="footer">版权所有：丰城市统计局</div>
</body></html>
`

// plain writes the report as plain text, its tables written as text the way converters and
// copy-paste leave them: Markdown pipes, a grid aligned with spaces broken by page numbers (the
// header not repeated, a label wrapped over two lines), or one cell a line.
func (r *report) plain() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("%s\n\n", r.title)
	w("本报告由%s办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。报告所列统计期限自%s年1月1日至%s年12月31日。\n\n", r.issuer, r.year, r.year)
	w("一、总体情况\n")
	w("（一）主动公开。%s年，%s全年主动公开政府信息%d条。\n", r.year, short(r.issuer), 1000+r.active[6]%5000)
	w("（二）依申请公开。本年度共收到政府信息公开申请%d件，均在法定期限内予以答复。\n", r.requests[rowNew][6])
	w("1. 办理群众咨询%d次；\n2. 更新公开指南2次。\n\n", 300+r.active[7]%100)
	w("二、主动公开政府信息情况\n")
	a := r.active
	small := []struct {
		item    string
		heads   []string
		labels  []string
		figures [][]string
	}{
		{"一", []string{"本年制发件数", "本年废止件数", "现行有效件数"}, []string{"规章", "行政规范性文件"},
			[][]string{{fmt.Sprint(a[0]), fmt.Sprint(a[1]), fmt.Sprint(a[2])}, {fmt.Sprint(a[3]), fmt.Sprint(a[4]), fmt.Sprint(a[5])}}},
		{"五", []string{"本年处理决定数量"}, []string{"行政许可"}, [][]string{{fmt.Sprint(a[6])}}},
		{"六", []string{"本年处理决定数量"}, []string{"行政处罚", "行政强制"}, [][]string{{fmt.Sprint(a[7])}, {fmt.Sprint(a[8])}}},
		{"八", []string{"本年收费金额（单位：万元）"}, []string{"行政事业性收费"}, [][]string{{fee(a[9])}}},
	}
	for _, t := range small {
		w("第二十条第（%s）项\n", t.item)
		heads := append([]string{"信息内容"}, t.heads...)
		switch r.text {
		case "pipes":
			w("| %s |\n|%s\n", strings.Join(heads, " | "), strings.Repeat("---|", len(heads)))
			for i, l := range t.labels {
				w("| %s | %s |\n", l, strings.Join(t.figures[i], " | "))
			}
		case "spaces":
			w("%s\n", strings.Join(heads, "    "))
			for i, l := range t.labels {
				w("%s    %s\n", l, strings.Join(t.figures[i], "    "))
			}
		case "cells":
			w("%s\n", strings.Join(heads, "\n"))
			for i, l := range t.labels {
				w("%s\n%s\n", l, strings.Join(t.figures[i], "\n"))
			}
		}
	}
	w("\n三、收到和处理政府信息公开申请情况\n")
	values := func(row int) []string {
		var vs []string
		for _, v := range r.requests[row] {
			vs = append(vs, fmt.Sprint(v))
		}
		return vs
	}
	note := "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	orgs := []string{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}
	switch r.text {
	case "pipes":
		w("| %s |  |  | 申请人情况 |  |  |  |  |  |  |\n", note)
		w("|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |\n")
		w("|  |  |  |  | %s |  |\n", strings.Join(orgs, " | "))
		w("|%s\n", strings.Repeat("---|", 10))
		group := ""
		for row := range requestRows {
			first, second, third := "", "", ""
			switch {
			case row == rowNew || row == rowCarried || row == rowForward:
				first = r.label(row)
			default:
				if row == rowFirstResult {
					first = "三、本年度办理结果"
				}
				if g := requestRows[row].group; g == "" {
					second = r.label(row)
				} else {
					if g != group {
						second, group = g, g
					}
					third = r.label(row)
				}
			}
			w("| %s | %s | %s | %s |\n", first, second, third, strings.Join(values(row), " | "))
		}
	case "spaces":
		w("%s    申请人情况\n", note)
		w("自然人    法人或其他组织    总计\n")
		w("%s\n", strings.Join(orgs, "    "))
		for row := range requestRows {
			label := r.label(row)
			if g := requestRows[row].group; g != "" && (row == 0 || requestRows[row-1].group != g) {
				w("%s\n", g)
			}
			if row == rowFirstResult {
				w("三、本年度办理结果\n")
			}
			if row == rowFirstResult+1 {
				// The label wrapped inside its cell: its second half under the figures.
				rs := []rune(label)
				w("%s\n%s\n%s\n", string(rs[:17]), strings.Join(values(row), "    "), string(rs[17:]))
				continue
			}
			if row == 12 {
				w("\n— 3 —\n\n") // a page break, the header not repeated
			}
			w("%s    %s\n", label, strings.Join(values(row), "     "))
		}
	case "cells":
		w("%s\n申请人情况\n自然人\n法人或其他组织\n%s\n总计\n", note, strings.Join(orgs, "\n"))
		for row := range requestRows {
			if row == rowFirstResult {
				w("三、本年度办理结果\n")
			}
			if g := requestRows[row].group; g != "" && (row == 0 || requestRows[row-1].group != g) {
				w("%s\n", g)
			}
			w("%s\n%s\n", r.label(row), strings.Join(values(row), "\n"))
		}
	}
	w("\n四、政府信息公开行政复议、行政诉讼情况\n")
	kinds := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	var review []string
	for _, v := range r.review {
		review = append(review, fmt.Sprint(v))
	}
	switch r.text {
	case "pipes":
		w("| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n")
		w("|  |  |  |  |  | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |\n")
		w("| %s | %s | %s |\n|%s\n", strings.Join(kinds, " | "), strings.Join(kinds, " | "), strings.Join(kinds, " | "), strings.Repeat("---|", 15))
		w("| %s |\n", strings.Join(review, " | "))
	case "spaces":
		w("行政复议    行政诉讼\n")
		w("%s    未经复议直接起诉    复议后起诉\n", strings.Join(kinds, "    "))
		w("%s    %s\n", strings.Join(kinds, "    "), strings.Join(kinds, "    "))
		w("%s\n", strings.Join(review, "    "))
	case "cells":
		w("行政复议\n行政诉讼\n%s\n未经复议直接起诉\n复议后起诉\n%s\n%s\n", strings.Join(kinds, "\n"), strings.Join(kinds, "\n"), strings.Join(kinds, "\n"))
		w("%s\n", strings.Join(review, "\n"))
	}
	w("\n五、存在的主要问题及改进情况\n一是政策解读形式还不够丰富；二是基层政务公开标准化规范化建设仍需加强。\n")
	w("六、其他需要报告的事项\n本年度未收取信息处理费。\n\n%s\n%s\n", r.issuer, r.signed)
	return b.String()
}
