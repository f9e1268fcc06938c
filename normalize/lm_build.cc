#include "normalize/lm_build.h"

#include <algorithm>
#include <cstring>
#include <cmath>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_map>

#include "common/vietnamese.h"
#include "normalize/lm_model.h"
#include "normalize/restore.h"
#include "normalize/restore_channel.h"
#include "normalize/syllable.h"

namespace vanban::normalize {
namespace {

namespace fs = std::filesystem;

struct Doc {
  std::string text;
  int weight = 1;
};

Result<std::string> Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return Status::IOError("cannot read " + p.string());
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::vector<fs::path> TextFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".txt" && e.path().filename() != "SOURCE.txt")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// admin/*.txt hold several documents separated by a line with only a form feed.
std::vector<std::string> SplitAdmin(const std::string& text) {
  std::vector<std::string> docs;
  size_t start = 0;
  while (start <= text.size()) {
    size_t ff = text.find("\n\f\n", start);
    size_t end = ff == std::string::npos ? text.size() : ff;
    if (end > start) docs.push_back(text.substr(start, end - start));
    if (ff == std::string::npos) break;
    start = ff + 3;
  }
  return docs;
}

}  // namespace

std::string PlanText(std::string_view markup) {
  std::string out;
  size_t start = 0;
  while (start < markup.size()) {
    size_t nl = markup.find('\n', start);
    if (nl == std::string_view::npos) nl = markup.size();
    std::string_view line = markup.substr(start, nl - start);
    start = nl + 1;
    if (!line.empty() && line[0] == '#') continue;
    bool cells = false;
    if (!line.empty() && line[0] == '.') {
      size_t sp = line.find(' ');
      std::string_view dir = line.substr(1, sp == std::string_view::npos ? line.size() - 1 : sp - 1);
      // Directives without text (.pageno top, .space 4, .table ...) say
      // nothing about the language.
      if (sp == std::string_view::npos || dir == "pageno" || dir == "space" || dir == "table" ||
          dir == "pagebreak" || dir == "endtable" || dir == "close")
        continue;
      cells = dir == "th" || dir == "tr" || dir == "tg";
      line.remove_prefix(sp + 1);
    }
    for (size_t i = 0; i < line.size(); ++i) {
      if (line.compare(i, 2, "**") == 0 || line.compare(i, 2, "__") == 0) {
        ++i;
      } else if (cells && line.compare(i, 3, " | ") == 0) {
        out += '\n';  // a cell is a sentence of its own
        i += 2;
      } else {
        out += line[i];
      }
    }
    out += '\n';
  }
  return out;
}

namespace {

Result<std::vector<Doc>> CollectDocs(const LmBuildOptions& o, std::vector<std::string>* heldout) {
  std::vector<Doc> docs;
  fs::path root(o.shared_lm_dir);
  if (!fs::is_directory(root / "legal-vlc") || !fs::is_directory(root / "admin"))
    return Status::NotFound("no legal-vlc/ and admin/ in " + o.shared_lm_dir);
  for (const fs::path& p : TextFiles(root / "legal-vlc")) {
    Result<std::string> t = Slurp(p);
    if (!t.ok()) return t.status();
    docs.push_back({std::move(*t), 1});
  }
  std::vector<std::string> admin;
  for (const fs::path& p : TextFiles(root / "admin")) {
    Result<std::string> t = Slurp(p);
    if (!t.ok()) return t.status();
    for (std::string& d : SplitAdmin(*t)) admin.push_back(std::move(d));
  }
  size_t keep = admin.size() > size_t(o.heldout_admin_docs) ? admin.size() - o.heldout_admin_docs : 0;
  for (size_t i = 0; i < admin.size(); ++i) {
    if (i < keep) {
      docs.push_back({std::move(admin[i]), o.admin_weight});
    } else if (heldout) {
      heldout->push_back(std::move(admin[i]));
    }
  }
  if (!o.plans_dir.empty()) {
    std::vector<fs::path> plans;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(o.plans_dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".plan") plans.push_back(e.path());
    if (ec) return Status::NotFound("cannot list plans in " + o.plans_dir);
    std::sort(plans.begin(), plans.end());
    for (const fs::path& p : plans) {
      Result<std::string> t = Slurp(p);
      if (!t.ok()) return t.status();
      docs.push_back({PlanText(*t), o.plan_weight});
    }
  }
  for (const std::string& t : o.extra_texts) docs.push_back({t, o.admin_weight});
  return docs;
}

// Interpolated modified Kneser-Ney over id sequences, order 3 or 4. An
// n-gram is a u64 key: its ids packed 16 bits each, the last word lowest, so
// the context of key k is k >> 16 and its lower-order suffix k & Mask(n-1).
class KneserNey {
 public:
  KneserNey(size_t vocab, int order, double raw_mix) : vocab_(vocab), order_(order), raw_mix_(raw_mix) {}

