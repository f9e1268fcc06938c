// Bad input: every case comes back as a Status naming the reason, never a
// crash and never a half-read document.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "ingest/ingest.h"
#include "tests/ingest/pdf_fixtures.h"
#include "tests/support/support.h"

namespace vanban::ingest {
namespace {

using namespace std::string_literals;
using Code = Status::Code;

std::string Write(const std::string& dir, const std::string& name, const std::string& bytes) {
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string Junk(size_t n, bool with_nul) {
  std::mt19937 rng(20260202);
  std::string s;
  while (s.size() < n) {
    char c = static_cast<char>(rng() & 0xFF);
    if (with_nul || c != 0) s += c;
  }
  return s;
}

const std::string kPng = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0"s;

TEST_CASE("Bad files come back as a Status naming the reason", "[ingest][bad]") {
  std::string dir = testing::TempDir();
  std::string hello = testing::HelloPdf();
  struct Case {
    const char* what;
    std::string name;
    std::string bytes;
    Code code;
    std::string message;  // exact, or a prefix when it ends with "..."
  };
  const Case cases[] = {
      {"empty file", "empty.txt", "", Code::kInvalidInput, "empty file (0 bytes)"},
      {"empty PDF", "empty.pdf", "", Code::kInvalidInput, "empty file (0 bytes)"},
      {"truncated PDF", "truncated.pdf", hello.substr(0, hello.size() / 2), Code::kCorrupt,
       "PDF is truncated: no %%EOF marker at its end..."},
      {"garbage after the PDF header", "garbage.pdf", "%PDF-1.4\n" + Junk(3000, false) + "\n%%EOF\n",
       Code::kCorrupt, "PDF is damaged: no PDF objects after its %PDF header (poppler: Couldn't read xref table)"},
      {"PDF with a broken xref and no objects' bodies", "broken.pdf",
       "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\nxref\n0 1\nnonsense\n%%EOF\n",
       Code::kCorrupt, "PDF is damaged..."},
      {"encrypted PDF", "locked.pdf", testing::EncryptedPdf(), Code::kUnsupported,
       "PDF is encrypted: a password is needed to open it"},
      {"PNG named .txt", "image.txt", kPng, Code::kInvalidInput, "not text: file is a PNG image but named .txt"},
      {"PNG named .pdf", "image.pdf", kPng, Code::kInvalidInput,
       "not a PDF: starts with the PNG signature (a PNG image named .pdf)"},
      {"text named .pdf", "plan.pdf", "Kế hoạch cải cách hành chính năm 2026\n", Code::kInvalidInput,
       "not a PDF: file is plain text but named .pdf"},
      {"PDF named .txt", "plan.txt", hello, Code::kInvalidInput, "not text: file is a PDF document but named .txt"},
      {"text named .png", "scan.png", "Kế hoạch\n", Code::kInvalidInput,
       "not an image: file is plain text but named .png"},
      {"ZIP (a .docx) named .pdf", "plan.pdf", "PK\x03\x04\x14\0\x06\0"s + Junk(100, true), Code::kInvalidInput,
       "not a PDF: starts with the ZIP signature (a ZIP archive (or .docx/.xlsx/.odt) named .pdf)"},
      {"binary junk named .txt", "junk.txt", Junk(4096, true), Code::kInvalidInput,
       "binary data, not text: NUL byte at offset ..."},
      {"binary junk without NUL named .txt", "junk2.txt", Junk(4096, false), Code::kInvalidInput,
       "undecodable text: not UTF-8, and no encoding ICU detects (nor windows-1258) decodes it"},
      {"binary junk named .pdf", "junk.pdf", Junk(4096, false), Code::kInvalidInput,
       "not a PDF: no %PDF- header, and not text either (binary data)"},
      {"unknown extension", "plan.docx", "PK\x03\x04"s, Code::kUnsupported,
       "unknown extension \".docx\": vanban reads .txt .pdf .png .jpg .jpeg .tif .tiff"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::string path = Write(dir, c.name, c.bytes);
    Result<Document> doc = ReadFile(path, Options{});
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == c.code);
    if (c.message.ends_with("...")) {
      CHECK_THAT(doc.status().message(), Catch::StartsWith(c.message.substr(0, c.message.size() - 3)));
    } else {
      CHECK(doc.status().message() == c.message);
    }
  }
}

TEST_CASE("Paths that cannot be read come back as a Status", "[ingest][bad]") {
  std::string dir = testing::TempDir();
  SECTION("missing file") {
    Result<Document> doc = ReadFile(dir + "/missing.pdf", Options{});
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Code::kNotFound);
    CHECK(doc.status().message() == "no such file");
  }
  SECTION("a directory") {
    Result<Document> doc = ReadFile(dir, Options{});
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().code() == Code::kIOError);
    CHECK(doc.status().message() == "is a directory, not a file");
  }
  SECTION("a directory named like a PDF") {
    std::string sub = dir + "/folder.pdf";
    REQUIRE(::mkdir(sub.c_str(), 0755) == 0);
    Result<Document> doc = ReadFile(sub, Options{});
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.status().message() == "is a directory, not a file");
  }
  SECTION("no read permission") {
    std::string path = Write(dir, "secret.txt", "Kế hoạch\n");
    REQUIRE(::chmod(path.c_str(), 0) == 0);
    Result<Document> doc = ReadFile(path, Options{});
    if (::geteuid() == 0) {
      // root reads any file: the permission case cannot happen, the file reads.
      WARN("running as root: the permission case is not exercised");
      CHECK(doc.ok());
    } else {
      REQUIRE_FALSE(doc.ok());
      CHECK(doc.status().code() == Code::kIOError);
      CHECK(doc.status().message() == "cannot open: Permission denied");
    }
  }
}

TEST_CASE("A hand-made one-page PDF reads", "[ingest][pdf]") {
  std::string path = Write(testing::TempDir(), "hello.pdf", testing::HelloPdf());
  Result<Document> doc = ReadFile(path, Options{});
  REQUIRE(doc.ok());
  CHECK(doc->kind == SourceKind::kPdf);
  CHECK(doc->sha256 == Sha256Hex(testing::HelloPdf()));
  CHECK(doc->size_bytes == testing::HelloPdf().size());
  REQUIRE(doc->pages.size() == 1);
  const Page& page = doc->pages[0];
  CHECK(page.number == 1);
  CHECK(page.source == PageSource::kTextLayer);
  CHECK(page.text == "Hello vanban");
  CHECK(page.width == 595);
  CHECK(page.height == 842);
  REQUIRE(page.words.size() == 2);
  CHECK(page.words[0].text == "Hello");
  CHECK(page.words[1].text == "vanban");
  CHECK(page.words[0].font_size == Approx(12));
  CHECK(page.words[0].line == 0);
  CHECK_FALSE(page.words[0].bold);
  // 842 - 770 = 72 pt from the top, to the baseline.
  CHECK(page.words[0].box.y1 == Approx(72).margin(4));
  CHECK(page.words[0].box.x0 == Approx(72).margin(0.5));
}

}  // namespace
}  // namespace vanban::ingest
