#!/bin/sh
# bench.sh prints, for each PDF fixture with a source text, the accuracy (1 − edit distance / length,
# over non-space characters) and the best time of extract/pdf and of poppler's pdftotext
# (poppler-utils; pdftotext's time includes starting its process).
set -eu
cd "$(dirname "$0")/../.."
go run ./extract/pdf/internal/bench -dir testdata/pdf "$@"
