// Builds the restorer's language model (normalize/lm_model.h) from accented
// text: `vanban lm build` and `vanban lm build --from-db`.
//
//   LmBuildOptions o;
//   o.shared_lm_dir = "../shared/lm";
//   o.out_path = "corpus/model/vi.lm";
//   Status s = BuildModel(o);   // ~1-2 min on one core for the 36 MB
//
// Text is NFC'd, given the canonical tone placement (common/vietnamese.h) and
// lower-cased; a run of letters is a token; tokens that are not valid
// Vietnamese syllables (UBND, THPT, English words) become <unk>; anything but
// spaces between two tokens (punctuation, digits, a blank line) ends a
// sentence. Counts are smoothed by interpolated modified Kneser-Ney and
// stored in backoff form.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace vanban::normalize {

struct LmBuildOptions {
  // Folder with legal-vlc/ and admin/ (see ../shared/lm/README.md).
  std::string shared_lm_dir;
  // Where to write the model (written to a .tmp file, then renamed).
  std::string out_path;
  // Administrative documents are the plans' own genre; laws alone barely
  // help on plan text (README: +0 on school plans). Their counts are
  // multiplied by this weight.
  int admin_weight = 3;
  // The last `heldout_admin_docs` documents of admin/ (in file order) are
  // never counted: they are the restorer's held-back OCR test set.
  int heldout_admin_docs = 12;
  // Syllables seen fewer times than this are left out of the vocabulary.
  int min_syllable_count = 2;
  // Codes (UBND, THPT) seen at least this often (weighted) become words of
  // their own ("#thpt"); 0: every code is <code>. Off: measured on the
  // stripped seeds, 30 → 98.83%, 1000 → 98.90%, off → 98.94%.
  int min_code_count = 0;
  // n-gram order, 3 or 4. Measured on the stripped seeds (corpus/model/README.md):
  // 4 gives nothing here (98.67-98.69% vs 98.71%) and needs 42-52 MB.
  int order = 3;
  // The unigram level mixes Kneser-Ney's continuation probability with
  // plain frequency: when the context says little, how often a syllable is
  // written decides (stripped seeds: 98.71% → 98.74% at 0.3, 98.73% at 0.7;
  // with the sample plans counted: 0.2 98.99%, 0.3 98.99%, 0.35 99.01%,
  // 0.4 99.01%, 0.5 99.00%, 0.6 98.96% — a plateau, ±1 syllable of 13,496).
  double unigram_raw_mix = 0.4;
  // n-grams of the highest order seen fewer times than this are not stored
  // (their mass still shapes the back-off weights); keeps the model small.
  int min_top_count = 2;
  // Optional folder of aligned OCR pairs (NAME.src.txt + NAME.ocr.txt) to
  // learn the channel's confusion costs from (see bench/make_ocr_pairs.sh).
  std::string ocr_pairs_dir;
  // Folder of sample plans we wrote ourselves (corpus/plans/*.plan, issue 5:
  // "text you write yourselves"), counted as plain text (PlanText) with
  // weight plan_weight; empty: none. Exactly the plans' genre, but small
  // (~4,700 syllables), hence the larger weight.
  std::string plans_dir;
  int plan_weight = 3;
  // Extra accented texts, each counted with weight admin_weight.
  std::vector<std::string> extra_texts;
  bool verbose = false;
};

Status BuildModel(const LmBuildOptions& options);

// An archive model: the same vocabulary as `base_model_path`, counts from
// `texts` only (accented documents from the archive). The restorer
// interpolates it with the shipped model (RestoreOptions::archive_model).
Status BuildArchiveModel(const std::string& base_model_path, const std::vector<std::string>& texts,
                         const std::string& out_path, int order = 3);

// The held-back administrative documents (for making the OCR test set).
Result<std::vector<std::string>> HeldOutDocuments(const LmBuildOptions& options);

// Page-sized pieces (~1,800 characters, tabs as spaces) to render for the
// OCR recipe, spread evenly over their documents: from the held-out
// documents (`heldout` true: the OCR test set) or from every 15th counted
// administrative document (the channel's training pairs).
Result<std::vector<std::string>> OcrPages(const LmBuildOptions& options, bool heldout, size_t max_pages);

// The plain text of a corpus/plans/*.plan file (corpus/README.md): comment
// lines and markup-only directives (.pageno, .space, .table, ...) dropped,
// the directive word taken off lines that carry text (.title, .h1, .to),
// table cells (.th/.tr/.tg, split at " | ") one per line, **bold** and
// __italic__ marks removed.
std::string PlanText(std::string_view markup);

// Word classes the model counts as words: every number is <num>; an
// all-capital code that is not a syllable is "#" + its lower case ("#thpt")
// when frequent enough to be in the vocabulary, <code> otherwise.
inline constexpr const char* kNumberWord = "<num>";
inline constexpr const char* kCodeWord = "<code>";
inline constexpr uint16_t kCodeId = 4;  // vocabulary: <unk> <s> </s> <num> <code> ...
std::string WordClass(std::string_view token, bool number);

// Splits accented text into sentences of lower-case canonical tokens, the
// way the builder counts them. Exposed for tests and the archive model.
std::vector<std::vector<std::string>> SplitSentences(const std::string& text);

}  // namespace vanban::normalize
