// Archive: opening, Put/PutFailure (versions and failures), Get, counts.
// Search lives in search.cc, Export in export.cc.
#include <cctype>
#include <utility>

#include "common/record_json.h"
#include "common/vietnamese.h"
#include "store/archive_impl.h"
#include "store/schema.h"

namespace vanban::store {

std::string ExactForm(std::string_view text) { return CanonicalTones(text); }
std::string FoldedForm(std::string_view text) { return FoldDiacritics(text); }

std::string NumberKey(std::string_view number) {
  std::string folded = FoldDiacritics(number), key;
  for (char c : folded) {
    if (!std::isspace(static_cast<unsigned char>(c))) key += c;
  }
  return key;
}

std::string UnitKey(std::string_view unit) { return NumberKey(unit); }  // the same compact form

namespace {

// One documents row, as written by Put and PutFailure.
struct DocumentRow {
  std::optional<std::string> sha256;
  std::string path;
  std::optional<std::string> source_kind;
  int page_count = 0;
  std::optional<int64_t> size_bytes;
  std::optional<std::string> encoding, raw_text, normalized_text, record_json, extractor_version;
  std::string status;  // 'ok' | 'failed'
  std::optional<std::string> error;
  int version = 1;
  std::optional<std::string> doc_type, doc_type_folded, number, number_key, issuer, issuer_folded,
      parent_issuer, place, date;
  std::optional<int64_t> year;
  std::optional<std::string> title, signer_name, signer_title;
};

constexpr const char* kRowColumns[] = {
    "sha256", "path", "source_kind", "page_count", "size_bytes", "encoding", "raw_text",
    "normalized_text", "record_json", "extractor_version", "status", "error", "version",
    "doc_type", "doc_type_folded", "number", "number_key", "issuer", "issuer_folded",
    "parent_issuer", "place", "date", "year", "title", "signer_name", "signer_title"};
constexpr int kRowColumnCount = sizeof(kRowColumns) / sizeof(kRowColumns[0]);

void BindRow(Stmt& st, const DocumentRow& r) {
  int i = 0;
  st.Bind(++i, r.sha256);
  st.Bind(++i, r.path);
  st.Bind(++i, r.source_kind);
  st.Bind(++i, r.page_count);
  st.Bind(++i, r.size_bytes);
  st.Bind(++i, r.encoding);
  st.Bind(++i, r.raw_text);
  st.Bind(++i, r.normalized_text);
  st.Bind(++i, r.record_json);
  st.Bind(++i, r.extractor_version);
  st.Bind(++i, r.status);
  st.Bind(++i, r.error);
  st.Bind(++i, r.version);
  st.Bind(++i, r.doc_type);
  st.Bind(++i, r.doc_type_folded);
  st.Bind(++i, r.number);
  st.Bind(++i, r.number_key);
  st.Bind(++i, r.issuer);
  st.Bind(++i, r.issuer_folded);
  st.Bind(++i, r.parent_issuer);
  st.Bind(++i, r.place);
  st.Bind(++i, r.date);
  st.Bind(++i, r.year);
  st.Bind(++i, r.title);
  st.Bind(++i, r.signer_name);
  st.Bind(++i, r.signer_title);
}

// Inserts `row`, or overwrites row `id` when given (a failed placeholder
// becoming real, or failing again). Returns the row's id.
Result<int64_t> WriteRow(Db& db, const DocumentRow& row, std::optional<int64_t> id) {
  std::string sql;
  if (id) {
    sql = "UPDATE documents SET ";
    for (int c = 0; c < kRowColumnCount; ++c) {
      sql += std::string(kRowColumns[c]) + " = ?" + std::to_string(c + 1) + ", ";
    }
    sql += "superseded_by = NULL, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?" +
           std::to_string(kRowColumnCount + 1);
  } else {
    std::string names, params;
    for (int c = 0; c < kRowColumnCount; ++c) {
      names += std::string(c ? ", " : "") + kRowColumns[c];
      params += std::string(c ? ", ?" : "?") + std::to_string(c + 1);
    }
    sql = "INSERT INTO documents (" + names + ") VALUES (" + params + ")";
  }
  Result<Stmt> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  BindRow(*st, row);
  if (id) st->Bind(kRowColumnCount + 1, *id);
  if (Status s = st->Run(); !s.ok()) return s;
  return id ? *id : db.LastInsertRowid();
}

std::optional<std::string> Value(const std::optional<Field>& f) {
  if (!f) return std::nullopt;
  return f->value;
}

std::optional<std::string> Folded(const std::optional<Field>& f) {
  if (!f) return std::nullopt;
  return FoldedForm(f->value);
}

// "2026-02-02" → 2026.
std::optional<int64_t> YearOf(const std::optional<Field>& date) {
  if (!date || date->value.size() < 4) return std::nullopt;
  int64_t year = 0;
  for (int i = 0; i < 4; ++i) {
    char c = date->value[i];
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

std::optional<int64_t> SectionRef(int section) {
  if (section < 0) return std::nullopt;
  return section;
}

std::optional<double> Nonnegative(double v) {
  if (v < 0) return std::nullopt;
  return v;
}

// Binds page, begin_offset, end_offset at `i`, `i+1`, `i+2`.
void BindSpan(Stmt& st, int i, const Span& where) {
  if (where.page > 0) {
    st.Bind(i, where.page);
  } else {
    st.BindNull(i);
  }
  st.Bind(i + 1, static_cast<int64_t>(where.begin)).Bind(i + 2, static_cast<int64_t>(where.end));
}

// Runs `fill(stmt, item, idx)` + step for each item with one prepared INSERT.
template <typename T, typename Fill>
Status InsertAll(Db& db, const char* sql, const std::vector<T>& items, Fill fill) {
  if (items.empty()) return Status::Ok();
  Result<Stmt> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t idx = 0; idx < items.size(); ++idx) {
    st->Reset();
    fill(*st, items[idx], static_cast<int64_t>(idx));
    if (Status s = st->Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status InsertChildren(Db& db, int64_t id, const Document& doc, const Record& r) {
  Status s = InsertAll(db,
      "INSERT INTO pages (doc_id, number, source, reason, ocr_confidence, status) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      doc.pages, [&](Stmt& st, const Page& p, int64_t) {
        st.Bind(1, id).Bind(2, p.number).Bind(3, PageSourceName(p.source)).Bind(4, p.reason);
        st.Bind(5, Nonnegative(p.ocr_confidence)).Bind(6, p.status.ok() ? "ok" : p.status.ToString());
      });
  if (!s.ok()) return s;
  s = InsertAll(db,
      "INSERT INTO doc_references (doc_id, idx, type, number, date, issuer, page, begin_offset, "
      "end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      r.references, [&](Stmt& st, const Reference& ref, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, ref.type).Bind(4, ref.number).Bind(5, ref.date);
        st.Bind(6, ref.issuer);
        BindSpan(st, 7, ref.where);
      });
  if (!s.ok()) return s;
  s = InsertAll(db,
      "INSERT INTO recipients (doc_id, idx, text, page, begin_offset, end_offset) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      r.recipients, [&](Stmt& st, const Recipient& rec, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, rec.text);
        BindSpan(st, 4, rec.where);
      });
  if (!s.ok()) return s;
  s = InsertAll(db,
      "INSERT INTO sections (doc_id, idx, level, label, heading, parent, page, begin_offset, "
      "end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      r.outline, [&](Stmt& st, const Section& sec, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, sec.level).Bind(4, sec.label).Bind(5, sec.heading);
        st.Bind(6, SectionRef(sec.parent));
        BindSpan(st, 7, sec.where);
      });
  if (!s.ok()) return s;
  s = InsertAll(db,
      "INSERT INTO targets (doc_id, idx, text, value, unit, unit_folded, comparator, subject, year, "
      "section, page, begin_offset, end_offset) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
      r.targets, [&](Stmt& st, const Target& t, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, t.text).Bind(4, t.value).Bind(5, t.unit);
        st.Bind(6, UnitKey(t.unit)).Bind(7, t.comparator).Bind(8, t.subject).Bind(9, t.year);
        st.Bind(10, SectionRef(t.section));
        BindSpan(st, 11, t.where);
      });
  if (!s.ok()) return s;
  s = InsertAll(db,
      "INSERT INTO deadlines (doc_id, idx, text, date, what, section, page, begin_offset, "
      "end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      r.deadlines, [&](Stmt& st, const Deadline& d, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, d.text).Bind(4, d.date).Bind(5, d.what);
        st.Bind(6, SectionRef(d.section));
        BindSpan(st, 7, d.where);
      });
  if (!s.ok()) return s;
  s = InsertAll(db,
      "INSERT INTO schedules (doc_id, idx, text, period, day, section, page, begin_offset, "
      "end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      r.schedules, [&](Stmt& st, const Schedule& sc, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, sc.text).Bind(4, sc.period).Bind(5, sc.day);
        st.Bind(6, SectionRef(sc.section));
        BindSpan(st, 7, sc.where);
      });
  if (!s.ok()) return s;
  s = InsertAll(db,
      "INSERT INTO responsibilities (doc_id, idx, unit, unit_folded, duties, page, begin_offset, "
      "end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      r.responsibilities, [&](Stmt& st, const Responsibility& resp, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, resp.unit).Bind(4, FoldedForm(resp.unit));
        st.Bind(5, resp.duties);
        BindSpan(st, 6, resp.where);
      });
  if (!s.ok()) return s;
  return InsertAll(db,
      "INSERT INTO tasks (doc_id, idx, no, content, lead, lead_folded, support, due, output, "
      "task_group, confidence, box_x0, box_y0, box_x1, box_y1, page, begin_offset, end_offset) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
      r.tasks, [&](Stmt& st, const TaskRow& t, int64_t idx) {
        st.Bind(1, id).Bind(2, idx).Bind(3, t.no).Bind(4, t.content).Bind(5, t.lead);
        st.Bind(6, t.lead ? std::optional<std::string>(FoldedForm(*t.lead)) : std::nullopt);
        st.Bind(7, t.support).Bind(8, t.due).Bind(9, t.output).Bind(10, t.group);
        st.Bind(11, t.confidence);
        if (t.box) {
          st.Bind(12, t.box->x0).Bind(13, t.box->y0).Bind(14, t.box->x1).Bind(15, t.box->y1);
        } else {
          st.BindNull(12).BindNull(13).BindNull(14).BindNull(15);
        }
        BindSpan(st, 16, t.where);
      });
}

