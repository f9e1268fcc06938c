// Section tree of a plan's body.
//
// A plan's body (Nghị định 30/2020, Phụ lục I: "phần, mục, khoản, điểm") is
// numbered Phần/mục "I.", "II." (sometimes with no space: "III.TỔ CHỨC THỰC
// HIỆN"), khoản "1.", tiểu mục "1.1.", điểm "a)" in Vietnamese alphabet order
// (a b c d đ e g h …), then bullets "-" and "+". The outline starts at mục I —
// numbered lines in the legal-basis block above it are not headings — and stops
// at the closing part (Nơi nhận, "Trên đây là …") or an annex, so that the rows
// "1.", "2." of an annex table are not taken for khoản. Roman numerals must come
// in order: a lone "VII" line before an annex (seed 003) or a table's group
// row "II Cải cách thể chế" cannot open a section.
#include <re2/re2.h>

#include "extract/parts.h"
#include "extract/plan_text.h"

namespace vanban::extract::internal {
namespace {

int LevelOf(const Paragraph& p) {
  switch (p.marker.kind) {
    case MarkerKind::kRoman: return 1;
    case MarkerKind::kNumber: return 2;
    case MarkerKind::kSubNumber: {
      int dots = 0;
      for (char c : p.marker.label) dots += c == '.';
      return 2 + dots;  // "1.1" → 3, "1.1.1" → 4
    }
    case MarkerKind::kLetter: return 4;
    // A bullet is a heading only when it introduces a list of its own
    // ("- Đổi mới, nâng cao chất lượng, hiệu quả thực thi pháp luật:").
    case MarkerKind::kDash: return p.text.size() > 1 && p.text.back() == ':' ? 5 : 0;
    case MarkerKind::kPlus: return p.text.size() > 1 && p.text.back() == ':' ? 6 : 0;
    case MarkerKind::kNone: return 0;
  }
  return 0;
}

// A heading in capitals: no lower-case letter.
bool IsCapitals(std::string_view s) {
  bool letter = false;
  for (size_t i = 0; i < s.size();) {
    std::string_view rest = s.substr(i);
    if (StartsLower(rest)) return false;
    letter |= StartsUpper(rest);
    unsigned char c = static_cast<unsigned char>(s[i]);
    i += c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  }
  return letter;
}

// OCR loses or merges strokes of a numeral: "II." is read "I.", "III" "HL",
// "HI" or "HIL" (H = one or two strokes, the period read as L). A numeral fits
// the expected one when its strokes, H as I or II and l/L/1 as I, are a
// subsequence of the expected numeral's.
bool StrokesFit(std::string_view seen, std::string_view want) {
  if (seen.empty()) return true;
  const char c = seen[0];
  if (c == 'H') {
    for (std::string_view as : {"II", "I"}) {
      const std::string expanded = std::string(as) + std::string(seen.substr(1));
      if (StrokesFit(expanded, want)) return true;
    }
    return false;
  }
  const char stroke = (c == 'l' || c == 'L' || c == '1') ? 'I' : c;
  const size_t at = want.find(stroke);
  return at != std::string_view::npos && StrokesFit(seen.substr(1), want.substr(at + 1));
}

// A trailing l/L may be the period read as a stroke ("I." → "IL.").
bool RomanFits(const std::string& seen, int expected) {
  const std::string want = RomanNumeral(expected);
  if (want.empty() || seen.empty()) return false;
  if (StrokesFit(seen, want)) return true;
  const char last = seen.back();
  return seen.size() > 1 && (last == 'l' || last == 'L') && StrokesFit(seen.substr(0, seen.size() - 1), want);
}

// The numeral a Roman marker was read as: OCR's letters when it guessed.
const std::string& SeenNumeral(const Marker& m) { return m.ocr_roman && !m.seen.empty() ? m.seen : m.label; }

// Phần I: "I." as printed, or an OCR misreading of it ("L.", "IL.") on a
// heading in capitals.
bool OpensOutline(const Paragraph& p) {
  if (p.marker.kind != MarkerKind::kRoman) return false;
  if (!p.marker.ocr_roman) return p.marker.value == 1;
  std::string_view body = std::string_view(p.text).substr(p.marker.body, p.first_line_len - p.marker.body);
  return IsCapitals(body) && RomanFits(p.marker.seen, 1);
}

}  // namespace

void ExtractOutline(const NormalizedText& text, Record* record) {
  std::vector<PlanLine> lines = PlanLines(text);
  std::vector<Paragraph> paras = BuildParagraphs(lines);
  const int end_line = static_cast<int>(BodyEndLine(lines));

  size_t start = paras.size();
  for (size_t i = 0; i < paras.size(); ++i) {
    if (OpensOutline(paras[i])) {
      start = i;
      break;
    }
  }
  if (start == paras.size()) {
    // No Phần/mục: the body starts at khoản 1.
    for (size_t i = 0; i < paras.size(); ++i) {
      if (paras[i].marker.kind == MarkerKind::kNumber && paras[i].marker.value == 1) {
        start = i;
        break;
      }
    }
  }

  int next_roman = 1;
  std::vector<int> open;  // indices into record->outline, shallow to deep
  for (size_t i = start; i < paras.size() && paras[i].first_line < end_line; ++i) {
    Paragraph p = paras[i];
    // OCR puts scanner dirt before a heading ("— HL NHIỆM VỤ, GIẢI PHÁP"): a
    // bullet whose text is a capitals heading with the next numeral is one.
    if (p.marker.kind == MarkerKind::kDash) {
      std::string_view body = std::string_view(p.text).substr(p.marker.body, p.first_line_len - p.marker.body);
      Marker inner = ClassifyMarker(body);
      if (inner.kind == MarkerKind::kRoman && IsCapitals(body.substr(inner.body)) &&
          RomanFits(SeenNumeral(inner), next_roman)) {
        inner.body += p.marker.body;
        p.marker = inner;
        p.marker.ocr_roman = true;
      }
    }
    int level = LevelOf(p);
    if (level == 0) continue;
    bool relabel = p.marker.ocr_roman;
    if (level == 1) {
      // In order; one numeral may be skipped by a printing slip, never for OCR guesses.
      bool in_order = p.marker.value == next_roman || (!p.marker.ocr_roman && p.marker.value == next_roman + 1);
      if (!in_order) {
        std::string_view body = std::string_view(p.text).substr(p.marker.body, p.first_line_len - p.marker.body);
        if (!IsCapitals(body) || !RomanFits(SeenNumeral(p.marker), next_roman)) continue;
        p.marker.value = next_roman;
        p.marker.label = RomanNumeral(next_roman);
        relabel = true;
      }
      next_roman = p.marker.value + 1;
    }
    Section s;
    s.level = level;
    s.label = p.marker.label;
    size_t heading_len = p.first_line_len;
    if (level >= 5) {
      s.heading = p.text.substr(p.marker.body);
      heading_len = p.text.size();
    } else if (relabel) {
      s.heading = s.label + ". " + p.text.substr(p.marker.body, p.first_line_len - p.marker.body);
    } else {
      s.heading = p.text.substr(0, p.first_line_len);
    }
    if (level == 1) {
      // OCR dirt after a heading: "IV. TỔ CHỨC THỰC HIỆN -", "… HIỆN• •", a
      // speck read as a colon apart from the word ("YÊU CẦU :"; a printed
      // colon sits on the word, and goes only with dirt after it: seed 001's
      // text layer "… THỰC HIỆN: *").
      static const RE2 kTailDirt(R"((?:[:;]?\s*(?:[-|_~*+]|•|·|»|«)|\s+[:;,.])+\s*$)");
      RE2::Replace(&s.heading, kTailDirt, "");
    }
    s.where = SpanOf(text, p, level >= 5 ? p.marker.body : 0, heading_len);
    while (!open.empty() && record->outline[open.back()].level >= level) open.pop_back();
    s.parent = open.empty() ? -1 : open.back();
    record->outline.push_back(std::move(s));
    open.push_back(static_cast<int>(record->outline.size()) - 1);
  }
}

}  // namespace vanban::extract::internal
