// Internal to extract/: the canonical text as a list of lines with offsets.
//
// Extractors work line by line (the header block, the kind line, the
// signature and Nơi nhận columns are line-shaped) but every value they return
// must carry its byte range in NormalizedText::text, so a line keeps the
// offsets of its trimmed text. Lines end at '\n' and at the page separator
// '\f'; blank lines are kept (they delimit the title and the signature).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/normalized_text.h"
#include "common/record.h"

namespace vanban::extract::internal {

struct Line {
  std::string_view text;  // trimmed of spaces, tabs, '\r' and no-break spaces
  size_t begin = 0;       // byte offset of `text` in NormalizedText::text
  size_t end = 0;         // one past its last byte
  int page = 1;           // 1-based page, NormalizedText::PageAt(begin)
  bool blank() const { return text.empty(); }
};

// Every line of `text.text`, in order, blank lines included. The views point
// into `text.text`, which must outlive the result.
std::vector<Line> SplitLines(const NormalizedText& text);

// `s` without leading and trailing spaces, tabs, '\r', '\n' and U+00A0.
std::string_view TrimSpaces(std::string_view s);

// The Span of bytes [begin, end) of the canonical text.
Span MakeSpan(const NormalizedText& text, size_t begin, size_t end);

// The Span of a piece of a line's text (a view into text.text).
Span SpanOfView(const NormalizedText& text, std::string_view piece);

}  // namespace vanban::extract::internal
