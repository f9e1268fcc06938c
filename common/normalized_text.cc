#include "common/normalized_text.h"

namespace vanban {

int NormalizedText::PageAt(size_t offset) const {
  if (pages.empty()) return 1;
  for (const PageSpan& p : pages) {
    if (offset < p.end || offset == p.begin) return p.number;
    if (offset == p.end) return p.number;  // end of page, before the separator
  }
  return pages.back().number;
}

}  // namespace vanban
