#include "normalize/restore.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#ifdef __SSE__
#include <xmmintrin.h>
#endif

#include "common/vietnamese.h"
#include "normalize/lm_build.h"
#include "normalize/lm_model.h"
#include "normalize/restore_channel.h"
#include "normalize/restore_lexicon.h"
#include "normalize/syllable.h"

namespace vanban::normalize {
namespace {

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

struct Choice {
  SyllableId id;
  float cost;  // channel cost (−log p(token | syllable)), already weighted
};

// One token of the input and what it may become.
struct Slot {
  size_t begin, end;
  bool hard_break;
  bool keep;  // output the token as it is (accented, code, unknown)
  CasePattern pattern;
  uint32_t first, count;  // range in the choice arena
  bool upper_unknown = false;  // capitals no syllable folds to ("SG")
};

struct Hyp {
  SyllableId t, u, v;  // the last three words (t unused by a trigram model)
  float score;
  int32_t back;  // index of the previous hypothesis in the arena
  // The model's context (u, v) (LmModel::ContextOf), for a trigram model
  // without an archive one: found in the same table slot as p2(v | u) when
  // the hypothesis is made (LmModel::Bigram; {} where the filter rules the
  // pair out), not probed again.
  float backoff;
  uint64_t next_words;
};

// The `beam` best scores offered so far, descending, −∞ where none was
// offered yet. The choices of a token come cheapest first, so after the
// first few most scores fall below the beam-th at one well-predicted
// comparison. One that does not is merged in without branches: best[i]
// becomes max(best[i], min(best[i − 1], sc)), of the old best[i − 1], a
// slot before best[0] holding +∞ (std::nth_element over all the scores
// spent twice the time of the insertion sort, in mispredicted branches).
// With SSE the merge is four lanes at a time (OCR mode's decoder, beam 16:
// 10% fewer instructions than the scalar loop, 218.7 → 196.4 M on the
// held-out and dev pages).
class TopScores {
 public:
  void Reset(size_t beam) {
    beam_ = beam;
    slots_.assign(beam + 1, kNegInf);
    slots_[0] = std::numeric_limits<float>::infinity();
  }
  float last() const { return slots_[beam_]; }
  // Once more than `beam` scores were offered: the beam-th best, the cut,
  // and how many of the beam score exactly that, so how many of those at
  // the cut the beam takes.
  void Cut(float* cut, size_t* at_cut) const {
    *cut = last();
    size_t above = 0;
    for (size_t i = 1; i <= beam_; ++i) above += slots_[i] > *cut;
    *at_cut = beam_ - above;
  }
  void Offer(float sc) {
    if (!(sc > slots_[beam_])) return;
    float* best = slots_.data() + 1;
#ifdef __SSE__
    if (beam_ % 4 == 0) {
      // Four lanes at a time from the top, so each reads the old best[i − 1].
      const __m128 s = _mm_set1_ps(sc);
      for (size_t i = beam_; i > 0;) {
        i -= 4;
        const __m128 shifted = _mm_min_ps(_mm_loadu_ps(best + i - 1), s);
        _mm_storeu_ps(best + i, _mm_max_ps(_mm_loadu_ps(best + i), shifted));
      }
      return;
    }
#endif
    for (size_t i = beam_ - 1; i > 0; --i) {
      const float shifted = best[i - 1] < sc ? best[i - 1] : sc;
      best[i] = best[i] < shifted ? shifted : best[i];
    }
    best[0] = best[0] < sc ? sc : best[0];
  }

 private:
  size_t beam_ = 0;
  std::vector<float> slots_;
};

// The decoder's working memory for one token, reused from token to token.
struct BeamScratch {
  std::vector<Hyp> arena;  // hypotheses of the sentence so far, by token
  std::vector<Hyp> next;   // [choice][state] after this token
  // Live hypotheses of the previous token (above the floor), their states
  // and distinct last words, and the model's context of each.
  std::vector<uint32_t> live, state_of, v_of;
  std::vector<uint64_t> state_key;
  std::vector<uint32_t> state_v;
  std::vector<SyllableId> prev_v;
  std::vector<LmModel::Context> ctx;        // of (u, v), or (t, u, v) with four-grams
  std::vector<LmModel::Context> state_ctx;  // four-grams: of each state's (u, v)
  // Of every choice (LookUp): p2 and stored2 [choice][distinct v], lp
  // [choice][live] (trigram models); of one choice, p3 per state
  // (four-grams). Where an n-gram is not stored no longer one ends in it
  // (lm_model.h) and the next table is not probed (85% of the trigram
  // probes on OCR text).
  std::vector<SyllableId> ws;
  std::vector<float> p2, p3, lp;
  std::vector<uint8_t> stored2, stored3;
  // ExtendTrigram: the live hypotheses grouped by state (their last word
  // prev_v[state]; hypotheses [state_begin[state], state_begin[state + 1]),
  // in arena order), with their parts; per state the filter's index part
  // and unigram back-off of its word; per (choice, state) the best score
  // after it and the hypothesis it came from, and the context of (v, w)
  // where stored2; the pairs the bigram filter let through, and the
  // hypotheses scored after the trigram lookups.
  std::vector<uint32_t> state_begin, group_live;
  std::vector<float> group_score, group_backoff;
  std::vector<uint64_t> group_next;
  std::vector<SyllableId> group_u;
  std::vector<uint64_t> state_filter;
  std::vector<float> state_backoff;
  std::vector<float> next_score;
  std::vector<int32_t> next_back;
  std::vector<LmModel::Context> ctx2;
  std::vector<uint32_t> maybe;
  size_t maybe_n = 0;
  std::vector<uint32_t> tri_next, tri_group;
  // ExtendTrigram: the pairs scored (above −∞), in no order, and of them
  // those Decode takes; the best score after the token.
  std::vector<uint32_t> scored, taken, ties;
  float top = kNegInf;
  std::vector<uint64_t> hashes, tri_keys;
  std::vector<uint32_t> tri_at;
  std::vector<float> tri_lp;
  TopScores kept;  // the beam's best scores (ExtendTrigram, KeepBest)
  // ExtendTrigram: per state A (its best hypothesis's score + bo(u v),
  // + bo(v)) and the states in descending order of it; per choice B
  // (p1(w) − cost).
  std::vector<float> state_a, choice_b;
  std::vector<uint32_t> state_order;
  // ExtendTrigram: per choice its part of the bigram filter's index.
  std::vector<uint64_t> choice_filter;
};

// `v` with room for n elements, for a token's scratch: grown when short,
// never shrunk or cleared (resized token by token, the calls were ~5% of
// OCR mode's decoder).
template <typename T>
T* Room(std::vector<T>& v, size_t n) {
  if (v.size() < n) v.resize(n);
  return v.data();
}

bool HasCombining(std::string_view s) {
  // U+0300..U+036F are encoded as CC 80 .. CD AF.
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == 0xCC || (c == 0xCD && static_cast<unsigned char>(s[i + 1]) <= 0xAF)) return true;
  }
  return false;
}

// A marked token that no Vietnamese syllable spells is garbled like an
// unmarked one: a text layer's "MŨC" (a stop coda takes only sắc or nặng) is
// read from its letters, "muc". Tokens without a vowel ("ĐT") are codes.
bool SpellsNoSyllable(std::string_view tok) {
  bool vowel = false;
  for (size_t i = 0; i < tok.size() && !vowel;) {
    const char f = LetterOf(DecodeUtf8(tok, i)).folded;
    vowel = f != 0 && std::string_view("aeiouy").find(f) != std::string_view::npos;
  }
  return vowel && !IsValidSyllable(LowerSyllable(tok));
}

