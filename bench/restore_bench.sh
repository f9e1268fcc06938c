#!/bin/sh
# Restorer benchmark (issue 5): accuracy and speed on the stripped accented
# seeds 000/002/003/004 (never counted by the model), then on the held-out
# eng-OCR pages if bench/make_ocr_pairs.sh has made them.
#
#   bench/restore_bench.sh [BUILD_DIR] [OCR_PAIRS_DIR]
#
# Accuracy: syllables right, ignoring case and tone placement, aligned as
# the longest common subsequence. Speed: syllables per second of CPU time in
# Restorer::Restore (one core; the machine is shared, so wall-clock figures
# are printed too), and `vanban restore` end to end (process start, model
# mmap, restore, write).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-restore}
pairs=${2:-$build/restore-ocr}
tool=$build/normalize/tools/restore_tool
model=$here/corpus/model/vi.lm
seeds=$(ls "$here"/../shared/corpus/txt/00[0234]_*.txt)
echo "== stripped seeds 000/002/003/004 (model: $model, $(du -h "$model" | cut -f1))"
REPS=5 "$tool" eval "$model" $seeds
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in $seeds; do cat "$s"; done | "$tool" strip - > "$tmp/stripped.txt"
for i in 1 2 3 4 5 6 7 8; do cat "$tmp/stripped.txt"; done > "$tmp/big.txt"
syl=$(wc -w < "$tmp/big.txt")
start=$(date +%s.%N)
"$build/cli/vanban" restore --ocr off < "$tmp/big.txt" > "$tmp/out.txt"
end=$(date +%s.%N)
echo "vanban restore: $syl words in $(echo "$end - $start" | bc) s wall clock, including start-up and model load"
if ls "$pairs"/test/*.ocr.txt > /dev/null 2>&1; then
  echo "== held-out pages read by tesseract -l eng ($pairs/test)"
  "$tool" ocr "$model" "$pairs/test" | tail -1
fi
