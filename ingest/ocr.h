// Internal to ingest/: OCR of rendered PDF pages and image files, and the
// test that decides whether a PDF page's text layer is good enough.
//
// One single-threaded Tesseract engine per worker (Tesseract's own OpenMP
// threads slow a parallel run down by an order of magnitude; see
// shared/TOOLCHAIN.md). Pages are rendered as workers pick them up, so memory
// stays bounded on long scans: at most options.jobs page images exist at once.
//
// Per page: render (poppler, gray8, options.dpi) or decode (Leptonica) →
// deskew → Tesseract (psm 3, options.ocr_language) → words, lines, blocks in
// reading order (two-column header band left column first) → table rules.
// A page over options.max_pixels, past options.max_pages or slower than
// options.page_seconds comes back kFailed with the reason; the others are kept.
// A page whose mean word confidence is below OcrTuning::min_page_confidence is
// scanner noise, not text: it comes back kOcr with no words and says so.
//
// Thread-safety: all functions may be called from several threads at once.
#pragma once

#include <string>
#include <vector>

#include "common/document.h"
#include "common/status.h"
#include "ingest/ingest.h"

namespace vanban::ingest::internal {

// Whether a text-layer page should be OCR'd instead, and why ("no text layer",
// "text layer unaccented (3% accented syllables)", "garbage characters").
bool TextLayerNeedsOcr(const Page& page, const Options& options, std::string* why);

// Renders and recognises the given 1-based pages of the PDF at `path`, in
// parallel (options.jobs). Returns one Page per requested number, in the same
// order; a page that fails has source kFailed and a status saying why.
std::vector<Page> OcrPdfPages(const std::string& path, const std::vector<int>& page_numbers,
                              const Options& options);

// Recognises an image file (PNG, JPEG, every page of a TIFF).
Result<std::vector<Page>> OcrImageFile(const std::string& path, const Options& options);

// Which Leptonica steps run before recognition. The defaults are those that
// lowered the character error rate on shared/corpus/scan (figures in
// bench/OCR.md); the others stay switchable for bench/ocr_text.
struct Preprocessing {
  bool deskew = true;                 // scans come rotated by up to ±1.5°
  bool normalize_background = false;  // flatten uneven paper tone before Tesseract's Otsu
  bool despeckle = true;              // paint out isolated specks of 2 px (200 dpi) / 3 px (300 dpi)
};

struct OcrTuning {
  Preprocessing preprocessing;
  // Mean word confidence is ~94 on a printed page and ~12 on a near-blank
  // page of scanner noise (shared/TOOLCHAIN.md); 40 lies well between.
  double min_page_confidence = 40;
  // A page below it is read once more, binarized without specks; that
  // reading is kept only above this: the speckled last page of 000.scan200
  // reads at 93, the synthetic noise page of tests/ocr at 47.
  double second_reading_confidence = 80;
  bool find_rules = true;
  // Tesseract page segmentation: automatic layout (psm 3) or one uniform
  // block of text (psm 6, faster; vanban rebuilds the reading order itself).
  bool uniform_block = false;
};

// The same, with the knobs the bench turns.
std::vector<Page> OcrPdfPages(const std::string& path, const std::vector<int>& page_numbers,
                              const Options& options, const OcrTuning& tuning);
Result<std::vector<Page>> OcrImageFile(const std::string& path, const Options& options,
                                       const OcrTuning& tuning);

}  // namespace vanban::ingest::internal
