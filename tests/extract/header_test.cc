// Header block: kind, number, issuing bodies, place and date, trích yếu.
// Each case is the head of a real plan as one extraction or another gives it.
#include <catch2/catch.hpp>

#include "extract/parts.h"
#include "tests/extract/test_text.h"

using vanban::Record;
using vanban::testing::At;
using vanban::testing::TextOf;

namespace {

Record Header(const vanban::NormalizedText& t) {
  Record r;
  vanban::extract::internal::ExtractHeader(t, &r);
  return r;
}

std::string V(const std::optional<vanban::Field>& f) { return f ? f->value : "<null>"; }

}  // namespace

TEST_CASE("header: two columns given one after the other", "[extract][header]") {
  auto t = TextOf(
      " SỞ GIÁO DỤC VÀ ĐÀO TẠO \n\nTRƯỜNG THPT KIẾN THỤY \n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n\n"
      "Độc lập - Tự do - Hạnh phúc \n\n \nSố: 30/KH-THPTKT \n\n \nHải Phòng, ngày 25 tháng 01 năm 2024 \n\n"
      "KẾ HOẠCH \n\nCông tác Cải cách hành chính nhà nước  \n\nnăm 2024  trường THPT Kiến Thụy \n \n\n"
      "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành \n");
  Record r = Header(t);
  CHECK(V(r.doc_type) == "KH");
  CHECK(V(r.doc_kind_name) == "Kế hoạch");
  CHECK(V(r.number) == "30/KH-THPTKT");
  CHECK(V(r.parent_issuer) == "Sở Giáo dục và Đào tạo");
  CHECK(V(r.issuer) == "Trường THPT Kiến Thụy");
  CHECK(V(r.place) == "Hải Phòng");
  CHECK(V(r.date) == "2024-01-25");
  CHECK(V(r.title) == "Công tác Cải cách hành chính nhà nước năm 2024 trường THPT Kiến Thụy");
  // Provenance: the bytes as printed.
  CHECK(At(t, r.number->where.begin, r.number->where.end) == "30/KH-THPTKT");
  CHECK(At(t, r.issuer->where.begin, r.issuer->where.end) == "TRƯỜNG THPT KIẾN THỤY");
  CHECK(At(t, r.date->where.begin, r.date->where.end) == "ngày 25 tháng 01 năm 2024");
  CHECK(At(t, r.place->where.begin, r.place->where.end) == "Hải Phòng");
  CHECK(r.number->where.page == 1);
}

TEST_CASE("header: columns merged on one line", "[extract][header]") {
  auto t = TextOf(
      "UBND TỈNH ĐỒNG NAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO Độc lập - Tự do - Hạnh phúc\n"
      "Số: 381/KH-SGDĐT Đồng Nai, ngày 16 tháng 01 năm 2026\n"
      "KẾ HOẠCH\n"
      "Cải cách hành chính ngành Giáo dục và Đào tạo năm 2026\n"
      "Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;\n");
  Record r = Header(t);
  CHECK(V(r.parent_issuer) == "UBND tỉnh Đồng Nai");
  CHECK(V(r.issuer) == "Sở Giáo dục và Đào tạo");
  CHECK(V(r.number) == "381/KH-SGDĐT");
  CHECK(V(r.place) == "Đồng Nai");
  CHECK(V(r.date) == "2026-01-16");
  CHECK(V(r.title) == "Cải cách hành chính ngành Giáo dục và Đào tạo năm 2026");
}

TEST_CASE("header: công văn with V/v and no kind line", "[extract][header]") {
  auto t = TextOf(
      "UBND TỈNH ĐỒNG THÁP\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nSố: 215/SGDĐT-VP\nĐồng Tháp, ngày 27 tháng 02 năm 2026\n"
      "V/v báo cáo kết quả thực hiện công\ntác cải cách hành chính quý I năm\n2026\n"
      "Kính gửi: - Hiệu trưởng các trường trung học phổ thông;\n");
  Record r = Header(t);
  CHECK(V(r.doc_type) == "CV");
  CHECK(V(r.doc_kind_name) == "Công văn");
  CHECK(V(r.number) == "215/SGDĐT-VP");
  CHECK(V(r.issuer) == "Sở Giáo dục và Đào tạo");
  CHECK(V(r.parent_issuer) == "UBND tỉnh Đồng Tháp");
  CHECK(V(r.date) == "2026-02-27");
  CHECK(V(r.title) == "báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026");
}

