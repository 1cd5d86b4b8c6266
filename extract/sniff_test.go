package extract

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
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
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, charset string
	}{
		{"utf-8", src, "utf-8"},
		{"utf-8 with BOM", "\xEF\xBB\xBF" + src, "utf-8"},
		{"gbk without label", gbk, "gb18030"},
	}
	want := "驻马店市人民政府关于2024年度法治政府建设工作情况的报告\n正文"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, cs, err := DecodeText([]byte(tt.body))
			if err != nil || text != want || cs != tt.charset {
				t.Errorf("DecodeText = %q, %q, %v; want %q, %q", text, cs, err, want, tt.charset)
			}
		})
	}
}
