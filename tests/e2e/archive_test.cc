// End to end through the `vanban` binary: ingest into a fresh archive, search,
// show, export, re-ingest, new versions and bad input in a batch.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/support.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using testing::CommandResult;
using testing::RequireShared;
using testing::RunVanban;
using testing::TempDir;

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::vector<int64_t> Ids(const json& hits) {
  std::vector<int64_t> ids;
  for (const json& h : hits) ids.push_back(h["id"].get<int64_t>());
  return ids;
}

json Search(const std::string& db, const std::vector<std::string>& query) {
  std::vector<std::string> args = {"--db", db, "search"};
  args.insert(args.end(), query.begin(), query.end());
  args.push_back("--json");
  CommandResult r = RunVanban(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return json::parse(r.out);
}

TEST_CASE("ingest files the seeds; re-ingest is a no-op", "[e2e][archive]") {
  const std::string txt = RequireShared("corpus/txt");
  const std::string db = TempDir() + "/a.db";
  CommandResult first = RunVanban({"--db", db, "ingest", txt});
  INFO(first.out << first.err);
  CHECK(first.exit_code == 0);
  CHECK(Contains(first.out, "ingested 5 files: 5 added, 0 new versions, 0 unchanged, 0 failed"));
  CHECK(Contains(first.out, "06/KH-THPTLT"));

  CommandResult again = RunVanban({"--db", db, "ingest", txt});
  CHECK(again.exit_code == 0);
  CHECK(Contains(again.out, "ingested 5 files: 0 added, 0 new versions, 5 unchanged, 0 failed"));

  CommandResult show = RunVanban({"--db", db, "show", "06/KH-THPTLT", "--json"});
  REQUIRE(show.exit_code == 0);
  json shown = json::parse(show.out);
  CHECK(shown["record"]["title"] == "Cải cách hành chính năm 2026");
  CHECK(shown["record"]["date"] == "2026-02-02");
  CHECK(shown["pages"].get<int>() >= 1);
}

TEST_CASE("search ignores diacritics, tone placement and case; exact matches first", "[e2e][search]") {
  const std::string txt = RequireShared("corpus/txt");
  const std::string db = TempDir() + "/s.db";
  REQUIRE(RunVanban({"--db", db, "ingest", txt}).exit_code == 0);

  json accented = Search(db, {"cải cách hành chính"});
  json plain = Search(db, {"cai cach hanh chinh"});
  json upper = Search(db, {"CẢI CÁCH HÀNH CHÍNH"});
  REQUIRE(accented.size() == 5);  // every seed is about cải cách hành chính
  auto sorted = [](std::vector<int64_t> v) { std::sort(v.begin(), v.end()); return v; };
  CHECK(sorted(Ids(plain)) == sorted(Ids(accented)));
  CHECK(sorted(Ids(upper)) == sorted(Ids(accented)));
  // Exact (accented) matches rank above folded-only ones.
  bool seen_folded = false;
  for (const json& h : accented) {
    if (!h["exact"].get<bool>()) seen_folded = true;
    else CHECK_FALSE(seen_folded);
  }
  // Tone placement: "hoà" finds the "hòa" of CỘNG HÒA.
  CHECK(Search(db, {"Cộng Hoà"}).size() >= 1);
  // Filters.
  json y2026 = Search(db, {"cải cách", "--year", "2026"});
  REQUIRE(y2026.size() == 1);
  CHECK(y2026[0]["number"] == "06/KH-THPTLT");
  CHECK(Search(db, {"cải cách", "--issuer", "kien thuy"}).size() == 1);
  // Nothing a user types breaks the query.
  for (const std::string nasty : {"\"", "AND", "cải OR", "*", "(", "NEAR(", "'; DROP TABLE documents; --",
                                   "-", "^", "col:val", "\\"}) {
    CommandResult r = RunVanban({"--db", db, "search", nasty});
    INFO(nasty << " → " << r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
  }
  CHECK(Search(db, {"cải cách"}).size() == 5);  // still intact
}

TEST_CASE("a minimal pair: the accented word ranks first, the folded one still found", "[e2e][search]") {
  const std::string dir = TempDir();
  Write(dir + "/ban.txt", "KẾ HOẠCH\nBán hàng hóa tại trường.\n");
  Write(dir + "/bản.txt", "KẾ HOẠCH\nBản kế hoạch của nhà trường.\n");
  const std::string db = dir + "/m.db";
  REQUIRE(RunVanban({"--db", db, "ingest", dir + "/ban.txt", dir + "/bản.txt"}).exit_code == 0);
  json hits = Search(db, {"bản"});
  REQUIRE(hits.size() == 2);
  CHECK(Contains(hits[0]["path"].get<std::string>(), "bản.txt"));
  CHECK(hits[0]["exact"] == true);
  CHECK(hits[1]["exact"] == false);
}

TEST_CASE("a changed file at the same path becomes a new version; the old is kept", "[e2e][archive]") {
  const std::string dir = TempDir();
  const std::string plan = dir + "/plan.txt";
  const std::string db = dir + "/v.db";
  Write(plan, "KẾ HOẠCH\nCải cách hành chính năm 2026\nNội dung thứ nhất.\n");
  REQUIRE(RunVanban({"--db", db, "ingest", plan}).exit_code == 0);
  Write(plan, "KẾ HOẠCH\nCải cách hành chính năm 2026\nNội dung đã sửa.\n");
  CommandResult r = RunVanban({"--db", db, "ingest", plan});
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.out, "1 new version"));
  CHECK(Search(db, {"thứ nhất"}).size() == 0);  // only current versions are searched
  CHECK(Search(db, {"đã sửa"}).size() == 1);
  CommandResult old = RunVanban({"--db", db, "show", "1"});
  CHECK(old.exit_code == 0);
  CHECK(Contains(old.out, "superseded by #2"));
}

