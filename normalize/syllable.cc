#include "normalize/syllable.h"

#include <array>
#include <cstring>
#include <vector>

#include "common/vietnamese.h"
#include "normalize/utf8.h"

namespace vanban::normalize {
namespace {

constexpr char32_t kTableSize = 0x1F00;  // covers Latin Extended Additional (ạ..ỹ)

struct Entry {
  char32_t lower = 0;
  char32_t upper = 0;
  char folded = 0;
  uint8_t tone = 0;
  bool modified = false;
  bool is_upper = false;
};

// The twelve Vietnamese vowel letters, each with its six tones (none, huyền,
// sắc, hỏi, ngã, nặng), lower then upper case.
constexpr const char* kVowelRows[][2] = {
    {"aàáảãạ", "AÀÁẢÃẠ"}, {"ăằắẳẵặ", "ĂẰẮẲẴẶ"}, {"âầấẩẫậ", "ÂẦẤẨẪẬ"},
    {"eèéẻẽẹ", "EÈÉẺẼẸ"}, {"êềếểễệ", "ÊỀẾỂỄỆ"}, {"iìíỉĩị", "IÌÍỈĨỊ"},
    {"oòóỏõọ", "OÒÓỎÕỌ"}, {"ôồốổỗộ", "ÔỒỐỔỖỘ"}, {"ơờớởỡợ", "ƠỜỚỞỠỢ"},
    {"uùúủũụ", "UÙÚỦŨỤ"}, {"ưừứửữự", "ƯỪỨỬỮỰ"}, {"yỳýỷỹỵ", "YỲÝỶỸỴ"},
};
constexpr char kVowelBase[] = "aaaeeiooouuy";
constexpr bool kVowelModified[] = {false, true, true, false, true, false,
                                   false, true, true, false, true, false};

const std::array<Entry, kTableSize>& Table() {
  static const std::array<Entry, kTableSize> table = [] {
    std::array<Entry, kTableSize> t{};
    for (char c = 'a'; c <= 'z'; ++c) {
      char C = static_cast<char>(c - 'a' + 'A');
      t[c] = {char32_t(c), char32_t(C), c, 0, false, false};
      t[C] = {char32_t(c), char32_t(C), c, 0, false, true};
    }
    t[0x111] = {0x111, 0x110, 'd', 0, true, false};
    t[0x110] = {0x111, 0x110, 'd', 0, true, true};
    for (int row = 0; row < 12; ++row) {
      std::string_view lo = kVowelRows[row][0], up = kVowelRows[row][1];
      size_t i = 0, j = 0;
      for (uint8_t tone = 0; tone < 6; ++tone) {
        char32_t l = DecodeUtf8(lo, i), u = DecodeUtf8(up, j);
        t[l] = {l, u, kVowelBase[row], tone, kVowelModified[row], false};
        t[u] = {l, u, kVowelBase[row], tone, kVowelModified[row], true};
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

// One UTF-8 decoder and encoder for normalize/ (utf8.h); these keep the
// restorer's names.
char32_t DecodeUtf8(std::string_view s, size_t& i) { return internal::NextCodePoint(s, i); }

void AppendUtf8(char32_t cp, std::string& out) { internal::AppendUtf8(out, cp); }

Letter LetterOf(char32_t cp) {
  Letter l;
  l.cp = cp;
  l.lower = cp;
  if (cp < kTableSize) {
    const Entry& e = Table()[cp];
    if (e.folded) {
      l.upper = e.is_upper;
      l.lower = e.lower;
      l.folded = e.folded;
      l.tone = e.tone;
      l.modified = e.modified;
    }
  }
  return l;
}

bool IsSyllableLetter(char32_t cp) { return cp < kTableSize && Table()[cp].folded != 0; }

std::string FoldSyllable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = DecodeUtf8(s, i);
    Letter l = LetterOf(cp);
    if (l.folded) {
      out += l.folded;
    } else {
      AppendUtf8(cp, out);
    }
  }
  return out;
}

std::string LowerSyllable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) AppendUtf8(LetterOf(DecodeUtf8(s, i)).lower, out);
  return out;
}

std::string StripMarks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = DecodeUtf8(s, i);
    Letter l = LetterOf(cp);
    if (l.folded) {
      out += l.upper ? char(l.folded - 'a' + 'A') : l.folded;
    } else {
      AppendUtf8(cp, out);
    }
  }
  return out;
}

