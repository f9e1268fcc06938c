// OCR of scanned plans (issue 4): recognition, reading order, the text-layer
// quality test, limits and bad images. Pages are drawn here with cairo and
// pango (Liberation Serif, as the plans are set in Times New Roman) or taken
// from shared/corpus/scan; CPU is kept to a few pages, except the one test
// that compares a whole scan with the tesseract CLI.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "bench/cer.h"
#include "common/vietnamese.h"
#include "ingest/ocr.h"
#include "ingest/pix.h"
#include "ingest/scan_resolution.h"
#include "tests/support/support.h"

namespace {

using vanban::Page;
using vanban::PageSource;
using vanban::Status;
using vanban::ingest::Options;
using namespace vanban::ingest::internal;

constexpr double kA4Width = 595.28, kA4Height = 841.89;  // points

// Lines of a real plan (shared/corpus/txt/000_b1984531e09ab0e8.txt).
const std::vector<std::string> kPlanLines = {
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2026",
    "Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng",
    "Nai về cải cách hành chính ngành Giáo dục và đào tạo năm 2026;",
    "Trường THPT Lộc Thái ban hành Kế hoạch cải cách hành chính năm 2026 với",
    "những nội dung sau:",
    "I. MỤC TIÊU, YÊU CẦU",
    "1. Mục tiêu",
    "- Cụ thể hóa mục tiêu, yêu cầu, nội dung nhiệm vụ của Kế hoạch số 381/KH-",
    "SGDĐT ngày 16/01/2026 của Sở GD&ĐT phù hợp với tình hình và nhiệm vụ chức năng",
    "được giao của Trường THPT Lộc Thái.",
    "- Tiếp tục triển khai thực hiện các nhiệm vụ trong Chương trình tổng thể cải cách",
    "hành chính nhà nước giai đoạn 2021 - 2030; xây dựng nền hành chính hiện đại, chuyên",
    "nghiệp, dân chủ, công khai, minh bạch, liêm chính, tinh gọn, hiệu lực, hiệu quả.",
};

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;
using Surface = std::unique_ptr<cairo_surface_t, CairoDeleter>;

// Draws `text` with its top-left corner at (x, y) points, `size` points.
void DrawText(cairo_t* cr, const std::string& text, double x, double y, double size,
              bool bold = false) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  // 72 "dpi" makes one pango point one cairo unit; the surface's scale does the rest.
  pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
  pango_layout_context_changed(layout);
  PangoFontDescription* font = pango_font_description_from_string("Liberation Serif");
  pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
  if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, text.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
}

// A 300 dpi A4 page image, white, on which `draw` paints in points.
template <typename Draw>
Surface PageImage(Draw draw) {
  const double scale = 300.0 / 72;
  Surface image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(kA4Width * scale),
                                           static_cast<int>(kA4Height * scale)));
  Cairo cr(cairo_create(image.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  draw(cr.get());
  cairo_surface_flush(image.get());
  return image;
}

void DrawPlanBody(cairo_t* cr) {
  double y = 90;
  for (const std::string& line : kPlanLines) {
    DrawText(cr, line, 85, y, 13);
    y += 21;
  }
}

// The two-column header band of a plan (Nghị định 30/2020, Phụ lục I).
const std::vector<std::string> kHeaderLeft = {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT LỘC THÁI",
                                              "Số: 06/KH-THPTLT"};
const std::vector<std::string> kHeaderRight = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                               "Độc lập - Tự do - Hạnh phúc",
                                               "Lộc Ninh, ngày 02 tháng 02 năm 2026"};

void DrawHeaderAndBody(cairo_t* cr) {
  for (size_t i = 0; i < 3; ++i) {
    DrawText(cr, kHeaderLeft[i], 70, 50 + 22 * i, 12, i == 1);
    DrawText(cr, kHeaderRight[i], 300, 50 + 22 * i, 12, i < 2);
  }
  double y = 150;
  for (size_t i = 0; i < 6; ++i, y += 21) DrawText(cr, kPlanLines[i], 85, y, 13);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

Options TestOptions() {
  Options options;
  options.jobs = 2;
  return options;
}

}  // namespace

