// NormalizedText: the canonical text of a document, the output of the
// normalize stage and the input of the extract stage.
//
// Pages are joined with '\f' — except where a sentence runs on across a page
// break: then the separator is a space, or nothing when a word or code was
// split at a hyphen ("2021-" | "2025"), so that the sentence is one line.
// PageSpan boundaries stay exact either way (the separator belongs to no
// page). Every offset in a Record (provenance) is a byte offset into `text`;
// `PageAt` turns it into a 1-based page number.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vanban {

struct PageSpan {
  int number = 0;      // 1-based page number in the source
  size_t begin = 0;    // byte offset of the page's first byte in `text`
  size_t end = 0;      // one past its last byte (the separator excluded)
  bool restored = false;  // diacritics were restored on this page
};

struct NormalizedText {
  std::string text;             // NFC, one tone placement, clean lines; pages joined by '\f' (see above)
  std::vector<PageSpan> pages;

  // 1-based page holding byte `offset`; the last page for offsets past the end.
  int PageAt(size_t offset) const;
};

}  // namespace vanban
