#!/bin/sh
# make.sh rebuilds the PDF fixtures in this directory from the source texts.
#
# Each non-empty line of a .txt file is one paragraph, or a table row if it has tabs between cells.
# The first line is set as a centred title, lines like "一、…" or short "（一）…" lines as headings,
# short lines without a full stop flush left, the last two lines if short (signature and date) flush
# right, and every other line as a body paragraph indented by two characters. The accuracy test
# compares the text read back from each PDF with its .txt source.
#
# Needs: libreoffice-writer-nogui, fonts-noto-cjk, fonts-wqy-zenhei, poppler-utils (pdftoppm), img2pdf, python3.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fodt SRC FONT HEADER FOOTER NAME writes $work/NAME.fodt: SRC set in FONT at 14 pt on A4, with the running
# HEADER text (may be empty) and a FOOTER of kind none, dash (— N —), hyphen (- N -) or pageof (第N页 共M页).
fodt() {
	src=$1 font=$2 header=$3 footer=$4 name=$5
	case $footer in
	none) foot='' ;;
	dash) foot='— <text:page-number text:select-page="current">1</text:page-number> —' ;;
	hyphen) foot='- <text:page-number text:select-page="current">1</text:page-number> -' ;;
	pageof) foot='第<text:page-number text:select-page="current">1</text:page-number>页 共<text:page-count>1</text:page-count>页' ;;
	*) echo "unknown footer $footer" >&2; exit 1 ;;
	esac
	{
		cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="CJK" svg:font-family="'$font'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="130%"/>
  <style:text-properties style:font-name="CJK" style:font-name-asian="CJK" fo:font-size="14pt"
   style:font-size-asian="14pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="0.988cm" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Plain" style:family="paragraph"/>
 <style:style style:name="Right" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
  <style:text-properties fo:font-size="18pt" style:font-size-asian="18pt"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm"/>
  <style:text-properties/>
 </style:style>
 <style:style style:name="Running" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
XML
		[ -n "$header" ] && echo "  <style:header><text:p text:style-name=\"Running\">$header</text:p></style:header>"
		[ -n "$foot" ] && echo "  <style:footer><text:p text:style-name=\"Running\">$foot</text:p></style:footer>"
		echo ' </style:master-page>'
		echo '</office:master-styles>'
		echo '<office:body><office:text>'
		awk -v total="$(grep -c . "$src")" '
			NF == 0 { next }
			{
				n++
				gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/>/, "\\&gt;")
				if (index($0, "\t") > 0) { # a table row, cells separated by tabs
					cells = split($0, cell, "\t")
					if (!intable) printf "<table:table table:name=\"T%d\"><table:table-column table:number-columns-repeated=\"%d\"/>\n", n, cells
					intable = 1
					printf "<table:table-row>"
					for (i = 1; i <= cells; i++)
						printf "<table:table-cell office:value-type=\"string\"><text:p text:style-name=\"Plain\">%s</text:p></table:table-cell>", cell[i]
					print "</table:table-row>"
					next
				}
				if (intable) print "</table:table>"
				intable = 0
				style = "Body"
				if (n == 1) style = "Title"
				else if (n > total - 2 && length($0) < 60) style = "Right"
				else if ($0 ~ /^[一二三四五六七八九十]+、/) style = "Heading"
				else if ($0 ~ /^（[一二三四五六七八九十]+）/ && length($0) < 30) style = "Heading"
				else if (length($0) < 40 && $0 !~ /。$/) style = "Plain"
				printf "<text:p text:style-name=\"%s\">%s</text:p>\n", style, $0
			}' "$src"
		echo '</office:text></office:body></office:document>'
	} >"$work/$name.fodt"
}

fodt single.txt 'Noto Serif CJK SC' '' none single-noto
fodt single.txt 'WenQuanYi Zen Hei' '' hyphen single-wqy
fodt long.txt 'Noto Serif CJK SC' '山南市人民政府关于2024年度法治政府建设工作情况的报告' dash long-noto
fodt long.txt 'WenQuanYi Zen Hei' '山南市人民政府文件' pageof long-wqy
fodt table.txt 'Noto Sans CJK SC' '' none table-noto
# The table fixtures are written by tables.py (see there for what each holds).
python3 tables.py "$work/tables-form.fodt" form
python3 tables.py "$work/tables-long.fodt" long
libreoffice --headless --convert-to pdf --outdir "$work" "$work"/*.fodt >/dev/null
for f in single-noto single-wqy long-noto long-wqy table-noto tables-form tables-long; do
	mv "$work/$f.pdf" "$f.pdf"
done

# scanned.pdf: the single page as a grey image only, no text layer.
pdftoppm -r 100 -mono -png -singlefile single-noto.pdf "$work/scan"
img2pdf -o scanned.pdf "$work/scan.png"

# truncated.pdf: the first half of a real file, as an interrupted download leaves it.
size=$(wc -c <single-noto.pdf)
head -c $((size / 2)) single-noto.pdf >truncated.pdf
ls -l ./*.pdf