TEST_CASE("bad input: one line per file, the batch goes on, exit code 1", "[e2e][bad-input]") {
  const std::string dir = TempDir();
  Write(dir + "/empty.txt", "");
  Write(dir + "/junk.pdf", "%PDF-1.4\n\x01\x02garbage that is not a PDF body");
  Write(dir + "/good.txt", "KẾ HOẠCH\nCải cách hành chính năm 2026\n");
  const std::string db = dir + "/b.db";
  CommandResult r = RunVanban({"--db", db, "ingest", dir, dir + "/missing.pdf"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, dir + "/empty.txt: "));
  CHECK(Contains(r.err, dir + "/junk.pdf: "));
  CHECK(Contains(r.err, dir + "/missing.pdf: "));
  CHECK(Contains(r.out, "1 added"));
  CHECK(Contains(r.out, "3 failed"));
  CommandResult stats = RunVanban({"--db", db, "stats"});
  CHECK(Contains(stats.out, "1 documents (3 failed files recorded)"));
}

TEST_CASE("export: CSV for Excel starts with a UTF-8 BOM; JSON lines one record per line", "[e2e][export]") {
  const std::string txt = RequireShared("corpus/txt");
  const std::string dir = TempDir();
  const std::string db = dir + "/e.db";
  REQUIRE(RunVanban({"--db", db, "ingest", txt}).exit_code == 0);
  REQUIRE(RunVanban({"--db", db, "export", "--format", "csv", "--out", dir + "/out.csv"}).exit_code == 0);
  std::string csv = testing::ReadFile(dir + "/out.csv");
  REQUIRE(csv.size() > 3);
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(Contains(csv, "06/KH-THPTLT"));
  CommandResult jsonl = RunVanban({"--db", db, "export", "--format", "jsonl"});
  REQUIRE(jsonl.exit_code == 0);
  int lines = 0;
  for (char c : jsonl.out) lines += c == '\n';
  CHECK(lines == 5);
}

TEST_CASE("usage errors exit 2; a missing archive exits 3 with its path", "[e2e][cli]") {
  CHECK(RunVanban({"ingest"}).exit_code == 2);
  CHECK(RunVanban({"frobnicate"}).exit_code == 2);
  CommandResult r = RunVanban({"--db", TempDir() + "/none.db", "search", "x"});
  CHECK(r.exit_code == 3);
  CHECK(Contains(r.err, "none.db"));
}

}  // namespace
}  // namespace vanban
