// Legacy Vietnamese font encodings read as Latin-1 (normalize/legacy.h). The
// encoded sentences were typed here from the TCVN3 and VNI tables, letter by
// letter, not produced by the code under test.
#include "normalize/legacy.h"

#include <catch2/catch.hpp>

#include "common/vietnamese.h"

namespace vanban::normalize::internal {
namespace {

struct Case {
  const char* in;
  const char* want;  // after conversion and CanonicalTones
};

TEST_CASE("TCVN3 (ABC) text is converted to Unicode", "[normalize][legacy]") {
  const Case cases[] = {
      {"Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
      {"§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"},
      // A plan's opening line: ư is byte 0xAD (U+00AD), ơ 0xAC.
      {"Thùc hiÖn KÕ ho¹ch sè 381/KH-SGD§T ngµy 16/01/2026 cña Së GD&§T vÒ c¶i c¸ch "
       "hµnh chÝnh; tr\u00ADêng THPT ban hµnh KÕ ho¹ch n¨m 2026.",
       "Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT về cải cách "
       "hành chính; trường THPT ban hành Kế hoạch năm 2026."},
      // The soft hyphen (ư) lost by a converter: "ơng"/"ơc" need it back.
      {"tr\u00ADëng", "trưởng"},
      {"trëng", "trưởng"},
      {"n\u00ADíc", "nước"},
      {"níc", "nước"},
      {"víi", "với"},  // "ơi" is a rhyme of its own: nothing added
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(DetectLegacyEncoding(std::string(c.in) + " Céng hoµ x· héi chñ nghÜa ViÖt Nam") ==
          LegacyEncoding::kTcvn3);
    CHECK(CanonicalTones(Tcvn3ToUnicode(c.in)) == c.want);
  }
}

TEST_CASE("VNI text is converted to Unicode", "[normalize][legacy]") {
  const Case cases[] = {
      {"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
      {"Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"},
      {"Tröôøng THPT Loäc Thaùi ban haønh Keá hoaïch caûi caùch haønh chính naêm 2026.",
       "Trường THPT Lộc Thái ban hành Kế hoạch cải cách hành chính năm 2026."},
      {"ñöôïc nhöõng Chæ thò Myõ", "được những Chỉ thị Mỹ"},
      {"KEÁ HOAÏCH", "KẾ HOẠCH"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(DetectLegacyEncoding(std::string(c.in) + " Coäng hoøa xaõ") == LegacyEncoding::kVni);
    CHECK(CanonicalTones(VniToUnicode(c.in)) == c.want);
  }
}

TEST_CASE("Unicode text and plain ASCII are not taken for legacy", "[normalize][legacy]") {
  const char* texts[] = {
      "Cộng hòa xã hội chủ nghĩa Việt Nam",
      "Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai",
      "Nham day manh cong tac cai each hanh chinh",  // seed 001, unaccented
      "Café, résumé, naïve — a French word or two",
      "© 2024 § 3",
      "",
  };
  for (const char* t : texts) {
    INFO(t);
    CHECK(DetectLegacyEncoding(t) == LegacyEncoding::kNone);
    CHECK(ConvertLegacy(t) == t);
  }
}

TEST_CASE("Short TCVN3 text is detected by its mid-word capitals", "[normalize][legacy]") {
  // Only two symbol clues (µ ·); "nghÜa" and "ViÖt" carry capitals after a
  // lower-case letter, which Vietnamese and Western text never have.
  CHECK(DetectLegacyEncoding("Céng hoµ x· héi chñ nghÜa ViÖt Nam") == LegacyEncoding::kTcvn3);
  CHECK(DetectLegacyEncoding("Céng hoµ x· héi") == LegacyEncoding::kNone);  // too few clues
}

TEST_CASE("ConvertLegacy reports what it detected", "[normalize][legacy]") {
  LegacyEncoding e = LegacyEncoding::kNone;
  CHECK(CanonicalTones(ConvertLegacy("KÕ ho¹ch c¶i c¸ch hµnh chÝnh", &e)) == "Kế hoạch cải cách hành chính");
  CHECK(e == LegacyEncoding::kTcvn3);
  CHECK(CanonicalTones(ConvertLegacy("Keá hoaïch caûi caùch haønh chính", &e)) ==
        "Kế hoạch cải cách hành chính");
  CHECK(e == LegacyEncoding::kVni);
  CHECK(std::string(LegacyEncodingName(e)) == "VNI");
}

}  // namespace
}  // namespace vanban::normalize::internal
