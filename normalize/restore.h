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
// The model file is memory-mapped; a loaded Restorer is immutable and
// Restore() may be called from several threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace vanban::normalize {

class Restorer {
 public:
  static Result<std::unique_ptr<Restorer>> Load(const std::string& model_path);
  ~Restorer();
  Restorer(const Restorer&) = delete;
  Restorer& operator=(const Restorer&) = delete;

  std::string Restore(std::string_view text) const;

  struct Impl;

 private:
  explicit Restorer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban::normalize
