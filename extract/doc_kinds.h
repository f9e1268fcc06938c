// Internal to extract/: the kinds of văn bản and their abbreviations.
//
// Nghị định 30/2020/NĐ-CP, Phụ lục III lists 27 kinds of administrative
// document (văn bản hành chính), each with the abbreviation used in số và ký
// hiệu ("06/KH-THPTLT": Kế hoạch). Công văn has no name line and no code: its
// number carries only the issuer's codes ("05/BNV-VP"). Cited documents also
// include normative and Party kinds (Nghị định NĐ, Thông tư TT, Kết luận KL,
// Luật, Thông tri), and Thông tư 01/2011/TT-BNV, which Nghị định 30 replaced,
// had a few kinds that older plans still cite (Bản cam kết CK, Giấy chứng nhận
// CN, Giấy đi đường ĐĐ, Giấy biên nhận hồ sơ BN).
//
// Names are matched after folding (no diacritics, lower case), so "KẾ HOẠCH",
// "Kế hoạch" and OCR's "Ke hoach" are one kind. Codes are matched exactly:
// they are mixed case on purpose (QyĐ, CTr, TTr, TTh) and OCR may print Đ as D,
// which is accepted for codes that stay unambiguous ("ND" → NĐ).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::extract::internal {

enum class KindOrigin {
  kAdministrative,  // Nghị định 30/2020, Phụ lục III (and công văn)
  kOldAdministrative,  // Thông tư 01/2011/TT-BNV, not in Nghị định 30
  kCitedOnly,       // normative or Party documents: seen in citations only
};

struct DocKind {
  std::string name;   // "Kế hoạch"
  std::string code;   // "KH"; "CV" for công văn
  KindOrigin origin;
};

// Every kind: the 27 of Phụ lục III, công văn, the old ones, the cited-only ones.
const std::vector<DocKind>& DocKinds();

// By name, any case, with or without diacritics: "KẾ HOẠCH", "ke hoach".
// Also "Công văn" and "Văn bản" (→ CV). nullptr when unknown.
const DocKind* KindByName(std::string_view name);

// By abbreviation: "KH", "QyĐ", "NĐ", "ND" (OCR). nullptr when unknown.
const DocKind* KindByCode(std::string_view code);

// The kind code inside a số và ký hiệu: "06/KH-THPTLT" → "KH",
// "118/2025/NĐ-CP" → "NĐ", "03-NQ/TU" → "NQ", "307-KH" → "KH". Empty when
// no part of the number is a kind code ("05/BNV-VP", "43/SGDĐT": a công văn's
// number, or a code the writer left out).
std::string KindCodeInNumber(std::string_view number);

// The code segments of a number, in order: "118/2025/NĐ-CP" → {"NĐ", "CP"}.
std::vector<std::string> CodeSegments(std::string_view number);

// Folded names of every kind, longest first, as a RE2 alternation
// ("ke hoach|quyet dinh|..."); for patterns run on folded text.
const std::string& FoldedKindAlternation();

}  // namespace vanban::extract::internal
