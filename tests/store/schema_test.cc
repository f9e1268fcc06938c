// Schema versions and migrations; opening what is not an archive.
#include <fstream>

#include "store/schema.h"
#include "store/sqlite.h"
#include "tests/store/fixtures.h"

namespace vanban::store::testing {
namespace {

int64_t Pragma(const std::string& path, const std::string& pragma) {
  Result<Db> db = Db::Open(path, false);
  REQUIRE(db.ok());
  Result<int64_t> v = db->QueryInt("PRAGMA " + pragma);
  REQUIRE(v.ok());
  return *v;
}

bool HasTable(const std::string& path, const std::string& table) {
  Result<Db> db = Db::Open(path, false);
  REQUIRE(db.ok());
  Result<int64_t> n = db->QueryInt("SELECT count(*) FROM sqlite_schema WHERE name = '" + table + "'");
  REQUIRE(n.ok());
  return *n == 1;
}

TEST_CASE("A new archive is at the latest schema version, in WAL mode", "[store][schema]") {
  std::string path;
  auto archive = OpenFresh(&path);
  CHECK(SchemaVersion() == 2);
  CHECK(Pragma(path, "user_version") == SchemaVersion());
  {
    Result<Db> db = Db::Open(path, false);
    REQUIRE(db.ok());
    Result<Stmt> st = db->Prepare("PRAGMA journal_mode");
    REQUIRE(st.ok());
    REQUIRE(st->Step() == Stmt::kRow);
    CHECK(st->Text(0) == "wal");
  }
  for (const char* table : {"documents", "pages", "doc_references", "recipients", "sections", "search", "targets",
                            "deadlines", "schedules", "responsibilities", "tasks"}) {
    INFO(table);
    CHECK(HasTable(path, table));
  }
}

TEST_CASE("Child rows belong to their document (foreign keys, cascade)", "[store][schema]") {
  std::string path;
  auto archive = OpenFresh(&path);
  Plan p = MakePlan("/archive/a.txt", "sha-a", "Kế hoạch chuyển đổi số", "Nội dung.");
  p.record.recipients.push_back(Recipient{"Như trên", Span{1, 0, 8}});
  int64_t id = MustPut(*archive, p);
  Result<Db> db = Db::Open(path, false);
  REQUIRE(db.ok());
  REQUIRE(db->Exec("PRAGMA foreign_keys = ON").ok());
  const std::string orphan = "INSERT INTO recipients (doc_id, idx, text) VALUES (" + std::to_string(id + 100) + ", 0, 'x')";
  CHECK_FALSE(db->Exec(orphan).ok());
  REQUIRE(db->Exec("DELETE FROM documents WHERE id = " + std::to_string(id)).ok());
  CHECK(*db->QueryInt("SELECT count(*) FROM recipients") == 0);
  CHECK(*db->QueryInt("SELECT count(*) FROM pages") == 0);
}

TEST_CASE("A version 1 archive is migrated on Open, keeping its documents", "[store][schema]") {
  std::string path = vanban::testing::TempDir() + "/v1.db";
  {
    Result<Db> db = Db::Open(path, true);
    REQUIRE(db.ok());
    REQUIRE(Migrate(*db, 1).ok());
    REQUIRE(db->Exec("INSERT INTO documents (sha256, path, status, number, number_key, title) "
                     "VALUES ('sha-old', '/old/06.txt', 'ok', '06/KH-THPTLT', '06/kh-thptlt', "
                     "'Cải cách hành chính năm 2026')")
                .ok());
  }
  CHECK(Pragma(path, "user_version") == 1);
  CHECK(HasTable(path, "sections"));
  CHECK_FALSE(HasTable(path, "targets"));

  Result<std::unique_ptr<Archive>> archive = Archive::Open(path);
  INFO(archive.status().ToString());
  REQUIRE(archive.ok());
  CHECK(Pragma(path, "user_version") == 2);
  CHECK(HasTable(path, "targets"));
  CHECK(HasTable(path, "tasks"));
  Result<std::vector<int64_t>> found = (*archive)->FindByNumber("06/KH-THPTLT");
  REQUIRE(found.ok());
  REQUIRE(found->size() == 1);
  CHECK((*archive)->Get(found->front())->path == "/old/06.txt");

  // Reopening a current archive changes nothing.
  archive->reset();
  Result<std::unique_ptr<Archive>> again = Archive::Open(path);
  REQUIRE(again.ok());
  CHECK(Pragma(path, "user_version") == 2);
}

TEST_CASE("An archive from a newer vanban is refused and left untouched", "[store][schema]") {
  std::string path = vanban::testing::TempDir() + "/future.db";
  {
    Result<Db> db = Db::Open(path, true);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TABLE documents (id INTEGER PRIMARY KEY); PRAGMA user_version = 99").ok());
  }
  Result<std::unique_ptr<Archive>> archive = Archive::Open(path);
  REQUIRE_FALSE(archive.ok());
  CHECK(archive.status().code() == Status::Code::kUnsupported);
  CHECK(archive.status().message().find("schema version 99 is newer") != std::string::npos);
  CHECK(archive.status().message().find(path) != std::string::npos);
  CHECK(Pragma(path, "user_version") == 99);
  CHECK_FALSE(HasTable(path, "targets"));
}

TEST_CASE("Opening what is not an archive fails with a clear status", "[store][schema]") {
  std::string dir = vanban::testing::TempDir();
  {
    std::ofstream junk(dir + "/junk.db", std::ios::binary);
    junk << std::string(4096, '\x7f') << "this is not an SQLite database";
  }
  struct Case {
    std::string path;
    bool create;
    Status::Code want;
  };
  const Case cases[] = {
      {dir + "/junk.db", true, Status::Code::kCorrupt},
      {dir + "/missing.db", false, Status::Code::kIOError},
      {dir + "/no/such/folder/a.db", true, Status::Code::kIOError},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    Options options;
    options.create_if_missing = c.create;
    Result<std::unique_ptr<Archive>> archive = Archive::Open(c.path, options);
    REQUIRE_FALSE(archive.ok());
    CHECK(archive.status().code() == c.want);
    CHECK(archive.status().message().find(c.path) != std::string::npos);
  }
}

}  // namespace
}  // namespace vanban::store::testing
