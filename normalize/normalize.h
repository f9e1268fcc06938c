// normalize: raw page text → the canonical text every later stage reads.
//
//   NormalizedText t = vanban::normalize::Normalize(document, options);
//
// What it does, in order, per page and then across pages:
//   - converts text typed in the legacy TCVN3 (ABC) or VNI font encodings and
//     read as Latin-1 ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi") to Unicode;
//   - removes zero-width characters, soft hyphens, BOMs, bidi and other
//     control characters (except '\n'), and converter artefacts such as
//     "[bookmark: _GoBack]" and markdown "**bold**"; NBSP and tabs → space;
//   - splits two columns laid side by side on one line by a wide gap when they
//     are header or signature pieces ("Nơi nhận:      HIỆU TRƯỞNG");
//   - rejoins letter-spaced words ("t r ư ờ n g" → "trường": ≥ 3 single
//     letters); collapses runs of spaces; trims lines;
//   - NFC and one tone-mark placement (common/vietnamese.h: hòa, thúy, khỏe);
//   - drops page numbers ("- 3 -", "Trang 3", a bare "3" that fits the page)
//     and running headers/footers repeated at the top or bottom of most pages;
//   - folds blank lines: one blank line for a paragraph break; in
//     double-spaced text (a blank line after every line) single blank lines
//     go;
//   - rejoins lines broken inside a sentence. A break is joined when the line
//     does not end with . ; : ! ?, is not all capitals, the next line opens no
//     structure (heading I. / 1. / 1.1. / a), bullet - + •, "Nơi nhận",
//     "Căn cứ", KT./TM./TL., a line in capitals, a table row) and either the
//     next line starts in lower case or the line is full (≥ 80% of the page's
//     typical line: wrapped at the page width). "2021-" + "2025" and
//     "381/KH-" + "SGDĐT" join without a space. The header block (up to the
//     kind line "KẾ HOẠCH", or the date / "Số:" line) is never joined; a title
//     that continues in lower case is. Lines keep their structure otherwise:
//     one heading, one Nơi nhận item, one signer line per line;
//   - a sentence that runs on across a page break joins with ' ' (or nothing
//     after a split code) instead of '\f' (see common/normalized_text.h);
//   - restores diacritics on pages detected as unaccented (AccentedShare
//     below 0.3 over ≥ 20 syllables), when a Restorer is given, and marks
//     them PageSpan::restored.
// The raw text stays in the Document; this returns a new text with page spans.
// Pure and thread-safe; no ICU object per character, RE2 patterns compiled
// once per process.
#pragma once

#include <string>
#include <string_view>

#include "common/document.h"
#include "common/normalized_text.h"

namespace vanban::normalize {

class Restorer;  // normalize/restore.h

struct Options {
  // One tone-mark placement (hòa, thúy); false keeps the source's, NFC only.
  bool canonical_tones = true;
  // Rejoin lines (and pages) broken inside a sentence.
  bool join_broken_lines = true;
  // Drop page numbers and running headers/footers.
  bool drop_running_headers = true;
  // Restores diacritics on unaccented pages; nullptr leaves them as they are.
  const Restorer* restorer = nullptr;
  // A page is restored when its AccentedShare is below this, over at least
  // restore_min_syllables syllables. Accented plans score ~0.9 and the
  // unaccented seed 0.002; 0.3 restores a page whose body is unaccented even
  // under an accented header block, and the restorer leaves accented
  // syllables alone.
  double restore_below_share = 0.3;
  int restore_min_syllables = 20;  // fewer: a table of numbers, a signature
  // Pages restored at once. Restoring OCR-garbled text is the slow part of a
  // text-layer batch, and each reading of a page is independent of the
  // others' (the channel is adapted between the readings, over them all),
  // so a long garbled document spreads over the cores.
  int restore_jobs = 1;
};

NormalizedText Normalize(const Document& document, const Options& options = {});

// Normalizes one line or paragraph of text the same way (no page logic):
// legacy encodings, invisible characters, artefacts, letter spacing, spaces,
// NFC, tones. For values taken from other sources (queries, gold labels) that
// must compare with the canonical text.
std::string NormalizeFragment(std::string_view text);

// Share of syllables (runs of letters; all-capital ASCII acronyms such as
// UBND, THPT left out) that carry a mark — any letter outside ASCII. 0 when
// there is no syllable. On the seeds: the unaccented OCR text 001 scores
// 0.002, the accented plans 0.90–0.91.
double AccentedShare(std::string_view text);

}  // namespace vanban::normalize
