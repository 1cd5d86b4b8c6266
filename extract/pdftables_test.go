package extract

import (
	"os"
	"strings"
	"testing"
)

// TestExtractPDFTables checks that a PDF's tables reach the document, placed in its text.
func TestExtractPDFTables(t *testing.T) {
	ex := &Extractor{Segmenter: testSegmenter(t)}
	body, err := os.ReadFile("../testdata/pdf/tables-form.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ex.Extract(Input{Name: "tables-form.pdf", Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 3 {
		t.Fatalf("%d tables, want 3", len(doc.Tables))
	}
	runes := []rune(doc.Text)
	for i, tb := range doc.Tables {
		if tb.Page != 1 || tb.Start < 0 || tb.Start >= len(runes) || !strings.HasPrefix(string(runes[tb.Start:]), tb.Rows[0][0]) {
			t.Errorf("table %d: page %d, start %d does not point at its first row %q", i, tb.Page, tb.Start, tb.Rows[0][0])
		}
	}
	if got := doc.Tables[1].Rows[2][3]; got != "41" {
		t.Errorf("本年新收 · 自然人 = %q, want 41", got)
	}
}
