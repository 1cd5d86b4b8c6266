package docx

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// Numbering gives automatically numbered paragraphs the label Word shows before them ("一、", "（二）",
// "3."), which is not in the text of the paragraph: it is built from the list definitions of
// word/numbering.xml, applied to a paragraph directly or through its style (word/styles.xml).
type numbering struct {
	lists    map[string]*list    // by numId
	styles   map[string]styleNum // numbering of each paragraph style
	counters map[string]*[9]int  // current number at each level, by list counter key
	used     map[string]*[9]bool // levels counted since their parent last moved
}

// A list is one w:num: the levels of its abstract list, with overrides.
type list struct {
	counter string // lists sharing an abstract list continue each other's numbers
	levels  [9]level
}

type level struct {
	start  int
	format string // w:numFmt: decimal, chineseCounting, bullet, …
	text   string // w:lvlText, with %1…%9 for the numbers of the levels
	suffix string // w:suff: tab (the default), space or nothing
}

type styleNum struct {
	numID, ilvl, basedOn string
}

type xmlLevel struct {
	Ilvl   int    `xml:"ilvl,attr"`
	Start  valStr `xml:"start"`
	NumFmt valStr `xml:"numFmt"`
	Text   valStr `xml:"lvlText"`
	Suffix valStr `xml:"suff"`
}

type valStr struct {
	Val *string `xml:"val,attr"`
}

func (v valStr) or(def string) string {
	if v.Val == nil {
		return def
	}
	return *v.Val
}

// readNumbering parses numbering.xml and styles.xml; either may be nil.
func readNumbering(numberingXML, stylesXML io.Reader) (*numbering, error) {
	n := &numbering{lists: map[string]*list{}, styles: map[string]styleNum{}, counters: map[string]*[9]int{}, used: map[string]*[9]bool{}}
	if numberingXML != nil {
		var doc struct {
			Abstract []struct {
				ID     string     `xml:"abstractNumId,attr"`
				Levels []xmlLevel `xml:"lvl"`
			} `xml:"abstractNum"`
			Nums []struct {
				ID        string `xml:"numId,attr"`
				Abstract  valStr `xml:"abstractNumId"`
				Overrides []struct {
					Ilvl  int       `xml:"ilvl,attr"`
					Start valStr    `xml:"startOverride"`
					Level *xmlLevel `xml:"lvl"`
				} `xml:"lvlOverride"`
			} `xml:"num"`
		}
		if err := xml.NewDecoder(numberingXML).Decode(&doc); err != nil {
			return nil, err
		}
		abstract := map[string][9]level{}
		for _, a := range doc.Abstract {
			var levels [9]level
			for _, l := range a.Levels {
				if l.Ilvl >= 0 && l.Ilvl < 9 {
					levels[l.Ilvl] = readLevel(l)
				}
			}
			abstract[a.ID] = levels
		}
		for _, num := range doc.Nums {
			id := num.Abstract.or("")
			l := &list{counter: "a" + id, levels: abstract[id]}
			for _, o := range num.Overrides {
				if o.Ilvl < 0 || o.Ilvl >= 9 {
					continue
				}
				if o.Level != nil {
					l.levels[o.Ilvl] = readLevel(*o.Level)
				}
				if s, err := strconv.Atoi(o.Start.or("")); err == nil {
					l.levels[o.Ilvl].start = s
					l.counter = "n" + num.ID // restarted: its own numbers
				}
			}
			n.lists[num.ID] = l
		}
	}
	if stylesXML != nil {
		var doc struct {
			Styles []struct {
				ID      string `xml:"styleId,attr"`
				BasedOn valStr `xml:"basedOn"`
				NumPr   struct {
					NumID valStr `xml:"numId"`
					Ilvl  valStr `xml:"ilvl"`
				} `xml:"pPr>numPr"`
			} `xml:"style"`
		}
		if err := xml.NewDecoder(stylesXML).Decode(&doc); err != nil {
			return nil, err
		}
		for _, s := range doc.Styles {
			n.styles[s.ID] = styleNum{numID: s.NumPr.NumID.or(""), ilvl: s.NumPr.Ilvl.or(""), basedOn: s.BasedOn.or("")}
		}
	}
	return n, nil
}

func readLevel(l xmlLevel) level {
	start, err := strconv.Atoi(l.Start.or("1"))
	if err != nil {
		start = 1
	}
	return level{start: start, format: l.NumFmt.or("decimal"), text: l.Text.or(""), suffix: l.Suffix.or("tab")}
}

