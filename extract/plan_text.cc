#include "extract/plan_text.h"

#include <re2/re2.h>

#include <algorithm>

#include "common/vietnamese.h"
#include "extract/names.h"

namespace vanban::extract::internal {
namespace {

size_t CodePointLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

std::string_view FirstCodePoint(std::string_view s) {
  if (s.empty()) return s;
  size_t n = CodePointLength(static_cast<unsigned char>(s[0]));
  return s.substr(0, std::min(n, s.size()));
}

// Offset of a capture inside the string it was matched in.
size_t OffsetIn(std::string_view whole, const re2::StringPiece& part) {
  return static_cast<size_t>(part.data() - whole.data());
}

bool EndsSentence(std::string_view text) {
  // Closing quotes and brackets do not end anything themselves: look through them.
  size_t i = text.size();
  while (i > 0) {
    unsigned char c = static_cast<unsigned char>(text[i - 1]);
    if (c == ' ' || c == ')' || c == '"' || c == '\'' || c == '*') {
      --i;
      continue;
    }
    // ” (E2 80 9D) and ’ (E2 80 99)
    if (i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 &&
        static_cast<unsigned char>(text[i - 2]) == 0x80 &&
        (c == 0x9D || c == 0x99)) {
      i -= 3;
      continue;
    }
    return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
  }
  return false;
}

bool IsHeadingMarker(MarkerKind k) {
  return k == MarkerKind::kRoman || k == MarkerKind::kNumber || k == MarkerKind::kSubNumber ||
         k == MarkerKind::kLetter;
}

}  // namespace

bool StartsUpper(std::string_view s) {
  std::string_view cp = FirstCodePoint(s);
  if (cp.empty()) return false;
  return ToLower(cp) != cp;
}

bool StartsLower(std::string_view s) {
  std::string_view cp = FirstCodePoint(s);
  if (cp.empty()) return false;
  return ToUpper(cp) != cp;
}

std::vector<PlanLine> PlanLines(const NormalizedText& nt) {
  const std::string& t = nt.text;
  std::vector<PlanLine> lines;
  size_t start = 0;  // the raw line, untrimmed, for PlanLine::begin/end
  for (const Line& raw : SplitLines(nt)) {
    size_t stop = std::min(t.find_first_of("\n\f", raw.end), t.size());
    PlanLine line;
    line.begin = start;
    line.end = stop;
    start = stop + 1;
    bool pending_space = false;
    for (size_t i = raw.begin; i < raw.end;) {
      // Converter artefacts of DOCX exports: "[bookmark: _GoBack]".
      if (t.compare(i, 10, "[bookmark:") == 0) {
        size_t close = t.find(']', i);
        if (close != std::string::npos && close < stop) {
          i = close + 1;
          continue;
        }
      }
      // Markdown emphasis left by some converters: "**trước ngày 10/3/2026.**".
      if (t.compare(i, 2, "**") == 0) {
        i += 2;
        continue;
      }
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\v') {
        pending_space = true;
        ++i;
        continue;
      }
      if (c == 0xC2 && i + 1 < stop && static_cast<unsigned char>(t[i + 1]) == 0xA0) {  // NBSP
        pending_space = true;
        i += 2;
        continue;
      }
      if (pending_space && !line.text.empty()) {
        line.text.push_back(' ');
        line.src.push_back(i);
      }
      pending_space = false;
      line.text.push_back(t[i]);
      line.src.push_back(i);
      ++i;
    }
    if (!line.text.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

namespace {
const char* const kNumerals[] = {
    "",    "I",    "II",    "III",    "IV",    "V",    "VI",    "VII",    "VIII",    "IX",
    "X",   "XI",   "XII",   "XIII",   "XIV",   "XV",   "XVI",   "XVII",   "XVIII",   "XIX",
    "XX",  "XXI",  "XXII",  "XXIII",  "XXIV",  "XXV",  "XXVI",  "XXVII",  "XXVIII",  "XXIX",
    "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX"};
}  // namespace

std::string RomanNumeral(int value) { return value > 0 && value < 40 ? kNumerals[value] : ""; }

int RomanValue(std::string_view r) {
  for (int v = 1; v < 40; ++v)
    if (r == kNumerals[v]) return v;
  return 0;
}

std::string OcrRoman(std::string_view seen) {
  auto strokes = [seen](const char* h) {
    std::string fixed;
    for (char ch : seen) {
      if (ch == 'l' || ch == 'L' || ch == '1' || ch == 'T') fixed += 'I';
      else if (ch == 'H') fixed += h;
      else fixed += ch;
    }
    return fixed;
  };
  for (const char* h : {"II", "I"}) {
    std::string fixed = strokes(h);
    if (RomanValue(fixed) > 0) return fixed;
  }
  return std::string();
}

Marker ClassifyMarker(std::string_view line) {
  static const RE2 kRoman(R"(^([IVX]{1,6})\.\s*(\S))");
  // OCR reads "II." as "IL" or "Il" (the dot joins the last stroke), "III" as
  // "HI" or "HL", "I." as "L." or "IL.", "I" as "l" or "1", and the dot as
  // ":", ",", "-" or nothing; only accepted when followed by an upper-case
  // word, and the outline accepts it only where the numeral is the next one
  // expected.
  static const RE2 kOcrRoman(R"(^([IVXlLH1]{1,6})(?:[.:,-]\s*|\s+)(\p{Lu}))");
  static const RE2 kSubNumber(R"(^(\d{1,2}(?:\.\d{1,2})+)(?:\.\s*|\s+)(\S))");
  static const RE2 kNumber(R"(^(\d{1,2})\.(\s*)(\S))");
  // Điểm: the Vietnamese alphabet has no f, j, w, z.
  static const RE2 kLetter(R"(^([a-eg-ik-vxyđ])\s?[\)\.]\s*(\S))");
  static const RE2 kPlus(R"(^(?:[-–—•]\s*)?\+\s*)");
  static const RE2 kDash(R"(^[-–—•]\s*)");

  Marker m;
  re2::StringPiece in(line.data(), line.size());
  re2::StringPiece a, b, c;
  if (RE2::PartialMatch(in, kRoman, &a, &b) && RomanValue(std::string_view(a.data(), a.size())) > 0) {
    m.kind = MarkerKind::kRoman;
    m.label = std::string(a.data(), a.size());
    m.value = RomanValue(m.label);
    m.body = OffsetIn(line, b);
    return m;
  }
  if (RE2::PartialMatch(in, kOcrRoman, &a, &b)) {
    const std::string seen(a.data(), a.size());
    const bool confused = seen.find_first_of("lL1H") != std::string::npos;
    const std::string fixed = OcrRoman(seen);
    const int v = RomanValue(fixed);
    bool digit_only = seen.find_first_not_of('1') == std::string::npos;  // "1 Cải cách": a number
    // "II NHIỆM VỤ": the dot lost, the strokes right; only on a heading in
    // capitals, where a bare numeral can mean nothing else.
    const bool dot_lost = !confused && IsCapitals(line.substr(OffsetIn(line, b)));
    if ((confused || dot_lost) && !digit_only && v > 0) {
      m.kind = MarkerKind::kRoman;
      m.label = fixed;
      m.value = v;
      m.body = OffsetIn(line, b);
      m.ocr_roman = true;
      m.seen = seen;
      return m;
    }
  }
  if (RE2::PartialMatch(in, kSubNumber, &a, &b)) {
    m.kind = MarkerKind::kSubNumber;
    m.label = std::string(a.data(), a.size());
    m.body = OffsetIn(line, b);
    return m;
  }
  if (RE2::PartialMatch(in, kNumber, &a, &b, &c)) {
    // "10.000 người" is a number, not khoản 10: without a space the next
    // character must be a letter.
    bool digit_follows = b.empty() && c.size() > 0 && c[0] >= '0' && c[0] <= '9';
    if (!digit_follows) {
      m.kind = MarkerKind::kNumber;
      m.label = std::string(a.data(), a.size());
      m.value = std::stoi(m.label);
      m.body = OffsetIn(line, c);
      return m;
    }
  }
  if (RE2::PartialMatch(in, kLetter, &a, &b)) {
    m.kind = MarkerKind::kLetter;
    m.label = std::string(a.data(), a.size());
    m.body = OffsetIn(line, b);
    return m;
  }
  re2::StringPiece rest = in;
  if (RE2::Consume(&rest, kPlus)) {
    m.kind = MarkerKind::kPlus;
    m.body = OffsetIn(line, rest);
    return m;
  }
  rest = in;
  if (RE2::Consume(&rest, kDash)) {
    m.kind = MarkerKind::kDash;
    m.body = OffsetIn(line, rest);
    return m;
  }
  return m;
}

std::vector<Paragraph> BuildParagraphs(const std::vector<PlanLine>& lines) {
  static const RE2 kPageNumber(R"(^\d{1,3}$)");
  std::vector<Paragraph> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const PlanLine& line = lines[i];
    // A lone number is a page number (or an OCR crumb), never text.
    if (RE2::FullMatch(line.text, kPageNumber)) continue;
    Marker m = ClassifyMarker(line.text);
    bool start_new = out.empty() || m.kind != MarkerKind::kNone;
    if (!start_new) {
      const Paragraph& prev = out.back();
      bool ended = EndsSentence(prev.text);
      if (IsHeadingMarker(prev.marker.kind) && prev.first_line == prev.last_line && !ended) {
        // "1. Mục tiêu" then "Tổ chức các đơn vị …": a title and its body.
        // "1. Tập trung đẩy mạnh … Chương trình" then "tổng thể CCHC …": one sentence.
        start_new = !StartsLower(line.text);
      } else if (ended) {
        start_new = !StartsLower(line.text);
      }
    }
    if (start_new) {
      Paragraph p;
      p.text = line.text;
      p.src = line.src;
      p.first_line_len = line.text.size();
      p.marker = m;
      p.first_line = p.last_line = static_cast<int>(i);
      out.push_back(std::move(p));
    } else {
      Paragraph& p = out.back();
      p.text.push_back(' ');
      p.src.push_back(line.src.front());
      p.text += line.text;
      p.src.insert(p.src.end(), line.src.begin(), line.src.end());
      p.last_line = static_cast<int>(i);
    }
  }
  return out;
}

size_t BodyEndLine(const std::vector<PlanLine>& lines) {
  static const RE2 kEnd(R"(^(?i:Nơi nhận|Trên đây là)|^(?:DANH MỤC|PHỤ LỤC)(?:\s|$)|^\(?(?:Ban hành )?[Kk]èm theo)");
  size_t first_roman = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    Marker m = ClassifyMarker(lines[i].text);
    if (m.kind == MarkerKind::kRoman && m.value == 1) {
      first_roman = i;
      break;
    }
  }
  size_t from = first_roman == lines.size() ? 0 : first_roman;
  for (size_t i = from; i < lines.size(); ++i)
    if (RE2::PartialMatch(lines[i].text, kEnd)) return i;
  return lines.size();
}

Span SpanOf(const NormalizedText& nt, const Paragraph& p, size_t a, size_t b) {
  Span s;
  if (p.src.empty()) return s;
  if (a >= p.src.size()) a = p.src.size() - 1;
  if (b == 0) b = 1;
  if (b > p.src.size()) b = p.src.size();
  s.begin = p.src[a];
  s.end = p.src[b - 1] + 1;
  // Extend to the end of the last code point.
  while (s.end < nt.text.size() && (static_cast<unsigned char>(nt.text[s.end]) & 0xC0) == 0x80) ++s.end;
  s.page = nt.PageAt(s.begin);
  return s;
}

Range TrimClause(std::string_view t, Range r) {
  auto is_tail = [&](size_t e) {
    char c = t[e - 1];
    if (c == ' ' || c == '.' || c == ';' || c == ',' || c == ':') return true;
    // "./." closes a document.
    return c == '/' && e >= 2 && t[e - 2] == '.';
  };
  while (r.begin < r.end && (t[r.begin] == ' ')) ++r.begin;
  while (r.end > r.begin && is_tail(r.end)) --r.end;
  return r;
}

std::vector<Range> SplitClauses(std::string_view t, size_t from) {
  // Parentheses that close: a figure inside them stays with the whole sentence.
  std::vector<int> depth_delta(t.size() + 1, 0);
  std::vector<size_t> open;
  for (size_t i = from; i < t.size(); ++i) {
    if (t[i] == '(') open.push_back(i);
    if (t[i] == ')' && !open.empty()) {
      depth_delta[open.back()] += 1;
      depth_delta[i] -= 1;
      open.pop_back();
    }
  }
  std::vector<Range> out;
  auto emit = [&](size_t a, size_t b) {
    Range r = TrimClause(t, Range{a, b});
    if (r.end > r.begin) out.push_back(r);
  };
  int depth = 0;
  size_t start = from;
  for (size_t i = from; i < t.size(); ++i) {
    depth += depth_delta[i];
    if (depth > 0) continue;
    char c = t[i];
    if (c == ';') {
      emit(start, i);
      start = i + 1;
    } else if (c == '.' || c == '!' || c == '?') {
      size_t j = i + 1;
      while (j < t.size() && (t[j] == '/' || t[j] == '.')) ++j;  // "./."
      if (j < t.size() && t[j] != ' ') continue;                  // "9001.2015", "đ/c"
      while (j < t.size() && t[j] == ' ') ++j;
      if (j >= t.size() || StartsUpper(t.substr(j)) || t[j] == '-' || t[j] == '+') {
        emit(start, i);
        start = j;
        i = j - 1;
      }
    }
  }
  emit(start, t.size());
  return out;
}

int SectionAt(const Record& record, size_t offset) {
  int best = -1;
  for (size_t i = 0; i < record.outline.size(); ++i) {
    if (record.outline[i].where.begin <= offset) best = static_cast<int>(i);
    else break;
  }
  return best;
}

}  // namespace vanban::extract::internal
