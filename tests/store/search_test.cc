// Search: accents, tone placement and case; exact before folded; hostile
// queries; filters by issuer, year, kind, target, deadline and responsible unit.
#include <algorithm>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "store/sqlite.h"
#include "tests/store/fixtures.h"

namespace vanban::store::testing {
namespace {

// Four small plans built around Vietnamese minimal pairs: "cải" (reform) /
// "cãi" (argue), "bản" (copy) / "bán" (sell) / "bàn" (desk). Folding merges
// each pair; only the accented text tells them apart.
struct Archive4 {
  std::string path;
  std::unique_ptr<Archive> archive;
  int64_t cai = 0;   // "cải cách hành chính", Trường THPT Lộc Thái, 2026
  int64_t ban = 0;   // "bản sao", Trường THCS Tiên Cường, 2025
  int64_t cai2 = 0;  // "tranh cãi", "hoà giải", "Thuý", Trường THPT Kiến Thụy, 2024
  int64_t sell = 0;  // "bán", "bàn", Quyết định (QĐ), Trường THCS Bình Minh, 2023
};

Archive4 MakeArchive4() {
  Archive4 a;
  a.archive = OpenFresh(&a.path);

  Plan c = MakePlan("/plans/06-KH-THPTLT.txt", "sha-cai", "Cải cách hành chính năm 2026",
                    "Số: 06/KH-THPTLT\n"
                    "Trường THPT Lộc Thái triển khai cải cách hành chính, cải cách thủ tục\n"
                    "hành chính; tỷ lệ hồ sơ đúng hạn đạt tối thiểu 98%.");
  c.record.number = F("06/KH-THPTLT");
  c.record.issuer = F("Trường THPT Lộc Thái");
  c.record.date = F("2026-02-02");
  c.record.targets.push_back(Target{"tỷ lệ hồ sơ đúng hạn đạt tối thiểu 98%", 98, "%", ">=", std::nullopt, 2026, -1, {}});
  c.record.deadlines.push_back(Deadline{"Báo cáo quý I: trước ngày 10/3/2026", "2026-03-10", "Báo cáo quý I", -1, {}});
  c.record.responsibilities.push_back(Responsibility{"Văn phòng", "Tham mưu, tổng hợp báo cáo", {}});
  a.cai = MustPut(*a.archive, c);

  Plan b = MakePlan("/plans/12-KH-THCSTC.txt", "sha-ban", "Số hóa bản sao văn bản",
                    "Lưu trữ bản chính, bản sao và bản điện tử của hồ sơ học sinh;\n"
                    "trên 95% hồ sơ được số hóa trong năm học.");
  b.record.number = F("12/KH-THCSTC");
  b.record.issuer = F("Trường THCS Tiên Cường");
  b.record.date = F("2025-09-15");
  b.record.targets.push_back(Target{"trên 95% hồ sơ được số hóa", 95, "%", ">", std::nullopt, std::nullopt, -1, {}});
  b.record.deadlines.push_back(Deadline{"Hoàn thành trước ngày 31/12/2025", "2025-12-31", "Hoàn thành", -1, {}});
  TaskRow task;
  task.no = "1";
  task.content = "Quét bản sao hồ sơ";
  task.lead = "Ban Giám hiệu";
  b.record.tasks.push_back(task);
  a.ban = MustPut(*a.archive, b);

  Plan d = MakePlan("/plans/30-KH-THPTKT.txt", "sha-cai2", "Quy chế hoà giải tranh cãi trong tập thể",
                    "Giải quyết tranh cãi giữa các thành viên, không để cãi vã kéo dài;\n"
                    "giữ sự đồng thuận. Cô Nguyễn Thị Thuý phụ trách; 100% tổ có sổ họp tổ.");
  d.record.number = F("30/KH-THPTKT");
  d.record.issuer = F("Trường THPT Kiến Thụy");
  d.record.date = F("2024-01-25");
  d.record.targets.push_back(Target{"100% tổ có sổ họp tổ", 100, "%", "=", std::nullopt, std::nullopt, -1, {}});
  d.record.responsibilities.push_back(Responsibility{"Tổ chuyên môn Toán", "Tổ chức họp tổ", {}});
  a.cai2 = MustPut(*a.archive, d);

  Plan s = MakePlan("/plans/15-QD-THCSBM.txt", "sha-sell", "Thanh lý bàn ghế cũ",
                    "Nhà trường bán thanh lý bàn ghế cũ theo giá thị trường,\n"
                    "tổ chức ít nhất 05 hình thức thông báo.");
  s.record.doc_type = F("QĐ");
  s.record.number = F("15/QĐ-THCSBM");
  s.record.issuer = F("Trường THCS Bình Minh");
  s.record.date = F("2023-02-09");
  s.record.targets.push_back(Target{"ít nhất 05 hình thức thông báo", 5, "hình thức", ">=", std::nullopt, std::nullopt, -1, {}});
  s.record.deadlines.push_back(Deadline{"trước ngày 20/02/2023", "2023-02-20", "Thanh lý", -1, {}});
  a.sell = MustPut(*a.archive, s);
  return a;
}

std::vector<SearchHit> MustSearch(Archive& archive, const SearchQuery& q) {
  Result<std::vector<SearchHit>> hits = archive.Search(q);
  INFO("query: " << q.query << " -> " << hits.status().ToString());
  REQUIRE(hits.ok());
  return *hits;
}

TEST_CASE("Search ignores accents, tone placement and case, exact matches first", "[store][search]") {
  Archive4 a = MakeArchive4();
  struct Case {
    std::string query;
    std::vector<int64_t> exact;   // in rank order
    std::vector<int64_t> folded;  // in rank order, after every exact hit
  };
  const std::vector<Case> cases = {
      {"cải cách hành chính", {a.cai}, {}},
      {"Cải Cách Hành Chính", {a.cai}, {}},
      {"CẢI CÁCH", {a.cai}, {}},
      {"cai cach hanh chinh", {}, {a.cai}},
      {"CAI CACH", {}, {a.cai}},
      // Minimal pairs: the accented word finds its own plan first, the other
      // plan of the pair after it.
      {"cải", {a.cai}, {a.cai2}},
      {"cãi", {a.cai2}, {a.cai}},
      {"bản", {a.ban}, {a.sell}},
      {"bán", {a.sell}, {a.ban}},
      {"bàn ghế", {a.sell}, {}},
      // Tone placement: "hoà"/"hòa" and "Thuý"/"Thúy" are the same word.
      {"hoà giải", {a.cai2}, {}},
      {"hòa giải", {a.cai2}, {}},
      {"HOÀ GIẢI", {a.cai2}, {}},
      {"Thúy", {a.cai2}, {}},
      {"thuý", {a.cai2}, {}},
      {"HOA GIAI", {}, {a.cai2}},
      // đ folds to d.
      {"đồng thuận", {a.cai2}, {}},
      {"dong thuan", {}, {a.cai2}},
      {"Lộc Thái", {a.cai}, {}},
      {"loc thai", {}, {a.cai}},
      // Numbers, phrases, prefixes, scattered words.
      {"06/KH-THPTLT", {a.cai}, {}},
      {"\"hành chính\"", {a.cai}, {}},
      {"\"chính hành\"", {}, {}},
      {"cải*", {a.cai}, {a.cai2}},
      {"tranh giải", {a.cai2}, {}},
      {"chuyển đổi số", {}, {}},
  };
  for (const Case& c : cases) {
    INFO("query: " << c.query);
    std::vector<SearchHit> hits = MustSearch(*a.archive, Words(c.query));
    std::vector<int64_t> want = c.exact;
    want.insert(want.end(), c.folded.begin(), c.folded.end());
    CHECK(Ids(hits) == want);
    for (size_t i = 0; i < hits.size() && i < want.size(); ++i) {
      INFO("hit " << i);
      CHECK(hits[i].exact == (i < c.exact.size()));
    }
  }
}

TEST_CASE("Folded-only words tie on exactness and are ranked by bm25", "[store][search]") {
  Archive4 a = MakeArchive4();
  // "ban" is literally in neither text: both plans are folded hits.
  std::vector<SearchHit> hits = MustSearch(*a.archive, Words("ban"));
  std::vector<int64_t> ids = Ids(hits);
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<int64_t>{a.ban, a.sell});
  for (const SearchHit& h : hits) CHECK_FALSE(h.exact);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].score <= hits[1].score);
}

