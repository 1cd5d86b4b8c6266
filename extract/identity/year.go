package identity

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// yearRule is one way of finding the report year, with an example document
// (its first line is the title), its kind and signing date, and the year the
// rule finds in it.
type yearRule struct {
	name         string
	example      string
	kind, signed string
	want         int
	find         func(y *yearReading) int
}

// yearReading is a document as the year rules read it.
type yearReading struct {
	title, kind, signed string
	*Text
}

// yearRules are tried in order; the first that finds a year wins.
var yearRules = []yearRule{
	{SourceSpeech, "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强", KindGovWork, "", 2024, yearOfSpeech},
	{SourceTitle, "关于2024年预算执行情况和2025年预算草案的报告", KindBudget, "", 2024, yearOfTitle},
	{SourcePeriod, "政府信息公开工作年度报告\n本报告中所列数据的统计期限自2024年1月1日至2024年12月31日。", KindXxgk, "2025-01-20", 2024, yearOfPeriod},
	{SourceOpening, "黔东南州统计局\n2024年5月7日\n2023年，在省委省政府的坚强领导下，全州上下深入贯彻党的二十大精神。", KindStats, "2024-05-07", 2023, yearOfOpening},
	{SourceSigned, "部门决算\n本年度收入合计1200万元。", KindFinalAccounts, "2025-08-29", 2024, yearBeforeSigning},
	{SourceSpeech, "某市人民代表大会常务委员会工作报告\n——2025年1月16日在某市第十四届人民代表大会第三次会议上\n市人大常委会主任 某某", KindOther, "", 2025, yearOfAnySpeech},
}

// ReportYear returns the year a document reports on and where it came from:
// for a 政府工作报告 the year it was delivered (its speech header); else the
// first year of the title that is no part of a span (2018—2035年) or of a
// cited title (《…（2019年修订）》); the statistical period an annual report
// states; the year its first sentence starts with (2023年，全市…); for an
// annual report or a text that speaks of 本年度, the year before it was
// signed (本年度: signed in the first half of a year); or the year any other
// report was delivered to a congress. kind is the document's kind, signed the
// ISO date it was signed ("" when unknown). It returns 0 when nothing fits.
func ReportYear(title, text, kind, signed string) (year int, source string) {
	return NewText(text).ReportYear(title, kind, signed)
}

// ReportYear is the package's ReportYear of the text.
func (t *Text) ReportYear(title, kind, signed string) (year int, source string) {
	y := &yearReading{title: title, kind: kind, signed: signed, Text: t}
	for _, r := range yearRules {
		if v := r.find(y); v != 0 {
			return v, r.name
		}
	}
	return 0, ""
}

func yearOfSpeech(y *yearReading) int {
	if y.kind != KindGovWork {
		return 0
	}
	return yearOfAnySpeech(y)
}

// yearOfAnySpeech is the year a report was delivered to a congress, for a
// report whose title and text say no other year (人大常委会工作报告).
func yearOfAnySpeech(y *yearReading) int {
	return y.speech().year
}

var (
	spanAfter  = lazyRegexp(`^\s*度?\s*[—–\-－~～至到]\s*(?:[0-9０-９]{2,4}|[一二][〇○零一二三四五六七八九]{3})`)
	citedAfter = lazyRegexp(`^\s*(?:修订|修正|版|第[0-9０-９一二三四五六七八九十]+号)`)
)

// TitleYear returns the first year a title names that is the year of the
// document: not part of a span (2018—2035年, 2021-2025年) nor of a title
// or edition it cites (《…条例（2019年修订）》).
func TitleYear(title string) int {
	t := fold(title)
	for m := findYear(t, 0); m != nil; m = findYear(t, m[1]) {
		before, after := t[:m[0]], t[m[1]:]
		if strings.Count(before, "《") > strings.Count(before, "》") ||
			endsSpan(before) || mayFollowYear(after) && (spanAfter().MatchString(after) || citedAfter().MatchString(after)) {
			continue
		}
		if v := yearValue(t[m[2]:m[3]]); v != 0 {
			return v
		}
	}
	return 0
}

// yearFollowers are the characters spanAfter and citedAfter go on with
// after their spaces.
const yearFollowers = "度—–-－~～至到修版第"

// mayFollowYear reports whether the text after a year may be a spanAfter or
// a citedAfter: most are neither, and the regexps are spared.
func mayFollowYear(after string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, "\t\n\f\r "))
	return strings.ContainsRune(yearFollowers, r)
}

// spanMarks join the years of a span: 2018—2035年, 2021至2025年.
const spanMarks = "—–-－~～至到"

// endsSpan reports whether s ends with a spanMark and maybe ASCII spaces
// (the \s of a regexp): the year after it ends a span.
func endsSpan(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\t\n\f\r "))
	return strings.ContainsRune(spanMarks, last)
}

func yearOfTitle(y *yearReading) int { return TitleYear(y.title) }

// periodRE is the statistical period an annual report states:
// 统计期限自2024年1月1日至12月31日.
var periodRE = lazyRegexp(`(?:统计期限|统计时限|统计周期|数据统计期限)[^。\n]{0,6}?(` + yearDigits + `)\s*年\s*1\s*月\s*1\s*日`)

const yearDigits = `[12][0-9]{3}|[１２][０-９]{3}|[一二][〇○零Ｏ一二三四五六七八九]{3}`

func yearOfPeriod(y *yearReading) int {
	if m := periodRE().FindStringSubmatch(y.foldedText()); m != nil {
		return yearValue(m[1])
	}
	return 0
}

// annualKinds report on a year that has ended when they are signed.
var annualKinds = map[string]bool{KindFzzf: true, KindXxgk: true, KindStats: true, KindFinalAccounts: true, KindAudit: true}

// openingRE is the start of a report's first sentence: 2023年，…, 2024年以来…,
// 2024年是…, 2024年度，….
var openingRE = lazyRegexp(`^(` + yearDigits + `)\s*年度?\s*(?:[，,]|以来|是|全年|我|全[省市县区州旗镇乡])`)

// openingLines is how far from the top the first sentence is looked for.
const openingLines = 25

func yearOfOpening(y *yearReading) int {
	if !annualKinds[y.kind] {
		return 0
	}
	for _, l := range y.rawLines(openingLines) {
		// A year starts the sentence, and no character folds to a digit.
		if first, _ := utf8.DecodeRuneInString(l); yearDigitsAfter(first) == "" {
			continue
		}
		if m := openingRE().FindStringSubmatch(fold(l)); m != nil {
			return yearValue(m[1])
		}
	}
	return 0
}

// yearBeforeSigning is the year an annual report covers when nothing else
// says: reports are signed in the year after. A text that speaks of 本年度
// reports on the year before when signed in the first half of a year, else
// on the year of signing.
func yearBeforeSigning(y *yearReading) int {
	if len(y.signed) < 7 {
		return 0
	}
	year, err1 := strconv.Atoi(y.signed[:4])
	month, err2 := strconv.Atoi(y.signed[5:7])
	if err1 != nil || err2 != nil {
		return 0
	}
	switch {
	case annualKinds[y.kind]:
		return year - 1
	case strings.Contains(y.foldedText(), "本年度") && month <= 6:
		return year - 1
	case strings.Contains(y.foldedText(), "本年度"):
		return year
	}
	return 0
}
