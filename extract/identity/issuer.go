package identity

import (
	_ "embed"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/words"
)

// Issuer is who issued a document. The text names the body whole (周口市统计局,
// 国务院) or as a place and its body (广东省 + 省长 → 广东省, 人民政府): Place
// is then the place as written (it may be short: 西藏) and Body what follows
// it; package extract spells the place out (西藏自治区人民政府).
type Issuer struct {
	Name   string
	Place  string
	Body   string
	Source string
}

// String returns the issuer as one name.
func (i Issuer) String() string {
	if i.Name != "" {
		return i.Name
	}
	return i.Place + i.Body
}

// issuerRule is one way of finding the issuer, with an example document (its
// first line is the title) and what the rule finds in it.
type issuerRule struct {
	name    string
	example string
	want    string
	find    func(d *reading) Issuer
}

// issuerRules are tried in order; the first that finds an issuer wins.
var issuerRules = []issuerRule{
	{SourceTitle, "驻马店市人民政府关于2024年度法治政府建设工作情况的报告\n市人大常委会：", "驻马店市人民政府", fromTitle},
	{SourceOrder, "中华人民共和国个人所得税法实施条例\n中华人民共和国国务院令\n第707号\n现公布修订后的《中华人民共和国个人所得税法实施条例》。", "国务院", fromOrderHeader},
	{SourceSpeech, "政府工作报告\n——2023年2月2日在长沙县第十八届人民代表大会第三次会议上\n县长 某某\n各位代表：", "长沙县人民政府", fromSpeech},
	{SourceOnBehalf, "2025年工作报告\n各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作，请予审议。", "北京市人民政府", fromOnBehalf},
	{SourceIssuerLine, "2023年周口市国民经济和社会发展统计公报\n周口市统计局\n2024年4月29日\n2023年，全市经济运行持续向好。", "周口市统计局", fromIssuerLine},
	{SourceSignature, "关于做好清理工作的通知\n各单位：\n请认真贯彻执行。\n金昌市人民政府\n2025年6月13日\n（此件公开发布）", "金昌市人民政府", fromSignature},
	{SourceSelf, "2024年政府信息公开工作年度报告\n本报告由澜溪县市场监督管理局编制。2024年，我局认真贯彻落实《条例》。", "澜溪县市场监督管理局", fromSelfReference},
	{SourceTitlePlace, "2024年云溪县国民经济和社会发展统计公报\n一、综合\n全年全县地区生产总值412.37亿元。", "云溪县统计局", fromTitlePlace},
}

// reading is a document as the issuer rules read it: its title and its
// text.
type reading struct {
	title string
	*Text
}

func newReading(title string, text *Text) *reading { return &reading{title, text} }

// line is a line of text as written and folded: the same runes, so that
// what a rule finds in the folded form is cut from the written one.
type line struct{ s, f string }

// cut returns the written runes at byte offsets i:j of the folded form.
func (l line) cut(i, j int) string {
	ri := utf8.RuneCountInString(l.f[:i])
	rj := ri + utf8.RuneCountInString(l.f[i:j])
	rs := []rune(l.s)
	return string(rs[ri:rj])
}

// from returns the line from byte offset i of its folded form on.
func (l line) from(i int) line { return line{l.cut(i, len(l.f)), l.f[i:]} }

// IssuerOf finds who issued a document from its title and text (see
// issuerRules): the body a title starts with (X关于…, X2024年…报告), a 令
// header, the speech header of a report to a people's congress, 我代表X向大会
// 报告, the name above a date under a bulletin's title or at the end, and the
// body that issues a kind of document in the place its title names. It
// returns the zero Issuer when nothing fits.
func IssuerOf(title, text string) Issuer { return NewText(text).IssuerOf(title) }

// IssuerOf is the package's IssuerOf of the text.
func (t *Text) IssuerOf(title string) Issuer {
	d := newReading(title, t)
	for i, r := range issuerRules {
		if is := r.find(d); is.String() != "" {
			is.Source = r.name
			if is.Place == "" && isRelative(is.Name) {
				// 县政府关于…: the place from another rule, as in Placed
				if p := placeRelative(is.Name, d, issuerRules[i+1:]); p.String() != "" {
					p.Source = is.Source + "+" + p.Source
					return p
				}
			}
			return is
		}
	}
	return Issuer{}
}

