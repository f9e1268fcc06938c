// Quantitative targets (chỉ tiêu).
//
// A plan states its commitments as figures: "100% TTHC … được rà soát", "tỷ lệ
// giải quyết hồ sơ đúng hạn đạt tối thiểu 98%", "giảm tối thiểu 20% thông tin
// phải khai báo", "ít nhất 05 hình thức", "ít nhất 1 tuần/lần". One target per
// figure; its statement is the clause that holds the figure, cut at ";" and at
// sentence ends but never inside parentheses (gold 000: the "(10% …; giảm tối
// thiểu 20% …)" pair keeps the whole sentence). Two figures in one clause give
// two targets with the same statement.
//
// Counts need a bound word (ít nhất, tối thiểu, không quá, tối đa) or a
// frequency shape ("1 tuần/lần") to be a commitment: "06 nội dung trọng tâm"
// describes, it does not promise. Percentages that report a past result ("đã
// đạt 95%", "năm qua") are not commitments.
#include <re2/re2.h>

#include <cstdlib>

#include "common/vietnamese.h"
#include "extract/parts.h"
#include "extract/plan_text.h"

namespace vanban::extract::internal {
namespace {

// The bound word just before a figure ("đạt tối thiểu 98%", "là trên 95%",
// "giảm bình quân 15%"). Filler words may sit between the bound and the figure.
std::string ComparatorBefore(std::string_view before) {
  static const RE2 kCue(
      R"((?i)(tối thiểu|ít nhất|không dưới|không thấp hơn|trên|hơn|tối đa|không quá|không vượt quá|dưới|giảm|cắt giảm)((?:\s+(?:bình quân|tối thiểu|ít nhất|tương ứng|là|đạt|khoảng|mức|thêm|được))*)\s*$)");
  std::string cue;
  re2::StringPiece in(before.data(), before.size());
  if (!RE2::PartialMatch(in, kCue, &cue)) return "=";
  std::string lower = ToLower(cue);
  if (lower == "giảm" || lower == "cắt giảm") return "reduce";
  if (lower == "tối thiểu" || lower == "ít nhất" || lower == "không dưới" || lower == "không thấp hơn") return ">=";
  if (lower == "trên" || lower == "hơn") return ">";
  if (lower == "dưới") return "<";
  return "<=";
}

std::string ComparatorAfter(std::string_view after, std::string current) {
  static const RE2 kUp(R"((?i)^\s*trở lên)");
  static const RE2 kDown(R"((?i)^\s*trở xuống)");
  re2::StringPiece in(after.data(), after.size());
  if (current == "=" && RE2::PartialMatch(in, kUp)) return ">=";
  if (current == "=" && RE2::PartialMatch(in, kDown)) return "<=";
  return current;
}

// What the figure measures, when the clause says it plainly:
// "100% TTHC thuộc thẩm quyền … được rà soát" → "TTHC thuộc thẩm quyền …";
// "Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%" → "Tỷ lệ giải quyết hồ sơ đúng hạn".
std::optional<std::string> SubjectOf(std::string_view clause, size_t fig_begin, size_t fig_end) {
  static const RE2 kLeadIn(R"((?i)^(?:phấn đấu|đảm bảo|bảo đảm|tối thiểu|ít nhất|có)?\s*$)");
  static const RE2 kAfter(R"(^\s*(?:các |số )?(.+?)(?:\s+(?:được|đạt|phải|sử dụng|đã)\s|,|\(|$))");
  static const RE2 kRatio(R"((?i)^((?:tỷ lệ|mức độ|chỉ số)\s.+?)\s*(?:\s(?:đạt|là)\s|:))");
  std::string_view before = clause.substr(0, fig_begin);
  re2::StringPiece b(before.data(), before.size());
  std::string subject;
  if (RE2::FullMatch(b, kLeadIn)) {
    std::string_view after = clause.substr(fig_end);
    re2::StringPiece a(after.data(), after.size());
    if (RE2::PartialMatch(a, kAfter, &subject)) {
      subject = std::string(TrimSpaces(subject));
      if (!subject.empty()) return subject;
    }
    return std::nullopt;
  }
  re2::StringPiece c(clause.data(), clause.size());
  if (RE2::PartialMatch(c, kRatio, &subject)) return std::string(TrimSpaces(subject));
  return std::nullopt;
}

std::optional<int> YearOf(std::string_view clause) {
  static const RE2 kYear(R"((?i)(?:^|\s)năm\s+(\d{4})\b)");
  int year = 0;
  re2::StringPiece in(clause.data(), clause.size());
  if (RE2::PartialMatch(in, kYear, &year)) return year;
  return std::nullopt;
}

double ParseNumber(std::string s) {
  for (char& c : s)
    if (c == ',') c = '.';
  return std::strtod(s.c_str(), nullptr);
}

}  // namespace

void ExtractTargets(const NormalizedText& text, Record* record) {
  static const RE2 kPercent(R"((\d+(?:[.,]\d+)?)\s*%)");
  // Frequencies ("ít nhất 1 tuần/lần", "2 lần/tháng") and bounded counts
  // ("ít nhất 05 hình thức", "ít nhất 01 tin, bài mỗi tháng"): the unit is the
  // one or two words after the figure.
  static const RE2 kFrequency(
      R"((?i)(\d+)\s*((?:ngày|tuần|tháng|quý|năm)\s*/\s*lần|lần\s*/\s*(?:ngày|tuần|tháng|quý|năm)))");
  static const RE2 kBoundedCount(
      R"((?i)(?:ít nhất|tối thiểu|không quá|tối đa|không dưới)\s+(\d+)\s+(\p{Ll}+(?:,? \p{Ll}+)?))");
  static const RE2 kPast(R"((?i)đã đạt|năm qua|so với cùng kỳ|kết quả đạt được)");

  std::vector<PlanLine> lines = PlanLines(text);
  std::vector<Paragraph> paras = BuildParagraphs(lines);
  const int end_line = static_cast<int>(BodyEndLine(lines));

  for (const Paragraph& p : paras) {
    if (p.first_line >= end_line) break;
    if (p.text.find_first_of("0123456789") == std::string::npos) continue;
    for (Range r : SplitClauses(p.text, p.marker.body)) {
      std::string_view clause(p.text.data() + r.begin, r.end - r.begin);
      re2::StringPiece cl(clause.data(), clause.size());
      if (RE2::PartialMatch(cl, kPast)) continue;

      auto add = [&](size_t fb, size_t fe, double value, std::string unit) {
        Target t;
        t.text = std::string(clause);
        t.value = value;
        t.unit = std::move(unit);
        t.comparator = ComparatorAfter(clause.substr(fe), ComparatorBefore(clause.substr(0, fb)));
        t.subject = SubjectOf(clause, fb, fe);
        t.year = YearOf(clause);
        t.where = SpanOf(text, p, r.begin, r.end);
        t.section = SectionAt(*record, t.where.begin);
        record->targets.push_back(std::move(t));
      };

      re2::StringPiece rest = cl, number;
      while (RE2::FindAndConsume(&rest, kPercent, &number)) {
        size_t fb = static_cast<size_t>(number.data() - clause.data());
        size_t fe = static_cast<size_t>(rest.data() - clause.data());
        add(fb, fe, ParseNumber(std::string(number.data(), number.size())), "%");
      }
      rest = cl;
      re2::StringPiece unit;
      while (RE2::FindAndConsume(&rest, kFrequency, &number, &unit)) {
        std::string u;
        for (char c : std::string(unit.data(), unit.size()))
          if (c != ' ') u.push_back(c);
        size_t fb = static_cast<size_t>(number.data() - clause.data());
        size_t fe = static_cast<size_t>(rest.data() - clause.data());
        add(fb, fe, ParseNumber(std::string(number.data(), number.size())), ToLower(u));
      }
      rest = cl;
      while (RE2::FindAndConsume(&rest, kBoundedCount, &number, &unit)) {
        std::string u(unit.data(), unit.size());
        // "ít nhất 01 lần mỗi học kỳ": "lần" is the unit, what follows is the period.
        if (u.rfind("lần ", 0) == 0) u = "lần";
        // "ít nhất 1 tuần/lần" is a frequency, found above.
        std::string_view after(rest.data(), rest.size());
        if (!after.empty() && after.front() == '/') continue;
        if (u.rfind("lần", 0) == 0 && after.size() > 0 && after.front() == '/') continue;
        size_t fb = static_cast<size_t>(number.data() - clause.data());
        size_t fe = static_cast<size_t>(unit.data() - clause.data());
        add(fb, fe, ParseNumber(std::string(number.data(), number.size())), u);
      }
    }
  }
}

}  // namespace vanban::extract::internal
