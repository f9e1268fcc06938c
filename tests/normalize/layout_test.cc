// Page-level decisions (normalize/layout.h): which line breaks are kept, what
// is page furniture, where the header block ends. Lines are real lines of the
// seeds (txt and the PDF text of ../shared/corpus/pdf) unless marked.
#include "normalize/layout.h"

#include <catch2/catch.hpp>

namespace vanban::normalize::internal {
namespace {

using V = std::vector<std::string>;

struct JoinCase {
  const char* prev;
  const char* next;
  Join want;
};

const char* JoinName(Join j) {
  return j == Join::kSpace ? "space" : j == Join::kTight ? "tight" : "none";
}

TEST_CASE("DecideJoin: which line breaks fall inside a sentence", "[normalize][layout]") {
  const double full = 79;  // seed 003's full line (75th percentile), in code points
  const JoinCase cases[] = {
      // wrapped at the page width (long line), next starts upper case
      {"Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành",
       "Chương trình tổng thể Cải cách hành chính (CCHC) nhà nước giai đoạn 2021-2030;", Join::kSpace},
      {"1. Trong năm 2024, phấn đấu tiếp tục duy trì thứ hạng Chỉ số CCHC (PAR",
       "Index), Chỉ số hài lòng của người dân, tổ chức với sự phục vụ của cơ quan hành", Join::kSpace},
      // next starts lower case: joins whatever the length
      {"Kế hoạch số 216/KH-UBND ngày 23/9/2021 của Ủy ban nhân dân (UBND) thành",
       "phố về thực hiện Chương trình tổng thể CCHC nhà nước thành phố giai đoạn 2021-", Join::kSpace},
      {"- Đẩy mạnh công tác CCHC, trọng tâm là tiếp tục đổi mới sắp xếp, kiện toàn",
       "tổ chức bộ máy tại đơn vị;", Join::kSpace},
      {"Công tác Cải cách hành chính nhà nước", "năm 2024  trường THPT Kiến Thụy", Join::kSpace},
      // a code or number split at its hyphen joins tight
      {"phố về thực hiện Chương trình tổng thể CCHC nhà nước thành phố giai đoạn 2021-",
       "2025; Quyết định số 4791/QĐ-UBND ngày 29/12/2023 của UBND thành phố ban", Join::kTight},
      {"Thực hiện Kế hoạch số 381/KH-", "SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai", Join::kTight},
      // end punctuation ends the sentence
      {"Chương trình tổng thể Cải cách hành chính (CCHC) nhà nước giai đoạn 2021-2030;",
       "Kế hoạch số 216/KH-UBND ngày 23/9/2021 của Ủy ban nhân dân (UBND) thành", Join::kNone},
      {"CCHC năm 2024 như sau:", "I. MỤC ĐÍCH, YÊU CẦU", Join::kNone},
      {"hiện có hiệu quả và đồng bộ./.", "Nơi nhận:", Join::kNone},
      {"… (tổ chức hội nghị tập huấn, qua các trang mạng xã hội zalo, facebook...)",
       "thông tin, tuyên truyền", Join::kNone},
      // structural starts never continue a sentence
      {"2. Tăng cường ứng dụng công nghệ thông tin trong hoạt động CCHC nhà nước, và các",
       "- Tiếp tục đẩy mạnh xây dựng chính quyền điện tử, chính quyền số, cải cách thủ tục", Join::kNone},
      {"tăng cường ứng dụng công nghệ thông tin, truyền thông trong đánh giá, đo lường và",
       "b)Tiếp tục đánh giá công tác CCHC của trường theo Bộ Chỉ số CCHC do Ủy", Join::kNone},
      {"tăng cường ứng dụng công nghệ thông tin, truyền thông trong đánh giá, đo lường và",
       "7.Tổ chức chỉ đạo, điều hành", Join::kNone},
      {"tăng cường ứng dụng công nghệ thông tin, truyền thông trong đánh giá, đo lường và",
       "1.1. Mục tiêu", Join::kNone},
      {"tăng cường ứng dụng công nghệ thông tin, truyền thông trong đánh giá, đo lường và",
       "III.TỔ CHỨC THỰC HIỆN", Join::kNone},
      {"tăng cường ứng dụng công nghệ thông tin, truyền thông trong đánh giá, đo lường và",
       "Căn cứ Công văn hướng dẫn số: 5777/SGDĐT-TrH ngày 20/8/2025 của Sở", Join::kNone},
      {"Trên đây là kế hoạch Cải cách hành chính năm học 2025 - 2026 của trường THCS nhé",
       "HIỆU TRƯỞNG", Join::kNone},
      {"tăng cường ứng dụng công nghệ thông tin, truyền thông trong đánh giá, đo lường và",
       "KT. HIỆU TRƯỞNG", Join::kNone},
      {"| 1 | Ban hành Kế hoạch CCHC năm 2024 | Nhóm Văn phòng | Hiệu trưởng | Trước ngày",
       "| | | | | 25/1/2024 |", Join::kNone},
      // numbered table rows (corpus/pdf/qd_tocongtac_cchc_thpt_binhdien.pdf)
      {"2 Lê Thị Thu Trang Phó Hiệu trưởng Tổ phó Thành viên và thư ký của Tổ công tác",
       "3 Võ Minh Tâm Tổ trưởng Tổ Văn phòng Thành viên, thư ký", Join::kNone},
      {"1 Rà soát, sửa đổi Quy chế làm việc và Quy chế Ban giám hiệu Tổ Văn phòng, Tháng",
       "II Cải cách thủ tục hành chính", Join::kNone},
      {"Trong năm 2024, phấn đấu tiếp tục duy trì thứ hạng Chỉ số CCHC, các nhiệm vụ trong",
       "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", Join::kSpace},
      // an all-capitals line (heading, signature title) is not continued
      {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "trường THPT", Join::kNone},
      // short line, upper-case next: a heading and its first sentence
      {"1. Mục đích", "Tạo bước chuyển mạnh mẽ, thực chất, hiệu quả công tác Cải cách hành chính", Join::kNone},
      {"Thực hiện công tác cải cách hành chính năm học 2025-2026", "Trường THCS Tiên Cường", Join::kNone},
      // "2.5%" and a date are not headings
      {"Tỷ lệ hồ sơ TTHC tiếp nhận trong năm được giải quyết trước và đúng hạn đạt trên",
       "2.5% so với năm trước", Join::kSpace},
      // a dash with spaces is not a split code
      {"Giữ vững kỷ cương trong năm học", "2025 - 2026 của đơn vị", Join::kNone},
  };
  for (const JoinCase& c : cases) {
    INFO(c.prev << " ⏎ " << c.next);
    Join got = DecideJoin(c.prev, c.next, full, false);
    CHECK(std::string(JoinName(got)) == JoinName(c.want));
  }
  // The title's first line joins only a lower-case continuation.
  CHECK(DecideJoin("Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành",
                   "Chương trình tổng thể", full, true) == Join::kNone);
}

TEST_CASE("FoldBlankLines: double-spaced text loses its single blank lines", "[normalize][layout]") {
  // Seed 003's opening, as its .txt has it: a blank line after every line.
  V lines = {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "", "TRƯỜNG THPT KIẾN THỤY", "",
             "Số: 30/KH-THPTKT", "", "", "KẾ HOẠCH", "",
             "Công tác Cải cách hành chính nhà nước", "", "năm 2024 trường THPT Kiến Thụy",
             "", "", "", "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành", "",
             "Chương trình tổng thể Cải cách hành chính (CCHC) nhà nước giai đoạn 2021-2030;", "",
             "Kế hoạch số 216/KH-UBND ngày 23/9/2021 của Ủy ban nhân dân (UBND) thành", "",
             "phố về thực hiện Chương trình tổng thể CCHC nhà nước thành phố giai đoạn 2021-", "",
             "2025; Quyết định số 4791/QĐ-UBND ngày 29/12/2023 của UBND thành phố ban", "",
             "hành Kế hoạch CCHC nhà nước thành phố Hải Phòng năm 2023; Căn cứ vào Kế", ""};
  FoldBlankLines(lines);
  CHECK(lines == V{"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT KIẾN THỤY", "Số: 30/KH-THPTKT", "",
                   "KẾ HOẠCH", "Công tác Cải cách hành chính nhà nước",
                   "năm 2024 trường THPT Kiến Thụy", "",
                   "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành",
                   "Chương trình tổng thể Cải cách hành chính (CCHC) nhà nước giai đoạn 2021-2030;",
                   "Kế hoạch số 216/KH-UBND ngày 23/9/2021 của Ủy ban nhân dân (UBND) thành",
                   "phố về thực hiện Chương trình tổng thể CCHC nhà nước thành phố giai đoạn 2021-",
                   "2025; Quyết định số 4791/QĐ-UBND ngày 29/12/2023 của UBND thành phố ban",
                   "hành Kế hoạch CCHC nhà nước thành phố Hải Phòng năm 2023; Căn cứ vào Kế"});
}

TEST_CASE("FoldBlankLines: paragraph text keeps one blank line per break", "[normalize][layout]") {
  // Seed 000: one paragraph per line, blank lines between.
  V lines = {"", "Số: 06/KH-THPTLT", "", "Lộc Ninh, ngày 02 tháng 02 năm 2026", "", "KẾ HOẠCH",
             "Cải cách hành chính năm 2026", "",
             "Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai về cải cách.",
             "", "I. MỤC TIÊU, YÊU CẦU", "", "1. Mục tiêu", "", "", "", "- Cụ thể hóa mục tiêu.", ""};
  FoldBlankLines(lines);
  CHECK(lines == V{"Số: 06/KH-THPTLT", "", "Lộc Ninh, ngày 02 tháng 02 năm 2026", "", "KẾ HOẠCH",
                   "Cải cách hành chính năm 2026", "",
                   "Thực hiện Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai về cải cách.",
                   "", "I. MỤC TIÊU, YÊU CẦU", "", "1. Mục tiêu", "", "- Cụ thể hóa mục tiêu."});
}

TEST_CASE("DropLostPageNumbers: a number alone inside a broken sentence", "[normalize][layout]") {
  // Seed 003 (.txt, page breaks lost): "6" between "… đầu ra," and "nhằm …".
  V lines = {"a) Đổi mới cơ chế phân bổ, sử dụng ngân sách nhà nước cho cơ quan hành chính,", "",
             "6", "", "nhằm nâng cao tính tự chủ, tự chịu trách nhiệm và thúc đẩy sự sáng tạo;", "",
             "2.", "", "Thực hiện theo Kế hoạch đã ban hành", "", "Trước ngày", "", "25", "",
             "tháng 1", "Kế hoạch", "7", "nhằm"};
  DropLostPageNumbers(lines);
  // A table's number cells stay: "2." is no page number; "25" follows a short
  // cell; "7" has no blank lines around it.
  CHECK(lines == V{"a) Đổi mới cơ chế phân bổ, sử dụng ngân sách nhà nước cho cơ quan hành chính,", "",
                   "", "nhằm nâng cao tính tự chủ, tự chịu trách nhiệm và thúc đẩy sự sáng tạo;", "",
                   "2.", "", "Thực hiện theo Kế hoạch đã ban hành", "", "Trước ngày", "", "25", "",
                   "tháng 1", "Kế hoạch", "7", "nhằm"});
}

TEST_CASE("DropPageFurniture: page numbers and running headers", "[normalize][layout]") {
  // Constructed pages (the seeds' PDFs carry no page numbers): a running
  // header, numbers in three styles, and body lines that must stay.
  std::vector<PageLines> pages(4);
  pages[0] = {1, {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "KẾ HOẠCH", "Thực hiện Nghị quyết số 76/NQ-CP", "1"}};
  pages[1] = {2, {"Kế hoạch CCHC năm 2024 - Trường THPT Kiến Thụy", "- 2 -", "", "1. Mục tiêu",
                  "tổ chức bộ máy tại đơn vị;", "Trang 2"}};
  pages[2] = {3, {"Kế hoạch CCHC năm 2024 - Trường THPT Kiến Thụy", "1.1. Mục tiêu",
                  "- Lưu: VT.", "3/4"}};
  pages[3] = {4, {"Kế hoạch CCHC năm 2024 - Trường THPT Kiến Thụy", "- Ban giám hiệu;",
                  "- Lưu VP.", "17"}};
  DropPageFurniture(pages);
  CHECK(pages[0].lines == V{"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "KẾ HOẠCH", "Thực hiện Nghị quyết số 76/NQ-CP"});
  CHECK(pages[1].lines == V{"", "1. Mục tiêu", "tổ chức bộ máy tại đơn vị;"});
  CHECK(pages[2].lines == V{"1.1. Mục tiêu", "- Lưu: VT."});
  // "17" is not page 4's number: it stays.
  CHECK(pages[3].lines == V{"- Ban giám hiệu;", "- Lưu VP.", "17"});
}

TEST_CASE("DropPageFurniture leaves a single page's bare numbers alone", "[normalize][layout]") {
  std::vector<PageLines> pages{{1, {"TT", "Nội dung công việc", "1"}}};
  DropPageFurniture(pages);
  CHECK(pages[0].lines == V{"TT", "Nội dung công việc", "1"});
}

TEST_CASE("HeaderBlockEnd finds the kind line, else the date or number line", "[normalize][layout]") {
  CHECK(HeaderBlockEnd({"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT KIẾN THỤY", "Số: 30/KH-THPTKT",
                        "Hải Phòng, ngày 25 tháng 01 năm 2024", "", "KẾ HOẠCH",
                        "Công tác Cải cách hành chính nhà nước"}) == 5);
  CHECK(HeaderBlockEnd({"KẾ HOẠCH", "Thực hiện công tác cải cách hành chính năm học 2025-2026"}) == 0);
  CHECK(HeaderBlockEnd({"UBND HUYỆN THANH OAI", "Số: 12/PGDĐT", "V/v triển khai",
                        "Thanh Oai, ngày 9 tháng 02 năm 2023", "Kính gửi: các trường"}) == 3);
  CHECK(HeaderBlockEnd({"KE HOACH", "Cai cach hanh chinh"}) == 0);  // unaccented
  CHECK(HeaderBlockEnd({"Thực hiện Kế hoạch", "Kế hoạch cải cách"}) == -1);
}

TEST_CASE("JoinBrokenLines keeps the header block and joins the title", "[normalize][layout]") {
  V lines = {"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT KIẾN THỤY",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
             "Số: 381/KH-", "SGDĐT", "", "Hải Phòng, ngày 25 tháng 01 năm 2024", "", "KẾ HOẠCH",
             "Công tác Cải cách hành chính nhà nước", "năm 2024 trường THPT Kiến Thụy", "",
             "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành",
             "Chương trình tổng thể Cải cách hành chính (CCHC) nhà nước giai đoạn 2021-2030;",
             "Kế hoạch số 216/KH-UBND ngày 23/9/2021 của Ủy ban nhân dân (UBND) thành",
             "phố về thực hiện Chương trình tổng thể CCHC nhà nước thành phố giai đoạn 2021-",
             "2025; Quyết định số 4791/QĐ-UBND ngày 29/12/2023 của UBND thành phố ban"};
  V got = JoinBrokenLines(lines, HeaderBlockEnd(lines), 75);
  CHECK(got == V{"SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG THPT KIẾN THỤY",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                 "Số: 381/KH-SGDĐT", "", "Hải Phòng, ngày 25 tháng 01 năm 2024", "", "KẾ HOẠCH",
                 "Công tác Cải cách hành chính nhà nước năm 2024 trường THPT Kiến Thụy", "",
                 "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành "
                 "Chương trình tổng thể Cải cách hành chính (CCHC) nhà nước giai đoạn 2021-2030;",
                 "Kế hoạch số 216/KH-UBND ngày 23/9/2021 của Ủy ban nhân dân (UBND) thành "
                 "phố về thực hiện Chương trình tổng thể CCHC nhà nước thành phố giai đoạn "
                 "2021-2025; Quyết định số 4791/QĐ-UBND ngày 29/12/2023 của UBND thành phố ban"});
}

TEST_CASE("JoinBrokenLines joins a công văn's V/v line and its year", "[normalize][layout]") {
  // corpus/scan/cv_baocao_cchc_sgddt.scan200.pdf as OCR reads it
  V lines = {"UBND TỈNH ĐỒNG THÁP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 215/SGDĐT-VP",
             "Đồng Tháp, ngày 27 tháng 02 năm 2026",
             "V/v báo cáo kết quả thực hiện công", "tác cải cách hành chính quý I năm", "2026",
             "Kính gửi: - Hiệu trưởng các trường trung học phổ thông;"};
  CHECK(JoinBrokenLines(lines, HeaderBlockEnd(lines), 90) ==
        V{"UBND TỈNH ĐỒNG THÁP", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 215/SGDĐT-VP",
          "Đồng Tháp, ngày 27 tháng 02 năm 2026",
          "V/v báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
          "Kính gửi: - Hiệu trưởng các trường trung học phổ thông;"});
}

TEST_CASE("FullLineLength is the 75th percentile of line lengths", "[normalize][layout]") {
  V lines = {"a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", ""};
  CHECK(FullLineLength(lines, 0) == 7);
  CHECK(FullLineLength({"một", "hai"}, 42) == 42);
  CHECK(FullLineLength({"đường", "đường", "đường", "đường", "đường", "đường", "đường", "đường"}, 0) == 5);
}

}  // namespace
}  // namespace vanban::normalize::internal