// Placed names the place of a body that gives only its level (县政府,
// 县政府办公室, 市财政局), as a page's metadata may, by the place of that
// level that an issuer rule finds in the text (the signature 某某县人民政府 →
// 某某县人民政府); Source is that rule. It returns the zero Issuer when the
// name says its place or no rule names one of its level.
func Placed(name, title, text string) Issuer { return NewText(text).Placed(name, title) }

// Placed is the package's Placed of the text.
func (t *Text) Placed(name, title string) Issuer {
	if !isRelative(name) {
		return Issuer{}
	}
	return placeRelative(name, newReading(title, t), issuerRules)
}

// placeRelative is Placed with the rules to ask.
func placeRelative(name string, d *reading, rules []issuerRule) Issuer {
	level := ""
	for _, l := range relativeLevels {
		if strings.HasPrefix(name, l) {
			level = l
			break
		}
	}
	for _, r := range rules {
		other := r.find(d).String()
		if other == "" || isRelative(other) {
			continue
		}
		if place := placeOfLevel(other, level); place != "" {
			named := relativeTo(name, place)
			if b, ok := strings.CutPrefix(named.Body, "政府"); ok {
				named.Body = "人民政府" + b // 县政府办公室 → 某某县人民政府办公室
			}
			named.Source = r.name
			return named
		}
	}
	return Issuer{}
}

// placeOfLevel returns the places a name starts with, up to the last one of
// level: 某某县人民政府办公室 and 县 → 某某县; 杭州市富阳区财政局 and 市 → 杭州市.
func placeOfLevel(name, level string) string {
	l := line{name, fold(name)}
	p := placePrefix(l.f)
	end := 0
	for i := len(level); i <= p; i++ {
		if !strings.HasSuffix(l.f[:i], level) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(l.f[i:]); i < p && strings.ContainsRune(levelChars, r) {
			continue // 杭州 of 杭州市 is no 州
		}
		end = i
	}
	return l.cut(0, end)
}

// orgSuffixes end the names of government bodies.
var orgSuffixes = []string{"人民政府", "政府", "办公厅", "办公室", "委员会", "常委会", "局", "厅", "部", "署",
	"院", "委", "办", "街道办事处", "办事处", "镇", "乡", "街道", "中心", "管委会", "司", "会", "处", "所",
	"公署", "队", "站", "分行"}

// orgLast are the last characters of orgSuffixes: the cheap test of a
// name, before the others.
var orgLast = func() *chars.Set {
	var last []rune
	for _, suf := range orgSuffixes {
		r, _ := utf8.DecodeLastRuneInString(suf)
		last = append(last, r)
	}
	return chars.NewSet(string(last))
}()

var (
	lists = words.MustParse("identity/words.tsv", wordsTSV)
	// siteEnds end the names of websites, which a page's 发文机构 or 来源 may
	// give instead of a body (县政府网站, 某市政府门户网).
	siteEnds = lists.Of("site-end")
)

//go:embed words.tsv
var wordsTSV string

// alternatives returns words as the alternatives of a regular expression.
func alternatives(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(quoted, "|")
}

// notInOrgName are characters no name of a body has.
const notInOrgName = "，。,；;：:0123456789０１２３４５６７８９《》“”\""

// notInOrgNameSet is the set of notInOrgName.
var notInOrgNameSet = newMarkSet(notInOrgName)

// IsOrgName reports whether s looks like the name of a government body.
func IsOrgName(s string) bool {
	// The last character, folded, must end one of orgSuffixes.
	_, size := utf8.DecodeLastRuneInString(s)
	if last, _ := utf8.DecodeRuneInString(fold(s[len(s)-size:])); !orgLast.Has(last) {
		return false
	}
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 40 || notInOrgNameSet.in(s) {
		return false
	}
	f := fold(s)
	for _, e := range siteEnds {
		if strings.HasSuffix(f, e) {
			return false
		}
	}
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(f, suf) && len(f) > len(suf) && f != "人民政府" {
			return true
		}
	}
	return false
}

