package quantity

import (
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/fold"
	"github.com/gongwen/gongwen/extract/internal/spantest"
	"github.com/gongwen/gongwen/extract/internal/words"
)

// FuzzFind checks the properties every caller relies on: spans lie inside
// the text on rune boundaries, come in order without overlaps, and each
// Text parses back to the same value, unit and kind, or is a range whose
// value is its low end, or is a bare number filling a table cell (its unit
// is in a column) or a list (分别下降0.2、0.6和0.1个百分点) or an amount whose
// unit the sentence implies.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"受理人民调解案件49545件，调解成功48899件，调解成功率98.7%。",
		"平台归集信用信息7.62亿余条，居全省第5位，增长-3.01‰，提高1.3個百分點",
		"百分之九十八点七，两部，十余个，3万4000元，25万6千人，1,100.9亿元，394.8 亿元",
		"驻政文〔2025〕3号 2025年1月17日 “1+10+30” 5·12 第一名 位居全省第二。",
		"产品名称\t单位\t产量\t比上年增长(%)\n水泥\t万吨\t238.4\t-5.7\n| 项目 | 金额（单位：万元） |\n| 收费 | 56.8 |",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "report.txt")); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		order := spantest.Order{Text: text}
		for _, q := range Find(text, masks(text)...) {
			order.Next(t, q.Start, q.End, q.Text)
			if !utf8.ValidString(q.Text) && utf8.ValidString(text) {
				t.Fatalf("Text %q cuts a rune", q.Text)
			}
			if _, ok := ParseNumber(q.Text); ok {
				// a bare number: a whole cell of a table whose unit is in a
				// column, an item of a list before the one with the unit
				// (0.2、0.6和0.1个百分点), or an amount in 元 with 万 or 亿
				before, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:q.Start], " "))
				after, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[q.End:], " "))
				cell := strings.ContainsRune("\t|｜\n", before) && (strings.ContainsRune("\t|｜\n\r", after) || q.End >= len(strings.TrimRight(text, " ")))
				_, listed := words.HasPrefix(text[q.End:], listSeparators)
				last, _ := utf8.DecodeLastRuneInString(q.Text)
				implied := q.Unit == "元" && isBigUnit(fold.Rune(last))
				if !cell && !listed && !implied {
					t.Fatalf("bare number %q at %d is not a table cell, an item of a list or an amount in 元", q.Text, q.Start)
				}
				continue
			}
			if q.Range {
				// 5%—8%: one figure of two ends, its value the low one
				if q.Value != q.Low || q.Low >= q.High {
					t.Fatalf("range %+v: value is not the low end, or the ends are not in order", q)
				}
				continue
			}
			p, ok := Parse(q.Text)
			if !ok || p.Value != q.Value || p.Unit != q.Unit || p.Kind != q.Kind {
				t.Fatalf("Parse(%q) = %+v, %v; Find gave %+v", q.Text, p, ok, q)
			}
		}
	})
}

// FuzzParseNumber checks that ParseNumber never panics and that every value
// it returns reads back unchanged from its plain decimal form.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1,234.5", "二十万亿", "一万五", "壹佰贰拾", "三点五万", "-3.01", "3万4000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseNumber(s)
		if !ok {
			return
		}
		if v == nil {
			t.Fatalf("ParseNumber(%q) = nil, true", s)
		}
		plain := v.FloatString(40)
		if exact, _ := new(big.Rat).SetString(plain); exact.Cmp(v) != 0 {
			t.Fatalf("ParseNumber(%q) = %s is not a terminating decimal", s, v.RatString())
		}
		back, ok := ParseNumber(plain)
		if !ok || back.Cmp(v) != 0 {
			t.Fatalf("ParseNumber(%q) = %s, but ParseNumber(%q) = %v, %v", s, v.RatString(), plain, back, ok)
		}
	})
}

// FuzzParsePlainDecimal holds the fast path of ParseNumber to big.Rat's own
// parser on what plainDecimal accepts.
func FuzzParsePlainDecimal(f *testing.F) {
	for _, s := range []string{"0", "007", "98.7", "0.50", "0.000001", "123456789012345678", "12345678901234567.8", "1234567890123456789", "99999999999999999.9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !plainDecimal(s) {
			return
		}
		got, ok := parsePlainDecimal(s)
		want, _ := new(big.Rat).SetString(s)
		if !ok || got.Cmp(want) != 0 {
			t.Fatalf("parsePlainDecimal(%q) = %v, %v; big.Rat says %v", s, got, ok, want)
		}
	})
}

// FuzzMatchUnit checks that matchUnit, which compares only the units that
// start with the character at i, finds what looking up every length finds.
func FuzzMatchUnit(f *testing.F) {
	for _, s := range []string{"万元", "个百分点以上", "人民", "人次", "平方公里", "轮次", "元/平方米", "亿", "\xff元"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range len(s) + 1 {
			unit, kind := matchUnit(s, i)
			wantUnit, wantKind := matchEveryLength(s, i)
			if unit != wantUnit || kind != wantKind {
				t.Fatalf("matchUnit(%q, %d) = %q, %q; every length: %q, %q", s, i, unit, kind, wantUnit, wantKind)
			}
		}
	})
}

// matchEveryLength is matchUnit looking up every length up to maxUnitRunes.
func matchEveryLength(s string, i int) (unit, kind string) {
	var ends [maxUnitRunes]int
	n, end := 0, i
	for ; n < maxUnitRunes && end < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		ends[n] = end
	}
	for k := n - 1; k >= 0; k-- {
		if kind, ok := units[s[i:ends[k]]]; ok && !unitBlocked(s, s[i:ends[k]], ends[k]) {
			unit = s[i:ends[k]]
			if kind == Count && !strings.HasSuffix(unit, "次") && strings.HasPrefix(s[ends[k]:], "次") {
				unit += "次"
			}
			return unit, kind
		}
	}
	return "", ""
}

// FuzzIndexLineBreak holds indexLineBreak to strings.IndexAny.
func FuzzIndexLineBreak(f *testing.F) {
	for _, s := range []string{"", "93.6\n亿元", "156\r\n件", "12件", "\xff\r", "亿\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexLineBreak(s), strings.IndexAny(s, "\r\n"); got != want {
			t.Fatalf("indexLineBreak(%q) = %d, strings.IndexAny says %d", s, got, want)
		}
	})
}
