#include "extract/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

namespace vanban::extract::internal {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "ngày 02 tháng 02 năm 2026"; the words also without diacritics (OCR) and in
// capitals ("NGÀY"). Spaces may be missing next to the figures in OCR text.
const RE2& WordsDate() {
  static const RE2 re(R"((?i)(ng[àa]y)\s*(\d{1,2})\s*th[áa]ng\s*(\d{1,2})\s*n[ăa]m\s*(\d{4}))");
  return re;
}

// "02/02/2026", "10/3/2026", "25-01-2024", "20.8.2025". The character before
// must not be a digit or a separator (so "118/2025/NĐ-CP" cannot yield
// "2025/..."), the one after not a digit.
const RE2& FigureDate() {
  static const RE2 re(R"((?:^|[^\d/.\-])((\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?([/.\-])\s?(\d{4}))(?:$|[^\d]))");
  return re;
}

}  // namespace

std::optional<std::string> IsoDateYmd(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return std::nullopt;
  int max = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  if (day > max) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

std::vector<FoundDate> FindDates(std::string_view text) {
  std::vector<FoundDate> out;
  // Words form.
  {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m[5];
    size_t pos = 0;
    while (pos < text.size() &&
           WordsDate().Match(input, pos, text.size(), RE2::UNANCHORED, m, 5)) {
      int d = std::stoi(std::string(m[2].data(), m[2].size()));
      int mo = std::stoi(std::string(m[3].data(), m[3].size()));
      int y = std::stoi(std::string(m[4].data(), m[4].size()));
      size_t b = m[0].data() - text.data();
      size_t e = b + m[0].size();
      if (auto iso = IsoDateYmd(y, mo, d)) out.push_back({*iso, b, e});
      pos = e;
    }
  }
  // Figure form; "ngày" in front is included in the span when present.
  {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece m[7];
    size_t pos = 0;
    while (pos < text.size() &&
           FigureDate().Match(input, pos, text.size(), RE2::UNANCHORED, m, 7)) {
      size_t b = m[1].data() - text.data();
      size_t e = b + m[1].size();
      pos = e;
      if (m[3] != m[5]) continue;
      int d = std::stoi(std::string(m[2].data(), m[2].size()));
      int mo = std::stoi(std::string(m[4].data(), m[4].size()));
      int y = std::stoi(std::string(m[6].data(), m[6].size()));
      auto iso = IsoDateYmd(y, mo, d);
      if (!iso) continue;
      // Skip if inside a words-form match already found.
      bool inside = std::any_of(out.begin(), out.end(),
                                [&](const FoundDate& f) { return b >= f.begin && b < f.end; });
      if (!inside) out.push_back({*iso, b, e});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const FoundDate& a, const FoundDate& b) { return a.begin < b.begin; });
  return out;
}

std::optional<FoundDate> FindDate(std::string_view text) {
  auto all = FindDates(text);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::optional<std::string> ParseDate(std::string_view text) {
  auto d = FindDate(text);
  if (!d) return std::nullopt;
  return d->iso;
}

}  // namespace vanban::extract::internal
