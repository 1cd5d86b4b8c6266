package pdf

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	pdflib "github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// A font turns the codes of a text-showing operator into text and glyph widths.
//
// Text comes from the font's ToUnicode map when it has one. Without it, CID fonts with a predefined
// Chinese CMap (GBK-EUC-H, UniGB-UCS2-H, …) are decoded from their codes, which are GBK, UCS-2 or Big5
// bytes; and simple fonts fall back to the library's encodings (WinAnsi, Differences, …).
type font struct {
	composite bool                // a Type0 (CID) font: codes of one to four bytes
	codes     *cmap               // the codespace of an embedded CMap; nil means two-byte codes
	toUnicode *cmap               // may be nil
	charset   encoding.Encoding   // predefined CMap whose codes are bytes of a Chinese charset; may be nil
	identity  bool                // CID = code, so widths can be looked up by code
	gb1       bool                // CIDs are Adobe-GB1 ones, which have known Unicode values
	lib       pdflib.TextEncoding // fallback for simple fonts
	widths    map[uint32]float64  // glyph widths in thousandths of the font size, by code (simple) or CID
	defWidth  float64             // width of glyphs not in widths; 0 means unknown
	memo      map[string]string   // decoded codes
}

// A glyph is one decoded code.
type glyph struct {
	text  string
	width float64 // thousandths of the font size
	space bool    // the single-byte code 32, which word spacing applies to
}

// predefined maps the names of predefined Chinese CMaps to the charset their codes are written in.
var predefined = map[string]encoding.Encoding{
	"GB-EUC-H":       simplifiedchinese.GBK,
	"GB-EUC-V":       simplifiedchinese.GBK,
	"GBpc-EUC-H":     simplifiedchinese.GBK,
	"GBpc-EUC-V":     simplifiedchinese.GBK,
	"GBK-EUC-H":      simplifiedchinese.GBK,
	"GBK-EUC-V":      simplifiedchinese.GBK,
	"GBKp-EUC-H":     simplifiedchinese.GBK,
	"GBKp-EUC-V":     simplifiedchinese.GBK,
	"GBK2K-H":        simplifiedchinese.GB18030,
	"GBK2K-V":        simplifiedchinese.GB18030,
	"UniGB-UCS2-H":   utf16BE,
	"UniGB-UCS2-V":   utf16BE,
	"UniGB-UTF16-H":  utf16BE,
	"UniGB-UTF16-V":  utf16BE,
	"UniCNS-UCS2-H":  utf16BE,
	"UniCNS-UCS2-V":  utf16BE,
	"UniCNS-UTF16-H": utf16BE,
	"UniCNS-UTF16-V": utf16BE,
	"B5pc-H":         traditionalchinese.Big5,
	"B5pc-V":         traditionalchinese.Big5,
	"ETen-B5-H":      traditionalchinese.Big5,
	"ETen-B5-V":      traditionalchinese.Big5,
}

var utf16BE = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)

const maxCMapBytes = 4 << 20

// cmap returns the parsed CMap stream v, read once per document (fonts often share one) and at most
// maxCMapBytes of it: a larger one is left unused.
func (d *document) cmap(v pdflib.Value) *cmap {
	key := v.String() // the dictionary and the offset of the stream
	if m, ok := d.cmaps[key]; ok {
		return m
	}
	m := &cmap{text: map[uint32]string{}}
	if data, err := d.readStream(v, maxCMapBytes, "CMap"); err == nil {
		m = parseCMap(data)
	}
	d.cmaps[key] = m
	return m
}

func (d *document) newFont(v pdflib.Value) *font {
	f := &font{memo: make(map[string]string), widths: make(map[uint32]float64)}
	tu := v.Key("ToUnicode")
	if tu.Kind() == pdflib.Stream {
		if m := d.cmap(tu); len(m.text) > 0 {
			f.toUnicode = m
		}
	}
	enc := v.Key("Encoding")
	if v.Key("Subtype").Name() == "Type0" {
		f.composite = true
		switch enc.Kind() {
		case pdflib.Name:
			name := enc.Name()
			f.identity = name == "Identity-H" || name == "Identity-V"
			f.charset = predefined[name]
		case pdflib.Stream:
			if m := d.cmap(enc); len(m.lens) > 0 {
				f.codes = m
			}
		}
		desc := v.Key("DescendantFonts").Index(0)
		info := desc.Key("CIDSystemInfo")
		f.gb1 = f.identity && info.Key("Registry").RawString() == "Adobe" && info.Key("Ordering").RawString() == "GB1"
		f.defWidth = 1000
		if dw := desc.Key("DW"); dw.Kind() == pdflib.Integer || dw.Kind() == pdflib.Real {
			f.defWidth = dw.Float64()
		}
		if f.identity {
			readCIDWidths(desc.Key("W"), f.widths)
		}
		return f
	}
	// The library's encodings read a ToUnicode map themselves when there is no /Encoding (or it is
	// Identity-H), without any limit; a map that was too large or unreadable here stays unused.
	libReadsToUnicode := enc.Kind() == pdflib.Null || enc.Name() == "Identity-H"
	if f.toUnicode == nil && (tu.Kind() != pdflib.Stream || !libReadsToUnicode) {
		lf := pdflib.Font{V: v}
		f.lib = lf.Encoder()
	}
	scale := 1.0 // Type 3 widths are in glyph space, which FontMatrix maps to text space
	if m := v.Key("FontMatrix"); v.Key("Subtype").Name() == "Type3" && m.Len() == 6 {
		scale = m.Index(0).Float64() * 1000
	}
	first := v.Key("FirstChar").Int64()
	w := v.Key("Widths")
	for i := 0; i < w.Len() && i < 256; i++ {
		f.widths[uint32(first)+uint32(i)] = w.Index(i).Float64() * scale
	}
	f.defWidth = v.Key("FontDescriptor").Key("MissingWidth").Float64() * scale
	return f
}