// tesseract -l eng reads some marked vowels as currency signs inside a word:
// "du¢c" for được, "m¢i" for mới, "x€p" and "d£n" for xếp and đến, "k¥"
// for kỹ. OCR mode reads such a sign, where it touches a letter, as a vowel
// of its family — ¢ as ơ, £ and € as ê and ế, ¥ as ý — each of the same
// byte length, so that offsets into the text stay those of the original.
// (Held-out eng-OCR pages 95.95% → 96.03%, dev pages 97.33% → 97.43%.)
std::string ReadCurrencySigns(std::string_view text) {
  std::string out(text);
  auto letter_at = [&](size_t i) {
    if (i >= text.size()) return false;
    return IsSyllableLetter(DecodeUtf8(text, i));
  };
  auto letter_before = [&](size_t at) {
    if (at == 0) return false;
    size_t b = at - 1;
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    return letter_at(b);
  };
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t cp = DecodeUtf8(text, i);
    const char* as = cp == 0xA2 ? "ơ" : cp == 0xA3 ? "ê" : cp == 0xA5 ? "ý" : cp == 0x20AC ? "ế" : nullptr;
    if (as == nullptr) continue;
    if (!letter_at(i) && !letter_before(at)) continue;
    out.replace(at, i - at, as);
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Whitespace-separated chunks that look like codes ("38/KH-SGDDT", "GD&DT"),
// as (begin, end, replacement) edits.
struct Edit {
  size_t begin, end;
  std::string text;
};
void CodeEdits(std::string_view text, std::vector<Edit>& edits) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t b = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    size_t e = i;
    while (b < e && std::string_view("([{\"'").find(text[b]) != std::string_view::npos) ++b;
    while (e > b && std::string_view(")]}\"'.,;:").find(text[e - 1]) != std::string_view::npos) --e;
    if (e - b < 2) continue;
    std::string_view chunk = text.substr(b, e - b);
    bool upper = false;
    for (char c : chunk) upper = upper || (c >= 'A' && c <= 'Z');
    if (!upper) continue;
    if (auto r = RestoreCode(chunk)) edits.push_back({b, e, std::move(*r)});
  }
}

}  // namespace

struct Restorer::Impl {
  std::unique_ptr<LmModel> lm;
  std::unique_ptr<LmModel> archive;
  Channel channel;
  RestoreOptions options;
  float log_base_weight = 0, log_archive_weight = 0;
  // Word classes of the model (lm_build.h); kUnk for a model without them.
  SyllableId number_id = kUnk, code_id = kUnk;
  std::unordered_map<std::string, SyllableId> class_ids;  // "<,>" → id
  std::unordered_map<std::string, SyllableId> code_ids;   // "#thpt" → id

  // Channel candidates (already cut to the margin and count of `options`)
  // per folded OCR token, shared by all Restore() calls: the pages of one
  // scan, and the scans of one batch, repeat their garbled tokens, and the
  // channel search is most of the OCR mode's cost. Bounded; once full, new
  // tokens are searched but not kept.
  static constexpr size_t kOcrCacheMax = 1 << 16;
  mutable std::shared_mutex ocr_mu;
  mutable std::unordered_map<std::string, std::vector<Channel::Candidate>> ocr_shared;

  std::vector<Channel::Candidate> ChannelCandidates(const std::string& folded) const {
    {
      std::shared_lock lock(ocr_mu);
      auto it = ocr_shared.find(folded);
      if (it != ocr_shared.end()) return it->second;
    }
    std::vector<Channel::Candidate> kept =
        channel.TokenCandidates(folded, options.channel_margin, options.channel_candidates);
    std::unique_lock lock(ocr_mu);
    if (ocr_shared.size() < kOcrCacheMax) ocr_shared.emplace(folded, kept);
    return kept;
  }
  // Most tokens' candidates come precomputed with the model (when it was
  // built for these options); the others are searched, once per Restore()
  // call at most.
  CandidateTable table;
  bool use_table = false;
  // Where one reading of a page takes its channel candidates from: the
  // learned channel (the model's table, the shared cache) or, on a second
  // reading, the channel adapted to the document; what was searched is kept.
  struct ChannelSource {
    const Channel* adapted = nullptr;
    std::unordered_map<std::string, std::vector<Channel::Candidate>> searched;
  };
  // A Vietnamese syllable is spelled in at most 7 letters ("nghiêng"); a
  // token of 9 or more is seldom a syllable OCR garbled but words it glued
  // ("lienthanh"), a name or junk, and is left as it is without a channel
  // search, the longest and costliest. On the held-out and dev pages all
  // such tokens came out as they were, and OCR mode took 4% fewer
  // instructions (322.0 → 308.3 M); a 7-letter syllable with two letters
  // doubled ("nghiieeng") is kept too.
  static constexpr size_t kLongestGarble = 8;
  void AddChannelChoices(const std::string& folded, ChannelSource& source, std::vector<Choice>& choices) const {
    if (folded.size() > kLongestGarble) return;
    const float w = options.channel_weight;
    CandidateTable::Entry e;
    if (!source.adapted && use_table && table.Find(folded, options.channel_margin, options.channel_candidates, &e)) {
      const size_t at = choices.size();
      choices.resize(at + e.size);
      for (size_t i = 0; i < e.size; ++i) choices[at + i] = {e.ids[i], w * e.costs[i]};
      return;
    }
    auto it = source.searched.find(folded);
    if (it == source.searched.end()) {
      std::vector<Channel::Candidate> found =
          source.adapted ? source.adapted->TokenCandidates(folded, options.channel_margin, options.channel_candidates)
                         : ChannelCandidates(folded);
      it = source.searched.emplace(folded, std::move(found)).first;
    }
    for (const Channel::Candidate& c : it->second) choices.push_back({c.id, w * c.cost});
  }

  // The choices of a word token, into `choices` from s.first, setting s's
  // count, keep and case pattern: a marked token (its syllable, and in OCR
  // mode the channel's readings of its letters) and an unmarked one.
  void MarkedChoices(std::string_view tok, bool ocr, ChannelSource& source, std::vector<Choice>& choices, Slot& s) const;
  void UnmarkedChoices(std::string_view tok, bool ocr, ChannelSource& source, std::vector<Choice>& choices,
                       Slot& s) const;

  // A code's word: its own when the model knows it, <code> otherwise.
  SyllableId CodeWord(std::string_view token) const {
    std::string key = "#";
    key += LowerSyllable(token);  // not "#" + ...: GCC 12 warns falsely (-Wrestrict) once inlined
    auto it = code_ids.find(key);
    return it == code_ids.end() ? code_id : it->second;
  }

  float LogProb(SyllableId t, SyllableId u, SyllableId v, SyllableId w) const {
    float a = lm->LogProb(t, u, v, w);
    if (!archive) return a;
    float x = log_base_weight + a, y = log_archive_weight + archive->LogProb(t, u, v, w);
    float m = std::max(x, y);
    return m + std::log(std::exp(x - m) + std::exp(y - m));
  }