var (
	leadingYear = lazyRegexp(`^\s*(?:[0-9０-９]{4}|[一二][〇○零Ｏ一二三四五六七八九]{3})\s*年度?`)
	// titleNextWords are the words a title may go on with after the
	// issuer's name (see titleNextLen): 关于 and those of words.tsv
	// (工作报告, 政府信息公开, 工作规则 …).
	titleNextWords = sync.OnceValue(func() []string { return append([]string{"关于"}, lists.Of("title-next")...) })
	// titleNextFirst are the characters what titleNextLen reads starts with.
	titleNextFirst = sync.OnceValue(func() *chars.Set {
		first := "0123456789０１２３４５６７８９（(二"
		for _, w := range titleNextWords() {
			r, _ := utf8.DecodeRuneInString(w)
			first += string(r)
		}
		return chars.NewSet(first)
	})
)

// titleNextLen returns the length of what follows the issuer's name at
// the start of s, or 0: a word of titleNextWords, a year (2024, （2024,
// 二〇…). Of several, the longest is taken, so that of two ways to split a
// title the one that leaves the report's whole name wins (某市科委 +
// 政府信息公开…, not 某市科委政府 + 信息公开…). It is the regexp
// ^(?:关于|[0-9０-９]{4}|[（(][0-9０-９]{4}|二[〇○零]|words…) matching the
// longest, which cost more than looking the words up.
func titleNextLen(s string) int {
	n := 0
	for _, w := range titleNextWords() {
		if len(w) > n && strings.HasPrefix(s, w) {
			n = len(w)
		}
	}
	digits := 0 // where the digits of a year start
	if r, size := utf8.DecodeRuneInString(s); r == '（' || r == '(' {
		digits = size
	}
	if k := fourDigits(s[digits:]); k > 0 {
		n = max(n, digits+k)
	}
	if rest, ok := strings.CutPrefix(s, "二"); ok {
		if r, size := utf8.DecodeRuneInString(rest); r == '〇' || r == '○' || r == '零' {
			n = max(n, len("二")+size)
		}
	}
	return n
}

// fourDigits returns the length of four ASCII or full-width digits at the
// start of s, or 0.
func fourDigits(s string) int {
	i := 0
	for range 4 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !chars.IsDigit(r) {
			return 0
		}
		i += size
	}
	return i
}

// fromTitle reads the body a title starts with: the longest prefix that is a
// body's name and is followed by 关于, a year or a report's name
// (驻马店市人民政府关于…, 江淮省自然资源厅2024年度…, 沙河口县人民政府工作报告).
//
// Where a title can be split in more than one way, the split that leaves
// the longest report name after the body wins: 2024年上海市科委政府信息公开
// 工作年度报告 is 上海市科委's, not 上海市科委政府's.
func fromTitle(d *reading) Issuer {
	t := squashSpaces(d.title)
	t = strings.TrimPrefix(t, leadingYear().FindString(t))
	f := []rune(fold(t))
	rs := []rune(t)
	longest := min(len(rs), 40)
	if k := notInOrgNameSet.index(t); k >= 0 {
		longest = min(longest, utf8.RuneCountInString(t[:k])) // no longer prefix is a name
	}
	best, bestNext := "", 0
	for n := longest; n >= 2; n-- {
		if !orgLast.Has(f[n-1]) {
			continue // no body's name ends so (IsOrgName): spare the string
		}
		name := string(rs[:n])
		if !IsOrgName(name) {
			continue
		}
		if n == len(f) || !titleNextFirst().Has(f[n]) {
			continue // nothing a title goes on with follows: spare the string
		}
		if next := titleNextLen(string(f[n:])); next > bestNext {
			best, bestNext = name, next
		}
	}
	if best == "" {
		return Issuer{}
	}
	return bodyOrGovernment(best)
}

// bodyOrGovernment returns a government named by its place as place and
// body (北京市政府 → 北京市, 人民政府), any other body as its name.
//
// A place is no body: 上海市科委政府 is not read as the government of a
// place called 上海市科委, which does not exist.
func bodyOrGovernment(name string) Issuer {
	if p, ok := governmentPlace(fold(name)); ok && !strings.Contains(p, "办") {
		place := string([]rune(name)[:utf8.RuneCountInString(p)])
		if place != "" && !isRelative(place) && (!IsOrgName(p) || placePrefix(p) == len(p)) {
			return Issuer{Place: place, Body: "人民政府"}
		}
	}
	return Issuer{Name: name}
}