  void AddSentence(const std::vector<SyllableId>& s, int weight) {
    uint64_t key = 0;
    for (int i = 0; i < order_ - 1; ++i) key = (key << 16) | kBos;
    for (size_t i = 0; i <= s.size(); ++i) {
      SyllableId w = i < s.size() ? s[i] : kEos;
      key = ((key << 16) | w) & Mask(order_);
      for (int k = 0; k < weight; ++k) events_.push_back(key);
    }
  }

  // Adds the unigram, bigram, trigram (and fourgram) sections.
  void Finish(int min_top_count, LmWriter& writer, std::string* report);

 private:
  static uint64_t Mask(int n) { return n >= 4 ? ~0ULL : (1ULL << (16 * n)) - 1; }
  struct Discounts {
    double d[4] = {0, 0.5, 1.0, 1.5};
    double operator()(uint64_t c) const { return d[std::min<uint64_t>(c, 3)]; }
  };
  static Discounts Estimate(const std::vector<uint64_t>& count_of_counts) {
    Discounts D;
    double n1 = count_of_counts[1], n2 = count_of_counts[2], n3 = count_of_counts[3],
           n4 = count_of_counts[4];
    if (n1 == 0 || n2 == 0 || n3 == 0 || n4 == 0) return D;
    double y = n1 / (n1 + 2 * n2);
    D.d[1] = std::clamp(1 - 2 * y * n2 / n1, 0.05, 0.95);
    D.d[2] = std::clamp(2 - 3 * y * n3 / n2, 0.1, 1.9);
    D.d[3] = std::clamp(3 - 4 * y * n4 / n3, 0.1, 2.9);
    return D;
  }

