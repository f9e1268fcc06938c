// Internal to extract/: the canonical text as a list of lines with offsets.
//
// Extractors work line by line (the header block, the kind line, the
// signature and Nơi nhận columns are line-shaped) but every value they return
// must carry its byte range in NormalizedText::text, so a line keeps the
// offsets of its trimmed text. Lines end at '\n' and at the page separator
// '\f'; blank lines are kept (they delimit the title and the signature).
#pragma once

#include <cstddef>
#include <string>
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

// The text with every run of whitespace (line breaks and page breaks
// included) made one space, so that a sentence broken over lines — as raw
// PDF text leaves it, and as a citation "Kế hoạch số 43/SGDĐT ... Hải \n\n
// Phòng" often is — reads as one line. `origin[i]` is the offset in
// NormalizedText::text of flat byte i (origin has one extra entry for the end).
struct FlatText {
  std::string text;
  std::vector<size_t> origin;
  // Offsets in NormalizedText::text of the flat range [begin, end).
  size_t Begin(size_t flat_begin) const { return origin[flat_begin]; }
  size_t End(size_t flat_end) const {
    return flat_end == 0 ? origin[0] : origin[flat_end - 1] + 1;
  }
};
FlatText Flatten(const NormalizedText& text);

// `s` with runs of whitespace made one space, trimmed.
std::string SqueezeSpaces(std::string_view s);

// Vietnamese words carry no apostrophe: one glued to the end of a word
// ("Nhu' trên", "THPT' Hòa Lộc") is a tone mark or a speck OCR read as a
// character. Drops those (' and U+2019) when the text opens no quote with one.
std::string DropGluedApostrophes(std::string_view s);

}  // namespace vanban::extract::internal