// Child rows of a row about to be rewritten in place. ON DELETE CASCADE only
// fires on deleting the parent, so they are cleared table by table.
Status DeleteChildren(Db& db, int64_t id) {
  for (const char* table : {"pages", "doc_references", "recipients", "sections", "targets",
                            "deadlines", "schedules", "responsibilities", "tasks"}) {
    Result<Stmt> st = db.Prepare(std::string("DELETE FROM ") + table + " WHERE doc_id = ?1");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    if (Status s = st->Run(); !s.ok()) return s;
  }
  Result<Stmt> st = db.Prepare("DELETE FROM search WHERE rowid = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  return st->Run();
}

Status IndexText(Db& db, int64_t id, std::string_view title, std::string_view body) {
  Result<Stmt> st = db.Prepare(
      "INSERT INTO search (rowid, title, body, title_folded, body_folded) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!st.ok()) return st.status();
  st->Bind(1, id).Bind(2, ExactForm(title)).Bind(3, ExactForm(body));
  st->Bind(4, FoldedForm(title)).Bind(5, FoldedForm(body));
  return st->Run();
}

// Marks `old_id` as superseded by `new_id` and drops it from the index.
Status Supersede(Db& db, int64_t old_id, int64_t new_id) {
  Result<Stmt> st = db.Prepare(
      "UPDATE documents SET superseded_by = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
      "WHERE id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, old_id).Bind(2, new_id);
  if (Status s = st->Run(); !s.ok()) return s;
  Result<Stmt> del = db.Prepare("DELETE FROM search WHERE rowid = ?1");
  if (!del.ok()) return del.status();
  del->Bind(1, old_id);
  return del->Run();
}

// The current ok row at `path`, if any.
Result<std::optional<int64_t>> CurrentOkAt(Db& db, const std::string& path) {
  Result<Stmt> st = db.Prepare(std::string("SELECT id FROM documents WHERE path = ?1 AND ") +
                               kCurrentOk + " ORDER BY version DESC LIMIT 1");
  if (!st.ok()) return st.status();
  st->Bind(1, path);
  std::optional<int64_t> id;
  if (st->Step() == Stmt::kRow) id = st->Int64(0);
  if (!st->status().ok()) return st->status();
  return id;
}

// The version number the next version at `path` gets.
Result<int64_t> NextVersion(Db& db, const std::string& path) {
  Result<Stmt> st = db.Prepare(
      "SELECT COALESCE(MAX(version), 0) + 1 FROM documents WHERE path = ?1 AND status = 'ok'");
  if (!st.ok()) return st.status();
  st->Bind(1, path);
  if (st->Step() != Stmt::kRow) return st->status().ok() ? Status::Internal("no version") : st->status();
  return st->Int64(0);
}

// Current failed placeholders for `path` or for these bytes, the same bytes first.
Result<std::vector<int64_t>> FailedRows(Db& db, const std::string& path, const std::string& sha256) {
  Result<Stmt> st = db.Prepare(
      "SELECT id FROM documents WHERE status = 'failed' AND superseded_by IS NULL "
      "AND (path = ?1 OR (?2 <> '' AND sha256 = ?2)) ORDER BY (sha256 IS ?2) DESC, id DESC");
  if (!st.ok()) return st.status();
  st->Bind(1, path).Bind(2, sha256);
  std::vector<int64_t> ids;
  while (st->Step() == Stmt::kRow) ids.push_back(st->Int64(0));
  if (!st->status().ok()) return st->status();
  return ids;
}

Status DeleteRow(Db& db, int64_t id) {
  Result<Stmt> st = db.Prepare("DELETE FROM documents WHERE id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  return st->Run();
}

// The same failure, its message prefixed with `context`.
Status WithContext(const std::string& context, const Status& s) {
  std::string m = context + ": " + s.message();
  switch (s.code()) {
    case Status::Code::kOk: return s;
    case Status::Code::kNotFound: return Status::NotFound(m);
    case Status::Code::kIOError: return Status::IOError(m);
    case Status::Code::kInvalidInput: return Status::InvalidInput(m);
    case Status::Code::kCorrupt: return Status::Corrupt(m);
    case Status::Code::kUnsupported: return Status::Unsupported(m);
    case Status::Code::kLimitExceeded: return Status::LimitExceeded(m);
    case Status::Code::kInternal: return Status::Internal(m);
  }
  return Status::Internal(m);
}

std::string JoinPages(const Document& doc) {
  std::string raw;
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    if (i) raw += '\f';
    raw += doc.pages[i].text;
  }
  return raw;
}

}  // namespace

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;

int SchemaVersion() { return LatestSchemaVersion(); }

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path, const Options& options) {
  Result<Db> db = Db::Open(path, options.create_if_missing);
  if (!db.ok()) return db.status();
  // busy_timeout first, so that the pragmas below already wait for a writer.
  // synchronous=NORMAL is durable against a crash of vanban in WAL mode (only a
  // power loss can drop the last commits), and much faster than FULL.
  Status s = db->Exec("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms));
  if (s.ok()) s = db->Exec("PRAGMA foreign_keys = ON");
  if (s.ok()) {
    Result<Stmt> st = db->Prepare("PRAGMA journal_mode = WAL");
    if (!st.ok()) return WithContext(path, st.status());
    if (st->Step() != Stmt::kRow) s = st->status();
  }
  if (s.ok()) s = db->Exec("PRAGMA synchronous = NORMAL");
  if (!s.ok()) return WithContext(path, s);
  if (s = Migrate(*db); !s.ok()) return WithContext(path, s);
  if (s = RegisterSearchFunctions(*db); !s.ok()) return s;
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

bool Archive::HasVersion(const std::string& sha256) {
  Result<Stmt> st = impl_->db.Prepare(std::string("SELECT 1 FROM documents WHERE sha256 = ?1 AND ") + kCurrentOk);
  if (!st.ok()) return false;
  st->Bind(1, sha256);
  return st->Step() == Stmt::kRow;
}

Result<PutOutcome> Archive::Put(const Document& doc, const NormalizedText& text, const Record& r,
                                const std::string& extractor_version) {
  if (doc.sha256.empty()) return Status::InvalidInput(doc.path + ": document has no sha256");
  Db& db = impl_->db;
  Transaction tx(db);
  if (!tx.status().ok()) return tx.status();

  Result<std::optional<int64_t>> previous = CurrentOkAt(db, doc.path);
  if (!previous.ok()) return previous.status();
  Result<int64_t> version = NextVersion(db, doc.path);
  if (!version.ok()) return version.status();

  // Same bytes already stored ok: unchanged if current, revived if an older
  // version (A → B → A), so that the bytes are never stored twice.
  {
    Result<Stmt> st = db.Prepare("SELECT id, superseded_by FROM documents WHERE sha256 = ?1 AND status = 'ok'");
    if (!st.ok()) return st.status();
    st->Bind(1, doc.sha256);
    if (st->Step() == Stmt::kRow) {
      int64_t id = st->Int64(0);
      if (st->IsNull(1)) {
        // Unchanged. A failure recorded at this path since (a read error, a
        // crash of a later stage) is obsolete now that the bytes are known good.
        Result<Stmt> clear = db.Prepare(
            "DELETE FROM documents WHERE status = 'failed' AND superseded_by IS NULL AND path = ?1");
        if (!clear.ok()) return clear.status();
        clear->Bind(1, doc.path);
        if (Status s = clear->Run(); !s.ok()) return s;
        if (db.Changes() > 0) {
          if (Status s = tx.Commit(); !s.ok()) return s;
        }
        return PutOutcome{PutOutcome::Kind::kUnchanged, id};
      }
      Result<Stmt> revive = db.Prepare(
          "UPDATE documents SET superseded_by = NULL, path = ?2, version = ?3, "
          "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1 RETURNING title, normalized_text");
      if (!revive.ok()) return revive.status();
      revive->Bind(1, id).Bind(2, doc.path).Bind(3, *version);
      if (revive->Step() != Stmt::kRow) {
        return revive->status().ok() ? Status::Internal("revived row vanished") : revive->status();
      }
      std::string title = revive->Text(0), body = revive->Text(1);
      if (Status s = revive->Run(); !s.ok()) return s;
      if (Status s = IndexText(db, id, title, body); !s.ok()) return s;
      if (*previous) {
        if (Status s = Supersede(db, **previous, id); !s.ok()) return s;
      }
      if (Status s = tx.Commit(); !s.ok()) return s;
      return PutOutcome{PutOutcome::Kind::kNewVersion, id};
    }
    if (!st->status().ok()) return st->status();
  }

  DocumentRow row;
  row.sha256 = doc.sha256;
  row.path = doc.path;
  row.source_kind = SourceKindName(doc.kind);
  row.page_count = static_cast<int>(doc.pages.size());
  row.size_bytes = static_cast<int64_t>(doc.size_bytes);
  if (!doc.encoding.empty()) row.encoding = doc.encoding;
  row.raw_text = JoinPages(doc);
  row.normalized_text = text.text;
  row.record_json = RecordToJson(r).dump();
  row.extractor_version = extractor_version;
  row.status = "ok";
  row.version = static_cast<int>(*version);
  row.doc_type = Value(r.doc_type);
  row.doc_type_folded = Folded(r.doc_type);
  row.number = Value(r.number);
  if (r.number) row.number_key = NumberKey(r.number->value);
  row.issuer = Value(r.issuer);
  row.issuer_folded = Folded(r.issuer);
  row.parent_issuer = Value(r.parent_issuer);
  row.place = Value(r.place);
  row.date = Value(r.date);
  row.year = YearOf(r.date);
  row.title = Value(r.title);
  if (r.signer) {
    row.signer_name = r.signer->name;
    row.signer_title = r.signer->title;
  }

  // A failed placeholder for this path or these bytes becomes this row.
  Result<std::vector<int64_t>> failed = FailedRows(db, doc.path, doc.sha256);
  if (!failed.ok()) return failed.status();
  std::optional<int64_t> reuse;
  if (!failed->empty()) {
    reuse = failed->front();
    for (size_t i = 1; i < failed->size(); ++i) {
      if (Status s = DeleteRow(db, (*failed)[i]); !s.ok()) return s;
    }
    if (Status s = DeleteChildren(db, *reuse); !s.ok()) return s;
  }
  Result<int64_t> id = WriteRow(db, row, reuse);
  if (!id.ok()) return id.status();
  if (Status s = InsertChildren(db, *id, doc, r); !s.ok()) return s;
  if (Status s = IndexText(db, *id, row.title.value_or(""), text.text); !s.ok()) return s;
  if (*previous) {
    if (Status s = Supersede(db, **previous, *id); !s.ok()) return s;
  }
  if (Status s = tx.Commit(); !s.ok()) return s;
  return PutOutcome{*previous ? PutOutcome::Kind::kNewVersion : PutOutcome::Kind::kAdded, *id};
}

Status Archive::PutFailure(const std::string& path, const std::string& sha256, const Status& why) {
  Db& db = impl_->db;
  Transaction tx(db);
  if (!tx.status().ok()) return tx.status();
  Result<int64_t> version = NextVersion(db, path);
  if (!version.ok()) return version.status();
  DocumentRow row;
  if (!sha256.empty()) row.sha256 = sha256;
  row.path = path;
  row.status = "failed";
  row.error = why.ToString();
  row.version = static_cast<int>(*version);  // the version it would have been
  // Only a failed row at the same path is reused: the same bytes failing at
  // another path are that path's own failure.
  Result<Stmt> st = db.Prepare(
      "SELECT id FROM documents WHERE status = 'failed' AND superseded_by IS NULL AND path = ?1 "
      "ORDER BY id DESC LIMIT 1");
  if (!st.ok()) return st.status();
  st->Bind(1, path);
  std::optional<int64_t> reuse;
  if (st->Step() == Stmt::kRow) reuse = st->Int64(0);
  if (!st->status().ok()) return st->status();
  if (reuse) {
    if (Status s = DeleteChildren(db, *reuse); !s.ok()) return s;
  }
  Result<int64_t> id = WriteRow(db, row, reuse);
  if (!id.ok()) return id.status();
  return tx.Commit();
}

Result<StoredDocument> Archive::Get(int64_t id) {
  Result<Stmt> st = impl_->db.Prepare(
      "SELECT id, path, sha256, source_kind, status, error, extractor_version, created_at, "
      "updated_at, encoding, size_bytes, version, superseded_by, page_count, raw_text, "
      "normalized_text, record_json FROM documents WHERE id = ?1");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  if (st->Step() != Stmt::kRow) {
    if (!st->status().ok()) return st->status();
    return Status::NotFound("no document with id " + std::to_string(id));
  }
  StoredDocument d;
  d.id = st->Int64(0);
  d.path = st->Text(1);
  d.sha256 = st->Text(2);
  d.source_kind = st->Text(3);
  d.status = st->Text(4);
  d.error = st->Text(5);
  d.extractor_version = st->Text(6);
  d.created_at = st->Text(7);
  d.updated_at = st->Text(8);
  d.encoding = st->Text(9);
  d.size_bytes = st->Int64(10);
  d.version = st->Int(11);
  if (!st->IsNull(12)) d.superseded_by = st->Int64(12);
  d.page_count = st->Int(13);
  d.raw_text = st->Text(14);
  d.normalized_text = st->Text(15);
  if (!st->IsNull(16)) {
    d.record = nlohmann::ordered_json::parse(st->Text(16), nullptr, /*allow_exceptions=*/false);
    if (d.record.is_discarded()) return Status::Corrupt("document " + std::to_string(id) + ": record_json is not JSON");
  }
  return d;
}

Result<std::vector<int64_t>> Archive::FindByNumber(const std::string& number) {
  Result<Stmt> st = impl_->db.Prepare(std::string("SELECT id FROM documents WHERE number_key = ?1 AND ") +
                                      kCurrentOk + " ORDER BY date DESC, id DESC");
  if (!st.ok()) return st.status();
  st->Bind(1, NumberKey(number));
  std::vector<int64_t> ids;
  while (st->Step() == Stmt::kRow) ids.push_back(st->Int64(0));
  if (!st->status().ok()) return st->status();
  return ids;
}

Result<Archive::Counts> Archive::Count() {
  Db& db = impl_->db;
  Counts c;
  const std::string current = std::string("SELECT id FROM documents WHERE ") + kCurrentOk;
  struct Query {
    int64_t* out;
    std::string sql;
  } queries[] = {
      {&c.documents, std::string("SELECT count(*) FROM documents WHERE ") + kCurrentOk},
      {&c.failed, "SELECT count(*) FROM documents WHERE status = 'failed' AND superseded_by IS NULL"},
      {&c.references, "SELECT count(*) FROM doc_references WHERE doc_id IN (" + current + ")"},
      {&c.targets, "SELECT count(*) FROM targets WHERE doc_id IN (" + current + ")"},
      {&c.deadlines, "SELECT count(*) FROM deadlines WHERE doc_id IN (" + current + ")"},
      {&c.tasks, "SELECT count(*) FROM tasks WHERE doc_id IN (" + current + ")"},
  };
  for (const Query& q : queries) {
    Result<int64_t> n = db.QueryInt(q.sql);
    if (!n.ok()) return n.status();
    *q.out = *n;
  }
  return c;
}

}  // namespace vanban::store
