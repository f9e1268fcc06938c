// End to end on the seeds: ../shared/corpus/txt/<seed>.txt → Normalize →
// Extract, compared with ../shared/corpus/gold/<seed>.json.
//
// Targets: a gold target is found when an extracted target has the same value
// and the same text under MatchKey (seeds.h). The gold lists percentages only,
// so precision is measured over the extracted "%" targets; counts with a unit
// ("ít nhất 05 hình thức") are reported beside it. Figures are printed for the
// closing note.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "bench/cer.h"
#include "tests/commitments/seeds.h"
#include "tests/support/support.h"

namespace vanban::testing {
namespace {

struct Score {
  int gold = 0, extracted = 0, matched = 0;
  double recall() const { return gold ? double(matched) / gold : 1.0; }
  double precision() const { return extracted ? double(matched) / extracted : 1.0; }
};

Score ScoreTargets(const Seed& seed, std::vector<std::string>* missed, std::vector<std::string>* extra) {
  std::multimap<std::pair<std::string, double>, int> pool;
  Score s;
  for (const Target& t : seed.record.targets) {
    if (t.unit != "%") continue;
    ++s.extracted;
    pool.insert({{MatchKey(t.text), t.value}, 0});
  }
  for (const auto& g : seed.gold["targets"]) {
    ++s.gold;
    auto it = pool.find({MatchKey(g["text"].get<std::string>()), g["value"].get<double>()});
    if (it != pool.end()) {
      ++s.matched;
      pool.erase(it);
    } else {
      missed->push_back(std::to_string(g["value"].get<double>()) + " | " + g["text"].get<std::string>());
    }
  }
  for (const auto& [key, unused] : pool) extra->push_back(std::to_string(key.second) + " | " + key.first);
  return s;
}

TEST_CASE("targets match the gold on every accented seed", "[commitments][gold]") {
  RequireShared();
  Score total;
  for (const std::string& name : SeedNames()) {
    Seed seed = LoadSeed(name);
    std::vector<std::string> missed, extra;
    Score s = ScoreTargets(seed, &missed, &extra);
    int counts = 0;
    for (const Target& t : seed.record.targets) counts += t.unit != "%";
    std::printf("targets %s: gold %d, extracted %d (+%d counts), matched %d, recall %.3f, precision %.3f\n",
                name.c_str(), s.gold, s.extracted, counts, s.matched, s.recall(), s.precision());
    for (const std::string& m : missed) std::printf("  missed: %s\n", m.c_str());
    for (const std::string& e : extra) std::printf("  extra:  %s\n", e.c_str());
    if (!IsAccentedSeed(name)) continue;
    total.gold += s.gold;
    total.extracted += s.extracted;
    total.matched += s.matched;
    INFO(name);
    CHECK(s.recall() >= 0.95);
    CHECK(s.precision() >= 0.95);
  }
  std::printf("targets, accented seeds: recall %.3f, precision %.3f\n", total.recall(), total.precision());
}

TEST_CASE("top-level sections equal the gold on every accented seed", "[commitments][gold]") {
  RequireShared();
  for (const std::string& name : SeedNames()) {
    if (!IsAccentedSeed(name)) continue;
    Seed seed = LoadSeed(name);
    std::vector<std::string> got;
    for (const Section* s : seed.record.TopSections()) got.push_back(s->heading);
    INFO(name);
    CHECK(got == seed.gold["sections"].get<std::vector<std::string>>());
  }
}

TEST_CASE("seed 001 (unaccented OCR) has the four numbered parts of the gold", "[commitments][gold]") {
  // "IL NOI dung" is the OCR of "II. NỘI dung": the numbering survives OCR.
  // The heading texts reach the gold through restoration, "III. KINH PHI
  // THU C HIEN" with the word OCR split joined again.
  RequireShared();
  Seed seed = LoadSeed("001_4fa500642386260b");
  std::vector<std::string> labels;
  for (const Section* s : seed.record.TopSections()) labels.push_back(s->label);
  CHECK(labels == std::vector<std::string>{"I", "II", "III", "IV"});
  const auto gold = seed.gold["sections"].get<std::vector<std::string>>();
  int equal = 0;
  for (size_t i = 0; i < seed.record.TopSections().size() && i < gold.size(); ++i) {
    std::printf("001 section: %s | gold: %s\n", seed.record.TopSections()[i]->heading.c_str(), gold[i].c_str());
    equal += seed.record.TopSections()[i]->heading == gold[i];
  }
  std::printf("001 sections equal to gold: %d of %zu (restorer %s)\n", equal, gold.size(),
              SeedRestorer() ? "loaded" : "not loaded");
  if (SeedRestorer()) CHECK(equal == 4);
}

// Seed 001 reaches the gold only through restoration (issue 5), whose
// errors can stay in the statements. Each gold target is paired with the
// extracted one of its value whose statement is nearest. Every value must be
// found, and every statement within 3 edits + 2% of its length (issue 3
// asks 95%): 14 of 14, 11 exact, since the restorer adapts its channel to
// the seed's OCR engine (12 and 4 before). Deadlines: the dates exact.
TEST_CASE("seed 001 (unaccented OCR): every target value and statement, within restoration errors",
          "[commitments][gold]") {
  RequireShared();
  Seed seed = LoadSeed("001_4fa500642386260b");
  if (SeedRestorer() == nullptr) FAIL("the restorer's model did not load: seed 001 cannot be read");
  std::vector<std::pair<double, std::u32string>> pool;
  for (const Target& t : seed.record.targets)
    if (t.unit == "%") pool.push_back({t.value, bench::CerNormalize(t.text)});
  int values = 0, near = 0, exact = 0;
  for (const auto& g : seed.gold["targets"]) {
    const std::u32string want = bench::CerNormalize(g["text"].get<std::string>());
    long best = -1;
    size_t at = pool.size();
    for (size_t i = 0; i < pool.size(); ++i) {
      if (pool[i].first != g["value"].get<double>()) continue;
      const long edits = bench::EditDistance(pool[i].second, want);
      if (best < 0 || edits < best) best = edits, at = i;
    }
    INFO(g.dump());
    CHECK(at < pool.size());
    if (at == pool.size()) continue;
    ++values;
    near += best <= 3 + static_cast<long>(want.size()) / 50;
    exact += best == 0;
    pool.erase(pool.begin() + static_cast<long>(at));
  }
  std::printf("seed 001 targets: %d gold, %d values found, %d statements within restoration errors, %d exact\n",
              static_cast<int>(seed.gold["targets"].size()), values, near, exact);
  CHECK(pool.empty());  // no extra percentages
  CHECK(near == values);
  CHECK(exact >= 11);

  std::vector<std::string> got, want;
  for (const Deadline& d : seed.record.deadlines) got.push_back(d.date);
  for (const auto& g : seed.gold["deadlines"]) want.push_back(g["date"].get<std::string>());
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  CHECK(got == want);
}

TEST_CASE("deadlines equal the gold", "[commitments][gold]") {
  RequireShared();
  for (const std::string& name : SeedNames()) {
    if (!IsAccentedSeed(name)) continue;
    Seed seed = LoadSeed(name);
    std::vector<std::pair<std::string, std::string>> got, want;
    for (const Deadline& d : seed.record.deadlines) got.push_back({MatchKey(d.text), d.date});
    for (const auto& g : seed.gold["deadlines"])
      want.push_back({MatchKey(g["text"].get<std::string>()), g["date"].get<std::string>()});
    std::printf("deadlines %s: gold %zu, extracted %zu\n", name.c_str(), want.size(), got.size());
    for (const auto& [text, date] : got) std::printf("  got:  %s | %s\n", date.c_str(), text.c_str());
    // The gold lists annex rows after the body, not in reading order.
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    INFO(name);
    CHECK(got == want);
  }
}

}  // namespace
}  // namespace vanban::testing
