// Internal to extract/: the closing of a document — Nơi nhận and signature.
//
// Nghị định 30/2020, Phụ lục I, mục II.8–II.9: under the body, "Nơi nhận:"
// and its items stand on the left, the signature block on the right:
// authority (TM./KT./Q./TL./TUQ.), the signer's title, the name. Text
// extraction gives the two columns one after the other, or interleaved line by
// line, or merged on one line ("Nơi nhận: HIỆU TRƯỞNG"). Both extractors read
// the same lines and tell the two columns apart by their shape: an item
// starts with "-" and a title or name does not.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/normalized_text.h"
#include "extract/lines.h"

namespace vanban::extract::internal {

struct Closing {
  std::optional<size_t> label;     // line index of "Nơi nhận:"
  size_t begin = 0, end = 0;       // line range of the closing (items and signature)
  std::vector<std::string_view> items;   // raw item texts, bullets and tails still there
  std::vector<std::string_view> others;  // the non-item pieces: titles, names, notes
};

// Finds the closing among `lines`: after the last "Nơi nhận:" label, or, when
// the label is missing, the list that ends with "- Lưu: …", or else the last
// lines of the text.
Closing FindClosing(const std::vector<Line>& lines);

// "- Sở GD&ĐT (qua VP);" → "Sở GD&ĐT (qua VP)".
std::string CleanItem(std::string_view item);

}  // namespace vanban::extract::internal