  size_t vocab_;
  int order_;
  double raw_mix_;
  std::vector<uint64_t> events_;
};

// Open addressing (lm_model.h): the entry in each slot, linear probing
// from HashKey(key), at load ≤ 0.5 (short probes on a miss); -1 where free.
template <typename Value>
std::vector<int64_t> Slots(const std::vector<std::pair<uint64_t, Value>>& entries) {
  uint64_t slots = 1;
  while (slots < entries.size() * 2 + 1) slots <<= 1;
  std::vector<int64_t> at(slots, -1);
  for (size_t e = 0; e < entries.size(); ++e) {
    uint64_t i = HashKey(entries[e].first) & (slots - 1);
    while (at[i] >= 0) i = (i + 1) & (slots - 1);
    at[i] = int64_t(e);
  }
  return at;
}

template <typename T>
void Put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// A record table's head: u64 slots, padded to a cache line (lm_model.h).
std::string TableHead(uint64_t slots) {
  std::string out;
  Put(out, slots);
  out.append(56, '\0');
  return out;
}

// The bigram section: per slot u32 key, u32 value, u64 next words.
std::string BigramTable(const std::vector<std::pair<uint64_t, uint32_t>>& entries,
                        const std::unordered_map<uint64_t, uint64_t>& next_words) {
  const std::vector<int64_t> at = Slots(entries);
  std::string out = TableHead(at.size());
  for (int64_t e : at) {
    if (e < 0) {
      Put(out, ~uint32_t(0)), Put(out, uint32_t(0)), Put(out, uint64_t(0));
      continue;
    }
    auto next = next_words.find(entries[e].first);
    Put(out, uint32_t(entries[e].first)), Put(out, entries[e].second);
    Put(out, next == next_words.end() ? uint64_t(0) : next->second);
  }
  return out;
}

// The trigram section: per slot u64 key, u32 value.
std::string TrigramTable(const std::vector<std::pair<uint64_t, uint32_t>>& entries) {
  const std::vector<int64_t> at = Slots(entries);
  std::string out = TableHead(at.size());
  for (int64_t e : at) {
    Put(out, e < 0 ? kEmptySlot : entries[e].first);
    Put(out, e < 0 ? uint32_t(0) : entries[e].second);
  }
  return out;
}

template <typename Value>
std::string HashTable(const std::vector<std::pair<uint64_t, Value>>& entries) {
  const std::vector<int64_t> at = Slots(entries);
  const uint64_t slots = at.size();
  std::vector<uint64_t> keys(slots, kEmptySlot);
  std::vector<Value> vals(slots, Value{});
  for (uint64_t i = 0; i < slots; ++i)
    if (at[i] >= 0) keys[i] = entries[at[i]].first, vals[i] = entries[at[i]].second;
  std::string out(reinterpret_cast<const char*>(&slots), 8);
  out.append(reinterpret_cast<const char*>(keys.data()), slots * 8);
  out.append(reinterpret_cast<const char*>(vals.data()), slots * sizeof(Value));
  return out;
}

void KneserNey::Finish(int min_top_count, LmWriter& writer, std::string* report) {
  const int N = order_;
  using Entries = std::vector<std::pair<uint64_t, uint32_t>>;
  std::vector<Entries> types(N + 1);
  auto count_runs = [](std::vector<uint64_t>& keys, Entries& out) {
    std::sort(keys.begin(), keys.end());
    for (size_t i = 0; i < keys.size();) {
      size_t j = i;
      while (j < keys.size() && keys[j] == keys[i]) ++j;
      out.emplace_back(keys[i], uint32_t(j - i));
      i = j;
    }
  };
  count_runs(events_, types[N]);
  events_.clear();
  events_.shrink_to_fit();
  // Lower orders: continuation counts (distinct words before the suffix),
  // plus every context of the order above with count 0 when it never
  // follows anything (e.g. <s> <s>), to hold its back-off weight.
  for (int n = N - 1; n >= 1; --n) {
    std::vector<uint64_t> keys;
    keys.reserve(types[n + 1].size());
    for (const auto& [k, c] : types[n + 1])
      if (c > 0) keys.push_back(k & Mask(n));
    count_runs(keys, types[n]);
    std::vector<uint64_t> ctx;
    for (const auto& [k, c] : types[n + 1]) ctx.push_back(k >> 16);
    std::sort(ctx.begin(), ctx.end());
    ctx.erase(std::unique(ctx.begin(), ctx.end()), ctx.end());
    Entries merged;
    merged.reserve(types[n].size() + 16);
    size_t a = 0;
    for (uint64_t c : ctx) {
      while (a < types[n].size() && types[n][a].first < c) merged.push_back(types[n][a++]);
      if (a < types[n].size() && types[n][a].first == c) {
        merged.push_back(types[n][a++]);
      } else {
        merged.emplace_back(c, 0);
      }
    }
    while (a < types[n].size()) merged.push_back(types[n][a++]);
    types[n].swap(merged);
  }
  auto find = [&](int n, uint64_t key) -> long {
    const Entries& e = types[n];
    auto it = std::lower_bound(e.begin(), e.end(), std::make_pair(key, uint32_t(0)));
    return (it != e.end() && it->first == key) ? long(it - e.begin()) : -1;
  };

  // Unigrams from continuation counts, lightly smoothed towards uniform.
  std::vector<std::vector<double>> prob(N + 1), bo(N + 1);
  std::vector<double> cc1(vocab_, 0);
  for (const auto& [k, c] : types[1])
    if (k < vocab_) cc1[k] = c;
  double total1 = 0;
  for (double c : cc1) total1 += c;
  std::vector<double> p1(vocab_);
  for (size_t w = 0; w < vocab_; ++w) p1[w] = (cc1[w] + 0.1) / (total1 + 0.1 * vocab_);
  if (raw_mix_ > 0) {
    const double lambda = raw_mix_;
    std::vector<double> raw(vocab_, 0);
    double total_raw = 0;
    for (const auto& [k, c] : types[N]) raw[k & 0xFFFF] += c, total_raw += c;
    for (size_t w = 0; w < vocab_; ++w)
      p1[w] = (1 - lambda) * p1[w] + lambda * (raw[w] + 0.1) / (total_raw + 0.1 * vocab_);
  }
  p1[kBos] = 1e-12;
  std::vector<double> bo1(vocab_, 1.0);
  for (int n = 1; n <= N; ++n) bo[n].assign(types[n].size(), 1.0);
  // p(key) at order n, backing off through unstored n-grams.
  std::function<double(int, uint64_t)> P = [&](int n, uint64_t key) -> double {
    if (n == 1) return p1[key & 0xFFFF];
    long i = find(n, key);
    if (i >= 0) return prob[n][i];
    long c = find(n - 1, key >> 16);
    double g = n - 1 == 1 ? bo1[(key >> 16) & 0xFFFF] : (c >= 0 ? bo[n - 1][c] : 1.0);
    return g * P(n - 1, key & Mask(n - 1));
  };
  std::ostringstream r;
  for (int n = 2; n <= N; ++n) {
    std::vector<uint64_t> coc(5, 0);
    for (const auto& [k, c] : types[n])
      if (c >= 1 && c <= 4) coc[c]++;
    Discounts D = Estimate(coc);
    r << "order " << n << ": " << types[n].size() << " entries, D " << D.d[1] << "/" << D.d[2] << "/" << D.d[3]
      << "\n";
    prob[n].assign(types[n].size(), 0);
    const Entries& e = types[n];
    for (size_t i = 0; i < e.size();) {
      uint64_t ctx = e[i].first >> 16;
      size_t j = i;
      double total = 0, cnt[4] = {0, 0, 0, 0};
      while (j < e.size() && (e[j].first >> 16) == ctx) {
        if (e[j].second > 0) total += e[j].second, cnt[std::min<uint32_t>(e[j].second, 3)] += 1;
        ++j;
      }
      double gamma = total > 0 ? (D.d[1] * cnt[1] + D.d[2] * cnt[2] + D.d[3] * cnt[3]) / total : 1.0;
      if (n == 2) {
        bo1[ctx & 0xFFFF] = gamma;
      } else {
        long c = find(n - 1, ctx);
        if (c >= 0) bo[n - 1][c] = gamma;
      }
      for (size_t t = i; t < j; ++t) {
        double lower = P(n - 1, e[t].first & Mask(n - 1));
        double disc = e[t].second > 0 ? std::max(0.0, e[t].second - D(e[t].second)) / total : 0.0;
        prob[n][t] = disc + gamma * lower;
      }
      i = j;
    }
  }
  std::string uni;
  for (size_t w = 0; w < vocab_; ++w) {
    float lp = float(std::log(p1[w])), lb = float(std::log(bo1[w]));
    uni.append(reinterpret_cast<const char*>(&lp), 4);
    uni.append(reinterpret_cast<const char*>(&lb), 4);
  }
  writer.Add("unigram", std::move(uni));
  // Bigram and trigram values carry a back-off weight (u32); the top
  // four-gram order only a probability (u16).
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> out32(4);
  std::vector<std::pair<uint64_t, uint16_t>> out16;
  for (int n = 2; n <= N; ++n) {
    size_t kept = 0;
    for (size_t i = 0; i < types[n].size(); ++i) {
      if (n == N && types[n][i].second < uint32_t(min_top_count)) continue;
      ++kept;
      uint16_t lp = QuantizeLogProb(float(std::log(prob[n][i])));
      if (n < 4) {
        out32[n].emplace_back(types[n][i].first,
                              uint32_t(lp) | (uint32_t(QuantizeLogProb(float(std::log(bo[n][i])))) << 16));
      } else {
        out16.emplace_back(types[n][i].first, lp);
      }
    }
    if (n == N) r << "order " << n << " stored: " << kept << " (count >= " << min_top_count << ")\n";
  }
  // Each bigram's next words: what the stored trigrams put after it.
  std::unordered_map<uint64_t, uint64_t> next_words;
  for (const auto& [key, value] : out32[3]) next_words[key >> 16] |= 1ULL << NextWordBit(SyllableId(key));
  writer.Add("bigram", BigramTable(out32[2], next_words));
  writer.Add("trigram", TrigramTable(out32[3]));
  if (N == 4) writer.Add("fourgram", HashTable(out16));
  *report += r.str();
}

// How often each syllable is written with a capital inside a sentence
// ("Sở Giáo dục" but "số 12"): log p(Title) and log p(lower) per id, f32.
// The restorer adds it to a candidate's cost where case is informative.
std::string CaseSection(const std::vector<std::string>& vocab,
                        const std::unordered_map<std::string, SyllableId>& ids, const std::vector<Doc>& docs) {
  std::vector<double> title(vocab.size(), 0), total(vocab.size(), 0);
  double all_title = 0, all = 0;
  for (const Doc& d : docs) {
    std::string text = CanonicalTones(d.text);
    std::vector<TokenSpan> tokens = ScanTokens(text);
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!CaseInformative(text, tokens, i)) continue;
      std::string_view tok = std::string_view(text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
      CasePattern c = CaseOf(tok);
      if (c != CasePattern::kTitle && c != CasePattern::kLower) continue;
      auto it = ids.find(LowerSyllable(tok));
      if (it == ids.end()) continue;
      total[it->second] += d.weight;
      all += d.weight;
      if (c == CasePattern::kTitle) title[it->second] += d.weight, all_title += d.weight;
    }
  }
  const double prior = all > 0 ? all_title / all : 0.1, strength = 2.0;
  std::string out;
  for (int pass = 0; pass < 2; ++pass)
    for (size_t id = 0; id < vocab.size(); ++id) {
      double p = (title[id] + strength * prior) / (total[id] + strength);
      float lp = float(std::log(pass == 0 ? p : 1 - p));
      out.append(reinterpret_cast<const char*>(&lp), 4);
    }
  return out;
}

