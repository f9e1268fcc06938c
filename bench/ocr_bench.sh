#!/bin/bash
# OCR benchmark (issue 4): the same scanned PDFs through
#   1. vanban, in-process Tesseract, --jobs 2 (`vanban text FILE --raw --ocr always
#      --jobs 2` when the CLI can, else bench's vanban_ocr_text with the same pool),
#   2. the tesseract CLI, page by page, 2 pages at a time, OMP_THREAD_LIMIT=1, on
#      the scan's own page images (pdfimages -j: the JPEGs as stored, at their
#      resolution; the extraction is timed too; its best case in speed and CER),
#   3. ocrmypdf -l vie --jobs 2 (text from --sidecar),
# and prints pages/min and character error rate (bench/cer.h) against
# shared/corpus/txt/NAME.txt for each, and vanban's speed ratios.
#
# usage: bench/ocr_bench.sh [-b BUILD_DIR] [PDF ...]
#   default PDFs: shared/corpus/scan/000_b1984531e09ab0e8.scan300.pdf and .scan200.pdf
#   run it niced on a shared machine: nice bench/ocr_bench.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=$root/build-ocr
if [ "${1:-}" = "-b" ]; then build=$(cd "$2" && pwd); shift 2; fi
shared=${VANBAN_SHARED_DIR:-$root/../shared}
pdfs=("$@")
if [ ${#pdfs[@]} -eq 0 ]; then
  pdfs=("$shared/corpus/scan/000_b1984531e09ab0e8.scan300.pdf"
        "$shared/corpus/scan/000_b1984531e09ab0e8.scan200.pdf")
fi

cer=$build/bench/vanban_cer
ocr_text=$build/bench/vanban_ocr_text
vanban=$build/cli/vanban
for tool in "$cer" "$ocr_text"; do
  [ -x "$tool" ] || { echo "missing $tool: cmake --build $build --target vanban_cer vanban_ocr_text" >&2; exit 2; }
done
for tool in tesseract pdfimages ocrmypdf; do
  # ocrmypdf is a peer for this benchmark only, not a dependency of vanban.
  command -v $tool >/dev/null || { echo "missing $tool (apt-get install ocrmypdf poppler-utils tesseract-ocr)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
rate() { echo "$1 $2" | awk '{ printf "%.1f", $1 * 60 / $2 }'; }
cer_of() { "$cer" "$1" "$2" | sed 's/cer=\([0-9.]*\).*/\1/'; }

printf '%-34s %-14s %5s %8s %9s %8s\n' file tool pages seconds pages/min CER
for pdf in "${pdfs[@]}"; do
  name=$(basename "$pdf" .pdf); doc=${name%%.*}
  ref=$shared/corpus/txt/$doc.txt
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')

  # 1. vanban
  t0=$(now)
  if [ -x "$vanban" ] && "$vanban" text "$pdf" --raw --ocr always --jobs 2 > "$work/vanban.txt" 2> "$work/vanban.err" \
     && [ -s "$work/vanban.txt" ]; then
    how="vanban"
  else
    "$ocr_text" "$pdf" --jobs 2 > "$work/vanban.txt" 2> "$work/vanban.err"
    how="vanban_ocr_text"
  fi
  t1=$(now); v_s=$(echo "$t1 - $t0" | bc); v_rate=$(rate "$pages" "$v_s")
  v_cer=$(cer_of "$ref" "$work/vanban.txt")
  printf '%-34s %-14s %5d %8.1f %9s %8s\n' "$name" "$how" "$pages" "$v_s" "$v_rate" "$v_cer"

  # 2. tesseract CLI, 2 pages at a time, one thread each
  rm -rf "$work/pages"; mkdir "$work/pages"
  t0=$(now)
  pdfimages -j "$pdf" "$work/pages/p"
  ls "$work/pages"/p-* | xargs -P 2 -I{} sh -c 'OMP_THREAD_LIMIT=1 tesseract "$1" "${1%.*}" -l vie 2>/dev/null' _ {}
  t1=$(now); t_s=$(echo "$t1 - $t0" | bc); t_rate=$(rate "$pages" "$t_s")
  cat $(ls "$work/pages"/p-*.txt | sort -V) > "$work/tesseract.txt"
  t_cer=$(cer_of "$ref" "$work/tesseract.txt")
  printf '%-34s %-14s %5d %8.1f %9s %8s\n' "$name" "tesseract-cli" "$pages" "$t_s" "$t_rate" "$t_cer"

  # 3. ocrmypdf
  t0=$(now)
  ocrmypdf -q -l vie --jobs 2 --sidecar "$work/ocrmypdf.txt" "$pdf" "$work/ocrmypdf.pdf" 2> "$work/ocrmypdf.err" \
    || { echo "ocrmypdf failed:" >&2; tail -3 "$work/ocrmypdf.err" >&2; }
  t1=$(now); o_s=$(echo "$t1 - $t0" | bc); o_rate=$(rate "$pages" "$o_s")
  o_cer=$(cer_of "$ref" "$work/ocrmypdf.txt")
  printf '%-34s %-14s %5d %8.1f %9s %8s\n' "$name" "ocrmypdf" "$pages" "$o_s" "$o_rate" "$o_cer"

  echo "$name $v_rate $t_rate $o_rate $v_cer $t_cer $o_cer" | awk '{
    printf "  %s: vanban/tesseract-cli speed %.2fx, vanban/ocrmypdf speed %.2fx; CER vanban %s, tesseract-cli %s, ocrmypdf %s\n",
      $1, $2 / $3, $2 / $4, $5, $6, $7 }'
done
