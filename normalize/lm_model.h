// LmModel: the restorer's syllable trigram model, memory-mapped from one file.
//
// File layout (little-endian; every section 64-byte aligned):
//   "VBLM0002" | u32 section count | {char name[16]; u64 offset; u64 size}...
// Sections:
//   vocab     u32 count, u32 offsets[count+1], UTF-8 bytes (lower-case, NFC,
//             canonical tones). Ids 0..2 are <unk>, <s>, </s>.
//   unigram   {f32 logp; f32 logbo} per id (natural log).
//   bigram    open-addressing table: u64 slots (padded to 64 bytes, so
//             that records start on a cache line), then per slot 16 bytes:
//             u32 key (v<<16|w; ~0 when free), u32 value (quantized logp |
//             quantized logbo << 16), u64 next words (bit NextWordBit(x)
//             set for every stored trigram v w x).
//   trigram   open-addressing table: u64 slots (padded to 64 bytes), then
//             per slot 12 bytes: u64 key (u<<32|v<<16|w; ~0 when free), u32
//             value as above.
//   fourgram  optional: u64 slots, u64 keys[slots] (t<<48|u<<32|v<<16|w),
//             u16 values[slots] (logp).
//   cands     folded key → candidate ids: u64 slots, u64 key hashes[slots],
//             u32 begin[slots], u32 end[slots], u16 ids[...] (best unigram first).
//   case      f32 log p(Title | id)[count], f32 log p(lower | id)[count]:
//             how a syllable is written inside a sentence; optional.
//   channel   the OCR confusion costs (restore_channel.h); optional.
//   chcands   the channel's candidates of the spellings OCR mode meets most
//             (restore_channel.h CandidateTable); optional.
//   meta      free text: how the model was built.
// A table probe reads one record, mostly within one cache line (format 1
// kept keys and values apart, two lines a hit, and had no next words).
// Probabilities are interpolated Kneser-Ney turned into backoff form, so a
// lookup is a short chain of probes:
//   p(w|u,v) = p3(uvw) if stored, else bo(uv) + [p2(vw) if stored, else bo(v) + p1(w)],
// and one order up the same for four-gram models. Where bit
// NextWordBit(w) of (u v)'s next words is clear, p3(uvw) is not stored
// either: two in three of the trigram probes OCR mode made found nothing
// (held-out eng-OCR pages), and the mask spares 72% of those.
// Every stored n-gram's suffix is stored too (the builder's lower orders
// are continuation counts of the order above), so where p2(vw) is not
// stored no trigram ending in vw is either, and its table need not be probed.
//
// The file is memory-mapped. The tables the decoder reads at random
// (bigram, trigram, cands, chcands; 27 MB) are copied at Open into
// anonymous memory that the kernel backs with 2 MB pages where it offers
// transparent huge pages (HotCopy: ~4 ms more at load, OCR mode ~5%
// faster), and the copied part of the mapping is dropped.
//
// An LmModel is immutable after Open() and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace vanban::normalize {

using SyllableId = uint16_t;
inline constexpr SyllableId kUnk = 0, kBos = 1, kEos = 2;

// Log-probability quantization: 16 bits over [kQuantMin, 0].
inline constexpr float kQuantMin = -32.0f;
inline uint16_t QuantizeLogProb(float lp) {
  if (lp < kQuantMin) lp = kQuantMin;
  if (lp > 0) lp = 0;
  return static_cast<uint16_t>((lp / kQuantMin) * 65535.0f + 0.5f);
}
inline float DequantizeLogProb(uint16_t q) { return kQuantMin * (static_cast<float>(q) / 65535.0f); }
// Back-off weights of KN are in (−∞, 0]; same scale.

// A word's bit in a bigram context's 64-bit mask of next words.
inline int NextWordBit(uint16_t w) { return int((uint64_t(w) * 0x9E3779B97F4A7C15ULL) >> 58); }

inline uint64_t HashKey(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}
uint64_t HashString(std::string_view s);
inline constexpr uint64_t kEmptySlot = ~0ULL;

class LmModel {
 public:
  // Maps `path`; checks the header and the sections' bounds.
  static Result<std::unique_ptr<LmModel>> Open(const std::string& path);
  ~LmModel();
  LmModel(const LmModel&) = delete;
  LmModel& operator=(const LmModel&) = delete;

  size_t VocabSize() const { return vocab_count_; }
  std::string_view Syllable(SyllableId id) const;
  // Id of a lower-case canonical syllable, kUnk if absent. Linear in nothing:
  // uses the candidate table of its fold.
  SyllableId Find(std::string_view lower_syllable) const;
  // Vocabulary ids whose fold is `folded` (ASCII lower-case), best first.
  std::span<const SyllableId> Candidates(std::string_view folded) const;

