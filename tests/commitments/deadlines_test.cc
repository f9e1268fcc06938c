// Deadlines and schedules: real lines → exact values.
#include <catch2/catch.hpp>

#include "tests/commitments/seeds.h"

namespace vanban::testing {
namespace {

struct Want {
  const char* text;
  const char* date;
  const char* what;
};

struct Case {
  const char* line;
  std::vector<Want> want;
};

TEST_CASE("deadlines of real plan lines", "[commitments][deadlines]") {
  const Case cases[] = {
      {"- + Báo cáo quý I: **trước ngày 10/3/2026.**",
       {{"Báo cáo quý I: trước ngày 10/3/2026", "2026-03-10", "Báo cáo quý I"}}},
      {"Báo cáo quý II: Gửi trước ngày 01/06/2023;",
       {{"Báo cáo quý II: Gửi trước ngày 01/06/2023", "2023-06-01", "Báo cáo quý II"}}},
      // The dated duty starts at its verb, after "và".
      {"Căn cứ các chỉ tiêu, nhiệm vụ ban hành Kế hoạch CCHC năm 2023 của nhà trường đảm bảo đúng tiến độ, có chỉ "
       "tiêu nhiệm vụ rõ ràng và gửi Kế hoạch về Phòng GDĐT (đ/c Phúc) trước ngày 25/02/2023.",
       {{"gửi Kế hoạch về Phòng GDĐT (đ/c Phúc) trước ngày 25/02/2023", "2023-02-25",
         "gửi Kế hoạch về Phòng GDĐT (đ/c Phúc)"}}},
      // "và" inside a name does not cut.
      {"+ Báo cáo cải cách hành chính quý III năm 2025 gửi về Văn phòng Sở Giáo dục và Đào tạo trước ngày "
       "10/9/2025;",
       {{"Báo cáo cải cách hành chính quý III năm 2025 gửi về Văn phòng Sở Giáo dục và Đào tạo trước ngày 10/9/2025",
         "2025-09-10", "Báo cáo cải cách hành chính quý III năm 2025 gửi về Văn phòng Sở Giáo dục và Đào tạo"}}},
      {"- Nộp hồ sơ chậm nhất ngày 15 tháng 3 năm 2024.",
       {{"Nộp hồ sơ chậm nhất ngày 15 tháng 3 năm 2024", "2024-03-15", "Nộp hồ sơ"}}},
      // Dates that are not deadlines.
      {"Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai;", {}},
      {"Lộc Ninh, ngày 02 tháng 02 năm 2026", {}},
      {"- Số liệu báo cáo tính từ ngày 15/12/2025 đến hết ngày 14/3/2026.", {}},
      {"- Báo cáo trước ngày 31/02/2026.", {}},  // no such day
  };
  for (const Case& c : cases) {
    INFO(c.line);
    Snippet s = ExtractSnippet(c.line);
    REQUIRE(s.record.deadlines.size() == c.want.size());
    for (size_t i = 0; i < c.want.size(); ++i) {
      CHECK(s.record.deadlines[i].text == c.want[i].text);
      CHECK(s.record.deadlines[i].date == c.want[i].date);
      CHECK(s.record.deadlines[i].what == c.want[i].what);
    }
  }
}

struct ScheduleCase {
  const char* line;
  const char* period;  // "" = no schedule
  int day;             // 0 = none
};

TEST_CASE("recurring schedules are not deadlines", "[commitments][deadlines]") {
  const ScheduleCase cases[] = {
      {"- Định kỳ (quý I, 06 tháng, quý III, năm) hoặc đột xuất báo cáo kết quả thực hiện cải cách hành chính.",
       "quarterly", 0},
      {"Tổ chức thực hiện các nhiệm vụ và định kỳ hằng tháng báo cáo kết quả thực hiện nhiệm vụ.", "monthly", 0},
      {"- Các tổ gửi báo cáo trước ngày 25 hằng tháng.", "monthly", 25},
      {"Báo cáo định kỳ 6 tháng và năm gửi Phòng GDĐT.", "half-yearly", 0},
      {"Theo dõi, cập nhật và công khai hằng tháng kết quả giải quyết TTHC.", "monthly", 0},
      {"Bố trí trong dự toán ngân sách hằng năm.", "", 0},  // no duty: not a schedule
  };
  for (const ScheduleCase& c : cases) {
    INFO(c.line);
    Snippet s = ExtractSnippet(c.line);
    CHECK(s.record.deadlines.empty());
    if (c.period[0] == '\0') {
      CHECK(s.record.schedules.empty());
      continue;
    }
    REQUIRE(s.record.schedules.size() == 1);
    CHECK(s.record.schedules[0].period == c.period);
    CHECK(s.record.schedules[0].day.value_or(0) == c.day);
  }
}

TEST_CASE("responsibilities: unit → duties in Tổ chức thực hiện", "[commitments][responsibilities]") {
  Snippet s = ExtractSnippet(
      "I. MỤC TIÊU\n"
      "1. Ban giám hiệu – Chủ trì xây dựng kế hoạch.\n"
      "II. TỔ CHỨC THỰC HIỆN\n"
      "1. Ban giám hiệu – Chủ trì tham mưu các nhiệm vụ cải cách hành chính.\n"
      "- Tổ chức tập huấn cải cách hành chính trong nội bộ đơn vị.\n"
      "2. Trách nhiệm của Hiệu trưởng.\n"
      "Căn cứ các chỉ tiêu ban hành Kế hoạch CCHC.\n"
      "3. Văn phòng\n"
      "- Tham mưu xây dựng Kế hoạch.\n"
      "- Phối hợp đăng tải danh mục dịch vụ công.\n"
      "Trên đây là Kế hoạch.\n");
  const auto& r = s.record.responsibilities;
  REQUIRE(r.size() == 3);
  CHECK(r[0].unit == "Ban giám hiệu");
  CHECK(r[0].duties ==
        "Chủ trì tham mưu các nhiệm vụ cải cách hành chính.\nTổ chức tập huấn cải cách hành chính trong nội bộ đơn vị.");
  CHECK(r[1].unit == "Hiệu trưởng");
  CHECK(r[1].duties == "Căn cứ các chỉ tiêu ban hành Kế hoạch CCHC.");
  CHECK(r[2].unit == "Văn phòng");
  CHECK(r[2].duties == "Tham mưu xây dựng Kế hoạch.\nPhối hợp đăng tải danh mục dịch vụ công.");
}

TEST_CASE("responsibilities from bullets when the part has no khoản", "[commitments][responsibilities]") {
  Snippet s = ExtractSnippet(
      "I. MỤC TIÊU\n"
      "III.TỔ CHỨC THỰC HIỆN\n"
      "- Xây dụng Kế hoạch CCHC năm học 2025 - 2026 của đơn vị.\n"
      "- Hiệu trưởng nhà trường có trách nhiệm triển khai, tổ chức kiểm tra đôn đốc.\n");
  REQUIRE(s.record.responsibilities.size() == 1);
  CHECK(s.record.responsibilities[0].unit == "Hiệu trưởng nhà trường");
  CHECK(s.record.responsibilities[0].duties == "Hiệu trưởng nhà trường có trách nhiệm triển khai, tổ chức kiểm tra đôn đốc.");
}

}  // namespace
}  // namespace vanban::testing
