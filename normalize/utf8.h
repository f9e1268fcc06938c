// Internal to normalize/: UTF-8 stepping without ICU objects.
//
// Normalization runs over thousands of pages in a batch; creating an
// icu::UnicodeString per character (or per line) would dominate the cost. These
// helpers decode one code point at a time from a string_view and classify it
// with ICU's C property functions (u_isalpha, u_isupper, ...), which are table
// look-ups.
#pragma once

#include <unicode/uchar.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::normalize::internal {

// Decodes the code point starting at s[i] and advances i past it. A byte that
// does not start a valid sequence decodes as U+FFFD and advances by one.
inline char32_t NextCodePoint(std::string_view s, size_t& i) {
  const unsigned char c = s[i];
  if (c < 0x80) { ++i; return c; }
  int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) { ++i; return 0xFFFD; }
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

inline void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Combining diacritical marks (NFD tone marks and vowel modifiers).
inline bool IsCombiningMark(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

inline bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}
inline bool IsUpperLetter(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp));
}
inline bool IsLowerLetter(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(static_cast<UChar32>(cp));
}

// Number of code points (what "line length" means for layout decisions).
inline size_t Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace vanban::normalize::internal
