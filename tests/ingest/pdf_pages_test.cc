// Per-page outcomes of a PDF: pages without a text layer, the page limit,
// progress reports. OCR itself is tested in tests/ocr.
#include <catch2/catch.hpp>
#include <fstream>

#include "ingest/ingest.h"
#include "tests/ingest/pdf_fixtures.h"
#include "tests/support/support.h"

namespace vanban::ingest {
namespace {

// Page 1 says "Hello vanban"; page 2 has no content at all (a scan's page
// without its image, as far as the text layer goes).
std::string TwoPagePdf() {
  std::vector<std::string> objects = testing::HelloObjects();
  objects[1] = "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>";
  objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] >>");
  return testing::BuildPdf(objects);
}

std::string WriteTemp(const std::string& bytes) {
  std::string path = testing::TempDir() + "/two.pdf";
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST_CASE("OcrMode::kNever: a page without text layer is kept, failed, with the reason", "[ingest][pdf]") {
  Options options;
  options.ocr = OcrMode::kNever;
  std::vector<std::pair<int, int>> progress;
  options.on_page = [&](int done, int total) { progress.emplace_back(done, total); };
  Result<Document> doc = ReadFile(WriteTemp(TwoPagePdf()), options);
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pages[0].source == PageSource::kTextLayer);
  CHECK(doc->pages[0].text == "Hello vanban");
  const Page& blank = doc->pages[1];
  CHECK(blank.number == 2);
  CHECK(blank.source == PageSource::kFailed);
  CHECK(blank.reason == "no text layer");
  CHECK(blank.status.code() == Status::Code::kUnsupported);
  CHECK(blank.status.message() == "page has no text layer and OCR is off");
  CHECK(blank.width == 842);  // landscape, in points
  CHECK(blank.height == 595);
  CHECK(progress == std::vector<std::pair<int, int>>{{1, 2}, {2, 2}});
}

TEST_CASE("Pages past Options::max_pages are recorded as failed", "[ingest][pdf]") {
  Options options;
  options.ocr = OcrMode::kNever;
  options.max_pages = 1;
  Result<Document> doc = ReadFile(WriteTemp(TwoPagePdf()), options);
  REQUIRE(doc.ok());
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pages[0].text == "Hello vanban");
  CHECK(doc->pages[1].source == PageSource::kFailed);
  CHECK(doc->pages[1].status.code() == Status::Code::kLimitExceeded);
  CHECK(doc->pages[1].status.message() == "past the page limit (1)");
}

TEST_CASE("Text files report their pages as progress too", "[ingest][text]") {
  std::string path = testing::TempDir() + "/plan.txt";
  std::ofstream(path, std::ios::binary) << "trang 1\ftrang 2";
  Options options;
  std::vector<std::pair<int, int>> progress;
  options.on_page = [&](int done, int total) { progress.emplace_back(done, total); };
  Result<Document> doc = ReadFile(path, options);
  REQUIRE(doc.ok());
  CHECK(doc->encoding == "UTF-8");
  REQUIRE(doc->pages.size() == 2);
  CHECK(doc->pages[1].text == "trang 2");
  CHECK(progress == std::vector<std::pair<int, int>>{{2, 2}});
}

}  // namespace
}  // namespace vanban::ingest
