package docnum

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongwen/gongwen/extract/internal/chars"
	"github.com/gongwen/gongwen/extract/internal/fold"
	"github.com/gongwen/gongwen/extract/internal/words"
)

// Number is one official document number (发文字号) found in a text.
type Number struct {
	Text   string // as written, e.g. 驻政文〔2025〕3号
	Prefix string // the 机关代字, e.g. 驻政文; "" when the text has none
	Year   int    // 2025; 0 for an order numbered without one (国令第707号)
	Serial int    // 3
	// Start and End are byte offsets of Text in the input: input[Start:End] == Text.
	Start, End int
}

// Limits of a plausible document number.
const (
	minYear      = 1949
	maxYear      = 2100
	maxPrefix    = 12 // runes in a 机关代字
	maxSerialLen = 6  // digits in a serial
)

// Find returns every document number in text, in order and without overlaps.
func Find(original string) []Number {
	text := fold.String(original) // 號 is 号; offsets stay
	var out []Number
	floor := 0 // a prefix may not reach back into the previous number
	// Every number ends at a 号, and from its bracket (or the 令 of an
	// order) to the 号 it has only the characters of a number: the search
	// tries the run of those before each 号, not every character of the text.
	for i := 0; ; {
		k := indexHao(text[i:])
		if k < 0 {
			break
		}
		end := i + k + len("号")
		for j := runBefore(text, i, i+k); j < end; {
			r, size := utf8.DecodeRuneInString(text[j:])
			n, ok := Number{}, false
			switch {
			case isOpen(r):
				n, ok = matchAt(text, j, floor)
			case r == '令':
				n, ok = orderAt(text, j, floor)
			}
			if ok {
				n.Text, n.Prefix = original[n.Start:n.End], original[n.Start:n.Start+len(n.Prefix)]
				out = append(out, n)
				floor = n.End
				j = n.End
				continue
			}
			j += size
		}
		i = max(end, floor)
	}
	return out
}

// indexHao is strings.Index(s, "号"). It searches for the last byte of 号
// (E5 8F B7), which ends one character in 64, where strings.Index
// searches for its first, which begins about one Chinese character in
// five: in Chinese text, several times fewer false hits to look at.
func indexHao(s string) int {
	const hao = "号"
	last := hao[len(hao)-1]
	for i := len(hao) - 1; i < len(s); i++ {
		k := strings.IndexByte(s[i:], last)
		if k < 0 {
			break
		}
		i += k
		if start := i + 1 - len(hao); s[start:i+1] == hao {
			return start
		}
	}
	return -1
}

// runBefore returns where the run of the characters of a number that ends
// at byte h starts (at the 令 before it, if any), not before from.
func runBefore(s string, from, h int) int {
	j := h
	for j > from {
		r, size := utf8.DecodeLastRuneInString(s[from:j])
		if r == '令' {
			return j - size
		}
		if !inNumber(r) {
			break
		}
		j -= size
	}
	return j
}

// inNumber reports whether r may stand between the start of a number and
// its 号: a bracket, a digit, a space or 第.
func inNumber(r rune) bool {
	return isOpen(r) || isClose(r) || chars.IsDigit(r) || chars.IsSpace(r) || r == '第'
}

// Parse reports whether s, with surrounding spaces trimmed, is exactly one
// document number, and returns it with offsets relative to the trimmed s.
func Parse(s string) (Number, bool) {
	s = strings.TrimSpace(s)
	ns := Find(s)
	if len(ns) != 1 || ns[0].Start != 0 || ns[0].End != len(s) {
		return Number{}, false
	}
	return ns[0], true
}

// isOpen reports whether r opens the bracket around a year. The list
// includes the mis-encoded pair „‟ seen on GBK pages decoded as Windows-1252.
func isOpen(r rune) bool {
	switch r {
	case '〔', '[', '(', '（', '【', '［', '﹝', '„', '〖', '﹙', '“':
		return true
	}
	return false
}

func isClose(r rune) bool {
	switch r {
	case '〕', ']', ')', '）', '】', '］', '﹞', '‟', '〗', '﹚', '”':
		return true
	}
	return false
}

// matchAt reads a number whose year bracket opens at byte open; the prefix
// is read backwards from open but not before floor.
func matchAt(s string, open, floor int) (Number, bool) {
	_, size := utf8.DecodeRuneInString(s[open:])
	i := chars.SkipSpaces(s, open+size)
	year, n, i := chars.Digits(s, i)
	if n != 4 || year < minYear || year > maxYear {
		return Number{}, false
	}
	i = chars.SkipSpaces(s, i)
	r, size := utf8.DecodeRuneInString(s[i:])
	if !isClose(r) {
		return Number{}, false
	}
	i = chars.SkipSpaces(s, i+size)
	if strings.HasPrefix(s[i:], "第") {
		i = chars.SkipSpaces(s, i+len("第"))
	}
	serial, n, i := chars.Digits(s, i)
	if n == 0 || n > maxSerialLen {
		return Number{}, false
	}
	i = chars.SkipSpaces(s, i)
	r, size = utf8.DecodeRuneInString(s[i:])
	if r != '号' {
		return Number{}, false
	}
	end := i + size

	if !documentEnd(s, end) {
		return Number{}, false
	}
	start, prefix := prefixBefore(s, open, floor)
	return Number{Text: s[start:end], Prefix: prefix, Year: year, Serial: serial, Start: start, End: end}, true
}

