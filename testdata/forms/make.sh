#!/bin/sh
# make.sh turns the HTML sources of testdata/forms into the DOCX fixtures of testdata/reports with
# LibreOffice (apt-get install -y libreoffice-writer-nogui): merged cells become w:vMerge and
# w:gridSpan as Word writes them. Run make.go first.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for src in xxgk-yunhe-2024.html; do
	libreoffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$src" >/dev/null
	mv "$work/${src%.html}.docx" "../reports/${src%.html}.docx"
	ls -l "../reports/${src%.html}.docx"
done