TEST_CASE("header: text that starts at the kind line", "[extract][header]") {
  // A plan copied from a Word file: no header block; the issuer is the
  // subject of the sentence that introduces the plan.
  auto t = TextOf(
      " KẾ HOẠCH \n\nThực hiện công tác cải cách hành chính năm học 2025-2026 \n\n \n\n"
      "Căn cứ Công văn hướng dẫn số: 5777/SGDĐT-TrH ngày 20/8/2025 của Sở \n\n"
      "Giáo dục và Đào tạo Hải Phòng về việc Hướng dẫn thực hiện nhiệm vụ Giáo dục \n\n"
      "trung học  năm học 2025 – 2026; \n\nTrường THCS Tiên Cường xây dựng Kế hoạch Cải cách hành chính năm học \n\n"
      "2025-2026 cụ thể như sau: \n\nI. MỤC TIÊU, YÊU CẦU \n");
  Record r = Header(t);
  CHECK(V(r.doc_type) == "KH");
  CHECK(V(r.number) == "<null>");
  CHECK(V(r.date) == "<null>");
  CHECK(V(r.place) == "<null>");
  CHECK(V(r.parent_issuer) == "<null>");
  CHECK(V(r.issuer) == "Trường THCS Tiên Cường");
  // "Thực hiện công tác …" is the title; "Thực hiện Kế hoạch số …" would be the body.
  CHECK(V(r.title) == "Thực hiện công tác cải cách hành chính năm học 2025-2026");
}

TEST_CASE("header: the issuer is the subject of its clause, not a cited body", "[extract][header]") {
  auto t = TextOf(
      "KẾ HOẠCH\nCải cách hành chính nhà nước năm 2023\n"
      "Thực hiện Quyết định 280/QĐ-UBND ngày 11/01/2023 của UBND thành phố Hà Nội về việc ban hành Kế hoạch Cải cách hành chính.\n"
      "Trường THCS Bình Minh xây dựng Kế hoạch Cải cách hành chính nhà nước năm 2023 như sau:\n");
  CHECK(V(Header(t).issuer) == "Trường THCS Bình Minh");
}

TEST_CASE("header: number and date from the annex heading when the header is lost", "[extract][header]") {
  auto t = TextOf(
      "- Nham day manh cong tac cai each hanh chinh\n\fDANH MUC NHIEM VU\n"
      "(Ban hanh kem theo Ke hoach so: 38/KH-THPTLN ngay 20/08/2025 cua Truong THPT Loc Ninh)\n");
  Record r = Header(t);
  CHECK(V(r.number) == "38/KH-THPTLN");
  CHECK(V(r.date) == "2025-08-20");
  CHECK(V(r.doc_type) == "KH");
  CHECK(V(r.place) == "<null>");
  CHECK(V(r.title) == "<null>");
  CHECK(r.number->where.page == 2);
}

TEST_CASE("header: the header's number wins over a conflicting annex heading", "[extract][header]") {
  auto t = TextOf(
      "TRƯỜNG THPT KIẾN THỤY\nSố: 30/KH-THPTKT\nHải Phòng, ngày 25 tháng 01 năm 2024\nKẾ HOẠCH\n"
      "Công tác Cải cách hành chính\nThực hiện Nghị quyết số 76/NQ-CP;\n\f"
      "(Kèm theo Kế hoạch số: 29/KH-THPTKT ngày 25/01/2024 của trường THPT Kiến Thụy)\n");
  Record r = Header(t);
  CHECK(V(r.number) == "30/KH-THPTKT");
  CHECK(V(r.issuer) == "Trường THPT Kiến Thụy");
  CHECK(V(r.parent_issuer) == "<null>");
}

