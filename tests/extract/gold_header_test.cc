// End to end on the real seeds: ../shared/corpus/txt/<seed>.txt → Document →
// normalize → extract, compared with ../shared/corpus/gold/<seed>.json for
// the header fields, signer, recipients and references. Gold values are put
// in vanban's tone placement (CanonicalTones: gold "khoá XII" → "khóa XII")
// before comparing; everything else must match exactly.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <optional>
#include <string>

#include "common/vietnamese.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "normalize/restore.h"
#include "tests/support/support.h"

namespace {

using nlohmann::json;
using vanban::CanonicalTones;

struct Seed {
  json gold;
  vanban::Record record;
};

// The .txt reader of ingest splits pages at form feeds; the seeds have none,
// so each is one page.
vanban::Document TextDocument(const std::string& path, const std::string& bytes) {
  vanban::Document doc;
  doc.path = path;
  doc.kind = vanban::SourceKind::kText;
  size_t start = 0;
  int number = 1;
  for (;;) {
    size_t ff = bytes.find('\f', start);
    vanban::Page page;
    page.number = number++;
    page.source = vanban::PageSource::kPlainText;
    page.text = bytes.substr(start, ff == std::string::npos ? std::string::npos : ff - start);
    doc.pages.push_back(std::move(page));
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  return doc;
}

Seed Load(const std::string& prefix) {
  std::string corpus = vanban::testing::RequireShared("corpus");
  std::string name;
  for (const std::string& n : vanban::testing::SeedNames()) {
    if (n.rfind(prefix, 0) == 0) name = n;
  }
  REQUIRE(!name.empty());
  Seed s;
  s.gold = json::parse(vanban::testing::ReadFile(corpus + "/gold/" + name + ".json"));
  std::string path = corpus + "/txt/" + name + ".txt";
  vanban::Document doc = TextDocument(path, vanban::testing::ReadFile(path));
  vanban::NormalizedText text = vanban::normalize::Normalize(doc);
  s.record = vanban::extract::Extract(doc, text);
  return s;
}

std::optional<std::string> Gold(const json& j) {
  if (j.is_null()) return std::nullopt;
  return CanonicalTones(j.get<std::string>());
}

std::optional<std::string> Value(const std::optional<vanban::Field>& f) {
  if (!f) return std::nullopt;
  return f->value;
}

// Every header field of the gold, exactly.
void CheckHeader(const Seed& s) {
  const json& g = s.gold;
  const vanban::Record& r = s.record;
  CHECK(Value(r.doc_type) == Gold(g["doc_type"]));
  CHECK(Value(r.number) == Gold(g["number"]));
  CHECK(Value(r.issuer) == Gold(g["issuer"]));
  CHECK(Value(r.parent_issuer) == Gold(g["parent_issuer"]));
  CHECK(Value(r.place) == Gold(g["place"]));
  CHECK(Value(r.date) == Gold(g["date"]));
  CHECK(Value(r.title) == Gold(g["title"]));
  if (g["signer"].is_null()) {
    CHECK_FALSE(r.signer.has_value());
  } else {
    REQUIRE(r.signer.has_value());
    CHECK(r.signer->name == *Gold(g["signer"]["name"]));
    CHECK(r.signer->title == Gold(g["signer"]["title"]));
  }
}

void CheckRecipients(const Seed& s) {
  std::vector<std::string> want, got;
  for (const json& x : s.gold["recipients"]) want.push_back(CanonicalTones(x.get<std::string>()));
  for (const vanban::Recipient& x : s.record.recipients) got.push_back(x.text);
  CHECK(got == want);
}

std::string RefString(const std::string& type, const std::string& number,
                      const std::optional<std::string>& date, const std::optional<std::string>& issuer) {
  return type + " | " + number + " | " + date.value_or("null") + " | " + issuer.value_or("null");
}

void CheckReferences(const Seed& s) {
  std::vector<std::string> want, got;
  for (const json& x : s.gold["references"]) {
    want.push_back(RefString(*Gold(x["type"]), *Gold(x["number"]), Gold(x["date"]), Gold(x["issuer"])));
  }
  for (const vanban::Reference& x : s.record.references) {
    got.push_back(RefString(x.type, x.number, x.date, x.issuer));
  }
  CHECK(got == want);
}

}  // namespace

TEST_CASE("gold 000: header, signer, recipients, references", "[extract][gold]") {
  Seed s = Load("000_");
  CheckHeader(s);
  CheckRecipients(s);
  CheckReferences(s);
}

TEST_CASE("gold 002: header, signer, recipients, references", "[extract][gold]") {
  Seed s = Load("002_");
  CheckHeader(s);
  CheckRecipients(s);
  CheckReferences(s);
}

TEST_CASE("gold 003: header, signer, recipients, references", "[extract][gold]") {
  Seed s = Load("003_");
  CheckHeader(s);
  CheckRecipients(s);
  CheckReferences(s);
}

TEST_CASE("gold 004: header, signer, recipients, references", "[extract][gold]") {
  Seed s = Load("004_");
  CheckHeader(s);
  CheckRecipients(s);
  CheckReferences(s);
}

// Seed 001 is unaccented OCR: its gold values carry restored diacritics
// (issue 5). Checked always: what is right without restoration — the number
// and date from the annex heading, the absent fields, the number of
// recipients, and the cited numbers up to diacritics (OCR prints Đ as D).
// When the normalize stage restores the pages with the bundled model
// (PageSpan::restored), every field is compared with the gold as for the
// other seeds.
TEST_CASE("gold 001 (unaccented OCR): header, signer, recipients, references", "[extract][gold]") {
  Seed s = Load("001_");
  const json& g = s.gold;
  const vanban::Record& r = s.record;
  CHECK(Value(r.doc_type) == Gold(g["doc_type"]));
  CHECK(Value(r.number) == Gold(g["number"]));
  CHECK(Value(r.date) == Gold(g["date"]));
  CHECK_FALSE(r.place.has_value());
  CHECK_FALSE(r.title.has_value());
  CHECK_FALSE(r.parent_issuer.has_value());
  CHECK_FALSE(r.signer.has_value());
  CHECK(r.recipients.size() == g["recipients"].size());
  std::vector<std::string> want, got;
  for (const json& x : g["references"]) {
    want.push_back(vanban::FoldDiacritics(x["number"].get<std::string>()) + " " +
                   x["type"].get<std::string>() + " " + x["date"].get<std::string>());
  }
  for (const vanban::Reference& x : r.references) {
    got.push_back(vanban::FoldDiacritics(x.number) + " " + x.type + " " + x.date.value_or("null"));
  }
  CHECK(got == want);

  // With the restorer.
  std::string model = vanban::testing::SourceDir() + "/corpus/model/vi.lm";
  if (!std::filesystem::exists(model)) return;
  auto restorer = vanban::normalize::Restorer::Load(model);
  REQUIRE(restorer.ok());
  std::string corpus = vanban::testing::RequireShared("corpus");
  std::string path;
  for (const std::string& n : vanban::testing::SeedNames())
    if (n.rfind("001_", 0) == 0) path = corpus + "/txt/" + n + ".txt";
  vanban::Document doc = TextDocument(path, vanban::testing::ReadFile(path));
  vanban::normalize::Options options;
  options.restorer = restorer.value().get();
  vanban::NormalizedText text = vanban::normalize::Normalize(doc, options);
  bool restored = false;
  for (const auto& p : text.pages) restored = restored || p.restored;
  if (!restored) {
    WARN("normalize did not restore seed 001: the restored comparison is not made");
    return;
  }
  Seed full{g, vanban::extract::Extract(doc, text)};
  CheckHeader(full);
  CheckRecipients(full);
  CheckReferences(full);
}

// Not run by default: prints a seed's record and a field-by-field match table
// against its gold ("test_extract '[.dump]'"). With VANBAN_DUMP_DIR set, reads
// <dir>/<seed>*.txt instead of the shared txt (e.g. pdftotext output of the
// seed PDFs) to see how the extractors fare on other renderings.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "common/record_json.h"

void PrintComparison(const vanban::Record& record, const json& gold_all) {
  auto j = vanban::RecordToJson(record, {.provenance = false});
  for (const char* k : {"doc_type", "number", "issuer", "parent_issuer", "place", "date", "title",
                        "signer", "recipients", "references"}) {
    json gold = gold_all.contains(k) ? gold_all[k] : json();
    std::string g = CanonicalTones(gold.dump());
    std::string o = j[k].dump();
    if (std::string(k) == "signer" && j[k].is_object()) {
      o = json{{"name", j[k]["name"]}, {"title", j[k]["title"]}}.dump();
      if (gold.is_object()) g = CanonicalTones(json{{"name", gold["name"]}, {"title", gold["title"]}}.dump());
    }
    if (std::string(k) == "references" && j[k].is_array()) {
      json arr = json::array();
      for (const auto& r : j[k])
        arr.push_back({{"date", r["date"]}, {"issuer", r["issuer"]}, {"number", r["number"]}, {"type", r["type"]}});
      o = arr.dump();
    }
    std::cout << (o == g ? "  ok   " : "  DIFF ") << k << ": " << o << "\n";
    if (o != g) std::cout << "       gold: " << g << "\n";
  }
}

TEST_CASE("dump seed records", "[.dump]") {
  const char* dir = std::getenv("VANBAN_DUMP_DIR");
  for (const char* p : {"000_", "001_", "002_", "003_", "004_"}) {
    Seed s = Load(p);
    std::string source = "shared txt";
    if (dir) {
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        std::string n = e.path().filename().string();
        if (n.rfind(p, 0) != 0 || e.path().extension() != ".txt") continue;
        std::string bytes = vanban::testing::ReadFile(e.path().string());
        vanban::Document doc = TextDocument(e.path().string(), bytes);
        vanban::NormalizedText text = vanban::normalize::Normalize(doc);
        s.record = vanban::extract::Extract(doc, text);
        source = n;
      }
    }
    std::cout << "== " << p << " (" << source << ")\n";
    PrintComparison(s.record, s.gold);
  }
}

// VANBAN_COMPARE="text.txt=gold.json,..." (text pages split at form feeds).
TEST_CASE("compare texts with gold files", "[.compare]") {
  const char* env = std::getenv("VANBAN_COMPARE");
  if (!env) return;
  std::string all(env);
  size_t start = 0;
  while (start < all.size()) {
    size_t comma = all.find(',', start);
    std::string pair = all.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    start = comma == std::string::npos ? all.size() : comma + 1;
    size_t eq = pair.find('=');
    std::string txt = pair.substr(0, eq), gold = pair.substr(eq + 1);
    vanban::Document doc = TextDocument(txt, vanban::testing::ReadFile(txt));
    vanban::NormalizedText text = vanban::normalize::Normalize(doc);
    std::cout << "== " << txt << "\n";
    PrintComparison(vanban::extract::Extract(doc, text), json::parse(vanban::testing::ReadFile(gold)));
  }
}