TEST_CASE("a scan300 page is recognised with words, lines, blocks and confidences", "[ocr]") {
  const std::string scan = vanban::testing::RequireShared("corpus/scan/002_c8f5fa6bf13346e2.scan300.pdf");
  std::vector<Page> pages = OcrPdfPages(scan, {1}, TestOptions());
  REQUIRE(pages.size() == 1);
  const Page& page = pages[0];
  INFO(page.reason << " / " << page.status.ToString());
  REQUIRE(page.source == PageSource::kOcr);
  CHECK(page.number == 1);
  // OCR'd at the default 200 dpi, below the scan's 300 (bench/OCR.md).
  CHECK(page.reason == "OCR at 200 dpi");
  CHECK(page.width == 1654);
  CHECK(page.height == 2339);
  CHECK(page.ocr_confidence > 90);
  const std::vector<std::string> lines = Lines(page.text);
  REQUIRE(lines.size() > 30);
  CHECK(lines[0] == "KẾ HOẠCH");
  CHECK(lines[1] == "Thực hiện công tác cải cách hành chính năm học 2025-2026");
  REQUIRE(!page.words.empty());
  CHECK(page.words[0].text == "KẾ");
  CHECK(page.words[0].line == 0);
  CHECK(page.words.back().line == static_cast<int>(lines.size()) - 1);
  for (const vanban::Word& w : page.words) {
    CHECK(w.box.x0 >= 0);
    CHECK(w.box.x1 <= page.width);
    CHECK(w.box.y1 <= page.height);
    CHECK(w.box.width() > 0);
    CHECK(w.confidence >= 0);
    CHECK(w.block >= 0);
  }
}

TEST_CASE("the two-column header band is read left column first, then right, then the body",
          "[ocr]") {
  const std::string dir = vanban::testing::TempDir();
  const std::string png = dir + "/header.png";
  Surface image = PageImage(DrawHeaderAndBody);
  REQUIRE(cairo_surface_write_to_png(image.get(), png.c_str()) == CAIRO_STATUS_SUCCESS);
  if (const char* keep = std::getenv("VANBAN_KEEP_TEST_IMAGES")) {
    std::system(("cp '" + png + "' '" + keep + "'").c_str());
  }

  auto pages = OcrImageFile(png, TestOptions());
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 1);
  const Page& page = (*pages)[0];
  REQUIRE(page.source == PageSource::kOcr);
  // The untagged image counts as 300 dpi (2480 px wide) and is OCR'd at 200.
  CHECK(page.width == 1653);
  // Left column, right column, then the body from its title down.
  std::vector<std::string> expected = kHeaderLeft;
  expected.insert(expected.end(), kHeaderRight.begin(), kHeaderRight.end());
  expected.push_back(kPlanLines[0]);
  expected.push_back(kPlanLines[1]);
  std::vector<std::string> lines = Lines(page.text);
  REQUIRE(lines.size() >= expected.size());
  lines.resize(expected.size());
  CHECK(Join(lines) == Join(expected));
  std::vector<std::string> all = expected;
  all.insert(all.end(), kPlanLines.begin() + 2, kPlanLines.begin() + 6);
  const vanban::bench::Cer cer = vanban::bench::CharacterErrorRate(Join(all), page.text);
  CHECK(cer.rate() < 0.01);
  // The header's two columns are separate blocks, the left one first.
  REQUIRE(page.words.size() > 10);
  CHECK(page.words.front().text == "SỞ");
  CHECK(page.words.front().block == 0);
  for (const vanban::Word& w : page.words) {
    if (w.text == "CỘNG") CHECK(w.block == 1);
    if (w.text == "Số:") CHECK(w.block == 0);
  }
}

