#!/usr/bin/env bash
# Doubling runs for inputs whose cost could grow faster than the input (bench/README.md,
# "Inputs that grow"): each shape of bench/shapes.py built at n, 2n and 4n with the
# release binary, under a memory cap, printing a Markdown table row per size.
#
#   bench/shapes.sh                      every shape, with target/release/mentorlog
#   bench/shapes.sh BIN [SHAPE...]       another binary (say, an older build), some shapes
#
# Needs GNU time (/usr/bin/time). Inputs go to $BENCH_DIR (default /tmp/mentorlog-shapes),
# output to /dev/shm. A run is capped at 4 GB of address space and 120 s.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/mentorlog}
[ $# -gt 0 ] && shift
# shape and its n (a few seconds at most at 4n on a 2-core machine, before the fixes)
ALL="topics:1000 div:10000 span:10000 divquotes:5000 deep200:20000 strays:10000 noteurls:10000
steps:2500 stepupdates:1000 wikilinks:20000 longline:20000 headings:20000 quotes:20000 keys:5000 entrykeys:5000
goals:1000 commitments:1000 goalsessions:1000 commitsessions:1000 sessions:2000 gaps:2000
private:2000 footnotes:20000 table:8000"
SHAPES=${*:-$ALL}
WORK=${BENCH_DIR:-/tmp/mentorlog-shapes}
OUT=/dev/shm/mentorlog-shapes-out
mkdir -p "$WORK"
echo "| shape | n | time | peak memory | output |"
echo "|---|---|---|---|---|"
for entry in $SHAPES; do
  shape=${entry%%:*}
  base=${entry#*:}
  [ "$base" = "$shape" ] && base=$(echo "$ALL" | tr ' ' '\n' | grep "^$shape:" | cut -d: -f2)
  for n in $base $((base * 2)) $((base * 4)); do
    dir=$WORK/$shape-$n
    [ -d "$dir" ] || python3 bench/shapes.py "$shape" "$n" "$dir"
    rm -rf "$OUT"
    status=0
    (ulimit -v 4000000; /usr/bin/time -o "$WORK/time" -f '%e %M' timeout 120 "$BIN" build "$dir" -o "$OUT" -q \
      >/dev/null 2>"$WORK/stderr") || status=$?
    read -r secs kib < <(tail -n 1 "$WORK/time")
    bytes=$(du -sb "$OUT" 2>/dev/null | cut -f1 || true)
    case $status in
      0) output=$(awk -v b="${bytes:-0}" 'BEGIN { printf "%.1f MB", b / 1e6 }') ;;
      1) output="refused" ;;
      *) output="failed ($status)" ;;
    esac
    printf '| %s | %d | %.2f s | %d MiB | %s |\n' "$shape" "$n" "$secs" $((kib / 1024)) "$output"
  done
done
rm -rf "$OUT"
