package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A line is a row of text on a page.
type line struct {
	x, end float64   // left and right edge
	y      float64   // baseline
	size   float64   // largest font size on the line
	text   string    // tab-separated cells in a table row
	cells  []float64 // left edge of each cell
	ends   []float64 // right edge of each cell
	bottom float64   // baseline of the last line of text merged into a table row's cells
	table  int       // for a row of a table: 1 + the table's index in the document's tables
	row    int       // and the row's index in the table
}

// pageLines groups spans into lines, top to bottom, and each line's spans left to right.
func pageLines(spans []span) []line {
	sorted := make([]span, 0, len(spans))
	for _, s := range spans {
		if s.size < 0.5 { // invisible or degenerate text
			continue
		}
		sorted = append(sorted, s)
	}
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y > sorted[j].y })
	var lines []line
	var row []span
	flush := func() {
		if len(row) > 0 {
			if l := joinSpans(row); l.text != "" { // spaces only
				lines = append(lines, l)
			}
		}
		row = row[:0]
	}
	for _, s := range sorted {
		if len(row) > 0 {
			first := row[0]
			if math.Abs(first.y-s.y) > 0.5*math.Max(first.size, s.size) {
				flush()
			}
		}
		row = append(row, s)
	}
	flush()
	return mergeWrappedCells(lines)
}

