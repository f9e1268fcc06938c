#include "normalize/layout.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "common/vietnamese.h"
#include "normalize/clean.h"
#include "normalize/utf8.h"

namespace vanban::normalize::internal {
namespace {

struct Patterns {
  // Headings: "I.", "III.TỔ CHỨC", "1.", "7.Tổ chức", "1.1.", "2)", "a)", "b)Tiếp".
  // The character after the marker must not be a digit, so "2.5%" and
  // "15/7/2021" are not headings.
  RE2 heading{R"(^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))(?:\s|\pL|$))"};
  RE2 bullet{R"(^[-+*•–—●○▪►·✓])"};
  // A numbered table row as a text layer gives it: "3 Võ Minh Tâm Tổ trưởng",
  // "II Cải cách thủ tục hành chính". In running prose a number at a line
  // start is followed by a lower-case word ("15 ngày"), or is a year after a
  // split code.
  RE2 numbered_row{R"(^(?:\d{1,3}|[IVX]{1,4}) \p{Lu}\p{Ll})"};
  // Lines that open a block of their own in a plan: Nơi nhận, legal bases
  // (Căn cứ), the addressee, the signer's authority (Nghị định 30/2020,
  // Điều 8: TM., KT., TL., TUQ., Q.), articles and annexes. Unaccented forms
  // for text that has not been restored yet.
  RE2 block_start{
      R"(^(?:Nơi nhận|NƠI NHẬN|Noi nhan|NOI NHAN|Căn cứ|CĂN CỨ|Can cu|CAN CU|Kính gửi|Kinh gui|)"
      R"(KT\.|TM\.|TL\.|TUQ\.|Q\.|Điều \d|Chương [IVXLC\d]|Phụ lục|PHỤ LỤC))"};
  // A code or number cut at its hyphen: "2021-", "381/KH-", "05/2025/NĐ-".
  RE2 split_code_end{R"((?:^|\s)\S*[0-9/]\S*[0-9\p{Lu}]-$)"};
  RE2 split_code_start{R"(^(?:[0-9]|\p{Lu}\p{Lu}))"};
  // Page numbers that are furniture wherever they stand at a page's edge.
  RE2 page_dashed{R"(^[-–—]\s*\d{1,4}\s*[-–—]$)"};
  RE2 page_word{R"(^(?i:trang|page)\s*\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?$)"};
  // Bare "3" or "3/12": kept unless the number fits the page.
  RE2 page_bare{R"(^(\d{1,4})(?:\s*/\s*\d{1,4})?$)"};
  RE2 lost_page_number{R"(^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$)"};
  // "ngày 25 tháng 01 năm 2024" (date line of the header block).
  RE2 date_line{R"(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"};
  RE2 number_line{R"(^(?:Số|SỐ|So)\s*:)"};
};
const Patterns& P() {
  static const Patterns* p = new Patterns;
  return *p;
}

// The 29 kinds of Nghị định 30/2020 Phụ lục III, công văn, and the legal
// kinds a plan's header may carry, folded (no marks, lower case).
const std::set<std::string>& FoldedKinds() {
  static const std::set<std::string>* kinds = new std::set<std::string>{
      "nghi quyet", "quyet dinh", "chi thi", "quy che", "quy dinh", "thong cao", "thong bao",
      "huong dan", "chuong trinh", "ke hoach", "phuong an", "de an", "du an", "bao cao",
      "bien ban", "to trinh", "hop dong", "cong van", "cong dien", "ban ghi nho",
      "ban thoa thuan", "giay uy quyen", "giay moi", "giay gioi thieu", "giay nghi phep",
      "phieu gui", "phieu chuyen", "phieu bao", "thu cong", "nghi dinh", "thong tu", "luat",
      "phap lenh", "lenh", "quyet nghi"};
  return *kinds;
}

bool EndsSentence(std::string_view line) {
  // Closing brackets and quotes after the punctuation: "(… facebook...)".
  size_t end = line.size();
  while (end > 0) {
    unsigned char c = line[end - 1];
    if (c == ')' || c == '"' || c == '\'' || c == ']' || c == ' ') {
      --end;
    } else if (end >= 3 && line.substr(end - 3, 3) == "\xE2\x80\x9D") {  // ”
      end -= 3;
    } else if (end >= 3 && line.substr(end - 3, 3) == "\xE2\x80\x99") {  // ’
      end -= 3;
    } else {
      break;
    }
  }
  if (end == 0) return false;
  char c = line[end - 1];
  if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') return true;
  return end >= 3 && line.substr(end - 3, 3) == "\xE2\x80\xA6";  // …
}

bool StartsLowerCase(std::string_view line) {
  for (size_t i = 0; i < line.size();) {
    char32_t c = NextCodePoint(line, i);
    if (c == '(' || c == '"' || c == '\'' || c == '[' || c == U'“' || c == U'‘') continue;
    return IsLowerLetter(c);
  }
  return false;
}

bool StartsWithDigit(std::string_view line) { return !line.empty() && line[0] >= '0' && line[0] <= '9'; }

bool IsTableRow(std::string_view line) { return std::count(line.begin(), line.end(), '|') >= 2; }

bool OpensStructure(std::string_view line) {
  const Patterns& p = P();
  return RE2::PartialMatch(line, p.heading) || RE2::PartialMatch(line, p.bullet) ||
         RE2::PartialMatch(line, p.numbered_row) ||
         RE2::PartialMatch(line, p.block_start) || IsAllCaps(line) || IsTableRow(line);
}

bool IsSplitCode(std::string_view prev, std::string_view next) {
  return RE2::PartialMatch(prev, P().split_code_end) &&
         RE2::PartialMatch(next, P().split_code_start);
}

bool IsKindLine(std::string_view line) {
  if (!IsAllCaps(line) || line.size() > 60) return false;
  std::string folded = FoldDiacritics(line);
  while (!folded.empty() && (folded.back() == ':' || folded.back() == '.' || folded.back() == ' '))
    folded.pop_back();
  return FoldedKinds().count(folded) > 0;
}

// The line with digits replaced by '#', for comparing running headers.
std::string FurnitureKey(std::string_view line) {
  std::string key(line);
  for (char& c : key)
    if (c >= '0' && c <= '9') c = '#';
  return key;
}

bool IsPageNumber(std::string_view line, int page_number, bool several_pages) {
  const Patterns& p = P();
  if (RE2::FullMatch(line, p.page_dashed) || RE2::FullMatch(line, p.page_word)) return true;
  int n = 0;
  if (several_pages && RE2::FullMatch(line, p.page_bare, &n)) return std::abs(n - page_number) <= 1;
  return false;
}

// Indices of the first / last `count` non-blank lines.
std::vector<size_t> EdgeLines(const std::vector<std::string>& lines, size_t count, bool top) {
  std::vector<size_t> idx;
  for (size_t k = 0; k < lines.size() && idx.size() < count; ++k) {
    size_t i = top ? k : lines.size() - 1 - k;
    if (!lines[i].empty()) idx.push_back(i);
  }
  return idx;
}

void EraseIndices(std::vector<std::string>& lines, std::set<size_t> drop) {
  std::vector<std::string> kept;
  kept.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i)
    if (!drop.count(i)) kept.push_back(std::move(lines[i]));
  lines = std::move(kept);
}

void DropPageNumbers(std::vector<PageLines>& pages, bool several) {
  for (PageLines& page : pages) {
    std::set<size_t> drop;
    for (bool top : {true, false}) {
      std::vector<size_t> edge = EdgeLines(page.lines, 2, top);
      for (size_t i : edge) {
        if (!IsPageNumber(page.lines[i], page.number, several)) break;
        drop.insert(i);
      }
    }
    if (!drop.empty()) EraseIndices(page.lines, drop);
  }
}

void DropRunningLines(std::vector<PageLines>& pages) {
  if (pages.size() < 3) return;
  // Running headers (top) and footers (bottom), counted separately.
  for (bool top : {true, false}) {
    std::map<std::string, std::set<size_t>> pages_with;
    for (size_t p = 0; p < pages.size(); ++p)
      for (size_t i : EdgeLines(pages[p].lines, 2, top))
        pages_with[FurnitureKey(pages[p].lines[i])].insert(p);
    std::set<std::string> running;
    for (const auto& [key, where] : pages_with) {
      if (where.size() >= 3 && where.size() * 2 >= pages.size() &&
          !RE2::PartialMatch(key, P().heading) && !RE2::PartialMatch(key, P().bullet))
        running.insert(key);
    }
    if (running.empty()) continue;
    for (PageLines& page : pages) {
      std::set<size_t> drop;
      for (size_t i : EdgeLines(page.lines, 2, top))
        if (running.count(FurnitureKey(page.lines[i]))) drop.insert(i);
      if (!drop.empty()) EraseIndices(page.lines, drop);
    }
  }
}

}  // namespace

