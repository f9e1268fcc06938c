// Internal to extract/: documents cited by số và ký hiệu, wherever they are.
//
// A citation in a plan reads "<kind> số <number> ngày <date> của <issuer>"
// ("Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai về ..."),
// with every part but the number optional: "Quyết định 280/QĐ-UBND" (no số),
// "Nghị quyết số 03-NQ/TU của ..." (no date), "Công văn hướng dẫn số: ...".
// The issuer may also come before ("quy định của Thành ủy tại Quyết định số
// ..."), or be shared by a list ("Nghị định số 62/2020/NĐ-CP ngày 01/6/2020 và
// Nghị định số 106/2020/NĐ-CP ngày 10/9/2020 của Chính phủ"). An annex
// heading "(Ban hành) kèm theo Kế hoạch số: 38/KH-... ngày ..." names the
// document itself and is marked `self`.
//
// The text is read flattened (line breaks as spaces), so a citation broken
// over lines is found whole; offsets are mapped back to NormalizedText::text.
// Tolerant of missing diacritics ("Ke hoach so ... ngay ... cua").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/normalized_text.h"
#include "common/record.h"

namespace vanban::extract::internal {

struct Citation {
  std::string type;                   // kind code: "KH", "NĐ", "CV", ...
  std::string kind_word;              // as printed before the number, "" when none
  std::string number;                 // spaces removed: "502/SNV-CCHC&VTLT"
  std::optional<std::string> date;    // ISO
  std::optional<std::string> issuer;  // "Sở GD&ĐT Đồng Nai"
  bool self = false;                  // "kèm theo <kind> số ...": the document itself
  Span where;                         // the number
  Span date_where;
  Span issuer_where;
  Span whole;                         // kind word (or number) to the end of date/issuer
};

// Every citation, in order of appearance (repeats included).
std::vector<Citation> FindCitations(const NormalizedText& text);

// A số và ký hiệu alone: "06/KH-THPTLT", "118/2025/NĐ-CP", "03-NQ/TU",
// "502/SNV- CCHC&VTLT" (returned without spaces). nullopt when `s` does not
// start with one.
std::optional<std::string> ParseNumber(std::string_view s);

// The issuing body named by a number's last code when nothing else names it:
// "…/NĐ-CP" → "Chính phủ", "…/QĐ-TTg" → "Thủ tướng Chính phủ", "…/QH13" →
// "Quốc hội" (Nghị định 30/2020, Phụ lục VI: national bodies' codes).
std::optional<std::string> IssuerFromCode(std::string_view number);

}  // namespace vanban::extract::internal
