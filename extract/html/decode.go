package html

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// metaCharset finds the charset in <meta charset=…> and
// <meta http-equiv="Content-Type" content="…; charset=…">. Both are ASCII,
// and GBK trail bytes never equal '<', '>' or '=', so a byte regexp is safe
// on undecoded GBK.
var metaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)`)

// headLimit bounds the search for a <meta> charset: the whole <head>, but
// at least the first 4 KB and at most this many bytes.
const headLimit = 256 << 10

// Decode converts an HTML page to UTF-8. It looks for the charset in this
// order: byte order mark, the charset parameter of contentType, a <meta>
// anywhere in the <head> (at least the first 4 KB), then a detector (valid
// UTF-8, else GB18030). Labels for GB2312 and GBK decode as GB18030, their
// superset. When the header and the <meta> disagree, the decoding without
// U+FFFD wins. The result is always valid UTF-8; charset names what the page
// was decoded from ("utf-8", "gb18030", "utf-16le" …).
func Decode(body []byte, contentType string) (utf8Text string, charset string, err error) {
	if name, enc, rest := bomEncoding(body); enc != nil || name == "utf-8" {
		s, err := decodeWith(rest, enc)
		return s, name, err
	}

	type candidate struct {
		name string
		enc  encoding.Encoding // nil for UTF-8
	}
	var cands []candidate
	seen := map[string]bool{}
	add := func(label string) {
		name, enc, ok := lookup(label)
		if ok && !seen[name] {
			seen[name] = true
			cands = append(cands, candidate{name, enc})
		}
	}
	add(headerCharset(contentType))
	// A <meta> cannot be read in UTF-16 (it would not be ASCII), so a page
	// declaring it there is UTF-8, as browsers assume.
	if m := headMetaCharset(body); strings.HasPrefix(strings.ToLower(strings.ReplaceAll(m, "-", "")), "utf16") {
		add("utf-8")
	} else {
		add(m)
	}
	// The detector comes last, so it also rescues a page whose declared
	// charset is wrong: valid UTF-8 is UTF-8; otherwise Chinese government
	// pages are almost always GBK or GB18030.
	if utf8.Valid(body) {
		add("utf-8")
	} else {
		add("gb18030")
		add("utf-8")
	}

	// Valid UTF-8 with non-ASCII text is UTF-8 whatever the labels say:
	// labels are wrong far more often than GBK text happens to be valid
	// UTF-8, and GB18030 decodes UTF-8 bytes into mojibake without U+FFFD.
	if !isASCII(body) && utf8.Valid(body) {
		return string(body), "utf-8", nil
	}
	// Otherwise the first declared charset that decodes cleanly wins; if
	// none does, the one with the fewest replacement characters.
	best, bestBad := "", -1
	bestName := ""
	for _, c := range cands {
		s, err := decodeWith(body, c.enc)
		if err != nil {
			continue
		}
		bad := strings.Count(s, "\uFFFD")
		if bad == 0 {
			return s, c.name, nil
		}
		if bestBad < 0 || bad < bestBad {
			best, bestBad, bestName = s, bad, c.name
		}
	}
	if bestBad < 0 {
		return "", "", errorf("cannot decode page as %s", cands[0].name)
	}
	return best, bestName, nil
}

// bomEncoding recognises a byte order mark. It returns the charset name,
// its encoding (nil for UTF-8) and the body without the mark; name is empty
// when there is no mark.
func bomEncoding(b []byte) (name string, enc encoding.Encoding, rest []byte) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8", nil, b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b[2:]
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b[2:]
	}
	return "", nil, b
}

// decodeWith decodes b with enc (nil means UTF-8) and guarantees valid UTF-8.
func decodeWith(b []byte, enc encoding.Encoding) (string, error) {
	if enc == nil {
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), nil
}

// headerCharset returns the charset parameter of an HTTP Content-Type, or "".
func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	// Malformed headers such as "text/html; charset=gbk;" still name a charset.
	if m := metaCharset.FindStringSubmatch("<meta " + contentType + ">"); m != nil {
		return m[1]
	}
	return ""
}

// headMetaCharset returns the charset declared by the first <meta> in the
// <head> of an undecoded page, or "".
func headMetaCharset(b []byte) string {
	limit := len(b)
	if limit > headLimit {
		limit = headLimit
	}
	head := b[:limit]
	if i := bytes.Index(bytes.ToLower(head), []byte("</head")); i >= 0 {
		end := i
		if end < 4096 {
			end = min(4096, limit)
		}
		head = head[:end]
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// lookup maps a charset label to a canonical name and an encoding (nil for
// UTF-8). All Simplified Chinese labels decode as GB18030, which is a
// superset of GB2312 and GBK; detectors also emit labels such as
// "GB-18030" that the WHATWG index does not know.
func lookup(label string) (name string, enc encoding.Encoding, ok bool) {
	l := strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if l == "" {
		return "", nil, false
	}
	switch strings.NewReplacer("-", "", "_", "", " ", "", ".", "").Replace(l) {
	case "utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8":
		return "utf-8", nil, true
	case "gb2312", "gbk", "gb18030", "gb231280", "xgbk", "cp936", "ms936", "windows936",
		"euccn", "xeuccn", "csgb2312", "chinese", "isoir58", "csiso58gb231280", "gb":
		return "gb18030", simplifiedchinese.GB18030, true
	}
	e, err := htmlindex.Get(l)
	if err != nil {
		return "", nil, false
	}
	n, err := htmlindex.Name(e)
	if err != nil {
		return "", nil, false
	}
	if n == "utf-8" {
		return "utf-8", nil, true
	}
	if n == "gbk" || n == "gb18030" {
		return "gb18030", simplifiedchinese.GB18030, true
	}
	return n, e, true
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
