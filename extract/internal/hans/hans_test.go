package hans

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2023年縉云縣國民經濟和社會發展統計公報", "2023年缙云县国民经济和社会发展统计公报"},
		{"嵐山市衛生健康委員會", "岚山市卫生健康委员会"},
		{"長沙縣人民政府關於2024年度法治政府建設情況的報告", "长沙县人民政府关于2024年度法治政府建设情况的报告"},
		{"already simplified 周口市统计局", "already simplified 周口市统计局"},
		{"", ""},
	} {
		got := Fold(tc.in)
		if got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(tc.in) {
			t.Errorf("Fold(%q) changed the rune count", tc.in)
		}
	}
}

// BenchmarkFold folds a report in simplified characters, as nearly every
// text is: nothing to replace, every character to look up.
func BenchmarkFold(b *testing.B) {
	s := strings.Repeat("过去一年，全县地区生产总值增长5.6%，一般公共预算收入增长6.1%，城乡居民收入稳步增长。\n", 40)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Fold(s)
	}
}
