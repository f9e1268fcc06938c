#include "common/normalized_text.h"

namespace vanban {

int NormalizedText::PageAt(size_t offset) const {
  if (pages.empty()) return 1;
  // Inside a page first: when a word runs on across a page break the
  // separator is empty and one page's end is the next page's begin.
  for (const PageSpan& p : pages)
    if (offset >= p.begin && offset < p.end) return p.number;
  for (const PageSpan& p : pages) {
    if (offset == p.begin) return p.number;  // an empty page
    if (offset == p.end) return p.number;    // end of page, on its separator
  }
  return pages.back().number;
}

}  // namespace vanban
