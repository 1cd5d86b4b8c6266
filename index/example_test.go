package index_test

import (
	"context"
	"fmt"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

func ExampleIndex_Search() {
	ix, err := index.NewMem()
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	b := ix.NewBatch()
	b.Add(&extract.Document{ID: "a", Title: "郑州市司法局关于群众来信待处理事项清理情况的通报", Issuer: "郑州市司法局", ReportYear: 2022,
		Text:       "截至2022年底，全市群众来信待处理事项共186件。",
		Indicators: []extract.Indicator{{Name: "群众来信待处理事项", Value: 186, Unit: "件", Text: "186件"}}})
	b.Add(&extract.Document{ID: "b", Title: "中国农业发展银行驻马店市分行工作报告", Issuer: "中国农业发展银行驻马店市分行", ReportYear: 2023,
		Text: "支持高标准农田建设项目12个。"})
	if err := b.Commit(); err != nil {
		panic(err)
	}

	res, _ := ix.Search(context.Background(), index.Query{Text: "处理"})
	for _, h := range res.Hits {
		fmt.Println(h.Title)
		fmt.Println(h.Fragments)
	}
	res, _ = ix.Search(context.Background(), index.Query{Text: "农业"})
	fmt.Println(res.Total, res.Hits[0].Issuer)
	res, _ = ix.Search(context.Background(), index.Query{Indicator: "待处理事项>100"})
	fmt.Println(res.Hits[0].Indicators[0].Name, res.Hits[0].Indicators[0].Value)
	res, _ = ix.Search(context.Background(), index.Query{Region: "河南省"}) // or 河南, 410000
	fmt.Println(res.Total, res.Facets["region"])
	res, _ = ix.Search(context.Background(), index.Query{Region: "驻马店"})
	fmt.Println(res.Total, res.Hits[0].Issuer)
	// Output:
	// 郑州市司法局关于群众来信待处理事项清理情况的通报
	// [截至2022年底，全市群众来信待<mark>处理</mark>事项共186件。]
	// 1 中国农业发展银行驻马店市分行
	// 群众来信待处理事项 186
	// 2 [{河南省郑州市 1} {河南省驻马店市 1}]
	// 1 中国农业发展银行驻马店市分行
}
