package quantity_test

import (
	"fmt"

	"github.com/gongwen/gongwen/extract/quantity"
)

func ExampleParseNumber() {
	for _, s := range []string{"16.4亿", "1,100.9亿", "3万4000", "二十万亿", "百分之一点五七"[len("百分之"):], "壹佰贰拾"} {
		v, _ := quantity.ParseNumber(s)
		fmt.Println(s, v.FloatString(2))
	}
	// Output:
	// 16.4亿 1640000000.00
	// 1,100.9亿 110090000000.00
	// 3万4000 34000.00
	// 二十万亿 20000000000000.00
	// 一点五七 1.57
	// 壹佰贰拾 120.00
}

func ExampleParse() {
	q, _ := quantity.Parse("7.62亿余条")
	fmt.Println(q.Value, q.Unit, q.Kind, q.Approx)
	// Output: 7.62e+08 条 count true
}

func ExampleFind() {
	text := "2024年，全市受理案件1,234件，调解成功率98.7%，争取资金1.77亿元，近1900家次媒体参加，居全省第5位。"
	for _, q := range quantity.Find(text) {
		fmt.Printf("%s = %v %s (%s, approx %v)\n", q.Text, q.Value, q.Unit, q.Kind, q.Approx)
	}
	// Output:
	// 1,234件 = 1234 件 (count, approx false)
	// 98.7% = 98.7 % (percent, approx false)
	// 1.77亿元 = 1.77e+08 元 (money, approx false)
	// 1900家次 = 1900 家次 (count, approx true)
	// 第5位 = 5 位 (rank, approx false)
}