  float Unigram(SyllableId w) const { return unigram_[2 * w]; }
  // log p(w | u v); u may be kBos or kUnk, v likewise.
  float LogProb(SyllableId u, SyllableId v, SyllableId w) const;
  // log p(w | t u v) with a four-gram model; the trigram one otherwise.
  float LogProb(SyllableId t, SyllableId u, SyllableId v, SyllableId w) const;
  bool HasFourgrams() const { return four_keys_ != nullptr; }
  // log p(w | v), the bigram part only; `stored` says whether p2(vw) is in
  // the table (when not, no trigram ends in vw).
  float LogProb2(SyllableId v, SyllableId w, bool* stored = nullptr) const;
  // The pieces of LogProb() for a decoder that shares them across
  // hypotheses: the back-off weight of context (u, v) and whether any
  // trigram continues it (when not, the trigram table need not be probed).
  struct Context {
    float backoff = 0;
    bool has_trigrams = false;
    // Of a bigram context (ContextOf, Bigram): NextWordBit of every w that
    // a stored trigram puts after it; 0 where !has_trigrams.
    uint64_t next_words = 0;
    bool MayContinueWith(SyllableId w) const { return (next_words >> NextWordBit(w)) & 1; }
  };
  Context ContextOf(SyllableId u, SyllableId v) const;
  // LogProb2 of every pair of vs × ws at once: p2[i * vs.size() + j] and
  // stored[...] are those of (vs[j], ws[i]). The reads of all pairs are
  // issued before any is used: a decoder asks about ~100 pairs a token, most
  // of them cache misses, and asked one by one their latencies add up.
  // `hashes` is scratch.
  void LogProb2Many(std::span<const SyllableId> vs, std::span<const SyllableId> ws, float* p2, uint8_t* stored,
                    std::vector<uint64_t>& hashes) const;
  // The same answers piecewise, for a decoder that scores each pair as it
  // asks: whether (v, w) may be stored, from the bigram filter (below; no
  // false negatives) with its index in two parts,
  // MaybeBigram(FilterPartOfV(v) + FilterPartOfW(w)); where not,
  // LogProb2(v, w) is UnigramBackoff(v) + Unigram(w) and ContextOf(v, w)
  // is {}; where it may be, Bigram() probes the table (after
  // PrefetchBigram, some work earlier).
  uint64_t FilterPartOfV(SyllableId v) const { return bi_rows_ ? v * bi_row_bits_ : FilterHash(uint64_t(v) << 16); }
  uint64_t FilterPartOfW(SyllableId w) const { return bi_rows_ ? bi_column_[w] : FilterHash(w); }
  bool MaybeBigram(uint64_t filter_index) const {
    if (bi_rows_) return (filter_[filter_index >> 6] >> (filter_index & 63)) & 1;
    uint64_t word = filter_[filter_index >> bi_filter_shift_];
    uint64_t bits = (1ULL << ((filter_index >> 36) & 63)) | (1ULL << ((filter_index >> 42) & 63));
    return (word & bits) == bits;
  }
  // Starts reading the filter's word for MaybeBigram(filter_index).
  void PrefetchFilter(uint64_t filter_index) const {
    __builtin_prefetch(&filter_[bi_rows_ ? filter_index >> 6 : filter_index >> bi_filter_shift_]);
  }
  float UnigramBackoff(SyllableId v) const { return unigram_[2 * v + 1]; }
  void PrefetchBigram(SyllableId v, SyllableId w) const {
    __builtin_prefetch(&bi_[HashKey((uint64_t(v) << 16) | w) & bi_mask_]);
  }
  // The stored p2(w | v) and ContextOf(v, w); false (both left alone) when
  // the pair is not stored.
  bool Bigram(SyllableId v, SyllableId w, float* p2, Context* context) const;
  // The stored log p3(w | u v), if any.
  bool Trigram(SyllableId u, SyllableId v, SyllableId w, float* logprob) const;
  // Trigram() of many keys (TrigramKey) at once, the reads issued first;
  // logprob[i] is left alone where keys[i] is not stored.
  static uint64_t TrigramKey(SyllableId u, SyllableId v, SyllableId w) {
    return (uint64_t(u) << 32) | (uint64_t(v) << 16) | w;
  }
  void TrigramMany(std::span<const uint64_t> keys, float* logprob) const;
  // Starts reading the trigram table's slot of `key`, for a TrigramMany soon.
  void PrefetchTrigram(uint64_t key) const { __builtin_prefetch(tri_ + (HashKey(key) & tri_mask_) * kTrigramSlot); }
  // The same one order up (four-gram models; {} otherwise).
  Context Context3Of(SyllableId t, SyllableId u, SyllableId v) const;
  bool Fourgram(SyllableId t, SyllableId u, SyllableId v, SyllableId w, float* logprob) const;

