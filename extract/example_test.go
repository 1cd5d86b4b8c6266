package extract_test

import (
	"fmt"
	"log"

	"github.com/gongwen/gongwen/extract"
)

func ExampleExtractor_Extract() {
	report := `索 引 号 | 005190127-0102-2024-00031 |
成文日期 | 2024-01-26 |
开封市人民政府
关于2023年度法治政府建设工作情况的
报 告
汴政文〔2024〕7号
市人大常委会:
一、依法化解矛盾纠纷
受理人民调解案件36218件，调解成功率98.8%。罚没款1.56亿元。
开封市人民政府
2024年1月26日`

	var ex extract.Extractor // loads the shared gse dictionary on first use
	doc, err := ex.Extract(extract.Input{Name: "report.txt", Body: []byte(report)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Issuer, doc.Recipients, doc.ReportYear, doc.Region.Name())
	fmt.Println(doc.DocNumbers[0].Prefix, doc.DocNumbers[0].Year, doc.DocNumbers[0].Serial)
	for _, d := range doc.Dates {
		fmt.Println(d.Value, d.Role)
	}
	for _, in := range doc.Indicators {
		fmt.Printf("%s = %v %s (%s)\n", in.Name, in.Value, in.Unit, in.Text)
	}
	// Output:
	// 开封市人民政府关于2023年度法治政府建设工作情况的报告
	// 开封市人民政府 [市人大常委会] 2023 河南省开封市
	// 汴政文 2024 7
	// 2024-01-26 signed
	// 2024-01-26 signed
	// 受理人民调解案件 = 36218 件 (36218件)
	// 调解成功率 = 98.8 % (98.8%)
	// 罚没款 = 1.56e+08 元 (1.56亿元)
}
