package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// DecodeText decodes a plain-text file: UTF-8 (with or without BOM), UTF-16
// with BOM, else GB18030, which covers GBK and GB2312. Line ends become \n.
func DecodeText(body []byte) (text, charset string, err error) {
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		text, charset = string(body[3:]), "utf-8"
	case bytes.HasPrefix(body, []byte("\xFF\xFE")), bytes.HasPrefix(body, []byte("\xFE\xFF")):
		dec := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder()
		b, err := dec.Bytes(body)
		if err != nil {
			return "", "", err
		}
		text, charset = string(b), "utf-16"
	case utf8.Valid(body):
		text, charset = string(body), "utf-8"
	default:
		b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(body)
		if err != nil {
			return "", "", err
		}
		text, charset = string(b), "gb18030"
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.ToValidUTF8(text, "\uFFFD"), charset, nil
}
