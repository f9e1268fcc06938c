// Syllable: the letters of one Vietnamese syllable, and the letter-level facts
// the restorer needs about them (base letter, vowel modifier, tone, case).
//
// Internal to normalize/ (the restorer and its model builder). Works on NFC
// UTF-8 with precomposed letters; the restorer's input is NFC'd first.
//
// Why not ICU here: the decoder folds and re-cases every token of every page,
// and a table lookup per code point is ~50x faster than a UnicodeString round
// trip. common/vietnamese.h stays the reference for what folding means.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::normalize {

// One decoded code point of a token.
struct Letter {
  char32_t cp = 0;
  bool upper = false;
  char32_t lower = 0;  // lower-case form (== cp for non-letters)
  char folded = 0;     // ASCII base letter, 'd' for đ; 0 when not a Latin letter
  uint8_t tone = 0;    // 0 none, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng
  bool modified = false;  // â ă ê ô ơ ư đ
};

// Decodes the code point at s[i], advances i. Invalid bytes decode to U+FFFD.
char32_t DecodeUtf8(std::string_view s, size_t& i);
void AppendUtf8(char32_t cp, std::string& out);

// Facts about one code point (works for any code point; letters outside the
// Latin + Vietnamese set have folded == 0).
Letter LetterOf(char32_t cp);

// True for a-z, A-Z and the Vietnamese precomposed letters (đ, â, ế, ...).
bool IsSyllableLetter(char32_t cp);

// "Cải Cách" → "cai cach"; đ → d; code points outside the table kept.
std::string FoldSyllable(std::string_view utf8);
// Lower-cases the Latin/Vietnamese letters; others kept.
std::string LowerSyllable(std::string_view utf8);
// Removes tones and vowel modifiers, đ → d, keeping case: "Đồng Nai" →
// "Dong Nai". How unaccented text looks (and how tests strip the seeds).
std::string StripMarks(std::string_view utf8);
// Folds the Latin accents an English OCR model guesses (é, ï, ç, ñ; also
// Vietnamese marks) to plain letters, keeping case: the recipe's input.
std::string FoldLatinAccents(std::string_view utf8);
// True when any letter carries a tone or modifier (â ă ê ô ơ ư đ).
bool HasMarks(std::string_view utf8);

// The case pattern of a token, re-applied to the restored syllable.
enum class CasePattern : uint8_t { kLower, kTitle, kUpper, kMixed };
CasePattern CaseOf(std::string_view utf8);
// Applies `pattern` to lower-case `syllable`; kMixed (a garbled token: no
// syllable is written so) reads `original` as capitals when most of its
// letters are, as title case when its first one is, else as lower case.
std::string ApplyCase(std::string_view syllable, CasePattern pattern, std::string_view original);

// Phonotactic check on a lower-case NFC syllable: onset + 1-3 vowel nucleus
// (with glides) + coda, at most one tone, and the stop codas (c ch p t) only
// with sắc or nặng. Loose on purpose: it keeps loanword syllables seen in
// official text ("pin", "ga") and rejects OCR junk ("cd", "bd", "each").
bool IsValidSyllable(std::string_view lower_utf8);

// A token: a maximal run of syllable letters. `hard_break` says the text
// since the previous token holds more than spaces and single line breaks
// (punctuation, digits, a blank line, other scripts): the language model
// starts a new sentence there. The builder and the decoder share this rule.
// Numbers ("15/7/2025", "1.000", "38") are tokens too, with `number` set:
// the model sees them as one <num> word, so "ngày <num> tháng <num> năm"
// decides "thang" → "tháng" (not "thắng") from both sides.
// Punctuation inside a sentence (, ( ) quotes - / & %) is a token too,
// `punct` set, so that "chức năng, nhiệm vụ" keeps its context across the
// comma; . ; : ! ? and everything else end the sentence (hard_break).
struct TokenSpan {
  size_t begin = 0;
  size_t end = 0;
  bool hard_break = true;
  bool number = false;
  bool punct = false;
  bool word() const { return !number && !punct; }
};
// True when the case of tokens[i] says something about the word: inside a
// sentence, right after another word on the same line. (After a hard break,
// a dash or a line break, capitals are a matter of layout: "- Tổ chức".)
bool CaseInformative(std::string_view text, const std::vector<TokenSpan>& tokens, size_t i);

// The model's word for a punctuation token ("<,>", "<(>", ...), or nullptr
// when `cp` ends a sentence instead.
const char* PunctClass(char32_t cp);
// With `ocr_digits`, digits inside a run of letters belong to the token
// ("s6", "x4", "D6i": tesseract -l eng reads ố as 6 and ã as 4), as long as
// the run has a letter and at most two digits; it may start with one or two
// digits before a letter ("16i" for lỗi, "14p" for lập), not with a longer
// number ("2025a").
std::vector<TokenSpan> ScanTokens(std::string_view text, bool ocr_digits = false);

}  // namespace vanban::normalize
