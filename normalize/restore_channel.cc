#include "normalize/restore_channel.h"

#include <algorithm>
#include <array>
#include <functional>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <unordered_map>

#include "common/vietnamese.h"
#include "normalize/syllable.h"

namespace vanban::normalize {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
// Costs of an untrained channel: reading a letter as its fold is free,
// anything else is expensive enough that only folding candidates survive.
constexpr float kUntrainedEdit = 8.0f;

const std::vector<char32_t>& SourceLetters() {
  static const std::vector<char32_t> letters = [] {
    std::vector<char32_t> v;
    for (char c = 'a'; c <= 'z'; ++c) v.push_back(c);
    v.push_back(0x111);  // đ
    for (char32_t cp = 0xC0; cp < 0x1F00; ++cp) {
      Letter l = LetterOf(cp);
      if (l.folded && !l.upper && cp >= 0x80 && cp != 0x111) v.push_back(cp);
    }
    return v;
  }();
  return letters;
}

// Output alphabet: a-z and the digits tesseract -l eng puts inside words
// ("s6" for số, "x4" for xã).
constexpr int kOut = 36;
int Idx(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  return -1;
}

// The output letter each source letter folds to (ố → o, đ → d).
const std::vector<int>& FoldIndices() {
  static const std::vector<int> folds = [] {
    std::vector<int> v;
    for (char32_t cp : SourceLetters()) v.push_back(Idx(char(LetterOf(cp).folded)));
    return v;
  }();
  return folds;
}

void AppendSourceIndices(std::string_view syllable, std::vector<int>& out) {
  for (size_t i = 0; i < syllable.size();) {
    int k = Channel::SourceIndex(LetterOf(DecodeUtf8(syllable, i)).lower);
    if (k >= 0) out.push_back(k);
  }
}

std::vector<int> SourceIndices(std::string_view syllable) {
  std::vector<int> out;
  AppendSourceIndices(syllable, out);
  return out;
}

}  // namespace

int Channel::SourceIndex(char32_t cp) {
  static const std::vector<int16_t> index = [] {
    std::vector<int16_t> v(0x1F00, -1);
    const auto& letters = SourceLetters();
    for (size_t i = 0; i < letters.size(); ++i) v[letters[i]] = int16_t(i);
    return v;
  }();
  return cp < index.size() ? index[cp] : -1;
}

Channel::Channel() {
  const auto& letters = SourceLetters();
  size_t n = letters.size();
  t_.letters = letters;
  t_.sub.assign(n * kOut, kUntrainedEdit);
  t_.del.assign(n, kUntrainedEdit);
  t_.ins.assign(kOut, kUntrainedEdit);
  t_.sub2.assign(n * kOut * kOut, kInf);
  for (size_t s = 0; s < n; ++s) {
    int o = Idx(LetterOf(letters[s]).folded);
    if (o >= 0) t_.sub[s * kOut + o] = 0;
  }
}

Result<Channel> Channel::Parse(std::string_view b) {
  Channel c;
  if (b.empty()) return c;
  size_t n = c.t_.letters.size();
  size_t need = 4 + n * 4 * (kOut + 1) + kOut * 4 + 4;
  if (b.size() < need) return Status::Corrupt("channel section too short");
  uint32_t count;
  std::memcpy(&count, b.data(), 4);
  if (count != n) return Status::Corrupt("channel alphabet mismatch");
  size_t off = 4;
  std::memcpy(c.t_.sub.data(), b.data() + off, n * kOut * 4);
  off += n * kOut * 4;
  std::memcpy(c.t_.del.data(), b.data() + off, n * 4);
  off += n * 4;
  std::memcpy(c.t_.ins.data(), b.data() + off, kOut * 4);
  off += kOut * 4;
  uint32_t n2;
  std::memcpy(&n2, b.data() + off, 4);
  off += 4;
  if (b.size() < off + size_t(n2) * 12) return Status::Corrupt("channel section too short");
  for (uint32_t i = 0; i < n2; ++i, off += 12) {
    uint32_t s, pair;
    float cost;
    std::memcpy(&s, b.data() + off, 4);
    std::memcpy(&pair, b.data() + off + 4, 4);
    std::memcpy(&cost, b.data() + off + 8, 4);
    if (s >= n || pair >= kOut * kOut) return Status::Corrupt("bad channel entry");
    c.t_.sub2[s * kOut * kOut + pair] = cost;
  }
  c.trained_ = true;
  return c;
}

