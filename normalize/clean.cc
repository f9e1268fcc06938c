#include "normalize/clean.h"

#include <re2/re2.h>

#include "normalize/syllable.h"
#include "normalize/utf8.h"

namespace vanban::normalize::internal {
namespace {

bool IsInvisible(char32_t c) {
  if (c < 0x20) return c != '\n' && c != '\t';
  if (c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;  // DEL, C1 controls
  switch (c) {
    case 0x00AD:                                  // soft hyphen
    case 0x034F:                                  // combining grapheme joiner
    case 0x180E:                                  // Mongolian vowel separator
    case 0x200B: case 0x200C: case 0x200D:        // zero-width space / (non-)joiner
    case 0x200E: case 0x200F:                     // LRM, RLM
    case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:
    case 0xFEFF:                                  // BOM / zero-width no-break space
      return true;
    default:
      break;
  }
  if (c >= 0x202A && c <= 0x202E) return true;  // bidi embeddings and overrides
  if (c >= 0x2066 && c <= 0x2069) return true;  // bidi isolates
  if (c >= 0xFFF9 && c <= 0xFFFB) return true;  // interlinear annotation
  return false;
}

bool IsSpaceLike(char32_t c) {
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0x1680;
}

// Word's Symbol / Wingdings bullets land in the private-use area when the
// font is not embedded (U+F0B7 is Symbol's "•").
bool IsSymbolFontBullet(char32_t c) {
  switch (c) {
    case 0xF0B7: case 0xF0A7: case 0xF0D8: case 0xF0FC: case 0xF076:
    case 0xF0E0: case 0xF06C: case 0xF06E: case 0xF0A8: case 0xF0D7:
      return true;
    default:
      return false;
  }
}

struct ArtefactPatterns {
  RE2 bookmark{R"(\[bookmark: [^\]\n]*\])"};
  // The same printed and OCR'd: the closing bracket read as a letter or a
  // bar glued to the next word ("[bookmark: bookmark25TTỷ lệ" on a scan).
  RE2 ocr_bookmark{R"(\[bookmark: ?(?:bookmark|_Hlk|_Toc)\d+[\]TlI1|])"};
  RE2 anchor{R"(\[\]\{#[^}\n]*\})"};
  RE2 span_class{R"(\[([^\]\n]*)\]\{\.[A-Za-z-]+\})"};
  RE2 bold{R"(\*\*([^*\n]+)\*\*)"};
};
const ArtefactPatterns& Artefacts() {
  static const ArtefactPatterns* p = new ArtefactPatterns;
  return *p;
}

struct ColumnPatterns {
  // "Hải Phòng, ngày 25 tháng 01 năm 2024", "Hà Nội, ngày   tháng   năm 2024".
  RE2 date_line{R"(^[^,]{2,40}, ngày\b.*\btháng\b)"};
  RE2 motto{R"(^Độc lập\s*[-–])"};
  RE2 left_opens{R"(^(?:Nơi nhận|NƠI NHẬN|Số|SỐ)\s*:)"};
  RE2 recipient_item{R"(^[-–+•])"};
  // A person's name: 2–5 capitalised words (Nguyễn Văn Hãnh, Vi Hữu Tài).
  RE2 name{R"(^\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){1,4}$)"};
  // "Nơi nhận: HIỆU TRƯỞNG" with a single space, as a PDF text layer gives
  // the two columns once the gap is gone.
  RE2 recipients_and_title{R"(^((?:Nơi nhận|NƠI NHẬN)\s*:)\s*(\S.*)$)"};
};
const ColumnPatterns& Columns() {
  static const ColumnPatterns* p = new ColumnPatterns;
  return *p;
}

bool IsSingleLetterToken(std::string_view tok, bool* upper) {
  if (tok.empty()) return false;
  size_t i = 0;
  char32_t cp = NextCodePoint(tok, i);
  if (!IsLetter(cp)) return false;
  while (i < tok.size()) {
    if (!IsCombiningMark(NextCodePoint(tok, i))) return false;
  }
  *upper = IsUpperLetter(cp);
  return true;
}

}  // namespace

std::string CleanCharacters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = text[i];
    if (b >= 0x20 && b < 0x7F) {  // printable ASCII: the common case
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    char32_t c = NextCodePoint(text, i);
    if (c == '\r') {
      if (i < text.size() && text[i] == '\n') ++i;
      out += '\n';
    } else if (c == '\f' || c == 0x0B || c == 0x85 || c == 0x2028 || c == 0x2029) {
      out += '\n';
    } else if (IsInvisible(c)) {
      continue;
    } else if (IsSpaceLike(c)) {
      out += ' ';
    } else if (c >= 0xFB00 && c <= 0xFB06) {
      // Latin ligatures from PDF text layers ("ﬁ" in "proﬁle", "Wiﬁ").
      static const char* const kLigatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
      out += kLigatures[c - 0xFB00];
    } else if (IsSymbolFontBullet(c)) {
      out += "•";
    } else if (c >= 0xE000 && c <= 0xF8FF) {
      continue;  // other private-use glyphs: font symbols with no meaning here
    } else {
      AppendUtf8(out, c);
    }
  }
  return out;
}

std::string RemoveConverterArtefacts(std::string_view text) {
  std::string s(text);
  if (s.find('[') == std::string::npos && s.find("**") == std::string::npos) return s;
  const ArtefactPatterns& p = Artefacts();
  RE2::GlobalReplace(&s, p.bookmark, "");
  RE2::GlobalReplace(&s, p.ocr_bookmark, "");
  RE2::GlobalReplace(&s, p.anchor, "");
  RE2::GlobalReplace(&s, p.span_class, "\\1");
  RE2::GlobalReplace(&s, p.bold, "\\1");
  return s;
}

std::string MendQuarterNumerals(std::string_view text) {
  // "quý" (or unaccented "quy"), spaces, a numeral of OCR strokes, then no
  // letter or digit.
  // Not "1": "quý 1/2026" is how many write the first quarter.
  static const RE2 kQuarter(R"(((?i:quý|quy)\s+)([HIlL]{1,3})([^\pL\pN]|$))");
  std::string out;
  re2::StringPiece in(text.data(), text.size());
  const char* copied = text.data();
  re2::StringPiece lead, numeral, after;
  while (RE2::FindAndConsume(&in, kQuarter, &lead, &numeral, &after)) {
    std::string strokes;
    for (char c : numeral) strokes += c == 'H' ? "II" : "I";
    if (strokes.size() > 3 || numeral == strokes) continue;  // not a quarter, or already one
    out.append(copied, numeral.data() - copied);
    out += strokes;
    copied = numeral.data() + numeral.size();
  }
  out.append(copied, text.data() + text.size() - copied);
  return out;
}

bool IsAllCaps(std::string_view s) {
  int letters = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = NextCodePoint(s, i);
    if (IsLowerLetter(c)) return false;
    if (IsLetter(c)) ++letters;
  }
  return letters >= 2;
}

