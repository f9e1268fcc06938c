// Internal to ingest/: OCR of rendered PDF pages and image files, and the
// test that decides whether a PDF page's text layer is good enough.
//
// One single-threaded Tesseract engine per worker (Tesseract's own OpenMP
// threads slow a parallel run down by an order of magnitude; see
// shared/TOOLCHAIN.md). Pages are rendered as workers pick them up, so memory
// stays bounded on long scans.
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

}  // namespace vanban::ingest::internal
