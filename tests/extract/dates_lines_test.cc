// Dates and lines: the small helpers every extractor leans on.
#include <catch2/catch.hpp>

#include "extract/dates.h"
#include "extract/lines.h"

using vanban::extract::internal::FindDates;
using vanban::extract::internal::ParseDate;

TEST_CASE("dates: real lines give ISO dates", "[extract][dates]") {
  struct Row {
    const char* line;
    const char* iso;
  };
  const Row rows[] = {
      {"Lộc Ninh, ngày 02 tháng 02 năm 2026", "2026-02-02"},
      {"Bình Minh, ngày 9 tháng 02 năm 2023", "2023-02-09"},
      {"Hải Phòng, ngày 25 tháng 01 năm 2024", "2024-01-25"},
      {"Kế hoạch số 43/SGDĐT ngày 17 tháng 01 năm 2024 của Sở", "2024-01-17"},
      {"so 455/KH-SGDDT ngay 25 thang 7 nam 2025 Sd Giao due", "2025-07-25"},
      {"Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai", "2026-01-16"},
      {"+ Báo cáo quý I: trước ngày 10/3/2026.", "2026-03-10"},
      {"Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ", "2025-06-09"},
      {"(Kèm theo Kế hoạch số: 29/KH-THPTKT ngày 25/01/2024 của trường)", "2024-01-25"},
      {"HÀ NỘI, NGÀY 5 THÁNG 3 NĂM 2024", "2024-03-05"},
      {"Ngày 29-12-2023", "2023-12-29"},
  };
  for (const Row& r : rows) {
    INFO(r.line);
    auto iso = ParseDate(r.line);
    REQUIRE(iso.has_value());
    CHECK(*iso == r.iso);
  }
}

TEST_CASE("dates: numbers and ranges are not dates", "[extract][dates]") {
  const char* lines[] = {
      "Nghị định số 118/2025/NĐ-CP của Chính phủ",
      "giai đoạn 2021-2025",
      "Nghị quyết số 21/2022/NQ-HĐND",
      "ngày 31/02/2024",   // no such day
      "ngày 10/13/2024",   // no month 13
      "năm học 2025 - 2026",
      "10/3-2026",         // mixed separators
  };
  for (const char* l : lines) {
    INFO(l);
    CHECK_FALSE(ParseDate(l).has_value());
  }
}

TEST_CASE("dates: every date of a sentence, with offsets", "[extract][dates]") {
  std::string s = "Nghị quyết số 18-NQ/TW ngày 25/10/2017 và Kết luận 62-KL/TW ngày 02 tháng 10 năm 2023";
  auto all = FindDates(s);
  REQUIRE(all.size() == 2);
  CHECK(all[0].iso == "2017-10-25");
  CHECK(s.substr(all[0].begin, all[0].end - all[0].begin) == "25/10/2017");
  CHECK(all[1].iso == "2023-10-02");
  CHECK(s.substr(all[1].begin, all[1].end - all[1].begin) == "ngày 02 tháng 10 năm 2023");
}

TEST_CASE("lines: trimmed text, offsets and pages", "[extract][lines]") {
  vanban::NormalizedText t;
  t.text = "  KẾ HOẠCH \n\nCải cách\fHIỆU TRƯỞNG\u00a0\n";
  size_t ff = t.text.find('\f');
  t.pages = {{1, 0, ff, false}, {2, ff + 1, t.text.size(), false}};
  auto lines = vanban::extract::internal::SplitLines(t);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].text == "KẾ HOẠCH");
  CHECK(t.text.substr(lines[0].begin, lines[0].end - lines[0].begin) == "KẾ HOẠCH");
  CHECK(lines[0].page == 1);
  CHECK(lines[1].blank());
  CHECK(lines[2].text == "Cải cách");
  CHECK(lines[3].text == "HIỆU TRƯỞNG");
  CHECK(lines[3].page == 2);
  CHECK(lines[4].blank());
}

TEST_CASE("lines: apostrophes OCR glued to words are dropped, quotations kept", "[extract][lines]") {
  struct Case {
    const char* in;
    const char* want;
  };
  const Case cases[] = {
      {"Nhu' trên", "Nhu trên"},
      {"Trường THPT' Hòa Lộc", "Trường THPT Hòa Lộc"},
      {"Lưu\u2019 VT", "Lưu VT"},
      {"Ngày hội 'Sách' năm 2026", "Ngày hội 'Sách' năm 2026"},
      {"Không có gì", "Không có gì"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(vanban::extract::internal::DropGluedApostrophes(c.in) == c.want);
  }
}
