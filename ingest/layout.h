// Internal to ingest/: reading order of OCR'd words.
//
// Tesseract gives blocks in its own order; administrative plans open with a
// two-column header band (left: "SỞ GIÁO DỤC…", "TRƯỜNG THPT…", "Số: …";
// right: "CỘNG HÒA XÃ HỘI…", "Độc lập - Tự do - Hạnh phúc", the date line).
// vanban reads such a band as the text-layer path does: the left column's
// lines, then the right column's, then the body below.
#pragma once

#include <string>
#include <vector>

#include "common/document.h"

namespace vanban::ingest::internal {

struct OcrWord {
  std::string text;
  Box box;
  double confidence = 0;
  int block = 0;  // Tesseract's block, in Tesseract's order
  int line = 0;   // Tesseract's text line, page-wide index
};

// Fills page->words (block and line renumbered in reading order), page->text
// (one line per text line, '\n' between) and page->ocr_confidence.
void BuildReadingOrder(std::vector<OcrWord> words, Page* page);

}  // namespace vanban::ingest::internal