std::string Channel::Serialize() const {
  std::string out;
  auto put = [&](const void* p, size_t n) { out.append(static_cast<const char*>(p), n); };
  uint32_t n = t_.letters.size();
  put(&n, 4);
  put(t_.sub.data(), t_.sub.size() * 4);
  put(t_.del.data(), t_.del.size() * 4);
  put(t_.ins.data(), t_.ins.size() * 4);
  std::vector<std::array<char, 12>> entries;
  for (uint32_t s = 0; s < n; ++s)
    for (uint32_t pair = 0; pair < uint32_t(kOut * kOut); ++pair)
      if (std::isfinite(t_.sub2[s * kOut * kOut + pair])) {
        std::array<char, 12> e;
        std::memcpy(e.data(), &s, 4);
        std::memcpy(e.data() + 4, &pair, 4);
        std::memcpy(e.data() + 8, &t_.sub2[s * kOut * kOut + pair], 4);
        entries.push_back(e);
      }
  uint32_t n2 = entries.size();
  put(&n2, 4);
  for (const auto& e : entries) put(e.data(), 12);
  return out;
}

float Channel::Align(const std::vector<int>& src, std::string_view ocr, std::vector<Edit>* edits) const {
  const size_t n = src.size(), m = ocr.size();
  std::vector<float> d((n + 1) * (m + 1), kInf);
  std::vector<uint8_t> how((n + 1) * (m + 1), 0);  // 1 sub, 2 sub2, 3 del, 4 ins
  auto at = [&](size_t i, size_t j) -> float& { return d[i * (m + 1) + j]; };
  at(0, 0) = 0;
  for (size_t i = 0; i <= n; ++i)
    for (size_t j = 0; j <= m; ++j) {
      if (i == 0 && j == 0) continue;
      float best = kInf;
      uint8_t b = 0;
      int tj = j ? Idx(ocr[j - 1]) : -1;
      if (i && j && tj >= 0) {
        float c = at(i - 1, j - 1) + t_.sub[src[i - 1] * kOut + tj];
        if (c < best) best = c, b = 1;
      }
      if (i && j >= 2 && tj >= 0 && Idx(ocr[j - 2]) >= 0) {
        float c = at(i - 1, j - 2) + t_.sub2[src[i - 1] * kOut * kOut + Idx(ocr[j - 2]) * kOut + tj];
        if (c < best) best = c, b = 2;
      }
      if (i) {
        float c = at(i - 1, j) + t_.del[src[i - 1]];
        if (c < best) best = c, b = 3;
      }
      if (j && tj >= 0) {
        float c = at(i, j - 1) + t_.ins[tj];
        if (c < best) best = c, b = 4;
      }
      at(i, j) = best;
      how[i * (m + 1) + j] = b;
    }
  if (edits) {
    edits->clear();
    size_t i = n, j = m;
    while (i || j) {
      uint8_t b = how[i * (m + 1) + j];
      if (b == 1) {
        edits->push_back({src[i - 1], std::string(1, ocr[j - 1])});
        --i, --j;
      } else if (b == 2) {
        edits->push_back({src[i - 1], std::string(ocr.substr(j - 2, 2))});
        --i, j -= 2;
      } else if (b == 3) {
        edits->push_back({src[i - 1], ""});
        --i;
      } else if (b == 4) {
        edits->push_back({-1, std::string(1, ocr[j - 1])});
        --j;
      } else {
        break;
      }
    }
    std::reverse(edits->begin(), edits->end());
  }
  return at(n, m);
}

float Channel::Cost(std::string_view source, std::string_view ocr) const {
  return Align(SourceIndices(source), ocr, nullptr);
}

void Channel::IndexVocabulary(const LmModel& model) {
  building_.assign(1, {-1, kUnk, {}});
  for (size_t id = 3; id < model.VocabSize(); ++id) AddToTrie(SyllableId(id), model.Syllable(SyllableId(id)));
  FinishTrie();
}

void Channel::IndexVocabulary(const std::vector<std::string>& vocab) {
  building_.assign(1, {-1, kUnk, {}});
  for (size_t id = 3; id < vocab.size(); ++id) AddToTrie(SyllableId(id), vocab[id]);
  FinishTrie();
}

void Channel::AddToTrie(SyllableId id, std::string_view word) {
  if (word.empty() || word[0] == '<' || word[0] == '#') return;  // classes and codes
  int node = 0;
  for (int k : SourceIndices(word)) {
    int next = -1;
    for (int c : building_[node].children)
      if (building_[c].letter == k) next = c;
    if (next < 0) {
      next = int(building_.size());
      building_.push_back({k, kUnk, {}});
      building_[node].children.push_back(next);
    }
    node = next;
  }
  building_[node].id = id;
}

