// Internal to normalize/: cleaning that looks at characters and single lines,
// never at the page. Shared by Normalize (per page) and NormalizeFragment.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::normalize::internal {

// Character-level clean-up of raw text:
//   - "\r\n", "\r", U+0085, U+2028, U+2029 and stray '\f' become '\n' (pages
//     are separated by the caller, never inside a page's text);
//   - zero-width characters (U+200B..U+200D, U+2060, U+FEFF), the soft hyphen
//     U+00AD, bidi controls, other C0/C1 controls and unassigned private-use
//     characters are removed;
//   - NBSP and the other Unicode spaces become ' '; '\t' is kept (it marks a
//     column gap, see SplitColumns) and Symbol-font bullets (U+F0B7, ...)
//     become '•'; the Latin ligatures U+FB00..U+FB06 ("ﬁ") become letters.
// Legacy encodings must be converted before (TCVN3 "ư" is the soft hyphen).
std::string CleanCharacters(std::string_view text);

// Removes what document converters leave in the text: "[bookmark: _GoBack]",
// "[bookmark: bookmark21]" (docx → txt), pandoc anchors "[]{#_Toc12 .anchor}",
// span classes "[text]{.underline}" → "text", markdown bold "**text**" → "text".
std::string RemoveConverterArtefacts(std::string_view text);

// A line holding two columns side by side, separated by a wide gap (a tab or
// ≥ 8 spaces), as converters lay out the header block and the Nơi nhận /
// signature block: "Nơi nhận:        HIỆU TRƯỞNG" → {"Nơi nhận:", "HIỆU TRƯỞNG"}.
// Only splits when the right part is a header or signature piece (all
// capitals, a date line "…, ngày … tháng …", the motto "Độc lập - …", a
// person's name after a Nơi nhận item) or the left part opens "Nơi nhận" or
// "Số:"; a wide gap inside justified prose ("80% hồ sơ        giải") stays.
// Without a gap, "Nơi nhận: HIỆU TRƯỞNG" (a PDF line) splits too when all
// that follows the colon is in capitals.
std::vector<std::string> SplitColumns(std::string_view line);

// Quarters are I–IV, and OCR reads their strokes as H, l or L: "quý H"
// → "quý II", "quy HI" → "quy III", "Quý l/2026" → "Quý I/2026". Only after
// "quý"/"quy", and only when the strokes make I, II or III.
std::string MendQuarterNumerals(std::string_view text);

// A line of scattered specks as OCR reads them, between the lines of a
// sentence. Either three or more tokens, each a single character, at least
// one of them neither letter, digit nor hyphen (seed 001: "9 , ' , * * 9 *",
// "r t /"; "- 3 -" is a page number); or three or more symbols, two of them
// no punctuation, at least as many as letters and digits, with no syllable
// or capital code among the letters (its text layer "9 › \ › ?k + 9 +", its
// scans "9g, **qo*").
// Letter-spaced words ("t r ư ờ n g") are rejoined before this is asked.
// Such a line is no text; Normalize drops it.
bool IsSpeckLine(std::string_view line);

// "t r ư ờ n g" → "trường": a run of ≥ 3 single letters separated by single
// spaces, all of one case (the first may be a capital), is one letter-spaced
// word. Two spaces or more end the word ("C Ộ N G  H Ò A" → "CỘNG HÒA").
std::string RejoinLetterSpaced(std::string_view line);

// "giámhiệu" → "giám hiệu", "SỞGIÁO" → "SỞ GIÁO", "cơsởdữ" → "cơ sở dữ":
// OCR (and some PDF text layers) drop the space between syllables. A
// Vietnamese syllable is a word of its own, so a run of letters that is no
// syllable but reads in exactly one way as the fewest valid syllables, all
// carrying marks, is those syllables. All parts marked keeps loanwords and
// unaccented text ("online", "Zalo") as they are. Works on NFC text.
std::string SplitGluedSyllables(std::string_view text);

// Tabs → spaces, runs of spaces → one, trimmed.
std::string CollapseSpaces(std::string_view line);

// True when `s` has ≥ 2 letters and none of them is lower case.
bool IsAllCaps(std::string_view s);

}  // namespace vanban::normalize::internal
