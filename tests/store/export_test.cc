// Export: JSON array, JSON Lines and CSV (BOM, RFC 4180), current documents only.
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/store/fixtures.h"

namespace vanban::store::testing {
namespace {

// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, field_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && !field_started) {
      quoted = field_started = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      field_started = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      field_started = false;
      rows.emplace_back();
      ++i;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (field_started || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

struct Exported {
  std::unique_ptr<Archive> archive;
  int64_t plain = 0, tricky = 0, superseded = 0;
};

const char* const kTrickyTitle = "Kế hoạch \"Ngày hội\", năm 2026\ndòng thứ hai; cột, phẩy";

Exported MakeExported() {
  Exported e;
  e.archive = OpenFresh();
  Plan plain = MakePlan("/plans/06.txt", "sha-06", "Cải cách hành chính năm 2026", "Nội dung.");
  plain.record.number = F("06/KH-THPTLT");
  plain.record.issuer = F("Trường THPT Lộc Thái");
  plain.record.date = F("2026-02-02");
  plain.record.references.push_back(Reference{"KH", "381/KH-SGDĐT", "2026-01-16", "Sở GD&ĐT Đồng Nai", {}});
  plain.record.references.push_back(Reference{"NĐ", "118/2025/NĐ-CP", std::nullopt, std::nullopt, {}});
  plain.record.targets.push_back(Target{"100% TTHC", 100, "%", ">=", std::nullopt, std::nullopt, -1, {}});
  e.plain = MustPut(*e.archive, plain);

  Plan old = MakePlan("/plans/tricky.txt", "sha-old", "Bản cũ", "Nội dung cũ.");
  e.superseded = MustPut(*e.archive, old);
  Plan tricky = MakePlan("/plans/tricky.txt", "sha-new", kTrickyTitle, "Nội dung mới.");
  tricky.record.issuer = F("Sở GD&ĐT, Phòng \"Tổ chức\"");
  e.tricky = MustPut(*e.archive, tricky);
  REQUIRE(e.archive->PutFailure("/plans/broken.pdf", "", Status::Corrupt("truncated")).ok());
  return e;
}

TEST_CASE("CSV export: BOM, header, one row per current document, RFC 4180 round trip", "[store][export]") {
  Exported e = MakeExported();
  std::ostringstream out;
  REQUIRE(e.archive->Export(ExportFormat::kCsv, out).ok());
  std::string csv = out.str();
  REQUIRE(csv.size() > 3);
  CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");

  std::vector<std::vector<std::string>> rows = ParseCsv(std::string_view(csv).substr(3));
  REQUIRE(rows.size() == 3);  // header + 2 current ok documents (not the superseded, not the failed)
  const std::vector<std::string>& header = rows[0];
  CHECK(header == std::vector<std::string>{"id", "path", "sha256", "version", "source_kind", "page_count",
                                           "doc_type", "number", "issuer", "parent_issuer", "place", "date",
                                           "title", "signer_name", "signer_title", "references", "targets",
                                           "deadlines", "tasks", "created_at"});
  auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  for (const auto& row : rows) REQUIRE(row.size() == header.size());

  const auto& plain = rows[1];
  CHECK(plain[column("id")] == std::to_string(e.plain));
  CHECK(plain[column("number")] == "06/KH-THPTLT");
  CHECK(plain[column("issuer")] == "Trường THPT Lộc Thái");
  CHECK(plain[column("title")] == "Cải cách hành chính năm 2026");
  CHECK(plain[column("references")] == "381/KH-SGDĐT; 118/2025/NĐ-CP");
  CHECK(plain[column("targets")] == "1");
  CHECK(plain[column("number")] == "06/KH-THPTLT");

  const auto& tricky = rows[2];
  CHECK(tricky[column("id")] == std::to_string(e.tricky));
  CHECK(tricky[column("title")] == kTrickyTitle);  // comma, quote and newline survive
  CHECK(tricky[column("issuer")] == "Sở GD&ĐT, Phòng \"Tổ chức\"");
  CHECK(tricky[column("version")] == "2");
  CHECK(tricky[column("number")].empty());
  // The raw text holds the quoting itself.
  CHECK(csv.find("\"Kế hoạch \"\"Ngày hội\"\", năm 2026\ndòng thứ hai; cột, phẩy\"") != std::string::npos);
}

TEST_CASE("JSON and JSON Lines export: the record with its archive identity", "[store][export]") {
  Exported e = MakeExported();
  std::ostringstream json_out, jsonl_out;
  REQUIRE(e.archive->Export(ExportFormat::kJson, json_out).ok());
  REQUIRE(e.archive->Export(ExportFormat::kJsonLines, jsonl_out).ok());

  auto array = nlohmann::json::parse(json_out.str());
  REQUIRE(array.is_array());
  REQUIRE(array.size() == 2);
  CHECK(array[0]["id"] == e.plain);
  CHECK(array[0]["path"] == "/plans/06.txt");
  CHECK(array[0]["sha256"] == "sha-06");
  CHECK(array[0]["version"] == 1);
  CHECK(array[0]["number"] == "06/KH-THPTLT");
  CHECK(array[0]["references"][0]["number"] == "381/KH-SGDĐT");
  CHECK(array[0]["targets"][0]["value"] == 100);
  CHECK(array[1]["id"] == e.tricky);
  CHECK(array[1]["title"] == kTrickyTitle);

  std::istringstream lines(jsonl_out.str());
  std::string line;
  std::vector<nlohmann::json> objects;
  while (std::getline(lines, line)) objects.push_back(nlohmann::json::parse(line));
  REQUIRE(objects.size() == 2);
  CHECK(objects[0] == array[0]);
  CHECK(objects[1] == array[1]);
}

TEST_CASE("Export of an empty archive", "[store][export]") {
  auto archive = OpenFresh();
  struct Case {
    ExportFormat format;
    std::string want;
  };
  const Case cases[] = {
      {ExportFormat::kJson, "[]\n"},
      {ExportFormat::kJsonLines, ""},
      {ExportFormat::kCsv,
       "\xEF\xBB\xBFid,path,sha256,version,source_kind,page_count,doc_type,number,issuer,parent_issuer,place,"
       "date,title,signer_name,signer_title,references,targets,deadlines,tasks,created_at\r\n"},
  };
  for (const Case& c : cases) {
    std::ostringstream out;
    REQUIRE(archive->Export(c.format, out).ok());
    CHECK(out.str() == c.want);
  }
}

}  // namespace
}  // namespace vanban::store::testing
