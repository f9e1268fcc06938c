#include "normalize/restore_lexicon.h"

#include <cctype>
#include <vector>

namespace vanban::normalize {
namespace {

struct Code {
  const char* stripped;
  const char* restored;
  bool anywhere;  // false: only inside a document number or code
};

// Issuing-body and document-kind codes with Đ (Nghị định 30/2020/NĐ-CP,
// Phụ lục VI: chữ viết tắt tên loại văn bản và cơ quan ban hành).
constexpr Code kCodes[] = {
    {"HDND", "HĐND", true},     {"SGDDT", "SGDĐT", true},  {"BGDDT", "BGDĐT", true},
    {"PGDDT", "PGDĐT", true},   {"CTDT", "CTĐT", true},    {"GD&DT", "GD&ĐT", true},
    {"GDDT", "GDĐT", true},     {"DHQG", "ĐHQG", true},    {"TTDT", "TTĐT", true},
    {"DTN", "ĐTN", false},      {"QD", "QĐ", false},       {"ND", "NĐ", false},
    {"DT", "ĐT", false},        {"VPDK", "VPĐK", true},    {"BCD", "BCĐ", false},
};

bool IsCodeChar(char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '&'; }

}  // namespace

std::optional<std::string> RestoreCode(std::string_view chunk) {
  // Split into parts at '-' and '/' (and keep the separators).
  std::vector<std::string_view> parts;
  std::string seps;
  size_t start = 0;
  for (size_t i = 0; i <= chunk.size(); ++i) {
    if (i == chunk.size() || chunk[i] == '-' || chunk[i] == '/') {
      parts.push_back(chunk.substr(start, i - start));
      if (i < chunk.size()) seps += chunk[i];
      start = i + 1;
    }
  }
  // A document number or code: "38/KH-SGDDT", "ND-CP", "QD-TTg", "GD&DT".
  bool code_context = parts.size() > 1 || chunk.find('&') != std::string_view::npos;
  bool changed = false;
  std::string out;
  for (size_t p = 0; p < parts.size(); ++p) {
    std::string_view part = parts[p];
    std::string replaced(part);
    bool all_code = !part.empty();
    for (char c : part) all_code = all_code && (IsCodeChar(c) || (c == 'g' && &c != part.data()));
    if (all_code) {
      for (const Code& c : kCodes) {
        if (part == c.stripped && (c.anywhere || code_context)) {
          replaced = c.restored;
          changed = changed || replaced != part;
          break;
        }
      }
    }
    out += replaced;
    if (p < seps.size()) out += seps[p];
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace vanban::normalize