// governmentPlace returns the place of a government named by its place,
// what comes before 人民政府 or 政府 (北京市政府, 西藏人民政府), and whether
// the name is one: the regexp ^(.+?)(?:人民)?政府$ and its group, which cost
// more than cutting the suffixes.
func governmentPlace(name string) (string, bool) {
	p, ok := strings.CutSuffix(name, "政府")
	if !ok || p == "" || strings.Contains(p, "\n") { // the regexp's . is no newline
		return "", false
	}
	if q, ok := strings.CutSuffix(p, "人民"); ok && q != "" {
		return q, true
	}
	return p, true
}

// orderHeader is the header of an order: 中华人民共和国国务院令 / 第707号,
// 北京市人民政府令第312号.
var orderHeader = lazyRegexp(`^(.{2,30}?)令\s*(?:第\s*[0-9０-９一二三四五六七八九十百]+\s*号)?$`)

// fromOrderHeader reads the body of a 令 header in the first lines.
func fromOrderHeader(d *reading) Issuer {
	head := d.rawLines(7) // six, and the line after
	for i, s := range head {
		if i >= 6 {
			break
		}
		if !strings.Contains(s, "令") {
			continue // no orderHeader (no character folds to 令): spare the fold and the regexp
		}
		l := line{squashSpaces(s), squashSpaces(fold(s))}
		m := orderHeader().FindStringSubmatchIndex(l.f)
		if m == nil {
			continue
		}
		numbered := strings.Contains(l.f, "号")
		if !numbered && (i+1 >= len(head) || !isDocNumberLine(fold(head[i+1]))) {
			continue
		}
		start := m[2]
		if rest := strings.TrimPrefix(l.f[m[2]:m[3]], "中华人民共和国"); rest != l.f[m[2]:m[3]] && IsOrgName(rest) {
			start = m[3] - len(rest)
		}
		if name := l.cut(start, m[3]); IsOrgName(name) {
			return bodyOrGovernment(name)
		}
	}
	return Issuer{}
}

// speech is the header of a report delivered to a people's congress.
type speech struct {
	ok       bool
	year     int
	place    string // the congress's place: 长沙县, 北京市; "" for the national congress
	national bool
	speaker  line // who speaks: 县长 某某, 青禾县审计局局长 林向东
}

// congressRE is the congress a speech was delivered at: 在长沙县第十八届人民代表大会
// 第三次会议上, 在第十四届全国人民代表大会第二次会议上, 在市十七届人大三次会议上.
var congressRE = lazyRegexp(`在(.{0,24}?)第?[一二三四五六七八九十百0-9０-９]+届(全国)?(?:人民代表大会|人大)(?:常务委员会|常委会)?第?[一二三四五六七八九十百0-9０-９]+次(?:全体)?会议上[)）]?`)

// speechRead is how many lines findSpeech looks for the congress in: a
// header may start on one of the first ten and go on to the next (the
// speaker may stand on the two lines after it).
const speechRead = 11

