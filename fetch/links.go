package fetch

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
)

// Links is what a page links to, sorted into what a crawler follows.
type Links struct {
	Details     []Link     // article-like pages (t20250117_1.html, art_1_2.html, …)
	Attachments []Link     // files by extension (pdf.js wrappers unwrapped)
	Next        string     // the next list page, "" if none was found
	NextForm    url.Values // if set, Next must be POSTed this form (Hanweb dataproxy.jsp)
	Others      []Link     // every other http(s) link, for scope reports
}

// Link is one link target with its anchor text and the date printed next
// to it in a list ("2025-01-17"), or the date in its URL, or "".
type Link struct {
	URL  string
	Text string
	Date string
}

// articleURL matches the detail-page URLs of the common government CMSs.
var articleURL = []*regexp.Regexp{
	regexp.MustCompile(`/t\d{8}_\d+(_\d+)?\.s?html?$`),                  // TRS: /202501/t20250117_123.html
	regexp.MustCompile(`/art_\d+_\d+\.s?html?$`),                        // Hanweb: /art/2025/1/17/art_1229_5678.html
	regexp.MustCompile(`/content_\d+\.s?html?$`),                        // gov.cn: /content/2025-01/17/content_123.htm
	regexp.MustCompile(`/post_\d+\.s?html?$`),                           // Shenzhen: /content/post_123.html
	regexp.MustCompile(`/\d{6}/[0-9a-f]{32}\.s?html?$`),                 // 集约化: /tjgb/202301/<32 hex>.shtml
	regexp.MustCompile(`/c\d+/content\.s?html?$`),                       // CSRC: /csrc/c100028/c7428481/content.shtml
	regexp.MustCompile(`/info\d+\.s?html?$`),                            // old CIRC
	regexp.MustCompile(`/(?:art|article|detail|content)/\d+\.s?html?$`), // numeric article ids
}

// IsArticle reports whether rawURL looks like a detail page of a government CMS.
func IsArticle(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	for _, re := range articleURL {
		if re.MatchString(u.Path) {
			return true
		}
	}
	return false
}

// ParseLinks finds the links of an HTML page fetched from pageURL. The body
// may be in any charset declared in contentType or in a <meta> tag. Links
// are resolved against the page (or its <base href>), deduplicated and
// kept in page order. Only the exact attributes href, src, data-file,
// data-url and data-src are read: a stale oldsrc is never followed.
func ParseLinks(pageURL, contentType string, body []byte) (*Links, error) {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil, fmt.Errorf("links of %s: %w", pageURL, err)
	}
	if (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("links of %s: not an absolute http(s) URL", pageURL)
	}
	text := string(body)
	if r, err := charset.NewReader(bytes.NewReader(body), contentType); err == nil {
		if decoded, err := io.ReadAll(r); err == nil {
			text = string(decoded)
		}
	} // else an unknown charset: URLs are ASCII anyway
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("links of %s: %w", pageURL, err)
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := base.Parse(strings.TrimSpace(href)); err == nil {
			base = b
		}
	}
	p := &linkParser{base: base, seen: map[string]bool{}}
	p.scan(doc.Selection)

	// Hanweb lists carry their records as <datastore> XML with CDATA, in a
	// <script type="text/xml"> on the page or as the whole answer of
	// dataproxy.jsp; an HTML parser sees neither.
	records := 0
	if strings.Contains(text, "<datastore") {
		for _, m := range cdata.FindAllStringSubmatch(text, -1) {
			if sub, err := goquery.NewDocumentFromReader(strings.NewReader(m[1])); err == nil {
				p.scan(sub.Selection)
			}
		}
		records = strings.Count(text, "<record>") + strings.Count(text, "<record ")
	}
	p.links.Next = nextPage(base, text, doc, p.pageLinks)
	if p.links.Next == "" && records > 0 {
		p.links.Next, p.links.NextForm = hanwebNext(base, text, records)
	}
	return &p.links, nil
}

