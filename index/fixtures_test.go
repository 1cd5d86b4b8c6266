package index

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/region"
	"github.com/gongwen/gongwen/index/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the fixture documents in testdata/index")

const fixtureDir = "../testdata/index"

// special documents for the relevance tests, beside 30 generated reports.
type special struct {
	name, title, issuer, kind string
	year                      int
	docNum, signed            string
	text                      string
	indicators                [][3]string // name, text as written, unit; value parsed from text
}

var specials = []special{
	{
		name: "adbc-nongfa", title: "中国农业发展银行驻马店市分行2023年支持乡村振兴工作情况的报告",
		issuer: "中国农业发展银行驻马店市分行", kind: "other", year: 2023, signed: "2024-01-20",
		text: "中国农业发展银行驻马店市分行2023年支持乡村振兴工作情况的报告\n" +
			"2023年，我行坚持服务乡村振兴战略，全年投放粮棉油收储贷款35.6亿元，支持高标准农田建设项目12个。\n" +
			"一、强化政策性金融支持\n全力保障粮食安全，累计支持收购粮食42万吨。\n" +
			"中国农业发展银行驻马店市分行\n2024年1月20日",
		indicators: [][3]string{{"投放粮棉油收储贷款", "35.6亿元", "元"}, {"支持高标准农田建设项目", "12个", "个"}},
	},
	{
		name: "pending-cases", title: "郑州市司法局关于群众来信待处理事项清理情况的通报",
		issuer: "郑州市司法局", kind: "notice", year: 2022, docNum: "郑司〔2023〕7号", signed: "2023-02-10",
		text: "郑州市司法局关于群众来信待处理事项清理情况的通报\n郑司〔2023〕7号\n" +
			"各县（市、区）司法局：\n截至2022年底，全市群众来信待处理事项共186件，已全部建立台账，明确责任单位和办结时限。\n" +
			"郑州市司法局\n2023年2月10日",
		indicators: [][3]string{{"群众来信待处理事项", "186件", "件"}},
	},
	{
		name: "guofa-2024-3", title: "国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见",
		issuer: "国务院", kind: "notice", year: 2024, docNum: "国发〔2024〕3号", signed: "2024-01-16",
		text: "国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见\n国发〔2024〕3号\n" +
			"各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n优化政务服务、提升行政效能，对于更好利企便民具有重要意义。\n" +
			"国务院\n2024年1月16日",
	},
	{
		name: "luoyang-fuyi", title: "洛阳市2023年行政复议工作情况报告",
		issuer: "洛阳市司法局", kind: "fzzf-report", year: 2023, docNum: "洛司〔2024〕2号", signed: "2024-01-28",
		text: "洛阳市2023年行政复议工作情况报告\n洛司〔2024〕2号\n" +
			"2023年，全市行政复议机关认真贯彻落实《国务院关于进一步优化政务服务提升行政效能推动“高效办成一件事”的指导意见》（国发〔2024〕3号），" +
			"全年新收行政复议申请1256件，行政复议决定纠错率8.2%。\n" +
			"洛阳市司法局\n2024年1月28日",
		indicators: [][3]string{{"新收行政复议申请", "1256件", "件"}, {"行政复议决定纠错率", "8.2%", "%"}},
	},
	{
		name: "mediation-committee", title: "南阳市人民调解工作情况通报",
		issuer: "南阳市司法局", kind: "notice", year: 2021, docNum: "宛司〔2022〕11号", signed: "2022-03-05",
		text: "南阳市人民调解工作情况通报\n宛司〔2022〕11号\n" +
			"全市共有人民调解委员会4210个，受理人民调解案件23817件，调解成功率97.3%。\n" +
			"南阳市司法局\n2022年3月5日",
		indicators: [][3]string{{"人民调解委员会", "4210个", "个"}, {"受理人民调解案件", "23817件", "件"}, {"调解成功率", "97.3%", "%"}},
	},
	{
		name: "npc-committee", title: "开封市人民代表大会常务委员会工作报告",
		issuer: "开封市人民代表大会常务委员会", kind: "other", year: 2021, signed: "2022-01-10",
		text: "开封市人民代表大会常务委员会工作报告\n" +
			"过去一年，常务委员会听取审议人民法院关于诉前调解工作情况的报告，推动矛盾纠纷多元化解。\n" +
			"开封市人民代表大会常务委员会\n2022年1月10日",
	},
}

