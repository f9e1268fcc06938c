// Text decoding, page splitting and magic-byte sniffing (ingest/formats.h).
#include <catch2/catch.hpp>

#include "common/vietnamese.h"
#include "ingest/formats.h"

namespace vanban::ingest::internal {
namespace {

using namespace std::string_literals;

TEST_CASE("DecodeText finds the encoding and gives UTF-8", "[ingest][text]") {
  struct Case {
    const char* what;
    std::string bytes;
    const char* encoding;
    std::string want;  // compared after NFC: windows-1258 stores tones as combining marks
  };
  const Case cases[] = {
      {"UTF-8", "Kế hoạch số 06/KH-THPTLT\n", "UTF-8", "Kế hoạch số 06/KH-THPTLT\n"},
      {"UTF-8 with BOM", "\xEF\xBB\xBFSở GD&ĐT", "UTF-8", "Sở GD&ĐT"},
      {"ASCII is UTF-8", "Ke hoach", "UTF-8", "Ke hoach"},
      {"CRLF and lone CR", "một\r\nhai\rba\n", "UTF-8", "một\nhai\nba\n"},
      {"UTF-16LE with BOM", "\xFF\xFEK\0\xBF\x1E \0\x11\x01"s, "UTF-16LE", "Kế đ"},
      {"UTF-16BE with BOM", "\xFE\xFF\0K\x1E\xBF\0 \x01\x11"s, "UTF-16BE", "Kế đ"},
      {"windows-1258 (tones as combining marks)",
       "K\xea\xec hoa\xf2" "ch ca\xd2i c\xe1" "ch h\xe0nh ch\xednh n\xe3m 2026 cu\xd2" "a Tr\xfd\xf5\xccng THPT "
       "L\xf4\xf2" "c Th\xe1i, \xd0\xf4\xccng Nai: ph\xe2\xecn \xf0\xe2\xecu \xf0" "a\xf2t 98% h\xf4\xcc s\xf5 "
       "\xf0\xfang ha\xf2n.",
       "windows-1258",
       "Kế hoạch cải cách hành chính năm 2026 của Trường THPT Lộc Thái, Đồng Nai: phấn đấu đạt 98% hồ sơ đúng "
       "hạn."},
      {"Latin-1 text that is not Vietnamese", "Le caf\xe9 est tr\xe8s bon. R\xe9sum\xe9 de l'\xe9t\xe9 \xe0 "
       "No\xebl, o\xf9 il fait chaud. Le caf\xe9 est tr\xe8s bon.",
       "ISO-8859-1", "Le café est très bon. Résumé de l'été à Noël, où il fait chaud. Le café est très bon."},
      // Legacy font encodings keep their Latin-1 reading for normalize's
      // TCVN3/VNI converter (normalize/legacy.h), not a windows-1258 one.
      {"TCVN3 bytes", "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc" "a Vi\xd6t Nam. C\xe9ng ho\xb5 x\xb7 h\xe9i.",
       "ISO-8859-1", "Céng hoµ x· héi chñ nghÜa ViÖt Nam. Céng hoµ x· héi."},
      {"VNI bytes", "Co\xe4ng ho\xf8" "a xa\xf5 ho\xe4i chu\xfb ngh\xf3" "a Vie\xe4t Nam. Co\xe4ng ho\xf8" "a.",
       "ISO-8859-1", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Coäng hoøa."},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Result<DecodedText> got = DecodeText(c.bytes);
    REQUIRE(got.ok());
    CHECK(got->encoding == c.encoding);
    CHECK(ToNfc(got->utf8) == c.want);
  }
}

TEST_CASE("DecodeText refuses what is not text, and says why", "[ingest][text]") {
  struct Case {
    const char* what;
    std::string bytes;
    const char* message;
  };
  std::string controls;
  for (int i = 0; i < 200; ++i) controls += static_cast<char>(i % 2 ? 'a' : 0x01 + i % 8);
  const Case cases[] = {
      {"NUL bytes", "abc\0def"s, "binary data, not text: NUL byte at offset 3"},
      {"control characters", controls, "binary data, not text: 100 control characters (decoded as UTF-8)"},
      {"broken UTF-8 after a BOM", "\xEF\xBB\xBF" "abc\xC3", "invalid UTF-8 after a UTF-8 byte-order mark"},
      {"odd UTF-16LE", "\xFF\xFE" "a\0b"s, "undecodable text: invalid UTF-16LE after its byte-order mark"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Result<DecodedText> got = DecodeText(c.bytes);
    REQUIRE_FALSE(got.ok());
    CHECK(got.status().code() == Status::Code::kInvalidInput);
    CHECK(got.status().message() == c.message);
  }
}

TEST_CASE("SplitTextPages splits at form feeds", "[ingest][text]") {
  struct Case {
    std::string text;
    std::vector<std::string> pages;
  };
  const Case cases[] = {
      {"một trang", {"một trang"}},
      {"", {""}},
      {"trang 1\ftrang 2\ftrang 3", {"trang 1", "trang 2", "trang 3"}},
      // pdftotext ends every page with a form feed: no empty page after it.
      {"trang 1\ftrang 2\f", {"trang 1", "trang 2"}},
      {"trang 1\f\ftrang 3", {"trang 1", "", "trang 3"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<Page> pages = SplitTextPages(c.text);
    REQUIRE(pages.size() == c.pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
      CHECK(pages[i].number == static_cast<int>(i) + 1);
      CHECK(pages[i].source == PageSource::kPlainText);
      CHECK(pages[i].text == c.pages[i]);
    }
  }
}

TEST_CASE("SniffFormat reads magic bytes", "[ingest][sniff]") {
  struct Case {
    std::string head;
    Format want;
  };
  const Case cases[] = {
      {"%PDF-1.7\n", Format::kPdf},
      {"\r\n%PDF-1.4\n", Format::kPdf},  // junk before the header is allowed
      {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s, Format::kPng},
      {"\xFF\xD8\xFF\xE0\0\x10JFIF"s, Format::kJpeg},
      {"II*\0\x08\0\0\0"s, Format::kTiff},
      {"MM\0*\0\0\0\x08"s, Format::kTiff},
      {"GIF89a", Format::kGif},
      {"BM\x36\0\x0c\0\0\0\0\0\x36\0\0\0"s, Format::kBmp},
      {"BMW và các hãng xe khác", Format::kUnknown},
      {"PK\x03\x04\x14\0"s, Format::kZip},
      {"\x1f\x8b\x08"s, Format::kGzip},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Format::kOle2},
      {"\x7f" "ELF\x02\x01", Format::kElf},
      {"Kế hoạch", Format::kUnknown},
  };
  for (const Case& c : cases) {
    INFO(c.head);
    CHECK(SniffFormat(c.head) == c.want);
  }
}

}  // namespace
}  // namespace vanban::ingest::internal
