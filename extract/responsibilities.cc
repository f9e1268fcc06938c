// Tổ chức thực hiện: who does what.
//
// The last mục of a plan assigns its work to units, as khoản — "1. Ban giám
// hiệu", "3. Văn phòng", "1. Trách nhiệm của Hiệu trưởng." — each followed by
// its duties as bullets, or on the heading line itself after a dash or colon
// ("1. Ban giám hiệu – Chủ trì …"). Small plans skip the khoản and put the unit
// at the head of a bullet: "- Hiệu trưởng nhà trường có trách nhiệm triển khai …".
#include <re2/re2.h>

#include "common/vietnamese.h"
#include "extract/parts.h"
#include "extract/plan_text.h"

namespace vanban::extract::internal {
namespace {

std::string StripBullet(const Paragraph& p) {
  return std::string(TrimSpaces(std::string_view(p.text).substr(p.marker.body)));
}

}  // namespace

void ExtractResponsibilities(const NormalizedText& text, Record* record) {
  static const RE2 kPart(R"((?i)tổ chức thực hiện)");
  static const RE2 kUnitHead(R"(^(?:(?i:trách nhiệm của)\s+)?(.+?)(?:\s+[–—-]\s+|\s*:\s+)(.+)$)");
  static const RE2 kUnitInBullet(
      R"(^(\p{Lu}[^,;:]{2,60}?)\s+(?:có trách nhiệm|chịu trách nhiệm|chủ trì|phối hợp|tham mưu)(?:\s|$|[,.:]))");
  static const RE2 kTrachNhiem(R"(^(?i:trách nhiệm của)\s+)");

  int part = -1;
  for (size_t i = 0; i < record->outline.size(); ++i) {
    const Section& s = record->outline[i];
    if (s.level == 1 && RE2::PartialMatch(s.heading, kPart)) part = static_cast<int>(i);
  }
  if (part < 0) return;
  size_t part_begin = record->outline[part].where.begin;
  size_t part_end = std::string::npos;
  for (size_t i = part + 1; i < record->outline.size(); ++i)
    if (record->outline[i].level == 1) {
      part_end = record->outline[i].where.begin;
      break;
    }

  std::vector<PlanLine> lines = PlanLines(text);
  std::vector<Paragraph> paras = BuildParagraphs(lines);
  const int end_line = static_cast<int>(BodyEndLine(lines));

  // Paragraphs of the part, in order.
  std::vector<const Paragraph*> in_part;
  for (const Paragraph& p : paras) {
    if (p.first_line >= end_line || p.src.empty()) continue;
    if (p.src.front() <= part_begin) continue;
    if (part_end != std::string::npos && p.src.front() >= part_end) break;
    in_part.push_back(&p);
  }

  bool has_khoan = false;
  for (const Paragraph* p : in_part) has_khoan |= p->marker.kind == MarkerKind::kNumber;

  if (has_khoan) {
    Responsibility* current = nullptr;
    for (const Paragraph* p : in_part) {
      if (p->marker.kind == MarkerKind::kNumber) {
        Responsibility r;
        std::string head = StripBullet(*p);
        std::string unit, first_duty;
        if (RE2::FullMatch(head, kUnitHead, &unit, &first_duty)) {
          r.unit = unit;
          r.duties = first_duty;
        } else {
          r.unit = head;
          RE2::Replace(&r.unit, kTrachNhiem, "");
        }
        Range u = TrimClause(r.unit, Range{0, r.unit.size()});
        r.unit = r.unit.substr(u.begin, u.end - u.begin);
        r.where = SpanOf(text, *p, 0, p->text.size());
        record->responsibilities.push_back(std::move(r));
        current = &record->responsibilities.back();
        continue;
      }
      if (current == nullptr) continue;
      if (!current->duties.empty()) current->duties += '\n';
      current->duties += StripBullet(*p);
      current->where.end = SpanOf(text, *p, 0, p->text.size()).end;
    }
    return;
  }

  for (const Paragraph* p : in_part) {
    std::string body = StripBullet(*p);
    std::string unit;
    if (!RE2::PartialMatch(body, kUnitInBullet, &unit)) continue;
    Responsibility r;
    r.unit = std::string(TrimSpaces(unit));
    r.duties = body;
    r.where = SpanOf(text, *p, 0, p->text.size());
    record->responsibilities.push_back(std::move(r));
  }
}

}  // namespace vanban::extract::internal
