// Internal to extract/: the body of a plan as the commitment extractors read
// it (outline, targets, deadlines, schedules, responsibilities, tasks).
//
// The canonical text may or may not have its broken lines rejoined (the
// normalizer joins a line that starts in lower case; a .txt converted from a
// PDF often has every printed line, plus blank lines, as in seed 002). So the
// extractors do not trust line ends: they rebuild paragraphs themselves, one
// per structural marker (I., 1., 1.1., a), -, +), and keep for every byte of a
// paragraph the byte it came from in NormalizedText::text, so that a clause cut
// out of a paragraph still has exact provenance. Lines come from lines.h and
// dates from dates.h, as for the header extractors.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/normalized_text.h"
#include "common/record.h"
#include "extract/lines.h"

namespace vanban::extract::internal {

// One non-blank line of SplitLines, cleaned for matching: converter artefacts
// ("[bookmark: _GoBack]"), Markdown emphasis ("**") and control characters
// removed, runs of spaces collapsed. src[i] is the byte of NormalizedText::text that
// text[i] came from.
struct PlanLine {
  std::string text;
  std::vector<size_t> src;
  size_t begin = 0, end = 0;  // the raw line in NormalizedText::text
};

// Every non-empty line, in order; pages are separated by '\f' in the text.
std::vector<PlanLine> PlanLines(const NormalizedText& text);

enum class MarkerKind {
  kNone,
  kRoman,      // "I.", "III.TỔ CHỨC" — Phần/mục
  kNumber,     // "1.", "6.Xây dựng" — khoản
  kSubNumber,  // "1.1.", "2.1" — tiểu mục
  kLetter,     // "a)", "b.", "đ)" — điểm
  kDash,       // "-", "–", "•"
  kPlus,       // "+", "- +"
};

struct Marker {
  MarkerKind kind = MarkerKind::kNone;
  std::string label;  // "II", "2", "2.1", "đ"; empty for bullets
  int value = 0;      // Roman or khoản number; 0 otherwise
  size_t body = 0;    // byte index in the line where the text after the marker starts
  bool ocr_roman = false;  // "IL NỘI DUNG": a Roman numeral whose dot OCR merged ("II." → "IL")
  std::string seen;        // an OCR numeral as read ("IL"); the outline judges it in context
};

// The marker a cleaned line starts with. Pure; patterns compiled once.
Marker ClassifyMarker(std::string_view line);

// Roman numeral "I".."XXXIX" → 1..39; 0 when not a canonical numeral.
int RomanValue(std::string_view roman);

// 1..39 → "I".."XXXIX"; "" otherwise.
std::string RomanNumeral(int value);

// A Roman numeral as OCR misreads it, corrected: l, L, 1 and T are one
// stroke (I); H is two strokes read as one letter ("III" → "HL", "II" → "H") or one
// stroke and its neighbour ("III." → "HIL", "II" → "HH"). "" when no reading
// gives a canonical numeral. A canonical numeral comes back as it is.
std::string OcrRoman(std::string_view seen);

// A paragraph: a line with a marker (or a line that starts a sentence after
// one that ended) and the lines that continue it, joined with single spaces.
struct Paragraph {
  std::string text;
  std::vector<size_t> src;
  size_t first_line_len = 0;  // bytes of text that came from the first line
  Marker marker;
  int first_line = 0, last_line = 0;  // indices into the PlanLine vector
};

std::vector<Paragraph> BuildParagraphs(const std::vector<PlanLine>& lines);

// Index of the first line of an annex or of the closing part ("Nơi nhận",
// "Trên đây là …", "DANH MỤC …", "PHỤ LỤC …", "(Kèm theo Kế hoạch …)") that
// comes after the first Roman heading; lines.size() when there is none.
size_t BodyEndLine(const std::vector<PlanLine>& lines);

// Provenance of text[a, b) of a paragraph.
Span SpanOf(const NormalizedText& text, const Paragraph& p, size_t a, size_t b);

// Clauses of a paragraph's text: cut at ";" and at sentence ends (". " before
// an upper-case letter), but never inside parentheses — a figure in "(10% TTHC
// …; giảm tối thiểu 20% …)" belongs to the whole sentence. Ranges are trimmed
// of spaces; trailing "." ";" "," are not part of a clause.
struct Range {
  size_t begin = 0, end = 0;
};
std::vector<Range> SplitClauses(std::string_view text, size_t from = 0);

// Trims spaces and trailing ". ; , :" (and "./.") from text[r).
Range TrimClause(std::string_view text, Range r);

// First code point of s is an upper-case / lower-case letter.
bool StartsUpper(std::string_view s);
bool StartsLower(std::string_view s);

// The deepest outline node holding byte `offset` of the canonical text: the
// last heading that starts at or before it (the outline is in reading order).
int SectionAt(const Record& record, size_t offset);

}  // namespace vanban::extract::internal