// orderAt reads an order numbered without a year at the 令 at text[i:]:
// 国令第707号, 国务院令第711号, 省政府令第206号. The prefix is the issuer's
// short name and 令.
func orderAt(s string, i, floor int) (Number, bool) {
	j := i + len("令")
	if !strings.HasPrefix(s[j:], "第") {
		return Number{}, false
	}
	serial, n, k := chars.Digits(s, j+len("第"))
	if n == 0 || n > maxSerialLen || !strings.HasPrefix(s[k:], "号") {
		return Number{}, false
	}
	end := k + len("号")
	if !documentEnd(s, end) {
		return Number{}, false
	}
	start, prefix := prefixBefore(s, j, floor)
	if prefix == "" || prefix == "令" {
		return Number{}, false // 第3号令 or a bare 令第3号: no issuer
	}
	return Number{Text: s[start:end], Prefix: prefix, Serial: serial, Start: start, End: end}, true
}

// documentEnd reports whether the text after 号 fits a document number:
// (2024)3号楼 and 〔2023〕1号线 name buildings and lines, not documents.
func documentEnd(s string, end int) bool {
	r, _ := utf8.DecodeRuneInString(s[end:])
	return !strings.ContainsRune("楼线院门房馆室桥车机台位地码", r)
}

// prefixBefore finds the 机关代字 that ends at open (possibly one space
// before it) and returns where the number starts and the prefix.
func prefixBefore(s string, open, floor int) (start int, prefix string) {
	end := open
	// Allow a space between the prefix and the bracket: 国发 〔2024〕1号.
	j := open
	for j > floor {
		r, size := utf8.DecodeLastRuneInString(s[floor:j])
		if !chars.IsSpace(r) {
			break
		}
		j -= size
	}
	if j != open {
		end = j
	}
	begin := end
	for begin > floor {
		r, size := utf8.DecodeLastRuneInString(s[floor:begin])
		if !prefixRune(r) {
			break
		}
		begin -= size
	}
	if begin == end {
		return open, ""
	}
	// In 2023年市委发〔2023〕1号 the 年 belongs to the date before the code;
	// but 日政发 is a code of 日照, so 年, 月 and 日 are dropped only after a digit.
	if r, _ := utf8.DecodeLastRuneInString(s[:begin]); chars.IsDigit(r) {
		if r, size := utf8.DecodeRuneInString(s[begin:end]); r == '年' || r == '月' || r == '日' {
			begin += size
		}
	}
	begin = trimLead(s[begin:end]) + begin
	if begin == end {
		return open, ""
	}
	return begin, s[begin:end]
}

// prefixRune reports whether r can belong to a 机关代字: Han characters,
// rarely a Latin letter, but never 号, which ends the previous number.
func prefixRune(r rune) bool {
	if r == '号' || r == '〇' {
		return false
	}
	return unicode.Is(unicode.Han, r) || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' ||
		r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ'
}

var (
	lists = words.MustParse("docnum/words.tsv", wordsTSV)
	// stopWords cannot be part of a 机关代字; the prefix starts after the last
	// one in the run: 根据国发〔2024〕1号 → 国发.
	stopWords = lists.Of("not-prefix")
	// issuerWords end an issuer's name glued to its code: 河南省人民政府办公厅豫政办 → 豫政办.
	// They are cut only when at least two runes remain (省人民政府令 stays whole).
	issuerWords = lists.Of("issuer-end")
)

//go:embed words.tsv
var wordsTSV string

// trimLead returns how many bytes of the run to drop so that it holds only
// the 机关代字.
func trimLead(run string) int {
	cut := 0
	for _, w := range stopWords {
		if k := strings.LastIndex(run, w); k >= 0 && k+len(w) > cut {
			cut = k + len(w)
		}
	}
	for _, w := range issuerWords {
		k := strings.LastIndex(run, w)
		if k >= 0 && k+len(w) > cut && utf8.RuneCountInString(run[k+len(w):]) >= 2 {
			cut = k + len(w)
		}
	}
	rest := run[cut:]
	if n := utf8.RuneCountInString(rest); n > maxPrefix {
		for ; n > maxPrefix; n-- {
			_, size := utf8.DecodeRuneInString(rest)
			rest = rest[size:]
			cut += size
		}
	}
	return cut
}
