package words

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	l, err := Parse("test.tsv", "# comment\n\n件\tcount\t受理案件49545件\n元\tmoney\t资金1.77亿元\n个\tcount\t12个\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(l.Of("count"), " "); got != "件 个" {
		t.Errorf("count = %q", got)
	}
	if got := l.Unused(); len(got) != 1 || got[0] != "money" {
		t.Errorf("unused = %q, want [money]", got)
	}
	if l.Chars("money") != "元" || !l.Set("money")["元"] {
		t.Errorf("money = %q", l.Chars("money"))
	}
	if w, ok := HasSuffix("调解成功率为", []string{"达", "为"}); !ok || w != "为" {
		t.Errorf("HasSuffix = %q, %v", w, ok)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tsv := range []string{
		"件\tcount\n",                   // no example
		"噸\tmeasure\t產量12萬噸\n",         // traditional
		"件\tcount\t12个\n",              // example without the word
		"件\tcount\t1件\n件\tcount\t2件\n", // twice
	} {
		if _, err := Parse("bad.tsv", tsv); err == nil {
			t.Errorf("Parse(%q) did not fail", tsv)
		}
	}
}
