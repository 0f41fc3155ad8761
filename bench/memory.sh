#!/usr/bin/env bash
# Memory bounds (issue 16): peak resident memory, wall time and output size of one build of
#   - a journal with one static file of 150, 300 and 600 MB (copied by streaming: the
#     bound is under 200 MiB whatever the size), and
#   - a journal with one large note full of inline HTML (`<span>`, `<div>`, `raw_html: true`)
#     of 10, 20, 40 and 55 MB, and one of Markdown markers only (`*a* `, 20 to a paragraph)
#     of 10, 20 and 40 MB (the bound: 20× the note plus 64 MiB).
# Prints a Markdown table (bench/run.sh appends it to results.md). Inputs are generated on
# disk under $WORK (not tmpfs: a 600 MB file there would be 600 MB of memory) and deleted.
#
#   bench/memory.sh [path/to/mentorlog]
set -euo pipefail
cd "$(dirname "$0")/.."
ML=${1:-$PWD/target/release/mentorlog}
[ -x "$ML" ] || cargo build --release --quiet --bin mentorlog
WORK=${BENCH_DIR:-/tmp/mentorlog-bench}/memory
rm -rf "$WORK" && mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795649400}
free_mb=$(df -Pm "$WORK" | awk 'NR == 2 { print $4 }')
if [ "$free_mb" -lt 2000 ]; then
  echo "bench/memory.sh: needs 2 GB free under $WORK (has $free_mb MB)" >&2
  exit 1
fi

row() { # label journal → | label | time | peak | output |
  rm -rf "$WORK/out"
  # A cap, so that a regression fails the row instead of the machine.
  ( ulimit -v 8000000; /usr/bin/time -f '%e %M' "$ML" build -q "$2" -o "$WORK/out" ) 2> "$WORK/time.txt" >/dev/null \
    || { echo "| $1 | failed: $(tail -n 3 "$WORK/time.txt" | tr '\n' ' ') | | |"; return; }
  local out; out=$(du -sm "$WORK/out" | cut -f1)
  tail -n 1 "$WORK/time.txt" | awk -v l="$1" -v o="$out" '{ printf "| %s | %.2f s | %.0f MiB | %s MB |\n", l, $1, $2 / 1024, o }'
  rm -rf "$WORK/out"
}

echo "| input | wall time | peak memory | output |"
echo "|---|---|---|---|"
J="$WORK/static"
mkdir -p "$J/sessions" "$J/static"
printf 'title: T\nmentor: A\nmentee: B\n' > "$J/journal.yaml"
printf -- '---\ndate: 2026-01-08\n---\nA session.\n' > "$J/sessions/2026-01-08-a.md"
for mb in 150 300 600; do
  rm -f "$J/static/video.mp4"
  fallocate -l "${mb}M" "$J/static/video.mp4" 2>/dev/null || truncate -s "${mb}M" "$J/static/video.mp4"
  row "one static file of $mb MB" "$J"
done
rm -rf "$J"

J="$WORK/note"
for mb in 10 20 40 55; do
  rm -rf "$J"
  python3 - "$mb" "$J" <<'PY'
import os, sys
size, out = int(sys.argv[1]) * 1_000_000, sys.argv[2]
os.makedirs(out + "/sessions")
open(out + "/journal.yaml", "w").write("title: T\nmentor: A\nmentee: B\nraw_html: true\n")
parts, n, i = ["---\ndate: 2026-01-08\ntitle: Large\n---\n"], 0, 0
while n < size:
    p = (f'Paragraph {i} with <span class="note">inline <b>bold</b> and <em>emphasis</em></span> '
         f'and a [link](https://example.org/{i}) in plain words.\n\n'
         f'<div class="box">\n\nA block {i} with **Markdown** inside and <span title="t{i}">a span</span>.\n\n</div>\n\n')
    parts.append(p); n += len(p); i += 1
open(out + "/sessions/2026-01-08-large.md", "w").write("".join(parts))
PY
  row "one note of $mb MB with inline HTML" "$J"
done
for mb in 10 20 40; do
  rm -rf "$J"
  mkdir -p "$J/sessions"
  printf 'title: T\nmentor: A\nmentee: B\n' > "$J/journal.yaml"
  python3 -c "import sys; sys.stdout.write('---\ndate: 2026-01-08\n---\n' + ('*a* ' * 20 + '\n\n') * ($mb * 1000000 // 82))" \
    > "$J/sessions/2026-01-08-markers.md"
  row "one note of $mb MB of Markdown markers" "$J"
done
