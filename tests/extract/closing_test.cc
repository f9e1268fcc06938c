// The closing: Nơi nhận items and the signature block, in the shapes text
// extraction gives them (columns one after the other, interleaved, merged).
#include <catch2/catch.hpp>

#include "extract/parts.h"
#include "tests/extract/test_text.h"

using vanban::Record;
using vanban::testing::At;
using vanban::testing::TextOf;

namespace {

Record Closing(const vanban::NormalizedText& t) {
  Record r;
  vanban::extract::internal::ExtractSigner(t, &r);
  vanban::extract::internal::ExtractRecipients(t, &r);
  return r;
}

std::vector<std::string> Items(const Record& r) {
  std::vector<std::string> out;
  for (const auto& x : r.recipients) out.push_back(x.text);
  return out;
}

using L = std::vector<std::string>;
const char* kBodyEnd = "Trên đây là Kế hoạch cải cách hành chính năm 2026 của Trường./.\n\n";

}  // namespace

TEST_CASE("closing: label, items, then the name alone", "[extract][closing]") {
  auto t = TextOf(std::string(kBodyEnd) +
                  "Nơi nhận:\n\n- Sở GD&ĐT (qua VP);\n- Ban giám hiệu;\n- Các tổ CM;\n- Đoàn thanh niên;\n"
                  "- Lưu VP.\n\n\n\nVi Hữu Tài");
  Record r = Closing(t);
  CHECK(Items(r) == L{"Sở GD&ĐT (qua VP)", "Ban giám hiệu", "Các tổ CM", "Đoàn thanh niên", "Lưu VP"});
  REQUIRE(r.signer.has_value());
  CHECK(r.signer->name == "Vi Hữu Tài");
  CHECK_FALSE(r.signer->title.has_value());
  CHECK(At(t, r.signer->where.begin, r.signer->where.end) == "Vi Hữu Tài");
  CHECK(At(t, r.recipients[0].where.begin, r.recipients[0].where.end) == "- Sở GD&ĐT (qua VP);");
}

TEST_CASE("closing: title on the label line, name below the items", "[extract][closing]") {
  Record r = Closing(TextOf(std::string(kBodyEnd) +
                            "Nơi nhận:                                    HIỆU TRƯỞNG \n"
                            "- Phòng Văn hóa (báo cáo); \n\n- Cán bộ, giáo viên, nhân viên (thực hiện); \n\n"
                            "- Lưu: VT. \n\n \n\n                                  Nguyễn Văn Hãnh \n"));
  CHECK(Items(r) == L{"Phòng Văn hóa (báo cáo)", "Cán bộ, giáo viên, nhân viên (thực hiện)", "Lưu: VT"});
  REQUIRE(r.signer.has_value());
  CHECK(r.signer->name == "Nguyễn Văn Hãnh");
  CHECK(r.signer->title == "HIỆU TRƯỞNG");
  CHECK(r.signer->authority.empty());
}

TEST_CASE("closing: title above the label, name in capitals", "[extract][closing]") {
  Record r = Closing(TextOf(
      "d) Tiếp tục nghiên cứu, xây dựng các hệ thống thông tin. \n\n \n\n     HIỆU TRƯỞNG \n\n"
      "Nơi nhận:   \n      - Sở GD&ĐT (để báo cáo) \n\n- Ban Lãnh đạo (để chỉ đạo);    \n\n"
      "- HĐSP (để thực hiện);  \n\n- Lưu: VT.  \nĐÀO THẾ ANH  \n\n\f\nVII \n\nDANH MỤC \n\n"
      "Nhiệm vụ, công việc cụ thể \n1. Ban hành Kế hoạch. Hiệu trưởng: Đào Thế Anh\n"));
  CHECK(Items(r) == L{"Sở GD&ĐT (để báo cáo)", "Ban Lãnh đạo (để chỉ đạo)", "HĐSP (để thực hiện)", "Lưu: VT"});
  REQUIRE(r.signer.has_value());
  CHECK(r.signer->name == "Đào Thế Anh");
  CHECK(r.signer->title == "HIỆU TRƯỞNG");
}

TEST_CASE("closing: columns interleaved line by line, KT. authority", "[extract][closing]") {
  Record r = Closing(TextOf(std::string(kBodyEnd) +
                            "Nơi nhận:\nKT. GIÁM ĐỐC\n- Như trên;\nPHÓ GIÁM ĐỐC\n- Giám đốc, các PGĐ Sở;\n"
                            "- Cổng TTĐT Sở;                  (Đã ký)\n- Lưu: VT, VP.\n\n\nLê Hoàng Phúc\n"));
  CHECK(Items(r) == L{"Như trên", "Giám đốc, các PGĐ Sở", "Cổng TTĐT Sở", "Lưu: VT, VP"});
  REQUIRE(r.signer.has_value());
  CHECK(r.signer->authority == "KT.");
  CHECK(r.signer->title == "PHÓ GIÁM ĐỐC");
  CHECK(r.signer->title_lines == L{"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"});
  CHECK(r.signer->name == "Lê Hoàng Phúc");
}

TEST_CASE("closing: columns merged on one line", "[extract][closing]") {
  Record r = Closing(TextOf(std::string(kBodyEnd) +
                            "Nơi nhận: TM. ỦY BAN NHÂN DÂN\n- Như trên; CHỦ TỊCH\n- Lưu: VT.\n\nTRẦN VĂN BÌNH\n"));
  CHECK(Items(r) == L{"Như trên", "Lưu: VT"});
  REQUIRE(r.signer.has_value());
  CHECK(r.signer->authority == "TM.");
  CHECK(r.signer->title == "CHỦ TỊCH");
  CHECK(r.signer->name == "Trần Văn Bình");
}

