// End to end on the real seeds: ../shared/corpus/{txt,pdf}/<seed> → ingest →
// normalize (with the bundled diacritic restorer) → extract, compared with
// ../shared/corpus/gold/<seed>.json for the header fields, signer,
// recipients and references. Gold values are put
// in vanban's tone placement (CanonicalTones: gold "khoá XII" → "khóa XII")
// before comparing; everything else must match exactly.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <optional>
#include <string>

#include "common/vietnamese.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "normalize/restore.h"
#include "tests/support/support.h"

namespace {

using nlohmann::json;
using vanban::CanonicalTones;

struct Seed {
  json gold;
  vanban::Record record;
  bool restored = false;  // normalize restored diacritics on some page
};

// The bundled diacritic restorer (issue 5), loaded once; nullptr without it.
const vanban::normalize::Restorer* BundledRestorer() {
  static std::unique_ptr<vanban::normalize::Restorer> restorer = [] {
    std::string model = vanban::testing::SourceDir() + "/corpus/model/vi.lm";
    if (!std::filesystem::exists(model)) return std::unique_ptr<vanban::normalize::Restorer>();
    auto r = vanban::normalize::Restorer::Load(model);
    return r.ok() ? std::move(r.value()) : std::unique_ptr<vanban::normalize::Restorer>();
  }();
  return restorer.get();
}

vanban::Record Run(const vanban::Document& doc, bool* restored) {
  vanban::normalize::Options options;
  options.restorer = BundledRestorer();
  vanban::NormalizedText text = vanban::normalize::Normalize(doc, options);
  *restored = false;
  for (const auto& p : text.pages) *restored = *restored || p.restored;
  return vanban::extract::Extract(doc, text);
}

// A file through the real ingest and normalize stages. OCR is off: the
// seeds' PDFs have text layers, and the test must not depend on Tesseract.
vanban::Record RunFile(const std::string& path, bool* restored) {
  vanban::ingest::Options options;
  options.ocr = vanban::ingest::OcrMode::kNever;
  auto doc = vanban::ingest::ReadFile(path, options);
  INFO(path);
  REQUIRE(doc.ok());
  return Run(doc.value(), restored);
}

// form: "txt" or "pdf".
Seed Load(const std::string& prefix, const std::string& form = "txt") {
  std::string corpus = vanban::testing::RequireShared("corpus");
  std::string name;
  for (const std::string& n : vanban::testing::SeedNames()) {
    if (n.rfind(prefix, 0) == 0) name = n;
  }
  REQUIRE(!name.empty());
  Seed s;
  s.gold = json::parse(vanban::testing::ReadFile(corpus + "/gold/" + name + ".json"));
  s.record = RunFile(corpus + "/" + form + "/" + name + "." + form, &s.restored);
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

TEST_CASE("gold 000: header, signer, recipients, references (txt and pdf)", "[extract][gold]") {
  for (const char* form : {"txt", "pdf"}) {
    INFO(form);
    Seed s = Load("000_", form);
    CheckHeader(s);
    CheckRecipients(s);
    CheckReferences(s);
  }
}

TEST_CASE("gold 002: header, signer, recipients, references (txt and pdf)", "[extract][gold]") {
  for (const char* form : {"txt", "pdf"}) {
    INFO(form);
    Seed s = Load("002_", form);
    CheckHeader(s);
    CheckRecipients(s);
    CheckReferences(s);
  }
}

TEST_CASE("gold 003: header, signer, recipients, references (txt and pdf)", "[extract][gold]") {
  for (const char* form : {"txt", "pdf"}) {
    INFO(form);
    Seed s = Load("003_", form);
    CheckHeader(s);
    CheckRecipients(s);
    CheckReferences(s);
  }
}

TEST_CASE("gold 004: header, signer, recipients, references (txt and pdf)", "[extract][gold]") {
  for (const char* form : {"txt", "pdf"}) {
    INFO(form);
    Seed s = Load("004_", form);
    CheckHeader(s);
    CheckRecipients(s);
    CheckReferences(s);
  }
}

// Seed 001 is unaccented OCR: its gold values carry restored diacritics
// (issue 5). Without restoration, what can be right is checked: the number
// and date from the annex heading, the absent fields, the number of
// recipients, the cited numbers up to diacritics (OCR prints Đ as D). When
// normalize restored the pages with the bundled model, every field is
// compared with the gold as for the other seeds.
TEST_CASE("gold 001 (unaccented OCR): header, signer, recipients, references (txt and pdf)",
          "[extract][gold]") {
  for (const char* form : {"txt", "pdf"}) {
    INFO(form);
    Seed s = Load("001_", form);
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
    if (!s.restored) {
      WARN("seed 001 (" << form << ") was not restored: restored values not compared");
      continue;
    }
    CheckHeader(s);
    CheckRecipients(s);
    CheckReferences(s);
  }
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
        s.record = RunFile(e.path().string(), &s.restored);
        source = n;
      }
    }
    std::cout << "== " << p << " (" << source << ")\n";
    PrintComparison(s.record, s.gold);
  }
}

// VANBAN_COMPARE="file=gold.json,..." (any file ingest reads: .txt, .pdf).
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
    bool restored = false;
    vanban::Record record = RunFile(txt, &restored);
    std::cout << "== " << txt << "\n";
    PrintComparison(record, json::parse(vanban::testing::ReadFile(gold)));
  }
}
