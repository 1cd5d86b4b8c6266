#!/bin/sh
# Measures the gongwen CLI side by side with its baselines, in one run:
#
#   cold start   gongwen search (a word) and gongwen extract (one 1 KB file):
#                mean wall time (hyperfine) and peak RSS (/usr/bin/time)
#   extraction   gongwen extract of N generated reports against the Python
#                peer (bench/peer.py: jieba and regular expressions), in
#                alternating rounds, as a ratio of wall times; the rounds are
#                run at each load of -load: with that many CPU-bound processes
#                (shell busy loops) running beside them
#
# Ingest against bare bleve, 100,000-document ingest and search latency are
# measured by index/bench.sh.
#
# Usage: bench/run.sh [-n DOCS] [-rounds R] [-load "L..."]
#        (defaults: 3000 documents, 3 rounds, loads "0 1 2")
# Needs: Go, hyperfine, /usr/bin/time, Debian's python3-jieba (/usr/bin/python3).
set -e
cd "$(dirname "$0")/.."
n=3000
rounds=3
loads="0 1 2"
while [ $# -gt 0 ]; do
	case $1 in
	-n) n=$2; shift 2 ;;
	-rounds) rounds=$2; shift 2 ;;
	-load) loads=$2; shift 2 ;;
	*) echo "usage: bench/run.sh [-n DOCS] [-rounds R] [-load \"L...\"]" >&2; exit 2 ;;
	esac
done
python=/usr/bin/python3
for tool in hyperfine /usr/bin/time; do
	command -v $tool >/dev/null || { echo "bench: $tool is missing (apt-get install hyperfine time)" >&2; exit 1; }
done
$python -c 'import jieba' 2>/dev/null || { echo "bench: jieba is missing (apt-get install python3-jieba)" >&2; exit 1; }

work=$(mktemp -d)
spinners=
stop_spinners() {
	[ -z "$spinners" ] || kill $spinners 2>/dev/null || true
	spinners=
}
trap 'stop_spinners; rm -rf "$work"' EXIT
go build -o "$work/gongwen" ./cmd/gongwen
gw=$work/gongwen
go run ./bench/corpus -n "$n" -out "$work/reports"
go run ./bench/corpus -n 30 -out "$work/small"
small=$work/small/000/000007.txt
"$gw" ingest --data "$work/data" "$work/small" >/dev/null

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo

# peak RSS in MB of a command
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }
# mean wall time in ms of a command, by hyperfine
mean() { hyperfine -N -w 3 -r "${RUNS:-20}" --export-json "$work/h.json" "$1" >/dev/null 2>&1 &&
	$python -c 'import json,sys; print("%.0f" % (json.load(open(sys.argv[1]))["results"][0]["mean"]*1000))' "$work/h.json"; }

echo "## cold start (hyperfine mean of 20 runs; peak RSS)"
printf '%-40s %10s %10s\n' command "time ms" "RSS MB"
for cmd in "$gw search --data $work/data 行政复议" "$gw extract $small" "$gw -h"; do
	printf '%-40s %10s %10s\n' "$(echo "$cmd" | sed "s|$work/||g; s|$gw|gongwen|")" "$(mean "$cmd")" "$(rss $cmd)"
done
echo

echo "## extraction of $n generated reports ($(du -sh "$work/reports" | cut -f1)): gongwen extract vs bench/peer.py"
$python bench/peer.py "$work/small" >/dev/null # jieba builds its cache once
printf '%-5s %-6s %16s %16s %8s %10s\n' load round "gongwen s (cpu)" "peer s (cpu)" ratio "RSS MB"
for load in $loads; do
	j=0
	while [ $j -lt "$load" ]; do
		sh -c 'while :; do :; done' &
		spinners="$spinners $!"
		j=$((j + 1))
	done
	i=1
	while [ $i -le "$rounds" ]; do
		g=$(/usr/bin/time -f '%e %U %S %M' "$gw" extract "$work/reports" 2>&1 >/dev/null | tail -1)
		p=$(/usr/bin/time -f '%e %U %S %M' $python bench/peer.py "$work/reports" 2>&1 >/dev/null | tail -1)
		echo "$load $i $g $p" | awk '{printf "%-5s %-6s %7.2f (%5.2f) %7.2f (%5.2f) %7.1fx %5.0f/%.0f\n", $1, $2, $3, $4+$5, $7, $8+$9, $7/$3, $6/1024, $10/1024}'
		i=$((i + 1))
	done
	stop_spinners
done
echo "(load = CPU-bound processes running beside; ratio = peer wall / gongwen wall; RSS gongwen/peer)"