TEST_CASE("header: số và ký hiệu as printed", "[extract][header]") {
  struct Row {
    const char* line;
    const char* number;
  };
  const Row rows[] = {
      {"Số: 06/KH-THPTLT", "06/KH-THPTLT"},
      {"Số 06/KH-THPTLT", "06/KH-THPTLT"},
      {"Số:06/KH-THPTLT", "06/KH-THPTLT"},
      {"SỐ: 118/2025/NĐ-CP", "118/2025/NĐ-CP"},
      {"Số: 03-NQ/TU", "03-NQ/TU"},
      {"Số: 05/BNV-VP", "05/BNV-VP"},
      {"So: 12/QĐ-THCS", "12/QĐ-THCS"},  // OCR without diacritics
      {"Số: 15/QyĐ-UBND", "15/QyĐ-UBND"},
      {"Số: 502/SNV- CCHC&VTLT", "502/SNV-CCHC&VTLT"},  // space after the hyphen removed
  };
  for (const Row& row : rows) {
    INFO(row.line);
    auto t = TextOf(std::string("TRƯỜNG THCS AN BÌNH\n") + row.line + "\nAn Bình, ngày 9 tháng 02 năm 2023\n");
    Record r = Header(t);
    CHECK(V(r.number) == row.number);
    CHECK(V(r.date) == "2023-02-09");
    CHECK(V(r.place) == "An Bình");
  }
}

TEST_CASE("header: doc_type from the number when no kind line is printed", "[extract][header]") {
  struct Row {
    const char* number_line;
    const char* doc_type;
  };
  const Row rows[] = {
      {"Số: 06/KH-THPTLT", "KH"}, {"Số: 12/QĐ-THCS", "QĐ"},   {"Số: 05/BNV-VP", "CV"},
      {"Số: 08/TTr-UBND", "TTr"}, {"Số: 03/BC-THCS", "BC"},   {"Số: 09/TB-UBND", "TB"},
  };
  for (const Row& row : rows) {
    INFO(row.number_line);
    auto t = TextOf(std::string("UBND HUYỆN THANH OAI\n") + row.number_line + "\n");
    CHECK(V(Header(t).doc_type) == row.doc_type);
  }
}

TEST_CASE("header: every kind line gives its code and the title under it", "[extract][header]") {
  struct Row {
    const char* kind_line;
    const char* code;
  };
  const Row rows[] = {{"QUYẾT ĐỊNH", "QĐ"}, {"BÁO CÁO", "BC"}, {"THÔNG BÁO", "TB"},
                      {"TỜ TRÌNH", "TTr"}, {"CHƯƠNG TRÌNH", "CTr"}, {"QUY ĐỊNH", "QyĐ"},
                      {"GIẤY MỜI", "GM"}, {"KẾ HOẠCH", "KH"}, {"PHƯƠNG ÁN", "PA"}};
  for (const Row& row : rows) {
    INFO(row.kind_line);
    auto t = TextOf(std::string("TRƯỜNG THPT BÌNH ĐIỀN\n") + row.kind_line +
                    "\nVề việc thành lập Tổ công tác cải cách hành chính\nnăm học 2025-2026\n"
                    "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;\n");
    Record r = Header(t);
    CHECK(V(r.doc_type) == row.code);
    CHECK(V(r.title) == "Về việc thành lập Tổ công tác cải cách hành chính năm học 2025-2026");
    CHECK(V(r.issuer) == "Trường THPT Bình Điền");
  }
}

TEST_CASE("header: the national motto is never an issuer", "[extract][header]") {
  auto t = TextOf(
      "\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n          \n"
      "Bình Minh, ngày 9 tháng 02 năm 2023\n\nKẾ HOẠCH\nCải cách hành chính nhà nước năm 2023\n\n"
      "Thực hiện Kế hoạch số 32/KH-UBND ngày 31/01/2023 của UBND huyện Thanh Oai;\n");
  Record r = Header(t);
  CHECK(V(r.issuer) == "<null>");
  CHECK(V(r.parent_issuer) == "<null>");
  CHECK(V(r.place) == "Bình Minh");
  CHECK(V(r.date) == "2023-02-09");
  CHECK(V(r.title) == "Cải cách hành chính nhà nước năm 2023");
}

TEST_CASE("header: bad input gives an empty header, never a crash", "[extract][header][bad]") {
  const char* inputs[] = {"", "   \n\n\f\n", "Số:", "KẾ HOẠCH", "\xff\xfe\x00garbage",
                          "ngày 31 tháng 02 năm 2024"};
  for (const char* in : inputs) {
    INFO(in);
    Record r = Header(TextOf(in));
    CHECK_FALSE(r.number.has_value());
    CHECK_FALSE(r.date.has_value());
    CHECK_FALSE(r.issuer.has_value());
  }
  std::string big(200000, 'a');
  Record r = Header(TextOf(big));
  CHECK_FALSE(r.title.has_value());
}

