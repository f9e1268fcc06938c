#include "normalize/legacy.h"

#include <algorithm>
#include <array>

#include "normalize/utf8.h"

namespace vanban::normalize::internal {
namespace {

// TCVN 5712:1993 (VN3): the byte, read as a Latin-1 code point, → the letter.
// Only the lower-case letters carry tones; upper case exists for the seven
// modified letters (Ă Â Ê Ô Ơ Ư Đ) only.
struct Tcvn3Entry {
  unsigned char byte;
  char32_t letter;
};
constexpr Tcvn3Entry kTcvn3[] = {
    {0xA1, U'Ă'}, {0xA2, U'Â'}, {0xA3, U'Ê'}, {0xA4, U'Ô'}, {0xA5, U'Ơ'}, {0xA6, U'Ư'},
    {0xA7, U'Đ'}, {0xA8, U'ă'}, {0xA9, U'â'}, {0xAA, U'ê'}, {0xAB, U'ô'}, {0xAC, U'ơ'},
    {0xAD, U'ư'}, {0xAE, U'đ'},
    {0xB5, U'à'}, {0xB6, U'ả'}, {0xB7, U'ã'}, {0xB8, U'á'}, {0xB9, U'ạ'},
    {0xBB, U'ằ'}, {0xBC, U'ẳ'}, {0xBD, U'ẵ'}, {0xBE, U'ắ'}, {0xC6, U'ặ'},
    {0xC7, U'ầ'}, {0xC8, U'ẩ'}, {0xC9, U'ẫ'}, {0xCA, U'ấ'}, {0xCB, U'ậ'},
    {0xCC, U'è'}, {0xCE, U'ẻ'}, {0xCF, U'ẽ'}, {0xD0, U'é'}, {0xD1, U'ẹ'},
    {0xD2, U'ề'}, {0xD3, U'ể'}, {0xD4, U'ễ'}, {0xD5, U'ế'}, {0xD6, U'ệ'},
    {0xD7, U'ì'}, {0xD8, U'ỉ'}, {0xDC, U'ĩ'}, {0xDD, U'í'}, {0xDE, U'ị'},
    {0xDF, U'ò'}, {0xE1, U'ỏ'}, {0xE2, U'õ'}, {0xE3, U'ó'}, {0xE4, U'ọ'},
    {0xE5, U'ồ'}, {0xE6, U'ổ'}, {0xE7, U'ỗ'}, {0xE8, U'ố'}, {0xE9, U'ộ'},
    {0xEA, U'ờ'}, {0xEB, U'ở'}, {0xEC, U'ỡ'}, {0xED, U'ớ'}, {0xEE, U'ợ'},
    {0xEF, U'ù'}, {0xF1, U'ủ'}, {0xF2, U'ũ'}, {0xF3, U'ú'}, {0xF4, U'ụ'},
    {0xF5, U'ừ'}, {0xF6, U'ử'}, {0xF7, U'ữ'}, {0xF8, U'ứ'}, {0xF9, U'ự'},
    {0xFA, U'ỳ'}, {0xFB, U'ỷ'}, {0xFC, U'ỹ'}, {0xFD, U'ý'}, {0xFE, U'ỵ'},
};

const std::array<char32_t, 256>& Tcvn3Table() {
  static const std::array<char32_t, 256> table = [] {
    std::array<char32_t, 256> t{};
    for (const Tcvn3Entry& e : kTcvn3) t[e.byte] = e.letter;
    return t;
  }();
  return table;
}

char32_t Tcvn3Letter(char32_t cp) { return cp < 256 ? Tcvn3Table()[cp] : 0; }

// VNI-Windows: a base letter followed by a mark byte. The mark bytes and the
// combining characters they stand for (tone, and for â/ê/ô and ă the
// modifier first).
struct VniMark {
  char32_t byte;
  char32_t modifier;  // 0, U+0302 circumflex or U+0306 breve
  char32_t tone;      // 0 or one of the five tone marks
};
constexpr VniMark kVniMarks[] = {
    {U'ù', 0, 0x301}, {U'ø', 0, 0x300}, {U'û', 0, 0x309}, {U'õ', 0, 0x303}, {U'ï', 0, 0x323},
    {U'â', 0x302, 0}, {U'á', 0x302, 0x301}, {U'à', 0x302, 0x300}, {U'å', 0x302, 0x309},
    {U'ã', 0x302, 0x303}, {U'ä', 0x302, 0x323},
    {U'ê', 0x306, 0}, {U'é', 0x306, 0x301}, {U'è', 0x306, 0x300}, {U'ú', 0x306, 0x309},
    {U'ü', 0x306, 0x303}, {U'ë', 0x306, 0x323},
    {U'Ù', 0, 0x301}, {U'Ø', 0, 0x300}, {U'Û', 0, 0x309}, {U'Õ', 0, 0x303}, {U'Ï', 0, 0x323},
    {U'Â', 0x302, 0}, {U'Á', 0x302, 0x301}, {U'À', 0x302, 0x300}, {U'Å', 0x302, 0x309},
    {U'Ã', 0x302, 0x303}, {U'Ä', 0x302, 0x323},
    {U'Ê', 0x306, 0}, {U'É', 0x306, 0x301}, {U'È', 0x306, 0x300}, {U'Ú', 0x306, 0x309},
    {U'Ü', 0x306, 0x303}, {U'Ë', 0x306, 0x323},
};
const VniMark* FindVniMark(char32_t cp) {
  for (const VniMark& m : kVniMarks)
    if (m.byte == cp) return &m;
  return nullptr;
}

bool IsVniMarkByte(char32_t cp) {
  static const std::array<bool, 256> table = [] {
    std::array<bool, 256> t{};
    for (const VniMark& m : kVniMarks) t[m.byte] = true;
    return t;
  }();
  return cp < 256 && table[cp];
}

// VNI letters that stand alone (one byte each).
char32_t VniLetter(char32_t cp) {
  switch (cp) {
    case U'ô': return U'ơ';  case U'Ô': return U'Ơ';
    case U'ö': return U'ư';  case U'Ö': return U'Ư';
    case U'ñ': return U'đ';  case U'Ñ': return U'Đ';
    case U'æ': return U'ỉ';  case U'Æ': return U'Ỉ';
    case U'ó': return U'ĩ';  case U'Ó': return U'Ĩ';
    case U'ò': return U'ị';  case U'Ò': return U'Ị';
    case U'î': return U'ỵ';  case U'Î': return U'Ỵ';
    default: return 0;
  }
}

bool IsAsciiVowel(char32_t c) {
  switch (c | 0x20) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': return true;
    default: return false;
  }
}

// Letters and code points that, in genuine Unicode Vietnamese, lie outside
// Latin-1: their presence says the text is not legacy.
bool IsVietnameseOutsideLatin1(char32_t c) {
  switch (c) {
    case 0x102: case 0x103: case 0x110: case 0x111: case 0x128: case 0x129:
    case 0x168: case 0x169: case 0x1A0: case 0x1A1: case 0x1AF: case 0x1B0:
      return true;
    default:
      return (c >= 0x1EA0 && c <= 0x1EF9) || (c >= 0x300 && c <= 0x323);
  }
}

bool IsHornO(char32_t c) {
  switch (c) {
    case U'ơ': case U'ờ': case U'ở': case U'ỡ': case U'ớ': case U'ợ':
    case U'Ơ': case U'Ờ': case U'Ở': case U'Ỡ': case U'Ớ': case U'Ợ':
      return true;
    default:
      return false;
  }
}

}  // namespace

