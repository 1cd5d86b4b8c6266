package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/gongwen/gongwen/extract/date"
	"github.com/gongwen/gongwen/extract/meta"
)

// A label is a metadata label found in a text: "索 引 号：" or "发布机构".
type label struct {
	key        string // canonical key
	start, end int    // rune offsets of the label, end after the colon if any
	colon      bool
}

// maxLabelHan is the longest label in Han characters.
const maxLabelHan = 8

// scanLabels finds labels in s. A label starts the text or follows white
// space or a separator, is made of Han characters padded with spaces,
// U+3000 or nbsp, and ends with ':' or '：'. known decides which names count;
// a label without colon is reported only when it is the whole text.
//
// A label may follow an opening bracket only when loose is set: values end
// at "【字体：", but "（发布日期：…）" inside a sentence is no label.
func scanLabels(s string, known func(name string) (key string, ok bool), loose bool) []label {
	rs := []rune(s)
	var out []label
	for i := 0; i < len(rs); i++ {
		if !isCJK(rs[i]) || !labelBoundary(rs, i, loose) {
			continue
		}
		var best *label
		var name []rune
	scan:
		for j := i; j < len(rs) && len(name) < maxLabelHan; {
			switch {
			case isCJK(rs[j]):
				name = append(name, rs[j])
				j++
			case isSpace(rs[j]): // padding: 索 引 号, 标　　题
				j++
				continue
			default:
				break scan
			}
			k := j
			for k < len(rs) && isSpace(rs[k]) {
				k++
			}
			colon := k < len(rs) && (rs[k] == ':' || rs[k] == '：')
			whole := k == len(rs) && strings.TrimSpace(string(rs[:i])) == ""
			if !colon && !whole {
				continue
			}
			key, ok := known(string(name))
			if !ok {
				continue
			}
			end := k
			if colon {
				end = k + 1
			}
			best = &label{key: key, start: i, end: end, colon: colon}
		}
		if best != nil {
			out = append(out, *best)
			i = best.end - 1
		}
	}
	return out
}

// labelBoundary reports whether a label may start at rs[i]: at the start of
// the text or after white space or a separator, never inside a word
// (经费来源 does not hold the label 来源).
func labelBoundary(rs []rune, i int, loose bool) bool {
	if i == 0 {
		return true
	}
	p := rs[i-1]
	if loose && strings.ContainsRune("[【(（<《", p) {
		return true
	}
	return isSpace(p) || strings.ContainsRune("|｜:：;；,，。]】)）>》/", p)
}

// knownLabel accepts the labels of meta.Canonical.
func knownLabel(name string) (string, bool) { return meta.Canonical(name) }

// anyLabel accepts any 2–6 character name; it ends a value at an unknown
// label such as 浏览次数：.
func anyLabel(name string) (string, bool) {
	n := runeLen(name)
	return name, n >= 2 && n <= 6
}

// metadata is the 信息公开 block of a page.
type metadata struct {
	values map[string]string
	blocks map[*xhtml.Node]bool // elements holding only metadata, left out of the body
}

// maxValue is the longest plausible metadata value in characters; longer
// text after a label is body text, not a value.
const maxValue = 300