  // log p(written with a capital inside a sentence | w), and of lower case;
  // 0 for a model without the "case" section.
  float LogTitle(SyllableId w) const { return case_ ? case_[w] : 0.0f; }
  float LogLower(SyllableId w) const { return case_ ? case_[vocab_count_ + w] : 0.0f; }

  std::string_view Section(std::string_view name) const;  // empty if absent
  std::string_view Meta() const { return Section("meta"); }
  size_t FileSize() const { return size_; }

 private:
  LmModel() = default;
  Status Init();

  const char* data_ = nullptr;
  size_t size_ = 0;
  // The sections read at random and the bigram filter's rows, in memory
  // the kernel may back with 2 MB pages (HotCopy); empty where it offers
  // none.
  char* hot_ = nullptr;
  size_t hot_size_ = 0;
  std::vector<std::pair<std::string_view, std::string_view>> hot_sections_;
  uint64_t* hot_filter_ = nullptr;
  void HotCopy();
  std::string_view MappedSection(std::string_view name) const;
  uint32_t vocab_count_ = 0;
  const uint32_t* vocab_offsets_ = nullptr;
  const char* vocab_bytes_ = nullptr;
  const float* unigram_ = nullptr;
  const float* case_ = nullptr;
  uint64_t bi_mask_ = 0;
  struct BigramSlot {
    uint32_t key;  // kFreeBigram when free
    uint32_t value;
    uint64_t next_words;
  };
  static constexpr uint32_t kFreeBigram = ~0u;
  const BigramSlot* bi_ = nullptr;
  Context ContextAt(const BigramSlot& slot) const;
  // Which bigrams are stored, built at Open: most pairs a decoder asks
  // about are not (91% on OCR text), and the filter answers them from cache
  // where the table (8 MB) would miss.
  //
  // For a vocabulary of at most kMaxRowsVocab syllables, one bit per pair
  // (v, w), exact, at v * bi_row_bits_ + bi_column_[w] (bi_rows_): 1.4 MB
  // for the shipped 3,327 syllables, one row of 416 bytes per first word,
  // so the ~30 choices of a token after a word read at most 7 cache lines,
  // and the rows of common words stay in cache from token to token; no
  // false positives to probe either. (The filter's reads are still the
  // decoder's largest stall; the rows made OCR mode only ~2% faster than
  // the Bloom filter below.) The columns are in the order of the words'
  // folds, not of their ids (by frequency): a token's candidates are
  // spelled alike, and on the held-out eng-OCR pages a token's pairs read
  // 7.1 distinct lines of the filter instead of 17.2.
  //
  // Else a Bloom filter: two bits per stored bigram key in one 64-bit word
  // (~24 bits a bigram; ~0.7% of the pairs asked let through in vain). Its
  // hash is multiplicative, FilterHash(v << 16 | w) = A(v) + B(w) with
  // A(v) = (v << 16) * kFilterMul, B(w) = w * kFilterMul (mod 2^64): a
  // decoder asking about every pair of V words × W words pays one addition
  // a pair, the table's mixing hash only for the pairs it lets through.
  // Word and bits come from the product's high bits, which depend on every
  // bit of the key.
  static constexpr size_t kMaxRowsVocab = 8192;  // rows of 1 KB, 8 MB at most
  static constexpr uint64_t kFilterMul = 0x9E3779B97F4A7C15ULL;
  static uint64_t FilterHash(uint64_t key) { return key * kFilterMul; }
  std::vector<uint64_t> bi_filter_;  // unless in hot_
  const uint64_t* filter_ = nullptr;
  size_t RowFilterWords() const;  // 0 when the vocabulary is too large for rows
  bool bi_rows_ = false;
  std::vector<uint16_t> bi_column_;  // by id: its bit in a row (above)
  uint64_t bi_row_bits_ = 0;  // the vocabulary size, rounded up to 64
  int bi_filter_shift_ = 64;  // 64 − log2(words) of the Bloom filter
  void BuildBigramFilter();
  uint64_t tri_mask_ = 0;
  static constexpr size_t kTrigramSlot = 12;  // u64 key, u32 value, unaligned
  const char* tri_ = nullptr;
  uint64_t TrigramKeyAt(uint64_t slot) const;
  uint32_t TrigramValueAt(uint64_t slot) const;
  uint64_t four_mask_ = 0;
  const uint64_t* four_keys_ = nullptr;
  const uint16_t* four_vals_ = nullptr;
  uint64_t cand_mask_ = 0;
  const uint64_t* cand_keys_ = nullptr;
  const uint32_t* cand_begin_ = nullptr;
  const uint32_t* cand_end_ = nullptr;
  const SyllableId* cand_ids_ = nullptr;
};

// Writes sections into a model file (used by the builder).
class LmWriter {
 public:
  void Add(std::string name, std::string bytes);
  const std::string* Find(std::string_view name) const;
  Status Write(const std::string& path) const;

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

}  // namespace vanban::normalize
