#!/bin/sh
# make.sh rebuilds the spreadsheet fixtures from stats.fods (a flat OpenDocument spreadsheet written
# by hand: two sheets, merged headings, thousands, percentage and date formats, an empty sheet).
#
# Needs: libreoffice-calc-nogui.
set -eu
cd "$(dirname "$0")"
soffice --headless --convert-to xls stats.fods >/dev/null
soffice --headless --convert-to xlsx stats.fods >/dev/null
# WPS saves .et spreadsheets as BIFF8 (older versions) or OOXML: the reader decides by content.
cp stats.xls stats-biff.et
