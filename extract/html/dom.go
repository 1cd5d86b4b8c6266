package html

import (
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// attr returns the value of the attribute key (lower case), or "".
func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass reports whether n has the class c (case-sensitive, as in CSS).
func hasClass(n *xhtml.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// isElement reports whether n is an element of type a.
func isElement(n *xhtml.Node, a atom.Atom) bool {
	return n != nil && n.Type == xhtml.ElementNode && n.DataAtom == a
}

// invisible reports whether an element never shows text to a reader:
// scripts, styles (including the inline TRS <style> in bodies), form
// controls and anything hidden with display:none.
func invisible(n *xhtml.Node) bool {
	if n.Type == xhtml.CommentNode || n.Type == xhtml.DoctypeNode {
		return true
	}
	if n.Type != xhtml.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title,
		atom.Iframe, atom.Object, atom.Embed, atom.Select, atom.Option, atom.Textarea,
		atom.Input, atom.Button, atom.Svg, atom.Canvas, atom.Map, atom.Audio, atom.Video:
		return true
	}
	if n.Data == "svg" || n.Data == "math" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "hidden" {
			return true
		}
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden")
}

// navTokens are class/id words of navigation and footers; chromeTokens
// add page headers and share or print tools (govsites.md §9).
var (
	navTokens = map[string]bool{
		"nav": true, "navbar": true, "menu": true, "footer": true, "foot": true, "breadcrumb": true,
		"crumb": true, "crumbs": true, "crumbsnav": true, "position": true, "location": true,
		"copyright": true, "sidebar": true, "topbar": true, "sitemap": true, "logo": true,
	}
	chromeTokens = map[string]bool{
		"header": true, "toolbar": true, "share": true, "bdshare": true, "print": true, "fontsize": true,
	}
	// contentTokens mark an article part: "article-header" holds the title
	// and date, not the site header.
	contentTokens = map[string]bool{
		"article": true, "detail": true, "content": true, "title": true, "main": true, "news": true,
		"info": true, "text": true, "xl": true, "con": true,
	}
)

// classWords splits the class and id of n into lower-case words.
func classWords(n *xhtml.Node) []string {
	return strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	})
}

// isNav reports whether an element is navigation, breadcrumbs or a footer.
func isNav(n *xhtml.Node) bool {
	if n.Type != xhtml.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Aside:
		return true
	}
	for _, w := range classWords(n) {
		if navTokens[w] {
			return true
		}
	}
	return false
}

// isChrome reports whether an element is page furniture: navigation,
// footers, the site header, share and print tools.
func isChrome(n *xhtml.Node) bool {
	if n.Type != xhtml.ElementNode {
		return false
	}
	if isNav(n) {
		return true
	}
	words := classWords(n)
	for _, w := range words {
		if contentTokens[w] {
			return false
		}
	}
	if n.DataAtom == atom.Header {
		return true
	}
	for _, w := range words {
		if chromeTokens[w] {
			return true
		}
	}
	return false
}

// blockAtoms are the elements that start a new line.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Nav: true,
	atom.Aside: true, atom.Main: true, atom.Blockquote: true, atom.Pre: true, atom.Form: true,
	atom.Hr: true, atom.Address: true, atom.Figure: true, atom.Figcaption: true, atom.Center: true,
	atom.Body: true, atom.Html: true, atom.Fieldset: true, atom.Legend: true,
}

func isBlock(n *xhtml.Node) bool {
	return n.Type == xhtml.ElementNode && blockAtoms[n.DataAtom]
}

// textOf returns the visible text of n with whitespace collapsed to single
// spaces (nbsp and U+3000 included).
func textOf(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if invisible(n) {
			return
		}
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		}
		if isBlock(n) {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapseSpace(b.String())
}

// shortText returns textOf(n) when it has at most limit bytes, else ok is
// false; it stops early on large elements.
func shortText(n *xhtml.Node, limit int) (text string, ok bool) {
	var b strings.Builder
	var walk func(*xhtml.Node) bool
	walk = func(n *xhtml.Node) bool {
		if invisible(n) {
			return true
		}
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return b.Len() <= 4*limit // raw text may hold much white space
		}
		if isBlock(n) {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	t := collapseSpace(b.String())
	return t, len(t) <= limit
}

// isSpace reports whether r is white space on a web page, including nbsp,
// U+3000 and zero-width characters; control characters count as space.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' || r == '\ufeff'
}

// collapseSpace turns every run of white space into one ASCII space and
// trims the ends.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isCJK reports whether r is a Han character.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

// countCJK counts the Han characters in s.
func countCJK(s string) int {
	n := 0
	for _, r := range s {
		if isCJK(r) {
			n++
		}
	}
	return n
}

// runeLen is the length of s in characters.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// findAll returns the elements below n (n included) for which match is true,
// not descending into a match.
func findAll(n *xhtml.Node, match func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && match(n) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// findFirst returns the first element below n for which match is true.
func findFirst(n *xhtml.Node, match func(*xhtml.Node) bool) *xhtml.Node {
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

// hasAncestor reports whether some ancestor of n (not n) satisfies match.
func hasAncestor(n *xhtml.Node, match func(*xhtml.Node) bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if match(p) {
			return true
		}
	}
	return false
}
