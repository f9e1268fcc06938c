// store: the archive. SQLite (WAL) with full-text search that ignores
// diacritics, tone placement and case while ranking exact matches first.
//
//   Result<std::unique_ptr<Archive>> a = Archive::Open("vanban.db", {});
//   if ((*a)->HasVersion(doc.sha256)) ...                       // unchanged: skip
//   Result<PutOutcome> put = (*a)->Put(doc, text, record, "0.1"); // one transaction
//   SearchQuery q;
//   q.query = "cai cach";                                          // words, AND-ed
//   q.target = *ParseTargetFilter(">=98%");                        // optional filters
//   Result<std::vector<SearchHit>> hits = (*a)->Search(q);
//
// Identity is the SHA-256 of the file's bytes. Re-putting bytes that are
// already the current version of a document is a no-op (kUnchanged), whatever
// the path (it only clears a failure recorded at that path since). Different bytes at a path already stored become a new version: the
// old row is kept and its `superseded_by` points at the new one (kNewVersion).
// Bytes that come back to an earlier state (A → B → A) revive the old row as
// the newest version rather than storing the same bytes twice.
//
// Failures. A failed file is recorded with its reason (status 'failed') so
// that a batch can be audited. A failed row is a placeholder, not a version:
//   - failing again at the same path updates that failed row (no pile-up of
//     failures across re-runs);
//   - a later successful Put of the same path (or of the same bytes) turns the
//     failed row into the ok row, keeping its id;
//   - a failure at a path whose current version is ok adds a failed row next
//     to it and leaves the ok version current and searchable.
//
// Each Put is one transaction (BEGIN IMMEDIATE … COMMIT): an error or a crash
// leaves either the whole document with all its child rows or nothing.
// The schema is versioned with PRAGMA user_version and migrated on Open; a
// database written by a newer vanban is refused, not touched.
//
// Search and listings see only current (not superseded) ok documents.
//
// An Archive is one connection: use it from one thread at a time. Several
// processes may share a database file (WAL, busy timeout).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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

// A filter on a plan's targets (chỉ tiêu): "--target '>=98%'" keeps plans with
// at least one target whose value satisfies `value <comparator> this.value`
// and, when `unit` is not empty, whose unit is `unit` (accents and case
// ignored). The target's own comparator is not compared: "tối thiểu 98%"
// and "100%" both satisfy ">=98%".
struct TargetFilter {
  std::string comparator = ">=";  // ">=", ">", "=", "<=", "<"
  double value = 0;
  std::string unit;               // "%", "hình thức"; "" = any unit
};

// ">=98%", "≥ 98 %", ">95", "=100%", "<= 5 ngày", "98%" (= when no comparator),
// "98,5%" (decimal comma). kInvalidInput for anything else.
Result<TargetFilter> ParseTargetFilter(std::string_view text);

struct SearchQuery {
  // Free text; any characters are safe. Words are AND-ed; "double quotes"
  // make a phrase; a trailing * makes a prefix ("cải*"). Empty: every
  // document that passes the filters, newest first.
  std::string query;
  std::optional<std::string> issuer;  // substring of the issuer, folded
  std::optional<int> year;            // year of the document date
  std::optional<std::string> kind;    // doc_type: "KH", "QĐ" (or folded "QD")
  // Issue 3: what the plan commits to.
  std::optional<TargetFilter> target;
  std::optional<std::string> deadline_from, deadline_to;  // ISO, inclusive
  std::optional<std::string> responsible;  // folded substring of a responsibility unit or task lead
  int limit = 20;  // <= 0: no limit
};

struct SearchHit {
  int64_t id = 0;
  std::optional<std::string> number, issuer, date, title, doc_type;
  std::string path;
  // About a dozen words of the accented text around the best cluster of
  // matches, with [ and ] around matched terms (also for folded matches).
  std::string snippet;
  double score = 0;     // lower is better (bm25); 0 for a query without words
  // Every word was found as typed, accents included, not only folded. For a
  // query with accents exact hits come first; a query without any is ranked
  // by phrase and bm25 alone (it says nothing about accents).
  bool exact = false;
};

// A stored document as `show` and `export` need it.
struct StoredDocument {
  int64_t id = 0;
  std::string path, sha256, source_kind, status, error, extractor_version;
  std::string created_at, updated_at, encoding;
  int64_t size_bytes = 0;
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

  // True when these exact bytes are already stored as a current ok document
  // (Put would return kUnchanged): the caller may skip extraction.
  bool HasVersion(const std::string& sha256);

  // Stores the document, its texts, its record and the record's child rows.
  Result<PutOutcome> Put(const Document& document, const NormalizedText& text, const Record& record,
                         const std::string& extractor_version);

  // Records that `path` could not be ingested, and why; `sha256` may be empty
  // when the file could not be read. Never touches ok rows (see above).
  Status PutFailure(const std::string& path, const std::string& sha256, const Status& why);

  Result<std::vector<SearchHit>> Search(const SearchQuery& query);

  // Any row, current or not, ok or failed; kNotFound for an unknown id.
  Result<StoredDocument> Get(int64_t id);
  // Current ok documents whose số và ký hiệu is `number`, spaces, case and
  // accents ignored ("06/kh-thptlt", "118/2025/ND-CP"), newest first.
  Result<std::vector<int64_t>> FindByNumber(const std::string& number);

  // Every current (not superseded) ok document, by id. JSON is an array and
  // JSON Lines one object a line, each the record (RecordToJson) preceded by
  // id, path, sha256, version, source_kind, page_count. CSV is one row per
  // document with the header fields, UTF-8 with a BOM so that Excel opens it
  // correctly, RFC 4180 quoting, CRLF line ends.
  Status Export(ExportFormat format, std::ostream& out);

  // Current ok documents and their child rows; failed: current failed rows.
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