std::string FoldLatinAccents(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(s, i);
    if (cp < 0x80) {
      out += char(cp);
      continue;
    }
    std::string_view one = s.substr(start, i - start);
    std::string folded = FoldDiacritics(one);  // lower-cases
    if (folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z') {
      bool upper = ToLower(one) != one;
      out += upper ? char(folded[0] - 'a' + 'A') : folded[0];
    } else {
      out.append(one);
    }
  }
  return out;
}

bool HasMarks(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    Letter l = LetterOf(DecodeUtf8(s, i));
    if (l.tone || l.modified) return true;
  }
  return false;
}

CasePattern CaseOf(std::string_view s) {
  int letters = 0, uppers = 0;
  bool first_upper = false;
  for (size_t i = 0; i < s.size();) {
    Letter l = LetterOf(DecodeUtf8(s, i));
    if (!l.folded) continue;
    if (letters == 0) first_upper = l.upper;
    ++letters;
    uppers += l.upper;
  }
  if (uppers == 0) return CasePattern::kLower;
  if (uppers == letters) return letters == 1 ? CasePattern::kTitle : CasePattern::kUpper;
  if (uppers == 1 && first_upper) return CasePattern::kTitle;
  return CasePattern::kMixed;
}

std::string ApplyCase(std::string_view syllable, CasePattern pattern, std::string_view original) {
  if (pattern == CasePattern::kMixed) {
    // No Vietnamese syllable is written in mixed case: a mixed token is an
    // OCR-garbled one ("CHtTC" for "CHỨC", "THlTC" for "THỰC" in a capital
    // heading), whose letters need not line up with the syllable's. Mostly
    // capitals → all capitals; else a capital first letter → title case;
    // else lower case ("gSn" for "gắn", "nhAt" for "nhất" in a sentence).
    int letters = 0, upper = 0;
    bool first_upper = false;
    for (size_t i = 0; i < original.size();) {
      const bool up = LetterOf(DecodeUtf8(original, i)).upper;
      first_upper = first_upper || (letters == 0 && up);
      ++letters;
      upper += up;
    }
    pattern = 2 * upper > letters ? CasePattern::kUpper : first_upper ? CasePattern::kTitle : CasePattern::kLower;
  }
  if (pattern == CasePattern::kLower) return std::string(syllable);
  std::string out;
  out.reserve(syllable.size());
  size_t k = 0;
  for (size_t i = 0; i < syllable.size(); ++k) {
    char32_t cp = DecodeUtf8(syllable, i);
    const bool up = pattern == CasePattern::kUpper || k == 0;
    if (up && cp < kTableSize && Table()[cp].folded) cp = Table()[cp].upper;
    AppendUtf8(cp, out);
  }
  return out;
}

bool IsValidSyllable(std::string_view s) {
  std::vector<Letter> w;
  for (size_t i = 0; i < s.size();) {
    Letter l = LetterOf(DecodeUtf8(s, i));
    if (!l.folded || l.upper) return false;
    w.push_back(l);
  }
  if (w.empty() || w.size() > 7) return false;
  std::string f;
  int tones = 0, tone = 0;
  for (const Letter& l : w) {
    f += l.folded;
    if (l.tone) ++tones, tone = l.tone;
  }
  if (tones > 1) return false;
  auto is_vowel = [](char c) { return std::strchr("aeiouy", c) != nullptr; };
  // Onset: longest match among the Vietnamese initial consonants.
  static const char* kOnsets[] = {"ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
                                  "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
                                  "v", "x", ""};
  size_t onset = 0;
  for (const char* o : kOnsets) {
    size_t n = std::strlen(o);
    if (f.compare(0, n, o) == 0 && (n == 0 || f.size() > n)) {
      // "gi" alone ("gì") and "gin" keep i as the vowel.
      if (std::strcmp(o, "gi") == 0 && !(f.size() > 2 && is_vowel(f[2]))) continue;
      if (std::strcmp(o, "qu") == 0 && !(f.size() > 2 && is_vowel(f[2]))) return false;
      onset = n;
      break;
    }
  }
  if (w[0].modified && w[0].folded == 'd') onset = std::max<size_t>(onset, 1);
  if (onset > 0 && w[0].folded == 'd' && !w[0].modified && f.size() > 1 && f[1] == 'h') return false;
  size_t v = onset;
  while (v < f.size() && is_vowel(f[v])) ++v;
  size_t nucleus = v - onset;
  if (nucleus == 0 || nucleus > 3) return false;
  // A modified or toned letter cannot sit in the onset (đ aside).
  for (size_t i = 0; i < onset; ++i)
    if (w[i].tone || (w[i].modified && w[i].folded != 'd')) return false;
  std::string coda = f.substr(v);
  static const char* kCodas[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};
  bool ok = false;
  for (const char* c : kCodas) ok = ok || coda == c;
  if (!ok) return false;
  bool stop = coda == "c" || coda == "ch" || coda == "p" || coda == "t";
  if (stop && tone != 0 && tone != 2 && tone != 5) return false;
  // Vowel pairs and triples that Vietnamese writes (folded; loose).
  std::string nuc = f.substr(onset, nucleus);
  if (nucleus >= 2) {
    static const char* kClusters[] = {
        "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue",
        "ui", "uo", "uu", "uy", "ya", "ye", "uoi", "uou", "uya", "uye", "uyu", "ieu", "yeu",
        "oai", "oao", "oay", "oeo", "uay", "uai", "uao", "uau", "uey", "uoa", "uoe", "ioi", "uơi"};
    bool known = false;
    for (const char* c : kClusters) known = known || nuc == c;
    if (!known) return false;
  }
  return true;
}