// findSpeech finds the speech header in the first lines: the congress and
// the date, maybe broken over two lines (——2021年7月29日在某市第九届人民代表大会
// / 常务委员会第四十一次会议上), and who speaks — on the same line after 会议上
// or on the next.
func findSpeech(head []line) speech {
	for i, l := range head {
		if i >= speechRead-1 {
			break
		}
		next := i + 1 // the first line after the header
		// A congress is a 届's: the regexp is spared the lines without one.
		var loc []int
		if strings.Contains(l.f, "届") {
			loc = congressRE().FindStringSubmatchIndex(l.f)
		}
		if loc == nil && i+1 < len(head) && strings.Contains(l.f, "在") &&
			(strings.Contains(l.f, "届") || strings.Contains(head[i+1].f, "届")) {
			joined := line{l.s + head[i+1].s, l.f + head[i+1].f}
			if m := congressRE().FindStringSubmatchIndex(joined.f); m != nil && m[0] < len(l.f) && m[1] > len(l.f) {
				l, loc, next = joined, m, i+2
			}
		}
		if loc == nil {
			continue
		}
		s := speech{ok: true, place: strings.TrimSpace(l.cut(loc[2], loc[3])), national: loc[4] >= 0}
		if m := findYear(l.f[:loc[0]], 0); m != nil {
			s.year = yearValue(l.f[m[2]:m[3]])
		}
		s.speaker = l.from(loc[1])
		for j := next; trimLine(s.speaker.s) == "" && j < len(head) && j <= next+1; j++ {
			if !chars.ContainsAny(head[j].f, "：:，,。") {
				s.speaker = head[j]
			}
		}
		s.speaker = line{squashSpaceBefore(s.speaker.s), squashSpaceBefore(s.speaker.f)}
		return s
	}
	return speech{}
}

//go:embed heads.tsv
var headsTSV string

// head is a row of heads.tsv.
type head struct{ position, body, example string }

