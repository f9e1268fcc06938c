// Document: what the ingest stage makes of a file, before any normalization.
//
// A Document is a list of pages. Each page carries its raw text (in reading
// order) and, when the source has geometry, its words with boxes: PDF text
// boxes from Poppler and OCR words from Tesseract fill the same model, so the
// header zones and task tables can be rebuilt from either.
//
// Coordinates: page space, origin top-left, x to the right, y down. The unit is
// PDF points for text-layer pages and pixels for images; `Page::width` and
// `Page::height` are in the same unit so that ratios are comparable.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace vanban {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
};

struct Word {
  std::string text;       // UTF-8, as the source gave it
  Box box;
  double confidence = -1;  // OCR word confidence 0..100; -1 for text layers
  int block = -1;          // OCR block / layout zone, -1 when unknown
  int line = -1;           // line index within the page, -1 when unknown
  double font_size = 0;    // points, text layers only
  bool bold = false;       // from the font name, text layers only
};

// Horizontal and vertical rules found on a page (table borders).
struct Rule {
  Box box;
};

// How a page's text was obtained, and why.
enum class PageSource {
  kPlainText,  // a .txt file; pages split at form feeds
  kTextLayer,  // PDF text layer through Poppler
  kOcr,        // rendered (or an image) and recognised by Tesseract
  kFailed,     // nothing usable; see Page::status
};
const char* PageSourceName(PageSource source);

struct Page {
  int number = 0;  // 1-based, as printed by a viewer
  PageSource source = PageSource::kPlainText;
  std::string reason;  // why this path was taken ("no text layer", "text layer unaccented")
  std::string text;    // raw text in reading order, lines separated by '\n'
  std::vector<Word> words;
  std::vector<Rule> rules;
  double width = 0, height = 0;
  double ocr_confidence = -1;  // mean word confidence of OCR, -1 when not OCR'd
  Status status;               // not ok when this page failed (limit, render error)
};

enum class SourceKind { kText, kPdf, kImage };
const char* SourceKindName(SourceKind kind);

struct Document {
  std::string path;
  std::string sha256;      // of the file's bytes: identity in the archive
  uint64_t size_bytes = 0;
  SourceKind kind = SourceKind::kText;
  std::string encoding;    // text files: detected source encoding ("UTF-8", "UTF-16LE", "windows-1258")
  std::vector<Page> pages;
};

}  // namespace vanban
