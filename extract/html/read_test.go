package html

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtures are realistic pages after the markups of govsites.md; each has a
// golden Page in ../../testdata/html/<name>.golden.json.
var fixtures = []struct {
	name        string
	contentType string // as an HTTP server would send it
	url         string
}{
	{"govcn_bd1", "text/html", "http://www.gov.cn/zhengce/content/2025-03/31/content_7011234.htm"},
	{"govcn_ucap_content", "text/html; charset=utf-8", "https://www.gov.cn/zhengce/content/202504/content_7021234.htm"},
	{"handan_pstrong", "", "https://www.hd.gov.cn/hdzfxxgk/jyj/202501/t20250120_2002.html"},
	{"yangpu_span", "text/html;charset=UTF-8", "https://www.shyp.gov.cn/shypq/qzfwj/20260212/491.html"},
	{"zhumadian_cells", "", "https://www.zhumadian.gov.cn/html/site_gov/articles/202501/250.html"},
	{"hubei_li", "", "http://gkml.hubei.gov.cn/auto5472/auto5473/202502/t20250226_6932.html"},
	{"csrc_trs_b", "", "http://www.csrc.gov.cn/pub/zjhpublic/G00306201/202503/t20250315_10111.htm"},
	{"shenzhen_dl", "", "https://www.szns.gov.cn/xxgk/tjsj/content/post_11598230.html"},
	{"jiangxi_gbk_late_meta", "", "https://sthjt.jiangxi.gov.cn/art/2025/3/5/art_42002_318.html"},
	{"jinyun_gb2312", "text/html; charset=GB2312", "http://www.jinyun.gov.cn/art/2025/2/18/art_1229371_4183527.html"},
	{"shanxi_trs_style", "", "https://www.shanxi.gov.cn/zfxxgk/zfgzbg/202501/t20250126_9876543.shtml"},
	{"ndrc_enclosure", "", "https://www.ndrc.gov.cn/xxgk/zcfb/tz/202505/t20250516_1397812.html"},
	{"linping_hanweb_zoom", "", "https://www.linping.gov.cn/art/2025/3/21/art_1229621787_4338931.html"},
	{"wanzai_density", "", "https://www.wanzai.gov.cn/wzxrmzf/tjgb/202504/8a1b2c3d4e5f60718293a4b5c6d7e8f9.shtml"},
	{"fujian_stats_table", "", "https://jtyst.fujian.gov.cn/zwgk/tjxx/202505/t20250520_6789.htm"},
	{"mee_neiright", "text/html", "http://www.mee.gov.cn/ywdt/hjywnews/202504/t20250420_1104321.shtml"},
}

func TestReadGolden(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "html", f.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := Read(body, f.contentType, f.url)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(p); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "..", "testdata", "html", f.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("Page differs from %s (go test -update rewrites it)\ngot:\n%s", golden, got)
			}
		})
	}
}

// TestReadFixtureProperties checks what every fixture must satisfy whatever
// the golden says: no furniture in the text, a title, metadata keys.
func TestReadFixtureProperties(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "html", f.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := Read(body, f.contentType, f.url)
			if err != nil {
				t.Fatal(err)
			}
			if p.Title == "" {
				t.Error("no title")
			}
			if strings.ContainsAny(p.Title, "_|") {
				t.Errorf("title keeps the site name: %q", p.Title)
			}
			if countCJK(p.Text) < 100 {
				t.Errorf("body has %d Han characters, want ≥ 100", countCJK(p.Text))
			}
			for _, bad := range []string{"ICP备", "网站标识码", "当前位置", "您的位置", "分享到", "扫一扫", "TRS_Editor", "{", "createPageHTML",
				"首页", "打印", "上一篇", "索引号", "\uFFFD", "\n\n", "  "} {
				if strings.Contains(p.Text, bad) {
					t.Errorf("text contains %q", bad)
				}
			}
			if !utf8.ValidString(p.Text) {
				t.Error("text is not valid UTF-8")
			}
			if len(p.Metadata) < 2 {
				t.Errorf("metadata %v, want at least 2 keys", p.Metadata)
			}
			for _, line := range strings.Split(p.Text, "\n") {
				// Leading tabs are empty table cells under a merged cell.
				if strings.TrimRightFunc(strings.TrimLeft(line, " "), unicode.IsSpace) != line || strings.Trim(line, "\t") == "" {
					t.Errorf("line not trimmed: %q", line)
				}
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"", "https://x.gov.cn/a.html: empty page"},
		{"  \n\t ", "empty page"},
		{"%PDF-1.7\n%\xe2\xe3", "not an HTML page but a PDF file"},
		{"PK\x03\x04\x14\x00", "ZIP container"},
		{"\xD0\xCF\x11\xE0\xA1\xB1", "OLE file"},
		{"GIF89a\x01\x00\x00\x00", "binary data"},
	}
	for _, tt := range tests {
		_, err := Read([]byte(tt.body), "", "https://x.gov.cn/a.html")
		if err == nil || !strings.HasPrefix(err.Error(), "html: ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%q) error = %v, want one containing %q", tt.body, err, tt.want)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	var pages [][]byte
	size := 0
	for _, f := range fixtures {
		body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "html", f.name+".html"))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, body)
		size += len(body)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for i, body := range pages {
			if _, err := Read(body, fixtures[i].contentType, fixtures[i].url); err != nil {
				b.Fatal(err)
			}
		}
	}
}
