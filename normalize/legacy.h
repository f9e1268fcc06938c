// Internal to normalize/: text typed in the pre-Unicode Vietnamese font
// encodings, read back as if it were Latin-1 / windows-1252.
//
// Until the mid-2000s most Vietnamese offices typed in TCVN3 (ABC, fonts
// ".VnTime", ".VnTimeH") or VNI (fonts "VNI-Times"). Such bytes, decoded as
// Latin-1 by a converter that ignores the font, give text like
//   TCVN3  "Céng hoµ x· héi chñ nghÜa ViÖt Nam"       (one byte per letter)
//   VNI    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"  (base letter + mark byte)
// both meaning "Cộng hòa xã hội chủ nghĩa Việt Nam". Detection looks at which
// characters occur inside words: real Unicode Vietnamese is full of letters
// outside Latin-1 (ư ơ đ ạ ế ...), TCVN3 text is full of Latin-1 symbols used
// as letters (µ ¸ ¶ · ¹ © ª « ¬ ®), VNI text of mark bytes right after a vowel.
//
// Limits: TCVN3's capital fonts (.VnTimeH) draw the lower-case codes as
// capitals, so such headings come out in lower case; nothing in the bytes says
// which font was used.
#pragma once

#include <string>
#include <string_view>

namespace vanban::normalize::internal {

enum class LegacyEncoding { kNone, kTcvn3, kVni };
const char* LegacyEncodingName(LegacyEncoding e);

// Which legacy encoding `utf8` looks like, or kNone for genuine Unicode text
// (and for text with too few clues: fewer than 3 words carrying them).
LegacyEncoding DetectLegacyEncoding(std::string_view utf8);

// Converters; characters outside the encoding's table pass through. Output is
// Unicode, not necessarily NFC (VNI marks come out as combining characters).
std::string Tcvn3ToUnicode(std::string_view utf8);
std::string VniToUnicode(std::string_view utf8);

// Detects and converts; returns the text unchanged when it is not legacy.
std::string ConvertLegacy(std::string_view utf8, LegacyEncoding* detected = nullptr);

}  // namespace vanban::normalize::internal
