package pdf

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

var gbkEncoder = simplifiedchinese.GBK.NewEncoder()

// testPDF assembles a small uncompressed PDF: one page per content stream, all sharing the resources
// (a dictionary body such as "/Font << /F1 3 0 R >>"); extra objects are numbered from 3 so the
// resources can refer to them.
func testPDF(resources string, extra []string, contents ...string) []byte {
	n := len(extra)
	var kids []string
	for i := range contents {
		kids = append(kids, fmt.Sprintf("%d 0 R", 3+n+2*i))
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] /Resources << %s >> >>",
			strings.Join(kids, " "), len(contents), resources),
	}
	objs = append(objs, extra...)
	for i, c := range contents {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Contents %d 0 R >>", 4+n+2*i), stream(c))
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func stream(data string) string {
	return fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(data), data)
}

// form is a form XObject drawing content.
func form(content string) string {
	return formWith("", content)
}

// formWith is a form XObject with its own resources (a dictionary body).
func formWith(resources, content string) string {
	if resources != "" {
		resources = "/Resources << " + resources + " >> "
	}
	return fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] %s/Length %d >>\nstream\n%s\nendstream",
		resources, len(content), content)
}

// Fonts for testPDF. None embeds a font program: text extraction does not need one.
const (
	// gbkFont is a CID font with the predefined CMap GBK-EUC-H and no ToUnicode map: codes are GBK.
	gbkFont = "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts " +
		"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>] >>"
	// ucs2Font codes are UCS-2.
	ucs2Font = "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts " +
		"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>] >>"
	// bareFont is an Identity-H font without ToUnicode: its text cannot be known.
	bareFont = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+FangSong /Encoding /Identity-H /DescendantFonts " +
		"[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+FangSong /DW 1000 >>] >>"
	// gb1Font is an Identity-H font of the Adobe-GB1 collection without ToUnicode: codes are GB1 CIDs.
	gb1Font = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+FZFSK--GBK1-0 /Encoding /Identity-H /DescendantFonts " +
		"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /ABCDEF+FZFSK--GBK1-0 /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> >>] >>"
	// latinFont is a simple font.
	latinFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
)

// mappedFont is an Identity-H font whose ToUnicode map is object ref.
func mappedFont(ref string) string {
	return "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /ToUnicode " + ref +
		" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /DW 1000 /W [1 [1000 1000] 3 5 1000] >>] >>"
}

// toUnicode maps the codes 1–5 of mappedFont to 山县政府 through bfchar, an array bfrange and a
// plain bfrange, and code 5 to the radical ⻘ (U+2ED8) as Chromium does for 青.
const toUnicode = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <5C71>
<0005> <2ED8>
endbfchar
2 beginbfrange
<0002> <0003> [<53BF> <653F>]
<0004> <0004> <5E9C>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

// text draws s (bytes in the font's encoding, as a hex string) with font F1 at size 12 at (x, y).
func text(x, y float64, hex string) string {
	return fmt.Sprintf("BT /F1 12 Tf 1 0 0 1 %g %g Tm <%s> Tj ET\n", x, y, hex)
}

// gbk returns s in GBK as hex, for gbkFont.
func gbk(s string) string {
	b, err := gbkEncoder.String(s)
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("%X", b)
}
