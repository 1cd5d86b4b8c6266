package extract

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gongwen/gongwen/internal/hostile"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, file, contentType string
		body                    string
		want                    Format
	}{
		{"pdf by magic despite html header", "a.html", "text/html", "%PDF-1.7\n...", FormatPDF},
		{"html error page named .pdf", "report.pdf", "", "<!DOCTYPE html><html><body>404</body></html>", FormatHTML},
		{"html with BOM and blanks", "", "", "\xEF\xBB\xBF\n  <html><head>", FormatHTML},
		{"docx zip", "a.docx", "", "PK\x03\x04....word/document.xml....", FormatDOCX},
		{"other zip", "a.zip", "", "PK\x03\x04....xl/workbook.xml", FormatUnknown},
		{"rar 5", "a.zip", "", "Rar!\x1a\x07\x01\x00\x33\x92", FormatRar},
		{"rar 4", "", "application/zip", "Rar!\x1a\x07\x00\xcf\x90\x73", FormatRar},
		{"rar of an unknown version", "a.rar", "", "Rar!\x1a\x07\x02\x00", FormatUnknown},
		{"legacy ole doc", "a.doc", "", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", FormatUnknown},
		{"plain text by content type", "x", "text/plain; charset=gbk", "报告", FormatText},
		{"html by content type", "x", "text/html; charset=utf-8", "报告正文", FormatHTML},
		{"text by extension", "000.txt", "", "索 引 号 | 059422325", FormatText},
		{"binary junk", "x.bin", "", "\x00\x01\x02", FormatUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(tt.file, tt.contentType, []byte(tt.body)); got != tt.want {
				t.Errorf("Sniff = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	src := "驻马店市人民政府关于2024年度法治政府建设工作情况的报告\r\n正文"
	want := "驻马店市人民政府关于2024年度法治政府建设工作情况的报告\n正文"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	cut := string(hostile.CutUTF8([]byte(src)))
	tests := []struct {
		name, body, charset, text string
		warnings                  int
	}{
		{"utf-8", src, "utf-8", want, 0},
		{"utf-8 with BOM", "\xEF\xBB\xBF" + src, "utf-8", want, 0},
		{"gbk without label", gbk, "gb18030", want, 0},
		{"utf-8 cut in the last character", cut, "utf-8", strings.TrimSuffix(want, "文") + "\uFFFD", 1},
		{"utf-8 with a damaged byte", string(hostile.DamagedUTF8([]byte(src))), "utf-8", "", 1},
		{"gbk cut in the last character", gbk[:len(gbk)-1], "gb18030", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, cs, warnings, err := DecodeText([]byte(tt.body))
			if err != nil || cs != tt.charset || len(warnings) != tt.warnings {
				t.Errorf("DecodeText = %q, %q, %q, %v; want charset %q, %d warnings", text, cs, warnings, err, tt.charset, tt.warnings)
			}
			if tt.text != "" && text != tt.text {
				t.Errorf("text %q, want %q", text, tt.text)
			}
			if !strings.HasPrefix(text, "驻马店市") {
				t.Errorf("text %q: wrong encoding", text)
			}
		})
	}
}

func TestCheckChinese(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewDecoder().Bytes(hostile.RandomGB18030(4000, 1))
	if err != nil {
		t.Fatal(err)
	}
	random, _, _, _ := DecodeText(hostile.RandomBytes(4000, 1))
	tests := []struct {
		name, text string
		warning    bool
		err        bool
	}{
		{"report", strings.Repeat("开封市人民政府关于2024年度法治政府建设工作情况的报告。受理人民调解案件49545件。", 20), false, false},
		{"traditional characters", strings.Repeat("臺灣地區的政府資訊公開工作年度報告，受理申請一千二百件。", 20), false, false},
		{"English", strings.Repeat("The annual report of the county government on the rule of law. ", 20), true, false},
		{"a table of figures", strings.Repeat("2024\t49545\t98.7%\n", 50), false, false},
		{"random bytes", random, false, true},
		{"random GB18030 codes", string(gb), false, true},
		{"private-use characters", strings.Repeat("\uE000\uE001报告", 50), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			warning, err := checkChinese(tt.text)
			if (warning != "") != tt.warning || (err != nil) != tt.err {
				t.Errorf("checkChinese = %q, %v; want warning %v, error %v", warning, err, tt.warning, tt.err)
			}
		})
	}
}

// FuzzLooksLikeHTML compares looksLikeHTML, which lower-cases only the
// first bytes, with lower-casing the whole head.
func FuzzLooksLikeHTML(f *testing.F) {
	for _, s := range []string{"<!DOCTYPE html>", "\ufeff  <HTML>", "<tİtle>", "\u212a<html>", "<!-- a -->", "通知\n<html>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		head := body[:min(len(body), 1024)]
		head = bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n"))
		want := false
		for _, p := range []string{"<!doctype html", "<html", "<head", "<meta", "<!--", "<body", "<title"} {
			want = want || bytes.HasPrefix(head, []byte(p))
		}
		if got := looksLikeHTML(body); got != want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", body, got, want)
		}
	})
}

// checkChinese classes ASCII characters without the Unicode tables; they
// must say the same.
func TestCheckChineseASCII(t *testing.T) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		control := r < 0x20 || r == 0x7f
		letter := 'a' <= r|0x20 && r|0x20 <= 'z'
		if unicode.IsControl(r) != control || unicode.IsLetter(r) != letter ||
			unicode.Is(unicode.Han, r) || unicode.Is(unicode.Co, r) || commonHan().has(r) {
			t.Errorf("%q: control %v, letter %v disagree with the Unicode tables", r, control, letter)
		}
	}
}

func BenchmarkCheckChinese(b *testing.B) {
	text := strings.Repeat("全年受理行政复议案件1,234件（2024年），同比增长12.5%。\n", 60)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		checkChinese(text)
	}
}
