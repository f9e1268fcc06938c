#!/bin/sh
# Makes aligned OCR pairs for the restorer (issue 5): page-sized pieces of
# accented administrative text are rendered to PNG with pango-view and read
# back by `tesseract -l eng`, the English model, which garbles Vietnamese the
# way seed 001 is garbled ("dugc" for "được", "s6" for "số", "Ngudi").
#
#   bench/make_ocr_pairs.sh BUILD_DIR OUT_DIR [TRAIN_PAGES] [TEST_PAGES]
#   bench/make_ocr_pairs.sh --render DIR     # only render + OCR DIR/*.src.txt
#
# OUT_DIR/train/NAME.{src,ocr}.txt teach the channel's confusion costs
# (`vanban lm build --ocr-pairs OUT_DIR/train`); OUT_DIR/test/ comes from the
# 12 held-back admin documents the model never counts, and is the OCR test
# set (tests/restore, bench/restore_bench.sh). Not committed: it is derived
# from ../shared text. ~1.5 s of one core per page, run under nice.
set -eu
# --psm 6 reads the page as one block of text, line by line, as pango-view
# lays it out. Tesseract's default (--psm 3) finds columns in a page of
# list items that all begin alike ("33. Sắp xếp toàn bộ diện tích ...") and
# reads them column by column: 117 of one page's 351 syllables came out
# scrambled or lost, layout errors no restorer can undo. A page cached from
# another recipe is read again (NAME.recipe).
recipe="-l eng --psm 6"
render() {
  export OMP_THREAD_LIMIT=1
  i=0
  for src in "$@"; do
    [ -e "$src" ] || continue
    base=${src%.src.txt}
    # Vary font and resolution so the costs do not learn one rendering.
    case $((i % 3)) in
      0) font="Liberation Serif 12"; dpi=150 ;;
      1) font="Liberation Serif 13"; dpi=200 ;;
      *) font="DejaVu Serif 11"; dpi=150 ;;
    esac
    i=$((i + 1))
    [ -s "$base.ocr.txt" ] && [ "$(cat "$base.recipe" 2>/dev/null)" = "$recipe" ] && continue
    nice pango-view --no-display --font="$font" --width=$((dpi * 15 / 2)) --dpi=$dpi --margin=40 \
      -q -o "$base.png" "$src"
    nice tesseract "$base.png" "$base" $recipe >/dev/null 2>&1
    mv "$base.txt" "$base.ocr.txt"
    echo "$recipe" > "$base.recipe"
    rm -f "$base.png"
  done
}
if [ "$1" = "--render" ]; then
  render "${2:?dir}"/*.src.txt
  exit 0
fi
build=${1:?build dir}
out=${2:?out dir}
lm=$(dirname "$0")/../../shared/lm
"$build/normalize/tools/restore_tool" pages "$lm" "$out" "${3:-60}" "${4:-24}"
render "$out"/train/*.src.txt "$out"/test/*.src.txt
echo "pairs in $out/train and $out/test"