TEST_CASE("text-layer quality test", "[ocr][quality]") {
  struct Row {
    std::string text;
    bool needs_ocr;
    std::string why;
  };
  const std::string accented = Join(kPlanLines);
  // The text layer of an OCR engine without Vietnamese, as in
  // shared/corpus/txt/001_4fa500642386260b.txt.
  const std::string unaccented =
      "- Nham day manh cong tac cai each hanh chinh nham xay dung he thong cac\n"
      "co quan hanh chinh Nha nude thong sudt, trong sach, vung manh, hien dai, hieu lire,\n"
      "hieu qua gop phan nang cao Chi so cai each hanh chinh cua tinh (PAR INDEX), Chi\n";
  // TCVN3 (ABC) bytes read as Latin-1: "Cộng hòa xã hội chủ nghĩa Việt Nam".
  const std::string tcvn3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam, §éc lËp - Tù do - H¹nh phóc";
  const std::vector<Row> table = {
      {accented, false, ""},
      {unaccented, true, "text layer unaccented: 0% accented syllables"},
      {"", true, "no text layer"},
      {" \n \n", true, "no text layer"},
      {tcvn3, true, "text layer garbled: 12% garbage characters"},
      {"Trang 2", false, ""},  // too short to judge: kept
      {"The quick brown fox jumps over the lazy dog while the band played strange "
       "rhythms through the night",
       true, "text layer not Vietnamese: 22% valid syllables"},
  };
  for (const Row& row : table) {
    Page page;
    page.text = row.text;
    std::string why;
    INFO(row.text);
    CHECK(TextLayerNeedsOcr(page, Options{}, &why) == row.needs_ocr);
    CHECK(why == row.why);
  }
  Page page;
  page.text = accented;
  Options always;
  always.ocr = vanban::ingest::OcrMode::kAlways;
  std::string why;
  CHECK(TextLayerNeedsOcr(page, always, &why));
  CHECK(why == "OCR forced (--ocr always)");
  Options never;
  never.ocr = vanban::ingest::OcrMode::kNever;
  page.text = "";
  CHECK_FALSE(TextLayerNeedsOcr(page, never, &why));
}

TEST_CASE("the shared unaccented text layer (001) fails the quality test", "[ocr][quality]") {
  const std::string txt = vanban::testing::RequireShared("corpus/txt/001_4fa500642386260b.txt");
  Page page;
  page.text = vanban::testing::ReadFile(txt);
  std::string why;
  CHECK(TextLayerNeedsOcr(page, Options{}, &why));
  CHECK(why == "text layer unaccented: 0% accented syllables");
  for (const char* name : {"000_b1984531e09ab0e8", "002_c8f5fa6bf13346e2",
                                  "003_bff9b64896aa50d4", "004_e32909d42310c0f5"}) {
    page.text = vanban::testing::ReadFile(vanban::testing::RequireShared(std::string("corpus/txt/") + name + ".txt"));
    INFO(name);
    CHECK_FALSE(TextLayerNeedsOcr(page, Options{}, &why));
  }
}