TEST_CASE("header: kind and title in capitals", "[extract][header]") {
  // Kind and title on one line.
  auto t1 = TextOf("TRƯỜNG THCS AN BÌNH\nSố: 05/KH-THAB\nKẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026\n"
                   "Căn cứ Kế hoạch số 27/KH-UBND ngày 22/01/2026 của UBND phường An Bình;\n");
  Record r1 = Header(t1);
  CHECK(V(r1.doc_type) == "KH");
  CHECK(V(r1.title) == "CẢI CÁCH HÀNH CHÍNH NĂM 2026");
  // A title in capitals wrapped over two lines; the Quyết định's authority
  // line under it is not part of it.
  auto t2 = TextOf("TRƯỜNG THPT BÌNH ĐIỀN\nQUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\nCẢI CÁCH HÀNH CHÍNH\n"
                   "HIỆU TRƯỞNG TRƯỜNG THPT BÌNH ĐIỀN\nCăn cứ Điều lệ trường trung học;\n");
  Record r2 = Header(t2);
  CHECK(V(r2.doc_type) == "QĐ");
  CHECK(V(r2.title) == "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH");
}

TEST_CASE("header: Party document header", "[extract][header]") {
  auto t = TextOf("ĐẢNG BỘ TỈNH ĐỒNG NAI\nCHI BỘ TRƯỜNG THPT LỘC NINH ĐẢNG CỘNG SẢN VIỆT NAM\n*\n"
                  "Số 03-NQ/CB Lộc Ninh, ngày 05 tháng 3 năm 2025\nNGHỊ QUYẾT\nvề công tác cải cách hành chính\n"
                  "Căn cứ Điều lệ Đảng;\n");
  Record r = Header(t);
  CHECK(V(r.parent_issuer) == "Đảng bộ tỉnh Đồng Nai");
  CHECK(V(r.issuer) == "Chi bộ Trường THPT Lộc Ninh");
  CHECK(V(r.number) == "03-NQ/CB");
  CHECK(V(r.doc_type) == "NQ");
  CHECK(V(r.place) == "Lộc Ninh");
  CHECK(V(r.date) == "2025-03-05");
  CHECK(V(r.title) == "về công tác cải cách hành chính");
}

TEST_CASE("header: a space before the number's slash", "[extract][header]") {
  auto t = TextOf("UBND HUYỆN THANH OAI\nSố: 12 /QĐ-UBND\n");
  CHECK(V(Header(t).number) == "12/QĐ-UBND");
}

TEST_CASE("header: only the date line gives the issue date", "[extract][header]") {
  // No kind line: the header block runs until "Kính gửi"; a date inside a
  // sentence is not the issue date.
  auto t = TextOf("UBND HUYỆN THANH OAI\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\nSố: 73/PGDĐT-VP\n"
                  "V/v triển khai kế hoạch cải cách hành chính\nKính gửi: Hiệu trưởng các trường THCS\n"
                  "Ngày 06/02/2023, Phòng Giáo dục và Đào tạo đã ban hành Kế hoạch số 73/KH-UBND.\n");
  Record r = Header(t);
  CHECK(V(r.doc_type) == "CV");
  CHECK(V(r.number) == "73/PGDĐT-VP");
  CHECK(V(r.title) == "triển khai kế hoạch cải cách hành chính");
  CHECK(V(r.issuer) == "Phòng Giáo dục và Đào tạo");
  CHECK(V(r.parent_issuer) == "UBND huyện Thanh Oai");
  CHECK(V(r.date) == "<null>");
  // A date line without a place.
  auto t2 = TextOf("TRƯỜNG THCS AN BÌNH\nSố: 05/KH-THAB\nngày 09 tháng 02 năm 2026\nKẾ HOẠCH\nTuyên truyền\n");
  Record r2 = Header(t2);
  CHECK(V(r2.date) == "2026-02-09");
  CHECK(V(r2.place) == "<null>");
}
