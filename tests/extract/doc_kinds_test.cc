// Kinds of văn bản (Nghị định 30/2020, Phụ lục III) and their codes.
#include <catch2/catch.hpp>

#include "extract/doc_kinds.h"

using namespace vanban::extract::internal;

TEST_CASE("doc kinds: every kind of Phụ lục III by name and by code", "[extract][kinds]") {
  struct Row {
    const char* kind_line;  // as printed under the header
    const char* code;
    const char* name;
  };
  const Row rows[] = {
      {"NGHỊ QUYẾT", "NQ", "Nghị quyết"},       {"QUYẾT ĐỊNH", "QĐ", "Quyết định"},
      {"CHỈ THỊ", "CT", "Chỉ thị"},             {"QUY CHẾ", "QC", "Quy chế"},
      {"QUY ĐỊNH", "QyĐ", "Quy định"},          {"THÔNG CÁO", "TC", "Thông cáo"},
      {"THÔNG BÁO", "TB", "Thông báo"},         {"HƯỚNG DẪN", "HD", "Hướng dẫn"},
      {"CHƯƠNG TRÌNH", "CTr", "Chương trình"},  {"KẾ HOẠCH", "KH", "Kế hoạch"},
      {"PHƯƠNG ÁN", "PA", "Phương án"},         {"ĐỀ ÁN", "ĐA", "Đề án"},
      {"DỰ ÁN", "DA", "Dự án"},                 {"BÁO CÁO", "BC", "Báo cáo"},
      {"BIÊN BẢN", "BB", "Biên bản"},           {"TỜ TRÌNH", "TTr", "Tờ trình"},
      {"HỢP ĐỒNG", "HĐ", "Hợp đồng"},           {"CÔNG ĐIỆN", "CĐ", "Công điện"},
      {"BẢN GHI NHỚ", "GN", "Bản ghi nhớ"},     {"BẢN THỎA THUẬN", "TTh", "Bản thỏa thuận"},
      {"GIẤY ỦY QUYỀN", "UQ", "Giấy ủy quyền"}, {"GIẤY MỜI", "GM", "Giấy mời"},
      {"GIẤY GIỚI THIỆU", "GT", "Giấy giới thiệu"}, {"GIẤY NGHỈ PHÉP", "NP", "Giấy nghỉ phép"},
      {"PHIẾU GỬI", "PG", "Phiếu gửi"},         {"PHIẾU CHUYỂN", "PC", "Phiếu chuyển"},
      {"PHIẾU BÁO", "PB", "Phiếu báo"},
  };
  int administrative = 0;
  for (const DocKind& k : DocKinds()) administrative += k.origin == KindOrigin::kAdministrative;
  CHECK(administrative == 28);  // 27 kinds + công văn
  for (const Row& r : rows) {
    INFO(r.kind_line);
    const DocKind* by_name = KindByName(r.kind_line);
    REQUIRE(by_name != nullptr);
    CHECK(by_name->code == r.code);
    CHECK(by_name->name == r.name);
    const DocKind* by_code = KindByCode(r.code);
    REQUIRE(by_code != nullptr);
    CHECK(by_code->name == r.name);
  }
}

TEST_CASE("doc kinds: names in any case, tone placement or without diacritics", "[extract][kinds]") {
  struct Row {
    const char* text;
    const char* code;
  };
  const Row rows[] = {
      {"Kế hoạch", "KH"},         {"ke hoach", "KH"},       {"KE  HOACH", "KH"},
      {"BẢN THOẢ THUẬN", "TTh"},  {"Giấy uỷ quyền", "UQ"},  {"Công văn", "CV"},
      {"Văn bản", "CV"},          {"Nghị định", "NĐ"},      {"Thông tư", "TT"},
      {"Kết luận", "KL"},         {"Thông tư liên tịch", "TTLT"},
      {"Bản cam kết", "CK"},      {"Giấy đi đường", "ĐĐ"},
  };
  for (const Row& r : rows) {
    INFO(r.text);
    const DocKind* k = KindByName(r.text);
    REQUIRE(k != nullptr);
    CHECK(k->code == r.code);
  }
  CHECK(KindByName("Cải cách hành chính") == nullptr);
  CHECK(KindByName("") == nullptr);
  // Quy định and Quyết định stay apart after folding.
  CHECK(KindByName("QUY ĐỊNH")->code == "QyĐ");
  CHECK(KindByName("QUYẾT ĐỊNH")->code == "QĐ");
}

TEST_CASE("doc kinds: the kind code inside a số và ký hiệu", "[extract][kinds]") {
  struct Row {
    const char* number;
    const char* code;  // "" when the number names no kind (công văn)
  };
  const Row rows[] = {
      {"06/KH-THPTLT", "KH"},    {"118/2025/NĐ-CP", "NĐ"}, {"03-NQ/TU", "NQ"},
      {"307-KH", "KH"},          {"05/BNV-VP", ""},        {"43/SGDĐT", ""},
      {"5777/SGDĐT-TrH", ""},    {"15/QyĐ-UBND", "QyĐ"},   {"12/CTr-UBND", "CTr"},
      {"08/TTr-THCS", "TTr"},    {"118/2025/ND-CP", "NĐ"},  // OCR: Đ printed as D
      {"50-KL/TW", "KL"},        {"13/CT-TTg", "CT"},      {"02/GM-UBND", "GM"},
  };
  for (const Row& r : rows) {
    INFO(r.number);
    CHECK(KindCodeInNumber(r.number) == r.code);
  }
  CHECK(CodeSegments("118/2025/NĐ-CP") == std::vector<std::string>{"NĐ", "CP"});
}