TEST_CASE("a PDF whose text layer is unaccented over a scanned page is re-OCR'd", "[ocr]") {
  const std::string pdf = vanban::testing::TempDir() + "/unaccented.pdf";
  {
    Surface image = PageImage(DrawPlanBody);
    Surface doc(cairo_pdf_surface_create(pdf.c_str(), kA4Width, kA4Height));
    Cairo cr(cairo_create(doc.get()));
    // The text layer first, then the scan painted over it: the text stays in
    // the PDF (extractable) but is hidden. (cairo drops glyphs drawn with
    // alpha 0 as a no-op, so "invisible ink" cannot be made that way.)
    double y = 90;
    for (const std::string& line : kPlanLines) {
      DrawText(cr.get(), vanban::FoldDiacritics(line), 85, y, 13);
      y += 21;
    }
    cairo_save(cr.get());
    cairo_scale(cr.get(), 72.0 / 300, 72.0 / 300);
    cairo_set_source_surface(cr.get(), image.get(), 0, 0);
    cairo_paint(cr.get());
    cairo_restore(cr.get());
    cairo_show_page(cr.get());
  }
  // What the text-layer reader sees.
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf));
  REQUIRE(doc);
  std::unique_ptr<poppler::page> first(doc->create_page(0));
  const poppler::byte_array layer_bytes = first->text().to_utf8();
  Page layer;
  layer.source = PageSource::kTextLayer;
  layer.text.assign(layer_bytes.begin(), layer_bytes.end());
  REQUIRE(layer.text.find("cai cach hanh chinh") != std::string::npos);

  std::string why;
  REQUIRE(TextLayerNeedsOcr(layer, Options{}, &why));
  CHECK(why == "text layer unaccented: 0% accented syllables");

  std::vector<Page> ocr = OcrPdfPages(pdf, {1}, TestOptions());
  REQUIRE(ocr.size() == 1);
  REQUIRE(ocr[0].source == PageSource::kOcr);
  // The accented OCR text wins: it passes the test the layer failed, and
  // reads the page as printed.
  CHECK_FALSE(TextLayerNeedsOcr(ocr[0], Options{}, &why));
  const vanban::bench::Cer cer = vanban::bench::CharacterErrorRate(Join(kPlanLines), ocr[0].text);
  INFO(ocr[0].text);
  CHECK(cer.rate() < 0.01);
  CHECK(ocr[0].text.find("Cải cách hành chính năm 2026") != std::string::npos);

  // And through ReadFile (--ocr auto), as the CLI reads it.
  auto read = vanban::ingest::ReadFile(pdf, TestOptions());
  REQUIRE(read.ok());
  REQUIRE(read->pages.size() == 1);
  const Page& page = read->pages[0];
  INFO(page.reason);
  CHECK(page.source == PageSource::kOcr);
  CHECK(page.ocr_confidence > 90);
  CHECK(page.text.find("Cải cách hành chính năm 2026") != std::string::npos);
  CHECK(page.text.find("cai cach hanh chinh") == std::string::npos);
}

TEST_CASE("a page over max_pixels fails with the reason and the other pages are kept", "[ocr]") {
  const std::string pdf = vanban::testing::TempDir() + "/big.pdf";
  {
    Surface doc(cairo_pdf_surface_create(pdf.c_str(), kA4Width, kA4Height));
    Cairo cr(cairo_create(doc.get()));
    DrawText(cr.get(), "Cải cách hành chính năm 2026", 85, 90, 13);
    cairo_show_page(cr.get());
    // A 2 m × 2 m page: 23622 × 23622 px at 300 dpi.
    cairo_pdf_surface_set_size(doc.get(), 5669.3, 5669.3);
    DrawText(cr.get(), "Trang lớn", 85, 90, 13);
    cairo_show_page(cr.get());
  }
  Options options = TestOptions();
  options.dpi = 300;
  std::vector<Page> pages = OcrPdfPages(pdf, {1, 2, 3}, options);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].source == PageSource::kOcr);
  CHECK(pages[0].text == "Cải cách hành chính năm 2026");
  CHECK(pages[1].number == 2);
  CHECK(pages[1].source == PageSource::kFailed);
  CHECK(pages[1].status.code() == Status::Code::kLimitExceeded);
  CHECK(pages[1].reason == "page 2 at 300 dpi is 23622x23622 px (558.0 Mpx), over the limit of 100.0 Mpx");
  CHECK(pages[2].source == PageSource::kFailed);
  CHECK(pages[2].reason == "no page 3 (the PDF has 2)");

  options.max_pages = 1;
  options.max_pixels = 1'000'000;
  pages = OcrPdfPages(pdf, {1, 2}, options);
  CHECK(pages[0].reason == "page 1 at 300 dpi is 2480x3508 px (8.7 Mpx), over the limit of 1.0 Mpx");
  CHECK(pages[1].reason == "page 2 is past the limit of 1 pages");
}

