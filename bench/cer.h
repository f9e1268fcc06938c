// Character error rate, as the OCR benchmark and tests measure it:
// edit distance (insertions, deletions, substitutions of code points) divided
// by the reference length, after NFC and collapsing every run of whitespace to
// one space (line breaks differ between a text file's paragraphs and OCR's
// lines; that is layout, not recognition).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "common/vietnamese.h"

namespace vanban::bench {

inline std::u32string CerNormalize(std::string_view utf8) {
  const std::string nfc = ToNfc(utf8);
  std::u32string out;
  bool space = false;
  for (size_t i = 0; i < nfc.size();) {
    const unsigned char c = nfc[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
    for (int k = 1; k < len && i + k < nfc.size(); ++k) cp = (cp << 6) | (nfc[i + k] & 0x3F);
    i += len;
    if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += U' ';
    space = false;
    out += cp;
  }
  return out;
}

// Levenshtein distance if it is at most `band`, else band + 1 (Ukkonen's
// diagonal band: O(n·band) instead of O(n·m); 36k-character documents).
inline long BandedEditDistance(const std::u32string& a, const std::u32string& b, long band) {
  const long n = a.size(), m = b.size();
  if (std::labs(n - m) > band) return band + 1;
  const long kInf = n + m + 1;
  std::vector<long> prev(m + 1, kInf), cur(m + 1, kInf);
  for (long j = 0; j <= std::min(m, band); ++j) prev[j] = j;
  for (long i = 1; i <= n; ++i) {
    const long lo = std::max(1L, i - band), hi = std::min(m, i + band);
    cur[lo - 1] = lo - 1 == 0 ? i : kInf;
    for (long j = lo; j <= hi; ++j) {
      long v = prev[j - 1] + (a[i - 1] != b[j - 1]);
      v = std::min(v, prev[j] + 1);
      v = std::min(v, cur[j - 1] + 1);
      cur[j] = v;
    }
    if (hi + 1 <= m) cur[hi + 1] = kInf;
    std::swap(prev, cur);
  }
  return std::min(prev[m], band + 1);
}

inline long EditDistance(const std::u32string& a, const std::u32string& b) {
  for (long band = 512;; band *= 2) {
    const long d = BandedEditDistance(a, b, band);
    if (d <= band || band >= static_cast<long>(std::max(a.size(), b.size()))) return d;
  }
}

struct Cer {
  long errors = 0;
  long reference_chars = 0;
  double rate() const { return reference_chars ? double(errors) / reference_chars : 0; }
};

inline Cer CharacterErrorRate(std::string_view reference, std::string_view hypothesis) {
  const std::u32string ref = CerNormalize(reference), hyp = CerNormalize(hypothesis);
  return Cer{EditDistance(ref, hyp), static_cast<long>(ref.size())};
}

}  // namespace vanban::bench
