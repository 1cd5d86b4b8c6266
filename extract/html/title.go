package html

import (
	"regexp"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/gongwen/gongwen/extract/meta"
)

// Where a page's title came from (Page.TitleSource).
const (
	TitleFromMetaTag  = "html-meta"    // <meta name="ArticleTitle">
	TitleFromHeading  = "html-heading" // the article's heading
	TitleFromMetadata = "metadata"     // the 标题/名称 value of the metadata block
	TitleFromTitleTag = "html-title"   // <title> without the site name
)

// findTitle picks the document title: meta ArticleTitle, else the page
// heading, else a 标题/名称 metadata value, else <title> without the site
// name; an info line printed with it (来源：… 浏览次数：…) is cut off. It
// returns the title and where it came from.
func findTitle(doc *xhtml.Node, tags, values map[string]string, body []*xhtml.Node) (string, string) {
	if t := meta.CutInfo(tags["articletitle"]); t != "" {
		return t, TitleFromMetaTag
	}
	docTitle := ""
	if n := findFirst(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Title }); n != nil {
		docTitle = collapseSpace(nodeText(n))
	}
	if t := meta.CutInfo(heading(doc, docTitle, body)); t != "" {
		return t, TitleFromHeading
	}
	if t := values[meta.MetaTitle]; t != "" {
		return t, TitleFromMetadata
	}
	if t := meta.CutInfo(stripSiteName(docTitle, tags["sitename"])); t != "" {
		return t, TitleFromTitleTag
	}
	return "", ""
}

// nodeText joins the text children of n (<title> holds only text).
func nodeText(n *xhtml.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// heading finds the article heading: explicit title markup first
// (<!--TitleStart-->, .detail-article-title h2, h2.neiright_Title), then an
// h1/h2 that <title> repeats, then the last h1/h2 before the body.
func heading(doc *xhtml.Node, docTitle string, body []*xhtml.Node) string {
	if region := betweenComments(doc, "TitleStart", "TitleEnd"); region != nil {
		var b strings.Builder
		for _, n := range region {
			if n.Type == xhtml.TextNode {
				b.WriteString(n.Data)
			} else {
				b.WriteString(textOf(n))
			}
		}
		if t := collapseSpace(b.String()); t != "" {
			return t
		}
	}
	explicit := []func(*xhtml.Node) bool{
		func(n *xhtml.Node) bool {
			return n.DataAtom == atom.H2 && hasAncestor(n, func(p *xhtml.Node) bool { return hasClass(p, "detail-article-title") })
		},
		func(n *xhtml.Node) bool { return n.DataAtom == atom.H2 && hasClass(n, "neiright_Title") },
	}
	for _, match := range explicit {
		if n := findFirst(doc, match); n != nil {
			if t := textOf(n); t != "" {
				return t
			}
		}
	}

	// Candidates: h1–h3 and elements whose class or id says title, before
	// the body, outside navigation.
	var heads []*xhtml.Node
	bodyStart := false
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if bodyStart || invisible(n) || isNav(n) {
			return
		}
		for _, b := range body {
			if n == b {
				bodyStart = true
				return
			}
		}
		heading := n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3
		if heading || titleClass(n) {
			t := textOf(n)
			if countCJK(t) >= 4 && runeLen(t) <= 150 && !siteName.MatchString(t) && !holdsLabel(n) {
				heads = append(heads, n)
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// The longest candidate that <title> repeats …
	squashed := squashAll(docTitle)
	best := ""
	for _, h := range heads {
		t := textOf(h)
		if strings.Contains(squashed, squashAll(t)) && runeLen(t) > runeLen(best) {
			best = t
		}
	}
	if best != "" {
		return best
	}
	// … else the last h1/h2 before the body, else the last long enough
	// title element.
	for i := len(heads) - 1; i >= 0; i-- {
		if heads[i].DataAtom == atom.H1 || heads[i].DataAtom == atom.H2 {
			return textOf(heads[i])
		}
	}
	for i := len(heads) - 1; i >= 0; i-- {
		if t := textOf(heads[i]); titleClass(heads[i]) && countCJK(t) >= 6 {
			return t
		}
	}
	return ""
}

// titleClass reports whether the class or id of n names a title
// (div.detail-title, td.title, #ivs_title), not a subtitle.
func titleClass(n *xhtml.Node) bool {
	if n.Type != xhtml.ElementNode {
		return false
	}
	for _, w := range classWords(n) {
		if w == "title" || w == "tit" || strings.HasSuffix(w, "title") && !strings.HasPrefix(w, "sub") {
			return true
		}
	}
	return false
}

// squashAll removes all white space.
func squashAll(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

var (
	// titleSep splits <title> into the document title and the site name.
	titleSep = regexp.MustCompile(`\s*(?:_|\|| \| |｜|—{1,2}| - |--| – )\s*`)
	// siteName matches the part of <title> that names the site.
	siteName = regexp.MustCompile(`^中华人民共和国|^中国政府网$|(人民政府|门户网站|网站|政府网|政务网|信息公开|政府信息公开专栏|人民政府办公厅|人民政府办公室)$|^中国.{2,4}$`)
)

// stripSiteName removes the site name from a <title>: "报告_中华人民共和国
// 生态环境部", "报告 - 山西省人民政府门户网站", "万载县人民政府 | 报告".
func stripSiteName(docTitle, site string) string {
	parts := titleSep.Split(strings.TrimSpace(docTitle), -1)
	var keep []string
	for _, p := range parts {
		p = trimSiteAffix(strings.TrimSpace(p), site)
		if p == "" || (site != "" && p == site) || siteName.MatchString(p) {
			continue
		}
		keep = append(keep, p)
	}
	if len(keep) == 0 {
		return collapseSpace(docTitle)
	}
	best := keep[0]
	for _, p := range keep[1:] {
		if runeLen(p) > runeLen(best) {
			best = p
		}
	}
	return collapseSpace(best)
}

// trimSiteAffix removes a site name joined by a bare hyphen ("报告-驻马店市
// 人民政府"); a bare hyphen alone does not split titles such as
// "一周要闻（4.10-4.16）".
func trimSiteAffix(p, site string) string {
	isSite := func(s string) bool {
		s = strings.TrimSpace(s)
		return s != "" && (s == site || siteName.MatchString(s))
	}
	if i := strings.LastIndexAny(p, "-—"); i > 0 && isSite(p[i+len(string([]rune(p[i:])[0])):]) {
		p = strings.TrimSpace(p[:i])
	}
	if i := strings.IndexAny(p, "-—"); i > 0 && isSite(p[:i]) {
		p = strings.TrimSpace(p[i+len(string([]rune(p[i:])[0])):])
	}
	return p
}
