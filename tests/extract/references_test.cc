// Cited documents: real citation sentences → type, number, date, issuer.
#include <catch2/catch.hpp>

#include "extract/parts.h"
#include "tests/extract/test_text.h"

using vanban::Record;
using vanban::testing::At;
using vanban::testing::TextOf;

namespace {

std::vector<std::string> Refs(const std::string& s, const std::string& own_number = "") {
  Record r;
  if (!own_number.empty()) r.number = vanban::Field{own_number, {}};
  vanban::extract::internal::ExtractReferences(TextOf(s), &r);
  std::vector<std::string> out;
  for (const auto& x : r.references)
    out.push_back(x.type + " | " + x.number + " | " + x.date.value_or("null") + " | " +
                  x.issuer.value_or("null"));
  return out;
}

using L = std::vector<std::string>;

}  // namespace

TEST_CASE("references: one citation per sentence", "[extract][references]") {
  struct Row {
    const char* sentence;
    const char* want;
  };
  const Row rows[] = {
      {"Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai về cải cách hành chính;",
       "KH | 381/KH-SGDĐT | 2026-01-16 | Sở GD&ĐT Đồng Nai"},
      // Công văn cited as "Công văn hướng dẫn số:"; the issuer broken over lines.
      {"Căn cứ Công văn hướng dẫn số: 5777/SGDĐT-TrH ngày 20/8/2025 của Sở \n\nGiáo dục và Đào tạo Hải Phòng về việc Hướng dẫn",
       "CV | 5777/SGDĐT-TrH | 2025-08-20 | Sở Giáo dục và Đào tạo Hải Phòng"},
      // Without "số".
      {"Thực hiện Quyết định 280/QĐ-UBND ngày 11/01/2023 của UBND thành phố Hà Nội về việc ban hành Kế hoạch",
       "QĐ | 280/QĐ-UBND | 2023-01-11 | UBND thành phố Hà Nội"},
      // Party numbering "số-kind/issuer", no date.
      {"và Nghị quyết số 03-NQ/TU của Ban Thường vụ Thành ủy về Chuyển đổi số thành phố",
       "NQ | 03-NQ/TU | null | Ban Thường vụ Thành ủy"},
      // An abbreviation defined inside the citation: the short form is kept.
      {"Kế hoạch số 216/KH-UBND ngày 23/9/2021 của Ủy ban nhân dân (UBND) thành \nphố về thực hiện Chương trình",
       "KH | 216/KH-UBND | 2021-09-23 | UBND thành phố"},
      {"Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII “Một số vấn đề”",
       "NQ | 18-NQ/TW | 2017-10-25 | Ban Chấp hành Trung ương Đảng khóa XII"},
      {"Kế hoạch số 43/SGDĐT ngày 17 tháng 01 năm 2024 của Sở Giáo dục và Đào tạo Hải \n\nPhòng, trường THPT",
       "KH | 43/SGDĐT | 2024-01-17 | Sở Giáo dục và Đào tạo Hải Phòng"},
      {"Kế hoạch số 307-KH ngày 09/11/2023 của Ban Thường vụ Thành ủy thực hiện Kết luận",
       "KH | 307-KH | 2023-11-09 | Ban Thường vụ Thành ủy"},
      {"theo Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ, Đề án của Chính phủ",
       "QĐ | 468/QĐ-TTg | 2021-03-27 | Thủ tướng Chính phủ"},
      {"tại Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều",
       "NĐ | 107/2021/NĐ-CP | 2021-12-06 | Chính phủ"},
      {"nghiêm Chỉ thị số 13/CT-TTg ngày 10 tháng 6 năm 2015 của Thủ tướng Chính phủ về việc tăng",
       "CT | 13/CT-TTg | 2015-06-10 | Thủ tướng Chính phủ"},
      {"Kết luận số 50-KL/TW ngày 28/02/2023 của Bộ Chính trị. d) Tiếp tục",
       "KL | 50-KL/TW | 2023-02-28 | Bộ Chính trị"},
      // No issuer phrase: the issuer code of the number names the Government.
      {"quy định tại Nghị định số 286/2025/NĐ-CP ngày 03/11/2025 và các văn bản có liên quan",
       "NĐ | 286/2025/NĐ-CP | 2025-11-03 | Chính phủ"},
      // Unaccented OCR.
      {"Thuc hien Ke hoach sd 07/KH-UBND ngay 15/7/2025 cua UBND tinh ve cai each hanh chinh",
       "KH | 07/KH-UBND | 2025-07-15 | UBND tinh"},
      {"Van ban sd 502/SNV- CCHC&VTLT \nngay 16/7/2025 cua So Ndi vu ve viec xay dung",
       "CV | 502/SNV-CCHC&VTLT | 2025-07-16 | So Ndi vu"},
      {"tai Nghi dinh so 118/2025/ND-CP ngay 09/6/2025 cua Chinh phu, nhat la",
       "NĐ | 118/2025/ND-CP | 2025-06-09 | Chinh phu"},
      // A number with no kind word and no kind code: a công văn.
      {"theo văn bản số 1520/SNV-CCHC ngày 20/02/2026 của Sở Nội vụ về việc báo cáo",
       "CV | 1520/SNV-CCHC | 2026-02-20 | Sở Nội vụ"},
      {"Luật số 80/2015/QH13 ngày 22/6/2015 về ban hành văn bản",
       "L | 80/2015/QH13 | 2015-06-22 | Quốc hội"},
  };
  for (const Row& r : rows) {
    INFO(r.sentence);
    CHECK(Refs(r.sentence) == L{r.want});
  }
}

