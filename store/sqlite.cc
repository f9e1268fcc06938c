#include "store/sqlite.h"

#include <utility>

namespace vanban::store {

Status SqliteError(sqlite3* db, int rc, std::string_view context) {
  std::string message = context.empty() ? std::string() : std::string(context) + ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  // A database that is not one, or is damaged, is the input's fault; a busy
  // or full disk is the environment's; everything else is ours.
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return Status::Corrupt(message);
    case SQLITE_CANTOPEN: return Status::IOError(message);
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Status::IOError(message);
    default: return Status::Internal(message);
  }
}

// ---- Stmt ------------------------------------------------------------------

Stmt::~Stmt() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Stmt::Stmt(Stmt&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_), status_(std::move(other.status_)) {}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    status_ = std::move(other.status_);
  }
  return *this;
}

void Stmt::Fail(int rc) {
  if (status_.ok()) status_ = SqliteError(db_, rc, sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "");
}

Stmt& Stmt::Bind(int i, std::string_view text) {
  int rc = sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) Fail(rc);
  return *this;
}

Stmt& Stmt::Bind(int i, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, i, value);
  if (rc != SQLITE_OK) Fail(rc);
  return *this;
}

Stmt& Stmt::Bind(int i, double value) {
  int rc = sqlite3_bind_double(stmt_, i, value);
  if (rc != SQLITE_OK) Fail(rc);
  return *this;
}

Stmt& Stmt::BindNull(int i) {
  int rc = sqlite3_bind_null(stmt_, i);
  if (rc != SQLITE_OK) Fail(rc);
  return *this;
}

Stmt::StepResult Stmt::Step() {
  if (!status_.ok()) return kError;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return kRow;
  if (rc == SQLITE_DONE) return kDone;
  Fail(rc);
  return kError;
}

Status Stmt::Run() {
  while (Step() == kRow) {
  }
  return status_;
}

Stmt& Stmt::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return *this;
}

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
int64_t Stmt::Int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
}

std::optional<std::string> Stmt::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

std::optional<int64_t> Stmt::OptInt64(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int64(col);
}

// ---- Db --------------------------------------------------------------------

Result<Db> Db::Open(const std::string& path, bool create_if_missing) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create_if_missing) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);  // owns the handle even when open failed (sqlite3_close required)
  if (rc != SQLITE_OK) return SqliteError(raw, rc, "cannot open " + path);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Db::~Db() {
  // sqlite3_close_v2 defers the close until every statement is finalized, so
  // the order in which a Db and its Stmts are destroyed does not matter.
  if (db_) sqlite3_close_v2(db_);
}

Db::Db(Db&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  if (rc != SQLITE_OK) {
    if (raw) sqlite3_finalize(raw);
    return SqliteError(db_, rc, "prepare");
  }
  return Stmt(raw, db_);
}

Status Db::Exec(const std::string& sql) {
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc == SQLITE_OK) return Status::Ok();
  return SqliteError(db_, rc);
}

Result<int64_t> Db::QueryInt(std::string_view sql) {
  Result<Stmt> st = Prepare(sql);
  if (!st.ok()) return st.status();
  if (st->Step() != Stmt::kRow) {
    if (!st->status().ok()) return st->status();
    return Status::Internal("no row from: " + std::string(sql));
  }
  return st->Int64(0);
}

int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }

Status Db::CreateFts5Function(const char* name, fts5_extension_function fn) {
  // The documented way to reach the FTS5 API: SELECT fts5(?) with a pointer
  // binding of type "fts5_api_ptr" (https://sqlite.org/fts5.html#extending_fts5).
  fts5_api* api = nullptr;
  Result<Stmt> st = Prepare("SELECT fts5(?1)");
  if (!st.ok()) return st.status();
  sqlite3_bind_pointer(st->stmt_, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  st->Step();
  if (!st->status().ok()) return st->status();
  if (!api) return Status::Unsupported("this SQLite has no FTS5");
  int rc = api->xCreateFunction(api, name, nullptr, fn, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, name);
  return Status::Ok();
}

// ---- Transaction -----------------------------------------------------------

Transaction::Transaction(Db& db) : db_(db) {
  status_ = db_.Exec("BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (open_) db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_.ok() ? Status::Internal("transaction already closed") : status_;
  Status s = db_.Exec("COMMIT");
  if (s.ok()) open_ = false;  // on failure the destructor rolls back
  return s;
}

}  // namespace vanban::store
