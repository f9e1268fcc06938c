// The OCR noisy channel: how likely an English-model OCR engine writes the
// letters of a Vietnamese syllable as a given ASCII token ("được" → "dupe",
// "cách" → "each", "người" → "ngudi").
//
// A letter of the syllable becomes one output letter (ố → d, c → e, ư → u),
// two letters (ự → ir, m → rn) or nothing; an output letter can also appear
// from nothing. Costs are −log probabilities learned by hard EM from aligned
// pairs (accented source text, `tesseract -l eng` output of its rendering),
// never written by hand: see bench/make_ocr_pairs.sh and LearnChannel().
//
// Internal to normalize/. Immutable after construction; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "normalize/lm_model.h"

namespace vanban::normalize {

class Channel {
 public:
  // Parses the "channel" section of a model; an empty view gives the
  // untrained channel (folding only).
  static Result<Channel> Parse(std::string_view section);
  Channel();

  // Weighted edit cost of writing syllable `source` (lower-case NFC) as the
  // ASCII lower-case `ocr` token.
  float Cost(std::string_view source, std::string_view ocr) const;

  // Index over a model's vocabulary for fast candidate search.
  void IndexVocabulary(const LmModel& model);
  struct Candidate {
    SyllableId id;
    float cost;
  };
  // Syllables of the indexed vocabulary whose cost to `ocr` is within
  // `max_cost` and within `margin` of the cheapest one, cheapest first (ties
  // by id), at most `limit`.
  std::vector<Candidate> Search(std::string_view ocr, float max_cost, float margin, size_t limit) const;

  std::string Serialize() const;
  bool trained() const { return trained_; }

  // Source letters: a-z, đ and the toned/modified vowels.
  static int SourceIndex(char32_t lower_cp);

  struct Tables {
    std::vector<char32_t> letters;          // source alphabet
    std::vector<float> sub;                 // [letter][36]: a-z, 0-9
    std::vector<float> del;                 // [letter]
    std::vector<float> ins;                 // [36]
    std::vector<float> sub2;                // [letter][36*36], +inf when unseen
  };
  const Tables& tables() const { return t_; }

  // One edit on the best path: source letter index (−1 for an insertion)
  // and what it became ("" for a deletion).
  struct Edit {
    int source;
    std::string out;
  };
  // Aligns source letter indices with an ASCII token under the current costs.
  float Align(const std::vector<int>& src, std::string_view ocr, std::vector<Edit>* edits) const;

  friend Result<std::string> LearnChannel(const std::string& pairs_dir, std::string* report);

 private:
  Tables t_;
  bool trained_ = false;
  struct TrieNode {
    int letter;        // source index
    int parent;
    int depth;
    SyllableId id;     // kUnk when no syllable ends here
    std::vector<int> children;
  };
  std::vector<TrieNode> trie_;
  int max_depth_ = 0;
  // Per trie node, for cutting subtrees early: the least cost of putting out
  // each output letter from the letters below the node or by insertion,
  // [node][kOut]; and the least cost of deleting the letters from the node
  // down to the nearest syllable end.
  std::vector<float> below_;
  std::vector<float> delete_below_;
  void IndexLowerBounds();

  size_t max_children_ = 0;
  struct SearchScratch {
    const int* oi;      // output letter indices of the token
    size_t m;           // its length
    const float* ins;   // [m + 1]: inserting output letter j
    const float* sub;   // [letter][m + 1]: the letter put out as output letter j
    const float* sub2;  // [letter][m + 1]: ... as output letters j − 1 and j
    float* cols;        // per depth, max_children_ columns of m + 1
    struct Child {
      float below;  // SubtreeBound
      uint32_t index;
    };
    Child* promising;  // per depth, max_children_
    float margin;
    size_t limit;
    float best;               // cheapest cost found so far
    float bound;              // cost over which nothing more is kept
    std::vector<float> heap;  // the `limit` cheapest costs found, max first
  };
  void Search(int node, int depth, const float* col, SearchScratch& sc, std::vector<Candidate>& out) const;
  void Found(Candidate c, SearchScratch& sc, std::vector<Candidate>& out) const;
  float SubtreeBound(int node, const float* col, const SearchScratch& sc) const;
};

// Learns confusion costs from NAME.src.txt / NAME.ocr.txt pairs in
// `pairs_dir` and returns the serialized "channel" section. Appends a summary
// (pairs, aligned syllables, most frequent confusions) to `report`.
Result<std::string> LearnChannel(const std::string& pairs_dir, std::string* report);

}  // namespace vanban::normalize
