// Test helper: a NormalizedText of one page (or pages split at '\f') from a
// literal, as the normalize stage would hand it to extract.
#pragma once

#include <string>

#include "common/normalized_text.h"

namespace vanban::testing {

inline NormalizedText TextOf(const std::string& s) {
  NormalizedText t;
  t.text = s;
  size_t begin = 0;
  int n = 1;
  for (;;) {
    size_t ff = s.find('\f', begin);
    size_t end = ff == std::string::npos ? s.size() : ff;
    t.pages.push_back({n++, begin, end, false});
    if (ff == std::string::npos) break;
    begin = ff + 1;
  }
  return t;
}

// The bytes a Span points at.
inline std::string At(const NormalizedText& t, size_t begin, size_t end) {
  return t.text.substr(begin, end - begin);
}

}  // namespace vanban::testing
