// A plan laid out as the real ones are (Nghị định 30/2020, Phụ lục I): the
// two-column header block and the Nơi nhận / signature band, drawn with
// pango on cairo's PDF surface, then read back through poppler.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <catch2/catch.hpp>
#include <memory>

#include "ingest/ingest.h"
#include "tests/support/support.h"

namespace vanban::ingest {
namespace {

struct Placed {
  double x, y;  // top left of the line's layout box, in points
  const char* text;
  const char* style = "";  // "Bold", "Italic", "Bold Italic"
};

// Draws `lines` in Liberation Serif 13 pt (what LibreOffice used for the
// seeds) on an A4 page of a new PDF.
void Draw(const std::string& path, const std::vector<Placed>& lines) {
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595.304, 841.89);
  cairo_t* cr = cairo_create(surface);
  for (const Placed& p : lines) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    std::string font = std::string("Liberation Serif ") + p.style;
    PangoFontDescription* desc = pango_font_description_from_string(font.c_str());
    pango_font_description_set_absolute_size(desc, 13 * PANGO_SCALE);
    pango_layout_set_font_description(layout, desc);
    pango_layout_set_text(layout, p.text, -1);
    cairo_move_to(cr, p.x, p.y);
    pango_cairo_show_layout(cr, layout);
    pango_font_description_free(desc);
    g_object_unref(layout);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(begin, nl - begin));
    begin = nl + 1;
  }
  return lines;
}

const char* const kBody =
    "Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai,";

TEST_CASE("Two-column header and signature bands read column by column", "[ingest][pdf][order]") {
  std::string dir = testing::TempDir();
  struct Case {
    const char* what;
    double so_row_y;  // the "Số" row: after a gap, or right under the motto
  };
  const Case cases[] = {{"a gap before the Số row", 110}, {"no gap before the Số row", 92}};
  for (const Case& c : cases) {
    INFO(c.what);
    std::string path = dir + "/plan.pdf";
    Draw(path, {
                   {70, 50, "SỞ GIÁO DỤC VÀ ĐÀO TẠO"},
                   {300, 50, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Bold"},
                   {85, 71, "TRƯỜNG THPT LỘC THÁI", "Bold"},
                   {345, 71, "Độc lập - Tự do - Hạnh phúc", "Bold"},
                   {90, c.so_row_y, "Số: 06/KH-THPTLT"},
                   {320, c.so_row_y, "Lộc Ninh, ngày 02 tháng 02 năm 2026", "Italic"},
                   {265, 150, "KẾ HOẠCH", "Bold"},
                   {200, 171, "Cải cách hành chính năm 2026", "Bold"},
                   {85, 200, kBody},
                   {70, 600, "Nơi nhận:", "Bold Italic"},
                   {390, 600, "HIỆU TRƯỞNG", "Bold"},
                   {70, 618, "- Sở GD&ĐT (qua VP);"},
                   {70, 636, "- Lưu: VT."},
                   {400, 700, "Vi Hữu Tài", "Bold"},
               });
    Result<Document> doc = ReadFile(path, Options{});
    REQUIRE(doc.ok());
    REQUIRE(doc->pages.size() == 1);
    const Page& page = doc->pages[0];
    CHECK(page.source == PageSource::kTextLayer);
    CHECK(Lines(page.text) == std::vector<std::string>{
                                  "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
                                  "TRƯỜNG THPT LỘC THÁI",
                                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                  "Độc lập - Tự do - Hạnh phúc",
                                  "Số: 06/KH-THPTLT",
                                  "Lộc Ninh, ngày 02 tháng 02 năm 2026",
                                  "KẾ HOẠCH",
                                  "Cải cách hành chính năm 2026",
                                  kBody,
                                  "Nơi nhận:",
                                  "- Sở GD&ĐT (qua VP);",
                                  "- Lưu: VT.",
                                  "HIỆU TRƯỞNG",
                                  "Vi Hữu Tài",
                              });
    // Font size and weight come through from the font.
    std::vector<std::pair<std::string, bool>> bold;
    for (const Word& w : page.words) {
      CHECK(w.font_size == Approx(13).margin(0.5));
      if (w.line == 6 || w.line == 8) bold.emplace_back(w.text, w.bold);
    }
    CHECK(bold[0] == std::pair<std::string, bool>{"KẾ", true});
    CHECK(bold[2] == std::pair<std::string, bool>{"Thực", false});
  }
}

TEST_CASE("A long Nơi nhận list beside the signature, title over two rows", "[ingest][pdf][order]") {
  std::string path = testing::TempDir() + "/end.pdf";
  Draw(path, {
                 {85, 500, kBody},
                 {380, 582, "KT. HIỆU TRƯỞNG", "Bold"},
                 {70, 600, "Nơi nhận:", "Bold Italic"},
                 {370, 600, "PHÓ HIỆU TRƯỞNG", "Bold"},
                 {70, 618, "- Sở GD&ĐT (qua VP);"},
                 {70, 636, "- UBND xã Lộc Thái;"},
                 {70, 654, "- Các tổ chuyên môn;"},
                 {70, 672, "- Lưu: VT."},
                 {395, 672, "Lê Văn Bình", "Bold"},
             });
  Result<Document> doc = ReadFile(path, Options{});
  REQUIRE(doc.ok());
  CHECK(Lines(doc->pages[0].text) == std::vector<std::string>{
                                         kBody,
                                         "Nơi nhận:",
                                         "- Sở GD&ĐT (qua VP);",
                                         "- UBND xã Lộc Thái;",
                                         "- Các tổ chuyên môn;",
                                         "- Lưu: VT.",
                                         "KT. HIỆU TRƯỞNG",
                                         "PHÓ HIỆU TRƯỞNG",
                                         "Lê Văn Bình",
                                     });
}

}  // namespace
}  // namespace vanban::ingest
