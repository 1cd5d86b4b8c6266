package identity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/meta"
)

// titleScanLines is how far into a text a title is looked for.
const titleScanLines = 45

// titleEnds are the words the titles of official documents end with.
var titleEnds = []string{"报告", "公报", "通知", "意见", "决定", "办法", "方案", "规定", "批复", "通报", "纪要",
	"规划", "要点", "细则", "条例", "函", "公告", "通告", "决议", "预算", "决算", "总结", "说明", "计划", "纲要",
	"情况", "命令", "公示", "规则", "指南", "清单", "简报", "快报", "年报"}

var (
	// titleTrailer is a note after the title's last word: （2024年度）, (草案),
	// （2021—2035年）, —全文.
	titleTrailer = lazyRegexp(`(?:[（(][^（()）]{0,16}[)）]|【[^【】]{0,8}】|[—–-]+\s*全文|[》」”"])$`)
	// trailerLast are the characters a titleTrailer ends with: a regexp
	// anchored at the end is tried from every character of the line.
	trailerLast = ")）】文》」”\""
	// fullTextMark is a site's note that the page holds the whole text.
	fullTextMark = lazyRegexp(`[—–-]+\s*全文$`)
	// headingNumber starts a numbered heading of the body.
	headingNumber = mustPattern(`^(?:第[一二三四五六七八九十百零〇]+[章节条部分编]|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十0-9０-９]{1,3}[)）]|[0-9０-９]{1,2}[、.．])`)
	// docNumberLine is a line ending with a document number or 令 number.
	docNumberLine = lazyRegexp(`[〔\[［【（(]\s*[0-9０-９]{4}\s*[〕\]］】）)]\s*第?\s*[0-9０-９]+\s*号$|^第\s*[0-9０-９一二三四五六七八九十百]+\s*号$`)
	// dateLine is a line that holds a date and nothing else.
	dateLine = lazyRegexp(`^[（(]?\s*(?:[12][0-9]{3}|[１２][０-９]{3}|[一二][〇○零Ｏ一二三四五六七八九]{3})\s*[年./\-／]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[月./\-／]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日?\s*[)）]?$`)
	// chromeLine starts the lines of a page's furniture.
	chromeLine = mustPattern(`^(?:首页|网站首页|当前位置|您的位置|您当前的位置|您所在的位置|您现在的位置|所在位置|打印|关闭|返回|分享|字号|字体|今天是|欢迎|【|\[)`)
	// speechHeader starts the line under a speech's title: ——2025年1月9日在….
	speechStart = mustPattern(`^(?:[—\-－–─]{1,3}|[（(].{0,24}在.{0,40}(?:会议|大会))`)
	// crumbSep separates the steps of a breadcrumb, or a column's name from
	// the title after it (政务服务丨某市人民政府关于…, 政策解读 | …).
	crumbSep = lazyRegexp(`\s*(?:>>|>|＞|»|›|→|丨|｜|\|)\s*`)
	// crumbMarks are the marks of crumbSep: a line has a crumbSep if and
	// only if it has one of them.
	crumbMarks = ">＞»›→丨｜|"
	// siteNameEnds end a line naming the site above a title.
	siteNameEnds = []string{"网站", "门户", "政府网", "政务网", "信息公开平台", "公开专栏"}
	// repostMark is a forum's tag before a title: 【转帖】.
	repostMark = lazyRegexp(`^【[^】]{1,6}】`)
)