var heads = func() []head {
	var out []head
	for i, row := range strings.Split(strings.TrimSpace(headsTSV), "\n") {
		if strings.HasPrefix(row, "#") || strings.HasPrefix(row, "position\t") {
			continue
		}
		f := strings.Split(row, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "" {
			panic("identity: heads.tsv line " + strconv.Itoa(i+1) + ": want position, body, example") // a build error
		}
		out = append(out, head{f[0], f[1], f[2]})
	}
	return out
}()

// speakerRest is what may follow a position: the speaker's name, 同志, 作…报告.
var speakerRest = lazyRegexp(`^\s*[\p{Han}·•]{0,5}\s*(?:同志)?\s*(?:作.*)?[。.]?$`)

// fromSpeech reads the issuer from a speech header: the body before the
// speaker's position (青禾县审计局局长 → 青禾县审计局), or the government the
// position heads in the place named before it or in the congress's place
// (广东省省长 → 广东省人民政府; 县长, at 长沙县's congress → 长沙县人民政府;
// 国务院总理 → 国务院), or the body alone on the line (澄阳市发展和改革委员会).
func fromSpeech(d *reading) Issuer {
	s := d.speech()
	sp := s.speaker
	if !s.ok || sp.f == "" {
		return Issuer{}
	}
	for _, h := range heads {
		for from := 0; ; {
			k := strings.Index(sp.f[from:], h.position)
			if k < 0 {
				break
			}
			k += from
			from = k + len(h.position)
			if !speakerRest().MatchString(sp.f[from:]) {
				continue
			}
			end := k
			for _, acting := range []string{"代理", "代"} {
				if strings.HasSuffix(sp.f[:end], acting) {
					end -= len(acting)
				}
			}
			if is := speakerBody(strings.TrimSpace(sp.cut(0, end)), h, s); is.String() != "" {
				return is
			}
			break
		}
	}
	if name := squashSpaces(sp.s); IsOrgName(name) {
		return relativeTo(name, s.place)
	}
	return Issuer{}
}

// squashSpaceBefore folds runs of space into one, so 国务院总理　 李　强
// reads as 国务院总理 李 强.
func squashSpaceBefore(s string) string { return strings.Join(strings.Fields(s), " ") }

// speakerBody is the issuer a speaker of position h in body or place org
// speaks for.
func speakerBody(org string, h head, s speech) Issuer {
	body, placeBody := strings.CutPrefix(h.body, "+")
	switch {
	case h.body != "=" && !placeBody:
		return Issuer{Name: h.body} // 国务院
	case org != "" && IsOrgName(org):
		return relativeTo(org, s.place)
	case h.body == "=":
		return Issuer{}
	case org != "":
		return Issuer{Place: org, Body: body}
	case s.place != "":
		return Issuer{Place: s.place, Body: body}
	}
	return Issuer{}
}

// relativeLevels start the names of bodies that do not say their place:
// 市人大常委会, 县财政局, 自治区人民政府.
var relativeLevels = []string{"自治区", "自治州", "省", "市", "县", "区", "州", "旗", "盟", "镇", "乡"}

func isRelative(name string) bool {
	for _, l := range relativeLevels {
		if strings.HasPrefix(name, l) {
			return true
		}
	}
	return false
}

// bodyWords spell out the short forms of bodies.
var bodyWords = strings.NewReplacer("人大常委会", "人民代表大会常务委员会")

// relativeTo names a body in place when its name does not (市人大常委会 at
// 松岭市 → 松岭市人民代表大会常务委员会); a government becomes place and body.
func relativeTo(name, place string) Issuer {
	if !isRelative(name) {
		return bodyOrGovernment(name)
	}
	if place == "" {
		return Issuer{}
	}
	rest := name
	for _, l := range relativeLevels {
		if r, ok := strings.CutPrefix(name, l); ok {
			rest = r
			break
		}
	}
	if _, ok := governmentPlace(rest); ok && !strings.Contains(rest, "办") {
		return Issuer{Place: place, Body: "人民政府"}
	}
	return Issuer{Place: place, Body: bodyWords.Replace(rest)}
}

// onBehalf is a speaker's opening: 现在，我代表北京市人民政府，向大会报告.
var onBehalf = lazyRegexp(`我代表([^，,。、\s]{2,24}?)[，,\s]*向(?:大会|会议)`)

// fromOnBehalf reads the body a report is delivered for.
func fromOnBehalf(d *reading) Issuer {
	for _, s := range d.rawLines(speechLines) {
		if !strings.Contains(s, "我代") {
			continue // no character folds to 我 or 代: spare the fold
		}
		l := line{s, fold(s)}
		m := onBehalf().FindStringSubmatchIndex(l.f)
		if m == nil {
			continue
		}
		if name := l.cut(m[2], m[3]); IsOrgName(name) {
			place := d.speech().place
			if place == "" {
				place = titlePlace(d.title)
			}
			return relativeTo(name, place)
		}
	}
	return Issuer{}
}

// signatureAt returns the name of a body signing at line i of lines: a
// body's name on the line above a date line, or before the date on the same
// line (金昌市人民政府  2025年6月13日); of several bodies signing together on
// consecutive lines, the first. It returns "" when line i is no signature.
func signatureAt(lines []string, i int) string {
	if !mayEndWithDate(lines[i]) {
		return "" // spare the fold, the split and the regexp
	}
	return signatureOf(lines, i)
}

// signatureOf is signatureAt without its cheap test of the line's end.
func signatureOf(lines []string, i int) string {
	if !isDate(lines[i]) {
		// The date is the last field: most lines are spared the split.
		if last := lastField(lines[i]); last == lines[i] || !mayBeDate(last) {
			return ""
		}
		fields := strings.Fields(lines[i])
		if n := len(fields); n >= 2 && isDate(fields[n-1]) {
			if name := strings.Join(fields[:n-1], ""); IsOrgName(name) {
				return name
			}
		}
		return ""
	}
	top := i
	for top > 0 && i-top < 3 && IsOrgName(squashSpaces(lines[top-1])) {
		top--
	}
	if top == i {
		return ""
	}
	// 杭州市富阳区统计局 国家统计局富阳调查队: the first of bodies side by side
	if fields := strings.Fields(lines[top]); len(fields) > 1 && IsOrgName(fields[0]) && IsOrgName(fields[len(fields)-1]) {
		return fields[0]
	}
	return squashSpaces(lines[top])
}

// dateEnds are the characters a dateLine ends with before its trailing
// spaces. No traditional character folds to one of them.
var dateEnds = chars.NewSet("日)）0123456789０１２３４５６７８９一二三四五六七八九十")

// mayEndWithDate reports whether a line may end with a date, alone or
// after a name: whether its last character but spaces ends a dateLine.
func mayEndWithDate(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(line, isSpace))
	return dateEnds.Has(last)
}

