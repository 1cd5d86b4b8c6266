package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/gongwen/gongwen/extract/meta"
)

// metaTags returns the <meta name=… content=…> tags of the page, names in
// lower case (Hanweb writes contentSource, others ContentSource). The first
// non-empty tag of a name wins.
func metaTags(doc *xhtml.Node) map[string]string {
	tags := map[string]string{}
	for _, n := range findAll(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Meta }) {
		name := strings.ToLower(strings.TrimSpace(attr(n, "name")))
		v := collapseSpace(attr(n, "content"))
		if name == "" || v == "" {
			continue
		}
		if _, ok := tags[name]; !ok {
			tags[name] = v
		}
	}
	return tags
}

// fillFromMetaTags fills the keys the metadata block did not give from the
// national site specification tags (govsites.md §2).
func fillFromMetaTags(values map[string]string, tags map[string]string) {
	fill := func(key, tag string) {
		if v, ok := tags[tag]; ok {
			store(values, key, v)
		}
	}
	fill(meta.MetaTitle, "articletitle")
	fill(meta.MetaPublishDate, "pubdate")
	fill(meta.MetaPublishDate, "publishdate")
	fill(meta.MetaIssuer, "contentsource")
	fill(meta.MetaSource, "contentsource")
}