std::vector<std::string> SplitColumns(std::string_view line) {
  // Find the first wide gap between two non-space parts.
  size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {std::string(line)};
  size_t end = line.find_last_not_of(" \t") + 1;
  for (size_t i = start; i < end; ++i) {
    if (line[i] != ' ' && line[i] != '\t') continue;
    size_t j = i;
    bool tab = false;
    while (j < end && (line[j] == ' ' || line[j] == '\t')) tab |= line[j++] == '\t';
    if (tab || j - i >= 8) {
      std::string left = CollapseSpaces(line.substr(start, i - start));
      std::string right = CollapseSpaces(line.substr(j, end - j));
      const ColumnPatterns& p = Columns();
      bool split = IsAllCaps(right) || RE2::PartialMatch(right, p.date_line) ||
                   RE2::PartialMatch(right, p.motto) || RE2::PartialMatch(left, p.left_opens) ||
                   (RE2::PartialMatch(left, p.recipient_item) && RE2::FullMatch(right, p.name));
      if (split) {
        std::vector<std::string> parts{left};
        for (std::string& more : SplitColumns(right)) parts.push_back(std::move(more));
        return parts;
      }
    }
    i = j - 1;
  }
  std::string label, rest;
  if (RE2::FullMatch(line.substr(start, end - start), Columns().recipients_and_title, &label,
                     &rest) &&
      IsAllCaps(rest)) {
    return {label, CollapseSpaces(rest)};
  }
  return {std::string(line)};
}

namespace {

bool IsMarkedSyllable(std::string_view utf8) {
  return HasMarks(utf8) && IsValidSyllable(LowerSyllable(utf8));
}

// Where a glued run of marked syllables splits ("giámhiệu", "nămhọc"): the
// cut points of the reading as the fewest marked syllables, two or more;
// none when the run is one syllable, or when no reading or more than one
// reading with that many parts works ("Sơkếthọckỳ" is "Sơ kết học kỳ" and
// "Sơ kế thọc kỳ": left glued). Fewest parts: "Trườngđại" is "Trường đại",
// not "Trư ờng đại".
std::vector<size_t> GlueSplits(std::string_view run) {
  if (!HasMarks(run) || IsValidSyllable(LowerSyllable(run))) return {};
  std::vector<size_t> bounds{0};  // code point boundaries
  for (size_t i = 0; i < run.size();) {
    DecodeUtf8(run, i);
    bounds.push_back(i);
  }
  // From bounds[k] on: parts[k], the fewest syllables (0: no reading);
  // ways[k], readings with that many (capped at 2); cut[k], where the first
  // syllable of such a reading ends.
  const size_t n = bounds.size();
  std::vector<int> parts(n, 0), ways(n, 0);
  std::vector<size_t> cut(n, 0);
  ways[n - 1] = 1;
  for (size_t k = n - 1; k-- > 0;) {
    for (size_t e = k + 1; e < n; ++e) {
      if (ways[e] == 0 || !IsMarkedSyllable(run.substr(bounds[k], bounds[e] - bounds[k]))) continue;
      const int p = parts[e] + 1;
      if (ways[k] == 0 || p < parts[k]) {
        parts[k] = p, ways[k] = ways[e], cut[k] = e;
      } else if (p == parts[k]) {
        ways[k] = std::min(2, ways[k] + ways[e]);
      }
    }
  }
  if (ways[0] != 1) return {};
  std::vector<size_t> splits;
  for (size_t k = cut[0]; k < n - 1; k = cut[k]) splits.push_back(bounds[k]);
  return splits;
}

}  // namespace