  // One page's text and its reading: tokens, lattice and best path.
  struct Page {
    std::string text;  // NFC
    std::string read;  // OCR mode: `text` with currency signs read as vowels
    std::vector<TokenSpan> tokens;
    std::vector<Edit> code_edits;
    bool ocr = false;
    std::vector<Choice> choices;
    std::vector<Slot> slots;
    std::vector<SyllableId> best;
  };
  Page Prepare(std::string_view input) const;
  // Reads `page` (lattice, then best path), channel candidates from the
  // learned channel or, when given, `adapted`.
  void Read(Page& page, const Channel* adapted) const;
  std::vector<std::string> RestorePages(const std::vector<std::string_view>& pages, int jobs) const;
  // The slots and their choices for `tokens` (of `read`, the text with
  // currency signs read as vowels in OCR mode), channel candidates from
  // `source`.
  void Lattice(std::string_view text, std::string_view read, const std::vector<TokenSpan>& tokens,
               const std::vector<Edit>& code_edits, bool ocr, ChannelSource& source, std::vector<Choice>& choices,
               std::vector<Slot>& slots) const;
  // Whether word tokens[i] and a lone capital consonant after it are one
  // word OCR split in a capital heading ("THU C HIEN" for "THỰC HIỆN"): no
  // Vietnamese word is one consonant, the pair is joined by one space
  // between capitals, and together they spell a syllable.
  bool SplitInCapitals(std::string_view read, const std::vector<TokenSpan>& tokens, size_t i) const;
  // The page's text with each slot's best syllable written in its case,
  // and the code edits.
  std::string Write(const Page& page) const;
  // Adds to *read the page's words read by the channel, and to *unlikely
  // those whose choice cost at least options.adapt_unlikely_cost.
  void CountUnlikely(const Page& page, size_t* read, size_t* unlikely) const;
  // A read page's (syllable, folded token) pairs, for Channel::AdaptedTo.
  void Readings(const Page& page, std::vector<Channel::Reading>& readings) const;
  // The best choice per slot: a beam search over each sentence.
  std::vector<SyllableId> Decode(const std::vector<Slot>& slots, const std::vector<Choice>& choices,
                                 size_t beam) const;
  // Fills x.next with the hypotheses after slot `s`, from x.arena[from, to).
  void Extend(const Slot& s, const Choice* choices, size_t from, size_t to, float floor, BeamScratch& x) const;
  // Extend() for a trigram model without an archive one (the shipped
  // case): the same scores into x.next_score and x.next_back, states the
  // last word alone, each hypothesis's context carried in it, and the pass
  // over (choice, state) pairs one: the filter asked, the pair scored,
  // x.kept fed (KeepBest's buffer) at once, the ~9% the filter lets through
  // after their probes; of the others those that cannot reach the beam's
  // cut so far are left −∞, unscored (the beam's hypotheses the same).
  void ExtendTrigram(const Slot& s, const Choice* choices, size_t from, size_t to, float floor, size_t beam,
                     BeamScratch& x) const;
  // The score of a pair (choice, state v) the bigram filter rules out and
  // its hypothesis (*back): of v's hypotheses the best (of equal scores the
  // first).
  float ScoreUnstoredPair(size_t v, float p1, float cost, const BeamScratch& x, int32_t* back) const;
  // ExtendTrigram's pairs (choice, state) the bigram filter let through
  // (x.maybe), scored.
  void ScoreStoredPairs(const Choice* choices, size_t V, BeamScratch& x) const;
  // Scores choice `c` after every live hypothesis into x.next.
  void ScoreChoice(const Choice& ch, size_t c, BeamScratch& x) const;
  // The language model's parts for every choice after every live
  // hypothesis, looked up in bulk (LmModel::LogProb2Many): p2 and whether
  // it is stored per (choice, distinct v); for a trigram model the whole
  // log p(w | u v) per (choice, live hypothesis) in x.lp.
  void LookUp(const Choice* choices, size_t count, BeamScratch& x) const;
};

Restorer::Restorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Restorer::~Restorer() = default;

Result<std::unique_ptr<Restorer>> Restorer::Load(const std::string& path, const RestoreOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  Result<std::unique_ptr<LmModel>> lm = LmModel::Open(path);
  if (!lm.ok()) return lm.status();
  impl->lm = std::move(*lm);
  for (SyllableId id = 3; id < 16 && id < impl->lm->VocabSize(); ++id) {
    std::string_view word = impl->lm->Syllable(id);
    if (word == kNumberWord) impl->number_id = id;
    if (word == kCodeWord) impl->code_id = id;
    if (!word.empty() && word[0] == '<') impl->class_ids.emplace(std::string(word), id);
  }
  for (size_t id = 3; id < impl->lm->VocabSize(); ++id) {
    std::string_view word = impl->lm->Syllable(SyllableId(id));
    if (!word.empty() && word[0] == '#') impl->code_ids.emplace(std::string(word), SyllableId(id));
  }
  Result<Channel> ch = Channel::Parse(impl->lm->Section("channel"));
  if (!ch.ok()) return Status::Corrupt(ch.status().message() + ": " + path);
  impl->channel = std::move(*ch);
  if (impl->channel.trained()) impl->channel.IndexVocabulary(*impl->lm);
  Result<CandidateTable> table = CandidateTable::Parse(impl->lm->Section("chcands"));
  if (!table.ok()) return Status::Corrupt(table.status().message() + ": " + path);
  impl->table = *table;
  impl->use_table = impl->table.Serves(options.channel_margin, options.channel_candidates);
  if (!options.archive_model_path.empty()) {
    Result<std::unique_ptr<LmModel>> a = LmModel::Open(options.archive_model_path);
    if (!a.ok()) return a.status();
    if ((*a)->VocabSize() != impl->lm->VocabSize())
      return Status::InvalidInput("archive model was built on another vocabulary: " +
                                  options.archive_model_path);
    impl->archive = std::move(*a);
    float w = std::clamp(options.archive_weight, 1e-4f, 1 - 1e-4f);
    impl->log_base_weight = std::log(1 - w);
    impl->log_archive_weight = std::log(w);
  }
  return std::unique_ptr<Restorer>(new Restorer(std::move(impl)));
}

std::string Restorer::Restore(std::string_view text) const {
  return std::move(impl_->RestorePages({text}, 1)[0]);
}

std::vector<std::string> Restorer::RestorePages(const std::vector<std::string_view>& pages, int jobs) const {
  return impl_->RestorePages(pages, jobs);
}

size_t Restorer::CountSyllables(std::string_view text) {
  size_t n = 0;
  for (const TokenSpan& t : ScanTokens(text)) n += t.word();
  return n;
}

Restorer::Impl::Page Restorer::Impl::Prepare(std::string_view input) const {
  Page page;
  page.text = HasCombining(input) ? ToNfc(input) : std::string(input);
  const std::string_view text = page.text;
  page.tokens = ScanTokens(text);
  if (page.tokens.empty()) return page;
  CodeEdits(text, page.code_edits);

  // OCR mode: many lower-case tokens that no syllable folds to.
  page.ocr = options.ocr == RestoreOptions::Ocr::kOn;
  if (options.ocr == RestoreOptions::Ocr::kAuto && channel.trained()) {
    size_t lower = 0, unknown = 0;
    for (const TokenSpan& t : page.tokens) {
      std::string_view tok = text.substr(t.begin, t.end - t.begin);
      if (!t.word() || tok.size() < 2 || CaseOf(tok) == CasePattern::kUpper || HasMarks(tok)) continue;
      ++lower;
      unknown += lm->Candidates(FoldSyllable(tok)).empty();
    }
    page.ocr = lower > 0 && float(unknown) > options.ocr_auto_share * float(lower);
  }
  page.ocr = page.ocr && channel.trained();
  // What the tokens are read from; the output copies `text`, byte for byte
  // where nothing is restored.
  if (page.ocr) {
    page.read = ReadCurrencySigns(text);
    page.tokens = ScanTokens(page.read, /*ocr_digits=*/true);
  }
  return page;
}

