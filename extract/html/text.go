package html

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// softBreak stands for white space with a line break in the HTML source.
// Between two Han characters it disappears: sources wrap long lines, and
// Chinese has no spaces between words.
const softBreak = '\x01'

// renderText turns the body nodes into clean text: one line per paragraph
// or block, one line per table row with cells joined by tabs, furniture,
// metadata blocks and boilerplate lines left out.
func renderText(region []*xhtml.Node, skip map[*xhtml.Node]bool) string {
	r := &renderer{skip: skip}
	for _, n := range region {
		r.node(n)
		r.newline()
	}
	return cleanLines(r.b.String())
}

type renderer struct {
	b    strings.Builder
	skip map[*xhtml.Node]bool
}

func (r *renderer) newline() { r.b.WriteByte('\n') }

func (r *renderer) node(n *xhtml.Node) {
	if invisible(n) || r.skip[n] || isChrome(n) {
		return
	}
	switch n.Type {
	case xhtml.TextNode:
		r.text(n.Data)
		return
	case xhtml.ElementNode:
	case xhtml.DocumentNode:
	default:
		return
	}
	if n.DataAtom == atom.Br {
		r.newline()
		return
	}
	if n.DataAtom == atom.Table && !isLayoutTable(n) {
		r.newline()
		r.table(n)
		r.newline()
		return
	}
	block := isBlock(n)
	if block {
		r.newline()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c)
	}
	if block {
		r.newline()
	}
}

// text writes a text node, marking white space that held a line break.
func (r *renderer) text(s string) {
	space, brk := false, false
	flush := func() {
		switch {
		case brk:
			r.b.WriteRune(softBreak)
		case space:
			r.b.WriteByte(' ')
		}
		space, brk = false, false
	}
	for _, c := range s {
		if isSpace(c) {
			space = true
			brk = brk || c == '\n' || c == '\r'
			continue
		}
		flush()
		r.b.WriteRune(c)
	}
	flush()
}

// maxSpan bounds colspan and rowspan: real tables never need more, and
// hostile values must not blow up the grid.
const maxSpan = 50

// table writes a data table: each row on a line, cells joined by tabs.
// Merged cells keep the columns aligned: a colspan or rowspan cell is
// written once and leaves empty cells in the columns and rows it covers.
func (r *renderer) table(t *xhtml.Node) {
	pending := map[int]int{} // column → rows still covered by a rowspan from above
	for _, tr := range rows(t) {
		var cells []string
		col := 0
		skipCovered := func() {
			for pending[col] > 0 {
				pending[col]--
				cells = append(cells, "")
				col++
			}
		}
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th || invisible(c) {
				continue
			}
			skipCovered()
			sub := &renderer{skip: r.skip}
			sub.node(c)
			// Lines inside a cell ("比上年<br>增长") join like wrapped source lines.
			cells = append(cells, squeeze(strings.ReplaceAll(sub.b.String(), "\n", string(softBreak))))
			colspan, rowspan := span(c, "colspan"), span(c, "rowspan")
			for i := 0; i < colspan; i++ {
				if i > 0 {
					cells = append(cells, "")
				}
				if rowspan > 1 {
					pending[col] = max(pending[col], rowspan-1)
				}
				col++
			}
		}
		skipCovered()
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) > 0 {
			r.b.WriteString(strings.Join(cells, "\t"))
			r.newline()
		}
	}
}

// span reads a colspan or rowspan attribute: 1 when absent or invalid.
func span(n *xhtml.Node, key string) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxSpan)
}

// rows returns the rows of table t, not those of nested tables.
func rows(t *xhtml.Node) []*xhtml.Node {
	var out []*xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.DataAtom == atom.Tr:
				out = append(out, c)
			case c.DataAtom == atom.Table || invisible(c):
			case c.Type == xhtml.ElementNode:
				walk(c)
			}
		}
	}
	walk(t)
	return out
}