void Channel::FinishTrie() {
  // Breadth first: children follow their parent, consecutively.
  std::vector<int> order = {0}, depth = {0};
  trie_.clear();
  max_depth_ = 0;
  max_children_ = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    const BuildNode& b = building_[order[i]];
    trie_.push_back({b.letter, b.id, uint32_t(order.size()), uint32_t(b.children.size())});
    order.insert(order.end(), b.children.begin(), b.children.end());
    depth.insert(depth.end(), b.children.size(), depth[i] + 1);
    max_depth_ = std::max(max_depth_, depth[i]);
    max_children_ = std::max(max_children_, b.children.size());
  }
  building_.clear();
  building_.shrink_to_fit();
  IndexLowerBounds();
}

void Channel::IndexLowerBounds() {
  // What one source letter costs at least to put out a given letter: alone,
  // or as either half of a pair (half the pair's cost each, so two halves
  // never add up to more than the pair).
  const size_t n = t_.letters.size();
  std::vector<float> yields(n * kOut);
  for (size_t s = 0; s < n; ++s)
    for (int o = 0; o < kOut; ++o) yields[s * kOut + o] = t_.sub[s * kOut + o];
  for (size_t s = 0; s < n; ++s)
    for (int a = 0; a < kOut; ++a)
      for (int b = 0; b < kOut; ++b) {
        float half = t_.sub2[s * kOut * kOut + a * kOut + b] / 2;
        yields[s * kOut + a] = std::min(yields[s * kOut + a], half);
        yields[s * kOut + b] = std::min(yields[s * kOut + b], half);
      }
  // Children come after their parent in trie_, so one backward pass sees
  // every subtree before its root.
  below_.assign(trie_.size() * kOut, kInf);
  delete_below_.assign(trie_.size(), kInf);
  for (size_t node = trie_.size(); node-- > 0;) {
    float* mine = &below_[node * kOut];
    for (uint32_t c = trie_[node].first_child; c < trie_[node].first_child + trie_[node].children; ++c) {
      const TrieNode& t = trie_[c];
      const float* child = &below_[size_t(c) * kOut];
      for (int o = 0; o < kOut; ++o) mine[o] = std::min({mine[o], child[o], yields[size_t(t.letter) * kOut + o]});
      float finish = t_.del[t.letter] + (t.id != kUnk ? 0.0f : delete_below_[c]);
      delete_below_[node] = std::min(delete_below_[node], finish);
    }
  }
  for (size_t node = 0; node < trie_.size(); ++node)
    for (int o = 0; o < kOut; ++o) below_[node * kOut + o] = std::min(below_[node * kOut + o], t_.ins[o]);
}

// A lower bound on the cost of any syllable strictly below `node` whose
// alignment passes through `col` (the node's DP column): the output letters
// after cell j still have to come from the letters below or be inserted,
// and once all are out, the letters down to a syllable's end are deleted.
float Channel::SubtreeBound(int node, const float* col, const SearchScratch& sc) const {
  const float* yields = &below_[size_t(node) * kOut];
  float rest = delete_below_[node];
  float lo = col[sc.m] + rest;
  rest = 0;
  for (size_t j = sc.m; j-- > 0;) {
    rest += sc.oi[j] >= 0 ? yields[sc.oi[j]] : kInf;
    lo = std::min(lo, col[j] + rest);
  }
  return lo;
}

