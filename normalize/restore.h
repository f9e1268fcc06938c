// Restorer: puts the diacritics back on unaccented or OCR-garbled Vietnamese.
//
//   auto r = vanban::normalize::Restorer::Load("corpus/model/vi.lm");
//   std::string fixed = (*r)->Restore("Cong tac cai each hanh chinh");
//   // → "Công tác cải cách hành chính"
//
// A syllable n-gram language model (case-folded, NFC, canonical tone
// placement) scores candidates for each token: every syllable of the
// Vietnamese inventory that strips to the token, plus, for tokens that are not
// syllables ("each", "nude", "dupe"), candidates by weighted character edits
// learned from OCR confusions. Decoding is a search over the lattice.
// Line structure, spacing, punctuation, numbers and case are kept exactly;
// only syllables change. Accented text passes through unchanged.
//
// What is kept as is: accented tokens (they are evidence, and context for
// their neighbours), all-capital codes that are not syllables (UBND, THPT,
// PAR INDEX), anything that is not a run of Latin letters. Codes with Đ
// follow an explicit lexicon (normalize/restore_lexicon.h): SGDDT → SGDĐT,
// 123/QD-UBND → 123/QĐ-UBND.
//
// The model file is memory-mapped; a loaded Restorer is immutable (but for a
// locked cache of OCR candidates per token) and
// Restore() may be called from several threads at once.
//
// Measured (corpus/model/README.md, bench/restore_bench.sh): 99.0% of the
// syllables of the stripped accented seeds, 96.0% of held-out pages read by
// tesseract -l eng --psm 6; ~1-1.5 M syllables/s of one core on
// unaccented text; in OCR mode (ocr_beam 16), in a fresh process on this
// shared machine when it is not busy, 564 k/s (median; best 600 k) on the
// held-out eng-OCR pages and 506 k/s over 71 distinct held-out and dev
// pages (the decoder's loop over choice and state pairs is about half of
// it, then the channel search for tokens the model's table lacks); 15-30%
// less under other tenants' load; model load ~11 ms, ~51 MB resident for
// `vanban restore`. Seed 001, read
// by another engine, is read twice (adapt_*): 14 of its 14 target
// statements within errors.
//
// The channel candidates of the spellings OCR mode meets most come with the
// model (the folds of its vocabulary, the tokens of its OCR training pairs),
// computed for the default channel_margin and channel_candidates (and
// serving narrower ones); other spellings, wider options and a channel
// adapted to a document are searched, and cached.
//
// Model files are built by BuildModel() (normalize/lm_build.h, `vanban lm
// build`); an optional archive model learned from the documents already in
// the database (`vanban lm build --from-db`) is interpolated with the shipped
// one.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace vanban::normalize {

struct RestoreOptions {
  // An archive model (BuildArchiveModel) to interpolate with the shipped one;
  // empty for none. Must share the shipped model's vocabulary.
  std::string archive_model_path;
  // Weight of the archive model in the linear interpolation
  // p = (1 − w)·p_shipped + w·p_archive.
  float archive_weight = 0.3f;

  // OCR-noise handling: tokens that are not syllables get edit candidates
  // from the learned channel. kAuto turns it on for a text where more than
  // `ocr_auto_share` of the lower-case tokens are not foldable syllables.
  enum class Ocr { kAuto, kOff, kOn };
  Ocr ocr = Ocr::kAuto;
  float ocr_auto_share = 0.02f;
  // Scale of the channel cost against the language model (log domain).
  float channel_weight = 1.0f;
  // Candidates within this cost of the cheapest one are kept per token.
  // (Measured on the held-out eng-OCR pages: 12 candidates within 7 cut off
  // "bộ" for "be", where bè bé bẻ bê bế ... come first: 92.6% → 93.5%.)
  // The model's precomputed candidates are for these two defaults, and
  // serve narrower ones; with wider values every token is searched (OCR
  // mode ~1.8x slower). Dev pages: 30 candidates 97.43%, 24 97.40%, 20
  // 97.34%, 16 97.17% (OCR mode up to ~1.5x faster at 16).
  float channel_margin = 10.0f;
  size_t channel_candidates = 30;
  // Channel cost of leaving a non-syllable token as it is (a name, an
  // English word) instead of reading it as a syllable.
  // (The dev pages, corpus/model/README.md, would take 12: 97.59% against
  // 97.45% at 14; but seed 001, OCR'd by another engine, then keeps "dupe"
  // for "được" more often, so 14 stays.)
  float keep_cost = 14.0f;
  // The same for capitals that no syllable folds to, left as a code (UBND,
  // BT, VP) rather than read as a syllable ("SG" for "Sở"). Dev pages: 0,
  // 2 and 4 97.45%, 6 97.43%.
  float code_keep_cost = 4.0f;
  // In OCR mode, the cost of reading a marked token as another syllable the
  // channel gives for its letters: OCR with a Vietnamese model puts wrong
  // marks on unaccented print ("Chỉnh phủ" for "Chinh phu"), and a text
  // layer made from such OCR keeps them. Measured on 16 dev pages printed
  // unaccented and read by tesseract -l vie (corpus/model/README.md): 0 and
  // 1 97.81%, 2 97.69%, 6 97.54%; marks kept as they are, 95.90%. 1, not 0:
  // where the context cannot tell, the mark does.
  float remark_cost = 1.0f;