TEST_CASE("bad images give a clear error", "[ocr][bad]") {
  const std::string dir = vanban::testing::TempDir();
  struct Row {
    std::string name;
    std::string bytes;
    Status::Code code;
    std::string message;
  };
  const std::string png_signature = "\x89PNG\r\n\x1a\n";
  const std::vector<Row> table = {
      {"truncated.png", png_signature + std::string("\0\0\0\rIHDR\0\0\0\x10", 16), Status::Code::kCorrupt,
       "PNG image header is unreadable"},
      {"garbage.png", png_signature + std::string(200, 'x'), Status::Code::kCorrupt,
       "PNG image header is unreadable"},
      {"text.png", "this is not an image at all\n", Status::Code::kInvalidInput,
       "not a PNG, JPEG or TIFF image"},
      {"empty.jpg", "", Status::Code::kInvalidInput, "not a PNG, JPEG or TIFF image"},
  };
  for (const Row& row : table) {
    const std::string path = dir + "/" + row.name;
    std::ofstream(path, std::ios::binary) << row.bytes;
    auto result = OcrImageFile(path, TestOptions());
    INFO(row.name);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == row.code);
    CHECK(result.status().message() == row.message);
  }
  auto missing = OcrImageFile(dir + "/missing.png", TestOptions());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
}

TEST_CASE("a PNG whose pixel data is cut short is a corrupt image", "[ocr][bad]") {
  const std::string dir = vanban::testing::TempDir();
  Surface image = PageImage(DrawPlanBody);
  const std::string good = dir + "/page.png";
  REQUIRE(cairo_surface_write_to_png(image.get(), good.c_str()) == CAIRO_STATUS_SUCCESS);
  std::string bytes = vanban::testing::ReadFile(good);
  const std::string cut = dir + "/cut.png";
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 3);
  auto result = OcrImageFile(cut, TestOptions());
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == Status::Code::kCorrupt);
  CHECK(result.status().message() == "PNG image cannot be decoded (truncated or corrupt)");
}

namespace {

std::string TesseractCliText(const std::string& pdf, const std::string& dir) {
  // PGM, not PNG: compressing 8.7 Mpx pages cost more CPU than the OCR.
  const std::string render = "pdftoppm -r 300 -gray '" + pdf + "' '" + dir + "/p'";
  REQUIRE(std::system(render.c_str()) == 0);
  const std::string out = dir + "/cli.txt";
  const std::string ocr = "for p in '" + dir + "'/p-*.pgm; do OMP_THREAD_LIMIT=1 tesseract \"$p\" - -l vie "
                          "2>/dev/null; done > '" + out + "'";
  REQUIRE(std::system(ocr.c_str()) == 0);
  return vanban::testing::ReadFile(out);
}

}  // namespace

TEST_CASE("vanban's OCR of a whole scan has a CER no worse than the tesseract CLI's", "[ocr][cer]") {
  // 004: 6 pages of a 300 dpi scan, rotated, light noise.
  const std::string name = "004_e32909d42310c0f5";
  const std::string pdf = vanban::testing::RequireShared("corpus/scan/" + name + ".scan300.pdf");
  const std::string reference =
      vanban::testing::ReadFile(vanban::testing::RequireShared("corpus/txt/" + name + ".txt"));
  std::vector<Page> pages = OcrPdfPages(pdf, {1, 2, 3, 4, 5, 6}, TestOptions());
  std::string text;
  for (const Page& page : pages) {
    REQUIRE(page.source == PageSource::kOcr);
    text += page.text + "\n";
  }
  const vanban::bench::Cer ours = vanban::bench::CharacterErrorRate(reference, text);
  const vanban::bench::Cer cli =
      vanban::bench::CharacterErrorRate(reference, TesseractCliText(pdf, vanban::testing::TempDir()));
  INFO("vanban CER " << ours.rate() << " (" << ours.errors << " errors), tesseract CLI CER "
                     << cli.rate() << " (" << cli.errors << " errors)");
  CHECK(ours.errors <= cli.errors);
  CHECK(ours.rate() < 0.01);
}