var (
	cdata        = regexp.MustCompile(`(?s)<!\[CDATA\[(.*?)\]\]>`)
	dataproxyURL = regexp.MustCompile(`[^"'\s<>()]*dataproxy\.jsp[^"'\s<>()]*`)
	totalRecord  = regexp.MustCompile(`(?i)(?:totalRecord\s*[:=]\s*['"]?|<totalrecord>\s*)(\d+)`)
	perPage      = regexp.MustCompile(`(?i)perPage\s*[:=]\s*['"]?(\d+)`)
)

// hanwebNext finds the next group of records of a Hanweb jpage list: on
// the column page, the records after the inline ones, asked from the
// dataproxy.jsp named in <nextgroup> with the fields of its query as the
// form; on an answer of dataproxy.jsp, the group after it (the form is the
// caller's). It returns "" when all totalRecord records were asked for.
func hanwebNext(base *url.URL, text string, records int) (string, url.Values) {
	total := 0
	if m := totalRecord.FindStringSubmatch(text); m != nil {
		total, _ = strconv.Atoi(m[1])
	}
	per := 15
	if m := perPage.FindStringSubmatch(text); m != nil {
		per, _ = strconv.Atoi(m[1])
	}
	q := base.Query()
	var proxy *url.URL
	var form url.Values
	start, end := 0, 0
	if strings.HasSuffix(base.Path, "dataproxy.jsp") && q.Get("startrecord") != "" {
		proxy = base
		start, _ = strconv.Atoi(q.Get("startrecord"))
		end, _ = strconv.Atoi(q.Get("endrecord"))
		if p, err := strconv.Atoi(q.Get("perpage")); err == nil && p > 0 {
			per = p
		}
	} else {
		m := dataproxyURL.FindString(text)
		if m == "" {
			return "", nil
		}
		u, err := base.Parse(html.UnescapeString(m))
		if err != nil {
			return "", nil
		}
		proxy, form = u, u.Query()
		// jpage.js always sends these two, <nextgroup> often lacks them.
		for k, v := range map[string]string{"col": "1", "sourceContentType": "1"} {
			if !form.Has(k) {
				form.Set(k, v)
			}
		}
		start, end = 1, records // the page shows the first group
	}
	group := end - start + 1
	if group < 1 || group > 10000 || per < 1 || per > 10000 {
		return "", nil
	}
	if total > 0 && end >= total {
		return "", nil
	}
	next := *proxy
	next.RawQuery = fmt.Sprintf("startrecord=%d&endrecord=%d&perpage=%d", end+1, end+group, per)
	next.Fragment = ""
	return next.String(), form
}

type linkParser struct {
	base      *url.URL
	seen      map[string]bool
	links     Links
	pageLinks []Link // every <a> in scope of pagination detection
}

func (p *linkParser) scan(sel *goquery.Selection) {
	sel.Find("a[href], area[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u := p.resolve(href)
		if u == "" {
			return
		}
		l := Link{URL: u, Text: cleanText(a.Text())}
		p.pageLinks = append(p.pageLinks, l)
		p.add(l, a, true)
	})
	for _, attr := range []string{"src", "data-file", "data-url", "data-src", "data"} {
		sel.Find("[" + attr + "]").Each(func(_ int, s *goquery.Selection) {
			v, _ := s.Attr(attr)
			if u := p.resolve(v); u != "" {
				p.add(Link{URL: u, Text: cleanText(s.AttrOr("title", ""))}, s, false)
			}
		})
	}
}

// add files a link under its kind; non-anchor attributes count only as attachments.
func (p *linkParser) add(l Link, s *goquery.Selection, anchor bool) {
	if p.seen[l.URL] {
		return
	}
	switch {
	case FileType(l.URL) != "":
		l.Date = nearbyDate(s, l.URL)
		p.links.Attachments = append(p.links.Attachments, l)
	case !anchor:
		return // images, scripts, frames: not ours
	case IsArticle(l.URL):
		l.Date = nearbyDate(s, l.URL)
		p.links.Details = append(p.links.Details, l)
	default:
		p.links.Others = append(p.links.Others, l)
	}
	p.seen[l.URL] = true
}

