package ocr

import (
	"context"
	"os"
	"testing"

	"github.com/gongwen/gongwen/extract/pdf/internal/score"
)

// TestScannedPage reads testdata/formats/scanned-150dpi.pdf — testdata/pdf/single-noto.pdf rendered
// at 150 dpi in grey and wrapped as an image-only PDF (testdata/formats/make.sh) — and compares the
// text with the page's source. One page only: Tesseract takes 10–30 s a page.
func TestScannedPage(t *testing.T) {
	if err := Check(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%v: .ci/run installs them", err)
		}
		t.Skipf("%v (apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils)", err)
	}
	body, err := os.ReadFile("../../../testdata/formats/scanned-150dpi.pdf")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../../testdata/pdf/single.txt")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := PDFPages(context.Background(), body, []int{1})
	if err != nil {
		t.Fatal(err)
	}
	acc := score.Accuracy(pages[0].Text, string(src))
	t.Logf("character accuracy %.4f, confidence %.3f", acc, pages[0].Confidence)
	if acc < 0.95 {
		t.Errorf("character accuracy %.4f < 0.95:\n%s", acc, pages[0].Text)
	}
	if pages[0].Confidence < 0.5 || pages[0].Confidence > 1 {
		t.Errorf("confidence %.3f", pages[0].Confidence)
	}
}

func TestReadTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\t受理\n" +
		"5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t80\t案件\n" +
		"5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t70\t49545\n" +
		"5\t1\t1\t1\t2\t2\t0\t0\t10\t10\t70\tGDP\n" +
		"5\t1\t1\t2\t1\t1\t0\t0\t10\t10\t100\t二、\n"
	text, conf := readTSV([]byte(tsv))
	if want := "受理案件49545 GDP\n二、\n"; text != want {
		t.Errorf("text %q, want %q", text, want)
	}
	if want := (90*2 + 80*2 + 70*5 + 70*3 + 100*2) / 14.0 / 100; conf != want {
		t.Errorf("confidence %v, want %v", conf, want)
	}
}

func FuzzReadTSV(f *testing.F) {
	f.Add([]byte("5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\t受理\n"))
	f.Fuzz(func(t *testing.T, tsv []byte) {
		text, conf := readTSV(tsv)
		if text == "" && conf != 0 {
			t.Fatal("confidence without text")
		}
	})
}
