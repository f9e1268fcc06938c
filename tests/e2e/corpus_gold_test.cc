// End to end on our own sample documents (corpus/, no ../shared needed):
// `vanban extract --json` on each text-layer PDF and each scan, compared with
// corpus/gold/NAME.json.
#include <filesystem>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/support.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

json Extract(const std::string& file) {
  testing::CommandResult r = testing::RunVanban({"extract", file, "--json"});
  INFO(file << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

// Field names whose value differs from the gold.
std::set<std::string> DifferentFields(const json& got, const json& gold, const std::vector<std::string>& fields) {
  std::set<std::string> diff;
  for (const std::string& f : fields) {
    json have = got.value(f, json());
    if (f == "references")
      for (auto& r : have) r.erase("provenance");
    if (have != gold.value(f, json())) diff.insert(f);
  }
  return diff;
}

const std::vector<std::string> kHeader = {"doc_type", "number", "issuer", "parent_issuer",
                                          "place",    "date",   "title",  "signer"};

std::vector<std::string> SampleNames() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(testing::SourceDir() + "/corpus/gold"))
    names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("our samples as text-layer PDFs: header, references, recipients, sections as in corpus/gold",
          "[e2e][corpus]") {
  std::vector<std::string> fields = kHeader;
  fields.insert(fields.end(), {"references", "recipients", "sections"});
  const std::vector<std::string> names = SampleNames();
  REQUIRE(names.size() == 5);
  for (const std::string& name : names) {
    const std::string pdf = testing::SourceDir() + "/corpus/pdf/" + name + ".pdf";
    json gold = json::parse(testing::ReadFile(testing::SourceDir() + "/corpus/gold/" + name + ".json"));
    INFO(pdf);
    CHECK(DifferentFields(Extract(pdf), gold, fields).empty());
  }
}

// OCR's misreadings that touched these fields ("NÑĐ-CP", "(th)" for "(t/h)")
// are mended in extract/: every field equals the gold.
TEST_CASE("our samples as scans: header, references, recipients as in corpus/gold", "[e2e][corpus][scan]") {
  std::vector<std::string> fields = kHeader;
  fields.insert(fields.end(), {"references", "recipients"});
  int scans = 0;
  for (const auto& e : fs::directory_iterator(testing::SourceDir() + "/corpus/scan")) {
    const std::string file = e.path().string();
    const std::string name = e.path().filename().string().substr(0, e.path().filename().string().find(".scan"));
    json gold = json::parse(testing::ReadFile(testing::SourceDir() + "/corpus/gold/" + name + ".json"));
    INFO(file);
    CHECK(DifferentFields(Extract(file), gold, fields).empty());
    ++scans;
  }
  CHECK(scans == 4);
}

}  // namespace
}  // namespace vanban
