// normalize: raw page text → the canonical text every later stage reads.
//
//   NormalizedText t = vanban::normalize::Normalize(document, options);
//
// What it does, in order, per page and then across pages:
//   - NFC; one tone-mark placement (see common/vietnamese.h: hòa, thúy, khỏe);
//   - removes zero-width characters, soft hyphens, BOMs, converter artefacts
//     such as "[bookmark: _GoBack]";
//   - collapses runs of spaces and tabs, trims lines, folds runs of blank lines;
//   - rejoins letter-spaced words ("t r ư ờ n g" → "trường");
//   - drops page numbers and running headers/footers repeated across pages;
//   - rejoins lines broken inside a sentence (a line that ends without
//     punctuation followed by one that starts in lower case), and words split
//     at a line or page end ("2021-" + "2025" → "2021-2025");
//   - restores diacritics on pages detected as unaccented or OCR-garbled, when
//     a Restorer is given.
// The raw text stays in the Document; this returns a new text with page spans.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/document.h"
#include "common/normalized_text.h"

namespace vanban::normalize {

class Restorer;  // normalize/restore.h

struct Options {
  bool canonical_tones = true;
  bool join_broken_lines = true;
  bool drop_running_headers = true;
  // Restores diacritics on unaccented pages; nullptr leaves them as they are.
  const Restorer* restorer = nullptr;
};

NormalizedText Normalize(const Document& document, const Options& options = {});

// Normalizes one line or paragraph of text the same way (no page logic): NFC,
// tones, invisible characters, spaces. For values taken from other sources
// (queries, gold labels) that must compare with the canonical text.
std::string NormalizeFragment(std::string_view text);

// Share of syllables that carry a Vietnamese mark, over syllables made of
// letters; used to tell unaccented text (< ~0.2) from accented (> ~0.5).
double AccentedShare(std::string_view text);

}  // namespace vanban::normalize