void Restorer::Impl::Read(Page& page, const Channel* adapted) const {
  if (page.tokens.empty()) return;
  ChannelSource source{adapted, {}};
  Lattice(page.text, page.ocr ? std::string_view(page.read) : std::string_view(page.text), page.tokens,
          page.code_edits, page.ocr, source, page.choices, page.slots);
  page.best = Decode(page.slots, page.choices, page.ocr ? options.ocr_beam : options.beam);
}

std::vector<std::string> Restorer::Impl::RestorePages(const std::vector<std::string_view>& inputs, int jobs) const {
  std::vector<Page> pages(inputs.size());
  auto each = [&](auto&& work) {
    std::atomic<size_t> next{0};
    auto run = [&] {
      for (size_t i; (i = next++) < pages.size();) work(i);
    };
    const size_t threads = std::min<size_t>(std::max(1, jobs), pages.size());
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(run);
    run();
    for (std::thread& t : pool) t.join();
  };
  each([&](size_t i) {
    pages[i] = Prepare(inputs[i]);
    Read(pages[i], nullptr);
  });
  // The document's OCR pages read again with the channel adapted to what
  // their first reading found, when its engine is not the training pairs'.
  // Counting and aligning every reading costs a tenth of a reading's time:
  // it is done only when the first reading took many words at a cost the
  // learned channel finds unlikely.
  size_t read = 0, unlikely = 0;
  for (const Page& page : pages)
    if (page.ocr) CountUnlikely(page, &read, &unlikely);
  std::optional<Channel> adapted;
  if (float(unlikely) > options.adapt_unlikely_share * float(read)) {
    std::vector<Channel::Reading> readings;
    for (const Page& page : pages)
      if (page.ocr) Readings(page, readings);
    adapted = channel.AdaptedTo(readings, options.adapt_prior, options.adapt_min_gain);
  }
  std::vector<std::string> out(pages.size());
  each([&](size_t i) {
    if (adapted && pages[i].ocr) Read(pages[i], &*adapted);
    out[i] = pages[i].tokens.empty() ? std::string(inputs[i]) : Write(pages[i]);
  });
  return out;
}

void Restorer::Impl::Lattice(std::string_view text, std::string_view read, const std::vector<TokenSpan>& tokens,
                             const std::vector<Edit>& code_edits, bool ocr, ChannelSource& source,
                             std::vector<Choice>& choices, std::vector<Slot>& slots) const {
  choices.clear();
  slots.clear();
  choices.reserve(tokens.size() * 4);
  slots.reserve(tokens.size());
  size_t edit = 0;
  std::string joined;
  for (size_t ti = 0; ti < tokens.size(); ++ti) {
    const TokenSpan& t = tokens[ti];
    std::string_view tok = read.substr(t.begin, t.end - t.begin);
    Slot s{t.begin, t.end, t.hard_break, true, CasePattern::kLower, uint32_t(choices.size()), 1};
    if (SplitInCapitals(read, tokens, ti)) {
      // One word, read and written over both tokens and the space between.
      joined.assign(tok);
      joined += read.substr(tokens[ti + 1].begin, tokens[ti + 1].end - tokens[ti + 1].begin);
      tok = joined;
      s.end = tokens[++ti].end;
    }
    while (edit < code_edits.size() && code_edits[edit].end <= t.begin) ++edit;
    bool in_code = edit < code_edits.size() && code_edits[edit].begin <= t.begin;
    if (t.punct) {
      size_t at = 0;
      auto it = class_ids.find(PunctClass(DecodeUtf8(tok, at)));
      choices.push_back({it == class_ids.end() ? kUnk : it->second, 0});
    } else if (t.number) {
      choices.push_back({number_id, 0});
      // tesseract -l eng reads some syllables as digits alone ("16" for lỗ,
      // "6" for ở: "nhà 6 xã hội"); between two words of a line a short
      // number may be one (with the scan of "16i" as one token: held-out
      // eng-OCR pages 94.04% → 94.20%, dev pages +0.09 point).
      if (ocr && tok.size() <= 2 && ti > 0 && ti + 1 < tokens.size() && tokens[ti - 1].word() &&
          tokens[ti + 1].word() && !t.hard_break && !tokens[ti + 1].hard_break) {
        AddChannelChoices(std::string(tok), source, choices);
        s.count = uint32_t(choices.size() - s.first);
        s.keep = false;
      }
    } else if (in_code) {
      choices.push_back({CodeWord(tok), 0});
    } else if (tok.size() == 1 && t.begin > 0 && text[t.begin - 1] >= '0' && text[t.begin - 1] <= '9') {
      // A letter glued to a number is no word: "1L NOI dung" is OCR's "II."
      // and stays for the outline to read, not "1Ủ".
      choices.push_back({kUnk, 0});
    } else if (HasMarks(tok) && !SpellsNoSyllable(tok)) {
      MarkedChoices(tok, ocr, source, choices, s);
    } else {
      UnmarkedChoices(tok, ocr, source, choices, s);
    }
    // The case of a word inside a sentence is evidence: "So" there is
    // more likely "Sở" (Sở Giáo dục) than "số".
    if (!s.keep && options.case_weight > 0 && CaseInformative(text, tokens, ti) &&
        (s.pattern == CasePattern::kTitle || s.pattern == CasePattern::kLower)) {
      for (uint32_t c = 0; c < s.count; ++c) {
        Choice& ch = choices[s.first + c];
        if (ch.id == kUnk) continue;
        float lp = s.pattern == CasePattern::kTitle ? lm->LogTitle(ch.id) : lm->LogLower(ch.id);
        ch.cost -= options.case_weight * lp;
      }
    }
    slots.push_back(s);
  }
}

bool Restorer::Impl::SplitInCapitals(std::string_view read, const std::vector<TokenSpan>& tokens, size_t i) const {
  if (i + 1 >= tokens.size() || !tokens[i].word() || !tokens[i + 1].word()) return false;
  const TokenSpan &a = tokens[i], &b = tokens[i + 1];
  if (b.end - b.begin != 1 || b.begin != a.end + 1 || read[a.end] != ' ') return false;
  const char c = read[b.begin];
  if (c < 'B' || c > 'Z' || std::string_view("EIOUY").find(c) != std::string_view::npos) return false;
  const std::string_view left = read.substr(a.begin, a.end - a.begin);
  if (left.size() < 2 || CaseOf(left) != CasePattern::kUpper) return false;
  // A capital word after it, on the same line: a heading, not an initial.
  if (i + 2 >= tokens.size() || !tokens[i + 2].word() || tokens[i + 2].begin != b.end + 1 ||
      CaseOf(read.substr(tokens[i + 2].begin, tokens[i + 2].end - tokens[i + 2].begin)) != CasePattern::kUpper)
    return false;
  std::string both(left);
  both += c;
  return !lm->Candidates(FoldSyllable(both)).empty();
}

void Restorer::Impl::CountUnlikely(const Page& page, size_t* read, size_t* unlikely) const {
  for (size_t k = 0; k < page.slots.size(); ++k) {
    const Slot& s = page.slots[k];
    if (s.keep) continue;
    ++*read;
    if (page.best[k] == kUnk) continue;  // kept as it is: a name, junk
    for (uint32_t c = s.first; c < s.first + s.count; ++c) {
      if (page.choices[c].id != page.best[k]) continue;
      *unlikely += page.choices[c].cost >= options.adapt_unlikely_cost;
      break;
    }
  }
}