std::string VocabSection(const std::vector<std::string>& vocab) {
  std::string out;
  uint32_t n = vocab.size();
  out.append(reinterpret_cast<const char*>(&n), 4);
  uint32_t off = 0;
  for (const std::string& s : vocab) {
    out.append(reinterpret_cast<const char*>(&off), 4);
    off += s.size();
  }
  out.append(reinterpret_cast<const char*>(&off), 4);
  for (const std::string& s : vocab) out += s;
  return out;
}

// Folded key → ids, most probable (by unigram) first.
std::string CandidateSection(const std::vector<std::string>& vocab, const std::vector<float>& unigram) {
  std::unordered_map<std::string, std::vector<SyllableId>> by_key;
  for (size_t id = 3; id < vocab.size(); ++id)
    if (vocab[id][0] != '<' && vocab[id][0] != '#') by_key[FoldSyllable(vocab[id])].push_back(SyllableId(id));
  std::vector<std::pair<std::string, std::vector<SyllableId>>> keys(by_key.begin(), by_key.end());
  std::sort(keys.begin(), keys.end());
  uint64_t slots = 1;
  while (slots < keys.size() * 10 / 7 + 1) slots <<= 1;
  std::vector<uint64_t> hashes(slots, kEmptySlot);
  std::vector<uint32_t> begin(slots, 0), end(slots, 0);
  std::vector<SyllableId> ids;
  for (auto& [key, list] : keys) {
    std::sort(list.begin(), list.end(), [&](SyllableId a, SyllableId b) { return unigram[a] > unigram[b]; });
    uint64_t h = HashString(key);
    uint64_t i = HashKey(h) & (slots - 1);
    while (hashes[i] != kEmptySlot) i = (i + 1) & (slots - 1);
    hashes[i] = h;
    begin[i] = ids.size();
    ids.insert(ids.end(), list.begin(), list.end());
    end[i] = ids.size();
  }
  std::string out(reinterpret_cast<const char*>(&slots), 8);
  out.append(reinterpret_cast<const char*>(hashes.data()), slots * 8);
  out.append(reinterpret_cast<const char*>(begin.data()), slots * 4);
  out.append(reinterpret_cast<const char*>(end.data()), slots * 4);
  out.append(reinterpret_cast<const char*>(ids.data()), ids.size() * 2);
  return out;
}