void FoldBlankLines(std::vector<std::string>& lines) {
  // Gaps (blank lines) before each non-blank line.
  std::vector<size_t> text_lines;
  std::vector<int> gap_before;
  int gap = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) {
      ++gap;
      continue;
    }
    text_lines.push_back(i);
    gap_before.push_back(gap);
    gap = 0;
  }
  int transitions = 0, with_blank = 0, inside_sentence = 0;
  for (size_t k = 1; k < text_lines.size(); ++k) {
    ++transitions;
    if (gap_before[k] == 0) continue;
    ++with_blank;
    if (!EndsSentence(lines[text_lines[k - 1]]) && StartsLowerCase(lines[text_lines[k]]))
      ++inside_sentence;
  }
  const bool double_spaced = transitions >= 6 && with_blank * 10 >= transitions * 7 &&
                             inside_sentence * 100 >= with_blank * 15;
  std::vector<std::string> out;
  out.reserve(text_lines.size() * 2);
  for (size_t k = 0; k < text_lines.size(); ++k) {
    if (k > 0 && gap_before[k] >= (double_spaced ? 2 : 1)) out.emplace_back();
    out.push_back(std::move(lines[text_lines[k]]));
  }
  lines = std::move(out);
}

void DropLostPageNumbers(std::vector<std::string>& lines) {
  std::set<size_t> drop;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty() || !RE2::FullMatch(lines[i], P().lost_page_number)) continue;
    size_t before = i, after = i + 1;
    while (before > 0 && lines[before - 1].empty()) --before;
    while (after < lines.size() && lines[after].empty()) ++after;
    if (before == 0 || after == lines.size()) continue;
    // Blank lines around it, and a full line before it (a page ends full):
    // a number cell in a table ("Trước ngày" / "25") stays.
    if (before == i || after == i + 1 || Length(lines[before - 1]) < 40) continue;
    if (!EndsSentence(lines[before - 1]) && StartsLowerCase(lines[after])) drop.insert(i);
  }
  if (!drop.empty()) EraseIndices(lines, drop);
}

