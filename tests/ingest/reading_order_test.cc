// Reading order from word boxes (ingest/reading_order.h), on synthetic pages:
// each line is placed at (x, y) in 13 pt type, each word 7 pt per character
// wide with a 3.3 pt space, as Liberation Serif sets them in the seeds.
#include <catch2/catch.hpp>
#include <sstream>

#include "ingest/reading_order.h"

namespace vanban::ingest::internal {
namespace {

struct Placed {
  double x, y;
  std::string text;
};

std::vector<TextBox> Lay(const std::vector<Placed>& lines) {
  std::vector<TextBox> boxes;
  for (const Placed& p : lines) {
    std::istringstream words(p.text);
    std::string w;
    double x = p.x;
    while (words >> w) {
      TextBox b;
      b.word.text = w;
      double width = 7.0 * static_cast<double>(w.size());
      b.word.box = Box{x, p.y, x + width, p.y + 16.9};
      b.word.font_size = 13;
      b.space_after = true;
      boxes.push_back(b);
      x += width + 3.3;
    }
  }
  return boxes;
}

std::string Text(const std::vector<Placed>& lines, double page_height = 842) {
  return OrderWords(Lay(lines), page_height).text;
}

TEST_CASE("Reading order of a single column follows the rows", "[ingest][order]") {
  // Given out of order, as a content stream may give them.
  CHECK(Text({{85, 120, "dòng hai"}, {85, 100, "dòng một"}, {85, 140, "dòng ba"}}) ==
        "dòng một\ndòng hai\ndòng ba");
  // Justified text with wide spaces stays one line.
  CHECK(Text({{85, 100, "a"}, {100, 100, "b"}, {120, 100, "c"}}) == "a b c");
}

TEST_CASE("The header block reads issuers, motto, Số, date", "[ingest][order]") {
  const char* want =
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THPT LỘC THÁI\nCỘNG HÒA XÃ HỘI\nĐộc lập - Tự do\n"
      "Số: 06/KH-THPTLT\nLộc Ninh, ngày 02\nKẾ HOẠCH";
  SECTION("with a gap before the Số row") {
    CHECK(Text({{60, 50, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"}, {330, 50, "CỘNG HÒA XÃ HỘI"},
                {70, 68, "TRƯỜNG THPT LỘC THÁI"}, {340, 68, "Độc lập - Tự do"},
                {80, 110, "Số: 06/KH-THPTLT"}, {320, 110, "Lộc Ninh, ngày 02"},
                {250, 150, "KẾ HOẠCH"}}) == want);
  }
  SECTION("without a gap: the last row of the band is read after both columns") {
    CHECK(Text({{60, 50, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"}, {330, 50, "CỘNG HÒA XÃ HỘI"},
                {70, 68, "TRƯỜNG THPT LỘC THÁI"}, {340, 68, "Độc lập - Tự do"},
                {80, 86, "Số: 06/KH-THPTLT"}, {320, 86, "Lộc Ninh, ngày 02"},
                {250, 130, "KẾ HOẠCH"}}) == want);
  }
  SECTION("a header row that crosses the gutter is not a band") {
    CHECK(Text({{60, 50, "SỞ GIÁO DỤC"}, {330, 50, "CỘNG HÒA"},
                {60, 68, "một dòng rất dài chạy suốt từ lề trái sang lề phải của trang giấy"},
                {60, 86, "TRƯỜNG"}, {330, 86, "Độc lập"}}) ==
          "SỞ GIÁO DỤC\nCỘNG HÒA\nmột dòng rất dài chạy suốt từ lề trái sang lề phải của trang giấy\n"
          "TRƯỜNG\nĐộc lập");
  }
}

TEST_CASE("A công văn's header: V/v under the Số row comes after the date", "[ingest][order]") {
  const char* want =
      "UBND TỈNH ĐỒNG THÁP\nSỞ GIÁO DỤC\nCỘNG HÒA XÃ HỘI\nĐộc lập - Tự do\nSố: 215/SGDĐT-VP\n"
      "Đồng Tháp, ngày 27\nV/v báo cáo kết quả\ncông tác cải cách\n"
      "Kính gửi: Hiệu trưởng các trường trung học phổ thông;";
  for (double so : {86.0, 110.0}) {  // Số row right under the motto, or after a gap
    INFO("Số row at y=" << so);
    CHECK(Text({{60, 50, "UBND TỈNH ĐỒNG THÁP"}, {330, 50, "CỘNG HÒA XÃ HỘI"},
                {70, 68, "SỞ GIÁO DỤC"}, {340, 68, "Độc lập - Tự do"},
                {60, so, "Số: 215/SGDĐT-VP"}, {320, so, "Đồng Tháp, ngày 27"},
                {60, so + 17, "V/v báo cáo kết quả"}, {60, so + 34, "công tác cải cách"},
                {85, so + 80, "Kính gửi: Hiệu trưởng các trường trung học phổ thông;"}}) == want);
  }
}

TEST_CASE("Nơi nhận and the signature read column by column", "[ingest][order]") {
  SECTION("short list, signature gap on the right") {
    CHECK(Text({{85, 560, "thực hiện nghiêm túc kế hoạch này trong toàn trường."},
                {85, 600, "Nơi nhận:"}, {380, 600, "HIỆU TRƯỞNG"},
                {85, 617, "- Sở GD&ĐT;"}, {85, 634, "- Lưu: VT."},
                {390, 700, "Vi Hữu Tài"}}) ==
          "thực hiện nghiêm túc kế hoạch này trong toàn trường.\nNơi nhận:\n- Sở GD&ĐT;\n- Lưu: VT.\n"
          "HIỆU TRƯỞNG\nVi Hữu Tài");
  }
  SECTION("long list beside the gap, name on the row of the last item, title line above") {
    CHECK(Text({{380, 583, "KT. HIỆU TRƯỞNG"},
                {85, 600, "Nơi nhận:"}, {370, 600, "PHÓ HIỆU TRƯỞNG"},
                {85, 617, "- Sở GD&ĐT;"}, {85, 634, "- UBND xã;"}, {85, 651, "- Các tổ;"},
                {85, 668, "- Lưu: VT."}, {390, 668, "Lê Văn B"}}) ==
          "Nơi nhận:\n- Sở GD&ĐT;\n- UBND xã;\n- Các tổ;\n- Lưu: VT.\nKT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\nLê Văn B");
  }
}

TEST_CASE("A signature band at the top of a later page is not a header", "[ingest][order]") {
  // The công văn sample's page 2: the list in 11 pt beside a 14 pt title,
  // "(Đã ký)" on the row of the fifth item.
  std::vector<Placed> lines = {{85, 56, "hướng dẫn./."},
                               {85, 84, "Nơi nhận:"}, {380, 84, "KT. GIÁM ĐỐC"},
                               {85, 97, "- Như trên;"}, {376, 100, "PHÓ GIÁM ĐỐC"},
                               {85, 110, "- Sở Nội vụ;"}, {85, 122, "- Cổng TTĐT;"},
                               {411, 129, "(Đã ký)"}, {85, 134, "- Lưu: VT."},
                               {384, 182, "Lê Hoàng Phúc"}};
  ReadingOrderOptions later_page;
  later_page.header_block = false;
  CHECK(OrderWords(Lay(lines), 842, later_page).text ==
        "hướng dẫn./.\nNơi nhận:\n- Như trên;\n- Sở Nội vụ;\n- Cổng TTĐT;\n- Lưu: VT.\nKT. GIÁM ĐỐC\n"
        "PHÓ GIÁM ĐỐC\n(Đã ký)\nLê Hoàng Phúc");
}

TEST_CASE("Rows of three or more segments read across, one line each", "[ingest][order]") {
  CHECK(Text({{60, 300, "1"}, {120, 300, "Rà soát thủ tục"}, {330, 300, "Văn phòng"}, {470, 300, "Tháng 3"},
              {60, 320, "2"}, {120, 320, "Niêm yết công khai"}, {330, 320, "Tổ CM"}, {470, 320, "Tháng 4"}}) ==
        "1 Rà soát thủ tục Văn phòng Tháng 3\n2 Niêm yết công khai Tổ CM Tháng 4");
}

TEST_CASE("Words are glued when their boxes touch, spaced otherwise", "[ingest][order]") {
  std::vector<TextBox> boxes = Lay({{100, 100, "GD&"}});
  TextBox dt;
  dt.word.text = "ĐT";
  dt.word.box = Box{boxes[0].word.box.x1 + 0.2, 100, boxes[0].word.box.x1 + 14, 116.9};
  dt.word.font_size = 13;
  boxes[0].space_after = false;
  boxes.push_back(dt);
  OrderedPage page = OrderWords(boxes, 842);
  CHECK(page.text == "GD&ĐT");
  REQUIRE(page.words.size() == 2);
  CHECK(page.words[1].line == 0);
}

TEST_CASE("Word::line indexes the text's lines", "[ingest][order]") {
  OrderedPage page = OrderWords(Lay({{60, 50, "SỞ GD"}, {330, 50, "CỘNG HÒA"}, {60, 68, "TRƯỜNG"},
                                     {330, 68, "Độc lập"}}),
                                842);
  std::vector<std::pair<std::string, int>> got;
  for (const Word& w : page.words) got.emplace_back(w.text, w.line);
  CHECK(got == std::vector<std::pair<std::string, int>>{
                   {"SỞ", 0}, {"GD", 0}, {"TRƯỜNG", 1}, {"CỘNG", 2}, {"HÒA", 2}, {"Độc", 3}, {"lập", 3}});
}

}  // namespace
}  // namespace vanban::ingest::internal

// OCR pages (ingest/layout.h): Tesseract's lines, put in reading order.
#include "ingest/layout.h"

namespace vanban::ingest::internal {
namespace {

OcrWord Ocr(const std::string& text, double x0, double y0, double x1, double y1, int line) {
  OcrWord w;
  w.text = text;
  w.box = Box{x0, y0, x1, y1};
  w.confidence = 90;
  w.line = line;
  return w;
}

TEST_CASE("OCR lines are placed by their first segment, not by a far segment joined to them", "[ingest][layout]") {
  // kh_chuyendoiso_thcs_phuthanh.scan300, its Nơi nhận: Tesseract joins
  // "- Ban giám hiệu;" (y 575–600) to the signature's "(Đã ký)" (y 520–560)
  // and gives that line before "- Phòng Văn hóa …" (y 541–566).
  std::vector<OcrWord> words = {
      Ocr("Nơi", 251, 469, 300, 493, 0),    Ocr("nhận:", 305, 469, 380, 493, 0),
      Ocr("-", 252, 518, 260, 521, 1),      Ocr("UBND", 270, 507, 340, 532, 1),
      Ocr("-", 252, 586, 260, 589, 2),      Ocr("Ban", 270, 575, 320, 600, 2),
      Ocr("giám", 325, 575, 390, 600, 2),   Ocr("hiệu;", 395, 575, 460, 600, 2),
      Ocr("(Đã", 1133, 520, 1184, 560, 2),  Ocr("ký)", 1197, 520, 1240, 560, 2),
      Ocr("-", 253, 552, 261, 555, 3),      Ocr("Phòng", 270, 541, 350, 566, 3),
      Ocr("-", 253, 620, 261, 623, 4),      Ocr("Lưu:", 270, 609, 330, 634, 4),
  };
  Page page;
  page.height = 3508;
  BuildReadingOrder(words, &page);
  CHECK(page.text == "Nơi nhận:\n- UBND\n- Phòng\n- Ban giám hiệu; (Đã ký)\n- Lưu:");
}

}  // namespace
}  // namespace vanban::ingest::internal
