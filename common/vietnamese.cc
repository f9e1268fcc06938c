#include "common/vietnamese.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <vector>

namespace vanban {
namespace {

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFDInstance(status);
}
const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(status);
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString Decompose(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString out = Nfd().normalize(src, status);
  return U_SUCCESS(status) ? out : src;
}

icu::UnicodeString Compose(const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = Nfc().normalize(s, status);
  return U_SUCCESS(status) ? out : s;
}

bool IsCombining(UChar32 c) { return c >= 0x300 && c <= 0x36F; }
// The five tone marks: huyền, sắc, ngã, hỏi, nặng.
bool IsTone(UChar32 c) { return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323; }
// Vowel modifiers: circumflex (â ê ô), breve (ă), horn (ơ ư).
bool IsModifier(UChar32 c) { return c == 0x302 || c == 0x306 || c == 0x31B; }

bool IsVowelBase(UChar32 c) {
  switch (u_tolower(c)) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}
bool IsLatinBase(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0x111 || c == 0x110;
}

struct Letter {
  UChar32 base;
  std::vector<UChar32> marks;  // modifiers and at most one tone, in NFD order
};

// Where the tone belongs in `word` (see vietnamese.h), or -1 when the word is
// not a Vietnamese syllable we can place a tone in.
int ToneTarget(const std::vector<Letter>& word) {
  const int n = static_cast<int>(word.size());
  int first = 0;
  while (first < n && !IsVowelBase(word[first].base)) ++first;
  if (first == n) return -1;
  int last = first;
  while (last + 1 < n && IsVowelBase(word[last + 1].base)) ++last;
  for (int i = last + 1; i < n; ++i)
    if (IsVowelBase(word[i].base)) return -1;  // vowel after a consonant: not one syllable
  // "qu" and "gi" + vowel: the u / i belongs to the initial consonant.
  if (first == 1 && last > first) {
    UChar32 c0 = u_tolower(word[0].base), v0 = u_tolower(word[first].base);
    bool bare = true;
    for (UChar32 m : word[first].marks) bare = bare && IsTone(m);
    if (((c0 == 'q' && v0 == 'u') || (c0 == 'g' && v0 == 'i')) && bare) ++first;
  }
  const int size = last - first + 1;
  if (size > 3) return -1;
  int modified = -1;
  for (int i = first; i <= last; ++i)
    for (UChar32 m : word[i].marks)
      if (IsModifier(m)) modified = i;
  if (modified >= 0) return modified;
  if (last + 1 < n) return last;        // closed syllable
  if (size == 3) return first + 1;
  return first;
}

void AppendCanonicalWord(std::vector<Letter>& word, icu::UnicodeString& out) {
  int tones = 0;
  UChar32 tone = 0;
  bool latin = true;
  for (const Letter& l : word) {
    latin = latin && IsLatinBase(l.base);
    for (UChar32 m : l.marks)
      if (IsTone(m)) ++tones, tone = m;
  }
  int target = (tones == 1 && latin && word.size() <= 8) ? ToneTarget(word) : -1;
  if (target >= 0) {
    for (Letter& l : word) std::erase_if(l.marks, IsTone);
    word[target].marks.push_back(tone);
  }
  for (const Letter& l : word) {
    out.append(l.base);
    for (UChar32 m : l.marks) out.append(m);
  }
}

}  // namespace

std::string CanonicalTones(std::string_view utf8) {
  icu::UnicodeString src = Decompose(utf8);
  icu::UnicodeString out;
  std::vector<Letter> word;
  auto flush = [&] {
    if (!word.empty()) AppendCanonicalWord(word, out);
    word.clear();
  };
  for (int32_t i = 0; i < src.length();) {
    UChar32 c = src.char32At(i);
    i += U16_LENGTH(c);
    if (IsCombining(c) && !word.empty()) {
      word.back().marks.push_back(c);
    } else if (u_isalpha(c)) {
      word.push_back({c, {}});
    } else {
      flush();
      out.append(c);
    }
  }
  flush();
  return ToUtf8(Compose(out));
}

std::string FoldDiacritics(std::string_view utf8) {
  icu::UnicodeString src = Decompose(utf8);
  icu::UnicodeString out;
  for (int32_t i = 0; i < src.length();) {
    UChar32 c = src.char32At(i);
    i += U16_LENGTH(c);
    if (IsCombining(c)) continue;
    if (c == 0x111 || c == 0x110) c = 'd';
    out.append(c);
  }
  out.toLower(icu::Locale::getRoot());
  return ToUtf8(out);
}

std::string ToLower(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  s.toLower(icu::Locale::getRoot());
  return ToUtf8(s);
}

std::string ToUpper(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  s.toUpper(icu::Locale::getRoot());
  return ToUtf8(s);
}

std::string ToNfc(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  return ToUtf8(Compose(s));
}

bool HasVietnameseMarks(std::string_view utf8) {
  for (unsigned char c : utf8)
    if (c >= 0x80) {
      icu::UnicodeString d = Decompose(utf8);
      for (int32_t i = 0; i < d.length(); ++i) {
        UChar32 ch = d.charAt(i);
        if (IsTone(ch) || IsModifier(ch) || ch == 0x111 || ch == 0x110) return true;
      }
      return false;
    }
  return false;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    if (len == 2 && c < 0xC2) return false;  // overlong
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace vanban