// The search walks the vocabulary trie depth first, one DP column per trie
// node, from rows of costs made once for the token. A subtree is cut when
// its column's cheapest cell is over the bound (costs only grow with depth)
// or when SubtreeBound is, and the bound tightens as syllables are found: to
// the cheapest one plus the margin, and to the limit-th cheapest once
// `limit` are found. Children are entered most promising first, so the
// cheap syllables come early and the bound is tight for the rest. On OCR
// text this search was most of the restorer's time with the fixed bound
// alone (~60 syllables in reach of a 4-letter token, ~90 µs a token).
void Channel::Search(int node, int depth, const float* col, SearchScratch& sc, std::vector<Candidate>& out) const {
  const size_t m = sc.m, w = m + 1;
  const TrieNode& parent = trie_[node];
  float* cols = sc.cols + size_t(depth) * max_children_ * w;
  SearchScratch::Child* promising = sc.promising + size_t(depth) * max_children_;
  size_t n = 0;
  for (size_t k = 0; k < parent.children; ++k) {
    const uint32_t child = parent.first_child + uint32_t(k);
    const size_t s = size_t(trie_[child].letter);
    const float* sub = sc.sub + s * w;
    const float* sub2 = sc.sub2 + s * w;
    const float del = t_.del[s];
    float* next = cols + k * w;
    next[0] = col[0] + del;
    float lo = next[0];
    if (sc.pairs[s]) {
      for (size_t j = 1; j <= m; ++j) {
        float c = std::min(col[j] + del, col[j - 1] + sub[j]);
        c = std::min(c, next[j - 1] + sc.ins[j]);
        if (j >= 2) c = std::min(c, col[j - 2] + sub2[j]);
        next[j] = c;
        lo = std::min(lo, c);
      }
    } else {  // most letters put out no pair of this token's letters: min(c, +inf) is c
      for (size_t j = 1; j <= m; ++j) {
        float c = std::min(col[j] + del, col[j - 1] + sub[j]);
        c = std::min(c, next[j - 1] + sc.ins[j]);
        next[j] = c;
        lo = std::min(lo, c);
      }
    }
    if (lo > sc.bound) continue;
    if (trie_[child].id != kUnk && next[m] <= sc.bound) Found({trie_[child].id, next[m]}, sc, out);
    if (trie_[child].children == 0) continue;
    float below = SubtreeBound(child, next, sc);
    // The bound is summed in another order than the DP's costs: a hair of
    // slack keeps a float rounding from cutting a syllable exactly at it.
    if (below <= sc.bound + 1e-3f) promising[n++] = {below, uint32_t(k)};
  }
  std::sort(promising, promising + n,
            [](const SearchScratch::Child& a, const SearchScratch::Child& b) { return a.below < b.below; });
  for (size_t i = 0; i < n && promising[i].below <= sc.bound + 1e-3f; ++i)
    Search(int(parent.first_child + promising[i].index), depth + 1, cols + promising[i].index * w, sc, out);
}

void Channel::Found(Candidate c, SearchScratch& sc, std::vector<Candidate>& out) const {
  out.push_back(c);
  sc.best = std::min(sc.best, c.cost);
  sc.bound = std::min(sc.bound, sc.best + sc.margin);
  // The limit-th cheapest cost so far, kept in a max-heap of `limit` costs.
  if (sc.limit == 0) return;
  sc.heap.push_back(c.cost);
  std::push_heap(sc.heap.begin(), sc.heap.end());
  if (sc.heap.size() > sc.limit) {
    std::pop_heap(sc.heap.begin(), sc.heap.end());
    sc.heap.pop_back();
  }
  if (sc.heap.size() == sc.limit) sc.bound = std::min(sc.bound, sc.heap.front());
}

