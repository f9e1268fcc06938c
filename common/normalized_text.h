// NormalizedText: the canonical text of a document, the output of the
// normalize stage and the input of the extract stage.
//
// Pages are joined with '\f'. Every offset in a Record (provenance) is a byte
// offset into `text`; `PageAt` turns it into a 1-based page number.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vanban {

struct PageSpan {
  int number = 0;      // 1-based page number in the source
  size_t begin = 0;    // byte offset of the page's first byte in `text`
  size_t end = 0;      // one past its last byte (the '\f' separator excluded)
  bool restored = false;  // diacritics were restored on this page
};

struct NormalizedText {
  std::string text;             // NFC, one tone placement, clean lines; pages joined by '\f'
  std::vector<PageSpan> pages;

  // 1-based page holding byte `offset`; the last page for offsets past the end.
  int PageAt(size_t offset) const;
};

}  // namespace vanban