const char* LegacyEncodingName(LegacyEncoding e) {
  switch (e) {
    case LegacyEncoding::kTcvn3: return "TCVN3";
    case LegacyEncoding::kVni: return "VNI";
    default: return "none";
  }
}

LegacyEncoding DetectLegacyEncoding(std::string_view s) {
  // Scores count clue characters inside words (next to a letter), so a "§" or
  // "©" used as a symbol between spaces does not count. Each code point is
  // decoded once; `cur` is looked at with its neighbours `prev` and `next`.
  int unicode = 0, tcvn3 = 0, vni = 0;
  size_t i = 0;
  char32_t prev = ' ', cur = s.empty() ? U' ' : NextCodePoint(s, i);
  while (!s.empty()) {
    const bool more = i < s.size();
    const char32_t next = more ? NextCodePoint(s, i) : U' ';
    if (cur >= 0x80) {
      if (IsVietnameseOutsideLatin1(cur)) {
        // Enough genuine Vietnamese letters to decide: most pages stop here
        // within their first lines.
        if (++unicode >= 64 && unicode > 4 * std::max(tcvn3, vni)) return LegacyEncoding::kNone;
      } else if (cur < 0x100) {
        const bool tcvn3_letter = Tcvn3Letter(cur) != 0;
        if (tcvn3_letter && cur <= 0xBE && (IsLetter(prev) || IsLetter(next))) ++tcvn3;
        // A Latin-1 capital right after a lower-case letter: "nghÜa", "ViÖt",
        // "KÕ" is no spelling of any language, but TCVN3's ĩ, ệ, ế.
        if (tcvn3_letter && cur >= 0xC0 && cur <= 0xDE && IsLowerLetter(prev)) ++tcvn3;
        if (IsVniMarkByte(cur) && IsAsciiVowel(prev)) ++vni;
        // VNI "ñ"/"Ñ" (đ) starts a word: "ñöôïc", "Ñoäc".
        if ((cur == U'ñ' || cur == U'Ñ') && !IsLetter(prev) && IsLetter(next)) ++vni;
      }
    }
    if (!more) break;
    prev = cur;
    cur = next;
  }
  const int clues = std::max(tcvn3, vni);
  if (clues < 3) return LegacyEncoding::kNone;
  // Genuine Vietnamese has several such letters per sentence; a legacy page
  // has none, or a stray few (an already-converted heading).
  if (unicode * 4 > clues) return LegacyEncoding::kNone;
  return tcvn3 >= vni ? LegacyEncoding::kTcvn3 : LegacyEncoding::kVni;
}

