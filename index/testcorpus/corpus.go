// Package testcorpus generates realistic extracted documents — Chinese
// government reports with issuers, years, document numbers, dates and
// indicators whose offsets are right — for tests and benchmarks of the index
// and of what is built on it.
package testcorpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/region"
)

// City is a place that issues reports, with the prefix of its document
// numbers.
type City struct{ Name, Short string }

// Cities are the issuers' places, in a fixed order.
var Cities = []City{
	{"驻马店市", "驻"}, {"郑州市", "郑"}, {"洛阳市", "洛"}, {"南阳市", "宛"},
	{"开封市", "汴"}, {"杭州市", "杭"}, {"宁波市", "甬"}, {"成都市", "成"},
}

// Years are the report years generated.
var Years = []int{2019, 2020, 2021, 2022, 2023, 2024}

// Kinds of generated documents.
var Kinds = []string{"fzzf-report", "gov-work-report", "stats-bulletin", "xxgk-annual-report"}

// writer builds a text and its indicators with rune offsets.
type writer struct {
	b     strings.Builder
	runes int
	doc   *extract.Document
	sect  string
}

func (w *writer) write(s string) {
	w.b.WriteString(s)
	w.runes += utf8.RuneCountInString(s)
}

func (w *writer) heading(h string) {
	w.sect = h
	w.doc.Sections = append(w.doc.Sections, extract.Section{Heading: h, Level: 1, Start: w.runes})
	w.write(h + "\n")
}

// sentence writes a sentence made of parts; a part that is an indicator is
// recorded with its offsets.
func (w *writer) sentence(parts ...any) {
	start := w.runes
	var inds []extract.Indicator
	var plain strings.Builder
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			w.write(p)
			plain.WriteString(p)
		case extract.Indicator:
			p.Start = w.runes
			w.write(p.Text)
			plain.WriteString(p.Text)
			p.End = w.runes
			p.Section = w.sect
			inds = append(inds, p)
		}
	}
	_ = start
	for i := range inds {
		inds[i].Sentence = plain.String()
	}
	w.doc.Indicators = append(w.doc.Indicators, inds...)
}

func ind(name string, value float64, text, unit, kind string) extract.Indicator {
	return extract.Indicator{Name: name, Value: value, Unit: unit, Text: text, Kind: kind}
}

func count(r *rand.Rand, name, unit string, lo, hi int) extract.Indicator {
	n := lo + r.IntN(hi-lo+1)
	return ind(name, float64(n), strconv.Itoa(n)+unit, unit, extract.KindCount)
}

func percent(r *rand.Rand, name string, lo, hi float64) extract.Indicator {
	v := lo + r.Float64()*(hi-lo)
	s := strconv.FormatFloat(v, 'f', 1, 64)
	v, _ = strconv.ParseFloat(s, 64)
	return ind(name, v, s+"%", "%", extract.KindPercent)
}

func money(r *rand.Rand, name string, lo, hi float64) extract.Indicator {
	v := lo + r.Float64()*(hi-lo)
	s := strconv.FormatFloat(v, 'f', 2, 64)
	v, _ = strconv.ParseFloat(s, 64)
	return ind(name, v*1e8, s+"亿元", "元", extract.KindMoney)
}

var topics = []string{"行政执法", "政务公开", "营商环境", "矛盾纠纷化解", "法治宣传", "数字政府", "生态环境保护", "安全生产", "乡村振兴", "城市更新"}

var fillers = []string{
	"坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，",
	"认真落实上级决策部署，统筹推进各项重点工作，",
	"围绕中心、服务大局，持续深化改革创新，",
	"以人民为中心，不断提升群众获得感、幸福感、安全感，",
	"健全工作机制，压实工作责任，强化督导检查，",
}