// resolve makes ref absolute, unwraps pdf.js viewers and drops fragments;
// it returns "" for anything that is not an http(s) URL.
func (p *linkParser) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") {
		return ""
	}
	u, err := p.base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	if inner := unwrapViewer(u); inner != nil {
		u = inner
	}
	u.Fragment = ""
	return Dotless(u).String()
}

// Dotless returns u with the dot segments of its path resolved after
// percent-decoding: a server reads /list/%2e%2e/admin/ and /list/..%2fadmin/
// as /admin/, and so must the scope and robots.txt checks. A URL without
// such segments is returned as it is.
func Dotless(u *url.URL) *url.URL {
	p := u.Path // percent-decoded
	if !hasDotSegment(p) {
		return u
	}
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..") {
		clean = strings.TrimSuffix(clean, "/") + "/"
	}
	v := *u
	v.Path, v.RawPath = clean, ""
	return &v
}

func hasDotSegment(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." {
			return true
		}
	}
	return false
}

// unwrapViewer returns the file a pdf.js viewer URL shows
// (…/web/viewer.html?file=/files/x.pdf), or nil.
func unwrapViewer(u *url.URL) *url.URL {
	if !strings.HasSuffix(strings.ToLower(u.Path), "viewer.html") {
		return nil
	}
	file := u.Query().Get("file")
	if file == "" {
		return nil
	}
	inner, err := u.Parse(file)
	if err != nil || (inner.Scheme != "http" && inner.Scheme != "https") {
		return nil
	}
	return inner
}

func cleanText(s string) string { return strings.Join(strings.Fields(s), " ") }

var (
	textDate = regexp.MustCompile(`((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
	urlDates = []*regexp.Regexp{
		regexp.MustCompile(`/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+`),
		regexp.MustCompile(`/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/`),
		regexp.MustCompile(`/((?:19|20)\d{2})-(\d{2})/(\d{2})/content_`),
	}
)

// nearbyDate is the date printed in the list item or table row around s,
// else the date in the URL, as YYYY-MM-DD; "" if neither has one.
func nearbyDate(s *goquery.Selection, rawURL string) string {
	item := s.Closest("li, tr, dd, dl")
	if item.Length() > 0 && item.Find("a[href]").Length() <= 2 {
		if m := textDate.FindStringSubmatch(item.Text()); m != nil {
			if d := isoDate(m[1], m[2], m[3]); d != "" {
				return d
			}
		}
	}
	for _, re := range urlDates {
		if m := re.FindStringSubmatch(rawURL); m != nil {
			return isoDate(m[1], m[2], m[3])
		}
	}
	return ""
}

func isoDate(y, m, d string) string {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	if mm < 1 || mm > 12 || dd < 1 || dd > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
}

var (
	// createPageHTML(nPageCount, nCurrIndex, sPageName, sPageExt), and the
	// CSRC variant with a leading element id and trailing record count.
	createPageCSRC = regexp.MustCompile(`createPageHTML\(\s*['"][^'"]*['"]\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]`)
	createPageHTML = regexp.MustCompile(`createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]+)['"]`)
	countPage      = regexp.MustCompile(`(?:countPage|totalPage|pageCount)\s*[=:]\s*(\d+)`)
	numberedPage   = regexp.MustCompile(`^(.*?)([_-])(\d+)\.(s?html?)$`)     // index_3.html, column-index-3.shtml
	nextWords      = []string{"下一页", "下页", "后一页", "下一頁"}                     // also inside "[下一页]", "下一页>>"
	nextSymbols    = []string{">", "›", "»", ">>", "next", "Next", "Next »"} // only alone
	pageParams     = []string{"page", "pageNum", "pageNo", "pageIndex", "PageIndex", "currPage", "curPage", "pn", "p"}
)

