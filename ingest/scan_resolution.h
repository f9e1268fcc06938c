// Internal to ingest/: the resolution a scanned PDF page was scanned at.
//
// A scan rendered above its own resolution is interpolated, and Tesseract
// reads the blur worse: on shared/corpus/scan/*.scan200.pdf, CER 2.5% when
// rendered at 200 dpi against 4.6% at 300 dpi (bench/OCR.md). poppler-cpp does
// not list a page's images, so the pixel sizes come from the image XObject
// dictionaries in the file (image streams are never inside compressed object
// streams, so their dictionaries are plain text).
#pragma once

#include <string>
#include <vector>

namespace vanban::ingest::internal {

struct ImageSize {
  int width = 0, height = 0;  // pixels
};

// Pixel sizes of every image XObject in the PDF at `path`, in file order.
// Reads the file in chunks; empty when it cannot be read.
std::vector<ImageSize> PdfImageSizes(const std::string& path);

// The resolution of the full-page images among `images` for a page of
// `width_pt` x `height_pt` points: images whose aspect matches the page's
// (within 2%, either orientation), all agreeing within 3%. 0 when there is no
// such image or they disagree (a mixed document).
double ScanDpi(const std::vector<ImageSize>& images, double width_pt, double height_pt);

}  // namespace vanban::ingest::internal