void DropPageFurniture(std::vector<PageLines>& pages) {
  const bool several = pages.size() >= 2;
  // Page numbers before and after running headers: either may sit above the
  // other.
  DropPageNumbers(pages, several);
  DropRunningLines(pages);
  DropPageNumbers(pages, several);
}

int HeaderBlockEnd(const std::vector<std::string>& lines) {
  int seen = 0, date = -1, number = -1;
  for (size_t i = 0; i < lines.size() && seen < 40; ++i) {
    if (lines[i].empty()) continue;
    ++seen;
    if (IsKindLine(lines[i])) return static_cast<int>(i);
    if (seen <= 25 && date < 0 && RE2::PartialMatch(lines[i], P().date_line)) date = i;
    if (seen <= 25 && number < 0 && RE2::PartialMatch(lines[i], P().number_line)) number = i;
  }
  return std::max(date, number);
}

double FullLineLength(const std::vector<std::string>& lines, double fallback) {
  std::vector<size_t> lengths;
  for (const std::string& l : lines)
    if (!l.empty()) lengths.push_back(Length(l));
  if (lengths.size() < 8) return fallback;
  std::sort(lengths.begin(), lengths.end());
  return static_cast<double>(lengths[lengths.size() * 3 / 4]);
}

Join DecideJoin(std::string_view prev, std::string_view next, double full_line,
                bool lower_case_only) {
  if (prev.empty() || next.empty()) return Join::kNone;
  if (IsSplitCode(prev, next)) return Join::kTight;
  if (EndsSentence(prev) || IsAllCaps(prev) || IsTableRow(prev)) return Join::kNone;
  if (OpensStructure(next)) return Join::kNone;
  if (StartsLowerCase(next)) return Join::kSpace;
  if (!lower_case_only && full_line > 0 && Length(prev) >= 0.8 * full_line) return Join::kSpace;
  return Join::kNone;
}

std::vector<std::string> JoinBrokenLines(const std::vector<std::string>& lines, int header_end,
                                         double full_line) {
  std::vector<std::string> out;
  out.reserve(lines.size());
  std::string_view last_physical;  // the previous source line, not the joined one
  int last_index = -1;
  bool blank_between = false;
  int first_after_header = -1;
  size_t title_out = static_cast<size_t>(-1);  // index in `out` of the title's line
  for (size_t i = static_cast<size_t>(header_end + 1); i < lines.size(); ++i) {
    if (!lines[i].empty()) {
      first_after_header = static_cast<int>(i);
      break;
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) {
      blank_between = true;
      continue;
    }
    if (last_index >= 0) {
      Join join = Join::kNone;
      const int here = static_cast<int>(i);
      if (here <= header_end) {
        if (IsSplitCode(last_physical, line)) join = Join::kTight;
      } else {
        // The title (first line after the header block, with what has been
        // joined to it): centred, it may be long, and an upper-case line
        // after it opens the legal bases, not a continuation.
        const bool title = header_end >= 0 && out.size() - 1 == title_out;
        join = last_index <= header_end && !IsSplitCode(last_physical, line)
                   ? Join::kNone
                   : DecideJoin(last_physical, line, full_line, title || blank_between);
        // A title's year on a line of its own: "V/v báo cáo … quý I năm" +
        // "2026".
        if (join == Join::kNone && title && StartsWithDigit(line) && !EndsSentence(last_physical) &&
            !OpensStructure(line))
          join = Join::kSpace;
      }
      if (join != Join::kNone) {
        if (join == Join::kSpace) out.back() += ' ';
        out.back() += line;
        last_physical = line;
        last_index = here;
        blank_between = false;
        continue;
      }
    }
    if (blank_between && !out.empty()) out.emplace_back();
    if (static_cast<int>(i) == first_after_header) title_out = out.size();
    out.push_back(line);
    last_physical = line;
    last_index = static_cast<int>(i);
    blank_between = false;
  }
  return out;
}

}  // namespace vanban::normalize::internal
