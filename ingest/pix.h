// Internal to ingest/: the one wrapper around Leptonica images, and the image
// work done on a page before Tesseract sees it.
//
// Every PIX in ingest/ lives in a PixPtr; nothing else calls pixDestroy.
// Functions return an empty PixPtr when Leptonica fails (it says why only on
// stderr, which PrepareOcrThreads silences), so callers turn that into a Status.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>
#include <string>
#include <vector>

#include "common/document.h"
#include "ingest/ocr.h"

namespace vanban::ingest::internal {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

// Takes ownership of a PIX returned by a Leptonica call (may be null).
inline PixPtr AdoptPix(PIX* pix) { return PixPtr(pix); }

// A copy of 8-bit gray rows (as poppler renders them: `stride` bytes a row,
// padded to 4) into a Leptonica image.
PixPtr PixFromGray8(const unsigned char* data, int width, int height, int stride, int dpi);

// Any depth / colormap → 8-bit gray, resolution kept.
PixPtr ToGray8(PIX* pix);

// An 8-bit gray image above `dpi` scaled down to it (area-averaged, the
// resolution tag updated); at or below `dpi`, a copy. Tesseract reads 300 dpi
// scans better at 200 (bench/OCR.md), and no image gains from upscaling.
PixPtr ScaleDownToDpi(PIX* gray, int dpi);

// Runs the enabled steps on an 8-bit gray page. `skew_degrees` receives the
// angle corrected (0 when not deskewed). Never returns null for a valid input.
PixPtr PreparePage(PIX* gray, const Preprocessing& steps, double* skew_degrees);

// A second chance for a page Tesseract read as noise (a heavily speckled
// scan, the grey background leaking into its own thresholding): the page
// binarized at a fixed level, specks removed, as a 1-bit image.
PixPtr BinarizeWithoutSpecks(PIX* gray);

// Long thin dark components: the ruling lines of tables (khung bảng nhiệm vụ).
// Found with morphological openings by a horizontal and a vertical brick.
std::vector<Rule> FindRules(PIX* gray, int dpi);

}  // namespace vanban::ingest::internal