void Restorer::Impl::Readings(const Page& page, std::vector<Channel::Reading>& readings) const {
  for (size_t k = 0; k < page.slots.size(); ++k) {
    const Slot& s = page.slots[k];
    const SyllableId id = page.best[k];
    if (s.keep || id == kUnk || id == number_id || id == code_id) continue;
    std::string_view syllable = lm->Syllable(id);
    if (syllable.empty() || syllable[0] == '<' || syllable[0] == '#') continue;
    readings.push_back({syllable, FoldSyllable(std::string_view(page.read).substr(s.begin, s.end - s.begin))});
  }
}

std::string Restorer::Impl::Write(const Page& page) const {
  const std::string_view text = page.text;
  const std::vector<Slot>& slots = page.slots;
  const std::vector<SyllableId>& best = page.best;
  const std::vector<Edit>& code_edits = page.code_edits;
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t pos = 0;
  size_t edit = 0;
  for (size_t k = 0; k < slots.size(); ++k) {
    const Slot& s = slots[k];
    while (edit < code_edits.size() && code_edits[edit].end <= s.begin) {
      const Edit& e = code_edits[edit++];
      if (e.begin < pos) continue;
      out.append(text.substr(pos, e.begin - pos));
      out += e.text;
      pos = e.end;
    }
    if (s.keep || best[k] == kUnk || best[k] == number_id || best[k] == code_id || s.begin < pos) continue;
    if (lm->Syllable(best[k]).starts_with("<") || lm->Syllable(best[k]).starts_with("#")) continue;
    out.append(text.substr(pos, s.begin - pos));
    // One capital letter reads as title case ("O" → "Ở"), but between two
    // words in capitals it is in capitals too ("HOC O TRUONG" → "Ở"); a
    // consonant there was joined to the word before it (SplitInCapitals).
    CasePattern pattern = s.pattern;
    if (pattern == CasePattern::kTitle && s.end - s.begin == 1 && k > 0 && k + 1 < slots.size() &&
        slots[k - 1].pattern == CasePattern::kUpper && slots[k + 1].pattern == CasePattern::kUpper) {
      pattern = CasePattern::kUpper;
    }
    // Capitals read as a syllable outside a heading are a capital letter
    // garbled ("Lãnh đạo SG" → "Sở").
    if (s.upper_unknown && !(k > 0 && slots[k - 1].pattern == CasePattern::kUpper) &&
        !(k + 1 < slots.size() && slots[k + 1].pattern == CasePattern::kUpper)) {
      pattern = CasePattern::kTitle;
    }
    out += ApplyCase(lm->Syllable(best[k]), pattern, text.substr(s.begin, s.end - s.begin));
    pos = s.end;
  }
  for (; edit < code_edits.size(); ++edit) {
    const Edit& e = code_edits[edit];
    if (e.begin < pos) continue;
    out.append(text.substr(pos, e.begin - pos));
    out += e.text;
    pos = e.end;
  }
  out.append(text.substr(pos));
  return out;
}

void Restorer::Impl::MarkedChoices(std::string_view tok, bool ocr, ChannelSource& source, std::vector<Choice>& choices,
                                   Slot& s) const {
  s.pattern = CaseOf(tok);  // for its neighbours: a capital letter beside capitals
  std::string word = WordClass(tok, false);
  SyllableId id = word[0] == '#' ? CodeWord(tok) : lm->Find(word);
  if (id == kUnk) id = lm->Find(CanonicalTones(word));
  choices.push_back({id, 0});
  if (!ocr || word[0] == '#') return;
  // The letters under the marks are OCR's too: the channel reads them like
  // an unmarked token's, each reading but the marked one at remark_cost
  // more. A marked word the model does not know is kept at keep_cost, like
  // an unknown unmarked one.
  AddChannelChoices(FoldSyllable(tok), source, choices);
  if (id != kUnk) {
    auto same = std::remove_if(choices.begin() + s.first + 1, choices.end(),
                               [id](const Choice& c) { return c.id == id; });
    choices.erase(same, choices.end());
  } else {
    choices[s.first].cost = options.channel_weight * options.keep_cost;
  }
  for (size_t c = s.first + 1; c < choices.size(); ++c) choices[c].cost += options.channel_weight * options.remark_cost;
  s.count = uint32_t(choices.size() - s.first);
  s.keep = false;
}

void Restorer::Impl::UnmarkedChoices(std::string_view tok, bool ocr, ChannelSource& source, std::vector<Choice>& choices,
                                     Slot& s) const {
  s.pattern = CaseOf(tok);
  const std::string folded = FoldSyllable(tok);
  std::span<const SyllableId> cands = lm->Candidates(folded);
  const bool upper = s.pattern == CasePattern::kUpper && tok.size() >= 2;
  if (ocr) {
    // Capitals get the channel's candidates too: a heading's "BINH" is more
    // likely "ĐỊNH" than "BÌNH", and "SG" inside a sentence "Sở" (held-out
    // eng-OCR pages 93.93% → 94.04%, dev pages +0.02 point).
    AddChannelChoices(folded, source, choices);
    // An unknown word may also be just that (a name, an English word);
    // capitals no syllable folds to may be a code (UBND, BT, VP).
    if (cands.empty())
      choices.push_back({upper ? CodeWord(tok) : kUnk,
                         options.channel_weight * (upper ? options.code_keep_cost : options.keep_cost)});
    s.upper_unknown = upper && cands.empty();
    s.count = uint32_t(choices.size() - s.first);
    s.keep = false;
    if (s.count == 0) {
      choices.push_back({kUnk, 0});
      s.count = 1;
      s.keep = true;
    }
  } else if (!cands.empty()) {
    size_t n = std::min(cands.size(), options.max_candidates);
    for (size_t i = 0; i < n; ++i) choices.push_back({cands[i], 0});
    s.count = uint32_t(n);
    s.keep = false;
  } else {
    choices.push_back({upper ? CodeWord(tok) : kUnk, 0});
  }
}


namespace {

// Takes the `beam` best of n scored hypotheses (score(i) > −∞: some
// hypothesis reached it; `reached` of them, their scores offered to `best`)
// in their order i (of equal scores at the cut, the first).
template <typename Score, typename Take>
void TakeBest(size_t n, size_t reached, size_t beam, Score score, const TopScores& best, Take take) {
  float cut = kNegInf;
  size_t at_cut = 0;  // taken from those scoring exactly the cut
  if (reached > beam) best.Cut(&cut, &at_cut);
  for (size_t i = 0; i < n; ++i) {
    const float sc = score(i);
    if (sc > cut) {
      take(i);
    } else if (sc == cut && at_cut > 0) {
      take(i);
      --at_cut;
    }
  }
}

// TakeBest of the n scored hypotheses, their scores not offered yet.
template <typename Score, typename Take>
void KeepBest(size_t n, size_t beam, Score score, TopScores& best, Take take) {
  if (n <= beam) {  // all reached are kept (Viterbi's unbounded beam too)
    for (size_t i = 0; i < n; ++i)
      if (score(i) > kNegInf) take(i);
    return;
  }
  best.Reset(beam);
  size_t reached = 0;
  for (size_t i = 0; i < n; ++i) {
    const float sc = score(i);
    if (!(sc > kNegInf)) continue;
    ++reached;
    best.Offer(sc);
  }
  TakeBest(n, reached, beam, score, best, take);
}

// ExtendTrigram's pairs as TakeBest takes them, into x.taken in ascending
// order, but over the pairs scored alone and those at or above `floor`
// (the next token's; the others it drops).
void TakeScored(float floor, size_t beam, BeamScratch& x) {
  const float* score = x.next_score.data();
  float cut = kNegInf;
  size_t at_cut = 0;  // taken from those scoring exactly the cut, the first in order
  if (x.scored.size() > beam) x.kept.Cut(&cut, &at_cut);
  x.taken.clear(), x.ties.clear();
  for (uint32_t at : x.scored) {
    const float sc = score[at];
    if (sc < floor) continue;
    if (sc > cut) {
      x.taken.push_back(at);
    } else if (sc == cut) {
      x.ties.push_back(at);
    }
  }
  if (!x.ties.empty()) {
    std::sort(x.ties.begin(), x.ties.end());
    x.taken.insert(x.taken.end(), x.ties.begin(), x.ties.begin() + std::min(at_cut, x.ties.size()));
  }
  std::sort(x.taken.begin(), x.taken.end());
}

}  // namespace

