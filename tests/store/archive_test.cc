// Put, versions, failures, atomicity, Get and FindByNumber.
#include "store/sqlite.h"
#include "store/store.h"
#include "tests/store/fixtures.h"

namespace vanban::store::testing {
namespace {

// The plan of seed 000, header values as in its gold file; the body is two
// lines in its style.
Plan LocThai(const std::string& sha = "sha-locthai-1") {
  Plan p = MakePlan("/archive/000.txt", sha, "Cải cách hành chính năm 2026",
                    "Trường THPT Lộc Thái ban hành Kế hoạch cải cách hành chính năm 2026.\n"
                    "- 100% TTHC được rà soát, công bố, công khai.\n"
                    "Báo cáo quý I: trước ngày 10/3/2026.");
  Record& r = p.record;
  r.number = F("06/KH-THPTLT", 1, 10, 22);
  r.issuer = F("Trường THPT Lộc Thái");
  r.place = F("Lộc Ninh");
  r.date = F("2026-02-02");
  r.signer = Signer{"Vi Hữu Tài", std::nullopt, "", {}, Span{2, 900, 910}};
  r.references.push_back(Reference{"KH", "381/KH-SGDĐT", "2026-01-16", "Sở GD&ĐT Đồng Nai", Span{1, 120, 132}});
  r.references.push_back(Reference{"NĐ", "118/2025/NĐ-CP", "2025-06-09", "Chính phủ", Span{1, 200, 214}});
  r.recipients.push_back(Recipient{"Sở GD&ĐT (qua VP)", Span{2, 800, 818}});
  r.outline.push_back(Section{1, "I", "I. MỤC TIÊU, YÊU CẦU", -1, Span{1, 300, 320}});
  r.outline.push_back(Section{2, "1", "1. Mục tiêu", 0, Span{1, 321, 333}});
  r.targets.push_back(Target{"100% TTHC được rà soát, công bố, công khai", 100, "%", ">=", "TTHC", 2026, 1,
                             Span{1, 340, 390}});
  r.deadlines.push_back(Deadline{"Báo cáo quý I: trước ngày 10/3/2026", "2026-03-10", "Báo cáo quý I", 1,
                                 Span{1, 391, 430}});
  r.schedules.push_back(Schedule{"định kỳ hằng quý", "quarterly", std::nullopt, 1, Span{1, 431, 450}});
  r.responsibilities.push_back(Responsibility{"Văn phòng", "Tham mưu xây dựng kế hoạch", Span{2, 500, 540}});
  TaskRow task;
  task.no = "1";
  task.content = "Rà soát TTHC";
  task.lead = "Ban giám hiệu";
  task.due = "Quý I";
  task.group = "I. Cải cách thể chế";
  task.confidence = 0.8;
  task.where = Span{3, 600, 640};
  task.box = Box{10, 20, 300, 40};
  r.tasks.push_back(task);
  return p;
}

int64_t Rows(const std::string& db_path, const std::string& sql) {
  Result<Db> db = Db::Open(db_path, false);
  REQUIRE(db.ok());
  Result<int64_t> n = db->QueryInt(sql);
  INFO(sql << ": " << n.status().ToString());
  REQUIRE(n.ok());
  return *n;
}

TEST_CASE("Put stores the document, its texts and every child row with provenance", "[store]") {
  std::string path;
  auto archive = OpenFresh(&path);
  Plan p = LocThai();
  Result<PutOutcome> put = archive->Put(p.document, p.text, p.record, "extract-0.1");
  REQUIRE(put.ok());
  CHECK(put->kind == PutOutcome::Kind::kAdded);

  Result<StoredDocument> d = archive->Get(put->id);
  REQUIRE(d.ok());
  CHECK(d->path == "/archive/000.txt");
  CHECK(d->sha256 == "sha-locthai-1");
  CHECK(d->status == "ok");
  CHECK(d->version == 1);
  CHECK_FALSE(d->superseded_by.has_value());
  CHECK(d->page_count == 1);
  CHECK(d->source_kind == "text");
  CHECK(d->encoding == "UTF-8");
  CHECK(d->extractor_version == "extract-0.1");
  CHECK(d->normalized_text == p.text.text);
  CHECK(d->raw_text == p.document.pages[0].text);
  CHECK(d->record["number"] == "06/KH-THPTLT");
  CHECK(d->record["issuer"] == "Trường THPT Lộc Thái");
  CHECK(d->record["references"][1]["number"] == "118/2025/NĐ-CP");

  struct Case {
    const char* sql;
    int64_t want;
  };
  const std::string id = std::to_string(put->id);
  const Case cases[] = {
      {"SELECT count(*) FROM pages WHERE source = 'text' AND status = 'ok'", 1},
      {"SELECT count(*) FROM doc_references", 2},
      {"SELECT page * 1000000 + begin_offset * 1000 + end_offset FROM doc_references WHERE number = '381/KH-SGDĐT'",
       1120132},
      {"SELECT count(*) FROM recipients WHERE text = 'Sở GD&ĐT (qua VP)' AND page = 2", 1},
      {"SELECT parent FROM sections WHERE label = '1'", 0},
      {"SELECT count(*) FROM sections WHERE label = 'I' AND parent IS NULL AND level = 1", 1},
      {"SELECT value FROM targets WHERE unit = '%' AND comparator = '>=' AND year = 2026 AND section = 1", 100},
      {"SELECT end_offset FROM targets", 390},
      {"SELECT count(*) FROM deadlines WHERE date = '2026-03-10' AND what = 'Báo cáo quý I'", 1},
      {"SELECT count(*) FROM schedules WHERE period = 'quarterly' AND day IS NULL", 1},
      {"SELECT count(*) FROM responsibilities WHERE unit_folded = 'van phong'", 1},
      {"SELECT count(*) FROM tasks WHERE lead_folded = 'ban giam hieu' AND task_group = 'I. Cải cách thể chế' "
       "AND confidence = 0.8 AND box_x1 = 300 AND page = 3",
       1},
      {"SELECT year FROM documents", 2026},
      {"SELECT count(*) FROM documents WHERE doc_type = 'KH' AND number_key = '06/kh-thptlt' "
       "AND issuer_folded = 'truong thpt loc thai' AND place = 'Lộc Ninh' AND signer_name = 'Vi Hữu Tài'",
       1},
      {"SELECT count(*) FROM search", 1},
  };
  for (const Case& c : cases) {
    INFO(c.sql);
    CHECK(Rows(path, c.sql) == c.want);
  }

  Result<Archive::Counts> counts = archive->Count();
  REQUIRE(counts.ok());
  CHECK(counts->documents == 1);
  CHECK(counts->failed == 0);
  CHECK(counts->references == 2);
  CHECK(counts->targets == 1);
  CHECK(counts->deadlines == 1);
  CHECK(counts->tasks == 1);
}

TEST_CASE("Unchanged bytes are a no-op; changed bytes at the same path are a new version", "[store]") {
  std::string path;
  auto archive = OpenFresh(&path);
  Plan v1 = LocThai("sha-v1");
  int64_t id1 = MustPut(*archive, v1);
  CHECK(archive->HasVersion("sha-v1"));
  CHECK_FALSE(archive->HasVersion("sha-v2"));

  // Same bytes again: nothing written, same id.
  Result<PutOutcome> again = archive->Put(v1.document, v1.text, v1.record, "test-1");
  REQUIRE(again.ok());
  CHECK(again->kind == PutOutcome::Kind::kUnchanged);
  CHECK(again->id == id1);
  CHECK(Rows(path, "SELECT count(*) FROM documents") == 1);
  CHECK(Rows(path, "SELECT count(*) FROM targets") == 1);

  // New bytes at the same path: version 2, version 1 kept and pointing at it.
  Plan v2 = LocThai("sha-v2");
  v2.record.title = F("Cải cách hành chính năm 2026 (sửa đổi)");
  v2.text.text += "\nBổ sung: số hóa hồ sơ lưu trữ.";
  Result<PutOutcome> put2 = archive->Put(v2.document, v2.text, v2.record, "test-1");
  REQUIRE(put2.ok());
  CHECK(put2->kind == PutOutcome::Kind::kNewVersion);
  int64_t id2 = put2->id;
  CHECK(id2 != id1);

  Result<StoredDocument> old = archive->Get(id1);
  REQUIRE(old.ok());
  CHECK(old->version == 1);
  REQUIRE(old->superseded_by.has_value());
  CHECK(*old->superseded_by == id2);
  CHECK(old->record["title"] == "Cải cách hành chính năm 2026");  // the old text is kept
  Result<StoredDocument> cur = archive->Get(id2);
  REQUIRE(cur.ok());
  CHECK(cur->version == 2);
  CHECK_FALSE(cur->superseded_by.has_value());
  CHECK_FALSE(archive->HasVersion("sha-v1"));
  CHECK(archive->HasVersion("sha-v2"));

  // Only the current version is searched, counted and found by number.
  Result<std::vector<SearchHit>> hits = archive->Search(Words("cai cach"));
  REQUIRE(hits.ok());
  CHECK(Ids(*hits) == std::vector<int64_t>{id2});
  Result<std::vector<int64_t>> by_number = archive->FindByNumber("06/KH-THPTLT");
  REQUIRE(by_number.ok());
  CHECK(*by_number == std::vector<int64_t>{id2});
  CHECK(archive->Count()->documents == 1);
  CHECK(Rows(path, "SELECT count(*) FROM targets") == 2);  // both versions keep their rows

  // The file goes back to its first bytes: version 1's row is revived as
  // version 3 instead of storing the same bytes twice.
  Result<PutOutcome> back = archive->Put(v1.document, v1.text, v1.record, "test-1");
  REQUIRE(back.ok());
  CHECK(back->kind == PutOutcome::Kind::kNewVersion);
  CHECK(back->id == id1);
  CHECK(archive->Get(id1)->version == 3);
  CHECK_FALSE(archive->Get(id1)->superseded_by.has_value());
  CHECK(archive->Get(id2)->superseded_by == std::optional<int64_t>(id1));
  hits = archive->Search(Words("cai cach"));
  REQUIRE(hits.ok());
  CHECK(Ids(*hits) == std::vector<int64_t>{id1});
  CHECK(Rows(path, "SELECT count(*) FROM documents") == 2);
}

TEST_CASE("The same bytes at another path are the same document", "[store]") {
  auto archive = OpenFresh();
  Plan a = LocThai("sha-same");
  int64_t id = MustPut(*archive, a);
  Plan copy = LocThai("sha-same");
  copy.document.path = "/elsewhere/copy-of-000.txt";
  Result<PutOutcome> put = archive->Put(copy.document, copy.text, copy.record, "test-1");
  REQUIRE(put.ok());
  CHECK(put->kind == PutOutcome::Kind::kUnchanged);
  CHECK(put->id == id);
}

TEST_CASE("Failures are recorded, do not pile up, and are replaced by a later success", "[store]") {
  std::string path;
  auto archive = OpenFresh(&path);

  REQUIRE(archive->PutFailure("/archive/bad.pdf", "", Status::Corrupt("PDF is truncated (no xref table)")).ok());
  REQUIRE(archive->PutFailure("/archive/bad.pdf", "sha-bad", Status::Corrupt("PDF is truncated")).ok());
  CHECK(archive->Count()->failed == 1);  // failing again updates the failed row
  CHECK(archive->Count()->documents == 0);
  CHECK(Rows(path, "SELECT count(*) FROM documents WHERE status = 'failed' AND sha256 = 'sha-bad' "
                   "AND error = 'corrupt: PDF is truncated'") == 1);
  int64_t failed_id = Rows(path, "SELECT id FROM documents WHERE status = 'failed'");
  Result<StoredDocument> failed = archive->Get(failed_id);
  REQUIRE(failed.ok());
  CHECK(failed->status == "failed");
  CHECK(failed->error == "corrupt: PDF is truncated");
  CHECK(failed->record.is_null());

  // Fixed file at the same path: the failed row becomes the ok row (same id).
  Plan fixed = LocThai("sha-fixed");
  fixed.document.path = "/archive/bad.pdf";
  Result<PutOutcome> put = archive->Put(fixed.document, fixed.text, fixed.record, "test-1");
  REQUIRE(put.ok());
  CHECK(put->kind == PutOutcome::Kind::kAdded);
  CHECK(put->id == failed_id);
  Result<StoredDocument> d = archive->Get(put->id);
  REQUIRE(d.ok());
  CHECK(d->status == "ok");
  CHECK(d->error.empty());
  CHECK(d->version == 1);
  CHECK(archive->Count()->failed == 0);
  CHECK(archive->Count()->documents == 1);

  // A later failure at that path leaves the ok version current and searchable.
  REQUIRE(archive->PutFailure("/archive/bad.pdf", "sha-broken-again", Status::InvalidInput("binary junk")).ok());
  CHECK(archive->Count()->failed == 1);
  CHECK(archive->Count()->documents == 1);
  Result<std::vector<SearchHit>> hits = archive->Search(Words("Lộc Thái"));
  REQUIRE(hits.ok());
  CHECK(Ids(*hits) == std::vector<int64_t>{put->id});
}

TEST_CASE("Unchanged bytes clear a failure recorded at their path since", "[store]") {
  auto archive = OpenFresh();
  Plan p = LocThai("sha-good");
  int64_t id = MustPut(*archive, p);
  REQUIRE(archive->PutFailure(p.document.path, "sha-good", Status::IOError("permission denied")).ok());
  REQUIRE(archive->PutFailure("/archive/other.pdf", "", Status::Corrupt("truncated")).ok());
  CHECK(archive->Count()->failed == 2);
  Result<PutOutcome> again = archive->Put(p.document, p.text, p.record, "test-1");
  REQUIRE(again.ok());
  CHECK(again->kind == PutOutcome::Kind::kUnchanged);
  CHECK(again->id == id);
  CHECK(archive->Count()->failed == 1);  // the other path's failure stays
}

TEST_CASE("A second writer waits for the busy timeout, then fails cleanly", "[store]") {
  std::string path;
  auto archive = OpenFresh(&path);
  Options quick;
  quick.busy_timeout_ms = 50;
  Result<std::unique_ptr<Archive>> second = Archive::Open(path, quick);
  REQUIRE(second.ok());

  Result<Db> other = Db::Open(path, false);
  REQUIRE(other.ok());
  {
    Transaction held(*other);  // another process holding the write lock
    REQUIRE(held.status().ok());
    Plan p = LocThai();
    Result<PutOutcome> put = (*second)->Put(p.document, p.text, p.record, "test-1");
    REQUIRE_FALSE(put.ok());
    CHECK(put.status().code() == Status::Code::kIOError);  // SQLITE_BUSY
    // Readers are not blocked by a writer in WAL mode.
    Result<Archive::Counts> counts = archive->Count();
    REQUIRE(counts.ok());
    CHECK(counts->documents == 0);
  }  // rolled back, lock released
  Plan p = LocThai();
  Result<PutOutcome> put = (*second)->Put(p.document, p.text, p.record, "test-1");
  REQUIRE(put.ok());
  CHECK(archive->Count()->documents == 1);
}

TEST_CASE("A failure in the middle of Put leaves nothing behind", "[store]") {
  std::string path;
  auto archive = OpenFresh(&path);
  {
    // Make the last child insert fail, after documents, pages, references,
    // sections, targets ... have been written in the same transaction.
    Result<Db> db = Db::Open(path, false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TRIGGER fail_tasks BEFORE INSERT ON tasks BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
                .ok());
  }
  Plan p = LocThai();
  Result<PutOutcome> put = archive->Put(p.document, p.text, p.record, "test-1");
  REQUIRE_FALSE(put.ok());
  CHECK(put.status().message().find("disk on fire") != std::string::npos);
  for (const char* table : {"documents", "pages", "doc_references", "recipients", "sections", "targets",
                            "deadlines", "schedules", "responsibilities", "tasks", "search"}) {
    INFO(table);
    CHECK(Rows(path, std::string("SELECT count(*) FROM ") + table) == 0);
  }

  // The archive is still usable: the same Put succeeds once the cause is gone.
  {
    Result<Db> db = Db::Open(path, false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("DROP TRIGGER fail_tasks").ok());
  }
  Result<PutOutcome> retry = archive->Put(p.document, p.text, p.record, "test-1");
  REQUIRE(retry.ok());
  CHECK(retry->kind == PutOutcome::Kind::kAdded);
  CHECK(Rows(path, "SELECT count(*) FROM tasks") == 1);
}

TEST_CASE("A new version that fails midway keeps the old version current", "[store]") {
  std::string path;
  auto archive = OpenFresh(&path);
  int64_t id1 = MustPut(*archive, LocThai("sha-v1"));
  {
    Result<Db> db = Db::Open(path, false);
    REQUIRE(db.ok());
    REQUIRE(db->Exec("CREATE TRIGGER fail_tasks BEFORE INSERT ON tasks BEGIN SELECT RAISE(ABORT, 'boom'); END").ok());
  }
  Plan v2 = LocThai("sha-v2");
  REQUIRE_FALSE(archive->Put(v2.document, v2.text, v2.record, "test-1").ok());
  CHECK_FALSE(archive->Get(id1)->superseded_by.has_value());
  CHECK(Rows(path, "SELECT count(*) FROM documents") == 1);
  CHECK(Ids(*archive->Search(Words("cải cách"))) == std::vector<int64_t>{id1});
}

TEST_CASE("Get and FindByNumber", "[store]") {
  auto archive = OpenFresh();
  int64_t id = MustPut(*archive, LocThai());
  Plan nd = MakePlan("/archive/nd118.txt", "sha-nd118", "Quy định chức năng, nhiệm vụ", "Nghị định của Chính phủ.");
  nd.record.doc_type = F("NĐ");
  nd.record.number = F("118/2025/NĐ-CP");
  int64_t nd_id = MustPut(*archive, nd);

  struct Case {
    const char* number;
    std::vector<int64_t> want;
  };
  const Case cases[] = {
      {"06/KH-THPTLT", {id}},     {"06/kh-thptlt", {id}},   {" 06 / KH - THPTLT ", {id}},
      {"118/2025/NĐ-CP", {nd_id}}, {"118/2025/ND-CP", {nd_id}}, {"118/2025/nđ-cp", {nd_id}},
      {"07/KH-THPTLT", {}},       {"", {}},                 {"'; DROP TABLE documents; --", {}},
  };
  for (const Case& c : cases) {
    INFO(c.number);
    Result<std::vector<int64_t>> found = archive->FindByNumber(c.number);
    REQUIRE(found.ok());
    CHECK(*found == c.want);
  }

  Result<StoredDocument> missing = archive->Get(987654);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
}

TEST_CASE("Put refuses a document without a hash", "[store]") {
  auto archive = OpenFresh();
  Plan p = LocThai("");
  Result<PutOutcome> put = archive->Put(p.document, p.text, p.record, "test-1");
  REQUIRE_FALSE(put.ok());
  CHECK(put.status().code() == Status::Code::kInvalidInput);
  CHECK(archive->Count()->documents == 0);
}

}  // namespace
}  // namespace vanban::store::testing