// label counts a paragraph numbered with numID at level ilvl (either may come from its style; ""
// when not set) and returns its label with a separator, or "" for a paragraph without a number.
func (n *numbering) label(style, numID, ilvl string) string {
	for depth := 0; depth < 10 && style != "" && (numID == "" || ilvl == ""); depth++ {
		s := n.styles[style]
		if numID == "" {
			numID = s.numID
		}
		if ilvl == "" {
			ilvl = s.ilvl
		}
		style = s.basedOn
	}
	l, ok := n.lists[numID]
	lvl, err := strconv.Atoi(ilvl)
	if ilvl == "" {
		lvl, err = 0, nil
	}
	if !ok || err != nil || lvl < 0 || lvl >= 9 {
		return ""
	}
	counts, ok := n.counters[l.counter]
	if !ok {
		counts, n.used[l.counter] = &[9]int{}, &[9]bool{}
		n.counters[l.counter] = counts
	}
	used := n.used[l.counter]
	if used[lvl] {
		counts[lvl]++
	} else {
		counts[lvl], used[lvl] = l.levels[lvl].start, true
	}
	for deeper := lvl + 1; deeper < 9; deeper++ {
		used[deeper] = false // a new item restarts the levels below it
	}
	def := l.levels[lvl]
	if def.format == "bullet" || def.format == "none" || def.text == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(def.text); i++ {
		c := def.text[i]
		if c == '%' && i+1 < len(def.text) && def.text[i+1] >= '1' && def.text[i+1] <= '9' {
			k := int(def.text[i+1] - '1')
			number := counts[k]
			if !used[k] {
				number = l.levels[k].start
			}
			b.WriteString(formatNumber(number, l.levels[k].format))
			i++
			continue
		}
		b.WriteByte(c)
	}
	label := b.String()
	if def.suffix != "nothing" && !strings.HasSuffix(label, "、") && !strings.HasSuffix(label, "）") {
		label += " "
	}
	return label
}

// formatNumber writes n in one of Word's number formats.
func formatNumber(n int, format string) string {
	switch format {
	case "chineseCounting", "japaneseCounting", "taiwaneseCounting":
		if n < 100 {
			return chineseNumber(n, "〇一二三四五六七八九", "十百千", true)
		}
		return formatNumber(n, "ideographDigital") // as Word does: 一〇五
	case "chineseCountingThousand", "taiwaneseCountingThousand":
		return chineseNumber(n, "零一二三四五六七八九", "十百千", true)
	case "chineseLegalSimplified":
		return chineseNumber(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", false)
	case "ideographTraditional":
		if n >= 1 && n <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[n-1])
		}
	case "ideographZodiac":
		if n >= 1 && n <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[n-1])
		}
	case "ideographDigital":
		digits := []rune("〇一二三四五六七八九")
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			b.WriteRune(digits[d-'0'])
		}
		return b.String()
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			b.WriteRune(d - '0' + '０')
		}
		return b.String()
	case "decimalZero":
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		if n >= 1 && n <= 26*10 { // Z, ZZ, … up to ten letters; a hostile start must not allocate more
			s := strings.Repeat(string(rune('A'+(n-1)%26)), (n-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// chineseNumber writes 0 ≤ n < 10000 in Chinese numerals: 十一 (with short, else 一十一), 二十,
// 一百零五.
func chineseNumber(n int, digits, units string, short bool) string {
	d, u := []rune(digits), []rune(units)
	if n < 0 || n >= 10000 {
		return strconv.Itoa(n)
	}
	if n == 0 {
		return string(d[0])
	}
	var b strings.Builder
	zero := false
	for i, p := 3, 1000; i >= 0; i, p = i-1, p/10 {
		k := n / p % 10
		switch {
		case k == 0:
			zero = b.Len() > 0
		default:
			if zero {
				b.WriteRune(d[0])
				zero = false
			}
			if !(short && k == 1 && i == 1 && b.Len() == 0) {
				b.WriteRune(d[k])
			}
			if i > 0 {
				b.WriteRune(u[i-1])
			}
		}
	}
	return b.String()
}

func roman(n int) string {
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	symbols := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range values {
		for n >= v {
			b.WriteString(symbols[i])
			n -= v
		}
	}
	return b.String()
}