std::vector<float> UnigramOf(const std::string& section) {
  std::vector<float> u(section.size() / 8);
  for (size_t i = 0; i < u.size(); ++i) std::memcpy(&u[i], section.data() + 8 * i, 4);
  return u;
}

// Counts `docs` with `vocab` fixed and writes a complete model.
Status WriteModel(const std::vector<std::string>& vocab, const std::vector<Doc>& docs, int order,
                  int min_top_count, double raw_mix, const std::string& channel, const std::string& chcands,
                  std::string meta,
                  const std::string& out_path, bool verbose) {
  std::unordered_map<std::string, SyllableId> ids;
  for (size_t i = 3; i < vocab.size(); ++i) ids.emplace(vocab[i], SyllableId(i));
  KneserNey kn(vocab.size(), order, raw_mix);
  size_t tokens = 0;
  for (const Doc& d : docs) {
    for (const auto& sentence : SplitSentences(d.text)) {
      std::vector<SyllableId> s;
      s.reserve(sentence.size());
      for (const std::string& t : sentence) {
        auto it = ids.find(t);
        s.push_back(it != ids.end() ? it->second : t[0] == '#' ? kCodeId : kUnk);
      }
      tokens += s.size();
      kn.AddSentence(s, d.weight);
    }
  }
  LmWriter writer;
  writer.Add("vocab", VocabSection(vocab));
  writer.Add("case", CaseSection(vocab, ids, docs));
  std::string report;
  kn.Finish(min_top_count, writer, &report);
  meta += "tokens counted (unweighted) " + std::to_string(tokens) + "\n" + report;
  if (verbose) std::cerr << meta;
  // Candidate lists are ordered by the unigram probabilities just computed.
  writer.Add("cands", CandidateSection(vocab, UnigramOf(*writer.Find("unigram"))));
  if (!channel.empty()) writer.Add("channel", channel);
  if (!chcands.empty()) writer.Add("chcands", chcands);
  writer.Add("meta", std::move(meta));
  return writer.Write(out_path);
}

}  // namespace

