#!/bin/sh
# make.sh rebuilds report.docx from report.html with LibreOffice (libreoffice-writer-nogui).
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
libreoffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" report.html >/dev/null
mv "$work/report.docx" report.docx
ls -l report.docx