std::vector<TokenSpan> ScanTokens(std::string_view text, bool ocr_digits) {
  std::vector<TokenSpan> out;
  bool hard = true;
  int newlines = 0;
  size_t i = 0;
  auto is_digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = DecodeUtf8(text, i);
    bool letter = IsSyllableLetter(cp);
    if (ocr_digits && !letter && is_digit(cp)) {
      // A digit that starts a run counts only before a small letter ("6i"),
      // or two before one ("16i" for lỗi, "14p" for lập). Before a capital
      // it is a numeral: "1L NOI dung" is "II. NỘI dung" as OCR read it.
      auto small = [](char32_t c) { return IsSyllableLetter(c) && !LetterOf(c).upper; };
      size_t j = i;
      char32_t next = j < text.size() ? DecodeUtf8(text, j) : 0;
      if (small(next)) letter = true;
      if (is_digit(next) && j < text.size() && small(DecodeUtf8(text, j))) letter = true;
    }
    if (letter) {
      size_t end = i;
      int digits = is_digit(cp);
      bool any_letter = IsSyllableLetter(cp);
      while (end < text.size()) {
        size_t j = end;
        char32_t c = DecodeUtf8(text, j);
        if (IsSyllableLetter(c)) {
          any_letter = true;
        } else if (ocr_digits && is_digit(c) && digits < 2) {
          ++digits;
        } else {
          break;
        }
        end = j;
      }
      // Two trailing digits are a number glued to a word ("ngay15"), not letters.
      if (ocr_digits && end - start > 2 && is_digit(text[end - 1]) && is_digit(text[end - 2])) end -= 2;
      if (!any_letter) {
        hard = true;
        i = end;
        continue;
      }
      out.push_back({start, end, hard, false});
      i = end;
      hard = false;
      newlines = 0;
    } else if (is_digit(cp)) {
      // Digits, with . , / : between digits: one number.
      size_t end = i;
      while (end < text.size()) {
        char c = text[end];
        if (is_digit(static_cast<unsigned char>(c))) {
          ++end;
        } else if ((c == '.' || c == ',' || c == '/' || c == ':') && end + 1 < text.size() &&
                   is_digit(static_cast<unsigned char>(text[end + 1]))) {
          end += 2;
        } else {
          break;
        }
      }
      // A number glued to letters ("2025a", "15h") is not a clean number.
      size_t j = end;
      if (end < text.size() && IsSyllableLetter(DecodeUtf8(text, j))) {
        hard = true;
        i = end;
        continue;
      }
      out.push_back({start, end, hard, true});
      i = end;
      hard = false;
      newlines = 0;
    } else if (cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0) {
    } else if (cp == '\n') {
      if (++newlines >= 2) hard = true;
    } else if (PunctClass(cp)) {
      out.push_back({start, i, hard, false, true});
      hard = false;
      newlines = 0;
    } else {
      hard = true;
    }
  }
  return out;
}

bool CaseInformative(std::string_view text, const std::vector<TokenSpan>& tokens, size_t i) {
  if (i == 0 || tokens[i].hard_break || !tokens[i - 1].word() || !tokens[i].word()) return false;
  return text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end).find('\n') == std::string_view::npos;
}

const char* PunctClass(char32_t cp) {
  switch (cp) {
    case ',': return "<,>";
    case '(': case '[': return "<(>";
    case ')': case ']': return "<)>";
    case '"': case 0x201C: case 0x201D: case '\'': case 0x2018: case 0x2019: return "<q>";
    case '-': case 0x2013: case 0x2014: return "<->";
    case '/': return "</>";
    case '&': return "<&>";
    case '%': return "<%>";
    default: return nullptr;
  }
}

}  // namespace vanban::normalize