// findMetadata reads every label/value pair on the page, whatever the
// markup: label and value in one text node (li, p), in sibling elements
// (td, span, dd, b + text). The first value of a key wins.
func findMetadata(doc *xhtml.Node) metadata {
	md := metadata{values: map[string]string{}, blocks: map[*xhtml.Node]bool{}}
	r := &labelReader{values: md.values, labelCells: map[*xhtml.Node]int{}}
	hits := map[*xhtml.Node]int{}
	size := map[*xhtml.Node]int{} // characters of labels and values below a node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if invisible(n) || isElement(n, atom.A) {
			return
		}
		if n.Type == xhtml.TextNode {
			for _, h := range r.read(n) {
				markBlocks(n, h, hits, size, md.blocks)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// A block with two labels or more whose text is mostly labels and
	// values is a metadata block, not body.
	for n, c := range hits {
		if c >= 2 && size[n]*10 >= 6*runeLen(textOf(n)) {
			md.blocks[n] = true
		}
	}
	return md
}

// labelHit is a label found in a text node and the size in characters of
// the label and its value.
type labelHit struct {
	key  string
	size int
}

// labelReader reads label/value pairs from text nodes.
type labelReader struct {
	values     map[string]string
	labelCells map[*xhtml.Node]int // labels per group (table, list, div), counted once
}

// read reads the labels in the text node n and stores their values.
func (r *labelReader) read(n *xhtml.Node) []labelHit {
	s := n.Data
	if runeLen(s) > 400 {
		return nil
	}
	labels := scanLabels(s, knownLabel, false)
	if len(labels) == 0 || !inShortLine(n) {
		return nil
	}
	rs := []rune(s)
	var hits []labelHit
	for i, l := range labels {
		end := len(rs)
		if i+1 < len(labels) {
			end = labels[i+1].start
		}
		v := cutAtLabel(string(rs[l.end:end]))
		if strings.TrimSpace(v) == "" && i == len(labels)-1 {
			if !l.colon && !colonFollows(n) && !r.labelInGroup(n) {
				continue
			}
			v = valueAfter(n)
		}
		hits = append(hits, labelHit{l.key, l.end - l.start + runeLen(collapseSpace(v))})
		store(r.values, l.key, v)
	}
	return hits
}

// maxLine is the longest line, in bytes, that can hold metadata; running
// paragraphs that mention a label are longer.
const maxLine = 1200

// inShortLine reports whether the line around the text node n (its inline
// neighbours up to the enclosing block boundaries) is short enough to be
// part of a metadata block.
func inShortLine(n *xhtml.Node) bool {
	m := n
	for m.Parent != nil && !isBlock(m.Parent) {
		m = m.Parent
	}
	size := 0
	add := func(s *xhtml.Node) bool {
		if isBlock(s) {
			return false
		}
		t, ok := shortText(s, maxLine)
		if s.Type == xhtml.TextNode {
			t, ok = collapseSpace(s.Data), true
		}
		size += len(t)
		return ok && size <= maxLine
	}
	for s := m.PrevSibling; s != nil && !isBlock(s); s = s.PrevSibling {
		if !add(s) {
			return false
		}
	}
	for s := m; s != nil && !isBlock(s); s = s.NextSibling {
		if !add(s) {
			return false
		}
	}
	return size <= maxLine
}

// cutAtLabel ends a value at the next label, known or not ("2025-03-21
// 浏览次数：" → "2025-03-21").
func cutAtLabel(v string) string {
	if ls := scanLabels(v, anyLabel, true); len(ls) > 0 {
		for _, l := range ls {
			if l.colon && l.start > 0 {
				return string([]rune(v)[:l.start])
			}
		}
	}
	return v
}

// store cleans a value and keeps it unless the key already has one.
func store(values map[string]string, key, v string) {
	if _, ok := values[key]; ok {
		return
	}
	v = collapseSpace(v)
	v = strings.TrimLeft(v, ":： ")
	v = meta.CleanValue(v)
	if v == "" || runeLen(v) > maxValue {
		return
	}
	if meta.IsDateKey(key) {
		iso, ok := leadingDate(v)
		if !ok {
			return
		}
		v = iso
	}
	values[key] = v
}

// leadingDate returns the ISO date a metadata value starts with:
// "2025-01-20 09:39", but also "2025-01-20【字体：大 中 小】".
func leadingDate(v string) (string, bool) {
	if iso, ok := date.Parse(v); ok {
		return iso, true
	}
	if ds := date.Find(v); len(ds) > 0 && ds[0].Start == 0 {
		return ds[0].Value, true
	}
	return "", false
}

// labelInGroup reports whether the text node is a label without colon
// whose value sits in the next element (<td>索 引 号</td><td>…</td>,
// <dt>成文日期</dt><dd>…</dd>, <span>发布机构</span><span>…</span>) inside a
// table, list or div that holds other such labels: a lone 名称 heading a
// column of a statistics table is no label.
func (r *labelReader) labelInGroup(n *xhtml.Node) bool {
	var group *xhtml.Node
	for p, i := n.Parent, 0; p != nil && i < 6 && group == nil; p, i = p.Parent, i+1 {
		switch p.DataAtom {
		case atom.Table, atom.Dl, atom.Ul, atom.Ol, atom.Div:
			group = p
		case atom.Body:
			return false
		}
	}
	if group == nil {
		return false
	}
	c, ok := r.labelCells[group]
	if !ok {
		var walk func(*xhtml.Node)
		walk = func(m *xhtml.Node) {
			if invisible(m) || m.DataAtom == atom.A {
				return
			}
			if m.Type == xhtml.TextNode {
				if t := collapseSpace(m.Data); t != "" && runeLen(t) <= 20 {
					if ls := scanLabels(t, knownLabel, false); len(ls) > 0 && ls[0].start == 0 {
						c++
					}
				}
				return
			}
			for k := m.FirstChild; k != nil; k = k.NextSibling {
				walk(k)
			}
		}
		walk(group)
		r.labelCells[group] = c
	}
	return c >= 2
}

// colonFollows reports whether the text after n starts with a colon, as in
// <strong>索引号</strong>：value.
func colonFollows(n *xhtml.Node) bool {
	for m := n; m != nil; m = m.Parent {
		for s := m.NextSibling; s != nil; s = s.NextSibling {
			t := strings.TrimSpace(textOf(s))
			if t == "" {
				continue
			}
			return strings.HasPrefix(t, ":") || strings.HasPrefix(t, "：")
		}
		if m.Parent == nil || isBlock(m.Parent) {
			return false
		}
	}
	return false
}

// valueAfter finds the value that follows the label text node n: the text
// of its following siblings up to the next label, climbing out of the
// elements that hold only the label (<td><b>索引号：</b></td><td>value</td>).
func valueAfter(n *xhtml.Node) string {
	m := n
	for depth := 0; depth < 4 && m != nil; depth++ {
		v, hitLabel := siblingsText(m)
		if strings.TrimLeft(v, ":： ") != "" || hitLabel {
			return v
		}
		p := m.Parent
		if p == nil || !onlyChild(p, m) {
			return ""
		}
		switch p.DataAtom {
		case atom.Tr, atom.Table, atom.Tbody, atom.Ul, atom.Ol, atom.Dl, atom.Body:
			return ""
		}
		m = p
	}
	return ""
}

// siblingsText collects the text of the siblings after m until the first
// element that holds a label, stopping after the first element with text.
func siblingsText(m *xhtml.Node) (text string, hitLabel bool) {
	var b strings.Builder
	for s := m.NextSibling; s != nil; s = s.NextSibling {
		if invisible(s) {
			continue
		}
		t := textOf(s)
		if s.Type == xhtml.TextNode {
			t = s.Data
		}
		if holdsLabel(s) {
			return b.String(), true
		}
		b.WriteString(t)
		b.WriteByte(' ')
		if s.Type == xhtml.ElementNode && strings.TrimLeft(strings.TrimSpace(b.String()), ":：") != "" {
			break
		}
		if runeLen(b.String()) > maxValue {
			break
		}
	}
	return b.String(), false
}

// holdsLabel reports whether the node starts with a known label.
func holdsLabel(n *xhtml.Node) bool {
	t := textOf(n)
	if n.Type == xhtml.TextNode {
		t = collapseSpace(n.Data)
	}
	if runeLen(t) > 400 {
		return false
	}
	ls := scanLabels(t, knownLabel, false)
	return len(ls) > 0 && ls[0].start == 0
}

// onlyChild reports whether c is the only child of p with visible text.
func onlyChild(p, c *xhtml.Node) bool {
	for s := p.FirstChild; s != nil; s = s.NextSibling {
		if s == c || invisible(s) {
			continue
		}
		if s.Type == xhtml.TextNode && strings.TrimSpace(collapseSpace(s.Data)) == "" {
			continue
		}
		if s.Type == xhtml.ElementNode && textOf(s) == "" {
			continue
		}
		return false
	}
	return true
}

// markBlocks counts a label hit on the elements around the text node n, so
// that blocks made of metadata can be left out of the body. An element whose
// whole text is this one label and its value is a block by itself.
func markBlocks(n *xhtml.Node, h labelHit, hits, size map[*xhtml.Node]int, blocks map[*xhtml.Node]bool) {
	for p, i := n.Parent, 0; p != nil && i < 6; p, i = p.Parent, i+1 {
		if p.DataAtom == atom.Body || p.DataAtom == atom.Html {
			return
		}
		hits[p]++
		size[p] += h.size
		if isBlock(p) && p.DataAtom != atom.Td && p.DataAtom != atom.Th && !blocks[p] {
			if t, ok := shortText(p, 80*3); ok && runeLen(t) <= 80 && holdsLabel(p) {
				blocks[p] = true
			}
		}
	}
}