TEST_CASE("every page of a multi-page TIFF is recognised, in order", "[ocr][image]") {
  const std::string dir = vanban::testing::TempDir();
  const std::string body_png = dir + "/body.png", header_png = dir + "/header.png";
  REQUIRE(cairo_surface_write_to_png(PageImage(DrawPlanBody).get(), body_png.c_str()) ==
          CAIRO_STATUS_SUCCESS);
  REQUIRE(cairo_surface_write_to_png(PageImage(DrawHeaderAndBody).get(), header_png.c_str()) ==
          CAIRO_STATUS_SUCCESS);
  const std::string tiff = dir + "/two.tif";
  {
    PixPtr body = AdoptPix(pixRead(body_png.c_str()));
    PixPtr header = AdoptPix(pixRead(header_png.c_str()));
    REQUIRE(body);
    REQUIRE(header);
    PixPtr body8 = ToGray8(body.get()), header8 = ToGray8(header.get());
    REQUIRE(pixWriteTiff(tiff.c_str(), body8.get(), IFF_TIFF_ZIP, "w") == 0);
    REQUIRE(pixWriteTiff(tiff.c_str(), header8.get(), IFF_TIFF_ZIP, "a") == 0);
  }
  auto pages = OcrImageFile(tiff, TestOptions());
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 2);
  CHECK((*pages)[0].number == 1);
  CHECK((*pages)[1].number == 2);
  REQUIRE((*pages)[0].source == PageSource::kOcr);
  REQUIRE((*pages)[1].source == PageSource::kOcr);
  CHECK(Lines((*pages)[0].text)[1] == "Cải cách hành chính năm 2026");
  CHECK(Lines((*pages)[1].text)[0] == "SỞ GIÁO DỤC VÀ ĐÀO TẠO");

  // Past max_pages: the second page fails, the first is kept.
  Options options = TestOptions();
  options.max_pages = 1;
  pages = OcrImageFile(tiff, options);
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 2);
  CHECK((*pages)[0].source == PageSource::kOcr);
  CHECK((*pages)[1].source == PageSource::kFailed);
  CHECK((*pages)[1].reason == "page 2 is past the limit of 1 pages");
}

TEST_CASE("a page over the time limit fails with the reason", "[ocr][limits]") {
  const std::string png = vanban::testing::TempDir() + "/page.png";
  REQUIRE(cairo_surface_write_to_png(PageImage(DrawPlanBody).get(), png.c_str()) ==
          CAIRO_STATUS_SUCCESS);
  Options options = TestOptions();
  options.page_seconds = 0.001;
  auto pages = OcrImageFile(png, options);
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 1);
  const Page& page = (*pages)[0];
  CHECK(page.source == PageSource::kFailed);
  CHECK(page.status.code() == Status::Code::kLimitExceeded);
  CHECK(page.reason == "OCR time limit of 0.001 s per page exceeded");
}

