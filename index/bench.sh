#!/bin/sh
# Measures indexing and search with the gongwen CLI, side by side with bare
# bleve, in one run:
#
#   ingest      gongwen ingest of DOCS generated reports (text files: extract,
#               dedupe, index) against BenchmarkBareBleve, which indexes the
#               same documents' records (from gongwen extract) with bleve
#               alone: same mapping, analyzer, index type and batch size;
#               wall time, docs/s, peak RSS and the ratio
#   search      p50 and p99 of a mix of 600 queries on the ingested index
#               (BenchmarkSearch; the kinds of query are in the log)
#
# index/bench.sh -scale instead ingests 100,000 reports in ten runs of 10,000
# into one growing index and prints the time and peak RSS of each run: the
# time of a run should not grow with the index, nor the memory.
#
# index/bench.sh -analyzers also compares the gse analyzer with bleve's cjk
# on the same reports (BenchmarkCorpus: speed, size, latency, recall).
#
# Usage: index/bench.sh [-docs N] [-rounds R] [-scale] [-analyzers]
#        (defaults: 20000 documents, 1 round; takes several minutes)
set -e
cd "$(dirname "$0")/.."
docs=20000
rounds=1
scale=
analyzers=
while [ $# -gt 0 ]; do
	case $1 in
	-docs) docs=$2; shift 2 ;;
	-rounds) rounds=$2; shift 2 ;;
	-scale) scale=1; shift ;;
	-analyzers) analyzers=1; shift ;;
	*) echo "usage: index/bench.sh [-docs N] [-rounds R] [-scale] [-analyzers]" >&2; exit 2 ;;
	esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gongwen" ./cmd/gongwen
go test -c -o "$work/index.test" ./index
gw=$work/gongwen
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"

# ingest DATA PATH...: prints "seconds peakRSS-MB cpu-seconds"
ingest() {
	data=$1
	shift
	/usr/bin/time -f '%e %M %U %S' "$gw" ingest --data "$data" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f %.0f %.1f", $1, $2/1024, $3+$4}'
}

if [ -n "$scale" ]; then
	go run ./bench/corpus -n 100000 -out "$work/reports"
	echo
	echo "## ingest of 100,000 generated reports in ten runs of 10,000 into one index"
	printf '%-6s %12s %15s %10s %10s\n' run "docs after" "time s (cpu)" "docs/s" "RSS MB"
	for k in 0 1 2 3 4 5 6 7 8 9; do
		set -- $(ingest "$work/data" $(seq -f "$work/reports/%03g" $((k * 10)) $((k * 10 + 9))))
		echo "$((k + 1)) $(((k + 1) * 10000)) $1 $3 $2" | awk '{printf "%-6s %12s %7.0f (%5.0f) %10.1f %10s\n", $1, $2, $3, $4, 10000/$3, $5}'
	done
	echo "(time linear in the count: the same time for each 10,000; memory flat: the same peak RSS)"
	exit
fi

go run ./bench/corpus -n "$docs" -out "$work/reports"
"$gw" extract "$work/reports" >"$work/docs.jsonl"
echo
echo "## ingest of $docs generated reports against bare bleve (the same documents, batches of 200)"
printf '%-6s %22s %22s %14s %10s\n' round "ingest s (cpu)" "bleve s (cpu)" "ratio (cpu)" "RSS MB"
i=1
while [ "$i" -le "$rounds" ]; do
	rm -rf "$work/data"
	set -- $(ingest "$work/data" "$work/reports")
	ing=$1 rss=$2 ingcpu=$3
	bare=$(cd index && /usr/bin/time -f '%M' "$work/index.test" -test.run '^$' -test.bench BareBleve -test.benchtime 1x \
		-jsonl "$work/docs.jsonl" -batch 200 2>"$work/bare.rss" |
		awk '/BenchmarkBareBleve/ {for (i = 1; i < NF; i++) {if ($(i+1) == "s") s = $i; if ($(i+1) == "cpu-s") c = $i}; print s, c}')
	echo "$i $ing $ingcpu $bare $docs $rss $(tail -1 "$work/bare.rss")" |
		awk '{printf "%-6s %7.1f (%5.0f) %4.0f/s %7.1f (%5.0f) %4.0f/s %6.2fx (%4.2fx) %5s/%.0f\n", $1, $2, $3, $6/$2, $4, $5, $6/$4, $2/$4, $3/$5, $7, $8/1024}'
	i=$((i + 1))
done
echo "(ratio = ingest / bare bleve, wall time and CPU time; bleve's CPU counts the indexing only;"
echo " RSS ingest/bleve)"

echo
echo "## search on the ingested index ($docs documents): 600 queries of a mix"
(cd index && "$work/index.test" -test.run '^$' -test.bench 'Search$' -test.benchtime 1x -test.v -data "$work/data") |
	awk '/latency ms by query/ {sub(/.*latency ms by query: /, "by kind: "); print} /p99-ms/ {for (i = 1; i < NF; i++) if ($(i+1) ~ /^(p50-ms|p99-ms|cpu-ms\/query)$/) printf "%s %s  ", $(i+1), $i; print ""}'

if [ -n "$analyzers" ]; then
	echo
	echo "## gse analyzer against bleve's cjk ($docs reports, BenchmarkCorpus)"
	for a in gongwen-zh cjk; do
		(cd index && "$work/index.test" -test.run '^$' -test.bench Corpus -test.benchtime 1x -test.v \
			-docs "$docs" -analyzer "$a") | grep -v '^goos\|^goarch\|^pkg\|^cpu\|^PASS'
	done
fi