// Beam search over each sentence (between hard breaks); states are the
// last two syllables (three with four-grams), recombined, so a beam of 0
// (unbounded) is Viterbi.
std::vector<SyllableId> Restorer::Impl::Decode(const std::vector<Slot>& slots, const std::vector<Choice>& choices,
                                               size_t beam) const {
  std::vector<SyllableId> best(slots.size(), kUnk);
  BeamScratch x;
  if (beam == 0) beam = std::numeric_limits<size_t>::max();
  const bool trigram = !archive && !lm->HasFourgrams();
  const LmModel::Context start = trigram ? lm->ContextOf(kBos, kBos) : LmModel::Context{};
  size_t i = 0;
  while (i < slots.size()) {
    size_t j = i + 1;
    while (j < slots.size() && !slots[j].hard_break) ++j;
    std::vector<Hyp>& arena = x.arena;
    arena.clear();
    arena.push_back({kBos, kBos, kBos, 0, -1, start.backoff, start.next_words});
    size_t from = 0, to = 1;
    float floor = kNegInf;
    for (size_t k = i; k < j; ++k) {
      const Choice* ch = choices.data() + slots[k].first;
      if (trigram) {
        ExtendTrigram(slots[k], ch, from, to, floor, beam, x);
        from = arena.size();
        const size_t V = x.prev_v.size();
        TakeScored(x.top - options.prune_margin, beam, x);
        for (uint32_t i : x.taken) {
          const Hyp prev = arena[x.next_back[i]];
          const LmModel::Context ctx = x.stored2[i] ? x.ctx2[i] : LmModel::Context{};
          arena.push_back({prev.u, prev.v, ch[i / V].id, x.next_score[i], x.next_back[i], ctx.backoff,
                           ctx.next_words});
        }
      } else {
        Extend(slots[k], ch, from, to, floor, x);
        from = arena.size();
        KeepBest(
            x.next.size(), beam, [&](size_t i) { return x.next[i].score; }, x.kept,
            [&](size_t i) { arena.push_back(x.next[i]); });
      }
      to = arena.size();
      // Hypotheses this far behind the best one never recover (measured on
      // the seeds: no change in accuracy, a third of the time).
      float top_score = kNegInf;
      for (size_t h = from; h < to; ++h) top_score = std::max(top_score, arena[h].score);
      floor = top_score - options.prune_margin;
    }
    float top = kNegInf;
    int32_t at = -1;
    for (size_t h = from; h < to; ++h) {
      if (arena[h].score < floor) continue;  // nor at the sentence's end
      float sc = arena[h].score + LogProb(arena[h].t, arena[h].u, arena[h].v, kEos);
      if (sc > top) top = sc, at = int32_t(h);
    }
    for (size_t k = j; k-- > i && at >= 0;) {
      best[k] = arena[at].v;
      at = arena[at].back;
    }
    i = j;
  }
  return best;
}

void Restorer::Impl::Extend(const Slot& s, const Choice* choices, size_t from, size_t to, float floor,
                            BeamScratch& x) const {
  const bool four = lm->HasFourgrams();
  // Hypotheses that share their last words share the lower-order parts of
  // p(w | t u v): p2(v w) per distinct v, p3(u v w) per distinct (u, v).
  // States after this token are (u, v, w) for a four-gram model, (v, w) for
  // a trigram one: recombined by previous state and choice.
  x.live.clear(), x.state_of.clear(), x.v_of.clear(), x.state_key.clear(), x.state_v.clear(), x.prev_v.clear();
  x.ctx.clear(), x.state_ctx.clear();
  for (size_t h = from; h < to; ++h) {
    const Hyp& hy = x.arena[h];
    if (hy.score < floor) continue;
    size_t vi = std::find(x.prev_v.begin(), x.prev_v.end(), hy.v) - x.prev_v.begin();
    if (vi == x.prev_v.size()) x.prev_v.push_back(hy.v);
    uint64_t key = four ? (uint64_t(hy.u) << 16) | hy.v : hy.v;
    size_t si = std::find(x.state_key.begin(), x.state_key.end(), key) - x.state_key.begin();
    if (si == x.state_key.size()) {
      x.state_key.push_back(key);
      x.state_v.push_back(uint32_t(vi));
      if (four && !archive) x.state_ctx.push_back(lm->ContextOf(hy.u, hy.v));
    }
    x.live.push_back(uint32_t(h));
    x.state_of.push_back(uint32_t(si));
    x.v_of.push_back(uint32_t(vi));
    if (!archive) x.ctx.push_back(four ? lm->Context3Of(hy.t, hy.u, hy.v) : lm->ContextOf(hy.u, hy.v));
  }
  const size_t S = x.state_key.size();
  x.next.assign(size_t(s.count) * S, Hyp{0, 0, 0, kNegInf, -1, 0, 0});
  if (!archive) LookUp(choices, s.count, x);
  for (uint32_t c = 0; c < s.count; ++c) ScoreChoice(choices[c], c, x);
}

