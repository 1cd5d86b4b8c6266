package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unreadableShare is the share of garbled characters above which a page's text is dropped as unreadable.
const unreadableShare = 0.10

// garbled counts the characters of s that are not real text, and all non-space characters. Garbage is
// U+FFFD, private-use characters, control characters, "(cid:N)" placeholders and Latin-1 letters, which
// in a Chinese document are GBK bytes read as single-byte characters.
func garbled(s string) (bad, total int) {
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "(cid:") {
			if end := strings.IndexByte(s[i:], ')'); end > 0 {
				n := utf8.RuneCountInString(s[i : i+end+1])
				bad += n
				total += n
				i += end + 1
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			continue
		}
		total++
		if isGarbage(r) {
			bad++
		}
	}
	return bad, total
}

// isGarbage reports whether r cannot be part of the text of a Chinese document.
func isGarbage(r rune) bool {
	switch {
	case r == utf8.RuneError:
		return true
	case unicode.Is(unicode.Co, r): // private use: glyphs with no Unicode value
		return true
	case unicode.IsControl(r):
		return true
	case r >= 0x80 && r <= 0xFF:
		// Latin-1 letters and signs come from GBK bytes decoded one by one; keep the few symbols
		// Chinese documents use.
		return !strings.ContainsRune("·×÷°±§µ¥£¢", r)
	}
	return false
}

// cleanText drops garbage characters (and "(cid:N)" placeholders) from a readable page.
func cleanText(s string) string {
	if bad, _ := garbled(s); bad == 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "(cid:") {
			if end := strings.IndexByte(s[i:], ')'); end > 0 {
				i += end + 1
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !isGarbage(r) || r == '\t' || r == '\n' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