TEST_CASE("Plans holding the words as a phrase rank above scattered words", "[store][search]") {
  auto archive = OpenFresh();
  Plan scattered = MakePlan("/plans/scattered.txt", "sha-scattered", "Kế hoạch cải tạo phòng học",
                            "Cải tạo phòng học theo cách mới; hành lang thông thoáng; chính quyền hỗ trợ.\n"
                            "Cải tạo xong trước năm học mới, cách bố trí hợp lý, hành lang rộng, chính quyền giám sát.");
  Plan phrase = MakePlan("/plans/phrase.txt", "sha-phrase", "Kế hoạch năm 2026",
                         "Đẩy mạnh cải cách hành chính trong nhà trường.");
  int64_t scattered_id = MustPut(*archive, scattered);
  int64_t phrase_id = MustPut(*archive, phrase);
  for (const char* q : {"cải cách hành chính", "cai cach hanh chinh"}) {
    INFO(q);
    std::vector<SearchHit> hits = MustSearch(*archive, Words(q));
    CHECK(Ids(hits) == std::vector<int64_t>{phrase_id, scattered_id});
  }
}

TEST_CASE("A query without accents does not prefer text without accents", "[store][search]") {
  auto archive = OpenFresh();
  // An OCR page that lost its diacritics holds the words literally, scattered.
  Plan ocr = MakePlan("/scans/lost-accents.txt", "sha-ocr", "Ke hoach nam hoc",
                      "cai tao phong hoc theo cach moi; hanh lang thoang; chinh quyen ho tro.");
  Plan plan = MakePlan("/plans/cchc.txt", "sha-cchc", "Cải cách hành chính năm 2026",
                       "Đẩy mạnh cải cách hành chính trong nhà trường.");
  int64_t ocr_id = MustPut(*archive, ocr);
  int64_t plan_id = MustPut(*archive, plan);
  std::vector<SearchHit> hits = MustSearch(*archive, Words("cai cach hanh chinh"));
  CHECK(Ids(hits) == std::vector<int64_t>{plan_id, ocr_id});  // the phrase wins
  REQUIRE(hits.size() == 2);
  CHECK_FALSE(hits[0].exact);
  CHECK(hits[1].exact);  // literally there, but that is no reason to rank it first
  // With accents, the accented plan is the exact one and comes first anyway.
  hits = MustSearch(*archive, Words("cải cách hành chính"));
  CHECK(Ids(hits) == std::vector<int64_t>{plan_id, ocr_id});
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].exact);
  CHECK_FALSE(hits[1].exact);
}

