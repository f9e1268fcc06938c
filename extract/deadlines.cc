// Dated deadlines and recurring schedules.
//
// A deadline is a date with a bound word in front of it — "trước ngày
// 10/3/2026", "chậm nhất ngày 15 tháng 3 năm 2024", "Gửi trước ngày 01/06/2023".
// A bare date is not one: the legal basis ("Kế hoạch số 381/KH-SGDĐT ngày
// 16/01/2026") and the date line are full of dates that promise nothing. The
// deadline's text is the clause that holds it; when the clause carries an
// earlier duty joined by "và" ("… có chỉ tiêu nhiệm vụ rõ ràng và gửi Kế hoạch
// về Phòng GDĐT (đ/c Phúc) trước ngày 25/02/2023"), the text starts at the verb
// of the dated duty.
//
// Recurring obligations ("Định kỳ (quý I, 06 tháng, quý III, năm) … báo cáo",
// "định kỳ hằng tháng báo cáo", "trước ngày 15 hằng tháng") have no date: they
// are schedules. "hằng năm" alone is only a schedule next to a duty (báo cáo,
// gửi, công khai, đánh giá …): "dự toán ngân sách hằng năm" is not one.
//
// Task-table rows with a dated "Thời gian" cell become deadlines in tasks.cc.
#include <re2/re2.h>

#include <set>

#include "common/vietnamese.h"
#include "extract/dates.h"
#include "extract/parts.h"
#include "extract/plan_text.h"

namespace vanban::extract::internal {
namespace {

std::optional<Schedule> ScheduleIn(std::string_view clause) {
  static const RE2 kDayOfMonth(R"((?i)(?:trước|vào)\s+ngày\s+(\d{1,2})\s+(?:hằng|hàng|mỗi)\s+tháng)");
  static const RE2 kEvery(R"((?i)(?:hằng|hàng|mỗi)\s+(ngày|tuần|tháng|quý|năm))");
  static const RE2 kPeriodic(R"((?i)định kỳ(.{0,60}))");
  static const RE2 kDuty(R"((?i)báo cáo|gửi|nộp|công khai|đánh giá|kiểm tra|cập nhật|tổng hợp|giao ban)");
  static const RE2 kQuarter(R"((?i)quý)");
  static const RE2 kHalfYear(R"((?i)(?:0?6|sáu)\s+tháng)");
  static const RE2 kMonth(R"((?i)tháng)");
  static const RE2 kYear(R"((?i)năm)");

  re2::StringPiece in(clause.data(), clause.size());
  Schedule s;
  int day = 0;
  std::string unit, tail;
  auto period_of_unit = [](const std::string& u) -> std::string {
    std::string l = ToLower(u);
    if (l == "ngày") return "daily";
    if (l == "tuần") return "weekly";
    if (l == "tháng") return "monthly";
    if (l == "quý") return "quarterly";
    return "yearly";
  };
  if (RE2::PartialMatch(in, kDayOfMonth, &day)) {
    s.period = "monthly";
    s.day = day;
  } else if (RE2::PartialMatch(in, kPeriodic, &tail)) {
    re2::StringPiece t(tail);
    std::string every;
    if (RE2::PartialMatch(t, kEvery, &every)) s.period = period_of_unit(every);
    else if (RE2::PartialMatch(t, kQuarter)) s.period = "quarterly";
    else if (RE2::PartialMatch(t, kHalfYear)) s.period = "half-yearly";
    else if (RE2::PartialMatch(t, kMonth)) s.period = "monthly";
    else if (RE2::PartialMatch(t, kYear)) s.period = "yearly";
    else s.period = "periodic";
  } else if (RE2::PartialMatch(in, kEvery, &unit) && RE2::PartialMatch(in, kDuty)) {
    s.period = period_of_unit(unit);
  } else {
    return std::nullopt;
  }
  s.text = std::string(clause);
  return s;
}

}  // namespace

void ExtractDeadlines(const NormalizedText& text, Record* record) {
  // The bound word right before a date (FindDates gives the date itself).
  static const RE2 kCue(
      R"((?i)(?:^|[\s(:])((?:trước|chậm nhất|hạn chót|hạn cuối|không muộn hơn|đến hết|trong)\s+(?:(?:là|vào|ngày)\s+)*)$)");
  // "… rõ ràng và gửi Kế hoạch về …": where the dated duty starts.
  static const RE2 kDutyVerb(R"((?i)(?:\svà|,)\s+((?:gửi|nộp|trình|hoàn thành|ban hành|báo cáo)\s))");
  static const RE2 kRangeStart(R"((?i)(?:^|\s)từ\s+(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*$)");
  static const RE2 kWhatTail(R"((?i)(?:\s*:?\s*(?:gửi|nộp)?\s*:?\s*)$)");

  std::vector<PlanLine> lines = PlanLines(text);
  std::vector<Paragraph> paras = BuildParagraphs(lines);
  const int end_line = static_cast<int>(BodyEndLine(lines));
  std::set<std::pair<std::string, std::string>> seen;

  for (const Paragraph& p : paras) {
    if (p.first_line >= end_line) break;
    for (Range r : SplitClauses(p.text, p.marker.body)) {
      std::string_view clause(p.text.data() + r.begin, r.end - r.begin);
      bool any = false;
      for (const FoundDate& date : FindDates(clause)) {
        re2::StringPiece cue;
        if (!RE2::PartialMatch(re2::StringPiece(clause.data(), date.begin), kCue, &cue)) continue;
        any = true;
        size_t cue_at = static_cast<size_t>(cue.data() - clause.data());
        // "từ ngày 15/12/2025 đến hết ngày 14/3/2026" is a period (số liệu báo cáo), not a deadline.
        if (RE2::PartialMatch(re2::StringPiece(clause.data(), cue_at), kRangeStart)) continue;
        size_t from = 0;
        re2::StringPiece head(clause.data(), cue_at), verb;
        while (RE2::FindAndConsume(&head, kDutyVerb, &verb))
          from = static_cast<size_t>(verb.data() - clause.data());
        // A second deadline in the same clause starts after the first one.
        Range piece = TrimClause(p.text, Range{r.begin + from, r.end});
        Deadline d;
        d.text = p.text.substr(piece.begin, piece.end - piece.begin);
        d.date = date.iso;
        std::string what(clause.substr(from, cue_at - from));
        RE2::Replace(&what, kWhatTail, "");
        d.what = std::string(TrimSpaces(what));
        d.where = SpanOf(text, p, r.begin + from, r.begin + date.end);
        d.section = SectionAt(*record, d.where.begin);
        if (seen.insert({d.text, d.date}).second) record->deadlines.push_back(std::move(d));
      }
      if (any) continue;
      if (std::optional<Schedule> s = ScheduleIn(clause)) {
        s->where = SpanOf(text, p, r.begin, r.end);
        s->section = SectionAt(*record, s->where.begin);
        record->schedules.push_back(std::move(*s));
      }
    }
  }
}

}  // namespace vanban::extract::internal
