package identity_test

import (
	"fmt"

	"github.com/gongwen/gongwen/extract/identity"
)

func Example() {
	text := `政府工作报告
——2023年2月2日在长沙县第十八届人民代表大会第三次会议上
县长　某某
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议。
一、2022年工作回顾`
	title, titleFrom := identity.Title(text)
	kind, kindFrom := identity.Kind(title, text)
	issuer := identity.IssuerOf(title, text)
	year, yearFrom := identity.ReportYear(title, text, kind, "")
	fmt.Println(title, titleFrom)
	fmt.Println(kind, kindFrom)
	fmt.Println(issuer.Place, issuer.Body, issuer.Source)
	fmt.Println(year, yearFrom)
	// Output:
	// 政府工作报告 text
	// gov-work-report title
	// 长沙县 人民政府 speech-header
	// 2023 speech-header
}
