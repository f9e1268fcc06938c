// Bad input for the header, signer, recipients and references extractors:
// random bytes, invalid UTF-8, documents cut at arbitrary bytes (inside a
// multi-byte letter too). Extraction must not throw, and every Span must lie
// inside the text.
#include <catch2/catch.hpp>

#include <random>

#include "extract/extract.h"
#include "tests/extract/test_text.h"
#include "tests/support/support.h"

namespace {

void CheckSpan(const vanban::NormalizedText& t, const vanban::Span& s) {
  CHECK(s.begin <= s.end);
  CHECK(s.end <= t.text.size());
}

void CheckRecord(const vanban::NormalizedText& t, const vanban::Record& r) {
  for (const auto* f : {&r.doc_type, &r.number, &r.issuer, &r.parent_issuer, &r.place, &r.date, &r.title})
    if (*f) CheckSpan(t, (*f)->where);
  if (r.signer) CheckSpan(t, r.signer->where);
  for (const auto& x : r.references) CheckSpan(t, x.where);
  for (const auto& x : r.recipients) CheckSpan(t, x.where);
}

vanban::Record Run(const vanban::NormalizedText& t) {
  vanban::Document doc;
  return vanban::extract::Extract(doc, t);
}

}  // namespace

TEST_CASE("robustness: random bytes", "[extract][bad]") {
  std::mt19937 rng(20260202);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 3000);
  for (int i = 0; i < 200; ++i) {
    std::string s(len(rng), '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    auto t = vanban::testing::TextOf(s);
    vanban::Record r;
    REQUIRE_NOTHROW(r = Run(t));
    CheckRecord(t, r);
  }
}

TEST_CASE("robustness: a plan's head and closing cut at every few bytes", "[extract][bad]") {
  const std::string plan =
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THPT KIẾN THỤY\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Số: 30/KH-THPTKT\nHải Phòng, ngày 25 tháng 01 năm 2024\nKẾ HOẠCH\nCông tác Cải cách hành chính\n"
      "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Ủy ban nhân dân (UBND) thành phố về\n"
      "Trên đây là Kế hoạch./.\nNơi nhận:\nKT. HIỆU TRƯỞNG\n- Như trên;\nPHÓ HIỆU TRƯỞNG\n- Lưu: VT.\n"
      "ĐÀO THẾ ANH\n\f(Kèm theo Kế hoạch số: 29/KH-THPTKT ngày 25/01/2024 của trường THPT Kiến Thụy)";
  for (size_t cut = 0; cut <= plan.size(); cut += 3) {
    auto t = vanban::testing::TextOf(plan.substr(0, cut));
    vanban::Record r;
    REQUIRE_NOTHROW(r = Run(t));
    CheckRecord(t, r);
  }
  auto t = vanban::testing::TextOf(plan);
  vanban::Record r = Run(t);
  CheckRecord(t, r);
  CHECK(r.number->value == "30/KH-THPTKT");
  CHECK(r.signer->name == "Đào Thế Anh");
  CHECK(r.signer->authority == "KT.");
}
