#!/usr/bin/env bash
# Whole-process throughput of `timeline tag --jsonl`, pinned to one core.
#   tests/Timeline.Benchmarks/bench-tag-jsonl.sh [SIZE_MB=50]
# Publishes the CLI as a user would run it (Release, framework-dependent for this machine's runtime id, so ReadyToRun:
# see Timeline.Cli.csproj; TIMELINE_BENCH_RID overrides the id), writes a SIZE_MB jsonl of news texts to $TMPDIR (TimeBank
# if ../shared/eval is there, else input/articles; override with TIMELINE_BENCH_CORPUS), times the process, prints MB/s of
# input (wall and CPU) and peak memory.
set -euo pipefail
size_mb=${1:-50}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${TMPDIR:-/tmp}/timeline-bench
mkdir -p "$work"

case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
rid=${TIMELINE_BENCH_RID:-linux-$arch}
cli=$work/cli
rm -rf "$cli"
if ! dotnet publish -c Release -r "$rid" --self-contained false -nologo -v q -o "$cli" "$root/src/Timeline.Cli" >/dev/null; then
    echo "publish for $rid failed: timing the plain Release build (JIT only)" >&2
    dotnet build -c Release -nologo -v q "$root/src/Timeline.Cli" >/dev/null
    cli=$root/src/Timeline.Cli/bin/Release/net10.0
fi
dotnet build -c Release -nologo -v q "$root/tests/Timeline.Benchmarks" >/dev/null
(cd "$root" && dotnet tests/Timeline.Benchmarks/bin/Release/net10.0/Timeline.Benchmarks.dll make-jsonl "$work/input.jsonl" "$size_mb")

bytes=$(stat -c %s "$work/input.jsonl")
pin=(); command -v taskset >/dev/null && pin=(taskset -c 0)
/usr/bin/time -f '%e %U %S %M' -o "$work/time" "${pin[@]}" dotnet "$cli/timeline.dll" \
    tag --jsonl "$work/input.jsonl" > "$work/output.jsonl"

# Wall time is what a user waits; CPU time (user + sys) is the figure to compare on a shared, loaded machine.
read -r wall user sys rss < "$work/time"
awk -v b="$bytes" -v wall="$wall" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" -v rss="$rss" \
    -v lines="$(wc -l < "$work/output.jsonl")" -v load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')" 'BEGIN {
    printf "tag --jsonl, one core: %.1f MB, %d lines out\n", b / 1e6, lines
    printf "  wall %.2f s = %.1f MB/s   cpu %.2f s = %.1f MB/s   peak RSS %.0f MB   (load average %s)\n", wall, b / 1e6 / wall, cpu, b / 1e6 / cpu, rss / 1024, load
}'