TEST_CASE("closing: items without the label, no signature", "[extract][closing]") {
  Record r = Closing(TextOf(
      "Trên đây là Kế hoạch CCHC nhà nước của trường THCS Bình Minh năm 2023, đề nghị CB, GV, NV nghiêm "
      "túc thực hiện./.\n - Phòng GDĐT (để b/c);\n- Các tổ c/m (để thực hiện);\n- Lưu: VT.\n "));
  CHECK(Items(r) == L{"Phòng GDĐT (để b/c)", "Các tổ c/m (để thực hiện)", "Lưu: VT"});
  CHECK_FALSE(r.signer.has_value());
}

TEST_CASE("closing: OCR label and unreadable signature", "[extract][closing]") {
  Record r = Closing(TextOf(
      "2. Cac doan the, to chuyen mon va To Van phdng\n\n\n\nNori nhan:\n- Nhu' tren;\n- Ban Giam hieu;\n"
      "- Cac bo phan, doan the;\n- Luu: VT.\n\nTRUdNG \n - Van phong tham mint vdi Ban giam hieu nha truang\n"));
  CHECK(Items(r) == L{"Nhu tren", "Ban Giam hieu", "Cac bo phan, doan the", "Luu: VT"});
  CHECK_FALSE(r.signer.has_value());
}

TEST_CASE("closing: a wrapped item continues in lower case", "[extract][closing]") {
  Record r = Closing(TextOf(std::string(kBodyEnd) +
                            "Nơi nhận:\n- Giám đốc Trung tâm Giáo dục nghề nghiệp - Giáo dục\nthường xuyên;\n"
                            "- Lưu: VT.\nHIỆU TRƯỞNG\nNguyễn Thị Lan\n"));
  CHECK(Items(r) == L{"Giám đốc Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Lưu: VT"});
  REQUIRE(r.signer.has_value());
  CHECK(r.signer->name == "Nguyễn Thị Lan");
}

TEST_CASE("closing: scanner dirt after an item's semicolon, b/c read b/€", "[extract][closing]") {
  // As OCR reads the Nơi nhận lists of our scans: the seal and signature
  // beside the list leave short dirt after the items.
  auto t = TextOf(std::string(kBodyEnd) +
                  "Nơi nhận:\n- Như trên;\n- Giám đốc, các PGĐ Sở; 2g) ¬\n- Sở Nội vụ (để b/€); ' m-e\n"
                  "- Các tổ chuyên môn, Tổ Văn phòng; xu\n- UBND xã Phú Thành (b/c); : :\n"
                  "- Sở GD&ĐT; Phòng GD&ĐT;\n- Lưu: VT.");
  CHECK(Items(Closing(t)) == L{"Như trên", "Giám đốc, các PGĐ Sở", "Sở Nội vụ (để b/c)",
                               "Các tổ chuyên môn, Tổ Văn phòng", "UBND xã Phú Thành (b/c)",
                               "Sở GD&ĐT; Phòng GD&ĐT", "Lưu: VT"});
}

TEST_CASE("closing: why a copy is sent, its slash lost in OCR", "[extract][closing]") {
  // kh_chuyendoiso_thcs_phuthanh.scan300 read "(t/h)" as "(th)".
  auto t = TextOf(std::string(kBodyEnd) +
                  "Nơi nhận:\n- Phòng GD&ĐT (bc);\n- Các tổ CM, Tổ VP (th);\n- Trạm Y tế (để ph);\n"
                  "- Ban đại diện CMHS (đb);\n- Tổ Toán (tb);\n- Lưu: VT.");
  CHECK(Items(Closing(t)) == L{"Phòng GD&ĐT (b/c)", "Các tổ CM, Tổ VP (t/h)", "Trạm Y tế (để p/h)",
                               "Ban đại diện CMHS (đ/b)", "Tổ Toán (tb)", "Lưu: VT"});
}

TEST_CASE("closing: body bullets at the end are not recipients", "[extract][closing][bad]") {
  Record r = Closing(TextOf("III. TỔ CHỨC THỰC HIỆN\n- Xây dựng kế hoạch;\n- Lưu trữ hồ sơ điện tử theo quy định.\n"));
  CHECK(r.recipients.empty());
  CHECK_FALSE(r.signer.has_value());
  for (const char* in : {"", "\n\n\f", "Nơi nhận:", "- Lưu: VT.", "\xff\xfe"}) {
    INFO(in);
    Record e = Closing(TextOf(in));
    CHECK_FALSE(e.signer.has_value());
  }
}

TEST_CASE("closing: an OCR apostrophe glued to a word is dropped", "[extract][closing]") {
  Record r = Closing(TextOf(std::string(kBodyEnd) + "Nơi nhận:\n- Như' trên;\n- Lưu’ VT.\n"));
  CHECK(Items(r) == L{"Như trên", "Lưu VT"});
}

TEST_CASE("closing: a degree before the name is not part of it", "[extract][closing]") {
  Record r = Closing(TextOf(std::string(kBodyEnd) +
                            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nHIỆU TRƯỞNG\n(Đã ký)\nThS. Nguyễn Thị Thu Hà\n"));
  REQUIRE(r.signer.has_value());
  CHECK(r.signer->name == "Nguyễn Thị Thu Hà");
  CHECK(r.signer->title == "HIỆU TRƯỞNG");
}