func (s special) document() *extract.Document {
	doc := &extract.Document{
		Kind: s.kind, Title: s.title, Issuer: s.issuer, ReportYear: s.year, Text: s.text,
		Recipients: []string{}, Metadata: map[string]string{"成文日期": s.signed, "发布机构": s.issuer},
		DocNumbers: []extract.DocNumber{}, Sections: []extract.Section{}, Attachments: []extract.Attachment{},
		Indicators: []extract.Indicator{},
	}
	if r, ok := region.Resolve(s.issuer); ok { // as extract.Extractor does
		doc.Region = &r
	}
	url := "https://www.example.gov.cn/special/" + s.name + ".html"
	sum := sha256.Sum256([]byte(url))
	doc.ID = hex.EncodeToString(sum[:8])
	body := sha256.Sum256([]byte(s.text))
	doc.Source = extract.Source{URL: url, ContentType: "text/html", Charset: "utf-8", SHA256: hex.EncodeToString(body[:])}
	runeAt := func(sub string) (int, int) {
		i := strings.Index(s.text, sub)
		if i < 0 {
			panic(fmt.Sprintf("%s: %q not in text", s.name, sub))
		}
		start := utf8.RuneCountInString(s.text[:i])
		return start, start + utf8.RuneCountInString(sub)
	}
	if s.docNum != "" {
		st, en := runeAt(s.docNum)
		var prefix string
		var year, serial int
		fmt.Sscanf(strings.NewReplacer("〔", " ", "〕", " ", "号", "").Replace(s.docNum), "%s %d %d", &prefix, &year, &serial)
		doc.DocNumbers = append(doc.DocNumbers, extract.DocNumber{Text: s.docNum, Prefix: prefix, Year: year, Serial: serial, Start: st, End: en})
		doc.Metadata["文号"] = s.docNum
	}
	var y, m, d int
	fmt.Sscanf(s.signed, "%d-%d-%d", &y, &m, &d)
	dt := fmt.Sprintf("%d年%d月%d日", y, m, d)
	st, en := runeAt(dt)
	doc.Dates = []extract.Date{{Text: dt, Value: s.signed, Role: extract.RoleSigned, Start: st, End: en}}
	for _, in := range s.indicators {
		st, en := runeAt(in[1])
		var v float64
		fmt.Sscanf(in[1], "%g", &v)
		kind := extract.KindCount
		switch {
		case strings.HasSuffix(in[1], "亿元"):
			v, kind = v*1e8, extract.KindMoney
		case strings.HasSuffix(in[1], "%"):
			kind = extract.KindPercent
		}
		doc.Indicators = append(doc.Indicators, extract.Indicator{Name: in[0], Value: v, Unit: in[2], Text: in[1], Kind: kind, Start: st, End: en})
	}
	return doc
}

// fixtureDocs returns the documents of testdata/index, writing them first
// with -update: 30 generated reports and the special documents.
func fixtureDocs(t testing.TB) []*extract.Document {
	t.Helper()
	if *update {
		writeFixtures(t)
	}
	paths, err := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s (run go test ./index -update): %v", fixtureDir, err)
	}
	sort.Strings(paths)
	var docs []*extract.Document
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var doc extract.Document
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, &doc)
	}
	return docs
}

var wroteFixtures bool

func writeFixtures(t testing.TB) {
	if wroteFixtures {
		return
	}
	wroteFixtures = true
	old, _ := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	for _, p := range old {
		os.Remove(p)
	}
	write := func(name string, doc *extract.Document) {
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(fixtureDir, name+".json"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, doc := range testcorpus.Documents(30, 1) {
		write(fmt.Sprintf("report-%02d", i), doc)
	}
	for _, s := range specials {
		write("special-"+s.name, s.document())
	}
}
