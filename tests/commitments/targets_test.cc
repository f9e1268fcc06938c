// Targets: real lines → the exact targets they hold.
#include <catch2/catch.hpp>

#include "tests/commitments/seeds.h"

namespace vanban::testing {
namespace {

struct Want {
  const char* text;
  double value;
  const char* unit;
  const char* comparator;
};

struct Case {
  const char* line;
  std::vector<Want> want;
};

TEST_CASE("targets of real plan lines", "[commitments][targets]") {
  const Case cases[] = {
      {"- Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%; 100% TTHC được thực hiện không phụ thuộc vào địa giới "
       "hành chính trong phạm vi cấp tỉnh.",
       {{"Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98%", 98, "%", ">="},
        {"100% TTHC được thực hiện không phụ thuộc vào địa giới hành chính trong phạm vi cấp tỉnh", 100, "%", "="}}},
      // A figure in parentheses keeps the whole sentence (gold 000 notes).
      {"- Rà soát, đề xuất phương án cắt giảm, đơn giản hóa TTHC trên các lĩnh vực quản lý (10% TTHC kiến nghị đơn "
       "giản hóa; giảm tối thiểu 20% thông tin phải khai báo).",
       {{"Rà soát, đề xuất phương án cắt giảm, đơn giản hóa TTHC trên các lĩnh vực quản lý (10% TTHC kiến nghị đơn "
         "giản hóa; giảm tối thiểu 20% thông tin phải khai báo)",
         10, "%", "="},
        {"Rà soát, đề xuất phương án cắt giảm, đơn giản hóa TTHC trên các lĩnh vực quản lý (10% TTHC kiến nghị đơn "
         "giản hóa; giảm tối thiểu 20% thông tin phải khai báo)",
         20, "%", "reduce"}}},
      // Sentence ends split; "trên" is strict.
      {"- Tỷ lệ cung cấp dịch vụ công trực tuyến là 90%. Tỷ lệ hồ sơ trực tuyến ngành GDĐT là trên 95%.",
       {{"Tỷ lệ cung cấp dịch vụ công trực tuyến là 90%", 90, "%", "="},
        {"Tỷ lệ hồ sơ trực tuyến ngành GDĐT là trên 95%", 95, "%", ">"}}},
      {"3. Tỷ lệ hồ sơ TTHC được giải quyết trước và đúng hạn đạt trên 95%; mức độ hài lòng của người dân về giải "
       "quyết TTHC đạt 90% trở lên.",
       {{"Tỷ lệ hồ sơ TTHC được giải quyết trước và đúng hạn đạt trên 95%", 95, "%", ">"},
        {"mức độ hài lòng của người dân về giải quyết TTHC đạt 90% trở lên", 90, "%", ">="}}},
      {"Đến năm 2030, giảm bình quân 15% chi trực tiếp từ ngân sách nhà nước cho đơn vị sự nghiệp công lập.",
       {{"Đến năm 2030, giảm bình quân 15% chi trực tiếp từ ngân sách nhà nước cho đơn vị sự nghiệp công lập", 15, "%",
         "reduce"}}},
      // Two figures in one clause: two targets with the same text.
      {"[bookmark: bookmark23]Phấn đấu 100% TTHC được giải quyết đúng hạn, trong đó phấn đấu 50% số TTHC được trả "
       "trước hạn.",
       {{"Phấn đấu 100% TTHC được giải quyết đúng hạn, trong đó phấn đấu 50% số TTHC được trả trước hạn", 100, "%", "="},
        {"Phấn đấu 100% TTHC được giải quyết đúng hạn, trong đó phấn đấu 50% số TTHC được trả trước hạn", 50, "%",
         "="}}},
      // Counts with a unit need a bound word or a frequency shape.
      {"Tiếp tục tuyên truyền, đảm bảo ít nhất 05 hình thức thông tin (ít nhất 1 tuần/lần).",
       {{"Tiếp tục tuyên truyền, đảm bảo ít nhất 05 hình thức thông tin (ít nhất 1 tuần/lần)", 1, "tuần/lần", ">="},
        {"Tiếp tục tuyên truyền, đảm bảo ít nhất 05 hình thức thông tin (ít nhất 1 tuần/lần)", 5, "hình thức", ">="}}},
      {"4. Phối hợp kiểm tra việc công khai thủ tục hành chính ít nhất 01 lần mỗi học kỳ.",
       {{"Phối hợp kiểm tra việc công khai thủ tục hành chính ít nhất 01 lần mỗi học kỳ", 1, "lần", ">="}}},
      {"- Không quá 5% hồ sơ phải bổ sung.", {{"Không quá 5% hồ sơ phải bổ sung", 5, "%", "<="}}},
      // Not commitments.
      {"tập trung thực hiện đồng bộ 06 nội dung trọng tâm của cải cách hành chính.", {}},
      {"Năm 2025, tỷ lệ hồ sơ đúng hạn đã đạt 97%.", {}},
      {"Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Snippet s = ExtractSnippet(c.line);
    REQUIRE(s.record.targets.size() == c.want.size());
    for (size_t i = 0; i < c.want.size(); ++i) {
      const Target& t = s.record.targets[i];
      CHECK(t.text == c.want[i].text);
      CHECK(t.value == c.want[i].value);
      CHECK(t.unit == c.want[i].unit);
      CHECK(t.comparator == c.want[i].comparator);
      // Provenance points at the clause in the canonical text.
      CHECK(MatchKey(s.text.text.substr(t.where.begin, t.where.end - t.where.begin)) == MatchKey(t.text));
    }
  }
}

TEST_CASE("target subject, year and section", "[commitments][targets]") {
  Snippet s = ExtractSnippet(
      "I. MỤC TIÊU, YÊU CẦU\n"
      "II. NỘI DUNG\n"
      "2. Cải cách thủ tục hành chính\n"
      "2.1. Mục tiêu\n"
      "- 100% TTHC thuộc thẩm quyền giải quyết của trường được rà soát.\n"
      "- Tỷ lệ giải quyết hồ sơ đúng hạn đạt tối thiểu 98% trong năm 2026.\n");
  REQUIRE(s.record.targets.size() == 2);
  const Target& a = s.record.targets[0];
  const Target& b = s.record.targets[1];
  CHECK(a.subject == std::optional<std::string>("TTHC thuộc thẩm quyền giải quyết của trường"));
  CHECK(b.subject == std::optional<std::string>("Tỷ lệ giải quyết hồ sơ đúng hạn"));
  CHECK(!a.year);
  CHECK(b.year == std::optional<int>(2026));
  REQUIRE(a.section >= 0);
  CHECK(s.record.outline[a.section].heading == "2.1. Mục tiêu");
  CHECK(s.record.outline[s.record.outline[a.section].parent].heading == "2. Cải cách thủ tục hành chính");
}

}  // namespace
}  // namespace vanban::testing