std::vector<Channel::Candidate> Channel::Search(std::string_view ocr, float max_cost, float margin,
                                                size_t limit) const {
  std::vector<Candidate> out;
  if (trie_.empty() || limit == 0) return out;
  const size_t m = ocr.size(), w = m + 1;
  std::vector<int> oi(m);
  for (size_t j = 0; j < m; ++j) oi[j] = Idx(ocr[j]);
  // The token's costs per source letter and output position (1-based, as
  // the DP's cells): what the inner loop reads, without branches.
  const size_t letters = t_.letters.size();
  std::vector<float> ins(w, kInf), sub(letters * w, kInf), sub2(letters * w, kInf);
  for (size_t j = 1; j <= m; ++j) {
    int o = oi[j - 1];
    if (o < 0) continue;
    ins[j] = t_.ins[o];
    for (size_t s = 0; s < letters; ++s) sub[s * w + j] = t_.sub[s * kOut + o];
    if (j >= 2 && oi[j - 2] >= 0)
      for (size_t s = 0; s < letters; ++s) sub2[s * w + j] = t_.sub2[s * kOut * kOut + oi[j - 2] * kOut + o];
  }
  std::vector<uint8_t> pairs(letters, 0);
  for (size_t s = 0; s < letters; ++s)
    for (size_t j = 2; j <= m; ++j) pairs[s] |= sub2[s * w + j] < kInf;
  std::vector<float> root(w, 0);
  for (size_t j = 1; j <= m; ++j) root[j] = root[j - 1] + ins[j];
  std::vector<float> cols(size_t(max_depth_ + 1) * max_children_ * w);
  std::vector<SearchScratch::Child> promising(size_t(max_depth_ + 1) * max_children_);
  SearchScratch sc{oi.data(), m, ins.data(), sub.data(), sub2.data(), pairs.data(), cols.data(), promising.data(),
                   margin, limit, kInf, max_cost, {}};
  sc.heap.reserve(limit + 1);
  Search(0, 0, root.data(), sc, out);
  // Syllables found before the bound tightened may lie outside it.
  std::erase_if(out, [&](const Candidate& c) { return c.cost > sc.bound; });
  std::sort(out.begin(), out.end(),
            [](const Candidate& a, const Candidate& b) { return a.cost < b.cost || (a.cost == b.cost && a.id < b.id); });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::string> Channel::Misreadings(std::string_view syllable, float slack, size_t limit) const {
  const std::vector<int> src = SourceIndices(syllable);
  const size_t n = src.size(), letters = t_.letters.size();
  // The cheapest reading of each letter, and of the letters from i on: a
  // branch whose cost plus the rest's cheapest exceeds the budget is cut.
  std::vector<float> least(n + 1, 0);
  for (size_t i = n; i-- > 0;) {
    const int k = src[i];
    float m = t_.del[k];
    for (int o = 0; o < kOut; ++o) m = std::min(m, t_.sub[k * kOut + o]);
    for (int p = 0; p < kOut * kOut; ++p) m = std::min(m, t_.sub2[size_t(k) * kOut * kOut + p]);
    least[i] = least[i + 1] + m;
  }
  const float budget = least[0] + slack;
  std::vector<std::pair<float, std::string>> found;
  std::string out;
  auto letter = [](int o) { return char(o < 26 ? 'a' + o : '0' + (o - 26)); };
  std::function<void(size_t, float)> walk = [&](size_t i, float cost) {
    if (cost + least[i] > budget) return;
    if (i == n) {
      if (!out.empty()) found.emplace_back(cost, out);
      return;
    }
    const int k = src[i];
    if (size_t(k) >= letters) return;
    walk(i + 1, cost + t_.del[k]);
    for (int o = 0; o < kOut; ++o) {
      out.push_back(letter(o));
      walk(i + 1, cost + t_.sub[k * kOut + o]);
      out.pop_back();
    }
    for (int p = 0; p < kOut * kOut; ++p) {
      const float c = t_.sub2[size_t(k) * kOut * kOut + p];
      if (!(c < kInf)) continue;
      out.push_back(letter(p / kOut));
      out.push_back(letter(p % kOut));
      walk(i + 1, cost + c);
      out.resize(out.size() - 2);
    }
  };
  walk(0, 0);
  std::sort(found.begin(), found.end());
  std::vector<std::string> spellings;
  for (const auto& [cost, spelling] : found) {
    if (spellings.size() >= limit) break;
    if (std::find(spellings.begin(), spellings.end(), spelling) == spellings.end()) spellings.push_back(spelling);
  }
  return spellings;
}

std::optional<Channel> Channel::AdaptedTo(const std::vector<Reading>& readings, float prior, float min_gain,
                                          float* gain) const {
  // Readings along their alignments under the learned costs, counted.
  const size_t n = t_.letters.size();
  std::vector<double> sub(n * kOut, 0), del(n, 0), ins(kOut, 0), total(n, 0);
  std::unordered_map<size_t, double> sub2;  // [letter][pair], sparse: a document shows few
  double letters = 0;
  std::vector<Edit> edits;
  std::vector<int> src;
  const std::vector<int>& fold = FoldIndices();
  for (const auto& [syllable, token] : readings) {
    src.clear();
    AppendSourceIndices(syllable, src);
    // Most tokens are their syllable's plain fold, each letter read as itself.
    bool folds = src.size() == token.size();
    for (size_t i = 0; folds && i < src.size(); ++i) folds = Idx(token[i]) == fold[src[i]];
    if (folds) {
      for (int k : src) total[k] += 1, sub[k * kOut + fold[k]] += 1;
      letters += double(src.size());
      continue;
    }
    if (!(Align(src, token, &edits) < kInf)) continue;
    letters += double(src.size());
    for (const Edit& e : edits) {
      if (e.source < 0) {
        ins[Idx(e.out[0])] += 1;
        continue;
      }
      total[e.source] += 1;
      if (e.out.empty()) del[e.source] += 1;
      else if (e.out.size() == 1) sub[e.source * kOut + Idx(e.out[0])] += 1;
      else sub2[size_t(e.source) * kOut * kOut + Idx(e.out[0]) * kOut + Idx(e.out[1])] += 1;
    }
  }
  if (readings.empty() || letters == 0) return std::nullopt;

  // p = (count + prior · p_learned) / (total + prior), per source letter.
  auto mix = [prior](float learned, double count, double denom) {
    return float(-std::log((count + prior * std::exp(-double(learned))) / denom));
  };
  // What that saves on the confusions (a letter read as another, dropped,
  // doubled, inserted) along the same alignments, from the counts alone:
  // most documents stop here. Letters read as themselves are left out: a
  // clean page would otherwise look like another engine's.
  double saved = 0;
  auto save = [&](float learned, double count, double denom) {
    if (count > 0) saved += count * (double(learned) - double(mix(learned, count, denom)));
  };
  for (size_t s = 0; s < n; ++s) {
    if (total[s] == 0) continue;
    const double denom = total[s] + prior;
    for (int o = 0; o < kOut; ++o)
      if (o != fold[s]) save(t_.sub[s * kOut + o], sub[s * kOut + o], denom);
    save(t_.del[s], del[s], denom);
  }
  for (const auto& [at, count] : sub2) save(t_.sub2[at], count, total[at / (kOut * kOut)] + prior);
  for (int o = 0; o < kOut; ++o) save(t_.ins[o], ins[o], letters + prior);
  const float average = float(saved / double(readings.size()));
  if (gain) *gain = average;
  if (!(average > min_gain)) return std::nullopt;

  Tables t = t_;
  for (size_t s = 0; s < n; ++s) {
    if (total[s] == 0) continue;
    const double denom = total[s] + prior;
    for (int o = 0; o < kOut; ++o) t.sub[s * kOut + o] = mix(t_.sub[s * kOut + o], sub[s * kOut + o], denom);
    t.del[s] = mix(t_.del[s], del[s], denom);
    for (size_t at = s * kOut * kOut; at < (s + 1) * kOut * kOut; ++at)
      if (t_.sub2[at] < kInf) t.sub2[at] = mix(t_.sub2[at], 0, denom);  // seen ones below
  }
  for (const auto& [at, count] : sub2) t.sub2[at] = mix(t_.sub2[at], count, total[at / (kOut * kOut)] + prior);
  for (int o = 0; o < kOut; ++o) t.ins[o] = mix(t_.ins[o], ins[o], letters + prior);
  Channel a;
  a.t_ = std::move(t);
  a.trained_ = trained_;
  a.trie_ = trie_;
  a.max_depth_ = max_depth_;
  a.max_children_ = max_children_;
  a.IndexLowerBounds();
  return a;
}

std::vector<Channel::Candidate> Channel::TokenCandidates(std::string_view ocr, float margin, size_t limit) const {
  return Search(ocr, 4.0f * float(ocr.size()) + 6.0f, margin, limit);
}

// Section layout (8-byte aligned in the model file): f32 margin, u32 limit,
// u64 slots, u64 spelling hashes[slots] (HashString; kEmptySlot when free),
// u32 begin[slots], u32 end[slots], f32 costs[n], u16 ids[n].
std::string CandidateTable::Build(const Channel& channel, const std::vector<std::string>& spellings, float margin,
                                  size_t limit) {
  uint64_t slots = 1;
  while (slots < spellings.size() * 10 / 7 + 1) slots <<= 1;
  std::vector<uint64_t> hashes(slots, kEmptySlot);
  std::vector<uint32_t> begin(slots, 0), end(slots, 0);
  std::vector<float> costs;
  std::vector<SyllableId> ids;
  for (const std::string& spelling : spellings) {
    uint64_t h = HashString(spelling);
    uint64_t i = HashKey(h) & (slots - 1);
    bool seen = false;
    for (; hashes[i] != kEmptySlot; i = (i + 1) & (slots - 1)) seen = seen || hashes[i] == h;
    if (seen) continue;
    hashes[i] = h;
    begin[i] = uint32_t(ids.size());
    for (const Channel::Candidate& c : channel.TokenCandidates(spelling, margin, limit)) {
      costs.push_back(c.cost);
      ids.push_back(c.id);
    }
    end[i] = uint32_t(ids.size());
  }
  std::string out;
  auto put = [&](const void* p, size_t n) { out.append(static_cast<const char*>(p), n); };
  uint32_t limit32 = uint32_t(limit);
  put(&margin, 4);
  put(&limit32, 4);
  put(&slots, 8);
  put(hashes.data(), slots * 8);
  put(begin.data(), slots * 4);
  put(end.data(), slots * 4);
  put(costs.data(), costs.size() * 4);
  put(ids.data(), ids.size() * 2);
  return out;
}

Result<CandidateTable> CandidateTable::Parse(std::string_view b) {
  CandidateTable t;
  if (b.empty()) return t;
  if (b.size() < 16 || reinterpret_cast<uintptr_t>(b.data()) % 8) return Status::Corrupt("bad chcands section");
  uint64_t slots;
  std::memcpy(&t.margin_, b.data(), 4);
  std::memcpy(&t.limit_, b.data() + 4, 4);
  std::memcpy(&slots, b.data() + 8, 8);
  if (slots == 0 || (slots & (slots - 1)) || slots > b.size() / 16) return Status::Corrupt("bad chcands section");
  const size_t head = 16 + slots * 16, n = (b.size() - head) / 6;
  if (b.size() != head + n * 6) return Status::Corrupt("bad chcands section");
  t.hashes_ = reinterpret_cast<const uint64_t*>(b.data() + 16);
  t.begin_ = reinterpret_cast<const uint32_t*>(b.data() + 16 + slots * 8);
  t.end_ = reinterpret_cast<const uint32_t*>(b.data() + 16 + slots * 12);
  t.costs_ = reinterpret_cast<const float*>(b.data() + head);
  t.ids_ = reinterpret_cast<const SyllableId*>(b.data() + head + n * 4);
  for (uint64_t i = 0; i < slots; ++i)
    if (t.hashes_[i] != kEmptySlot && (t.end_[i] > n || t.begin_[i] > t.end_[i]))
      return Status::Corrupt("bad chcands section");
  t.slots_ = slots;
  return t;
}

bool CandidateTable::Find(std::string_view ocr, Entry* entry) const {
  if (!slots_) return false;
  uint64_t h = HashString(ocr);
  for (uint64_t i = HashKey(h) & (slots_ - 1);; i = (i + 1) & (slots_ - 1)) {
    if (hashes_[i] == h) {
      *entry = {ids_ + begin_[i], costs_ + begin_[i], size_t(end_[i] - begin_[i])};
      return true;
    }
    if (hashes_[i] == kEmptySlot) return false;
  }
}

bool CandidateTable::Find(std::string_view ocr, float margin, size_t limit, Entry* entry) const {
  if (!Find(ocr, entry)) return false;
  if (entry->size == 0) return true;
  const float bound = entry->costs[0] + margin;  // as Channel::Found sums it
  size_t n = 0;
  while (n < entry->size && n < limit && entry->costs[n] <= bound) ++n;
  entry->size = n;
  return true;
}

namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<std::string> Tokens(const std::string& text, bool ocr) {
  std::vector<std::string> out;
  for (const TokenSpan& t : ScanTokens(text, ocr))
    if (t.word()) out.push_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

int Levenshtein(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = int(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = int(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// Word alignment of source syllables with OCR tokens (both as lists), by
// dynamic programming on normalized letter edit distance of the folds.
std::vector<std::pair<std::string, std::string>> AlignWords(const std::vector<std::string>& src,
                                                            const std::vector<std::string>& ocr) {
  const size_t n = src.size(), m = ocr.size();
  std::vector<std::string> folded(n);
  for (size_t i = 0; i < n; ++i) folded[i] = FoldSyllable(src[i]);
  std::vector<float> d((n + 1) * (m + 1), 0);
  std::vector<uint8_t> how((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> float& { return d[i * (m + 1) + j]; };
  for (size_t i = 1; i <= n; ++i) at(i, 0) = float(i), how[i * (m + 1)] = 2;
  for (size_t j = 1; j <= m; ++j) at(0, j) = float(j), how[j] = 3;
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      const std::string &a = folded[i - 1], &b = ocr[j - 1];
      float dist = float(Levenshtein(a, b)) / float(std::max(a.size(), b.size()));
      float best = at(i - 1, j - 1) + 2 * dist;
      uint8_t h = 1;
      if (at(i - 1, j) + 1 < best) best = at(i - 1, j) + 1, h = 2;
      if (at(i, j - 1) + 1 < best) best = at(i, j - 1) + 1, h = 3;
      at(i, j) = best;
      how[i * (m + 1) + j] = h;
    }
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t i = n, j = m;
  while (i && j) {
    uint8_t h = how[i * (m + 1) + j];
    if (h == 1) {
      const std::string &a = folded[i - 1], &b = ocr[j - 1];
      if (Levenshtein(a, b) * 3 <= int(std::max(a.size(), b.size())) * 2) pairs.emplace_back(src[i - 1], b);
      --i, --j;
    } else if (h == 2) {
      --i;
    } else {
      --j;
    }
  }
  return pairs;
}

}  // namespace

Result<std::vector<std::string>> OcrSpellings(const std::string& pairs_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(pairs_dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.size() < 8 || name.compare(name.size() - 8, 8, ".ocr.txt") != 0) continue;
    if (!fs::exists(e.path().parent_path() / (name.substr(0, name.size() - 8) + ".src.txt"))) continue;
    // Folded as LearnChannel and the restorer fold them.
    for (const std::string& t : Tokens(FoldDiacritics(ReadAll(e.path())), true)) out.push_back(FoldSyllable(t));
  }
  if (ec) return Status::NotFound("cannot list OCR pairs in " + pairs_dir);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::string> LearnChannel(const std::string& pairs_dir, std::string* report) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::vector<int>, std::string>> pairs;
  size_t files = 0;
  std::error_code ec;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(pairs_dir, ec)) paths.push_back(e.path());
  if (ec) return Status::NotFound("cannot list OCR pairs in " + pairs_dir);
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    std::string name = p.filename().string();
    if (name.size() < 8 || name.compare(name.size() - 8, 8, ".src.txt") != 0) continue;
    fs::path ocr_path = p.parent_path() / (name.substr(0, name.size() - 8) + ".ocr.txt");
    if (!fs::exists(ocr_path)) continue;
    ++files;
    std::vector<std::string> src = Tokens(LowerSyllable(CanonicalTones(ReadAll(p))), false);
    // tesseract -l eng guesses Latin accents (é, ï, ç): fold them away, as the
    // restorer's input will have them folded too.
    std::vector<std::string> ocr = Tokens(FoldDiacritics(ReadAll(ocr_path)), true);
    for (auto& [s, o] : AlignWords(src, ocr)) pairs.emplace_back(SourceIndices(s), o);
  }
  if (pairs.empty()) return Status::NotFound("no aligned OCR pairs in " + pairs_dir);

  Channel ch;
  const size_t n = ch.t_.letters.size();
  std::vector<Channel::Edit> edits;
  std::map<std::pair<int, std::string>, double> top;
  for (int iter = 0; iter < 4; ++iter) {
    std::vector<double> sub(n * kOut, 0), del(n, 0), ins(kOut, 0), sub2(n * kOut * kOut, 0), total(n, 0);
    double letters = 0;
    top.clear();
    for (const auto& [src, o] : pairs) {
      ch.Align(src, o, &edits);
      letters += src.size();
      for (const Channel::Edit& e : edits) {
        if (e.source < 0) {
          ins[Idx(e.out[0])] += 1;
          continue;
        }
        total[e.source] += 1;
        if (e.out.empty()) {
          del[e.source] += 1;
        } else if (e.out.size() == 1) {
          sub[e.source * kOut + Idx(e.out[0])] += 1;
        } else {
          sub2[e.source * kOut * kOut + Idx(e.out[0]) * kOut + Idx(e.out[1])] += 1;
        }
        if (iter == 3 && (e.out.size() != 1 || Idx(e.out[0]) != Idx(LetterOf(ch.t_.letters[e.source]).folded)))
          top[{e.source, e.out}] += 1;
      }
    }
    // Add-α smoothing; letters never seen in the pairs keep a folding prior.
    constexpr double kAlpha = 0.02;
    for (size_t s = 0; s < n; ++s) {
      int fold = Idx(LetterOf(ch.t_.letters[s]).folded);
      double prior = 5.0;  // pseudo-observations of the plain fold
      double denom = total[s] + prior + kAlpha * (kOut + 1);
      for (int o = 0; o < kOut; ++o) {
        double c = sub[s * kOut + o] + kAlpha + (o == fold ? prior : 0);
        ch.t_.sub[s * kOut + o] = float(-std::log(c / denom));
      }
      ch.t_.del[s] = float(-std::log((del[s] + kAlpha) / denom));
      for (int p = 0; p < kOut * kOut; ++p)
        ch.t_.sub2[s * kOut * kOut + p] = sub2[s * kOut * kOut + p] >= 2 ? float(-std::log(sub2[s * kOut * kOut + p] / denom)) : kInf;
    }
    for (int o = 0; o < kOut; ++o) ch.t_.ins[o] = float(-std::log((ins[o] + kAlpha) / letters));
  }
  std::ostringstream r;
  r << "channel: " << files << " OCR page pairs, " << pairs.size() << " aligned syllables; top confusions:";
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [k, c] : top) {
    std::string from;
    AppendUtf8(ch.t_.letters[k.first], from);
    ranked.emplace_back(c, from + "→" + (k.second.empty() ? "∅" : k.second));
  }
  std::sort(ranked.rbegin(), ranked.rend());
  for (size_t i = 0; i < ranked.size() && i < 25; ++i) r << " " << ranked[i].second << "(" << ranked[i].first << ")";
  r << "\n";
  *report += r.str();
  ch.trained_ = true;
  return ch.Serialize();
}

}  // namespace vanban::normalize