// nextPage finds the URL of the list page after base, trying in order:
// TRS createPageHTML/countPage, an anchor labelled 下一页, a page query
// parameter, numbered file names (index_N.html) among the links.
func nextPage(base *url.URL, body string, doc *goquery.Document, anchors []Link) string {
	dir, file := path.Split(base.Path)
	curName, cur, sep := file, 0, "_"
	ext := path.Ext(file)
	if m := numberedPage.FindStringSubmatch(file); m != nil {
		curName, sep, ext = m[1], m[2], "."+m[4]
		cur, _ = strconv.Atoi(m[3])
	} else {
		curName = strings.TrimSuffix(file, ext)
	}
	sameDir := func(name string) string {
		u := *base
		u.Path, u.RawQuery, u.Fragment, u.RawPath = dir+name, "", "", ""
		return u.String()
	}

	// 1. TRS: createPageHTML(count, current, "index", "html"); page i>0 is
	// index_i.html. The CSRC variant counts its current page from 1.
	scripts := doc.Find("script").Text()
	if m := createPageCSRC.FindStringSubmatch(scripts); m != nil {
		count, _ := strconv.Atoi(m[1])
		current, _ := strconv.Atoi(m[2])
		if current+1 <= count {
			return sameDir(fmt.Sprintf("%s_%d.%s", m[3], current+1, m[4]))
		}
		return ""
	}
	if m := createPageHTML.FindStringSubmatch(scripts); m != nil {
		count, _ := strconv.Atoi(m[1])
		current, _ := strconv.Atoi(m[2])
		if current+1 < count {
			return sameDir(fmt.Sprintf("%s_%d.%s", m[3], current+1, m[4]))
		}
		return ""
	}
	if m := countPage.FindStringSubmatch(scripts); m != nil && ext != "" {
		count, _ := strconv.Atoi(m[1])
		if cur+1 < count {
			return sameDir(fmt.Sprintf("%s%s%d%s", curName, sep, cur+1, ext))
		}
		return ""
	}

	// 2. An anchor labelled 下一页 that goes somewhere else.
	self := base.String()
	for _, a := range anchors {
		isNext := slices.Contains(nextSymbols, a.Text) ||
			slices.ContainsFunc(nextWords, func(w string) bool { return strings.Contains(a.Text, w) && len(a.Text) < 20 })
		if isNext && a.URL != self && !IsArticle(a.URL) && FileType(a.URL) == "" {
			return a.URL
		}
	}

	// 3. A page query parameter: ?pageNum=3 links → the current value + 1, up to the largest linked.
	q := base.Query()
	for _, param := range pageParams {
		max := 0
		for _, a := range anchors {
			u, err := url.Parse(a.URL)
			if err != nil || u.Host != base.Host || u.Path != base.Path {
				continue
			}
			if n, err := strconv.Atoi(u.Query().Get(param)); err == nil && n > max {
				max = n
			}
		}
		if max == 0 {
			continue
		}
		cur, err := strconv.Atoi(q.Get(param))
		if err != nil {
			cur = 1
		}
		if cur+1 > max {
			return ""
		}
		u := *base
		qq := base.Query()
		qq.Set(param, strconv.Itoa(cur+1))
		u.RawQuery, u.Fragment = qq.Encode(), ""
		return u.String()
	}

	// 4. Numbered siblings: index_1.html … index_9.html linked from the page.
	max := 0
	for _, a := range anchors {
		u, err := url.Parse(a.URL)
		if err != nil || u.Host != base.Host {
			continue
		}
		d, f := path.Split(u.Path)
		if m := numberedPage.FindStringSubmatch(f); d == dir && m != nil && m[1] == curName {
			if n, _ := strconv.Atoi(m[3]); n > max {
				max = n
			}
		}
	}
	if cur+1 <= max {
		return sameDir(fmt.Sprintf("%s%s%d%s", curName, sep, cur+1, ext))
	}
	return ""
}
