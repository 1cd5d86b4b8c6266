#!/bin/sh
# Runs the whole test suite (go test -count=1 ./...) several times in a row
# while another build runs beside it (go build -a of the CLI, in a loop, with
# its own build cache), and prints one line a run: exit status, time, load
# average and the failed tests. Tests must not depend on timing; this is how
# that is checked (issue 16: 10 runs in a row under load).
#
# Usage: bench/stress.sh [-runs N]   (default 10)
set -u
cd "$(dirname "$0")/.."
runs=10
while [ $# -gt 0 ]; do
	case $1 in
	-runs) runs=$2; shift 2 ;;
	*) echo "usage: bench/stress.sh [-runs N]" >&2; exit 2 ;;
	esac
done

work=$(mktemp -d)
: >"$work/builds"
(
	export GOCACHE="$work/gocache"
	while [ ! -e "$work/done" ]; do
		go build -a -o /dev/null ./cmd/gongwen >/dev/null 2>&1
		echo >>"$work/builds"
	done
) &
builder=$!
trap 'touch "$work/done"; wait $builder; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
failed=0
i=1
while [ "$i" -le "$runs" ]; do
	start=$(date +%s)
	go test -count=1 ./... >"$work/run" 2>&1
	rc=$?
	fails=$(grep -E '^(--- FAIL|FAIL)' "$work/run" | tr '\n' ' ')
	echo "run $i: exit $rc, $(($(date +%s) - start)) s, load $(cut -d' ' -f1 /proc/loadavg), builds finished beside it so far: $(wc -l <"$work/builds")${fails:+, failed: $fails}"
	[ "$rc" -eq 0 ] || failed=$((failed + 1))
	i=$((i + 1))
done
echo "$((runs - failed)) of $runs runs passed"
[ "$failed" -eq 0 ]
