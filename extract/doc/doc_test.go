package doc

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadFixture reads the Word 97 file LibreOffice made from testdata/formats/report.fodt (the
// extract package keeps its golden JSON): paragraphs, a field's result, the table with its merged
// heading cells spread over the grid.
func TestReadFixture(t *testing.T) {
	for _, file := range []string{"../../testdata/formats/report.doc", "../../testdata/formats/report.wps"} {
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(body)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"青山县民政局关于2024年度民政工作情况的报告\n青民〔2025〕7号\n",
			"比上年增长4.0%。\n农村低保标准", // a line break
			"城乡低保\t12680\t12403\t动态调整\n",
			"本报告共1页。", // the page-count field's result, not its code
		} {
			if !strings.Contains(d.Text, want) {
				t.Errorf("%s: text lacks %q:\n%s", file, want, d.Text)
			}
		}
		if len(d.Tables) != 1 {
			t.Fatalf("%s: %d tables", file, len(d.Tables))
		}
		want := [][]string{
			{"项目", "保障人数", "保障人数", "备注"},
			{"项目", "2023年", "2024年", "备注"},
			{"城乡低保", "12680", "12403", "动态调整"},
			{"特困供养", "1510", "1488", ""},
			{"临时救助 （人次）", "1964", "2135", "含急难型救助"},
		}
		if diff := cmp.Diff(want, d.Tables[0].Rows); diff != "" {
			t.Errorf("%s: table (-want +got):\n%s", file, diff)
		}
		if got := []rune(d.Text)[d.Tables[0].Start:]; !strings.HasPrefix(string(got), "项目") {
			t.Errorf("table start %d points at %.10q", d.Tables[0].Start, string(got))
		}
	}
}

// TestBuild lays out characters without paragraph properties, as a file whose bin table cannot
// be read: cell marks alone tell cells, a doubled mark ends a row; field codes are dropped.
func TestBuild(t *testing.T) {
	var chars []char
	for i, r := range "标题\r\x13 PAGE \x141\x15页\r项目\x07数量\x07\x07案件\x0749545\x07\x07正文\x0B第二行\r" {
		chars = append(chars, char{r, i})
	}
	d := build(chars, nil)
	if want := "标题\n1页\n项目\t数量\n案件\t49545\n正文\n第二行\n"; d.Text != want {
		t.Errorf("text %q, want %q", d.Text, want)
	}
	if len(d.Tables) != 1 || len(d.Tables[0].Rows) != 2 {
		t.Errorf("tables %+v", d.Tables)
	}
}

func TestReadErrors(t *testing.T) {
	xls, err := os.ReadFile("../../testdata/sheet/stats.xls")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(xls); !errors.Is(err, ErrNotWord) {
		t.Errorf("an XLS: err = %v, want ErrNotWord", err)
	}
	if _, err := Read([]byte("not ole")); err == nil {
		t.Error("no error for a text file")
	}
	doc, _ := os.ReadFile("../../testdata/formats/report.doc")
	// The FIB's nFib of Word 6/95 files.
	old := append([]byte{}, doc...)
	if i := strings.Index(string(old), "\xEC\xA5"); i >= 0 {
		old[i+2], old[i+3] = 0x65, 0x00
		if _, err := Read(old); !errors.Is(err, ErrUnsupported) {
			t.Errorf("Word 6 FIB: err = %v, want ErrUnsupported", err)
		}
	}
}

func FuzzRead(f *testing.F) {
	if body, err := os.ReadFile("../../testdata/formats/report.doc"); err == nil {
		f.Add(body)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := Read(body)
		if err == nil && d == nil {
			t.Fatal("nil document without an error")
		}
	})
}

// FuzzStreams fuzzes the Word structures past the compound file: a WordDocument and a table
// stream.
func FuzzStreams(f *testing.F) {
	f.Add(make([]byte, 1024), make([]byte, 64))
	f.Fuzz(func(t *testing.T, wd, ts []byte) {
		fib, err := readFIB(wd)
		if err != nil {
			return
		}
		pieces, err := readPieces(ts, fib)
		if err != nil {
			return
		}
		chars, err := text(wd, pieces, fib)
		if err != nil {
			return
		}
		build(chars, readPAPX(wd, ts, fib))
	})
}
