// Internal to ingest/: the reading order of a text-layer page, rebuilt from its
// word boxes.
//
// Poppler's own text order follows the content stream, which for the header
// block of a Vietnamese administrative document (Nghị định 30/2020, Phụ lục I)
// interleaves two columns:
//
//      SỞ GIÁO DỤC VÀ ĐÀO TẠO          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//      TRƯỜNG THPT LỘC THÁI               Độc lập - Tự do - Hạnh phúc
//
//      Số: 06/KH-THPTLT             Lộc Ninh, ngày 02 tháng 02 năm 2026
//
// and the same happens at the end ("Nơi nhận:" list left, signature right).
// The rules, in order:
//   1. Rows: words whose boxes overlap vertically by half the smaller height
//      share a row; a row's words are sorted by x.
//   2. Segments: a horizontal gap wider than `column_gap_em` font sizes splits
//      a row into segments. A row of exactly two segments is a two-column row;
//      the space between them is its gutter.
//   3. Bands: consecutive two-column rows whose gutters overlap form a band,
//      with the one-segment rows next to them that stay on one side of the
//      gutter. A vertical gap larger than `band_break_lines` line heights ends
//      a band (the space left for the rules under the header, the space left
//      for the signature). So does a row that crosses the gutter.
//   4. A band is read column by column: every left line, then every right
//      line. The header block is the exception. It is the first page's first
//      band when that starts in the top third of the page, together with a band
//      right below it whose gutter lines up (the "Số" row after the space
//      left for the rules). Its "Số" row is the first two-column row with at
//      least two lines above it in each column; the lines above that row are
//      read column by column, then the "Số" row (left, then right), then the
//      rows below it column by column (a công văn's "V/v ..." under "Số").
//      So the header reads: issuing bodies, motto, "Số: ...", date line,
//      whatever the spacing. The signature band is read column by column:
//      "Nơi nhận:" and its list, then the title lines and the signer's name.
//   5. Rows outside bands are one line each, segments joined by one space
//      (a table row reads across).
// Within a line, words are joined by one space when the gap between their
// boxes is wider than `space_gap_em` font sizes or Poppler saw a space after
// the first; otherwise they are glued (a word split across font runs). A hyphen
// that ends a line stays where it is.
#pragma once

#include <string>
#include <vector>

#include "common/document.h"

namespace vanban::ingest::internal {

struct ReadingOrderOptions {
  // Minimum vertical overlap, as a fraction of the smaller box height, for two
  // words to be on one row. Half tolerates baseline shifts of mixed font sizes.
  double same_row_overlap = 0.5;
  // Horizontal gap, in font sizes, that separates two columns. Justified body
  // text at 13 pt stretches spaces to about 0.8 em at most in the seeds; the
  // gutter of a header block is 3 em or more.
  double column_gap_em = 2.0;
  // Vertical gap between rows, in row heights, that ends a band. Single- and
  // 1.15-spaced lines leave 0.0-0.3 heights; an empty line leaves about one.
  double band_break_lines = 0.75;
  // Horizontal gap, in font sizes, above which two boxes are separate words.
  double space_gap_em = 0.12;
  // Whether to look for the header block (rule 4): on a document's first page
  // only, since a signature band at the top of the last page looks the same.
  bool header_block = true;
};

// A word as the text layer gives it, and whether the layer put a space after it.
struct TextBox {
  Word word;
  bool space_after = false;
};

struct OrderedPage {
  std::vector<Word> words;  // reading order; Word::line is the line index in `text`
  std::string text;         // lines joined by '\n', no trailing newline
};

// `page_height` places the header block (rule 4): the top third of the page.
OrderedPage OrderWords(std::vector<TextBox> boxes, double page_height,
                       const ReadingOrderOptions& options = {});

}  // namespace vanban::ingest::internal