void Restorer::Impl::ExtendTrigram(const Slot& s, const Choice* choices, size_t from, size_t to, float floor,
                                   size_t beam, BeamScratch& x) const {
  // States after this token are (v, w): by distinct last word v of the live
  // hypotheses (a state before it), and choice.
  x.live.clear(), x.v_of.clear(), x.prev_v.clear();
  for (size_t h = from; h < to; ++h) {
    const Hyp& hy = x.arena[h];
    if (hy.score < floor) continue;
    size_t vi = std::find(x.prev_v.begin(), x.prev_v.end(), hy.v) - x.prev_v.begin();
    if (vi == x.prev_v.size()) x.prev_v.push_back(hy.v);
    x.live.push_back(uint32_t(h));
    x.v_of.push_back(uint32_t(vi));
  }
  const size_t C = s.count, V = x.prev_v.size(), L = x.live.size();
  const LmModel& model = *lm;
  // The filter's words of every pair, fetched while the states are
  // grouped: they are the pair pass's reads that miss (the filter's 1.4 MB
  // is past L2).
  uint64_t* choice_filter = Room(x.choice_filter, C);
  for (size_t c = 0; c < C; ++c) choice_filter[c] = model.FilterPartOfW(choices[c].id);
  uint64_t* state_filter = Room(x.state_filter, V);
  float* state_backoff = Room(x.state_backoff, V);
  for (size_t v = 0; v < V; ++v) {
    state_filter[v] = model.FilterPartOfV(x.prev_v[v]);
    state_backoff[v] = model.UnigramBackoff(x.prev_v[v]);
    for (size_t c = 0; c < C; ++c) model.PrefetchFilter(state_filter[v] + choice_filter[c]);
  }
  uint32_t* state_begin = Room(x.state_begin, V + 1);
  std::fill(state_begin, state_begin + V + 1, 0);
  for (size_t k = 0; k < L; ++k) ++state_begin[x.v_of[k] + 1];
  for (size_t v = 0; v < V; ++v) state_begin[v + 1] += state_begin[v];
  uint32_t* group_live = Room(x.group_live, L);
  float* group_score = Room(x.group_score, L);
  float* group_backoff = Room(x.group_backoff, L);
  uint64_t* group_next = Room(x.group_next, L);
  SyllableId* group_u = Room(x.group_u, L);
  {
    uint32_t* at = Room(x.tri_next, V);  // scratch: next slot of each state
    std::copy(state_begin, state_begin + V, at);
    for (size_t k = 0; k < L; ++k) {
      const uint32_t g = at[x.v_of[k]]++;
      const Hyp& hy = x.arena[x.live[k]];
      group_live[g] = x.live[k];
      group_score[g] = hy.score;
      group_backoff[g] = hy.backoff;
      group_next[g] = hy.next_words;
      group_u[g] = hy.u;
    }
  }
  float* next_score = Room(x.next_score, C * V);
  int32_t* next_back = Room(x.next_back, C * V);
  uint8_t* stored2 = Room(x.stored2, C * V);
  std::fill(stored2, stored2 + C * V, 0);
  Room(x.ctx2, C * V);
  const SyllableId* prev_v = x.prev_v.data();
  uint32_t* maybe = Room(x.maybe, C * V);
  size_t maybe_n = 0;
  const bool offer = C * V > beam;  // else TakeBest needs no cut
  TopScores& kept = x.kept;
  if (offer) kept.Reset(beam);
  std::vector<uint32_t>& scored = x.scored;
  scored.clear();
  // p(w | u v) = p3(u v w) if stored, else bo(u v) + p2(v w). Where the
  // filter says (v, w) is not stored (91% of the pairs on OCR text), p2 is
  // the unigram back-off and no trigram ends in v w: the pair scores
  //   max over its state's hypotheses of (score + bo(u v)) + bo(v) + p1(w) − cost,
  // a part A(v) of the state plus a part B(w) of the choice.
  if (!offer) {  // all are kept: every pair scored, its state's hypotheses in order (of equal scores the first)
    for (size_t c = 0; c < C; ++c) {
      const SyllableId w = choices[c].id;
      const float cost = choices[c].cost, p1 = model.Unigram(w);
      for (size_t v = 0; v < V; ++v) {
        const size_t at = c * V + v;
        if (model.MaybeBigram(state_filter[v] + choice_filter[c])) {
          model.PrefetchBigram(prev_v[v], w);
          maybe[maybe_n++] = uint32_t(at);
          continue;
        }
        next_score[at] = ScoreUnstoredPair(v, p1, cost, x, &next_back[at]);
        if (next_score[at] > kNegInf) scored.push_back(uint32_t(at));
      }
    }
    x.maybe_n = maybe_n;
    if (maybe_n > 0) ScoreStoredPairs(choices, V, x);
    float top = kNegInf;
    for (size_t i = 0; i < maybe_n; ++i)
      if (next_score[maybe[i]] > kNegInf) scored.push_back(maybe[i]);
    for (uint32_t at : scored) top = std::max(top, next_score[at]);
    x.top = top;
    return;
  }
  // Beam `beam` of C × V: the pairs are met state by state, the states in
  // descending order of A; those the filter lets through are scored after
  // (ScoreStoredPairs), the others at once, exactly as above, unless their
  // A + B, less the rounding the exact sum may differ by, is below the
  // beam's cut so far: such a pair can neither reach the beam nor tie its
  // cut. Those not scored are left out of x.scored: `beam` scores are
  // above them, so TakeScored keeps the same hypotheses (the beam's scores
  // the same multiset, the pairs taken in the same order).
  // Nor is one whose A + B is below the best score so far less the prune
  // margin: it would fall below the next token's floor (Decode), and of
  // OCR mode's ~16 hypotheses after a token ~3.5 stay above it.
  float* b = Room(x.choice_b, C);
  float mag_w = 0;
  for (size_t c = 0; c < C; ++c) {
    const SyllableId w = choices[c].id;
    const float cost = choices[c].cost, p1 = model.Unigram(w);
    b[c] = p1 - cost;
    mag_w = std::max(mag_w, std::fabs(p1) + std::fabs(cost));
  }
  float* state_a = Room(x.state_a, V);
  uint32_t* sv = Room(x.state_order, V);
  float mag_v = 0;
  for (size_t v = 0; v < V; ++v) {
    float a = kNegInf, mag_g = 0;
    for (uint32_t g = state_begin[v]; g < state_begin[v + 1]; ++g) {
      a = std::max(a, group_score[g] + group_backoff[g]);
      mag_g = std::max(mag_g, std::fabs(group_score[g]) + std::fabs(group_backoff[g]));
    }
    state_a[v] = a + state_backoff[v];
    mag_v = std::max(mag_v, mag_g + std::fabs(state_backoff[v]));
  }
  // |exact − (A + B)|: a few roundings of sums of terms below mag_v + mag_w
  // in magnitude (float's epsilon 1.2e-7), with room to spare.
  const float slack = (mag_v + mag_w) * 1e-5f;
  for (size_t k = 0; k < V; ++k) {  // insertion sort: a few states
    size_t i = k;
    for (; i > 0 && state_a[sv[i - 1]] < state_a[k]; --i) sv[i] = sv[i - 1];
    sv[i] = uint32_t(k);
  }
  float cut = kNegInf;  // max(kept[beam − 1], top − prune_margin) − slack
  float top = kNegInf;
  for (size_t k = 0; k < V; ++k) {
    const size_t v = sv[k];
    const float a = state_a[v];
    const uint64_t filter_v = state_filter[v];
    for (size_t c = 0; c < C; ++c) {
      const size_t at = c * V + v;
      const SyllableId w = choices[c].id;
      if (model.MaybeBigram(filter_v + choice_filter[c])) {
        model.PrefetchBigram(prev_v[v], w);
        maybe[maybe_n++] = uint32_t(at);
        continue;
      }
      if (a + b[c] < cut) continue;
      const float best = ScoreUnstoredPair(v, model.Unigram(w), choices[c].cost, x, &next_back[at]);
      next_score[at] = best;
      if (best > kNegInf) {
        scored.push_back(uint32_t(at));
        kept.Offer(best);
        top = std::max(top, best);
        cut = std::max(kept.last(), top - options.prune_margin) - slack;
      }
    }
  }
  x.maybe_n = maybe_n;
  if (maybe_n > 0) ScoreStoredPairs(choices, V, x);
  for (size_t i = 0; i < maybe_n; ++i) {
    const uint32_t at = maybe[i];
    if (!(next_score[at] > kNegInf)) continue;
    scored.push_back(at);
    kept.Offer(next_score[at]);
    top = std::max(top, next_score[at]);
  }
  x.top = top;
}

float Restorer::Impl::ScoreUnstoredPair(size_t v, float p1, float cost, const BeamScratch& x, int32_t* back) const {
  const float p2 = x.state_backoff[v] + p1;
  float best = kNegInf;
  int32_t at = -1;
  for (uint32_t g = x.state_begin[v]; g < x.state_begin[v + 1]; ++g) {
    const float sc = x.group_score[g] + (x.group_backoff[g] + p2) - cost;
    if (sc > best) best = sc, at = int32_t(x.group_live[g]);
  }
  *back = at;
  return best;
}

