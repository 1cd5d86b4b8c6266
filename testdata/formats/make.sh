#!/bin/sh
# make.sh rebuilds the fixtures of the legacy and national formats from sources written for gongwen.
#
#   report.doc            report.fodt saved by LibreOffice as Word 97–2003 (headings, a table with
#                         merged cells, a field, a line break)
#   report.wps            the same Word 97 binary under the .wps name: WPS Writer saves .wps files in
#                         the Word 97 format (an OLE file with a WordDocument stream), so the reader
#                         goes by the content, never by the name
#   scanned-150dpi.pdf    ../pdf/single-noto.pdf rendered at 150 dpi in grey and wrapped as an
#                         image-only PDF, as a scanner makes one
#   report.ofd            written by `go test ./extract/ofd -update` from report.txt
#   bundle.zip            written by `go test ./extract -run TestFormatsGolden -update` (GBK names, a
#                         zip inside, an image that is skipped)
#   bundle.rar            written by `go test ./extract/archive -run TestRarFixture -update` (RAR 5,
#                         stored: a GBK text report, an HTML notice, a zip inside; the tests' own
#                         writer, as only the proprietary rar tool writes RAR)
#
# Needs: libreoffice-writer-nogui, poppler-utils, img2pdf.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice --headless --convert-to 'doc:MS Word 97' --outdir "$work" report.fodt >/dev/null
cp "$work/report.doc" report.doc
cp "$work/report.doc" report.wps
pdftoppm -r 150 -gray -png -singlefile ../pdf/single-noto.pdf "$work/scan"
img2pdf --imgsize 150dpi "$work/scan.png" -o scanned-150dpi.pdf
