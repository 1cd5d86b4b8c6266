package extract

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// minValidUTF8 is the share of a file's non-ASCII bytes that must be valid UTF-8 for it to be read as
// UTF-8 with the rest replaced: a download cut mid-character, a damaged byte. GB18030 text has next to
// none (its byte pairs rarely form UTF-8 sequences). A short text may have one bad character (three
// bytes) more, as long as nine in ten of its bytes are good.
const (
	minValidUTF8   = 0.99
	minValidShort  = 0.9
	badUTF8ForFree = 3
)

// DecodeText decodes a plain-text file: UTF-8 (with or without BOM), UTF-16
// with BOM, else GB18030, which covers GBK and GB2312. UTF-8 with a few bad
// bytes (a cut or damaged file) is read as UTF-8, the bad bytes replaced by
// U+FFFD, with a warning. Line ends become \n.
func DecodeText(body []byte) (text, charset string, warnings []string, err error) {
	validUTF8 := false // nothing to replace
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		text, charset = string(body[3:]), "utf-8"
	case bytes.HasPrefix(body, []byte("\xFF\xFE")), bytes.HasPrefix(body, []byte("\xFE\xFF")):
		dec := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewDecoder()
		b, err := dec.Bytes(body)
		if err != nil {
			return "", "", nil, err
		}
		text, charset = string(b), "utf-16"
	case utf8.Valid(body):
		text, charset, validUTF8 = string(body), "utf-8", true
	default:
		if valid, bad, nonASCII := utf8Share(body); valid >= minValidShort && float64(bad) <= badUTF8ForFree+(1-minValidUTF8)*float64(nonASCII) {
			text, charset = string(body), "utf-8"
			warnings = append(warnings, fmt.Sprintf("not valid UTF-8 in %d bytes, replaced (a cut or damaged file?)", bad))
			break
		}
		b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(body)
		if err != nil {
			return "", "", nil, err
		}
		text, charset = string(b), "gb18030"
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if !validUTF8 {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	return text, charset, warnings, nil
}

// utf8Share returns the share of the non-ASCII bytes of b that form valid UTF-8, how many do not and
// how many there are.
func utf8Share(b []byte) (share float64, bad, nonASCII int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		nonASCII += n
		b = b[n:]
	}
	if nonASCII == 0 {
		return 1, 0, 0
	}
	return float64(nonASCII-bad) / float64(nonASCII), bad, nonASCII
}

// Shares of characters that tell text from something else decoded as text (random bytes, a binary
// file, the wrong encoding).
const (
	maxJunk       = 0.05 // control, private-use and undecodable characters
	minCommonHan  = 0.6  // Chinese characters that are common ones (real text: over 0.95)
	minHan        = 0.05 // Chinese characters among the letters
	plausibleHead = 1 << 20
)

// checkChinese tells whether text (its first megabyte) reads as text, and as Chinese text. Junk —
// many control, private-use or undecodable characters, or Chinese characters that are mostly rare ones
// as random bytes decode to — is an error; text with hardly any Chinese a warning.
func checkChinese(text string) (warning string, err error) {
	if len(text) > plausibleHead {
		text = text[:plausibleHead]
	}
	var all, junk, letters, han, common int
	commonSet := commonHan()
	for _, r := range text {
		switch {
		case commonSet.has(r): // first: most characters of a Chinese text
			han++
			letters++
			common++
		case r == '\n' || r == '\t' || r == '\f' || r == ' ':
			continue
		case r < utf8.RuneSelf: // digits and punctuation, without the Unicode tables below
			if r < 0x20 || r == 0x7f {
				junk++
			} else if 'a' <= r|0x20 && r|0x20 <= 'z' {
				letters++
			}
		case r == utf8.RuneError, unicode.Is(unicode.Co, r), unicode.IsControl(r), r >= 0xFDD0 && r <= 0xFDEF:
			junk++
		case unicode.Is(unicode.Han, r):
			han++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
		all++
	}
	switch {
	case all == 0:
		return "", nil
	case float64(junk) > maxJunk*float64(all):
		return "", fmt.Errorf("does not look like text: %d%% control, private-use or undecodable characters (a binary file?)", 100*junk/all)
	case han >= 50 && float64(common) < minCommonHan*float64(han):
		return "", fmt.Errorf("does not look like Chinese text: only %d%% of its Chinese characters are common ones (random bytes, or the wrong encoding?)", 100*common/han)
	case letters >= 50 && float64(han) < minHan*float64(letters):
		return "hardly any Chinese characters: not a Chinese document?", nil
	}
	return "", nil
}

// commonHan holds the frequently used characters: GB2312 level 1 (3,755 simplified characters) and
// Big5's frequently used block (5,401 traditional ones). Together they cover well over 95% of the
// characters of any Chinese text; random bytes decoded as GB18030 hit them a third of the time.
var commonHan = sync.OnceValue(func() *runeSet {
	set := new(runeSet)
	add := func(dec func([]byte) ([]byte, error), hi, lo [2]byte) {
		for a := int(hi[0]); a <= int(hi[1]); a++ {
			for b := int(lo[0]); b <= int(lo[1]); b++ {
				if s, err := dec([]byte{byte(a), byte(b)}); err == nil {
					if r, _ := utf8.DecodeRune(s); unicode.Is(unicode.Han, r) && r < 0x10000 {
						set[r>>6] |= 1 << (r & 63)
					}
				}
			}
		}
	}
	add(simplifiedchinese.GBK.NewDecoder().Bytes, [2]byte{0xB0, 0xD7}, [2]byte{0xA1, 0xFE})
	add(traditionalchinese.Big5.NewDecoder().Bytes, [2]byte{0xA4, 0xC6}, [2]byte{0x40, 0x7E})
	add(traditionalchinese.Big5.NewDecoder().Bytes, [2]byte{0xA4, 0xC5}, [2]byte{0xA1, 0xFE})
	return set
})

// runeSet is a set of characters of the Basic Multilingual Plane: bit r is set for r in it.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) has(r rune) bool { return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0 }
