#include "store/schema.h"

#include <string>
#include <vector>

namespace vanban::store {
namespace {

// Provenance columns shared by every child table: the page and the byte range
// in documents.normalized_text the value came from (record.h's Span). Named
// begin_offset/end_offset because BEGIN and END are SQL keywords.
#define VANBAN_SPAN "page INTEGER, begin_offset INTEGER, end_offset INTEGER"

// Version 1: the archive of issue 2 — documents, their pages, the header's
// child lists and the full-text index.
const char* const kV1 = R"sql(
CREATE TABLE documents (
  id                INTEGER PRIMARY KEY,
  sha256            TEXT,            -- of the file's bytes; NULL when a failed file could not be hashed
  path              TEXT NOT NULL,
  source_kind       TEXT,            -- 'text', 'pdf', 'image'
  page_count        INTEGER NOT NULL DEFAULT 0,
  size_bytes        INTEGER,
  encoding          TEXT,
  raw_text          TEXT,            -- pages joined by '\f'
  normalized_text   TEXT,            -- pages joined by '\f'; provenance offsets point here
  record_json       TEXT,            -- RecordToJson, with provenance
  extractor_version TEXT,
  status            TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error             TEXT,
  version           INTEGER NOT NULL DEFAULT 1,  -- per path: 1, 2, ...
  superseded_by     INTEGER REFERENCES documents(id),
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  -- The header, denormalized for filtering and listing. *_folded and
  -- number_key hold FoldDiacritics forms so that filters ignore accents, đ and
  -- case without a custom SQL function.
  doc_type          TEXT,
  doc_type_folded   TEXT,
  number            TEXT,
  number_key        TEXT,            -- folded, spaces removed: '06/kh-thptlt'
  issuer            TEXT,
  issuer_folded     TEXT,
  parent_issuer     TEXT,
  place             TEXT,
  date              TEXT,            -- ISO
  year              INTEGER,
  title             TEXT,
  signer_name       TEXT,
  signer_title      TEXT
);
-- The same bytes are one document: unique among ok rows. Failed rows may
-- repeat a hash (bytes that failed once, or that fail in a later stage).
CREATE UNIQUE INDEX documents_sha256 ON documents(sha256) WHERE status = 'ok';
CREATE INDEX documents_path ON documents(path, version);
CREATE INDEX documents_current ON documents(status, superseded_by);
CREATE INDEX documents_number_key ON documents(number_key);
CREATE INDEX documents_year ON documents(year);

CREATE TABLE pages (
  doc_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  source         TEXT NOT NULL CHECK (source IN ('text', 'text-layer', 'ocr', 'failed')),
  reason         TEXT,
  ocr_confidence REAL,
  status         TEXT NOT NULL,   -- 'ok' or the page's Status::ToString()
  PRIMARY KEY (doc_id, number)
);

CREATE TABLE doc_references (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx    INTEGER NOT NULL,
  type   TEXT,
  number TEXT,
  date   TEXT,
  issuer TEXT,
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX doc_references_number ON doc_references(number);

CREATE TABLE recipients (
  doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx    INTEGER NOT NULL,
  text   TEXT NOT NULL,
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);

-- Every heading of the outline; parent is the idx of the enclosing heading.
CREATE TABLE sections (
  doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  level   INTEGER NOT NULL,
  label   TEXT,
  heading TEXT NOT NULL,
  parent  INTEGER,
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);

-- Full text of current ok documents, rowid = documents.id. title/body hold
-- CanonicalTones text (the tokenizer folds case but keeps diacritics): exact
-- matches. *_folded hold FoldDiacritics text: matches whatever the accents.
CREATE VIRTUAL TABLE search USING fts5(
  title, body, title_folded, body_folded,
  tokenize = 'unicode61 remove_diacritics 0'
);
)sql";

// Version 2: what a plan commits to (issue 3). Section columns are the idx of
// the deepest heading in `sections` that holds the item.
const char* const kV2 = R"sql(
CREATE TABLE targets (
  doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  value      REAL NOT NULL,
  unit       TEXT,
  unit_folded TEXT,            -- UnitKey(unit): '%', 'hinhthuc'
  comparator TEXT,             -- '>=', '>', '=', '<=', 'reduce'
  subject    TEXT,
  year       INTEGER,
  section    INTEGER,
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX targets_unit_value ON targets(unit_folded, value);

CREATE TABLE deadlines (
  doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  text    TEXT NOT NULL,
  date    TEXT NOT NULL,       -- ISO
  what    TEXT,
  section INTEGER,
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);
CREATE INDEX deadlines_date ON deadlines(date);

CREATE TABLE schedules (
  doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx     INTEGER NOT NULL,
  text    TEXT NOT NULL,
  period  TEXT,
  day     INTEGER,
  section INTEGER,
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);

CREATE TABLE responsibilities (
  doc_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  unit        TEXT NOT NULL,
  unit_folded TEXT NOT NULL,
  duties      TEXT,
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);

CREATE TABLE tasks (
  doc_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx         INTEGER NOT NULL,
  no          TEXT,
  content     TEXT,
  lead        TEXT,
  lead_folded TEXT,
  support     TEXT,
  due         TEXT,
  output      TEXT,
  task_group  TEXT,            -- 'II. Cải cách thể chế' (GROUP is a keyword)
  confidence  REAL NOT NULL DEFAULT 1.0,
  box_x0 REAL, box_y0 REAL, box_x1 REAL, box_y1 REAL,  -- when rebuilt from word boxes
  )sql" VANBAN_SPAN R"sql(,
  PRIMARY KEY (doc_id, idx)
);
)sql";

#undef VANBAN_SPAN

const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> migrations = {kV1, kV2};
  return migrations;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

Status Migrate(Db& db, int target) {
  if (target < 0) target = LatestSchemaVersion();
  Result<int64_t> current = db.QueryInt("PRAGMA user_version");
  if (!current.ok()) return current.status();
  if (*current > LatestSchemaVersion()) {
    return Status::Unsupported("database schema version " + std::to_string(*current) +
                               " is newer than this vanban supports (" +
                               std::to_string(LatestSchemaVersion()) + "); use a newer vanban");
  }
  for (int64_t v = *current; v < target; ++v) {
    Transaction tx(db);
    if (!tx.status().ok()) return tx.status();
    Status s = db.Exec(Migrations()[v]);
    if (s.ok()) s = db.Exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (!s.ok()) {
      return Status::Internal("migration to schema version " + std::to_string(v + 1) +
                              " failed: " + s.message());
    }
    if (Status c = tx.Commit(); !c.ok()) return c;
  }
  return Status::Ok();
}

}  // namespace vanban::store