TEST_CASE("Snippets show the accented text with matches in brackets", "[store][search]") {
  Archive4 a = MakeArchive4();
  struct Case {
    const char* query;
    int64_t Archive4::*id;
    const char* contains;
  };
  const Case cases[] = {
      {"cải cách hành chính", &Archive4::cai, "triển khai [cải cách hành chính], [cải cách] thủ tục [hành chính]"},
      // A folded-only hit is still shown accented.
      {"cai cach hanh chinh", &Archive4::cai, "triển khai [cải cách hành chính], [cải cách] thủ tục [hành chính]"},
      {"CẢI CÁCH", &Archive4::cai, "[cải cách] hành chính"},
      {"bản", &Archive4::ban, "Lưu trữ [bản] chính, [bản] sao và [bản]"},
      {"hoà giải", &Archive4::cai2, "Quy chế [hòa giải] tranh cãi"},  // tone placement made canonical
      {"thuý", &Archive4::cai2, "Nguyễn Thị [Thúy] phụ trách"},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    std::vector<SearchHit> hits = MustSearch(*a.archive, Words(c.query));
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == a.*c.id);
    INFO("snippet: " << hits[0].snippet);
    CHECK(hits[0].snippet.find(c.contains) != std::string::npos);
    CHECK(hits[0].snippet.find('\n') == std::string::npos);
  }
  // Header fields come with the hit.
  std::vector<SearchHit> hits = MustSearch(*a.archive, Words("cải cách"));
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].number == "06/KH-THPTLT");
  CHECK(hits[0].issuer == "Trường THPT Lộc Thái");
  CHECK(hits[0].date == "2026-02-02");
  CHECK(hits[0].title == "Cải cách hành chính năm 2026");
  CHECK(hits[0].doc_type == "KH");
  CHECK(hits[0].path == "/plans/06-KH-THPTLT.txt");
}