TEST_CASE("references: lists share their issuer", "[extract][references]") {
  // "A ngày … và B ngày … của X": X issued both.
  CHECK(Refs("theo tinh thần Nghị định số 62/2020/NĐ-CP ngày 01/6/2020 và Nghị định số 106/2020/NĐ-CP "
             "ngày 10/9/2020 của Chính phủ. Xây dựng") ==
        L{"NĐ | 62/2020/NĐ-CP | 2020-06-01 | Chính phủ", "NĐ | 106/2020/NĐ-CP | 2020-09-10 | Chính phủ"});
  // "của X tại A … và B …;": X before the list.
  CHECK(Refs("theo quy định của Thành ủy tại Quyết định số 1841-QĐ/TU ngày 28/10/2021 và Quyết định số "
             "2021-QĐ/TU ngày 22/12/2021; Quyết định số 267-QĐ/HU ngày 23/11/2021 của Huyện ủy Thanh Oai và "
             "Quyết định số 241/QĐ-UBND ngày 14/01/2022 của UBND huyện về Quy định đánh giá") ==
        L{"QĐ | 1841-QĐ/TU | 2021-10-28 | Thành ủy", "QĐ | 2021-QĐ/TU | 2021-12-22 | Thành ủy",
          "QĐ | 267-QĐ/HU | 2021-11-23 | Huyện ủy Thanh Oai", "QĐ | 241/QĐ-UBND | 2022-01-14 | UBND huyện"});
  // A repeated "của HĐND của HĐND Thành phố" (source typo): the fuller body.
  CHECK(Refs("tại Nghị quyết số 21/2022/NQ-HĐND, Nghị quyết số 23/NQ-HĐND ngày 12/9/2022 của HĐND của HĐND "
             "Thành phố và Kế hoạch số 268/KH-UBND ngày 14/10/2022 của UBND Thành phố về việc thực hiện") ==
        L{"NQ | 21/2022/NQ-HĐND | null | HĐND Thành phố", "NQ | 23/NQ-HĐND | 2022-09-12 | HĐND Thành phố",
          "KH | 268/KH-UBND | 2022-10-14 | UBND Thành phố"});
}

