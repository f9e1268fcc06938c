#include "extract/lines.h"

namespace vanban::extract::internal {

std::string_view TrimSpaces(std::string_view s) {
  auto is_space_at_front = [](std::string_view v) -> size_t {
    if (v.empty()) return 0;
    unsigned char c = v[0];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v') return 1;
    if (v.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(v[1]) == 0xA0) return 2;
    return 0;
  };
  auto is_space_at_back = [](std::string_view v) -> size_t {
    if (v.empty()) return 0;
    unsigned char c = v.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v') return 1;
    if (v.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(v[v.size() - 2]) == 0xC2) return 2;
    return 0;
  };
  while (size_t n = is_space_at_front(s)) s.remove_prefix(n);
  while (size_t n = is_space_at_back(s)) s.remove_suffix(n);
  return s;
}

std::vector<Line> SplitLines(const NormalizedText& text) {
  std::vector<Line> lines;
  const std::string& t = text.text;
  size_t start = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] != '\n' && t[i] != '\f') continue;
    std::string_view raw(t.data() + start, i - start);
    std::string_view trimmed = TrimSpaces(raw);
    Line line;
    line.text = trimmed;
    line.begin = trimmed.empty() ? start : static_cast<size_t>(trimmed.data() - t.data());
    line.end = line.begin + trimmed.size();
    line.page = text.PageAt(line.begin);
    lines.push_back(line);
    start = i + 1;
  }
  return lines;
}

Span MakeSpan(const NormalizedText& text, size_t begin, size_t end) {
  Span s;
  s.page = text.PageAt(begin);
  s.begin = begin;
  s.end = end;
  return s;
}

Span SpanOfView(const NormalizedText& text, std::string_view piece) {
  size_t begin = static_cast<size_t>(piece.data() - text.text.data());
  return MakeSpan(text, begin, begin + piece.size());
}

FlatText Flatten(const NormalizedText& text) {
  FlatText flat;
  const std::string& t = text.text;
  flat.text.reserve(t.size());
  flat.origin.reserve(t.size() + 1);
  bool in_space = false;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = t[i];
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    // U+00A0 no-break space.
    if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
      if (!in_space) {
        flat.text += ' ';
        flat.origin.push_back(i);
      }
      in_space = true;
      ++i;
      continue;
    }
    if (space) {
      if (!in_space) {
        flat.text += ' ';
        flat.origin.push_back(i);
      }
      in_space = true;
      continue;
    }
    in_space = false;
    flat.text += static_cast<char>(c);
    flat.origin.push_back(i);
  }
  flat.origin.push_back(t.size());
  return flat;
}

std::string SqueezeSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : TrimSpaces(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string DropGluedApostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const bool after_word = i > 0 && s[i - 1] != ' ';
    const size_t len = s[i] == '\'' ? 1 : s.substr(i, 3) == "\xE2\x80\x99" ? 3 : 0;  // ' or U+2019
    // An apostrophe after a space opens a quotation ('Sách'): then its
    // closing one is kept too.
    const bool opens = len > 0 && !after_word;
    if (opens) return std::string(s);
    if (len > 0 && after_word) {
      i += len - 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace vanban::extract::internal
