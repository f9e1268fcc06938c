// The seeds of the shared corpus (../shared/corpus): text-layer PDFs made by
// LibreOffice from the .txt files, one column throughout.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "ingest/ingest.h"
#include "tests/support/support.h"

namespace vanban::ingest {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (true) {
    size_t nl = text.find('\n', begin);
    lines.push_back(text.substr(begin, nl == std::string::npos ? std::string::npos : nl - begin));
    if (nl == std::string::npos) break;
    begin = nl + 1;
  }
  return lines;
}

TEST_CASE("Seed PDFs: page counts, page size, every page from the text layer", "[ingest][corpus]") {
  std::string dir = testing::RequireShared("corpus/pdf");
  // The text layer alone: with OcrMode::kAuto the quality test sends seed
  // 001, typed without diacritics, to OCR.
  Options text_layer;
  text_layer.ocr = OcrMode::kNever;
  std::vector<std::string> names = testing::SeedNames();
  const int want_pages[] = {12, 21, 6, 8, 6};
  REQUIRE(names.size() == 5);
  for (size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    Result<Document> doc = ReadFile(dir + "/" + names[i] + ".pdf", text_layer);
    REQUIRE(doc.ok());
    CHECK(doc->kind == SourceKind::kPdf);
    REQUIRE(static_cast<int>(doc->pages.size()) == want_pages[i]);
    for (const Page& page : doc->pages) {
      INFO("page " << page.number);
      CHECK(page.source == PageSource::kTextLayer);
      CHECK(page.status.ok());
      CHECK(page.width == Approx(595.304));
      CHECK(page.height == Approx(841.89));
      CHECK_FALSE(page.words.empty());
      // Every word is on a line of the text, and the lines hold the words.
      std::vector<std::string> lines = Lines(page.text);
      for (const Word& w : page.words) {
        REQUIRE(w.line >= 0);
        REQUIRE(w.line < static_cast<int>(lines.size()));
        CHECK(lines[w.line].find(w.text) != std::string::npos);
        CHECK(w.font_size == Approx(13));
      }
    }
  }
}

TEST_CASE("Seed 003: the first page's lines in order", "[ingest][corpus]") {
  std::string path = testing::RequireShared("corpus/pdf/003_bff9b64896aa50d4.pdf");
  Result<Document> doc = ReadFile(path, Options{});
  REQUIRE(doc.ok());
  std::vector<std::string> lines = Lines(doc->pages[0].text);
  const std::vector<std::string> want = {
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "TRƯỜNG THPT KIẾN THỤY",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 30/KH-THPTKT",
      "Hải Phòng, ngày 25 tháng 01 năm 2024",
      "KẾ HOẠCH",
      "Công tác Cải cách hành chính nhà nước",
      "năm 2024 trường THPT Kiến Thụy",
      "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành",
  };
  REQUIRE(lines.size() > want.size());
  for (size_t i = 0; i < want.size(); ++i) CHECK(lines[i] == want[i]);
  // A hyphen that ends a line stays, and the next line is not glued to it.
  CHECK(lines[12] == "phố về thực hiện Chương trình tổng thể CCHC nhà nước thành phố giai đoạn 2021-");
  CHECK(lines[13].starts_with("2025; Quyết định số 4791/QĐ-UBND"));
}

TEST_CASE("Seed texts: UTF-8, one page, the file's content", "[ingest][corpus]") {
  std::string dir = testing::RequireShared("corpus/txt");
  for (const std::string& name : testing::SeedNames()) {
    INFO(name);
    std::string path = dir + "/" + name + ".txt";
    Result<Document> doc = ReadFile(path, Options{});
    REQUIRE(doc.ok());
    std::string bytes = testing::ReadFile(path);
    CHECK(doc->kind == SourceKind::kText);
    CHECK(doc->encoding == "UTF-8");
    CHECK(doc->size_bytes == bytes.size());
    REQUIRE(doc->pages.size() == 1);
    CHECK(doc->pages[0].source == PageSource::kPlainText);
    CHECK(doc->pages[0].text == bytes);
  }
}

TEST_CASE("Document::sha256 is the SHA-256 of the file (as sha256sum prints it)", "[ingest][corpus]") {
  std::string dir = testing::RequireShared("corpus");
  struct Case {
    const char* file;
    const char* sha256;
  };
  const Case cases[] = {
      {"pdf/003_bff9b64896aa50d4.pdf", "a75828aad4df8fad215f58ccf4e9927a9f5fedd8e3f32aadf39cc65d97e5c328"},
      {"txt/003_bff9b64896aa50d4.txt", "6e86ff41fbfbd0049e8742a8cbaa22d35a30938c1541046831a86c8784f5c85a"},
  };
  for (const Case& c : cases) {
    Result<Document> doc = ReadFile(dir + "/" + c.file, Options{});
    REQUIRE(doc.ok());
    CHECK(doc->sha256 == c.sha256);
  }
}

TEST_CASE("ReadFile from several threads gives what it gives from one", "[ingest][corpus][threads]") {
  std::string dir = testing::RequireShared("corpus/pdf");
  Options options;
  options.ocr = OcrMode::kNever;
  std::vector<std::string> paths;
  for (const std::string& name : testing::SeedNames()) paths.push_back(dir + "/" + name + ".pdf");
  std::vector<std::string> sequential;
  for (const std::string& p : paths) {
    Result<Document> doc = ReadFile(p, options);
    REQUIRE(doc.ok());
    std::string all;
    for (const Page& page : doc->pages) all += page.text + "\f";
    sequential.push_back(all);
  }
  // Four threads, each reading every seed, in different orders.
  std::vector<std::vector<std::string>> got(4, std::vector<std::string>(paths.size()));
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (size_t k = 0; k < paths.size(); ++k) {
        size_t i = (k + t) % paths.size();
        Result<Document> doc = ReadFile(paths[i], options);
        if (!doc.ok()) continue;
        for (const Page& page : doc->pages) got[t][i] += page.text + "\f";
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (size_t t = 0; t < got.size(); ++t) CHECK(got[t] == sequential);
}

TEST_CASE("ListInputs walks folders, sorted, known extensions only", "[ingest][list]") {
  namespace fs = std::filesystem;
  std::string dir = testing::TempDir();
  fs::create_directories(dir + "/b/c");
  for (const char* f : {"b/z.pdf", "b/a.TXT", "b/c/scan.tiff", "b/notes.docx", "a.png", "b/c/x.jpeg"})
    std::ofstream(dir + "/" + f) << "x";
  std::vector<InputError> errors;
  std::vector<std::string> got =
      ListInputs({dir + "/b", dir + "/a.png", dir + "/missing", dir + "/b/notes.docx"}, &errors);
  CHECK(got == std::vector<std::string>{dir + "/b/a.TXT", dir + "/b/c/scan.tiff", dir + "/b/c/x.jpeg",
                                        dir + "/b/z.pdf", dir + "/a.png"});
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].path == dir + "/missing");
  CHECK(errors[0].status.code() == Status::Code::kNotFound);
  CHECK(errors[0].status.message() == "no such file or directory");
  CHECK(errors[1].path == dir + "/b/notes.docx");
  CHECK(errors[1].status.code() == Status::Code::kUnsupported);
}

}  // namespace
}  // namespace vanban::ingest