TEST_CASE("No query can break the FTS syntax or the SQL", "[store][search]") {
  Archive4 a = MakeArchive4();
  struct Case {
    std::string query;
    std::vector<int64_t> want;
  };
  const std::vector<Case> cases = {
      {"AND", {}},
      {"OR", {}},
      {"NOT", {}},
      {"cải AND cách", {}},  // "and" is a word to look for, not an operator
      {"cải OR cãi", {}},
      {"NEAR(cải cách)", {}},  // "near(cải" is the phrase "near cải", not an operator
      {"NEAR", {}},
      {"\"", {}},
      {"\"\"", {}},
      {"\"\"\"\"", {}},
      {"cải \"cách", {a.cai}},  // unbalanced quote: "cách" to the end is a phrase
      {"*", {}},
      {"**", {}},
      {"cải**", {a.cai, a.cai2}},
      {"(", {}},
      {")", {}},
      {"(cải", {a.cai, a.cai2}},
      {"-", {}},
      {"-cải", {a.cai, a.cai2}},
      {"^cải", {a.cai, a.cai2}},
      {"+", {}},
      {":", {}},
      {"title:cải", {}},
      {"{title} : cải", {}},  // "title" is a word to look for
      {"'", {}},
      {"'; DROP TABLE documents; --", {}},
      {"\"); DELETE FROM documents; --", {}},
      {"%", {}},
      {"_", {}},
      {"\\", {}},
      {"…", {}},
      {"–", {}},
      {"   ", {a.cai, a.ban, a.cai2, a.sell}},  // no words: every plan, newest first
      {"", {a.cai, a.ban, a.cai2, a.sell}},
      {std::string("c\0i", 3), {}},
      {"\xff\xfe\xfd", {}},
      {std::string(5000, 'a'), {}},
  };
  for (const Case& c : cases) {
    INFO("query: [" << c.query.substr(0, 40) << "]");
    Result<std::vector<SearchHit>> hits = a.archive->Search(Words(c.query));
    INFO(hits.status().ToString());
    REQUIRE(hits.ok());
    CHECK(Ids(*hits) == c.want);
  }
  // And nothing was dropped or deleted.
  Result<Archive::Counts> counts = a.archive->Count();
  REQUIRE(counts.ok());
  CHECK(counts->documents == 4);
}

TEST_CASE("Filters: issuer, year, kind", "[store][search]") {
  Archive4 a = MakeArchive4();
  struct Case {
    std::string name;
    SearchQuery query;
    std::vector<int64_t> want;
  };
  auto Q = [](auto set) {
    SearchQuery q;
    set(q);
    return q;
  };
  const std::vector<Case> cases = {
      {"issuer folded", Q([](SearchQuery& q) { q.issuer = "loc thai"; }), {a.cai}},
      {"issuer accented", Q([](SearchQuery& q) { q.issuer = "Tiên Cường"; }), {a.ban}},
      {"issuer upper", Q([](SearchQuery& q) { q.issuer = "THCS"; }), {a.ban, a.sell}},
      {"issuer common word", Q([](SearchQuery& q) { q.issuer = "trường"; }), {a.cai, a.ban, a.cai2, a.sell}},
      {"issuer absent", Q([](SearchQuery& q) { q.issuer = "Sở Nội vụ"; }), {}},
      {"issuer with LIKE wildcards", Q([](SearchQuery& q) { q.issuer = "%"; }), {}},
      {"year", Q([](SearchQuery& q) { q.year = 2026; }), {a.cai}},
      {"year 2023", Q([](SearchQuery& q) { q.year = 2023; }), {a.sell}},
      {"year none", Q([](SearchQuery& q) { q.year = 1999; }), {}},
      {"kind QĐ", Q([](SearchQuery& q) { q.kind = "QĐ"; }), {a.sell}},
      {"kind QD", Q([](SearchQuery& q) { q.kind = "QD"; }), {a.sell}},
      {"kind qđ", Q([](SearchQuery& q) { q.kind = "qđ"; }), {a.sell}},
      {"kind KH", Q([](SearchQuery& q) { q.kind = "KH"; }), {a.cai, a.ban, a.cai2}},
      {"kind CV", Q([](SearchQuery& q) { q.kind = "CV"; }), {}},
      {"query and year", Q([](SearchQuery& q) { q.query = "cải"; q.year = 2024; }), {a.cai2}},
      {"query and issuer", Q([](SearchQuery& q) { q.query = "bản"; q.issuer = "Bình Minh"; }), {a.sell}},
      {"query and kind", Q([](SearchQuery& q) { q.query = "bán"; q.kind = "KH"; }), {a.ban}},
      {"limit", Q([](SearchQuery& q) { q.limit = 2; }), {a.cai, a.ban}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Ids(MustSearch(*a.archive, c.query)) == c.want);
  }
}