// readCIDWidths reads a CID font's W array: "c [w1 w2 …]" or "cfirst clast w".
func readCIDWidths(w pdflib.Value, out map[uint32]float64) {
	for i := 0; i < w.Len(); {
		first := w.Index(i)
		next := w.Index(i + 1)
		if next.Kind() == pdflib.Array {
			c := uint32(first.Int64())
			for j := 0; j < next.Len() && j < maxRange; j++ {
				out[c+uint32(j)] = next.Index(j).Float64()
			}
			i += 2
			continue
		}
		lo, hi, width := first.Int64(), next.Int64(), w.Index(i+2).Float64()
		if hi-lo >= 0 && hi-lo < maxRange {
			for c := lo; c <= hi; c++ {
				out[uint32(c)] = width
			}
		}
		i += 3
	}
}

// decode splits raw into codes and returns their glyphs.
func (f *font) decode(raw string, glyphs []glyph) []glyph {
	for len(raw) > 0 {
		n := f.codeLen(raw)
		code := raw[:n]
		raw = raw[n:]
		g := glyph{text: f.text(code), space: n == 1 && code == " "}
		c := codeValue(code)
		if w, ok := f.widths[c]; ok && (f.identity || !f.composite) {
			g.width = w
		} else {
			g.width = f.defWidth
		}
		if g.width == 0 || f.composite && !f.identity {
			g.width = estimateWidth(g.text)
		}
		glyphs = append(glyphs, g)
	}
	return glyphs
}

func (f *font) codeLen(raw string) int {
	switch {
	case !f.composite:
		return 1
	case f.codes != nil:
		if n := f.codes.codeLen(raw); n > 0 {
			return n
		}
		return 1
	case f.charset == simplifiedchinese.GBK || f.charset == traditionalchinese.Big5:
		if raw[0] < 0x80 || len(raw) < 2 {
			return 1
		}
		return 2
	case f.charset == simplifiedchinese.GB18030:
		if raw[0] < 0x80 || len(raw) < 2 {
			return 1
		}
		if len(raw) >= 4 && '0' <= raw[1] && raw[1] <= '9' {
			return 4
		}
		return 2
	}
	if len(raw) < 2 {
		return 1
	}
	if f.charset != nil && len(raw) >= 4 && raw[0] >= 0xD8 && raw[0] <= 0xDB { // a UTF-16 surrogate pair
		return 4
	}
	return 2
}

// text returns the text of one code; U+FFFD when the font does not say, nothing for the control codes
// of a simple font without a Unicode map.
func (f *font) text(code string) string {
	if s, ok := f.memo[code]; ok {
		return s
	}
	s := ""
	if f.toUnicode != nil {
		s = f.toUnicode.text[codeValue(code)]
	}
	if s == "" && f.gb1 {
		s = adobeGB1().text[codeValue(code)]
	}
	if s == "" && f.charset != nil {
		if b, err := f.charset.NewDecoder().String(code); err == nil {
			s = b
		}
	}
	if s == "" && f.lib != nil {
		s = f.lib.Decode(code)
		if r, _ := utf8.DecodeRuneInString(s); code[0] < 0x20 && (r == utf8.RuneError || unicode.IsControl(r)) {
			s = "" // a control code in a simple font's standard encoding draws no glyph
			f.memo[code] = s
			return s
		}
	}
	if s == "" || !utf8.ValidString(s) {
		s = string(utf8.RuneError)
	}
	s = unifyIdeographs(s)
	f.memo[code] = s
	return s
}

// unifyIdeographs replaces CJK radicals (⻘ ⼭) and compatibility ideographs (U+F900–U+FAFF) with
// the unified ideographs they stand for, so that 青山 reads and matches as 青山.
func unifyIdeographs(s string) string {
	for _, r := range s {
		if _, ok := radicals[r]; ok || unicode.Is(unicode.Ideographic, r) && norm.NFC.PropertiesString(string(r)).Decomposition() != nil {
			return strings.Map(func(r rune) rune {
				if u, ok := radicals[r]; ok {
					return u
				}
				if d := norm.NFC.PropertiesString(string(r)).Decomposition(); d != nil && unicode.Is(unicode.Ideographic, r) {
					u, _ := utf8.DecodeRune(d)
					return u
				}
				return r
			}, s)
		}
	}
	return s
}

//go:embed cmaps/Adobe-GB1-UCS2.gz
var adobeGB1UCS2 []byte

// adobeGB1 is the Unicode value of each CID of the Adobe-GB1 collection, for CID fonts of that
// ordering without a ToUnicode map (poppler and MuPDF read them the same way).
var adobeGB1 = sync.OnceValue(func() *cmap {
	zr, err := gzip.NewReader(bytes.NewReader(adobeGB1UCS2))
	if err != nil {
		panic(err) // the embedded file is broken: a build error, not a bad input
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		panic(err)
	}
	return parseCMap(data)
})

// estimateWidth guesses a glyph width when the font does not give one: full width for CJK, half otherwise.
func estimateWidth(s string) float64 {
	r, _ := utf8.DecodeRuneInString(s)
	if isWide(r) {
		return 1000
	}
	return 500
}

// isWide reports whether r is a Chinese character or full-width punctuation.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}
