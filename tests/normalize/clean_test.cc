// Character- and line-level cleaning (normalize/clean.h) and NormalizeFragment,
// on lines taken from the seeds in ../shared/corpus/txt.
#include "normalize/clean.h"

#include <catch2/catch.hpp>

#include "normalize/normalize.h"

namespace vanban::normalize {
namespace {

struct Case {
  const char* in;
  const char* want;
};

TEST_CASE("CleanCharacters removes invisible characters and unifies spaces", "[normalize][clean]") {
  const Case cases[] = {
      // zero-width space, joiner and non-joiner, word joiner, BOM, soft hyphen
      {"c\u200Bải c\u200Cách\u200D", "cải cách"},
      {"\uFEFFKẾ HOẠCH", "KẾ HOẠCH"},
      {"hành\u2060 chính", "hành chính"},
      {"Kiến Thụ\u00ADy", "Kiến Thụy"},
      // NBSP and narrow NBSP become spaces; tabs stay for the column split
      {"Số:\u00A030/KH-THPTKT", "Số: 30/KH-THPTKT"},
      {"ngày\u202F25", "ngày 25"},
      {" \tCỘNG HOÀ", " \tCỘNG HOÀ"},
      // line ends: CRLF, CR, Unicode separators, a stray form feed
      {"KẾ HOẠCH\r\nCải cách", "KẾ HOẠCH\nCải cách"},
      {"a\rb\u2028c\fd", "a\nb\nc\nd"},
      // C0 / C1 controls, bidi marks
      {"Tr\x01ường\u200E \u202AC\u202Cải", "Trường Cải"},
      // Symbol-font bullet (private use) → "•", other private-use glyphs dropped
      {"\uF0B7 Rà soát", "• Rà soát"},
      {"\uF020Rà", "Rà"},
      // PDF ligatures
      {"Wi\uFB01 và \uFB02ash", "Wifi và flash"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(internal::CleanCharacters(c.in) == c.want);
  }
}

TEST_CASE("RemoveConverterArtefacts drops bookmarks and markup", "[normalize][clean]") {
  const Case cases[] = {
      {"[bookmark: _GoBack]1. Mục đích", "1. Mục đích"},
      // Printed in a scan and OCR'd (004.scan200): "]" read as "T".
      {"[bookmark: bookmark25TTỷ lệ xử lý văn bản", "Tỷ lệ xử lý văn bản"},
      {"[bookmark: bookmark21]Chỉ số CCHC của huyện năm 2023 tăng bậc so với năm 2022.",
       "Chỉ số CCHC của huyện năm 2023 tăng bậc so với năm 2022."},
      {"[bookmark: _Hlk93579345]Triển khai hệ thống", "Triển khai hệ thống"},
      {"- + Báo cáo quý I: **trước ngày 10/3/2026.**", "- + Báo cáo quý I: trước ngày 10/3/2026."},
      {"[]{#_Toc123 .anchor}I. MỤC TIÊU", "I. MỤC TIÊU"},
      {"[Nơi nhận:]{.underline}", "Nơi nhận:"},
      // Ordinary brackets and a lone asterisk stay.
      {"[1] Kế hoạch * số 2", "[1] Kế hoạch * số 2"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(internal::RemoveConverterArtefacts(c.in) == c.want);
  }
}

TEST_CASE("RejoinLetterSpaced joins runs of single letters", "[normalize][clean]") {
  const Case cases[] = {
      {"giá kết quả CCHC hàng năm của t r ư ờ n g theo hướng công khai",
       "giá kết quả CCHC hàng năm của trường theo hướng công khai"},
      {"T r ư ờ n g THPT", "Trường THPT"},
      {"C Ộ N G  H Ò A", "CỘNG  HÒA"},  // two spaces: two words (collapsed later)
      // NFD letters (base + combining marks) are single letters too.
      {"t r u\xCC\x9B\xCC\x80 o\xCC\x9B n g", "tru\xCC\x9B\xCC\x80o\xCC\x9Bng"},
      // Two single letters, mixed case, ordinary words: unchanged.
      {"r t /", "r t /"},
      {"và ở y tế", "và ở y tế"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(internal::RejoinLetterSpaced(c.in) == c.want);
  }
}

TEST_CASE("SplitGluedSyllables parts marked syllables OCR ran together", "[normalize][clean]") {
  const Case cases[] = {
      // As Tesseract read the corpus scan of kh_cchc_thpt_hoaloc at 200 dpi.
      {"Ban giámhiệu", "Ban giám hiệu"},
      {"SỞGIÁO DỤC VÀ ĐÀO TẠO", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"},
      {"(Trườngđại học)", "(Trường đại học)"},
      // As Tesseract read cells of kh_chuyendoiso_thcs_phuthanh: three
      // syllables at once; four that read two ways are left as they are.
      {"nămhọc 2025", "năm học 2025"},
      {"cơsởdữ liệu", "cơ sở dữ liệu"},
      {"Sơkếthọckỳ I", "Sơkếthọckỳ I"},
      // One syllable, or a half without marks: unchanged.
      {"nghiêng người", "nghiêng người"},
      {"Triểnkhai", "Triểnkhai"},
      {"online Zalo PAR INDEX", "online Zalo PAR INDEX"},
      {"cai each hanh chinh", "cai each hanh chinh"},
      {"12/KH-THPTHL, CCHC", "12/KH-THPTHL, CCHC"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(internal::SplitGluedSyllables(c.in) == c.want);
  }
}

TEST_CASE("MendQuarterNumerals: OCR strokes after quý", "[normalize][clean]") {
  const Case cases[] = {
      // As OCR read the shared scans of seeds 004 (200 dpi) and 001.
      {"Báo cáo quý H: Gửi trước ngày 01/06/2023", "Báo cáo quý II: Gửi trước ngày 01/06/2023"},
      {"cải cách hành chính quy HI năm 2025", "cải cách hành chính quy III năm 2025"},
      {"Quy HI/2025", "Quy III/2025"},
      {"Quý l/2026 và quý 1", "Quý I/2026 và quý 1"},
      // Already right, or no quarter: unchanged.
      {"quý III, quý IV", "quý III, quý IV"},
      {"quý Hai", "quý Hai"},
      {"quý 12", "quý 12"},
      {"quý HHH", "quý HHH"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(internal::MendQuarterNumerals(c.in) == c.want);
  }
}

TEST_CASE("IsSpeckLine: single-character OCR specks, not short text", "[normalize][clean]") {
  // Seed 001's OCR, between two lines of one sentence.
  CHECK(internal::IsSpeckLine("9 , ' , * * 9 *"));
  CHECK(internal::IsSpeckLine("r t /"));
  CHECK(internal::IsSpeckLine("- • -"));
  CHECK(internal::IsSpeckLine("9 › \\ › ?k + 9 +"));  // seed 001's text layer
  CHECK(internal::IsSpeckLine("9g, **qo*"));            // its scans
  CHECK(internal::IsSpeckLine("9g,',x**x9*#"));
  // Text, numbers, markers: kept.
  CHECK_FALSE(internal::IsSpeckLine("r t"));
  CHECK_FALSE(internal::IsSpeckLine("1 2 3"));
  CHECK_FALSE(internal::IsSpeckLine("2025"));
  CHECK_FALSE(internal::IsSpeckLine("- 3 -"));
  CHECK_FALSE(internal::IsSpeckLine("- Lưu: VT."));
  CHECK_FALSE(internal::IsSpeckLine("a) b) c)"));
  CHECK_FALSE(internal::IsSpeckLine("x, y"));
  CHECK_FALSE(internal::IsSpeckLine("1. 2. 3."));
  CHECK_FALSE(internal::IsSpeckLine("- Ủy ban -"));
  CHECK_FALSE(internal::IsSpeckLine("+ là +"));
  CHECK_FALSE(internal::IsSpeckLine("(1) (2) (3) (4)"));
  CHECK_FALSE(internal::IsSpeckLine("..../KH-UBND"));
  CHECK_FALSE(internal::IsSpeckLine("(*) Ghi chú:"));
  CHECK_FALSE(internal::IsSpeckLine("100%"));
  CHECK_FALSE(internal::IsSpeckLine(""));
}

TEST_CASE("SplitColumns separates side-by-side header and signature columns", "[normalize][clean]") {
  using V = std::vector<std::string>;
  CHECK(internal::SplitColumns("Nơi nhận:                                        HIỆU TRƯỞNG ") ==
        V{"Nơi nhận:", "HIỆU TRƯỞNG"});
  CHECK(internal::SplitColumns("SỞ GD&ĐT HẢI PHÒNG\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") ==
        V{"SỞ GD&ĐT HẢI PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"});
  CHECK(internal::SplitColumns("TRƯỜNG THPT KIẾN THỤY           Độc lập - Tự do - Hạnh phúc") ==
        V{"TRƯỜNG THPT KIẾN THỤY", "Độc lập - Tự do - Hạnh phúc"});
  CHECK(internal::SplitColumns("Số: 30/KH-THPTKT          Hải Phòng, ngày 25 tháng 01 năm 2024") ==
        V{"Số: 30/KH-THPTKT", "Hải Phòng, ngày 25 tháng 01 năm 2024"});
  CHECK(internal::SplitColumns("- Lưu: VT.                      Nguyễn Văn Hãnh") ==
        V{"- Lưu: VT.", "Nguyễn Văn Hãnh"});
  // Seed 002's PDF text layer: one space left between the columns.
  CHECK(internal::SplitColumns("Nơi nhận: HIỆU TRƯỞNG") == V{"Nơi nhận:", "HIỆU TRƯỞNG"});
  CHECK(internal::SplitColumns("Nơi nhận: - Như trên;") == V{"Nơi nhận: - Như trên;"});
  CHECK(internal::SplitColumns("Nơi nhận:") == V{"Nơi nhận:"});
  // Justified prose with a wide gap (seed 003) stays one line.
  const char* prose =
      "4. 100% hồ sơ giải quyết TTHC giải quyết đúng hạn. Phấn đấu 80% hồ sơ                   giải ";
  CHECK(internal::SplitColumns(prose) == V{prose});
  // Indentation alone is no gap.
  CHECK(internal::SplitColumns("                 Nguyễn Văn Hãnh ") == V{"                 Nguyễn Văn Hãnh "});
}

TEST_CASE("CollapseSpaces folds runs and trims", "[normalize][clean]") {
  CHECK(internal::CollapseSpaces(" năm 2024  trường THPT Kiến Thụy ") == "năm 2024 trường THPT Kiến Thụy");
  CHECK(internal::CollapseSpaces("\t2. Yêu cầu") == "2. Yêu cầu");
  CHECK(internal::CollapseSpaces("   ") == "");
}

TEST_CASE("NormalizeFragment: NFC, canonical tones, invisibles, spaces", "[normalize][clean]") {
  const Case cases[] = {
      {" \tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      {"toạ đàm CCHC", "tọa đàm CCHC"},
      {"Kiến Thuỵ", "Kiến Thụy"},
      {"ho\xCC\x80""a  nha\xCC\x82\xCC\x81t", "hòa nhất"},  // NFD in, NFC out
      {"c\u200Bải\u00A0cách", "cải cách"},
      {"t r ư ờ n g", "trường"},
      {"[bookmark: _GoBack]1. Mục đích", "1. Mục đích"},
      // Tone placement is re-applied after letter-spacing is undone.
      {"h o à", "hòa"},
      {"Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(NormalizeFragment(c.in) == c.want);
  }
}

}  // namespace
}  // namespace vanban::normalize
