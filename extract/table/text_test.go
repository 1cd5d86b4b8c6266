package table

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/text")

// textGolden is what ReadText finds in a text, as the golden files hold it.
type textGolden struct {
	Start int        `json:"start"`
	Rows  [][]string `json:"rows"`
}

// TestReadText reads the tables of each text of testdata/text, one layout
// a file, and compares them with NAME.golden.json; tables says how many a
// file must hold, so that -update cannot bless a table lost or invented.
func TestReadText(t *testing.T) {
	tests := []struct {
		file   string
		tables int
	}{
		{"pipes.txt", 1},    // a Markdown table with its rule, caption and unit above
		{"tabs.txt", 1},     // tab-separated rows with a unit column
		{"spaces.txt", 1},   // a grid aligned with runs of spaces, a sub-row indented
		{"cells.txt", 1},    // one cell a line under a numbered caption
		{"shredded.txt", 1}, // a row label on lines of its own above its figures
		{"pages.txt", 1},    // a table broken by a page number, its header not repeated
		{"prose.txt", 0},    // numbered lists, lines with a few numbers, metadata: no table
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata/text", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(raw)
			read := ReadText(text)
			if len(read) != tt.tables {
				for _, x := range read {
					t.Logf("table at %d: %q", x.Start, x.Rows)
				}
				t.Fatalf("%d tables, want %d", len(read), tt.tables)
			}
			checkTextTables(t, text, read)
			got := []textGolden{}
			for _, x := range read {
				got = append(got, textGolden{Start: x.Start, Rows: x.Rows})
			}
			b, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata/text", strings.TrimSuffix(tt.file, ".txt")+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract/table -update)", err)
			}
			if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(b)) {
				t.Errorf("tables differ from %s; run go test ./extract/table -update and review the diff\ngot %s", golden, b)
			}
		})
	}
}

// checkTextTables verifies what every table read from text must be:
// rectangular, its rows and cells where the text writes them.
func checkTextTables(t *testing.T, text string, tables []TextTable) {
	t.Helper()
	for i, x := range tables {
		if len(x.Rows) == 0 || len(x.Lines) != len(x.Rows) || len(x.Cells) != len(x.Rows) {
			t.Fatalf("table %d: %d rows, %d lines, %d cell rows", i, len(x.Rows), len(x.Lines), len(x.Cells))
		}
		if x.Start < 0 || x.Start > utf8.RuneCountInString(text) {
			t.Errorf("table %d: start %d outside the text", i, x.Start)
		}
		for r, row := range x.Rows {
			if len(row) != len(x.Rows[0]) || len(x.Cells[r]) != len(row) {
				t.Fatalf("table %d row %d: %d cells, %d spans, want %d", i, r, len(row), len(x.Cells[r]), len(x.Rows[0]))
			}
			l := x.Lines[r]
			if l.Start < 0 || l.End > len(text) || l.Start > l.End {
				t.Errorf("table %d row %d: line %v outside the text", i, r, l)
			}
			for c, at := range x.Cells[r] {
				if at.Start < 0 {
					continue
				}
				if at.End > len(text) || at.Start > at.End || squeeze(text[at.Start:at.End]) != squeeze(row[c]) && !strings.Contains(row[c], " ") {
					t.Errorf("table %d cell %d,%d: %q at %v, the text there %q", i, r, c, row[c], at, text[max(0, at.Start):min(len(text), at.End)])
				}
			}
		}
	}
}

// squeeze removes white space: a label wrapped over two lines is one cell.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// TestReadTextNotTables holds short texts that are no tables: prose and
// lists with figures in them must not become tables.
func TestReadTextNotTables(t *testing.T) {
	for _, text := range []string{
		"",
		"全年办理行政复议案件121件。",
		"1. 办理案件121件；\n2. 培训380人次；\n3. 备案率100%。",
		"一是办理案件121件。\n二是培训380人次。\n三是备案率100%。",
		"发布时间：2025-01-20    浏览次数：1362",
		"收到申请  132  件，办结  128  件。",
		"（一）主动公开\n全年公开信息4511条。\n（二）依申请公开\n收到申请132件。",
		"2023年  2024年\n完成目标任务",
		"| 这是一行带竖线的说明文字 |",
		"联系人\n王明\n联系电话\n0371-12345678\n地址\n人民路1号",
		"第一章 总则\n第二章 机构\n第三章 附则",
		"— 1 —\n— 2 —\n— 3 —",
	} {
		if got := ReadText(text); len(got) != 0 {
			t.Errorf("ReadText(%q) = %d tables, first %q; want none", text, len(got), got[0].Rows)
		}
	}
}

