// Vietnamese text primitives shared by normalize, extract and store.
//
// Tone-mark placement. Vietnamese writes the tone on one vowel of the nucleus,
// and two conventions live side by side: "hòa, thúy, khỏe" (tone on the first
// vowel of an open oa/oe/uy) and "hoà, thuý, khoẻ" (on the second). vanban's
// canonical text uses the first: it is what the national motto "CỘNG HÒA"
// prints, what most current official documents and the gold labels use, and
// what the language-model text mostly uses. Rules (applied per syllable):
//   1. a vowel with a modifier (â ă ê ô ơ ư) takes the tone; in "ươ" the ơ;
//   2. otherwise, with a final consonant, the last vowel:  hoàn, toán;
//   3. otherwise, three vowels: the middle one:              ngoài, khuỷu;
//   4. otherwise, two vowels: the first:                     hòa, thúy, mía;
// "qu" and "gi" before another vowel are consonants: quý, già.
//
// Folding for search removes every diacritic, maps đ/Đ to d (neither ICU's
// accent removal nor FTS5's remove_diacritics does), and lower-cases.
//
// All functions take and return UTF-8, are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// NFC with the canonical tone placement above. Non-Vietnamese words pass through.
std::string CanonicalTones(std::string_view utf8);

// "Cải Cách HÒA" → "cai cach hoa"; "Đồng" → "dong".
std::string FoldDiacritics(std::string_view utf8);

// Lower-case (Unicode-aware, ICU root locale).
std::string ToLower(std::string_view utf8);
// Upper-case (Unicode-aware, ICU root locale).
std::string ToUpper(std::string_view utf8);

// NFC only.
std::string ToNfc(std::string_view utf8);

// True when the UTF-8 string contains at least one Vietnamese-specific letter
// or tone mark (ă â đ ê ô ơ ư or any tone), i.e. it is not plain ASCII Latin.
bool HasVietnameseMarks(std::string_view utf8);

// True when `utf8` is valid UTF-8.
bool IsValidUtf8(std::string_view utf8);

// Number of Unicode code points.
size_t CodePointCount(std::string_view utf8);

}  // namespace vanban
