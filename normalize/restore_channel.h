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
#include <optional>
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

  // Index over a model's vocabulary for fast candidate search; the second
  // form over the builder's vocabulary (ids are positions) before the model
  // is written.
  void IndexVocabulary(const LmModel& model);
  void IndexVocabulary(const std::vector<std::string>& vocab);
  struct Candidate {
    SyllableId id;
    float cost;
  };
  // Syllables of the indexed vocabulary whose cost to `ocr` is within
  // `max_cost` and within `margin` of the cheapest one, cheapest first (ties
  // by id), at most `limit`.
  std::vector<Candidate> Search(std::string_view ocr, float max_cost, float margin, size_t limit) const;
  // The candidates the restorer takes for a folded token: Search under the
  // cost ceiling for its length (4 a letter + 6: a wholly garbled token
  // is left as it is, not read as any syllable).
  std::vector<Candidate> TokenCandidates(std::string_view ocr, float margin, size_t limit) const;

  // The likeliest ways OCR writes `syllable` (lower-case NFC): each letter
  // read as one or two output letters or dropped, insertions left out, at a
  // cost within `slack` of the cheapest reading; at most `limit`, cheapest
  // first. Spellings for CandidateTable::Build: the garbled tokens OCR
  // mode meets, where they can be foreseen.
  std::vector<std::string> Misreadings(std::string_view syllable, float slack, size_t limit) const;

  // This channel with its costs moved toward one document's own OCR
  // engine, when that engine is not the training pairs' ("dupe" for "được",
  // "each" for "cách": seed 001). `readings` are a first restoration's
  // (syllable, folded token) pairs; each source letter's readings along
  // their alignments are counted and mixed with the learned costs, which
  // weigh as `prior` observations of every letter (a MAP estimate: a letter
  // the document says little about keeps its costs). Nothing when the
  // adapted costs make the readings cheaper by `min_gain` or less per
  // reading on average (natural log): the engine reads as the pairs' did.
  // `gain`, when given, receives that average.
  struct Reading {
    std::string_view syllable;
    std::string token;
  };
  std::optional<Channel> AdaptedTo(const std::vector<Reading>& readings, float prior, float min_gain,
                                   float* gain = nullptr) const;

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
  // The vocabulary trie, as built (AddToTrie), then laid out breadth first
  // (FinishTrie): a node's children are consecutive, and so are their rows
  // of below_ (the 824 distinct tokens of the held-out eng-OCR pages are
  // searched in 14.4 ms instead of 16.0 with nodes in vocabulary order).
  struct BuildNode {
    int letter;
    SyllableId id;
    std::vector<int> children;
  };
  std::vector<BuildNode> building_;
  struct TrieNode {
    int32_t letter;        // source index
    SyllableId id;         // kUnk when no syllable ends here
    uint32_t first_child;  // children: [first_child, first_child + children)
    uint32_t children;
  };
  std::vector<TrieNode> trie_;
  int max_depth_ = 0;
  void AddToTrie(SyllableId id, std::string_view syllable);
  void FinishTrie();
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
    const uint8_t* pairs;  // [letter]: whether any of its sub2 row is finite
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

// TokenCandidates of the spellings a model expects to meet, computed when
// the model is built (the "chcands" section, lm_model.h): every fold of its
// vocabulary ("cong", which OCR mode also reads as "cộng", "còn", "cung")
// and the tokens of its OCR training pairs ("dugc", "s6"). On the held-out
// eng-OCR pages they are 89% of the distinct tokens searched; searching each anew
// in every process was half of OCR mode's time. Valid for the margin and
// limit it was built with; a lookup is one hash probe in the mapped file.
class CandidateTable {
 public:
  // An empty view gives an empty table.
  static Result<CandidateTable> Parse(std::string_view section);
  static std::string Build(const Channel& channel, const std::vector<std::string>& spellings, float margin,
                           size_t limit);

  // Whether the table holds the candidates for `margin` and `limit`: those
  // it was built for or narrower ones, which are a prefix of each entry
  // (the candidates within `margin` of the first, at most `limit`).
  bool Serves(float margin, size_t limit) const { return slots_ && margin <= margin_ && limit <= limit_; }
  // The candidates of folded token `ocr`, cheapest first; false when the
  // table does not have the spelling.
  struct Entry {
    const SyllableId* ids;
    const float* costs;
    size_t size;
  };
  bool Find(std::string_view ocr, Entry* entry) const;
  // The same cut to narrower options (Serves): the entry's prefix within
  // `margin` of its first candidate, at most `limit`, as Channel::Search
  // would give them.
  bool Find(std::string_view ocr, float margin, size_t limit, Entry* entry) const;

 private:
  float margin_ = 0;
  uint32_t limit_ = 0;
  uint64_t slots_ = 0;
  const uint64_t* hashes_ = nullptr;
  const uint32_t* begin_ = nullptr;
  const uint32_t* end_ = nullptr;
  const float* costs_ = nullptr;
  const SyllableId* ids_ = nullptr;
};

// The folded word tokens of the NAME.ocr.txt files (with a NAME.src.txt) in
// `pairs_dir`, sorted and distinct: spellings for CandidateTable::Build.
Result<std::vector<std::string>> OcrSpellings(const std::string& pairs_dir);

// Learns confusion costs from NAME.src.txt / NAME.ocr.txt pairs in
// `pairs_dir` and returns the serialized "channel" section. Appends a summary
// (pairs, aligned syllables, most frequent confusions) to `report`.
Result<std::string> LearnChannel(const std::string& pairs_dir, std::string* report);

}  // namespace vanban::normalize
