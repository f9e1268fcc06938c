// The section outline: markers of real lines, and the tree they build.
#include <catch2/catch.hpp>

#include "extract/plan_text.h"
#include "tests/commitments/seeds.h"

namespace vanban::testing {
namespace {

using extract::internal::ClassifyMarker;
using extract::internal::MarkerKind;

struct MarkerCase {
  const char* line;
  MarkerKind kind;
  const char* label;
  const char* body;  // the text after the marker
};

TEST_CASE("markers of real heading lines", "[commitments][outline]") {
  const MarkerCase cases[] = {
      {"I. MỤC TIÊU, YÊU CẦU", MarkerKind::kRoman, "I", "MỤC TIÊU, YÊU CẦU"},
      {"III.TỔ CHỨC THỰC HIỆN", MarkerKind::kRoman, "III", "TỔ CHỨC THỰC HIỆN"},  // seed 002, no space
      {"IL NOI dung, muc tieu, nhiem vu cu the", MarkerKind::kRoman, "II", "NOI dung, muc tieu, nhiem vu cu the"},
      {"1. Cải cách thể chế", MarkerKind::kNumber, "1", "Cải cách thể chế"},
      {"6.Xây dựng và phát triển chính quyền điện tử, chính quyền số", MarkerKind::kNumber, "6",
       "Xây dựng và phát triển chính quyền điện tử, chính quyền số"},
      {"4. 100% hồ sơ giải quyết TTHC giải quyết đúng hạn.", MarkerKind::kNumber, "4",
       "100% hồ sơ giải quyết TTHC giải quyết đúng hạn."},
      {"1.1. Mục tiêu", MarkerKind::kSubNumber, "1.1", "Mục tiêu"},
      {"2.1 Mục tiêu", MarkerKind::kSubNumber, "2.1", "Mục tiêu"},
      {"a) Chỉ tiêu", MarkerKind::kLetter, "a", "Chỉ tiêu"},
      {"a.Chỉ tiêu", MarkerKind::kLetter, "a", "Chỉ tiêu"},
      {"b)Tiếp tục đánh giá công tác CCHC", MarkerKind::kLetter, "b", "Tiếp tục đánh giá công tác CCHC"},
      {"đ) Đề xuất khen thưởng những mô hình mới", MarkerKind::kLetter, "đ", "Đề xuất khen thưởng những mô hình mới"},
      {"- Tổ chức tập huấn cải cách hành chính trong nội bộ đơn vị.", MarkerKind::kDash, "",
       "Tổ chức tập huấn cải cách hành chính trong nội bộ đơn vị."},
      {"-100% các kế hoạch về công tác CCHC", MarkerKind::kDash, "", "100% các kế hoạch về công tác CCHC"},
      {"+ Báo cáo quý I: trước ngày 10/3/2026.", MarkerKind::kPlus, "", "Báo cáo quý I: trước ngày 10/3/2026."},
      {"- + Báo cáo 06 tháng: trước ngày 10/6/2026.", MarkerKind::kPlus, "", "Báo cáo 06 tháng: trước ngày 10/6/2026."},
      // Not markers.
      {"VII", MarkerKind::kNone, "", ""},
      {"10.000 người dân được cấp định danh", MarkerKind::kNone, "", ""},
      {"2025-2026 cụ thể như sau:", MarkerKind::kNone, "", ""},
      {"25/1/2024", MarkerKind::kNone, "", ""},
      {"Tổ chức các đơn vị trường học theo tiêu chuẩn quy định.", MarkerKind::kNone, "", ""},
  };
  for (const MarkerCase& c : cases) {
    INFO(c.line);
    auto m = ClassifyMarker(c.line);
    CHECK(m.kind == c.kind);
    CHECK(m.label == c.label);
    if (c.kind != MarkerKind::kNone) CHECK(std::string(c.line).substr(m.body) == c.body);
  }
}

TEST_CASE("outline: levels, parents, the legal basis and annex rows left out", "[commitments][outline]") {
  Snippet s = ExtractSnippet(
      "KẾ HOẠCH\n"
      "Căn cứ:\n"
      "1. Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;\n"
      "2. Kế hoạch số 216/KH-UBND ngày 23/9/2021 của UBND thành phố;\n"
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "1. Mục đích\n"
      "Tạo bước chuyển mạnh mẽ.\n"
      "II. NỘI DUNG\n"
      "1. Cải cách thể chế\n"
      "1.1. Mục tiêu\n"
      "a) Chỉ tiêu\n"
      "- Đổi mới, nâng cao chất lượng, hiệu quả thực thi pháp luật:\n"
      "+ Tham mưu cấp có thẩm quyền ban hành quy định.\n"
      "- 100% văn bản được rà soát.\n"
      "III.TỔ CHỨC THỰC HIỆN\n"
      "1. Ban giám hiệu\n"
      "- Chủ trì tham mưu các nhiệm vụ.\n"
      "Nơi nhận:\n"
      "- Lưu: VT.\n"
      "VII\n"
      "DANH MỤC\n"
      "TT\n"
      "1. Ban hành Kế hoạch CCHC năm 2024. Nhóm Văn\n"
      "2.\n");
  struct Want {
    int level;
    const char* label;
    const char* heading;
    int parent;
  };
  const Want want[] = {
      {1, "I", "I. MỤC ĐÍCH, YÊU CẦU", -1},
      {2, "1", "1. Mục đích", 0},
      {1, "II", "II. NỘI DUNG", -1},
      {2, "1", "1. Cải cách thể chế", 2},
      {3, "1.1", "1.1. Mục tiêu", 3},
      {4, "a", "a) Chỉ tiêu", 4},
      {5, "", "Đổi mới, nâng cao chất lượng, hiệu quả thực thi pháp luật:", 5},
      {1, "III", "III.TỔ CHỨC THỰC HIỆN", -1},
      {2, "1", "1. Ban giám hiệu", 7},
  };
  const auto& outline = s.record.outline;
  REQUIRE(outline.size() == std::size(want));
  for (size_t i = 0; i < outline.size(); ++i) {
    INFO(i);
    CHECK(outline[i].level == want[i].level);
    CHECK(outline[i].label == want[i].label);
    CHECK(outline[i].heading == want[i].heading);
    CHECK(outline[i].parent == want[i].parent);
    CHECK(s.text.text.substr(outline[i].where.begin, outline[i].where.end - outline[i].where.begin) ==
          want[i].heading);
  }
}

TEST_CASE("outline: Roman numerals out of order are not headings", "[commitments][outline]") {
  Snippet s = ExtractSnippet(
      "I. MỤC TIÊU\n"
      "V. Lenin đã viết\n"  // not the next numeral
      "II. NHIỆM VỤ\n"
      "VI. NỘI DUNG\n");     // III expected: VI cannot be a misread of it
  std::vector<std::string> top;
  for (const Section* t : s.record.TopSections()) top.push_back(t->heading);
  CHECK(top == std::vector<std::string>{"I. MỤC TIÊU", "II. NHIỆM VỤ"});
}

TEST_CASE("outline: OCR-degraded numerals of capital headings take the expected numeral", "[commitments][outline]") {
  // As Tesseract read the corpus scan of kh_cchc_thpt_hoaloc: strokes lost
  // ("II." → "I."), merged ("III" → "HL", "III." → "HIL"), dirt before and after.
  Snippet s = ExtractSnippet(
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "I. MỤC TIÊU, CHỈ TIÊU\n"
      "— HL NHIỆM VỤ, GIẢI PHÁP\n"
      "IV. TỔ CHỨC THỰC HIỆN -\n"
      "I. Một dòng thường\n");  // not capitals: not a heading
  std::vector<std::string> top;
  for (const Section* t : s.record.TopSections()) top.push_back(t->heading);
  CHECK(top == std::vector<std::string>{"I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU, CHỈ TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP",
                                        "IV. TỔ CHỨC THỰC HIỆN"});

  // The same page read at 200 dpi.
  Snippet at200 = ExtractSnippet(
      "I. MỤC ĐÍCH, YÊU CẦU\n"
      "II. MỤC TIÊU, CHỈ TIÊU\n"
      "HIL NHIỆM VỤ, GIẢI PHÁP\n"
      "IV. CHẾ ĐỘ BÁO CÁO\n");
  top.clear();
  for (const Section* t : at200.record.TopSections()) top.push_back(t->heading);
  CHECK(top == std::vector<std::string>{"I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU, CHỈ TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP",
                                        "IV. CHẾ ĐỘ BÁO CÁO"});
}

TEST_CASE("outline: dirt after a capital heading is not part of it", "[commitments][outline]") {
  struct Case {
    const char* line;
    const char* heading;
  };
  const Case cases[] = {
      {"IV. TỔ CHỨC THỰC HIỆN -", "IV. TỔ CHỨC THỰC HIỆN"},
      {"IV. TỔ CHỨC THỰC HIỆN• •", "IV. TỔ CHỨC THỰC HIỆN"},
      {"IV. TỔ CHỨC THỰC HIỆN: *", "IV. TỔ CHỨC THỰC HIỆN"},  // seed 001's text layer
      {"IV. TỔ CHỨC THỰC HIỆN: +", "IV. TỔ CHỨC THỰC HIỆN"},  // its scans
      {"IV. TỔ CHỨC THỰC HIỆN:» +", "IV. TỔ CHỨC THỰC HIỆN"},
      {"IV. TỔ CHỨC THỰC HIỆN :", "IV. TỔ CHỨC THỰC HIỆN"},
      {"IV. TỔ CHỨC THỰC HIỆN:", "IV. TỔ CHỨC THỰC HIỆN:"},  // a printed colon stays
  };
  for (const Case& c : cases) {
    Snippet s = ExtractSnippet(std::string("I. MỤC TIÊU\nII. NHIỆM VỤ\nIII. KINH PHÍ\n") + c.line + "\n");
    INFO(c.line);
    REQUIRE(s.record.TopSections().size() == 4);
    CHECK(s.record.TopSections()[3]->heading == c.heading);
  }
}

TEST_CASE("outline: OCR misreadings of the numerals on the shared scans", "[commitments][outline]") {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  };
  const Case cases[] = {
      // 000.scan300: "I." read "IL.", the dot of II lost.
      {"IL.MỤC TIÊU, YÊU CẦU\nII NỘI DUNG, MỤC TIÊU\nIII. KINH PHÍ THỰC HIỆN\n",
       {"I. MỤC TIÊU, YÊU CẦU", "II. NỘI DUNG, MỤC TIÊU", "III. KINH PHÍ THỰC HIỆN"}},
      // 002.scan300: "I." read "L.", III read "II.".
      {"L. MỤC TIÊU, YÊU CẦU\nII NHIỆM VỤ\nII.TỔ CHỨC THỰC HIỆN\n",
       {"I. MỤC TIÊU, YÊU CẦU", "II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"}},
      // 000.scan200: III read "II:"; 002.scan200: the dot read "-".
      {"I. MỤC TIÊU\nII. NỘI DUNG\nII: KINH PHÍ\nIV. TỔ CHỨC THỰC HIỆN\n",
       {"I. MỤC TIÊU", "II. NỘI DUNG", "III. KINH PHÍ", "IV. TỔ CHỨC THỰC HIỆN"}},
      {"I. MỤC TIÊU\nII. NHIỆM VỤ\nIII-TỔ CHỨC THỰC HIỆN\n",
       {"I. MỤC TIÊU", "II. NHIỆM VỤ", "III. TỔ CHỨC THỰC HIỆN"}},
      // A bare numeral before words in lower case is no heading.
      {"I. MỤC TIÊU\nII Nội dung thường\n", {"I. MỤC TIÊU"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Snippet s = ExtractSnippet(c.text);
    std::vector<std::string> top;
    for (const Section* t : s.record.TopSections()) top.push_back(t->heading);
    CHECK(top == c.want);
  }
}

TEST_CASE("outline: a khoản heading wrapped onto a lower-case line keeps its first line", "[commitments][outline]") {
  Snippet s = ExtractSnippet(
      "I. MỤC ĐÍCH, YÊU CẦU\n\n"
      "1. Tập trung đẩy mạnh triển khai toàn diện Chương trình \n\n"
      "tổng thể CCHC giai đoạn 2021-2030.\n\n"
      "2. Tăng cường ứng dụng công nghệ thông tin.\n");
  REQUIRE(s.record.outline.size() == 3);
  CHECK(s.record.outline[1].heading == "1. Tập trung đẩy mạnh triển khai toàn diện Chương trình");
  CHECK(s.record.outline[2].heading == "2. Tăng cường ứng dụng công nghệ thông tin.");
}

}  // namespace
}  // namespace vanban::testing
