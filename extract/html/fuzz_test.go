package html

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/meta"
)

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func FuzzRead(f *testing.F) {
	for _, fx := range fixtures {
		if b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "html", fx.name+".html")); err == nil {
			f.Add(b, fx.contentType)
		}
	}
	f.Add([]byte(`<p>索引号：<b>发布日期：</b></p><td><td>`), "text/html; charset=gbk")
	f.Add([]byte("\xEF\xBB\xBF<a href=viewer.html?file=viewer.html%3Ffile%3Dx.pdf>x</a>"), "")
	f.Add([]byte("<meta charset=gb2312>\x81\x30\x81\x30\xff"), "")
	f.Add([]byte(`<table><tr><td rowspan=3 colspan=2>指标</td><td>1</td></tr><tr><td>2</td></tr></table>`), "")
	f.Add([]byte(`<dl><dt>成文日期</dt><dd>2025年1月17日</dd><dt>文号</dt><dd>无</dd></dl><span>索引号：</span><span>A-1</span>`), "")
	f.Add([]byte(`<div id="zoom"><p>一、总体情况<br>受理案件49545件</p></div><a data-url="viewer.html?file=a.pdf">a</a>`), "text/html; charset=utf-8")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		p, err := Read(body, contentType, "https://www.example.gov.cn/a/b/t20250101_1.html")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "html: ") {
				t.Errorf("error without package prefix: %v", err)
			}
			return
		}
		if p.Charset == "" {
			t.Error("no charset")
		}
		for _, s := range []string{p.Title, p.Text} {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8: %q", s)
			}
			if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' }) {
				t.Errorf("control character in %q", s)
			}
		}
		for _, line := range strings.Split(p.Text, "\n") {
			if p.Text != "" && (strings.Trim(line, "\t") == "" || strings.TrimRightFunc(strings.TrimLeft(line, " "), unicode.IsSpace) != line) {
				t.Errorf("empty or untrimmed line %q in %q", line, p.Text)
			}
		}
		for k, v := range p.Metadata {
			if !utf8.ValidString(k) || !utf8.ValidString(v) || v == "" {
				t.Errorf("bad metadata %q: %q", k, v)
			}
			if meta.IsDateKey(k) && !isoDay.MatchString(v) {
				t.Errorf("date %q = %q, not ISO", k, v)
			}
		}
		seen := map[string]bool{}
		for _, a := range p.Attachments {
			u, err := url.Parse(a.URL)
			if err != nil || !u.IsAbs() || u.Host == "" {
				t.Errorf("attachment URL not absolute: %q", a.URL)
			}
			if seen[a.URL] {
				t.Errorf("duplicate attachment %q", a.URL)
			}
			seen[a.URL] = true
			if !fileTypes[a.Type] || a.Name == "" || !utf8.ValidString(a.Name) {
				t.Errorf("bad attachment %+v", a)
			}
		}
	})
}