void Restorer::Impl::ScoreStoredPairs(const Choice* choices, size_t V, BeamScratch& x) const {
  // The pairs the filter let through: the table probed; where (v, w) is
  // stored and (u, v) has trigrams, p3 is looked up, all such at once, and
  // those hypotheses scored after, as if in their turn.
  const uint32_t* state_begin = x.state_begin.data();
  const uint32_t* group_live = x.group_live.data();
  const float* group_score = x.group_score.data();
  const float* group_backoff = x.group_backoff.data();
  const float* state_backoff = x.state_backoff.data();
  float* next_score = x.next_score.data();
  int32_t* next_back = x.next_back.data();
  x.tri_keys.clear(), x.tri_lp.clear(), x.tri_next.clear(), x.tri_group.clear();
  for (size_t i = 0; i < x.maybe_n; ++i) {
    const uint32_t at = x.maybe[i];
    const size_t c = at / V, v = at % V;
    const SyllableId w = choices[c].id;
    const float cost = choices[c].cost;
    const int next_bit = NextWordBit(w);
    float p2;
    LmModel::Context ctx;
    const bool stored = lm->Bigram(x.prev_v[v], w, &p2, &ctx);
    if (stored) {
      x.stored2[at] = 1, x.ctx2[at] = ctx;
    } else {
      p2 = state_backoff[v] + lm->Unigram(w);
    }
    float best = kNegInf;
    int32_t back = -1;
    for (uint32_t g = state_begin[v]; g < state_begin[v + 1]; ++g) {
      const float lp = group_backoff[g] + p2;
      if (stored && ((x.group_next[g] >> next_bit) & 1)) {
        x.tri_keys.push_back(LmModel::TrigramKey(x.group_u[g], x.prev_v[v], w));
        lm->PrefetchTrigram(x.tri_keys.back());
        x.tri_lp.push_back(lp);
        x.tri_next.push_back(at);
        x.tri_group.push_back(g);
        continue;
      }
      const float sc = group_score[g] + lp - cost;
      if (sc > best) best = sc, back = int32_t(group_live[g]);
    }
    next_score[at] = best, next_back[at] = back;
  }
  if (!x.tri_keys.empty()) {
    lm->TrigramMany(x.tri_keys, x.tri_lp.data());
    for (size_t i = 0; i < x.tri_keys.size(); ++i) {
      const uint32_t at = x.tri_next[i], g = x.tri_group[i];
      const float sc = group_score[g] + x.tri_lp[i] - choices[at / V].cost;
      // group_live[] ascends within a state: of equal scores the earlier
      // hypothesis wins, as in its turn.
      if (sc > next_score[at] || (sc == next_score[at] && sc > kNegInf && int32_t(group_live[g]) < next_back[at]))
        next_score[at] = sc, next_back[at] = int32_t(group_live[g]);
    }
  }
}

void Restorer::Impl::LookUp(const Choice* choices, size_t count, BeamScratch& x) const {
  const size_t V = x.prev_v.size(), L = x.live.size();
  x.ws.resize(count);
  for (size_t c = 0; c < count; ++c) x.ws[c] = choices[c].id;
  x.p2.resize(count * V), x.stored2.resize(count * V);
  lm->LogProb2Many(x.prev_v, x.ws, x.p2.data(), x.stored2.data(), x.hashes);
  if (lm->HasFourgrams()) return;
  // p(w | u v) = p3(u v w) if stored, else bo(u v) + p2(v w); trigrams are
  // looked up only where (u, v) has some and (v, w) is stored.
  x.lp.resize(count * L);
  x.tri_keys.clear(), x.tri_at.clear();
  for (size_t c = 0; c < count; ++c)
    for (size_t k = 0; k < L; ++k) {
      const LmModel::Context& ctx = x.ctx[k];
      const size_t cv = c * V + x.v_of[k];
      x.lp[c * L + k] = ctx.backoff + x.p2[cv];
      if (!ctx.has_trigrams || !x.stored2[cv]) continue;
      const Hyp& hy = x.arena[x.live[k]];
      x.tri_keys.push_back(LmModel::TrigramKey(hy.u, hy.v, x.ws[c]));
      x.tri_at.push_back(uint32_t(c * L + k));
    }
  x.tri_lp.resize(x.tri_keys.size());
  for (size_t i = 0; i < x.tri_at.size(); ++i) x.tri_lp[i] = x.lp[x.tri_at[i]];
  lm->TrigramMany(x.tri_keys, x.tri_lp.data());
  for (size_t i = 0; i < x.tri_at.size(); ++i) x.lp[x.tri_at[i]] = x.tri_lp[i];
}

void Restorer::Impl::ScoreChoice(const Choice& ch, size_t c, BeamScratch& x) const {
  const size_t S = x.state_key.size(), V = x.prev_v.size();
  Hyp* next = x.next.data() + c * S;
  auto relax = [&](size_t k, float lp) {
    const Hyp& hy = x.arena[x.live[k]];
    float sc = hy.score + lp - ch.cost;
    Hyp& n = next[x.state_of[k]];
    if (sc > n.score) n = {hy.u, hy.v, ch.id, sc, int32_t(x.live[k]), 0, 0};
  };
  if (archive) {
    for (size_t k = 0; k < x.live.size(); ++k) {
      const Hyp& hy = x.arena[x.live[k]];
      relax(k, LogProb(hy.t, hy.u, hy.v, ch.id));
    }
    return;
  }
  if (!lm->HasFourgrams()) {
    const float* lp = x.lp.data() + c * x.live.size();
    for (size_t k = 0; k < x.live.size(); ++k) relax(k, lp[k]);
    return;
  }
  const float* p2 = x.p2.data() + c * V;
  const uint8_t* stored2 = x.stored2.data() + c * V;
  x.p3.resize(S), x.stored3.resize(S);
  for (size_t si = 0; si < S; ++si) {
    SyllableId u = SyllableId(x.state_key[si] >> 16), v = SyllableId(x.state_key[si]);
    size_t vi = x.state_v[si];
    const LmModel::Context& ctx = x.state_ctx[si];
    float lp;
    bool stored = ctx.MayContinueWith(ch.id) && stored2[vi] && lm->Trigram(u, v, ch.id, &lp);
    x.p3[si] = stored ? lp : ctx.backoff + p2[vi];
    x.stored3[si] = stored;
  }
  for (size_t k = 0; k < x.live.size(); ++k) {
    const Hyp& hy = x.arena[x.live[k]];
    const LmModel::Context& ctx = x.ctx[k];
    size_t si = x.state_of[k];
    float lp;
    if (!ctx.has_trigrams || !x.stored3[si] || !lm->Fourgram(hy.t, hy.u, hy.v, ch.id, &lp))
      lp = ctx.backoff + x.p3[si];
    relax(k, lp);
  }
}

RestoreScore ScoreRestoration(std::string_view gold, std::string_view restored) {
  auto tokens = [](std::string_view t) {
    std::string canon = LowerSyllable(CanonicalTones(t));
    std::vector<std::string> out;
    for (const TokenSpan& s : ScanTokens(canon))
      if (s.word()) out.push_back(canon.substr(s.begin, s.end - s.begin));
    return out;
  };
  std::vector<std::string> g = tokens(gold), r = tokens(restored);
  RestoreScore score;
  score.syllables = g.size();
  // Matches of the best monotone alignment (longest common subsequence):
  // plain restoration keeps every token in place, OCR text loses, splits
  // and reorders some, and a positional comparison would count a shifted
  // page as wrong.
  std::vector<int> prev(r.size() + 1, 0), cur(r.size() + 1, 0);
  for (size_t i = 1; i <= g.size(); ++i) {
    for (size_t j = 1; j <= r.size(); ++j)
      cur[j] = g[i - 1] == r[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  score.correct = prev[r.size()];
  return score;
}

}  // namespace vanban::normalize