TEST_CASE("a near-blank page of scanner noise gives no text and says why", "[ocr][noise]") {
  // A blank sheet through a dirty scanner: grey speckle, a few blotches, no text.
  Surface image = PageImage([](cairo_t* cr) {
    unsigned state = 12345;
    auto next = [&state] { return (state = state * 1103515245u + 12345u) >> 8; };
    for (int i = 0; i < 6000; ++i) {
      const double x = next() % 59500 / 100.0, y = next() % 84100 / 100.0;
      const double r = 0.2 + (next() % 100) / 100.0 * (i % 40 == 0 ? 2.5 : 0.8);
      cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
      cairo_arc(cr, x, y, r, 0, 6.2832);
      cairo_fill(cr);
    }
    // Scratches and hair: short strokes in every direction.
    cairo_set_line_width(cr, 0.8);
    for (int i = 0; i < 100; ++i) {
      const double x = next() % 59500 / 100.0, y = next() % 84100 / 100.0;
      cairo_move_to(cr, x, y);
      cairo_rel_line_to(cr, (next() % 1600) / 100.0 - 8, (next() % 1600) / 100.0 - 8);
      cairo_stroke(cr);
    }
  });
  const std::string png = vanban::testing::TempDir() + "/noise.png";
  REQUIRE(cairo_surface_write_to_png(image.get(), png.c_str()) == CAIRO_STATUS_SUCCESS);
  if (const char* keep = std::getenv("VANBAN_KEEP_TEST_IMAGES")) {
    std::system(("cp '" + png + "' '" + keep + "'").c_str());
  }
  auto pages = OcrImageFile(png, TestOptions());
  REQUIRE(pages.ok());
  REQUIRE(pages->size() == 1);
  const Page& page = (*pages)[0];
  INFO(page.reason << " confidence " << page.ocr_confidence);
  CHECK(page.source == PageSource::kOcr);
  CHECK(page.text.empty());
  CHECK(page.words.empty());
  // Tesseract reads the scratches as a few junk "words"; their confidence
  // gives them away.
  CHECK(page.reason == "image, OCR; near-blank or noise: mean word confidence 38 < 40, text dropped");
}

TEST_CASE("a speckled page read as noise is read again binarized, and its lines come back", "[ocr][noise]") {
  const std::string scan = vanban::testing::RequireShared("corpus/scan/000_b1984531e09ab0e8.scan200.pdf");
  std::vector<Page> pages = OcrPdfPages(scan, {12}, TestOptions());
  REQUIRE(pages.size() == 1);
  INFO(pages[0].reason);
  CHECK(pages[0].source == PageSource::kOcr);
  CHECK(pages[0].reason.starts_with("OCR at 200 dpi; read again binarized without specks (confidence "));
  CHECK(pages[0].text == "- Đoàn thanh niên;\n- Lưu VP.\nVi Hữu Tài");
  CHECK(pages[0].ocr_confidence > 80);
}

TEST_CASE("a doubtful run of words is read again on its own: the signature title beside Nơi nhận", "[ocr][reread]") {
  // Our công văn at 200 dpi: Tesseract's line finding splits "PHÓ GIÁM ĐỐC"
  // (right) from its accents, which join "- Như trên;" (left) as "5 Á Ố",
  // and reads the letters as "2g) ¬.." at confidence 13–18.
  const std::string scan = vanban::testing::SourceDir() + "/corpus/scan/cv_baocao_cchc_sgddt.scan200.pdf";
  std::vector<Page> pages = OcrPdfPages(scan, {2}, TestOptions());
  REQUIRE(pages.size() == 1);
  INFO(pages[0].text);
  CHECK(pages[0].text.find("Nơi nhận: KT. GIÁM ĐỐC\n- Như trên;\nPHÓ GIÁM ĐỐC\n- Giám đốc, các PGĐ Sở;\n") !=
        std::string::npos);
}