std::vector<std::vector<std::string>> SplitSentences(const std::string& raw) {
  std::string text = CanonicalTones(raw);
  std::vector<std::vector<std::string>> out;
  for (const TokenSpan& t : ScanTokens(text)) {
    if (t.hard_break || out.empty()) {
      if (out.empty() || !out.back().empty()) out.emplace_back();
    }
    std::string_view tok = std::string_view(text).substr(t.begin, t.end - t.begin);
    if (t.punct) {
      size_t k = 0;
      out.back().emplace_back(PunctClass(DecodeUtf8(tok, k)));
    } else {
      out.back().emplace_back(WordClass(tok, t.number));
    }
  }
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

std::string WordClass(std::string_view token, bool number) {
  if (number) return kNumberWord;
  std::string lower = LowerSyllable(token);
  if (CaseOf(token) == CasePattern::kUpper && CodePointCount(token) >= 2 && !IsValidSyllable(lower))
    return "#" + lower;
  return lower;
}

Result<std::vector<std::string>> HeldOutDocuments(const LmBuildOptions& options) {
  std::vector<std::string> heldout;
  Result<std::vector<Doc>> docs = CollectDocs(options, &heldout);
  if (!docs.ok()) return docs.status();
  return heldout;
}

Result<std::vector<std::string>> OcrPages(const LmBuildOptions& o, bool heldout, size_t max_pages) {
  std::vector<std::string> held;
  Result<std::vector<Doc>> docs = CollectDocs(o, &held);
  if (!docs.ok()) return docs.status();
  std::vector<std::string> sources;
  if (heldout) {
    sources = std::move(held);
  } else {
    // Counted admin documents have weight admin_weight (laws have 1).
    size_t k = 0;
    for (const Doc& d : *docs)
      if (d.weight == o.admin_weight && o.admin_weight != 1 && k++ % 15 == 7) sources.push_back(d.text);
  }
  std::vector<std::string> pages;
  for (const std::string& doc : sources) {
    std::string page;
    std::istringstream in(doc);
    for (std::string line; std::getline(in, line);) {
      std::replace(line.begin(), line.end(), '\t', ' ');
      page += line + "\n";
      if (page.size() > 1800) pages.push_back(std::move(page)), page.clear();
    }
    if (page.size() > 300) pages.push_back(page);
  }
  if (pages.size() <= max_pages) return pages;
  std::vector<std::string> picked;
  for (size_t i = 0; i < max_pages; ++i) picked.push_back(pages[i * pages.size() / max_pages]);
  return picked;
}

namespace {

// The channel candidates of every fold of the vocabulary and every token of
// the OCR training pairs, for the restorer's default cut (CandidateTable).
Result<std::string> ChannelCandidateSection(const std::string& section, const std::vector<std::string>& vocab,
                                            const std::string& pairs_dir, std::string* meta) {
  Result<Channel> channel = Channel::Parse(section);
  if (!channel.ok()) return channel.status();
  channel->IndexVocabulary(vocab);
  Result<std::vector<std::string>> spellings = OcrSpellings(pairs_dir);
  if (!spellings.ok()) return spellings.status();
  const size_t ocr = spellings->size();
  for (size_t id = 3; id < vocab.size(); ++id)
    if (vocab[id][0] != '<' && vocab[id][0] != '#') spellings->push_back(FoldSyllable(vocab[id]));
  // The likeliest misreadings of every syllable ("khong" → "khdng"): the
  // garbled tokens of new pages, where the channel foresees them. On the 47
  // dev pages the tokens left to search went from 304 to 158, 135 and 115
  // with slack 8, 12 and 16 (13 k, 34 k and 85 k spellings; +2, +5 and +13
  // MB), OCR mode 4-6% faster at each; 12 it is.
  constexpr float kMisreadSlack = 12;
  constexpr size_t kMisreadLimit = 60;
  for (size_t id = 3; id < vocab.size(); ++id)
    if (vocab[id][0] != '<' && vocab[id][0] != '#')
      for (std::string& m : channel->Misreadings(vocab[id], kMisreadSlack, kMisreadLimit))
        spellings->push_back(std::move(m));
  // Numbers of one or two digits, which OCR mode reads through the channel
  // between two words ("nhà 6 xã hội"): 28 of the ~130 spellings the held-out
  // eng-OCR pages still sent to the search.
  for (int n = 0; n < 100; ++n) {
    spellings->push_back(std::to_string(n));
    if (n < 10) spellings->push_back(std::string(1, '0') += std::to_string(n));
  }
  std::sort(spellings->begin(), spellings->end());
  spellings->erase(std::unique(spellings->begin(), spellings->end()), spellings->end());
  const RestoreOptions defaults;
  *meta += "channel candidates precomputed for " + std::to_string(spellings->size()) + " spellings (" +
           std::to_string(ocr) + " from the OCR pairs)\n";
  return CandidateTable::Build(*channel, *spellings, defaults.channel_margin, defaults.channel_candidates);
}

}  // namespace

Status BuildModel(const LmBuildOptions& o) {
  std::vector<std::string> heldout;
  Result<std::vector<Doc>> docs = CollectDocs(o, &heldout);
  if (!docs.ok()) return docs.status();
  // Vocabulary: valid syllables by weighted frequency.
  std::unordered_map<std::string, uint64_t> counts;
  for (const Doc& d : *docs)
    for (const auto& s : SplitSentences(d.text))
      for (const std::string& t : s) counts[t] += d.weight;
  std::vector<std::pair<uint64_t, std::string>> ranked;
  for (auto& [s, c] : counts)
    if (c >= uint64_t(o.min_syllable_count) && IsValidSyllable(s)) ranked.emplace_back(c, s);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.size() > 65000) ranked.resize(65000);
  if (o.verbose) {
    std::vector<std::pair<uint64_t, std::string>> rejected;
    for (auto& [s, c] : counts)
      if (c >= 20 && !IsValidSyllable(s)) rejected.emplace_back(c, s);
    std::sort(rejected.rbegin(), rejected.rend());
    std::cerr << "distinct tokens " << counts.size() << "; frequent tokens left out:";
    for (size_t i = 0; i < rejected.size() && i < 60; ++i) std::cerr << " " << rejected[i].second;
    std::cerr << "\n";
  }
  std::vector<std::string> vocab = {"<unk>", "<s>", "</s>", kNumberWord, kCodeWord};
  for (const char* p : {"<,>", "<(>", "<)>", "<q>", "<->", "</>", "<&>", "<%>"}) vocab.push_back(p);
  for (auto& [c, s] : ranked) vocab.push_back(s);
  // Frequent codes are words of their own: "trường THPT", "Sở GDĐT" and
  // "UBND tỉnh" say more than "trường <code>".
  std::vector<std::pair<uint64_t, std::string>> codes;
  for (auto& [s, c] : counts)
    if (o.min_code_count > 0 && s[0] == '#' && c >= uint64_t(o.min_code_count)) codes.emplace_back(c, s);
  std::sort(codes.rbegin(), codes.rend());
  for (size_t i = 0; i < codes.size() && vocab.size() < 65000; ++i) vocab.push_back(codes[i].second);
  std::string channel, chcands;
  std::string meta = "vanban restorer model: syllable trigram, interpolated modified Kneser-Ney\n";
  meta += "sources: " + o.shared_lm_dir + " (legal-vlc weight 1, admin weight " +
          std::to_string(o.admin_weight) + ", last " + std::to_string(o.heldout_admin_docs) +
          " admin documents held out)\n";
  if (!o.plans_dir.empty())
    meta += "plans: " + o.plans_dir + "/*.plan, weight " + std::to_string(o.plan_weight) + "\n";
  meta += "vocabulary " + std::to_string(ranked.size()) + " syllables, " + std::to_string(codes.size()) +
          " codes\n";
  if (!o.ocr_pairs_dir.empty()) {
    Result<std::string> c = LearnChannel(o.ocr_pairs_dir, &meta);
    if (!c.ok()) return c.status();
    channel = std::move(*c);
    Result<std::string> t = ChannelCandidateSection(channel, vocab, o.ocr_pairs_dir, &meta);
    if (!t.ok()) return t.status();
    chcands = std::move(*t);
  }
  meta += "order " + std::to_string(o.order) + ", n-grams of the highest order seen fewer than " +
          std::to_string(o.min_top_count) + " times not stored\n";
  return WriteModel(vocab, *docs, o.order, o.min_top_count, o.unigram_raw_mix, channel, chcands, meta, o.out_path,
                    o.verbose);
}

Status BuildArchiveModel(const std::string& base_model_path, const std::vector<std::string>& texts,
                         const std::string& out_path, int order) {
  Result<std::unique_ptr<LmModel>> base = LmModel::Open(base_model_path);
  if (!base.ok()) return base.status();
  std::vector<std::string> vocab;
  for (size_t i = 0; i < (*base)->VocabSize(); ++i) vocab.emplace_back((*base)->Syllable(SyllableId(i)));
  std::vector<Doc> docs;
  for (const std::string& t : texts) docs.push_back({t, 1});
  std::string meta = "vanban archive model: " + std::to_string(texts.size()) +
                     " accented documents, vocabulary of " + base_model_path + "\n";
  return WriteModel(vocab, docs, order, 1, LmBuildOptions().unigram_raw_mix, "", "", meta, out_path, false);
}

}  // namespace vanban::normalize
