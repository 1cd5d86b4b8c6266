#!/bin/sh
# Compares the gse analyzer with bleve's cjk analyzer on the same generated
# reports: indexing speed, index size, search latency, peak memory, and how
# many documents the benchmark queries find against how many contain them.
# Usage: index/bench.sh [DOCS]   (default 20000; takes several minutes)
set -e
cd "$(dirname "$0")"
docs=${1:-20000}
go test -c -o /tmp/gongwen-index.test .
for a in gongwen-zh cjk; do
	/tmp/gongwen-index.test -test.run '^$' -test.bench Corpus -test.benchtime 1x -test.v \
		-docs "$docs" -analyzer "$a" | grep -v '^goos\|^goarch\|^pkg\|^cpu\|^PASS'
done