// isLayoutTable reports whether a table lays out the page rather than
// holding data: it nests tables or has a cell of running text.
func isLayoutTable(t *xhtml.Node) bool {
	if findFirst(t, func(n *xhtml.Node) bool { return n != t && n.DataAtom == atom.Table }) != nil {
		return true
	}
	for _, tr := range rows(t) {
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && runeLen(textOf(c)) > 200 {
				return true
			}
		}
	}
	return false
}

// cleanLines normalises white space in every line, trims indentation
// (spaces, nbsp, U+3000), drops empty lines and boilerplate lines.
func cleanLines(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		var cells []string
		for _, c := range strings.Split(line, "\t") {
			cells = append(cells, squeeze(c))
		}
		line = strings.Join(cells, "\t")
		if strings.Trim(line, "\t") == "" || boilerplate(line) {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// squeeze collapses white space to one space, drops soft breaks between Han
// characters and trims the ends.
func squeeze(s string) string {
	rs := []rune(s)
	var b []rune
	for i := 0; i < len(rs); {
		if !isSpace(rs[i]) && rs[i] != softBreak {
			b = append(b, rs[i])
			i++
			continue
		}
		j, brk := i, false
		for j < len(rs) && (isSpace(rs[j]) || rs[j] == softBreak) {
			brk = brk || rs[j] == softBreak
			j++
		}
		if len(b) > 0 && j < len(rs) && !(brk && hanLike(b[len(b)-1]) && hanLike(rs[j])) {
			b = append(b, ' ')
		}
		i = j
	}
	return string(b)
}

// hanLike reports whether r is a Han character or CJK punctuation.
func hanLike(r rune) bool {
	return isCJK(r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

var (
	// footerPhrases mark furniture lines wherever they occur in the line.
	footerPhrases = []string{"ICP备", "公网安备", "网站标识码", "版权所有", "Copyright", "©",
		"主办单位：", "主办单位:", "承办单位：", "承办单位:", "技术支持：", "技术支持:", "扫一扫在手机"}
	// toolPrefixes mark furniture lines by their start.
	toolPrefixes = []string{"当前位置", "您的位置", "您现在的位置", "您所在的位置", "所在位置", "分享到",
		"上一篇", "下一篇", "我要纠错", "【我要纠错", "责任编辑：", "责任编辑:"}
	// cssRule matches a line of bare CSS such as ".TRS_Editor P{margin-top:0}".
	cssRule = regexp.MustCompile(`^[.#]?[A-Za-z_][\w-]*(\s+[A-Za-z]+)?\s*\{`)
	// toolWords are the words of print/close/font-size tool bars; a line made
	// only of them is dropped.
	toolWords = strings.NewReplacer(
		"打印本页", "", "打印", "", "关闭窗口", "", "关闭本页", "", "关闭", "", "收藏", "", "分享到", "", "分享", "",
		"返回顶部", "", "返回", "", "顶部", "", "字号", "", "字体", "", "放大", "", "正常", "", "缩小", "", "默认", "",
		"大", "", "中", "", "小", "", "我要纠错", "", "纠错", "", "【", "", "】", "", "[", "", "]", "", "(", "", ")", "",
		"（", "", "）", "", "|", "", "｜", "", ":", "", "：", "", "/", "", "、", "", " ", "", "\t", "", "T", "", "+", "", "-", "")
)

// boilerplate reports whether a line is page furniture. Long lines are
// always kept: they are running text that happens to quote a phrase.
func boilerplate(line string) bool {
	if runeLen(line) > 120 {
		return false
	}
	if !strings.ContainsFunc(line, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return true // separators such as "|" or "———"
	}
	for _, p := range footerPhrases {
		if strings.Contains(line, p) {
			return true
		}
	}
	for _, p := range toolPrefixes {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	if strings.Contains(line, "{") && cssRule.MatchString(line) {
		return true
	}
	return toolWords.Replace(line) == "" && countCJK(line) > 0
}
