package export_test

import (
	"fmt"
	"os"

	"github.com/gongwen/gongwen/export"
	"github.com/gongwen/gongwen/extract"
)

func ExampleNewWriter() {
	doc := &extract.Document{
		ID: "3f9a0c1e5b7d2a44", Title: "驻马店市人民政府关于2024年度法治政府建设工作情况的报告",
		Issuer: "驻马店市人民政府", ReportYear: 2024,
		Indicators: []extract.Indicator{
			{Name: "调解成功率", Value: 98.7, Unit: "%", Text: "98.7%", Kind: "percent",
				Sentence: "受理人民调解案件49545件，调解成功率98.7%。"},
		},
	}
	w, err := export.NewWriter[export.IndicatorRow](os.Stdout, export.JSONL)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range export.IndicatorRows(doc) {
		w.Write(row)
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"doc_id":"3f9a0c1e5b7d2a44","title":"驻马店市人民政府关于2024年度法治政府建设工作情况的报告","issuer":"驻马店市人民政府","region_code":"411700","province_code":"410000","province":"河南省","city_code":"411700","city":"驻马店市","report_year":2024,"indicator":"调解成功率","value":98.7,"unit":"%","approx":false,"kind":"percent","text":"98.7%","sentence":"受理人民调解案件49545件，调解成功率98.7%。","measure":"调解成功率","target":false,"baseline":false}
}

func ExampleCompare() {
	obs := []export.Observation{
		{Name: "调解成功率", Value: 98.2, Unit: "%", Year: 2023, Issuer: "驻马店市人民政府"},
		{Name: "调解成功率", Value: 98.7, Unit: "%", Year: 2024, Issuer: "驻马店市人民政府"},
		{Name: "人民调解成功率", Value: 99, Unit: "%", Approx: true, Year: 2024, Issuer: "金昌市人民政府"},
	}
	export.Compare("调解成功率", obs, export.ByIssuer).WriteText(os.Stdout)
	// Output:
	// 调解成功率 (3 values)
	// 发布机关           2023   2024
	// 金昌市人民政府            ~99%
	// 驻马店市人民政府  98.2%  98.7%
	// matched: 调解成功率 (2), 人民调解成功率 (1)
}