TEST_CASE("ParseTargetFilter reads a comparator, a number and a unit", "[store][search]") {
  struct Case {
    const char* text;
    const char* comparator;
    double value;
    const char* unit;
  };
  const Case cases[] = {
      {">=98%", ">=", 98, "%"},        {"≥ 98 %", ">=", 98, "%"},   {"=>98%", ">=", 98, "%"},
      {">95", ">", 95, ""},            {"=100%", "=", 100, "%"},    {"==100%", "=", 100, "%"},
      {"98%", "=", 98, "%"},           {"98,5%", "=", 98.5, "%"},   {"<= 5 ngày", "<=", 5, "ngày"},
      {"≤20%", "<=", 20, "%"},         {"<3", "<", 3, ""},          {" >= 05 hình thức ", ">=", 5, "hình thức"},
      {">=1.5 lần/tuần", ">=", 1.5, "lần/tuần"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Result<TargetFilter> f = ParseTargetFilter(c.text);
    REQUIRE(f.ok());
    CHECK(f->comparator == c.comparator);
    CHECK(f->value == Approx(c.value));
    CHECK(f->unit == c.unit);
  }
  for (const char* bad : {"", ">=", "%", "abc", ">= %", "tối thiểu"}) {
    INFO(bad);
    Result<TargetFilter> f = ParseTargetFilter(bad);
    REQUIRE_FALSE(f.ok());
    CHECK(f.status().code() == Status::Code::kInvalidInput);
  }
}

TEST_CASE("Filters: target, deadline range, responsible unit", "[store][search]") {
  Archive4 a = MakeArchive4();
  struct Case {
    std::string name;
    SearchQuery query;
    std::vector<int64_t> want;
  };
  auto Target = [](const char* text) {
    SearchQuery q;
    q.target = *ParseTargetFilter(text);
    return q;
  };
  auto Deadlines = [](std::optional<std::string> from, std::optional<std::string> to) {
    SearchQuery q;
    q.deadline_from = std::move(from);
    q.deadline_to = std::move(to);
    return q;
  };
  auto Responsible = [](const char* who) {
    SearchQuery q;
    q.responsible = who;
    return q;
  };
  const std::vector<Case> cases = {
      // Targets: cai 98%, ban 95%, cai2 100%, sell 5 hình thức.
      {">=98%", Target(">=98%"), {a.cai, a.cai2}},
      {">90%", Target(">90%"), {a.cai, a.ban, a.cai2}},
      {">98%", Target(">98%"), {a.cai2}},
      {"=100%", Target("=100%"), {a.cai2}},
      {"<=95%", Target("<=95%"), {a.ban}},
      {"<50%", Target("<50%"), {}},
      {">=5 hình thức", Target(">=5 hình thức"), {a.sell}},
      {">=5 hinh thuc", Target(">=5 hinh thuc"), {a.sell}},
      {">=5 any unit", Target(">=5"), {a.cai, a.ban, a.cai2, a.sell}},
      {">=5 lần", Target(">=5 lần"), {}},
      // Deadlines: cai 2026-03-10, ban 2025-12-31, sell 2023-02-20.
      {"from 2026", Deadlines("2026-01-01", std::nullopt), {a.cai}},
      {"to end of 2025", Deadlines(std::nullopt, "2025-12-31"), {a.ban, a.sell}},
      {"2025 only", Deadlines("2025-01-01", "2025-12-31"), {a.ban}},
      {"one day, inclusive", Deadlines("2026-03-10", "2026-03-10"), {a.cai}},
      {"empty range", Deadlines("2024-01-01", "2024-12-31"), {}},
      // Responsible: cai "Văn phòng" (responsibility), ban "Ban Giám hiệu"
      // (task lead), cai2 "Tổ chuyên môn Toán" (responsibility).
      {"van phong", Responsible("van phong"), {a.cai}},
      {"Văn phòng", Responsible("Văn phòng"), {a.cai}},
      {"ban giám hiệu", Responsible("ban giám hiệu"), {a.ban}},
      {"BAN GIAM HIEU", Responsible("BAN GIAM HIEU"), {a.ban}},
      {"tổ chuyên môn", Responsible("tổ chuyên môn"), {a.cai2}},
      {"kế toán", Responsible("kế toán"), {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Ids(MustSearch(*a.archive, c.query)) == c.want);
  }

  // Combined with words and header filters.
  SearchQuery q = Target(">=98%");
  q.query = "cải";
  q.responsible = "văn phòng";
  CHECK(Ids(MustSearch(*a.archive, q)) == std::vector<int64_t>{a.cai});
  q.year = 2024;
  CHECK(Ids(MustSearch(*a.archive, q)).empty());

  for (const char* bad : {"10/3/2026", "2026-3-10", "2026-13-01", "yesterday", "2026-03-10'; --"}) {
    INFO(bad);
    Result<std::vector<SearchHit>> hits = a.archive->Search(Deadlines(bad, std::nullopt));
    REQUIRE_FALSE(hits.ok());
    CHECK(hits.status().code() == Status::Code::kInvalidInput);
  }
}

// The real seeds: their text as the body, their gold header. Unaccented,
// accented and upper-case queries find the same plans.
TEST_CASE("Seed plans are found by unaccented, accented and upper-case queries", "[store][search][seeds]") {
  std::string corpus = vanban::testing::RequireShared("corpus");
  auto archive = OpenFresh();
  std::map<std::string, int64_t> ids;
  for (const std::string& name : vanban::testing::SeedNames()) {
    std::string body = vanban::testing::ReadFile(corpus + "/txt/" + name + ".txt");
    auto gold = nlohmann::json::parse(vanban::testing::ReadFile(corpus + "/gold/" + name + ".json"));
    std::string title = gold["title"].is_string() ? gold["title"].get<std::string>() : "";
    Plan p = MakePlan(corpus + "/txt/" + name + ".txt", "sha-" + name, title, body);
    if (gold["number"].is_string()) p.record.number = F(gold["number"].get<std::string>());
    if (gold["issuer"].is_string()) p.record.issuer = F(gold["issuer"].get<std::string>());
    if (gold["date"].is_string()) p.record.date = F(gold["date"].get<std::string>());
    if (title.empty()) p.record.title.reset();
    ids[name] = MustPut(*archive, p);
  }
  REQUIRE(ids.size() == 5);
  // Seed 001 is an OCR text that lost its diacritics ("cai each hanh chinh",
  // "CAI CACH"): only folding finds it for an accented query, and it ranks
  // after the four accented plans; for the unaccented query it is the one
  // literal (exact) match, which gives it no precedence.
  const int64_t unaccented = ids["001_4fa500642386260b"];
  std::vector<int64_t> accented_plans = {ids["000_b1984531e09ab0e8"], ids["002_c8f5fa6bf13346e2"],
                                         ids["003_bff9b64896aa50d4"], ids["004_e32909d42310c0f5"]};
  std::vector<int64_t> all = accented_plans;
  all.push_back(unaccented);
  std::sort(all.begin(), all.end());
  for (const char* q : {"cai cach hanh chinh", "cải cách hành chính", "CẢI CÁCH"}) {
    INFO(q);
    std::vector<SearchHit> hits = MustSearch(*archive, Words(q));
    std::vector<int64_t> got = Ids(hits);
    std::sort(got.begin(), got.end());
    CHECK(got == all);
    REQUIRE(hits.size() == 5);
    bool accented_query = std::string(q) != "cai cach hanh chinh";
    if (accented_query) {
      CHECK(hits[4].id == unaccented);
      CHECK_FALSE(hits[4].exact);
      for (int i = 0; i < 4; ++i) CHECK(hits[i].exact);
    } else {
      for (const SearchHit& h : hits) CHECK(h.exact == (h.id == unaccented));
    }
    for (const SearchHit& h : hits) CHECK(h.snippet.find('[') != std::string::npos);
  }
  // An issuer filter on top of it.
  SearchQuery q = Words("cai cach");
  q.issuer = "kien thuy";
  CHECK(Ids(MustSearch(*archive, q)) == std::vector<int64_t>{ids["003_bff9b64896aa50d4"]});
}

}  // namespace
}  // namespace vanban::store::testing