TEST_CASE("the scan resolution of a page comes from its full-page image", "[ocr][dpi]") {
  struct Row {
    std::vector<ImageSize> images;
    double width_pt, height_pt;
    double dpi;
  };
  const std::vector<Row> table = {
      {{{1654, 2339}}, 595.44, 842.04, 200.0},             // A4 at 200 dpi (corpus scan200)
      {{{2481, 3508}, {2481, 3508}}, 595.44, 842.04, 300.0},
      {{{3508, 2481}}, 595.44, 842.04, 300.0},             // stored turned
      {{{1654, 2339}, {2481, 3508}}, 595.44, 842.04, 0.0},  // mixed: no single answer
      {{{200, 50}}, 595.44, 842.04, 0.0},                  // a logo, not a page
      {{}, 595.44, 842.04, 0.0},
  };
  for (const Row& row : table) {
    INFO(row.images.size() << " images, expect " << row.dpi);
    CHECK(ScanDpi(row.images, row.width_pt, row.height_pt) == Approx(row.dpi).margin(1.0));
  }
  const std::string scan = vanban::testing::RequireShared("corpus/scan/002_c8f5fa6bf13346e2.scan200.pdf");
  const std::vector<ImageSize> sizes = PdfImageSizes(scan);
  REQUIRE(sizes.size() == 6);
  CHECK(sizes[0].width == 1654);
  CHECK(sizes[0].height == 2339);
}

TEST_CASE("a 200 dpi scan is OCR'd at 200 dpi, not interpolated up to 300", "[ocr][dpi]") {
  const std::string scan = vanban::testing::RequireShared("corpus/scan/004_e32909d42310c0f5.scan200.pdf");
  Options options = TestOptions();
  options.dpi = 300;
  std::vector<Page> pages = OcrPdfPages(scan, {1}, options);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].source == PageSource::kOcr);
  CHECK(pages[0].reason == "OCR at 200 dpi (the scan's resolution)");
  CHECK(pages[0].width == 1654);
  CHECK(pages[0].ocr_confidence > 90);
}

TEST_CASE("the ruling lines of a table are found as rules", "[ocr][rules]") {
  // A 3 x 2 grid (bảng nhiệm vụ) with text in its cells, at 300 dpi.
  Surface image = PageImage([](cairo_t* cr) {
    cairo_set_line_width(cr, 0.75);
    for (double y : {100.0, 140.0, 180.0}) {
      cairo_move_to(cr, 60, y);
      cairo_line_to(cr, 540, y);
    }
    for (double x : {60.0, 300.0, 540.0}) {
      cairo_move_to(cr, x, 100);
      cairo_line_to(cr, x, 180);
    }
    cairo_stroke(cr);
    DrawText(cr, "Cải cách thủ tục hành chính", 66, 108, 13);
    DrawText(cr, "Tổ chức thực hiện", 306, 148, 13);
  });
  const std::string png = vanban::testing::TempDir() + "/table.png";
  REQUIRE(cairo_surface_write_to_png(image.get(), png.c_str()) == CAIRO_STATUS_SUCCESS);
  PixPtr gray = ToGray8(AdoptPix(pixRead(png.c_str())).get());
  REQUIRE(gray);
  std::vector<vanban::Rule> rules = FindRules(gray.get(), 300);
  std::vector<vanban::Rule> horizontal, vertical;
  for (const vanban::Rule& r : rules) (r.box.width() > r.box.height() ? horizontal : vertical).push_back(r);
  REQUIRE(horizontal.size() == 3);
  REQUIRE(vertical.size() == 3);
  const double px = 300.0 / 72;
  std::sort(horizontal.begin(), horizontal.end(),
            [](const auto& a, const auto& b) { return a.box.y0 < b.box.y0; });
  std::sort(vertical.begin(), vertical.end(),
            [](const auto& a, const auto& b) { return a.box.x0 < b.box.x0; });
  const double ys[] = {100, 140, 180}, xs[] = {60, 300, 540};
  for (int i = 0; i < 3; ++i) {
    CHECK(horizontal[i].box.cy() == Approx(ys[i] * px).margin(4));
    CHECK(horizontal[i].box.x0 == Approx(60 * px).margin(6));
    CHECK(horizontal[i].box.x1 == Approx(540 * px).margin(6));
    CHECK(vertical[i].box.cx() == Approx(xs[i] * px).margin(4));
    CHECK(vertical[i].box.height() == Approx(80 * px).margin(8));
  }
}