// Title finds the title at the top of a text and says how: the first block
// of short consecutive lines (no sentence punctuation, no metadata label,
// document number, date or page furniture between them) whose last line ends
// like a title (…报告, …公报, …通知, …预算), joined — so a title split over
// lines (国务院关于在市场监管领域全面推行 / 部门联合…监管的意见) comes back
// whole; an info line after the title on the same line (来源：… 浏览次数：…)
// is cut off. Else the last step of a breadcrumb (首页 > … > 2024年…公报),
// else one of the first lines that reads like a title without ending like
// one (…2024年工作总结和2025年工作思路). It returns "" when nothing fits.
func Title(text string) (title, source string) {
	// The lines are split off, trimmed and cut of info as the search
	// reaches them: most titles are found in the first few. Bytes that are
	// no UTF-8 would make characters the text does not have when lines are
	// joined (a broken rune's halves on two lines).
	lines := make([]string, 0, 8)
	rest := text
	prepare := func(n int) {
		for len(lines) < min(n, titleScanLines) && rest != "" {
			line := rest
			if k := strings.IndexByte(rest, '\n'); k >= 0 {
				line, rest = rest[:k+1], rest[k+1:]
			} else {
				rest = ""
			}
			lines = append(lines, meta.CutInfo(trimLine(strings.ToValidUTF8(line, "\uFFFD"))))
		}
	}
	// A line is asked whether it breaks a title before it is reached, when
	// the one above ends like one: the last answer is kept.
	breaksAt, breaks := -1, false
	lineBreaks := func(i int) bool {
		if i != breaksAt {
			breaksAt, breaks = i, breaksTitle(lines[i])
		}
		return breaks
	}
	var block []string
	crumb, first, found := "", "", ""
	seen, foundAt := 0, 0 // non-empty lines so far; where found was
	for i := 0; ; i++ {
		if prepare(i + 1); i >= len(lines) {
			break
		}
		line := lines[i]
		if line == "" {
			block = block[:0]
			continue
		}
		seen++
		if found != "" && seen-foundAt > laterTitleLines {
			break
		}
		if found == "" && isRecipients(line) {
			break // the text opens without a title: a later one is an attachment's
		}
		if c := crumbTitle(line); c != "" && crumb == "" {
			crumb = c
		}
		if lineBreaks(i) {
			if found != "" && !chromeLine.MatchString(fold(line)) && !chars.ContainsAny(line, crumbMarks) {
				break // the text after the title has begun
			}
			block = block[:0]
			continue
		}
		if len(block) > 0 && !joins(joinTitle(block), line) {
			block = block[:0]
		}
		block = append(block, line)
		if len(block) > 4 {
			block = block[1:]
		}
		if endsLikeTitle(line) {
			// …工作情况 / 的报告: a last line that carries on the title
			prepare(i + 2)
			if i+1 < len(lines) && !lineBreaks(i+1) && continuesTitle(lines[i+1]) {
				continue
			}
			t := joinTitle(block)
			block = block[:0]
			if runeLen(t) < 6 {
				continue
			}
			if found == "" {
				found, foundAt = t, seen
			} else if !titleLike(found) && titleLike(t) {
				found = t // 政府工作报告 (a column's name) / 2023年某区政府工作报告
			}
			if titleLike(found) {
				return found, SourceText
			}
		}
		if first == "" && seen <= 3 && readsLikeTitle(line) {
			first = squashSpaces(line)
		}
	}
	switch {
	case found != "":
		return found, SourceText
	case crumb != "":
		return crumb, SourceBreadcrumb
	case first != "":
		return first, SourceText
	}
	prepare(embeddedLines)
	for _, line := range lines[:min(len(lines), embeddedLines)] {
		if t := embeddedTitle(line); t != "" {
			return t, SourceText
		}
	}
	return "", ""
}

// recipientEnds end the addressees a notice opens with (各县人民政府，市直
// 各单位：; 各位代表：): an addressee line before any title means the text
// has none of its own.
var recipientEnds = lists.Of("addressee-end")

// isRecipients reports whether a line is a notice's addressees.
func isRecipients(line string) bool {
	if !strings.HasSuffix(line, "：") && !strings.HasSuffix(line, ":") {
		return false // no colon ends it (none is folded to): spare the fold
	}
	f := fold(line)
	return endsRecipients(f) && runeLen(f) >= 4 && runesAtMost(f, 120) &&
		!chars.ContainsAny(f, "。！？") && !startsWithLabel(line) && !chromeLine.MatchString(f)
}

// endsRecipients reports whether s ends with a word of recipientEnds and a
// colon.
func endsRecipients(s string) bool {
	s, ok := strings.CutSuffix(s, "：")
	if !ok {
		if s, ok = strings.CutSuffix(s, ":"); !ok {
			return false
		}
	}
	return endsWithAny(s, recipientEnds)
}

// labelsByFirst are the metadata labels (meta.Labels) by their first
// character.
var labelsByFirst = func() map[rune][]string {
	out := map[rune][]string{}
	for _, l := range meta.Labels() {
		r, _ := utf8.DecodeRuneInString(l)
		out[r] = append(out[r], l)
	}
	return out
}()

// labelSpaces are the spaces a page may put between the characters of a
// label (索 引 号) and after it.
const labelSpaces = " \t\u3000\u00a0"