// FuzzReadText checks that any text gives tables that hold together: no
// panic, rectangular rows, rows and cells inside the text.
func FuzzReadText(f *testing.F) {
	files, _ := filepath.Glob("testdata/text/*.txt")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("| a | 1 |\n|---|---|\n| b | 2 |")
	f.Add("a\t1\t2\nb\t3\t4")
	f.Add("标题\n甲\n乙\n行\n1\n2\n行二\n3\n4")
	f.Add("| 维持 | 纠正 |\n| 1 | 0 | 0 | 0 | 0 | 0 |\n|  |  |")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		checkTextTables(t, text, ReadText(text))
	})
}

func ExampleReadText() {
	text := "表1 主要农产品产量（单位：万吨）\n| 产品 | 产量 |\n|---|---|\n| 粮食 | 64.12 |\n| 油料 | 2.36 |\n\n全年粮食增产1.8%。\n"
	for _, t := range ReadText(text) {
		for _, row := range t.Rows {
			fmt.Println(strings.Join(row, " | "))
		}
	}
	// Output:
	// 产品 | 产量
	// 粮食 | 64.12
	// 油料 | 2.36
}

// TestReadTextYearLikeCounts: a count that could be a year (1964) in a row
// with other figures is a figure of its row, not a label.
func TestReadTextYearLikeCounts(t *testing.T) {
	text := "项目\t2023年\t2024年\t备注\n城乡低保\t12680\t12403\t动态调整\n临时救助（人次）\t1964\t2135\t含急难型救助\n"
	tables := ReadText(text)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	want := [][]string{
		{"项目", "2023年", "2024年", "备注"},
		{"城乡低保", "12680", "12403", "动态调整"},
		{"临时救助（人次）", "1964", "2135", "含急难型救助"},
	}
	if got := tables[0].Rows; !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
}

// TestPageStarts checks pageStarts against the syntax of pageNumber: each
// alternative after its ^ starts with a literal or a class of characters,
// all in pageStarts.
func TestPageStarts(t *testing.T) {
	re, err := syntax.Parse(pageNumber.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	re = re.Simplify()
	for re.Op == syntax.OpConcat || re.Op == syntax.OpCapture {
		if re.Op == syntax.OpConcat && re.Sub[0].Op == syntax.OpBeginText {
			re.Sub = re.Sub[1:]
		}
		re = re.Sub[0]
	}
	alternatives := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		alternatives = re.Sub
	}
	for _, alt := range alternatives {
		first := alt
		for first.Op == syntax.OpConcat || first.Op == syntax.OpPlus || first.Op == syntax.OpCapture {
			first = first.Sub[0]
		}
		var ranges []rune
		switch first.Op {
		case syntax.OpLiteral:
			ranges = []rune{first.Rune[0], first.Rune[0]}
		case syntax.OpCharClass:
			ranges = first.Rune
		default:
			t.Fatalf("%s: does not start with a character", alt)
		}
		for i := 0; i < len(ranges); i += 2 {
			for r := ranges[i]; r <= ranges[i+1]; r++ {
				if !strings.ContainsRune(pageStarts, r) {
					t.Errorf("pageNumber may start with %q, not in pageStarts", r)
				}
			}
		}
	}
	for _, s := range []string{"— 5 —", "- 12 -", "第3页", " 第 3 页 共 9 页 "} {
		if !pageFurniture(s) {
			t.Errorf("pageFurniture(%q) = false", s)
		}
	}
}
