// store: the archive. SQLite (WAL) with full-text search that ignores
// diacritics, tone placement and case while ranking exact matches first.
//
//   Result<std::unique_ptr<Archive>> a = Archive::Open("vanban.db", {});
//   if (auto sha = doc.sha256; (*a)->HasVersion(sha)) ...      // unchanged: no-op
//   Result<PutOutcome> put = (*a)->Put(doc, text, record);      // one transaction
//   Result<std::vector<SearchHit>> hits = (*a)->Search({.query = "cai cach"});
//
// Identity is the SHA-256 of the file's bytes. Re-putting the same bytes is a
// no-op; different bytes at a path already stored become a new version (the
// old version is kept, `superseded_by` points at the new one). A failed file
// is recorded with its reason (status 'failed') so that a batch can be audited.
// Each Put is one transaction: a crash leaves either the whole document or
// nothing. The schema is versioned with PRAGMA user_version and migrated on Open.
//
// An Archive is one connection: use it from one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/document.h"
#include "common/normalized_text.h"
#include "common/record.h"
#include "common/status.h"

namespace vanban::store {

struct Options {
  bool create_if_missing = true;
  int busy_timeout_ms = 5000;
};

struct PutOutcome {
  enum class Kind { kAdded, kUnchanged, kNewVersion };
  Kind kind = Kind::kAdded;
  int64_t id = 0;
};

struct SearchQuery {
  std::string query;                  // free text; any characters are safe
  std::optional<std::string> issuer;  // substring of the issuer, folded
  std::optional<int> year;            // year of the document date
  std::optional<std::string> kind;    // doc_type: "KH", "QĐ" (or folded "QD")
  int limit = 20;
};

struct SearchHit {
  int64_t id = 0;
  std::optional<std::string> number, issuer, date, title, doc_type;
  std::string path;
  std::string snippet;  // with [ and ] around matched terms
  double score = 0;     // lower is better (bm25)
  bool exact = false;   // matched the accented text, not only the folded one
};

// A stored document as `show` and `export` need it.
struct StoredDocument {
  int64_t id = 0;
  std::string path, sha256, source_kind, status, error, extractor_version;
  std::string created_at;
  int version = 1;
  std::optional<int64_t> superseded_by;
  int page_count = 0;
  std::string raw_text, normalized_text;
  nlohmann::ordered_json record;  // RecordToJson, null for failed files
};

enum class ExportFormat { kJson, kJsonLines, kCsv };

class Archive {
 public:
  static Result<std::unique_ptr<Archive>> Open(const std::string& path, const Options& options = {});
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // True when these exact bytes are already stored with status 'ok'.
  bool HasVersion(const std::string& sha256);

  // Stores the document, its texts, its record and the record's child rows.
  Result<PutOutcome> Put(const Document& document, const NormalizedText& text, const Record& record,
                         const std::string& extractor_version);

  // Records that `path` could not be ingested, and why. Never touches other rows.
  Status PutFailure(const std::string& path, const std::string& sha256, const Status& why);

  Result<std::vector<SearchHit>> Search(const SearchQuery& query);

  Result<StoredDocument> Get(int64_t id);
  // Documents whose số và ký hiệu is `number` (spaces and case ignored).
  Result<std::vector<int64_t>> FindByNumber(const std::string& number);

  // Every current (not superseded) ok document. CSV is UTF-8 with a BOM so
  // that Excel opens it correctly.
  Status Export(ExportFormat format, std::ostream& out);

  struct Counts {
    int64_t documents = 0, failed = 0, references = 0, targets = 0, deadlines = 0, tasks = 0;
  };
  Result<Counts> Count();

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The current schema version (PRAGMA user_version after Open).
int SchemaVersion();

}  // namespace vanban::store