// startsWithLabel reports whether a line starts with a metadata label,
// maybe spaced out, followed by a colon, a bar, a space or the line's end
// (索 引 号：…, 发布机构 某市人民政府, 主题分类|…). A regexp of the labels
// took half a millisecond of every process's start to compile, and
// matching it cost more than this look-up by first character.
func startsWithLabel(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	for _, l := range labelsByFirst[first] {
		if rest, ok := cutLabel(line, l); ok {
			next, _ := utf8.DecodeRuneInString(rest)
			if rest == "" || strings.ContainsRune(":：|"+labelSpaces, next) {
				return true
			}
		}
	}
	return false
}

// cutLabel returns what follows label at the start of line, which may have
// labelSpaces between the label's characters.
func cutLabel(line, label string) (rest string, ok bool) {
	for i, r := range label {
		if i > 0 {
			line = strings.TrimLeft(line, labelSpaces)
		}
		c, size := utf8.DecodeRuneInString(line)
		if c != r {
			return "", false
		}
		line = line[size:]
	}
	return line, true
}

// embeddedLines is how many lines from the top a title glued to other text
// is looked for.
const embeddedLines = 3

var (
	// embeddedStart is where a title glued to other text may begin: after
	// anything that is not a Chinese character, a digit or a title's mark
	// (a site's name and address before it: …www.example.com某省人民政府关于…).
	embeddedStart = lazyRegexp(`[^\p{Han}0-9０-９（）()《》〈〉“”、]`)
	// bodyStart is the first sentence of the body, glued to the title:
	// 2023年，… or a paragraph's first clause.
	bodyStart = lazyRegexp(`[。，,；;：:！？]`)
)

// embeddedTitle finds a title inside a line that holds other text too: a
// site's watermark before it and the body after it, all on one line
// (某某网—资料每日更新www.example.com某省人民政府关于2023年度法治政府建设情况的报告2023年，…).
// The title starts after the last character that is not Chinese, a digit
// or a title's mark, before the first clause of the body; it must name a
// body or a place and end like a title, the body's first words (2023年)
// left out. It returns "" when no such title is there.
func embeddedTitle(text string) string {
	f := fold(text)
	end := len(f)
	if loc := bodyStart().FindStringIndex(f); loc != nil {
		end = loc[0]
	}
	start := 0
	for _, loc := range embeddedStart().FindAllStringIndex(f[:end], -1) {
		start = loc[1]
	}
	cand := line{text, f}.cut(start, end)
	if cand == text || runeLen(cand) < 8 {
		return ""
	}
	// the body's first words after the title's last word: …的报告2023年
	rs := []rune(cand)
	for n := len(rs); n >= 8; n-- {
		t := string(rs[:n])
		if endsLikeTitle(t) && runeLen(t) <= 60 && (orgStart(fold(t)) || startsLikeTitle(fold(t))) {
			return t
		}
	}
	return ""
}

// laterTitleLines is how many lines after a bare title (政府工作报告) a
// title that names a year, a place or 关于 may stand and be taken instead:
// the bare one may be the name of the site's column.
const laterTitleLines = 6

// titleLike reports whether a title names a year, a place or a body, or
// says 关于: what a column's name (政府工作报告, 统计公报) does not.
func titleLike(t string) bool {
	f := fold(t)
	return findYear(f, 0) != nil || strings.Contains(f, "关于") || placeRE().MatchString(titleStart(f)) || orgStart(f)
}

// orgStart reports whether a title starts with a body's name followed by
// what a title goes on with (国务院关于…, 某局2024年…).
func orgStart(f string) bool {
	rs := []rune(f)
	for n := min(len(rs), 40); n >= 2; n-- {
		if IsOrgName(string(rs[:n])) && titleNextLen(string(rs[n:])) > 0 {
			return true
		}
	}
	return false
}

// titleConnectives end a title's line that goes on in the next one.
var titleConnectives = []string{"的", "和", "与", "及", "暨", "、", "关于", "对", "在", "之", "第"}

// joins reports whether line carries on the title lines before it: they
// end with a connective, or name the body whose title this is (驻马店市人民政府
// / 关于…), or the line does not start as a title does (关于, a year, a
// place) — so a column's name (统计数据) above a title stays apart.
func joins(before, line string) bool {
	b, l := fold(before), squashSpaces(fold(line))
	for _, c := range titleConnectives {
		if strings.HasSuffix(b, c) {
			return true
		}
	}
	if IsOrgName(b) {
		return true
	}
	if startsLikeTitle(l) {
		return false
	}
	// 国务院关于在市场监管领域全面推行 / 部门联合…监管的意见, but not
	// 政务公开 (a column) / 政府工作报告
	return !endsLikeTitle(l) || runeLen(l) < 6 || startsLikeTitle(b) || strings.Contains(b, "关于")
}

