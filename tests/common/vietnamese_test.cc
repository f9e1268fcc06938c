#include "common/vietnamese.h"

#include <catch2/catch.hpp>

namespace vanban {
namespace {

struct Case {
  const char* in;
  const char* want;
};

TEST_CASE("CanonicalTones puts the tone where vanban's convention says", "[vietnamese]") {
  const Case cases[] = {
      {"hoà", "hòa"},        {"thuý", "thúy"},        {"khoẻ", "khỏe"},
      {"CỘNG HOÀ", "CỘNG HÒA"}, {"hoá", "hóa"},        {"Hoà Bình", "Hòa Bình"},
      {"hoàn", "hoàn"},      {"toán", "toán"},        {"quý", "quý"},
      {"già", "già"},        {"gìn", "gìn"},          {"người", "người"},
      {"ngoài", "ngoài"},    {"khuỷu", "khuỷu"},      {"thuở", "thuở"},
      {"Kiến Thụy", "Kiến Thụy"}, {"khoá XII", "khóa XII"}, {"mía", "mía"},
      {"THPT 06/KH-SGDĐT", "THPT 06/KH-SGDĐT"}, {"PAR INDEX", "PAR INDEX"},
      // NFD input comes back NFC.
      {"ho\xcc\x80""a", "hòa"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(CanonicalTones(c.in) == c.want);
  }
}

TEST_CASE("FoldDiacritics strips every mark, maps đ to d and lower-cases", "[vietnamese]") {
  const Case cases[] = {
      {"Cải cách hành chính", "cai cach hanh chinh"},
      {"CẢI CÁCH", "cai cach"},
      {"Đồng Nai", "dong nai"},
      {"SGDĐT", "sgddt"},
      {"hoà", "hoa"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(FoldDiacritics(c.in) == c.want);
  }
}

TEST_CASE("HasVietnameseMarks tells accented from plain text", "[vietnamese]") {
  CHECK(HasVietnameseMarks("cải"));
  CHECK(HasVietnameseMarks("đi"));
  CHECK_FALSE(HasVietnameseMarks("cai cach"));
  CHECK_FALSE(HasVietnameseMarks("PAR INDEX 2025"));
}

}  // namespace
}  // namespace vanban
