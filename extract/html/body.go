package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minBodyHan is the Han character count above which a known body container
// is trusted without looking further.
const minBodyHan = 100

// containers are the body containers of the common CMS families
// (govsites.md §5), most specific first.
var containers = []func(*xhtml.Node) bool{
	func(n *xhtml.Node) bool { return hasClass(n, "TRS_Editor") },
	func(n *xhtml.Node) bool { return attr(n, "id") == "UCAP-CONTENT" },
	func(n *xhtml.Node) bool { return hasClass(n, "pages_content") },
	func(n *xhtml.Node) bool { return hasClass(n, "trs_editor_view") },
	func(n *xhtml.Node) bool {
		id := strings.ToLower(attr(n, "id"))
		return id == "zoom" || id == "fontzoom" || id == "zoomcon"
	},
	func(n *xhtml.Node) bool { return hasClass(n, "zwgkdetail") },
	func(n *xhtml.Node) bool { return hasClass(n, "jgzn_content") },
	func(n *xhtml.Node) bool { return attr(n, "id") == "ivs_content" },
	func(n *xhtml.Node) bool { return hasClass(n, "Article_content") },
	func(n *xhtml.Node) bool { return hasClass(n, "smgb-article") },
	func(n *xhtml.Node) bool { return hasClass(n, "Custom_UnionStyle") },
	func(n *xhtml.Node) bool { return hasClass(n, "my_doccontent") },
	func(n *xhtml.Node) bool { return hasClass(n, "article-content") },
	func(n *xhtml.Node) bool { return hasClass(n, "xl_main") },
}

// commentMarkers delimit the body in some templates.
var commentMarkers = [][2]string{
	{"ZJEG_RSS.content.begin", "ZJEG_RSS.content.end"},
	{"enpcontent", "/enpcontent"},
}

// findBody returns the nodes that hold the body text: the first known
// container (or comment-marked region) with enough text, else the block
// that text density points to, else, on a page with hardly any text, the
// whole <body>.
func findBody(doc *xhtml.Node, meta map[*xhtml.Node]bool) []*xhtml.Node {
	han := func(region ...*xhtml.Node) int { text, _ := renderText(region, meta); return countCJK(text) }

	// Candidates in order of trust; a short one is kept as a fallback.
	var candidates [][]*xhtml.Node
	for _, match := range containers {
		// Of several matches (TRS_Editor for the body and for a note),
		// the one with the most text.
		var best *xhtml.Node
		bestHan := -1
		for _, n := range findAll(doc, match) {
			if h := han(n); h > bestHan {
				best, bestHan = n, h
			}
		}
		if best != nil {
			candidates = append(candidates, []*xhtml.Node{best})
		}
	}
	for _, m := range commentMarkers {
		if region := betweenComments(doc, m[0], m[1]); region != nil {
			candidates = append(candidates, region)
		}
	}
	var short []*xhtml.Node
	shortHan := 0
	for _, c := range candidates {
		h := han(c...)
		if h >= minBodyHan {
			return c
		}
		if h > shortHan {
			short, shortHan = c, h
		}
	}

	dense := densest(doc, meta)
	if dense == nil && short == nil {
		// A page too short for any block to stand out (<body>只有一句话。</body>):
		// its body is what it shows.
		if body := findAll(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Body }); len(body) > 0 {
			return body[:1]
		}
		return nil
	}
	if dense == nil {
		return short
	}
	// A short known container (a one-paragraph 印发通知) beats a denser
	// block elsewhere unless that block has much more text.
	if h := han(dense); short != nil && (h < minBodyHan || h < 2*shortHan) {
		return short
	}
	return []*xhtml.Node{dense}
}

// betweenComments returns the siblings between the comments <!--begin-->
// and <!--end-->, or nil when the page has no such comment.
func betweenComments(doc *xhtml.Node, begin, end string) []*xhtml.Node {
	var start *xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if start != nil {
			return
		}
		if n.Type == xhtml.CommentNode && strings.TrimSpace(n.Data) == begin {
			start = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if start == nil {
		return nil
	}
	var region []*xhtml.Node
	for s := start.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == xhtml.CommentNode && strings.TrimSpace(s.Data) == end {
			break
		}
		region = append(region, s)
	}
	return region
}

// noisePhrases mark text that is page furniture (govsites.md §9).
var noisePhrases = []string{
	"版权所有", "ICP备", "icp备", "公网安备", "网站标识码", "主办单位", "承办单位", "技术支持",
	"当前位置", "您的位置", "所在位置", "扫一扫", "分享到", "上一篇", "下一篇", "我要纠错",
	"联系我们", "网站地图", "无障碍", "返回顶部", "关闭窗口", "打印本页",
}

func hasNoise(s string) bool {
	for _, p := range noisePhrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// densest scores every block by the text it holds directly (paragraphs,
// cells), discounted by its share of link text, and passes half the score
// to the enclosing block and a quarter to the next: the block where most
// running text gathers wins. Furniture, metadata blocks and text with
// boilerplate phrases score nothing.
func densest(doc *xhtml.Node, meta map[*xhtml.Node]bool) *xhtml.Node {
	scores := map[*xhtml.Node]float64{}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if invisible(n) || isChrome(n) || meta[n] {
			return
		}
		if n.Type != xhtml.ElementNode && n.Type != xhtml.DocumentNode {
			return
		}
		if n.Type == xhtml.ElementNode && n.DataAtom != atom.A {
			if s := ownScore(n); s > 0 {
				w := 1.0
				for t := scoreTarget(n); t != nil && w >= 0.25; t = scoreTarget(t.Parent) {
					scores[t] += s * w
					w /= 2
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var best *xhtml.Node
	for n, s := range scores {
		if best == nil || s > scores[best] || (s == scores[best] && depth(n) > depth(best)) {
			best = n
		}
	}
	if best == nil || scores[best] < 10 {
		return nil
	}
	return best
}

func depth(n *xhtml.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// scoreTarget is the nearest block, from n up, that can hold a body.
func scoreTarget(n *xhtml.Node) *xhtml.Node {
	for ; n != nil; n = n.Parent {
		if n.Type != xhtml.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Div, atom.Article, atom.Section, atom.Main, atom.Td, atom.Body:
			return n
		}
	}
	return nil
}

// ownScore scores the text an element holds itself: its text nodes and
// inline children, not its child blocks.
func ownScore(n *xhtml.Node) float64 {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return 0 // titles sit above the body, not in it
	}
	if titleClass(n) {
		return 0
	}
	var all, links strings.Builder
	var walk func(c *xhtml.Node, inLink bool)
	walk = func(c *xhtml.Node, inLink bool) {
		if invisible(c) || (c != n && isBlock(c)) {
			return
		}
		if c.Type == xhtml.TextNode {
			all.WriteString(c.Data)
			if inLink {
				links.WriteString(c.Data)
			}
			return
		}
		inLink = inLink || c.DataAtom == atom.A
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, inLink)
		}
	}
	walk(n, false)
	text := collapseSpace(all.String())
	han := countCJK(text)
	if han < 5 || hasNoise(text) {
		return 0
	}
	if ls := scanLabels(text, knownLabel, false); len(ls) > 0 && ls[0].start == 0 {
		return 0
	}
	ratio := float64(runeLen(collapseSpace(links.String()))) / float64(runeLen(text))
	if ratio > 0.5 {
		return 0
	}
	return float64(han) * (1 - ratio)
}
