// Issuing bodies and names from capitals to the case the archive stores.
#include <catch2/catch.hpp>

#include "extract/names.h"

using namespace vanban::extract::internal;

TEST_CASE("names: issuing bodies from the header's capitals", "[extract][names]") {
  struct Row {
    const char* printed;
    const char* stored;
  };
  const Row rows[] = {
      {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"},
      {"TRƯỜNG THPT KIẾN THỤY", "Trường THPT Kiến Thụy"},
      {"UBND TỈNH ĐỒNG THÁP", "UBND tỉnh Đồng Tháp"},
      {"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Ủy ban nhân dân thành phố Hải Phòng"},
      {"PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THANH OAI", "Phòng Giáo dục và Đào tạo huyện Thanh Oai"},
      {"TRƯỜNG THCS TIÊN CƯỜNG", "Trường THCS Tiên Cường"},
      {"TRƯỜNG TIỂU HỌC AN BÌNH", "Trường Tiểu học An Bình"},
      {"UBND PHƯỜNG AN BÌNH", "UBND phường An Bình"},
      {"SỞ NỘI VỤ", "Sở Nội vụ"},
      {"PHÒNG GD&ĐT HUYỆN LỘC NINH", "Phòng GD&ĐT huyện Lộc Ninh"},
      // Already in sentence case: kept as printed.
      {"Trường THPT Lộc Thái", "Trường THPT Lộc Thái"},
  };
  for (const Row& r : rows) {
    INFO(r.printed);
    CHECK(BodyCase(r.printed) == r.stored);
  }
}

TEST_CASE("names: signers' names", "[extract][names]") {
  CHECK(NameCase("ĐÀO THẾ ANH") == "Đào Thế Anh");
  CHECK(NameCase("NGUYỄN VĂN HÃNH") == "Nguyễn Văn Hãnh");
  CHECK(NameCase("Vi Hữu Tài") == "Vi Hữu Tài");
  CHECK(IsFamilyName("Vi"));
  CHECK(IsFamilyName("NGUYỄN"));
  CHECK_FALSE(IsFamilyName("Ban"));
}

TEST_CASE("names: capitals and acronyms", "[extract][names]") {
  CHECK(IsCapitals("KT. HIỆU TRƯỞNG"));
  CHECK(IsCapitals("HIỆU TRƯỞNG"));
  CHECK_FALSE(IsCapitals("Hiệu trưởng"));
  CHECK_FALSE(IsCapitals("TRUdNG"));  // OCR fragment
  CHECK_FALSE(IsCapitals("2026"));
  for (const char* a : {"THPT", "THCS", "UBND", "HĐND", "GD&ĐT", "GDĐT"}) {
    INFO(a);
    CHECK(IsAcronym(a));
  }
  for (const char* w : {"KIẾN", "THỤY", "SỞ", "TRƯỜNG"}) {
    INFO(w);
    CHECK_FALSE(IsAcronym(w));
  }
}