std::string SplitGluedSyllables(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i, end = i;
    while (end < text.size()) {
      size_t next = end;
      if (!IsSyllableLetter(DecodeUtf8(text, next))) break;
      end = next;
    }
    if (end == start) {  // not a letter: copy one code point
      DecodeUtf8(text, end);
      out.append(text.substr(start, end - start));
      i = end;
      continue;
    }
    const std::string_view run = text.substr(start, end - start);
    // A syllable is at most ~10 bytes of letters; four glued stay under 40.
    const std::vector<size_t> splits = run.size() <= 40 ? GlueSplits(run) : std::vector<size_t>{};
    size_t from = 0;
    for (size_t at : splits) {
      out.append(run.substr(from, at - from));
      out += ' ';
      from = at;
    }
    out.append(run.substr(from));
    i = end;
  }
  return out;
}

namespace {

// Not '-': "- 3 -" is a page number. Not brackets: "(1) (2) (3)" numbers
// the columns of a table.
bool IsDirtSymbol(char32_t c) {
  return !IsSyllableLetter(c) && !(c >= '0' && c <= '9') && c != '-' && c != '(' && c != ')' && c != ' ' &&
         c != '\t';
}

// Three or more tokens, each a single character, at least one a symbol.
bool IsSingleCharacterSpecks(std::string_view line) {
  size_t tokens = 0;
  bool symbol = false;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    const char32_t c = DecodeUtf8(line, i);
    if (i < line.size() && line[i] != ' ' && line[i] != '\t') return false;  // a word, not a speck
    ++tokens;
    symbol |= IsDirtSymbol(c);
  }
  return tokens >= 3 && symbol;
}

// Three or more symbols, two of them no punctuation ("1. 2. 3." is a list),
// at least as many as letters and digits, and no run of letters that is a
// syllable or a code in capitals.
bool IsSymbolDirt(std::string_view line) {
  size_t symbols = 0, strong = 0, others = 0;
  std::string run;
  bool word = false;
  auto end_run = [&] {
    if (run.size() > 1) {
      const std::string lower = LowerSyllable(run);
      word |= IsValidSyllable(lower) || CaseOf(run) == CasePattern::kUpper;
    }
    run.clear();
  };
  for (size_t i = 0; i < line.size();) {
    const size_t at = i;
    const char32_t c = DecodeUtf8(line, i);
    if (IsSyllableLetter(c)) {
      run.append(line.substr(at, i - at));
      ++others;
      continue;
    }
    end_run();
    if (c >= '0' && c <= '9') ++others;
    else if (IsDirtSymbol(c)) ++symbols, strong += c != '.' && c != ',' && c != ':' && c != ';';
  }
  end_run();
  return symbols >= 3 && strong >= 2 && symbols >= others && !word;
}

}  // namespace

bool IsSpeckLine(std::string_view line) { return IsSingleCharacterSpecks(line) || IsSymbolDirt(line); }

std::string RejoinLetterSpaced(std::string_view line) {
  if (line.size() < 5) return std::string(line);
  // Tokens between single spaces; an empty token stands for a second space.
  std::vector<std::string_view> tokens;
  size_t b = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ' ') {
      tokens.push_back(line.substr(b, i - b));
      b = i + 1;
    }
  }
  std::string out;
  out.reserve(line.size());
  for (size_t k = 0; k < tokens.size();) {
    bool first_upper = false;
    size_t run = k;
    bool rest_upper = false;
    if (IsSingleLetterToken(tokens[k], &first_upper)) {
      run = k + 1;
      bool up = false;
      while (run < tokens.size() && IsSingleLetterToken(tokens[run], &up)) {
        if (run == k + 1) rest_upper = up;
        else if (up != rest_upper) break;
        ++run;
      }
      // A capital may open a lower-case word ("T r ư ờ n g"), not the reverse.
      if (run - k >= 2 && !first_upper && rest_upper) run = k + 1;
    }
    if (run - k >= 3) {
      if (k > 0) out += ' ';
      for (size_t t = k; t < run; ++t) out.append(tokens[t]);
      k = run;
    } else {
      if (k > 0) out += ' ';
      out.append(tokens[k]);
      ++k;
    }
  }
  return out;
}

std::string CollapseSpaces(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending = false;
  for (char c : line) {
    if (c == ' ' || c == '\t') {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

}  // namespace vanban::normalize::internal
