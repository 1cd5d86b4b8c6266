package indicator_test

import (
	"fmt"
	"log"

	"github.com/gongwen/gongwen/extract/indicator"
	"github.com/gongwen/gongwen/extract/quantity"
	"github.com/gongwen/gongwen/extract/segment"
)

func ExampleFind() {
	seg, err := segment.DefaultSegmenter()
	if err != nil {
		log.Fatal(err)
	}
	text := "一是加强人民调解。全市受理人民调解案件49545件，调解成功率98.7%。" +
		"全区实现地区生产总值468亿元，增长4.1%。举办培训班12期，我市综合得分居全省第5位。"
	// extract also passes quantity.Find the document numbers and dates it found
	qs := quantity.Find(text)
	for _, in := range indicator.Find(text, qs, seg) {
		fmt.Printf("%s: %v %s (%s)\n", in.Name, in.Value, in.Unit, in.Text)
	}
	// Output:
	// 受理人民调解案件: 49545 件 (49545件)
	// 调解成功率: 98.7 % (98.7%)
	// 地区生产总值: 4.68e+10 元 (468亿元)
	// 地区生产总值增长: 4.1 % (4.1%)
	// 举办培训班: 12 期 (12期)
	// 综合得分全省排名: 5 位 (第5位)
}