  // In OCR mode, a document whose first reading says its OCR engine's
  // confusions are not those of the training pairs (seed 001: "dupe" for
  // "được", "each" for "cách") is read again with the channel adapted to
  // them (Channel::AdaptedTo), the learned costs weighing as `adapt_prior`
  // observations of each letter. Two tests, the cheap one first: more than
  // `adapt_unlikely_share` of the words were read at a choice cost of
  // `adapt_unlikely_cost` or more (p < 1/3000); and the adapted costs make
  // the first reading's confusions cheaper by more than `adapt_min_gain`
  // per word on average (natural log). Measured per page (each a document;
  // corpus/model/README.md): held-out eng-OCR pages, unlikely 0-2.1%, gain
  // 0.02-0.20: never read again; pages read by tesseract -l vie 0-0%,
  // 0-0.01; the held-out pages printed in two fonts the pairs never used
  // 0.3-15%, 0.08-1.18 (92.01% → 92.61%); seed 001 as one text 6.3%, 0.54.
  float adapt_unlikely_cost = 8.0f;
  float adapt_unlikely_share = 0.03f;
  float adapt_prior = 30.0f;
  float adapt_min_gain = 0.25f;

  // Weight of the case model (lm_model.h LogTitle): how a syllable is
  // written inside a sentence, added to its cost; 0 turns it off.
  float case_weight = 0.5f;  // stripped seeds: 0 → 98.85%, 0.5 → 98.94%, 1 → 98.93%, 2 → 98.87%

  // Hypotheses kept per token (states are the last two syllables). 0 = all,
  // i.e. exact Viterbi over the trigram lattice.
  size_t beam = 8;
  // The same in OCR mode, where a token has ~17 candidates instead of ~3
  // and more paths stay close: dev pages (corpus/model/README.md) 97.26% at
  // 8, 97.38% at 12, 97.45% at 16, 97.45% at 24; OCR mode ~25% slower at 16
  // than at 8.
  size_t ocr_beam = 16;
  // Hypotheses scoring this far (natural log) below the best are dropped.
  // (Dev eng-OCR pages: 12 97.432%, 10 97.425% (one syllable), 8 97.40%,
  // 6 97.16%. At 10 against 12: held-out pages and pages read by tesseract
  // -l vie the same, stripped seeds one syllable more, the two-font pages
  // two fewer, seed 001 two junk-line words worse; OCR mode's decoder 13%
  // fewer instructions, 86.2 → 74.7 M on the held-out pages.)
  float prune_margin = 10.0f;
  // At most this many fold candidates per token, most frequent first
  // ("doi" has 16: đối đổi đội đời đôi đòi dõi ...; "theo dõi" needs the 11th).
  size_t max_candidates = 24;
};

class Restorer {
 public:
  static Result<std::unique_ptr<Restorer>> Load(const std::string& model_path,
                                                const RestoreOptions& options = {});
  ~Restorer();
  Restorer(const Restorer&) = delete;
  Restorer& operator=(const Restorer&) = delete;

  std::string Restore(std::string_view text) const;
  // The pages of one document, `jobs` at a time: as Restore() on each, but
  // in OCR mode a channel adapted to all of the pages' first reading reads
  // them again when their engine is not the training pairs' (adapt_*).
  std::vector<std::string> RestorePages(const std::vector<std::string_view>& pages, int jobs = 1) const;

  // Syllables (letter tokens) seen by Restore() in `text`, for rate figures.
  static size_t CountSyllables(std::string_view text);

  struct Impl;

 private:
  explicit Restorer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Accuracy of `restored` against the accented `gold`, syllable by syllable
// (letter tokens aligned in order), ignoring case and tone placement.
struct RestoreScore {
  size_t syllables = 0;
  size_t correct = 0;
  double accuracy() const { return syllables ? double(correct) / double(syllables) : 0.0; }
};
// Tokens are aligned by their longest common subsequence (OCR text loses,
// splits and reorders some); numbers are not syllables and do not count.
RestoreScore ScoreRestoration(std::string_view gold, std::string_view restored);

}  // namespace vanban::normalize