// startsLikeTitle reports whether a line starts as titles do: 关于, a year,
// a place.
func startsLikeTitle(l string) bool {
	return strings.HasPrefix(l, "关于") || leadingYear().MatchString(l) || placeRE().MatchString(l)
}

// continuesTitle reports whether a line that does not break a title, after
// one that ends like a title, carries the title on: 的报告, 报 告.
func continuesTitle(line string) bool {
	f := squashSpaces(fold(line))
	return endsLikeTitle(f) && (strings.HasPrefix(f, "的") || runeLen(f) <= 3)
}

// joinTitle joins the lines of a title block.
func joinTitle(block []string) string {
	t := squashSpaces(strings.Join(block, ""))
	if strings.HasSuffix(t, "全文") { // the regexp, anchored at the end, is tried from every character
		t = fullTextMark().ReplaceAllString(t, "")
	}
	t = strings.TrimSpace(t)
	// 《2023年某县政府工作报告》: the marks around the whole title go
	if inner, ok := strings.CutPrefix(t, "《"); ok && strings.HasSuffix(inner, "》") && strings.Count(t, "《") == 1 {
		t = strings.TrimSuffix(inner, "》")
	}
	return t
}

// notInTitle are the marks no line of a title has: sentences' and a
// breadcrumb's.
var notInTitle = newMarkSet("。，,；;：:|>»›→！？!?丨｜＞")

// breaksTitle reports whether a line cannot be part of a title.
func breaksTitle(line string) bool {
	if !runesAtMost(line, 60) {
		return true
	}
	f := fold(line)
	return notInTitle.in(f) ||
		startsWithLabel(line) || headingNumber.MatchString(f) || isDocNumberLine(f) ||
		mayBeDate(f) && dateLine().MatchString(f) || chromeLine.MatchString(f) || speechStart.MatchString(f) ||
		strings.HasSuffix(f, "文件") || // the red header above a title: 临水区财政局文件
		endsWithAny(f, siteNameEnds)
}

// endsWithAny reports whether s ends with one of ends.
func endsWithAny(s string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

// isDocNumberLine reports whether a folded line is a docNumberLine, which
// ends with 号: the regexp, anchored at the end, is tried from every
// character of a line.
func isDocNumberLine(f string) bool {
	return strings.HasSuffix(f, "号") && docNumberLine().MatchString(f)
}

// isDate reports whether s, folded, is a dateLine.
func isDate(s string) bool { return mayBeDate(s) && dateLine().MatchString(fold(s)) }

// mayBeDate reports whether s can be a dateLine, folded or not: one starts
// with its year, maybe after a parenthesis, and no traditional character
// folds to a digit or a parenthesis. It spares the fold and the regexp for
// the lines of prose a signature is looked for among.
func mayBeDate(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, "（( \t\n\f\r"))
	return strings.ContainsRune("12１２一二", r)
}

// endsLikeTitle reports whether a line ends with a title's last word.
func endsLikeTitle(line string) bool {
	core := squashSpaces(fold(line))
	for {
		if last, _ := utf8.DecodeLastRuneInString(core); !strings.ContainsRune(trailerLast, last) {
			break
		}
		trimmed := titleTrailer().ReplaceAllString(core, "")
		if trimmed == core {
			break
		}
		core = trimmed
	}
	return endsWithAny(core, titleEnds)
}

// readsLikeTitle reports whether a line that does not break a title nor end
// like one may still be one: eight Chinese characters or more, a title word
// inside, and no more than 50 characters.
func readsLikeTitle(line string) bool {
	if !runesAtMost(line, 50) {
		return false
	}
	han := 0
	for _, r := range line {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < 8 {
		return false
	}
	f := fold(line)
	for _, w := range titleEnds {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// crumbTitle returns the last step of a breadcrumb line when it ends like a
// title (首页 > 民生资讯 > 【转帖】2024年…统计公报), else "".
func crumbTitle(line string) string {
	if !chars.ContainsAny(line, crumbMarks) {
		return ""
	}
	steps := crumbSep().Split(line, -1)
	if len(steps) < 2 {
		return ""
	}
	last := repostMark().ReplaceAllString(trimLine(steps[len(steps)-1]), "")
	if runeLen(last) < 8 || !endsLikeTitle(last) || chars.ContainsAny(last, "。，,；;：:") {
		return ""
	}
	return squashSpaces(last)
}