// lastField returns the last of strings.Fields(s), or "".
func lastField(s string) string {
	s = strings.TrimRightFunc(s, isSpace)
	i := strings.LastIndexFunc(s, isSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// isSpace is unicode.IsSpace, quicker for Chinese characters: no space
// comes after U+3000.
func isSpace(r rune) bool { return r <= '\u3000' && unicode.IsSpace(r) }

// issuerLineMax is how many lines from the top an issuer line may stand.
const issuerLineMax = 10

// fromIssuerLine reads the body and date under a title, before the body
// text begins (统计公报: 周口市统计局 / 2024年4月29日).
func fromIssuerLine(d *reading) Issuer {
	lines := d.rawLines(issuerLineMax)
	for i, l := range lines {
		if chars.ContainsAny(l, "。，,；;：:") { // no character folds to one of them
			break
		}
		if name := signatureAt(lines, i); name != "" {
			return Issuer{Name: name}
		}
	}
	return Issuer{}
}

// fromSignature reads the first signature of the text: the name above the
// date at the end of the document or of its covering notice (an attachment
// follows the notice that issues it).
func fromSignature(d *reading) Issuer {
	var lines []string
	for line := range strings.Lines(d.text) {
		if l := trimLine(line); l != "" {
			lines = append(lines, l)
		}
	}
	// A paragraph is no signature line: it reads as 。. Lines are measured
	// only where signatureAt reads them: a line that may end with a date
	// and the three above it.
	measured := 0
	for i := range lines {
		if !mayEndWithDate(lines[i]) {
			continue // no signature, paragraph or not
		}
		for j := max(measured, i-3); j <= i; j++ {
			if !runesAtMost(lines[j], 60) {
				lines[j] = "。"
			}
		}
		measured = i + 1
		if name := signatureAt(lines, i); name != "" {
			return Issuer{Name: name}
		}
	}
	return Issuer{}
}

// placeRE reads a place at the start of a title: one or more names ending
// with a division's level (珠海市斗门区, 云溪县, 黔东南州).
var placeRE = lazyRegexp(`^(?:[\p{Han}]{1,8}?(?:自治区|自治州|自治县|特别行政区|地区|省|市|县|区|州|旗|盟|镇|乡|街道))+`)

// placeSegment is one name of placeRE; levelChars may follow it directly
// (鄞州 is read first, then 区).
var (
	placeSegment = lazyRegexp(`^[\p{Han}]{1,8}?(?:自治区|自治州|自治县|特别行政区|地区|省|市|县|区|州|旗|盟|镇|乡|街道)`)
	levelChars   = "省市县区州旗盟镇乡"
)

// placePrefix returns the length in bytes of the place names a folded
// title starts with, each as long as it goes: 鄞州区, not 鄞州; 杭州市富阳区.
func placePrefix(f string) int {
	end := 0
	for {
		loc := placeSegment().FindStringIndex(f[end:])
		if loc == nil {
			return end
		}
		end += loc[1]
		for end < len(f) {
			r, size := utf8.DecodeRuneInString(f[end:])
			if !strings.ContainsRune(levelChars, r) {
				break
			}
			end += size
		}
	}
}

// titleStart returns a title from where its place would stand: after a
// leading year and 关于 (2024年关于…, 关于2024年…).
func titleStart(title string) string {
	t := squashSpaces(title)
	t = strings.TrimPrefix(t, leadingYear().FindString(t))
	t = strings.TrimPrefix(t, "关于")
	return strings.TrimPrefix(t, leadingYear().FindString(t))
}

// titlePlace returns the place a title starts with (珠海市斗门区, 云溪县).
func titlePlace(title string) string {
	t := titleStart(title)
	l := line{t, fold(t)}
	end := placePrefix(l.f)
	if end == 0 || chars.ContainsAny(l.f[:end], "关于的在") {
		return ""
	}
	return l.cut(0, end)
}

// selfBodies are how a body refers to itself (我局, 本局) and the ends of
// its name.
var selfBodies = []struct{ words, ends []string }{
	{[]string{"我局", "本局"}, []string{"局"}},
	{[]string{"我厅", "本厅"}, []string{"厅"}},
	{[]string{"我委", "本委"}, []string{"委员会", "委"}},
	{[]string{"我办", "本办"}, []string{"办公室", "办"}},
}

// selfStarts may stand before a body's name in running text: 由某县统计局编制.
// Not 和: it is inside names (住房和城乡建设局).
const selfStarts = "由经为在向是对即据"

// fromSelfReference reads the body a text calls 我局 (本局, 我委 …): the body
// of that kind, with its place, that the text names most often.
func fromSelfReference(d *reading) Issuer {
	f := d.foldedText()
	for _, sb := range selfBodies {
		used := false
		for _, w := range sb.words {
			used = used || strings.Contains(f, w)
		}
		if !used {
			continue
		}
		if name := mostNamedBody(d.text, f, sb.ends); name != "" {
			return Issuer{Name: name}
		}
	}
	return Issuer{}
}

// mostNamedBody returns the body's name ending in one of ends, starting
// with a place, that the text names most often (first named on a tie).
func mostNamedBody(text, f string, ends []string) string {
	count := map[string]int{}
	var order []string
	rs, fs := []rune(text), []rune(f)
	for i := range fs {
		for _, e := range ends {
			er := []rune(e)
			if i+len(er) > len(fs) || string(fs[i:i+len(er)]) != e {
				continue
			}
			end := i + len(er)
			name := ""
			for start := i - 1; start >= max(0, end-20); start-- { // the name that starts last, at a word's start
				if start > 0 && isHanRune(fs[start-1]) && !strings.ContainsRune(selfStarts, fs[start-1]) {
					continue // inside a longer run of words
				}
				if strings.ContainsRune(selfStarts, fs[start]) {
					continue // 由某县统计局: the name starts after 由
				}
				cand := string(fs[start:end])
				if IsOrgName(cand) && placePrefix(cand) > 0 {
					name = string(rs[start:end])
					break
				}
			}
			if name != "" {
				if count[name] == 0 {
					order = append(order, name)
				}
				count[name]++
			}
		}
	}
	best := ""
	for _, n := range order {
		if count[n] > count[best] {
			best = n
		}
	}
	return best
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

// titleBodies say which body issues a kind of document in the place its
// title names.
var titleBodies = []struct {
	title    func() *regexp.Regexp
	body     string
	national string // the issuer when the place is the whole country
	example  string
}{
	{lazyRegexp(`政府工作报告`), "人民政府", "国务院", "2022年珠海市斗门区政府工作报告"},
	{lazyRegexp(`国民经济和社会发展统计公报`), "统计局", "国家统计局", "2023年周口市国民经济和社会发展统计公报"},
	{lazyRegexp(`法治政府建设.*报告`), "人民政府", "国务院", "2020年静海区法治政府建设情况报告"},
	{lazyRegexp(`政府信息公开.*年度报告`), "人民政府", "", "静海区2023年政府信息公开工作年度报告"},
	// the audit office's head delivers it; a page often drops the speaker line
	{lazyRegexp(`审计工作报告$|审计结果公告`), "审计局", "审计署", "关于2023年度云溪县本级预算执行和其他财政收支的审计工作报告"},
}

// fromTitlePlace names the body that issues the title's kind of document in
// the place the title names (2024年云溪县国民经济和社会发展统计公报 → 云溪县统计局).
func fromTitlePlace(d *reading) Issuer {
	f := fold(d.title)
	start := titleStart(f)
	for _, b := range titleBodies {
		if !b.title().MatchString(f) {
			continue
		}
		if strings.HasPrefix(start, "中华人民共和国") || strings.HasPrefix(start, "全国") {
			if b.national == "" {
				return Issuer{}
			}
			return Issuer{Name: b.national}
		}
		if place := titlePlace(d.title); place != "" {
			return Issuer{Place: place, Body: b.body}
		}
	}
	return Issuer{}
}

//go:embed national.txt
var nationalTXT string

var nationalBodies = func() []string {
	var out []string
	for _, line := range strings.Split(nationalTXT, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}()

// National reports whether an issuer is a body of the central government or
// the Party centre (国务院办公厅, 司法部, 国家统计局, 证监会; national.txt). A
// local office named after its national body (国家税务总局驻马店市税务局)
// also starts so: extract asks only when the issuer names no place.
func National(issuer string) bool {
	f := fold(strings.TrimSpace(issuer))
	f = strings.TrimPrefix(f, "中华人民共和国")
	if f == "" {
		return false
	}
	for _, b := range nationalBodies {
		if strings.HasPrefix(f, b) {
			return true
		}
	}
	return false
}
