package identity

import (
	"strings"
	"testing"
)

// benchText is a 政府工作报告 of about 60 KB: a speech header, then
// paragraphs without a signature, so every rule reads to the end.
var benchText = "政府工作报告\n——2024年1月10日在某某县第十八届人民代表大会第四次会议上\n县长　某某\n各位代表：\n" +
	strings.Repeat("过去一年，全县地区生产总值增长5.6%，一般公共预算收入增长6.1%，城乡居民收入稳步增长，我县坚持稳中求进。\n", 600)

func BenchmarkIdentity(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		title, _ := Title(benchText)
		kind, _ := Kind(title, benchText)
		IssuerOf(title, benchText)
		ReportYear(title, benchText, kind, "2024-01-10")
	}
}
