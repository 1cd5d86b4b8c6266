package html

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestDecode(t *testing.T) {
	const text = "驻马店市人民政府关于2024年度法治政府建设工作情况的报告，调解成功率98.7%。"
	page := func(head string) string {
		return "<html><head>" + head + "<title>报告</title></head><body><p>" + text + "</p></body></html>"
	}
	gbk := func(s string) []byte { return encode(t, simplifiedchinese.GBK, s) }
	// A head longer than 4 KB: the <meta> comes after the first 1024 bytes
	// that x/net/html/charset looks at, and after the 4 KB minimum.
	longHead := `<meta name="description" content="` + strings.Repeat("x", 5000) + `">`

	tests := []struct {
		name        string
		body        []byte
		contentType string
		wantCharset string
	}{
		{"utf-8 BOM beats header", append([]byte("\xEF\xBB\xBF"), page("")...), "text/html; charset=gbk", "utf-8"},
		{"utf-16le BOM", append([]byte{0xFF, 0xFE}, encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), page(""))...), "", "utf-16le"},
		{"header gbk", gbk(page("")), "text/html; charset=gbk", "gb18030"},
		{"header GB2312 upper case, quoted", gbk(page("")), `text/html; charset="GB2312"`, "gb18030"},
		{"header x-gbk", gbk(page("")), "text/html; charset=x-gbk", "gb18030"},
		{"header GB-18030 from a detector", gbk(page("")), "text/html; charset=GB-18030", "gb18030"},
		{"header GB_2312-80", gbk(page("")), "text/html; charset=GB_2312-80", "gb18030"},
		{"malformed header", gbk(page("")), "text/html; charset=gbk;;", "gb18030"},
		{"meta charset", gbk(page(`<meta charset="gb2312">`)), "", "gb18030"},
		{"meta http-equiv", gbk(page(`<meta http-equiv="Content-Type" content="text/html; charset=GBK">`)), "text/html", "gb18030"},
		{"late meta after a long head", gbk(page(longHead + `<meta http-equiv="Content-Type" content="text/html; charset=gbk">`)), "", "gb18030"},
		{"late meta big5, not the GB18030 guess",
			encode(t, traditionalchinese.Big5, "<html><head>"+longHead+`<meta charset="big5"></head><body>政府資訊公開年度報告，總體情況良好。</body></html>`), "", "big5"},
		{"header utf-8, meta gbk, page gbk", gbk(page(`<meta charset="gbk">`)), "text/html; charset=utf-8", "gb18030"},
		{"header gbk, meta utf-8, page utf-8", []byte(page(`<meta charset="utf-8">`)), "text/html; charset=gbk", "utf-8"},
		{"wrong header, no meta: detector rescues", gbk(page("")), "text/html; charset=utf-8", "gb18030"},
		{"no label, valid UTF-8", []byte(page("")), "", "utf-8"},
		{"no label, GBK bytes", gbk(page("")), "", "gb18030"},
		{"no label, ASCII", []byte("<html><body>hello</body></html>"), "", "utf-8"},
		{"meta utf-16 on an ASCII page means utf-8", []byte(`<meta charset="utf-16"><div>hello</div>`), "", "utf-8"},
		{"unknown label ignored", []byte(page(`<meta charset="x-unknown-42">`)), "", "utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := Decode(tt.body, tt.contentType)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if cs != tt.wantCharset {
				t.Errorf("charset = %q, want %q", cs, tt.wantCharset)
			}
			if !utf8.ValidString(got) || strings.ContainsRune(got, '\uFFFD') {
				t.Errorf("bad decoding: %q", got)
			}
			if strings.Contains(got, "<p>") && !strings.Contains(got, text) {
				t.Errorf("text lost: %q", got)
			}
			if strings.HasPrefix(got, "\uFEFF") {
				t.Error("BOM kept")
			}
		})
	}
}

func TestDecodeGBKOnlyCharacter(t *testing.T) {
	// 喆 and 镕 are in GBK, not in GB2312: a page labelled gb2312 must
	// still decode them, which is why every GB label decodes as GB18030.
	b := encode(t, simplifiedchinese.GBK, `<meta charset="gb2312"><p>王喆、朱镕</p>`)
	got, cs, err := Decode(b, "")
	if err != nil || cs != "gb18030" || !strings.Contains(got, "王喆、朱镕") {
		t.Errorf("Decode = %q, %q, %v", got, cs, err)
	}
}

func TestDecodeAlwaysValidUTF8(t *testing.T) {
	for _, b := range [][]byte{
		{0xff, 0xfe, 0xfd},
		{0x80, 0x81, '<', 0xfe},
		[]byte("<meta charset=utf-8>\xe4\xb8"),
		bytes.Repeat([]byte{0xc3}, 10),
	} {
		got, _, err := Decode(b, "")
		if err != nil {
			t.Errorf("Decode(%x): %v", b, err)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Decode(%x) = %q, not valid UTF-8", b, got)
		}
	}
}

func TestHeadMetaCharset(t *testing.T) {
	// The GBK fixture declares its charset only after 7 KB of <head>.
	tests := []struct{ head, want string }{
		{`<meta charset="utf-8">`, "utf-8"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">`, "gb2312"},
		{`<meta content="text/html;charset=GBK" http-equiv="content-type">`, "GBK"},
		{`<meta name="keywords" content="charset">`, ""},
		{strings.Repeat(" ", 20000) + `<meta charset=gbk></head>`, "gbk"},
		{`</head><body>` + strings.Repeat(" ", 5000) + `<meta charset=gbk>`, ""},
	}
	for _, tt := range tests {
		if got := headMetaCharset([]byte(tt.head)); got != tt.want {
			t.Errorf("headMetaCharset(%.60q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}
