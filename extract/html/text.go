package html

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/gongwen/gongwen/extract/table"
)

// softBreak stands for white space with a line break in the HTML source.
// Between two Han characters it disappears: sources wrap long lines, and
// Chinese has no spaces between words.
const softBreak = '\x01'

// tableMark stands alone on the line before the rows of a data table, so
// that the table's place in the text is known once the lines are cleaned.
const tableMark = "\x02"

// renderText turns the body nodes into clean text: one line per paragraph
// or block, one line per table row with cells joined by tabs, furniture,
// metadata blocks and boilerplate lines left out. It returns the data
// tables too, each with Start, the rune offset of its first row in the text.
func renderText(region []*xhtml.Node, skip map[*xhtml.Node]bool) (string, []table.Table) {
	r := &renderer{skip: skip, tables: []table.Table{}}
	for _, n := range region {
		r.node(n)
		r.newline()
	}
	text, marks := cleanLines(r.b.String())
	for i := range r.tables {
		r.tables[i].Start = -1
		if i < len(marks) {
			r.tables[i].Start = marks[i]
		}
	}
	return text, r.tables
}

type renderer struct {
	b      strings.Builder
	skip   map[*xhtml.Node]bool
	tables []table.Table // the data tables met so far; nil in a renderer of one cell
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
		if c == softBreak || c == rune(tableMark[0]) {
			continue // control characters of the renderer's own
		}
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
// A table of at least two rows and two columns is also kept as a
// table.Table, its caption from <caption>.
func (r *renderer) table(t *xhtml.Node) {
	caption := ""
	if c := findFirst(t, func(n *xhtml.Node) bool { return n.DataAtom == atom.Caption }); c != nil && !invisible(c) {
		caption = squeeze(strings.ReplaceAll(textOf(c), "\n", string(softBreak)))
		if caption != "" {
			r.b.WriteString(caption)
			r.newline()
		}
	}
	var grid [][]table.Cell
	r.b.WriteString(tableMark)
	r.newline()
	pending := map[int]int{} // column → rows still covered by a rowspan from above
	for _, tr := range rows(t) {
		var cells []string
		var gridRow []table.Cell
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
			text := squeeze(strings.ReplaceAll(sub.b.String(), "\n", string(softBreak)))
			cells = append(cells, text)
			colspan, rowspan := span(c, "colspan"), span(c, "rowspan")
			gridRow = append(gridRow, table.Cell{Text: text, RowSpan: rowspan, ColSpan: colspan})
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
		grid = append(grid, gridRow)
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) > 0 {
			r.b.WriteString(strings.Join(cells, "\t"))
			r.newline()
		}
	}
	if r.tables == nil {
		return
	}
	// The mark is there for every table, kept or not, so marks and tables
	// stay in step; a table too small to hold data is dropped later.
	tb := table.Table{Caption: caption, Rows: table.Grid(grid)}
	r.tables = append(r.tables, tb)
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
// (spaces, nbsp, U+3000), drops empty lines and boilerplate lines. It
// removes the table marks and returns the rune offset of the line after
// each.
func cleanLines(s string) (string, []int) {
	var out []string
	var marks []int
	at := 0 // rune offset of the next line
	for _, line := range strings.Split(s, "\n") {
		if line == tableMark {
			marks = append(marks, at)
			continue
		}
		var cells []string
		for _, c := range strings.Split(line, "\t") {
			cells = append(cells, squeeze(c))
		}
		line = strings.Join(cells, "\t")
		if strings.Trim(line, "\t") == "" || boilerplate(line) {
			continue
		}
		out = append(out, line)
		at += utf8.RuneCountInString(line) + 1
	}
	text := strings.Join(out, "\n")
	n := utf8.RuneCountInString(text)
	for i := range marks {
		marks[i] = min(marks[i], n) // a table at the very end
	}
	return text, marks
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