// mergeWrappedCells puts text that wrapped inside the cells of a table row back into those cells: a
// line just below a row whose pieces each start at a cell's left edge and end before the next cell.
func mergeWrappedCells(lines []line) []line {
	var out []line
	for _, l := range lines {
		if n := len(out); n > 0 && len(out[n-1].cells) > 1 {
			row := &out[n-1]
			if row.bottom-l.y < 2*l.size && row.mergeCells(l) {
				row.bottom = l.y
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// mergeCells appends each cell of l to the cell of row it sits under, if every cell of l has one and
// l fills fewer cells than row (a line filling them all is the next row).
func (row *line) mergeCells(l line) bool {
	pieces := strings.Split(l.text, "\t")
	if len(pieces) != len(l.cells) || len(pieces) >= len(row.cells) {
		return false
	}
	target := make([]int, len(pieces))
	for i, x := range l.cells {
		target[i] = -1
		end := l.end
		if i+1 < len(l.cells) {
			end = l.cells[i+1]
		}
		for k, cx := range row.cells {
			fits := k+1 == len(row.cells) || end <= row.cells[k+1]+0.2*l.size
			if math.Abs(x-cx) < 0.5*l.size && fits {
				target[i] = k
			}
		}
		if target[i] < 0 {
			return false
		}
	}
	cells := strings.Split(row.text, "\t")
	if len(cells) != len(row.cells) {
		return false
	}
	for i, k := range target {
		cells[k] += pieces[i]
		if i < len(l.ends) && k < len(row.ends) {
			row.ends[k] = math.Max(row.ends[k], l.ends[i])
		}
	}
	row.text = strings.Join(cells, "\t")
	return true
}

// joinSpans makes one line of spans on the same baseline. Spans are glued without a space unless the
// gap between them is wider than a space between Latin words; a gap much wider than the spacing of
// text (a table column, a date flush right) becomes a tab.
func joinSpans(row []span) line {
	sort.SliceStable(row, func(i, j int) bool { return row[i].x < row[j].x })
	l := line{x: row[0].x, end: row[0].end, y: row[0].y, bottom: row[0].y, cells: []float64{row[0].x}, ends: []float64{row[0].end}}
	var b strings.Builder
	var prev span
	space := false // a space drawn as a span of its own since prev
	for i, s := range row {
		l.size = math.Max(l.size, s.size)
		if i > 0 && strings.TrimSpace(s.text) == "" {
			space = true // the gap decides between a space and a tab
			continue
		}
		if i > 0 {
			if s.text == prev.text && math.Abs(s.x-prev.x) < 0.2*s.size {
				continue // the same text drawn twice, slightly offset, to fake bold
			}
			gap := s.x - prev.end
			last, _ := utf8.DecodeLastRuneInString(prev.text)
			first, _ := utf8.DecodeRuneInString(s.text)
			wide := isWide(last) || isWide(first)
			switch {
			case unicode.IsSpace(last) || unicode.IsSpace(first):
			case wide && gap > 0.6*s.size || gap > 1.5*s.size:
				b.WriteByte('\t')
				l.cells = append(l.cells, s.x)
				l.ends = append(l.ends, s.end)
			case space || !wide && gap > 0.2*s.size:
				b.WriteByte(' ')
			}
		}
		space = false
		b.WriteString(s.text)
		l.end = math.Max(l.end, s.end)
		l.ends[len(l.ends)-1] = math.Max(l.ends[len(l.ends)-1], s.end)
		prev = s
	}
	l.text = strings.TrimSpace(b.String())
	if strings.Contains(l.text, "\t") && spacedOut(l.text) {
		l.text = strings.ReplaceAll(l.text, "\t", " ") // a title set with wide letter spacing: 报  告
		l.cells, l.ends = l.cells[:1], []float64{l.end}
	}
	return l
}

// spacedOut reports whether every tab-separated piece of s is a single character.
func spacedOut(s string) bool {
	for _, piece := range strings.Split(s, "\t") {
		if utf8.RuneCountInString(strings.TrimSpace(piece)) > 1 {
			return false
		}
	}
	return true
}

// pageNumber matches running page numbers once spaces are removed: "— 3 —", "- 3 -", "第3页 共10页",
// "3/10", "Page 3 of 10".
var pageNumber = regexp.MustCompile(`^(?i:[-—–－―‐~·•]*\d{1,4}[-—–－―‐~·•]*|第\d+页[,，]?(共\d+页)?|共\d+页[,，]?第\d+页|\d+/\d+|page\d+(of\d+)?)$`)

var digits = regexp.MustCompile(`\d+`)

// removeRunning drops running headers and footers: page numbers in the first or last two lines of a
// page, and a line that recurs (digits aside) at the top or at the bottom of most pages.
func removeRunning(pages [][]line) {
	for i, lines := range pages {
		var kept []line
		for j, l := range lines {
			edge := j < 2 || j >= len(lines)-2
			if edge && l.table == 0 && pageNumber.MatchString(strings.Join(strings.Fields(l.text), "")) {
				continue
			}
			kept = append(kept, l)
		}
		pages[i] = kept
	}
	withText := 0
	for _, lines := range pages {
		if len(lines) > 0 {
			withText++
		}
	}
	if withText < 2 {
		return
	}
	key := func(l line) string { return digits.ReplaceAllString(strings.Join(strings.Fields(l.text), ""), "#") }
	for pass := 0; pass < 2; pass++ { // a header can sit above another header line
		top, bottom := map[string]int{}, map[string]int{}
		for _, lines := range pages {
			if len(lines) > 0 {
				top[key(lines[0])]++
				bottom[key(lines[len(lines)-1])]++
			}
		}
		repeated := func(count int) bool { return count >= 2 && 2*count >= withText }
		for i, lines := range pages {
			if len(lines) > 0 && lines[0].table == 0 && repeated(top[key(lines[0])]) {
				lines = lines[1:]
			}
			if n := len(lines); n > 0 && lines[n-1].table == 0 && repeated(bottom[key(lines[n-1])]) {
				lines = lines[:len(lines)-1]
			}
			pages[i] = lines
		}
	}
}

// heading matches the start of a numbered heading: 一、 （一） 第一章 1. 1、
var heading = regexp.MustCompile(`^(第[一二三四五六七八九十百零〇\d]+[章节条部分篇]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、．.]\D)`)

// margins are the left and right edges of the body text, and the usual distance between lines.
type margins struct {
	left, right, pitch float64
}

// measure finds the body margins: most lines start at the left margin, and lines of justified or
// wrapped text end near the right one.
func measure(pages [][]line) margins {
	var starts, ends, pitches []float64
	for _, lines := range pages {
		for i, l := range lines {
			if l.table > 0 { // a table's rows say nothing about the margins of the text
				continue
			}
			starts = append(starts, l.x)
			ends = append(ends, l.end)
			if i > 0 {
				if d := lines[i-1].y - l.y; d > 0 {
					pitches = append(pitches, d)
				}
			}
		}
	}
	var m margins
	m.left = mode(starts)
	m.right = rightEdge(ends)
	m.pitch = percentile(pitches, 0.5)
	return m
}

// mode returns the most common value of v rounded to whole points (the smallest if tied).
func mode(v []float64) float64 {
	count := map[float64]int{}
	best, n := 0.0, 0
	for _, x := range v {
		x = math.Round(x)
		count[x]++
		if c := count[x]; c > n || c == n && x < best {
			best, n = x, c
		}
	}
	return best
}

// rightEdge returns the right margin: the furthest line end (in whole points, give or take one) that
// at least a quarter as many lines reach as the most common end. Justified text ends at the margin;
// ragged text, short lines and the occasional line with punctuation hanging past the margin do not
// move it.
func rightEdge(ends []float64) float64 {
	count := map[float64]int{}
	for _, x := range ends {
		count[math.Round(x)]++
	}
	support := func(x float64) int { return count[x-1] + count[x] + count[x+1] }
	top := 0
	for x := range count {
		top = max(top, support(x))
	}
	right := 0.0
	for x := range count {
		if n := support(x); n >= 2 && 4*n >= top && x > right {
			right = x
		}
	}
	if right == 0 {
		return percentile(ends, 1)
	}
	return right
}

func percentile(v []float64, p float64) float64 {
	if len(v) == 0 {
		return 0
	}
	sort.Float64s(v)
	return v[int(p*float64(len(v)-1))]
}

// paragraphs joins the lines of all pages into paragraphs, one per output line; the rows of a table
// are lines of their own. It returns the text; for each page the byte offset where its text begins
// (before the break or space that joins it to the previous page); and for each table with a row in
// it (by 1 + its index in the document's tables), the rune offset where its first row starts.
func paragraphs(pages [][]line) (text string, pageStarts []int, tableStarts map[int]int) {
	m := measure(pages)
	chinese := isChinese(pages)
	var b strings.Builder
	runes := 0
	write := func(s string) {
		b.WriteString(s)
		runes += utf8.RuneCountInString(s)
	}
	tableStarts = map[int]int{}
	var prev *line
	samePage := false
	pageStarts = make([]int, len(pages))
	for p, lines := range pages {
		pageStarts[p] = b.Len()
		samePage = false
		for i := range lines {
			l := &lines[i]
			if prev != nil {
				if l.table > 0 || prev.table > 0 || m.breaks(prev, l, samePage) {
					write("\n")
				} else if needsSpace(prev.text, l.text, chinese) {
					write(" ")
				}
			}
			if _, ok := tableStarts[l.table]; l.table > 0 && !ok {
				tableStarts[l.table] = runes
			}
			write(l.text)
			prev = l
			samePage = true
		}
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	text = b.String()
	for p := range pageStarts {
		pageStarts[p] = min(pageStarts[p], len(text))
	}
	return text, pageStarts, tableStarts
}

// breaks reports whether line b starts a new paragraph after line a.
func (m margins) breaks(a, b *line, samePage bool) bool {
	size := math.Max(a.size, b.size)
	switch {
	case math.Abs(a.size-b.size) > 0.15*size: // a title or heading in another size
		return true
	case samePage && m.pitch > 0 && a.y-b.y > 1.6*m.pitch: // a gap between paragraphs
		return true
	case samePage && b.y > a.y: // text above the previous line: another column or a block
		return true
	case heading.MatchString(b.text):
		return true
	case a.x > m.left+3*a.size && !m.centred(a): // a was set flush right: a signature, a date
		return true
	case strings.Contains(a.text, "\t") || strings.Contains(b.text, "\t"): // table rows stay lines
		return true
	}
	full := a.end >= m.right-1.5*a.size
	if m.centred(b) && (full && a.x < m.left+0.5*a.size || m.centred(a) && a.end-a.x > m.right-m.left-6*a.size) {
		return false // a centred title over two lines
	}
	switch {
	case !full: // the previous line ends short of the right margin
		return true
	case b.x > m.left+3*b.size: // centred or flush right, never a continuation
		return true
	}
	return b.x > a.x+0.8*b.size && b.x > m.left+0.8*b.size // b is indented
}

// centred reports whether l is centred between the margins (and not just indented).
func (m margins) centred(l *line) bool {
	in, out := l.x-m.left, m.right-l.end
	return in > 1.5*l.size && math.Abs(in-out) < 0.6*l.size
}

// needsSpace reports whether joining two lines of a paragraph needs a space. Never next to Chinese,
// after a hyphen, or inside a number broken over two lines (2376.|5亿元); in Chinese text only between
// two Latin words (5|G基站 stays 5G), in other text between any two words.
func needsSpace(a, b string, chinese bool) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	switch {
	case isWide(last) || isWide(first) || unicode.IsSpace(last) || unicode.IsSpace(first):
		return false
	case last == '-' || last == '/':
		return false
	case unicode.IsDigit(first) && (unicode.IsDigit(last) || last == '.' || last == ','):
		return false
	}
	letter := func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }
	if chinese {
		if letter(last) && letter(first) {
			return !acronym(a, b) // G D|P is GDP
		}
		return letter(first) && strings.ContainsRune(",;:!?)", last)
	}
	return letter(first) || unicode.IsDigit(first) || strings.ContainsRune("(\"'", first)
}

// acronym reports whether the Latin letters and digits around the join of a and b are all capitals:
// an acronym such as GDP or PM2.5 broken over two lines rather than two English words.
func acronym(a, b string) bool {
	capital := func(r rune) bool { return 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' }
	tail := strings.TrimRightFunc(a, capital)
	head := strings.TrimLeftFunc(b, capital)
	before, _ := utf8.DecodeLastRuneInString(tail)
	after, _ := utf8.DecodeRuneInString(head)
	latin := func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
	return !latin(before) && !latin(after)
}

// isChinese reports whether Chinese characters outnumber Latin letters in the lines.
func isChinese(pages [][]line) bool {
	han, latin := 0, 0
	for _, lines := range pages {
		for _, l := range lines {
			for _, r := range l.text {
				switch {
				case unicode.Is(unicode.Han, r):
					han++
				case r < 0x80 && unicode.IsLetter(r):
					latin++
				}
			}
		}
	}
	return han > latin
}
