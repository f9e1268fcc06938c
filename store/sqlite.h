// sqlite: the one RAII wrapper around the SQLite C API used by the store.
//
// `Db` owns a connection, `Stmt` a prepared statement, `Transaction` a
// BEGIN IMMEDIATE … COMMIT that rolls back unless committed. Nothing else in
// vanban calls sqlite3_close, sqlite3_finalize or sqlite3_exec directly.
// Failures come back as Status values carrying SQLite's own message.
//
//   Result<Db> db = Db::Open(path, /*create_if_missing=*/true);
//   Result<Stmt> st = db->Prepare("SELECT id FROM documents WHERE path = ?1");
//   st->Bind(1, path);
//   while (st->Step() == Stmt::kRow) id = st->Int64(0);
//   if (!st->status().ok()) ...   // the first bind or step error, with SQLite's message
//
// Internal to store/: the public contract is store/store.h.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace vanban::store {

class Stmt {
 public:
  enum StepResult { kRow, kDone, kError };

  Stmt() = default;
  ~Stmt();
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
  Stmt& Bind(int i, std::string_view text);
  Stmt& Bind(int i, const char* text) { return Bind(i, std::string_view(text)); }
  Stmt& Bind(int i, int64_t value);
  Stmt& Bind(int i, int value) { return Bind(i, static_cast<int64_t>(value)); }
  Stmt& Bind(int i, double value);
  Stmt& BindNull(int i);
  template <typename T>
  Stmt& Bind(int i, const std::optional<T>& value) {
    return value ? Bind(i, *value) : BindNull(i);
  }

  StepResult Step();
  // Runs a statement that returns no rows (or whose rows are ignored).
  Status Run();
  Stmt& Reset();  // reset and clear bindings, for re-use in a loop

  bool IsNull(int col) const;
  int64_t Int64(int col) const;
  int Int(int col) const { return static_cast<int>(Int64(col)); }
  double Double(int col) const;
  std::string Text(int col) const;  // "" for NULL
  std::optional<std::string> OptText(int col) const;
  std::optional<int64_t> OptInt64(int col) const;

  // The first error met while binding or stepping; ok otherwise.
  const Status& status() const { return status_; }

 private:
  friend class Db;
  Stmt(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  void Fail(int rc);
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  Status status_;
};

class Db {
 public:
  static Result<Db> Open(const std::string& path, bool create_if_missing);

  Db() = default;
  ~Db();
  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Result<Stmt> Prepare(std::string_view sql);
  // One or more statements without parameters (schema scripts, pragmas).
  Status Exec(const std::string& sql);
  // A one-row, one-integer query: "PRAGMA user_version", "SELECT count(*) ...".
  Result<int64_t> QueryInt(std::string_view sql);

  int64_t LastInsertRowid() const;
  int Changes() const;

  // Registers an FTS5 auxiliary function (like snippet()) on this connection.
  Status CreateFts5Function(const char* name, fts5_extension_function fn);

  sqlite3* raw() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (takes the write lock up front, so two
// writers wait on busy_timeout instead of deadlocking on a lock upgrade);
// ROLLBACK on destruction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const Status& status() const { return status_; }  // of BEGIN
  Status Commit();

 private:
  Db& db_;
  Status status_;
  bool open_ = false;
};

// Status for an SQLite result code, with the connection's message.
Status SqliteError(sqlite3* db, int rc, std::string_view context = {});

}  // namespace vanban::store