std::string Tcvn3ToUnicode(std::string_view s) {
  std::u32string cps;
  cps.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextCodePoint(s, i);
    char32_t letter = Tcvn3Letter(cp);
    cps.push_back(letter ? letter : cp);
  }
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (size_t k = 0; k < cps.size(); ++k) {
    // "ư" is byte 0xAD, the soft hyphen, which many converters drop: "tr­ëng"
    // arrives as "trëng" → "trởng". "ơng" and "ơc" are not Vietnamese rhymes
    // without the ư ("trưởng", "nước"), so the lost ư is put back.
    if (IsHornO(cps[k]) && k > 0 && IsLetter(cps[k - 1]) && cps[k - 1] != U'ư' &&
        cps[k - 1] != U'Ư' && !IsAsciiVowel(cps[k - 1])) {
      bool ng = k + 2 < cps.size() && (cps[k + 1] | 0x20) == 'n' && (cps[k + 2] | 0x20) == 'g';
      bool c = k + 1 < cps.size() && (cps[k + 1] | 0x20) == 'c' &&
               !(k + 2 < cps.size() && (cps[k + 2] | 0x20) == 'h');
      size_t after = k + (ng ? 3 : c ? 2 : 0);
      if ((ng || c) && (after >= cps.size() || !IsLetter(cps[after]))) {
        AppendUtf8(out, IsUpperLetter(cps[k]) ? U'Ư' : U'ư');
      }
    }
    AppendUtf8(out, cps[k]);
  }
  return out;
}

std::string VniToUnicode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // The last letter written, after VNI decoding: marks attach to a vowel.
  char32_t base = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextCodePoint(s, i);
    const VniMark* mark = FindVniMark(cp);
    bool vowel_base = base && (IsAsciiVowel(base) || base == U'ơ' || base == U'Ơ' ||
                               base == U'ư' || base == U'Ư');
    if (mark && vowel_base) {
      if (mark->modifier) AppendUtf8(out, mark->modifier);
      if (mark->tone) AppendUtf8(out, mark->tone);
      base = 0;  // one mark byte per letter
      continue;
    }
    char32_t letter = VniLetter(cp);
    if (letter) cp = letter;
    AppendUtf8(out, cp);
    base = IsLetter(cp) ? cp : 0;
  }
  return out;
}

std::string ConvertLegacy(std::string_view utf8, LegacyEncoding* detected) {
  LegacyEncoding e = DetectLegacyEncoding(utf8);
  if (detected) *detected = e;
  switch (e) {
    case LegacyEncoding::kTcvn3: return Tcvn3ToUnicode(utf8);
    case LegacyEncoding::kVni: return VniToUnicode(utf8);
    default: return std::string(utf8);
  }
}

}  // namespace vanban::normalize::internal
