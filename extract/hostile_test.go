package extract

import (
	"errors"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gongwen/gongwen/internal/hostile"
)

// TestDamagedText extracts a report cut in its last character and one with a damaged byte: both are
// read as the UTF-8 they are, with a warning, and give the indicators of the whole report.
func TestDamagedText(t *testing.T) {
	body, err := os.ReadFile("../testdata/reports/kaifeng-fzzf-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	ex := &Extractor{}
	whole, err := ex.Extract(Input{Name: "whole.txt", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	for name, damaged := range map[string][]byte{"cut.txt": hostile.CutUTF8(body), "damaged.txt": hostile.DamagedUTF8(body)} {
		doc, err := ex.Extract(Input{Name: name, Body: damaged})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc.Source.Charset != "utf-8" || len(doc.Warnings) != 1 || doc.Title != whole.Title {
			t.Errorf("%s: charset %s, warnings %q, title %q", name, doc.Source.Charset, doc.Warnings, doc.Title)
		}
		if len(doc.Indicators) < len(whole.Indicators)-1 {
			t.Errorf("%s: %d indicators, the whole report has %d", name, len(doc.Indicators), len(whole.Indicators))
		}
	}
}

func TestNotText(t *testing.T) {
	ex := &Extractor{}
	for name, body := range map[string][]byte{
		"random.txt":   hostile.RandomBytes(64<<10, 1),
		"gb-codes.txt": hostile.RandomGB18030(64<<10, 2),
	} {
		doc, err := ex.Extract(Input{Name: name, Body: body})
		if err == nil {
			t.Errorf("%s: %d indicators, want an error", name, len(doc.Indicators))
			continue
		}
		if !strings.HasPrefix(err.Error(), "extract: "+name+": does not look like") {
			t.Errorf("%s: error %q", name, err)
		}
	}
	doc, err := ex.Extract(Input{Name: "english.txt", Body: []byte(strings.Repeat("The county government reported 42 cases in 2024. ", 30))})
	if err != nil || len(doc.Warnings) != 1 {
		t.Errorf("English text: %v, warnings %q", err, doc.Warnings)
	}
}

func TestTooLong(t *testing.T) {
	ex := &Extractor{MaxText: 4 << 10}
	line := "受理人民调解案件49545件，调解成功率98.7%。\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Repeat(line, 100))
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"long.txt":  strings.Repeat(line, 100),  // 6 kB of text
		"huge.txt":  strings.Repeat(line, 1000), // 60 kB: not even decoded
		"gbk.txt":   gbk,                        // 4 kB of GBK, 6 kB of UTF-8
		"page.html": "<html><body><p>" + strings.Repeat(line, 100) + "</p></body></html>",
	} {
		_, err := ex.Extract(Input{Name: name, Body: []byte(body)})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v, want ErrTooLarge", name, err)
		}
	}
}
