// The per-page test behind --ocr auto: is this PDF text layer Vietnamese text,
// or the output of an OCR engine that did not know Vietnamese (diacritics
// lost: "cai each hanh chinh nha nude"), or mis-encoded bytes?
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "common/vietnamese.h"
#include "ingest/ocr.h"

namespace vanban::ingest::internal {
namespace {

// Decodes one UTF-8 code point at s[*i]; advances *i. Invalid bytes → U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  const unsigned char c = s[*i];
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
  for (int k = 1; k < len; ++k) {
    const unsigned char cc = s[*i + k];
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *i += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Every precomposed letter of the Vietnamese alphabet (NFC): the 12 vowels
// with each of the 5 tones, đ, in both cases.
const std::set<char32_t>& VietnameseLetters() {
  static const std::set<char32_t>* letters = [] {
    auto* set = new std::set<char32_t>{U'đ', U'Đ'};
    const std::u32string vowels = U"aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
    const char32_t tones[] = {0x0300, 0x0301, 0x0303, 0x0309, 0x0323};  // huyền sắc ngã hỏi nặng
    for (char32_t v : vowels) {
      set->insert(v);
      for (char32_t tone : tones) {
        std::string decomposed;
        AppendUtf8(v, &decomposed);
        AppendUtf8(tone, &decomposed);
        const std::string composed = ToNfc(decomposed);
        size_t i = 0;
        set->insert(NextCodePoint(composed, &i));
      }
    }
    return set;
  }();
  return *letters;
}

bool IsCombiningMark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

bool IsLetter(char32_t cp) {
  return (cp < 0x80 && std::isalpha(static_cast<int>(cp))) || VietnameseLetters().count(cp) ||
         IsCombiningMark(cp);
}

// Characters a Vietnamese administrative text legitimately contains besides
// letters and ASCII: typographic punctuation and a few symbols.
bool IsCommonSymbol(char32_t cp) {
  static const std::u32string symbols = U"–—‘’“”…•·°§«»±×÷≤≥€₫№";
  return symbols.find(cp) != std::u32string::npos || cp == 0xA0;
}

// A letter that is neither ASCII nor Vietnamese, a control character, U+FFFD
// or a private-use code point: mis-decoded text (TCVN3 read as Latin-1 gives
// "¸", "µ", "¶"; broken font maps give private-use glyphs).
bool IsGarbage(char32_t cp) {
  if (cp < 0x80) return cp < 0x20 && cp != '\n' && cp != '\t' && cp != '\r' && cp != '\f';
  if (IsLetter(cp) || IsCommonSymbol(cp)) return false;
  return true;
}

// Whether a folded, lower-case letter run is a possible Vietnamese syllable:
// onset, one to three vowels, final consonant (âm đầu + vần).
bool IsSyllableShape(std::string_view s) {
  static const char* const kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th",
                                        "tr", "b", "c", "d", "g", "h", "k", "l", "m", "n", "p",
                                        "r", "s", "t", "v", "x", ""};
  static const char* const kFinals[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t", ""};
  auto is_vowel = [](char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; };
  for (const char* onset : kOnsets) {
    std::string_view rest = s;
    if (!rest.starts_with(onset)) continue;
    rest.remove_prefix(std::string_view(onset).size());
    size_t vowels = 0;
    while (vowels < rest.size() && is_vowel(rest[vowels])) ++vowels;
    // "gi" and "qu" may stand before no further vowel ("gì" folds to "gi").
    if (vowels == 0 && !(std::string_view(onset) == "gi" && rest.empty())) continue;
    if (vowels > 3) continue;
    rest.remove_prefix(vowels);
    for (const char* final : kFinals) {
      if (rest == final) return true;
    }
  }
  return false;
}

struct LayerStats {
  int syllables = 0;   // letter runs
  int valid = 0;       // ... shaped like a Vietnamese syllable
  int accented = 0;    // ... carrying a tone or a modified vowel
  int visible = 0;     // non-space code points
  int garbage = 0;
};

LayerStats Measure(std::string_view text) {
  LayerStats stats;
  std::string run;
  auto close_run = [&] {
    if (run.empty()) return;
    ++stats.syllables;
    if (HasVietnameseMarks(run)) ++stats.accented;
    const std::string folded = FoldDiacritics(ToNfc(run));
    if (IsSyllableShape(folded)) ++stats.valid;
    run.clear();
  };
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = NextCodePoint(text, &i);
    if (cp != ' ' && cp != '\n' && cp != '\t' && cp != '\r' && cp != '\f' && cp != 0xA0) {
      ++stats.visible;
    }
    if (IsGarbage(cp)) ++stats.garbage;
    if (IsLetter(cp)) {
      AppendUtf8(cp, &run);
    } else {
      close_run();
    }
  }
  close_run();
  return stats;
}

std::string Percent(int part, int whole) { return std::to_string(whole ? part * 100 / whole : 0) + "%"; }

}  // namespace

// Thresholds, measured on shared/corpus/txt: in the four real Vietnamese texts
// 86–90% of letter runs carry a mark, in the unaccented layer of
// 001_4fa500642386260b.txt none do; 25% leaves room for pages dense in
// acronyms (UBND, THPT, CCHC). 94–99% of runs have a syllable's shape in
// real text, 87% in 001 (OCR confusions: "nude", "lire"), 22% in English;
// 50% catches other languages and mis-decoded text.
constexpr double kMinAccentedShare = 0.25;
constexpr double kMinValidShare = 0.50;
constexpr double kMaxGarbageShare = 0.05;
constexpr int kMinSyllablesToJudge = 12;  // a page number or a signature is too short to judge

bool TextLayerNeedsOcr(const Page& page, const Options& options, std::string* why) {
  std::string ignored;
  if (why == nullptr) why = &ignored;
  if (options.ocr == OcrMode::kNever) return false;
  if (options.ocr == OcrMode::kAlways) {
    *why = "OCR forced (--ocr always)";
    return true;
  }
  const LayerStats stats = Measure(page.text);
  if (stats.visible == 0) {
    *why = "no text layer";
    return true;
  }
  if (stats.garbage > kMaxGarbageShare * stats.visible) {
    *why = "text layer garbled: " + Percent(stats.garbage, stats.visible) + " garbage characters";
    return true;
  }
  if (stats.syllables < kMinSyllablesToJudge) return false;
  if (stats.valid < kMinValidShare * stats.syllables) {
    *why = "text layer not Vietnamese: " + Percent(stats.valid, stats.syllables) + " valid syllables";
    return true;
  }
  if (stats.accented < kMinAccentedShare * stats.syllables) {
    *why = "text layer unaccented: " + Percent(stats.accented, stats.syllables) + " accented syllables";
    return true;
  }
  return false;
}

}  // namespace vanban::ingest::internal