// Document generates document i of a corpus; the same i and seed give the
// same document.
func Document(i int, seed uint64) *extract.Document {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	city := Cities[r.IntN(len(Cities))]
	year := Years[r.IntN(len(Years))]
	kind := Kinds[r.IntN(len(Kinds))]
	doc := &extract.Document{Kind: kind, ReportYear: year, Metadata: map[string]string{}, Recipients: []string{}}
	var issuer, title, prefix string
	switch kind {
	case "fzzf-report":
		issuer = city.Name + "人民政府"
		title = fmt.Sprintf("%s关于%d年度法治政府建设工作情况的报告", issuer, year)
		prefix = city.Short + "政文"
		doc.Recipients = []string{"省人民政府"}
	case "gov-work-report":
		issuer = city.Name + "人民政府"
		title = fmt.Sprintf("%d年%s政府工作报告", year+1, city.Name)
		prefix = city.Short + "政"
	case "stats-bulletin":
		issuer = city.Name + "统计局"
		title = fmt.Sprintf("%s%d年国民经济和社会发展统计公报", city.Name, year)
		prefix = city.Short + "统"
	default:
		issuer = city.Name + "司法局"
		title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", issuer, year)
		prefix = city.Short + "司"
	}
	doc.Title, doc.Issuer = title, issuer
	if r, ok := region.Resolve(issuer); ok { // as extract.Extractor does
		doc.Region = &r
	}
	serial := 1 + r.IntN(120)
	num := fmt.Sprintf("%s〔%d〕%d号", prefix, year+1, serial)
	signed := time.Date(year+1, time.Month(1+r.IntN(3)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	url := fmt.Sprintf("https://www.example.gov.cn/%s/zwgk/t%s_%d.html", strings.ToLower(kind), signed.Format("20060102"), i)

	w := &writer{doc: doc}
	w.write(title + "\n")
	w.write(num + "\n")
	w.sentence(fmt.Sprintf("%d年，%s", year, fillers[r.IntN(len(fillers))]),
		"全年共", count(r, "召开常务会议", "次", 10, 60), "，研究", topics[r.IntN(len(topics))], "等议题",
		count(r, "研究议题", "项", 20, 200), "。\n")
	n := 3 + r.IntN(4)
	chinese := []string{"一", "二", "三", "四", "五", "六", "七", "八"}
	for s := 0; s < n; s++ {
		topic := topics[r.IntN(len(topics))]
		w.heading(fmt.Sprintf("%s、扎实推进%s工作", chinese[s], topic))
		for p := 0; p < 3+r.IntN(3); p++ {
			w.write(fillers[r.IntN(len(fillers))])
			switch r.IntN(8) {
			case 0:
				w.sentence("受理人民调解案件", count(r, "受理人民调解案件", "件", 1000, 60000), "，调解成功率", percent(r, "调解成功率", 85, 99.9), "。")
			case 1:
				w.sentence("办理行政复议案件", count(r, "办理行政复议案件", "件", 50, 900), "，纠错率", percent(r, "行政复议纠错率", 1, 15), "。")
			case 2:
				w.sentence("全年地区生产总值", money(r, "地区生产总值", 800, 9000), "，比上年增长", percent(r, "地区生产总值增长", 1, 9), "。")
			case 3:
				w.sentence("举办培训班", count(r, "举办培训班", "期", 3, 80), "，培训执法人员", count(r, "培训执法人员", "人次", 200, 9000), "。")
			case 4:
				w.sentence("主动公开政府信息", count(r, "主动公开政府信息", "条", 500, 30000), "，办理依申请公开", count(r, "办理依申请公开", "件", 10, 800), "。")
			case 5:
				w.sentence("一般公共预算收入", money(r, "一般公共预算收入", 50, 900), "，增长", percent(r, "一般公共预算收入增长", 0.5, 12), "。")
			case 6:
				w.sentence("开展", topic, "专项检查", count(r, topic+"专项检查", "次", 5, 300), "，发现并整改问题", count(r, "整改问题", "个", 10, 2000), "。")
			default:
				w.write("不断完善" + topic + "制度体系，推动各项工作取得新成效。")
			}
			w.write("\n")
		}
	}
	w.write(issuer + "\n")
	dateText := fmt.Sprintf("%d年%d月%d日", signed.Year(), signed.Month(), signed.Day())
	dateStart := w.runes
	w.write(dateText)
	doc.Text = w.b.String()
	doc.Dates = []extract.Date{{Text: dateText, Value: signed.Format(time.DateOnly), Role: extract.RoleSigned, Start: dateStart, End: w.runes}}
	titleRunes := utf8.RuneCountInString(title) + 1
	doc.DocNumbers = []extract.DocNumber{{Text: num, Prefix: prefix, Year: year + 1, Serial: serial, Start: titleRunes, End: titleRunes + utf8.RuneCountInString(num)}}
	doc.Metadata["文号"] = num
	doc.Metadata["成文日期"] = signed.Format(time.DateOnly)
	doc.Metadata["发布机构"] = issuer
	doc.IndexNumber = fmt.Sprintf("0594%05d-%04d-%d-%05d", r.IntN(100000), r.IntN(10000), year+1, i)
	doc.Metadata["索引号"] = doc.IndexNumber
	sum := sha256.Sum256([]byte(doc.Text))
	doc.Source = extract.Source{URL: url, ContentType: "text/html", Charset: "utf-8", SHA256: hex.EncodeToString(sum[:])}
	idSum := sha256.Sum256([]byte(url))
	doc.ID = hex.EncodeToString(idSum[:8])
	doc.Sections = append([]extract.Section{}, doc.Sections...)
	doc.Attachments = []extract.Attachment{}
	return doc
}

// Documents generates n documents.
func Documents(n int, seed uint64) []*extract.Document {
	docs := make([]*extract.Document, n)
	for i := range docs {
		docs[i] = Document(i, seed)
	}
	return docs
}
