package identity

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/meta"
)

// matchLines are lines to compare the hand-written matchers with the
// regexps they stand for: made up ones, and every line of the identity
// test documents.
func matchLines(t testing.TB) []string {
	lines := []string{"", "索引号", "索 引 号：", "索\u3000引\u3000号\u00a0\u00a0：000", "索 引号 x", "索引号x", "索引号\t1",
		"发布机构 某市人民政府", "发布机构某市", "主题分类|综合", "主题分类 | 综合", "分类", "分 类:", " 分类：", "标题：某某",
		"有效性\u3000", "来源\xff", "来源\u00a0x", "信息来源：某局", "各县人民政府：", "各县人民政府:", "各位代表", "各位代表：\n",
		"市直各单位：", "各单位：：", "：", "单位：", "人民政府办公室：", "关于印发某某的通知：", "各有关企业:"}
	files, _ := filepath.Glob("../../testdata/identity/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	if len(files) == 0 {
		t.Log("no documents in testdata/identity")
	}
	return lines
}

// TestStartsWithLabel compares startsWithLabel with the regexp it replaced.
func TestStartsWithLabel(t *testing.T) {
	var alts []string
	for _, l := range meta.Labels() {
		var b strings.Builder
		for i, r := range l {
			if i > 0 {
				b.WriteString(`[ \t\x{3000}\x{00a0}]*`)
			}
			b.WriteString(regexp.QuoteMeta(string(r)))
		}
		alts = append(alts, b.String())
	}
	slices.SortFunc(alts, func(a, b string) int { return len(b) - len(a) })
	re := regexp.MustCompile(`^(?:` + strings.Join(alts, "|") + `)[ \t\x{3000}\x{00a0}]*(?:[:：|\t]|[ \x{3000}\x{00a0}]|$)`)
	for _, line := range matchLines(t) {
		if got, want := startsWithLabel(line), re.MatchString(line); got != want {
			t.Errorf("startsWithLabel(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestEndsRecipients compares endsRecipients with the regexp it replaced.
func TestEndsRecipients(t *testing.T) {
	re := regexp.MustCompile(`(?:` + alternatives(lists.Of("addressee-end")) + `)[：:]$`)
	for _, line := range matchLines(t) {
		if got, want := endsRecipients(line), re.MatchString(line); got != want {
			t.Errorf("endsRecipients(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestTrailerLast checks that every titleTrailer ends with a character of
// trailerLast, which endsLikeTitle asks for before the regexp.
func TestTrailerLast(t *testing.T) {
	lines := append(matchLines(t), "某报告（2024年度）", "某方案(草案)", "某通知——全文", "某通知 - 全文", "《某报告》", "「某」", "“某”", `"某"`, "某【转】", "某（）")
	n := 0
	for _, line := range lines {
		for _, m := range titleTrailer().FindAllString(line, -1) {
			n++
			if last, _ := utf8.DecodeLastRuneInString(m); !strings.ContainsRune(trailerLast, last) {
				t.Errorf("trailer %q of %q ends with %q, not in trailerLast %q", m, line, last, trailerLast)
			}
		}
	}
	if n < 10 {
		t.Errorf("%d trailers found, want at least 10", n)
	}
}
