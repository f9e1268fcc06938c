// The sample documents of corpus/: the generated PDFs are there, have the
// pages we laid out, carry the header in their text layer (scans carry none),
// agree with their gold, and regenerate to the same text.
#include <poppler-document.h>
#include <poppler-page.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/support.h"

namespace fs = std::filesystem;
using vanban::testing::ReadFile;
using vanban::testing::SourceDir;
using vanban::testing::TempDir;

namespace {

struct Sample {
  std::string name;
  int pages;
  std::string scan;  // "" or "scan300" / "scan200"
  std::vector<std::string> page1;  // lines the text layer of page 1 must hold
};

// name → pages, scan, header lines as printed.
const std::vector<Sample> kSamples = {
    {"kh_cchc_thpt_hoaloc", 5, "scan300",
     {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT HÒA LỘC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-THPTHL", "Tân Phước, ngày 05 tháng 3 năm 2026",
      "KẾ HOẠCH", "Cải cách hành chính năm 2026", "của Trường THPT Hòa Lộc"}},
    {"kh_chuyendoiso_thcs_phuthanh", 4, "scan300",
     {"UBND XÃ PHÚ THÀNH", "TRƯỜNG THCS PHÚ THÀNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 08/KH-THCSPT", "Phú Thành, ngày 20 tháng 01 năm 2026", "KẾ HOẠCH",
      "Thực hiện chuyển đổi số trong dạy học và quản lý", "năm 2026 của Trường THCS Phú Thành"}},
    {"qd_tocongtac_cchc_thpt_binhdien", 3, "",
     {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT BÌNH ĐIỀN", "Số: 45/QĐ-THPTBĐ",
      "Bình Điền, ngày 02 tháng 10 năm 2025", "QUYẾT ĐỊNH",
      "Về việc thành lập Tổ công tác cải cách hành chính", "QUYẾT ĐỊNH:"}},
    {"kh_tuyentruyen_cchc_th_anbinh", 3, "scan300",
     {"UBND PHƯỜNG AN BÌNH", "TRƯỜNG TIỂU HỌC AN BÌNH", "Số: 05/KH-THAB",
      "An Bình, ngày 9 tháng 02 năm 2026", "KẾ HOẠCH", "Tuyên truyền cải cách hành chính năm 2026"}},
    {"cv_baocao_cchc_sgddt", 2, "scan200",
     {"UBND TỈNH ĐỒNG THÁP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 215/SGDĐT-VP",
      "Đồng Tháp, ngày 27 tháng 02 năm 2026", "Kính gửi:"}},
};

std::string CorpusPath(const std::string& rel) { return SourceDir() + "/corpus/" + rel; }

std::unique_ptr<poppler::document> Open(const std::string& path) {
  return std::unique_ptr<poppler::document>(poppler::document::load_from_file(path));
}

std::string PageText(poppler::document& doc, int i) {
  std::unique_ptr<poppler::page> p(doc.create_page(i));
  if (!p) return "";
  poppler::byte_array utf8 = p->text().to_utf8();
  return std::string(utf8.begin(), utf8.end());
}

std::string AllText(poppler::document& doc) {
  std::string out;
  for (int i = 0; i < doc.pages(); ++i) out += PageText(doc, i) + "\f";
  return out;
}

// Single spaces, so that a value that wraps over two lines still matches.
std::string Flat(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("corpus: every sample has its plan, text PDF and gold, with the laid-out page count") {
  for (const Sample& s : kSamples) {
    INFO(s.name);
    CHECK(fs::exists(CorpusPath("plans/" + s.name + ".plan")));
    CHECK(fs::exists(CorpusPath("gold/" + s.name + ".json")));
    auto doc = Open(CorpusPath("pdf/" + s.name + ".pdf"));
    REQUIRE(doc);
    CHECK(doc->pages() == s.pages);
  }
}

TEST_CASE("corpus: page 1 of each text PDF holds the header lines") {
  for (const Sample& s : kSamples) {
    auto doc = Open(CorpusPath("pdf/" + s.name + ".pdf"));
    REQUIRE(doc);
    std::string page1 = Flat(PageText(*doc, 0));
    for (const std::string& line : s.page1) {
      INFO(s.name << ": " << line);
      CHECK(page1.find(line) != std::string::npos);
    }
  }
}

TEST_CASE("corpus: scans are image-only, page for page") {
  for (const Sample& s : kSamples) {
    if (s.scan.empty()) continue;
    INFO(s.name);
    std::string path = CorpusPath("scan/" + s.name + "." + s.scan + ".pdf");
    auto doc = Open(path);
    REQUIRE(doc);
    CHECK(doc->pages() == s.pages);
    CHECK(Flat(AllText(*doc)).empty());
    // Flate-compressed grey pages: keep the repository small.
    CHECK(fs::file_size(path) < 600u * 1024 * s.pages);
  }
}

TEST_CASE("corpus: gold values are printed in the document") {
  for (const Sample& s : kSamples) {
    INFO(s.name);
    auto gold = nlohmann::json::parse(ReadFile(CorpusPath("gold/" + s.name + ".json")));
    auto doc = Open(CorpusPath("pdf/" + s.name + ".pdf"));
    REQUIRE(doc);
    std::string text = Flat(AllText(*doc));
    // "Số: 12/KH-THPTHL" → gold number "12/KH-THPTHL".
    CHECK(text.find(gold["number"].get<std::string>()) != std::string::npos);
    CHECK(text.find(gold["signer"]["name"].get<std::string>()) != std::string::npos);
    for (const auto& t : gold["targets"]) {
      INFO(t["text"]);
      CHECK(text.find(t["text"].get<std::string>()) != std::string::npos);
    }
    for (const auto& r : gold["recipients"]) CHECK(text.find(r.get<std::string>()) != std::string::npos);
    for (const auto& h : gold["sections"]) CHECK(text.find(h.get<std::string>()) != std::string::npos);
    for (const auto& r : gold["references"]) CHECK(text.find(r["number"].get<std::string>()) != std::string::npos);
  }
}

TEST_CASE("corpus: laying a plan out again gives the committed text") {
  const char* tool = VANBAN_LAYOUT_BIN;
  if (!fs::exists(tool)) {
    WARN("vanban-layout not built at " << tool);
    return;
  }
  std::string dir = TempDir();
  for (const Sample& s : kSamples) {
    INFO(s.name);
    std::string out = dir + "/" + s.name + ".pdf";
    std::string cmd = std::string("'") + tool + "' '" + CorpusPath("plans/" + s.name + ".plan") +
                      "' --pdf '" + out + "' > /dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    auto fresh = Open(out);
    auto committed = Open(CorpusPath("pdf/" + s.name + ".pdf"));
    REQUIRE(fresh);
    REQUIRE(committed);
    REQUIRE(fresh->pages() == committed->pages());
    for (int i = 0; i < fresh->pages(); ++i) {
      INFO("page " << i + 1);
      CHECK(PageText(*fresh, i) == PageText(*committed, i));
    }
  }
}
