package html

import (
	"net/url"
	"path"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// fileTypes are the attachment types kept, by extension.
var fileTypes = map[string]bool{
	"pdf": true, "doc": true, "docx": true, "wps": true, "ofd": true, "xls": true, "xlsx": true, "et": true, "zip": true, "rar": true,
}

// linkAttrs hold file links. "oldsrc" is deliberately absent: Guizhou pages
// keep a dead path there (govsites.md §7).
var linkAttrs = []string{"href", "src", "data-file", "data-url", "data-src"}

// findAttachments collects the links to files anywhere on the page, also
// outside the body (ndrc table.enclosure), unwrapping pdf.js viewers.
// Links are resolved against the page's <base href> and its URL; those that
// cannot be made absolute are left out.
func findAttachments(doc *xhtml.Node, pageURL string) []Attachment {
	base := baseURL(doc, pageURL)
	out := []Attachment{}
	index := map[string]int{}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom != atom.Script && n.DataAtom != atom.Style {
			for _, key := range linkAttrs {
				raw := attr(n, key)
				if raw == "" {
					continue
				}
				u, typ := fileURL(base, raw)
				name := textOf(n)
				if u == nil && key == "href" {
					u, typ = servletLink(base, raw, name)
				}
				if u == nil {
					continue
				}
				if runeLen(name) > 200 || genericNames[strings.Trim(name, "[]【】()（） ")] {
					name = ""
				}
				if name == "" {
					name = collapseSpace(attr(n, "title"))
				}
				if name == "" {
					name = fileName(u)
				}
				a := Attachment{URL: u.String(), Name: name, Type: typ}
				if i, ok := index[a.URL]; ok {
					// A later link with anchor text names the file better.
					if out[i].Name == fileName(u) && name != out[i].Name {
						out[i].Name = name
					}
					continue
				}
				index[a.URL] = len(out)
				out = append(out, a)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// baseURL is the URL the page's relative links are resolved against: its
// first <base href>, itself resolved against the page URL, else the page URL;
// nil when neither is absolute.
func baseURL(doc *xhtml.Node, pageURL string) *url.URL {
	page, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || !page.IsAbs() {
		page = nil
	}
	if n := findFirst(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Base && attr(n, "href") != "" }); n != nil {
		if b, err := url.Parse(strings.TrimSpace(attr(n, "href"))); err == nil {
			if page != nil {
				b = page.ResolveReference(b)
			}
			if b.IsAbs() && (b.Scheme == "http" || b.Scheme == "https") {
				return b
			}
		}
	}
	return page
}

// fileURL resolves a link and returns it with its file type when it points
// to an attachment; a pdf.js viewer link yields the file it shows.
func fileURL(base *url.URL, raw string) (*url.URL, string) {
	u := resolve(base, raw)
	// Unwrap viewer.html?file=…, whose file path is relative to the viewer
	// as pdf.js resolves it. Query().Get already URL-decodes. The bound
	// stops wrappers that point at themselves.
	for i := 0; u != nil && i < 3 && strings.Contains(strings.ToLower(path.Base(u.Path)), "viewer"); i++ {
		f := u.Query().Get("file")
		if strings.TrimSpace(f) == "" {
			break
		}
		u = resolve(u, f)
	}
	if u == nil {
		return nil, ""
	}
	if t := extType(u.Path); t != "" {
		return u, t
	}
	// Download gateways name the file in the query: download.jsp?filename=a.pdf.
	for _, vs := range u.Query() {
		for _, v := range vs {
			if t := extType(v); t != "" {
				return u, t
			}
		}
	}
	return nil, ""
}

// servletLink accepts a link without a file extension whose anchor text
// names a file ("/download?id=12" with text "报告全文.pdf"), unless the link
// is a web page.
func servletLink(base *url.URL, raw, text string) (*url.URL, string) {
	typ := extType(strings.TrimSpace(text))
	u := resolve(base, raw)
	if typ == "" || u == nil {
		return nil, ""
	}
	switch strings.ToLower(strings.TrimPrefix(path.Ext(u.Path), ".")) {
	case "html", "htm", "shtml", "xhtml":
		return nil, ""
	}
	return u, typ
}

// resolve makes raw an absolute http(s) URL against base, or returns nil.
func resolve(base *url.URL, raw string) *url.URL {
	raw = strings.TrimSpace(raw)
	low := strings.ToLower(raw)
	if raw == "" || strings.HasPrefix(low, "javascript:") || strings.HasPrefix(low, "mailto:") || strings.HasPrefix(raw, "#") {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// extType returns the attachment type of a file path, or "".
func extType(p string) string {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(p), "."))
	if fileTypes[ext] {
		return ext
	}
	return ""
}

// genericNames are anchor texts that say nothing about the file.
var genericNames = map[string]bool{
	"下载": true, "点击下载": true, "附件下载": true, "下载附件": true, "查看": true, "点击查看": true,
	"预览": true, "在线预览": true, "打开": true, "附件": true, "点击": true, "这里": true, "此处": true,
}

// fileName is the file name in u: the last path element, or the query
// value that names the file for download gateways (download.jsp?filename=a.pdf).
func fileName(u *url.URL) string {
	if extType(u.Path) == "" {
		for _, vs := range u.Query() {
			for _, v := range vs {
				if extType(v) != "" {
					return path.Base(v)
				}
			}
		}
	}
	return path.Base(u.Path)
}