TEST_CASE("references: one entry per number; a later mention fills gaps", "[extract][references]") {
  CHECK(Refs("Kế hoạch số 381/KH-SGDĐT của Sở GD&ĐT Đồng Nai. Cụ thể hóa Kế hoạch số 381/KH-SGDĐT ngày "
             "16/01/2026 của Sở GD&ĐT phù hợp với tình hình") ==
        L{"KH | 381/KH-SGDĐT | 2026-01-16 | Sở GD&ĐT Đồng Nai"});
  CHECK(Refs("Kết luận số 50-KL/TW ngày 28/02/2023 của Bộ Chính trị; thực hiện Kết luận số 50-\n\nKL/TW ngày "
             "28/02/2023 của Bộ Chính trị.") == L{"KL | 50-KL/TW | 2023-02-28 | Bộ Chính trị"});
}

TEST_CASE("references: letters no số và ký hiệu uses are OCR dirt", "[extract][references]") {
  // kh_cchc_thpt_hoaloc.scan300: the second mention of Nghị định 118 read
  // "NÑĐ-CP" was a reference of its own.
  CHECK(Refs("Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ; theo Nghị định số 118/2025/ "
             "NÑĐ-CP; công khai") == L{"NĐ | 118/2025/NĐ-CP | 2025-06-09 | Chính phủ"});
  CHECK(Refs("Quyết định số 12/QÐ-UBND ngày 02/01/2025 của UBND tỉnh") ==
        L{"QĐ | 12/QĐ-UBND | 2025-01-02 | UBND tỉnh"});
}

TEST_CASE("references: the document itself is not a reference", "[extract][references]") {
  std::string text =
      "Số: 30/KH-THPTKT\nThực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành\n\f"
      "(Kèm theo Kế hoạch số: 29/KH-THPTKT ngày 25/01/2024 của trường THPT Kiến Thụy)\n";
  CHECK(Refs(text, "30/KH-THPTKT") == L{"NQ | 76/NQ-CP | 2021-07-15 | Chính phủ"});
}

TEST_CASE("references: figures that are not document numbers", "[extract][references]") {
  const char* lines[] = {
      "theo tiêu chuẩn ISO 9001:2015 trong giải quyết TTHC",
      "giai đoạn 2021-2030 và năm học 2025 - 2026",
      "Báo cáo quý I: trước ngày 10/3/2026.",
      "phòng, chống dịch COVID-19 tại đơn vị",
      "khoản 2-Điều 5 của Luật",
      "tỷ lệ 24/7 và 3-5 ngày",
      "- Các tổ c/m (để thực hiện); Phòng GDĐT (để b/c)",
  };
  for (const char* l : lines) {
    INFO(l);
    CHECK(Refs(l).empty());
  }
}

TEST_CASE("references: provenance points at the printed number", "[extract][references]") {
  auto t = TextOf("Dòng đầu\n\fThực hiện Kết luận số 50-\nKL/TW ngày 28/02/2023 của Bộ Chính trị.");
  Record r;
  vanban::extract::internal::ExtractReferences(t, &r);
  REQUIRE(r.references.size() == 1);
  CHECK(r.references[0].number == "50-KL/TW");
  CHECK(r.references[0].where.page == 2);
  CHECK(At(t, r.references[0].where.begin, r.references[0].where.end) == "50-\nKL/TW");
}

TEST_CASE("references: a body right after the date is the issuer even without 'của'", "[extract][references]") {
  CHECK(Refs("Kế hoạch số 455/KH-SGDĐT ngày 25 tháng 7 năm 2025 Sở Giáo dục và Đào tạo Đồng Nai, Trường THPT") ==
        L{"KH | 455/KH-SGDĐT | 2025-07-25 | Sở Giáo dục và Đào tạo Đồng Nai"});
  // After a comma the body is the subject of the next clause, not the issuer.
  CHECK(Refs("Căn cứ Kế hoạch số 43/SGDĐT ngày 17/01/2024, Trường THPT Kiến Thụy xây dựng Kế hoạch") ==
        L{"KH | 43/SGDĐT | 2024-01-17 | null"});
}
