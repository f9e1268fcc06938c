#!/usr/bin/env bash
# Text-layer PDF ingest speed: `vanban ingest` (to a fresh SQLite archive)
# next to bare `pdftotext` on the same files, in the same run.
#
#   bench/ingest_bench.sh [PDF or folder ...]     (default: ../shared/corpus/pdf and corpus/pdf)
#
# Prints pages/s for each and the ratio vanban/pdftotext. Each side runs
# ROUNDS times (default 3) and the best round counts, so that a busy machine
# disturbs the comparison less. Not part of the tests.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vanban="${VANBAN_BIN:-$top/build/cli/vanban}"
rounds="${ROUNDS:-3}"
export OMP_THREAD_LIMIT=1

inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
  for d in "$top/../shared/corpus/pdf" "$top/corpus/pdf"; do [ -d "$d" ] && inputs+=("$d"); done
fi
mapfile -t files < <(find "${inputs[@]}" -type f -name '*.pdf' | sort)
[ ${#files[@]} -gt 0 ] || { echo "no PDF files in ${inputs[*]}" >&2; exit 2; }
[ -x "$vanban" ] || { echo "build vanban first: scripts/dev.sh build ($vanban missing)" >&2; exit 2; }

pages=0
for f in "${files[@]}"; do
  pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}')))
done

now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }
best() { printf '%s\n' "$@" | sort -g | head -1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# vanban as a user runs it (pages whose text layer lost its diacritics are
# restored), and without restoration, to show what restoring costs.
time_vanban() {
  local times=()
  for ((r = 0; r < rounds; r++)); do
    rm -f "$tmp"/bench.db*
    t0=$(now)
    "$vanban" --quiet --db "$tmp/bench.db" ingest --ocr never "$@" "${files[@]}" >/dev/null
    times+=("$(calc "$(now) - $t0")")
  done
  best "${times[@]}"
}

pdftotext_times=()
for ((r = 0; r < rounds; r++)); do
  t0=$(now)
  for f in "${files[@]}"; do pdftotext "$f" "$tmp/out.txt"; done
  pdftotext_times+=("$(calc "$(now) - $t0")")
done

tv=$(time_vanban)
tn=$(time_vanban --no-restore)
tp=$(best "${pdftotext_times[@]}")
printf '%d files, %d pages, best of %d rounds\n' "${#files[@]}" "$pages" "$rounds"
printf '%-34s %8.3f s  %8.1f pages/s\n' "vanban ingest (→ SQLite, FTS)" "$tv" "$(calc "$pages / $tv")"
printf '%-34s %8.3f s  %8.1f pages/s\n' "vanban ingest --no-restore" "$tn" "$(calc "$pages / $tn")"
printf '%-34s %8.3f s  %8.1f pages/s\n' "pdftotext" "$tp" "$(calc "$pages / $tp")"
printf 'ratio vanban/pdftotext: %.2fx, without restoration %.2fx (goal >= 0.5x)\n' \
  "$(calc "$tp / $tv")" "$(calc "$tp / $tn")"
