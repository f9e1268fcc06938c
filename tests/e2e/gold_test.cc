// End to end through the `vanban` binary: `vanban extract FILE --json` on each
// real seed, as text and as text-layer PDF, compared with its gold label
// (shared/corpus/gold/NAME.json). Values compare after CanonicalTones on the
// gold side: vanban's canonical text uses one tone placement (hòa, not hoà),
// and the gold keeps whatever the source printed ("khoá XII").
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "bench/cer.h"
#include "common/vietnamese.h"
#include "tests/support/support.h"

namespace vanban {
namespace {

using json = nlohmann::json;
using testing::ReadFile;
using testing::RequireShared;
using testing::RunVanban;

json Canonical(const json& v) {
  if (v.is_string()) return CanonicalTones(v.get<std::string>());
  if (v.is_array() || v.is_object()) {
    json out = v;
    for (auto& [k, item] : out.items()) item = Canonical(item);
    return out;
  }
  return v;
}

json Gold(const std::string& seed) {
  return json::parse(ReadFile(RequireShared("corpus/gold") + "/" + seed + ".json"));
}

json Extract(const std::string& file) {
  testing::CommandResult r = RunVanban({"extract", file, "--json"});
  INFO(file << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// The SCHEMA fields of `got` that differ from the gold: "field: got X, gold Y".
std::vector<std::string> Differences(const json& got, const json& gold, const std::vector<std::string>& fields) {
  std::vector<std::string> diffs;
  for (const std::string& f : fields) {
    json want = Canonical(gold.value(f, json()));
    json have = got.value(f, json());
    if (f == "references" && have.is_array()) {
      for (auto& r : have) r.erase("provenance");
    }
    if (have != want) diffs.push_back(f + ": got " + have.dump() + "\n    gold " + want.dump());
  }
  return diffs;
}

const std::vector<std::string> kHeaderFields = {"doc_type", "number", "issuer", "parent_issuer",
                                                "place",    "date",   "title",  "signer"};
const std::vector<std::string> kListFields = {"references", "recipients", "sections"};

const std::vector<std::string> kAccentedSeeds = {"000_b1984531e09ab0e8", "002_c8f5fa6bf13346e2",
                                                 "003_bff9b64896aa50d4", "004_e32909d42310c0f5"};

struct TargetScore {
  int gold = 0, extracted = 0, matched = 0, exact = 0;
};

// Issue 3, targets: a gold target is matched by an extracted percentage of
// the same value whose statement is within OCR's (or restoration's) letter
// errors of the gold's (3 edits + 2% of its length, after NFC and spaces
// collapsed); `exact` counts those with no edit. Adds one file's counts to
// `total`.
void ScoreTargets(const json& got, const json& gold, TargetScore* total) {
  auto key = [](std::string t) {
    while (!t.empty() && (t.back() == '.' || t.back() == ';' || t.back() == ' ')) t.pop_back();
    return bench::CerNormalize(t);
  };
  std::vector<std::pair<std::u32string, double>> pool;
  for (const auto& t : got["targets"])
    if (t.value("unit", "%") == "%") pool.push_back({key(t["text"].get<std::string>()), t["value"].get<double>()});
  const int extracted = static_cast<int>(pool.size());
  int matched = 0, gold_count = 0;
  for (const auto& g : gold["targets"]) {
    ++gold_count;
    const std::u32string want = key(g["text"].get<std::string>());
    const double value = g["value"].get<double>();
    long best_edits = -1;
    size_t best = pool.size();
    for (size_t i = 0; i < pool.size(); ++i) {
      if (pool[i].second != value) continue;
      const long edits = bench::EditDistance(pool[i].first, want);
      if (best_edits < 0 || edits < best_edits) best_edits = edits, best = i;
    }
    if (best < pool.size() && best_edits <= 3 + static_cast<long>(want.size()) / 50) {
      ++matched;
      total->exact += best_edits == 0;
      pool.erase(pool.begin() + static_cast<long>(best));
    }
  }
  total->gold += gold_count;
  total->extracted += extracted;
  total->matched += matched;
}

// The accented seeds: every header and list field must equal the gold, from
// the .txt and from the text-layer .pdf alike.
TEST_CASE("extract --json matches the gold on the accented seeds, text and PDF", "[e2e][gold]") {
  const std::string corpus = RequireShared("corpus");
  std::vector<std::string> fields = kHeaderFields;
  fields.insert(fields.end(), kListFields.begin(), kListFields.end());
  for (const std::string& seed : kAccentedSeeds) {
    for (const std::string& file : {corpus + "/txt/" + seed + ".txt", corpus + "/pdf/" + seed + ".pdf"}) {
      const json got = Extract(file);
      for (const std::string& d : Differences(got, Gold(seed), fields)) FAIL_CHECK(file << "\n  " << d);
      // Issue 3: every gold target, its statement exact, and nothing more.
      TargetScore targets;
      ScoreTargets(got, Gold(seed), &targets);
      INFO(file << ": targets gold " << targets.gold << ", extracted " << targets.extracted << ", exact "
                << targets.exact);
      CHECK(targets.exact == targets.gold);
      CHECK(targets.extracted == targets.gold);
    }
  }
}

// Seed 001's headings and statements are restored text (issue 5): its four
// parts numbered and headed as in the gold; every target value, with no extra, and
// every statement within OCR and restoration errors of the gold's (3 edits
// + 2%): 14 of 14 in each form since the restorer adapts its channel to the
// seed's OCR engine (12 before: "dupe khỏe phục" for "được khắc phục").
void CheckRestoredParts(const json& got, const json& gold, const std::string& file) {
  INFO(file << "\n  sections " << got["sections"].dump());
  std::vector<std::string> labels;
  for (const auto& h : got["sections"]) {
    const std::string heading = h.get<std::string>();
    labels.push_back(heading.substr(0, heading.find('.')));
  }
  CHECK(labels == std::vector<std::string>{"I", "II", "III", "IV"});
  CHECK(got["sections"] == gold["sections"]);
  TargetScore restored;
  ScoreTargets(got, gold, &restored);
  std::printf("seed 001 %s: targets gold %d, extracted %d, statements within OCR and restoration errors %d\n",
              file.substr(file.rfind('/') + 1).c_str(), restored.gold, restored.extracted, restored.matched);
  CHECK(restored.extracted == restored.gold);
  CHECK(restored.matched == restored.gold);
}

// Seed 001 lost its diacritics (an OCR layer without Vietnamese): its header
// fields, recipients and references come right only once restored, from the
// .txt and from the text-layer PDF, whose layer is garbled the same way.
TEST_CASE("extract --json restores seed 001 and matches its gold header, recipients, references", "[e2e][gold]") {
  const std::string corpus = RequireShared("corpus");
  const std::string seed = "001_4fa500642386260b";
  std::vector<std::string> fields = kHeaderFields;
  fields.insert(fields.end(), {"references", "recipients"});
  for (const std::string& file : {corpus + "/txt/" + seed + ".txt", corpus + "/pdf/" + seed + ".pdf"}) {
    const json got = Extract(file);
    for (const std::string& d : Differences(got, Gold(seed), fields)) FAIL_CHECK(file << "\n  " << d);
    CheckRestoredParts(got, Gold(seed), file);
  }
}

struct DeadlineScore {
  int gold = 0, extracted = 0, matched = 0, exact = 0;
};

// Issue 3, deadlines on the scan forms: every gold deadline is found with its
// exact date and a text within OCR letter errors of the gold's (3 edits + 2%
// of its length: "quý II" for "quý III" is one), and nothing else is taken
// for a deadline.
void ScoreScanDeadlines(const json& got, const json& gold, const std::string& file, DeadlineScore* total) {
  std::vector<std::pair<std::u32string, std::string>> pool;
  for (const auto& d : got["deadlines"])
    pool.push_back({bench::CerNormalize(d["text"].get<std::string>()), d["date"].get<std::string>()});
  const int extracted = static_cast<int>(pool.size());
  int matched = 0, gold_count = 0;
  for (const auto& g : gold["deadlines"]) {
    ++gold_count;
    const std::u32string want = bench::CerNormalize(CanonicalTones(g["text"].get<std::string>()));
    long best_edits = -1;
    size_t best = pool.size();
    for (size_t i = 0; i < pool.size(); ++i) {
      if (pool[i].second != g["date"].get<std::string>()) continue;
      const long edits = bench::EditDistance(pool[i].first, want);
      if (best_edits < 0 || edits < best_edits) best_edits = edits, best = i;
    }
    INFO(file << "\n  gold deadline " << g.dump());
    CHECK(best < pool.size());
    if (best == pool.size()) continue;
    CHECK(best_edits <= 3 + static_cast<long>(want.size()) / 50);
    ++matched;
    total->exact += best_edits == 0;
    pool.erase(pool.begin() + static_cast<long>(best));
  }
  INFO(file << ": deadlines gold " << gold_count << ", extracted " << extracted);
  CHECK(extracted == gold_count);
  total->gold += gold_count;
  total->extracted += extracted;
  total->matched += matched;
}

// Issue 3, seed 003's annex on its scans: OCR gives the cells one per line,
// as in the .txt but without the blank lines between them. Every cell of
// both rows, within 2 letters of OCR error (a speck read as a comma).
int CheckScanTasks(const json& got, const json& gold, const std::string& file) {
  INFO(file);
  REQUIRE(got["tasks"].size() == gold["tasks"].size());
  int exact = 0;
  for (size_t i = 0; i < gold["tasks"].size(); ++i) {
    for (const char* cell : {"no", "content", "lead", "support", "due", "output"}) {
      const json& want = gold["tasks"][i][cell];
      const json& have = got["tasks"][i][cell];
      INFO("row " << i << " " << cell << ": got " << have.dump() << ", gold " << want.dump());
      REQUIRE(have.is_null() == want.is_null());
      if (want.is_null()) {
        ++exact;
        continue;
      }
      const long edits = bench::EditDistance(bench::CerNormalize(have.get<std::string>()),
                                             bench::CerNormalize(CanonicalTones(want.get<std::string>())));
      CHECK(edits <= 2);
      exact += edits == 0;
    }
  }
  return exact;
}

// Issue 4: a scan gives the header fields of its text version (OCR in-process).
// The last page of 000.scan200 holds only two Nơi nhận items and the signer's
// name in heavy speckle that Tesseract's own thresholding (the CLI's too) reads
// as pure noise; the signer comes from the page's second reading, binarized
// without specks. Seed 001's scans print its unaccented text: OCR, then the
// restorer, give the gold too.
TEST_CASE("extract --json on every scan gives the gold header fields, sections, targets, deadlines and tasks", "[e2e][gold][scan]") {
  const std::string corpus = RequireShared("corpus");
  std::vector<std::string> seeds = kAccentedSeeds;
  seeds.push_back("001_4fa500642386260b");
  int headings = 0, exact = 0, cells = 0, exact_cells = 0;
  TargetScore targets;
  DeadlineScore deadlines;
  for (const std::string& seed : seeds) {
    for (const std::string dpi : {"300", "200"}) {
      const std::string file = corpus + "/scan/" + seed + ".scan" + dpi + ".pdf";
      json gold = Gold(seed);
      const json got = Extract(file);
      for (const std::string& d : Differences(got, gold, kHeaderFields)) FAIL_CHECK(file << "\n  " << d);
      ScoreScanDeadlines(got, gold, file, &deadlines);
      if (seed == "003_bff9b64896aa50d4") {
        cells += 6 * static_cast<int>(gold["tasks"].size());
        exact_cells += CheckScanTasks(got, gold, file);
      }
      if (seed == "001_4fa500642386260b") {
        CheckRestoredParts(got, gold, file);
        continue;
      }
      // Issue 3, sections on the scan forms: every Phần/mục, numbered as in
      // the gold; each heading within 2 letters of OCR error ("CỤ THẾ" for
      // "CỤ THỂ"), the space after the numeral's dot aside (OCR sees none in
      // "I. MỤC", prints one in "III.TỔ").
      auto key = [](const std::string& h) {
        const size_t dot = h.find('.');
        return bench::CerNormalize(dot == std::string::npos ? h : h.substr(0, dot + 1) + " " + h.substr(dot + 1));
      };
      TargetScore scan;
      ScoreTargets(got, gold, &scan);
      INFO(file << ": targets gold " << scan.gold << ", extracted " << scan.extracted << ", matched " << scan.matched);
      CHECK(scan.matched * 100 >= 95 * scan.gold);
      CHECK(scan.matched * 100 >= 95 * scan.extracted);
      targets.gold += scan.gold, targets.extracted += scan.extracted, targets.matched += scan.matched;
      targets.exact += scan.exact;
      const auto want = gold["sections"].get<std::vector<std::string>>();
      const auto have = got["sections"].get<std::vector<std::string>>();
      INFO(file);
      REQUIRE(have.size() == want.size());
      for (size_t i = 0; i < want.size(); ++i) {
        INFO(have[i] << "\n  vs gold " << want[i]);
        CHECK(have[i].substr(0, have[i].find('.')) == want[i].substr(0, want[i].find('.')));
        const long edits = bench::EditDistance(key(have[i]), key(want[i]));
        CHECK(edits <= 2);
        ++headings;
        exact += edits == 0;
      }
    }
  }
  std::printf("sections on the 8 accented scans: %d headings, %d exact but for the space after the numeral\n",
              headings, exact);
  std::printf("targets on the 8 accented scans: gold %d, extracted %d, matched %d (%d with the exact statement)\n",
              targets.gold, targets.extracted, targets.matched, targets.exact);
  std::printf("deadlines on the 10 scans: gold %d, extracted %d, matched %d (%d with the exact text)\n",
              deadlines.gold, deadlines.extracted, deadlines.matched, deadlines.exact);
  std::printf("task cells of seed 003 on its 2 scans: %d, %d exact\n", cells, exact_cells);
}

}  // namespace
}  // namespace vanban
