// Internal to normalize/: decisions that need a whole page or the whole
// document — blank lines, page furniture (numbers, running headers), lines
// broken inside a sentence. Lines here are already cleaned and trimmed; ""
// is a blank line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::normalize::internal {

struct PageLines {
  int number = 0;                  // 1-based page number in the source
  std::vector<std::string> lines;  // cleaned, trimmed; "" = blank line
};

// Drops blank lines at both ends and folds runs of blank lines. In
// double-spaced text (converted .doc files put a blank line after every line,
// even inside a sentence: seed 003), a single blank line carries no meaning
// and is removed; two or more become one. Otherwise every run becomes one
// blank line (a paragraph break). A page is double-spaced when ≥ 70% of its
// line breaks have a blank line and ≥ 15% of them fall inside a sentence (a
// line without end punctuation followed by a lower-case start); the second
// test keeps paragraph-per-line text (seed 000) with its paragraph breaks.
void FoldBlankLines(std::vector<std::string>& lines);

// Removes page furniture from the top and bottom of each page: page numbers
// ("- 3 -", "Trang 3", "Trang 3/12"; a bare "3" or "3/12" only in a document
// of several pages and within one of the page's own number) and running
// headers/footers — a line (digits ignored, so "Trang 3 - KH 30" counts) among
// the first or last two lines of ≥ 3 pages and of at least half the pages.
// Headings and list items are never taken for running headers.
void DropPageFurniture(std::vector<PageLines>& pages);

// A page number left in the middle of a page's text when the page breaks were
// lost (a .doc saved as .txt: seed 003 has "6" alone between "… sản phẩm đầu
// ra," and "nhằm nâng cao …"): a line that is only a number (or "- 6 -"),
// with blank lines around it, between a full line (≥ 40 code points) that
// does not end a sentence and one that goes on in lower case, is dropped.
void DropLostPageNumbers(std::vector<std::string>& lines);

// Index of the last line of the document's header block on the first page —
// the kind line ("KẾ HOẠCH", "QUYẾT ĐỊNH", ... Nghị định 30/2020, Phụ lục III)
// within the first 40 lines; without one, the date line ("…, ngày … tháng …
// năm …") or the "Số:" line within the first 25 — or -1.
int HeaderBlockEnd(const std::vector<std::string>& lines);

// The length (code points) of a full line of the page: the 75th percentile
// of its non-blank lines, or `fallback` with fewer than 8 lines.
double FullLineLength(const std::vector<std::string>& lines, double fallback);

enum class Join {
  kNone,   // keep the line break
  kSpace,  // same sentence: join with a space
  kTight,  // a word split at a hyphen: join without space ("2021-" + "2025")
};

// Whether `next` continues `prev`. The rule:
//   - kTight when prev ends with a code or number part and a hyphen
//     ("2021-", "381/KH-") and next starts with a digit or a capitalised code
//     ("2025", "SGDĐT");
//   - otherwise never when prev ends with . ; : ! ? (closing brackets and
//     quotes aside), when prev is all capitals (headings, signature titles),
//     or when next opens a structure: a heading (I. / 1. / 1.1. / a) / 1)), a
//     bullet (- + • …), "Nơi nhận", "Căn cứ", an authority prefix (KT. TM. TL.
//     TUQ. Q.), an all-capitals line, a table row (two or more '|', or a
//     row number and a capitalised word: "3 Võ Minh Tâm", "II Cải cách");
//   - kSpace when next starts in lower case;
//   - kSpace when prev is long (≥ 80% of `full_line`) and `lower_case_only` is
//     false: the line was wrapped at the page width ("… ban hành" +
//     "Chương trình tổng thể …").
Join DecideJoin(std::string_view prev, std::string_view next, double full_line,
                bool lower_case_only);

// Joins the lines of one page by DecideJoin. Lines up to `header_end`
// (inclusive) are never joined except for split codes ("381/KH-" + "SGDĐT");
// the first line after it (the title, or a công văn's "V/v …") joins only a
// continuation in lower case or a number, so a title over two lines is one
// line ("Công tác Cải cách hành chính nhà nước" + "năm 2024 trường THPT Kiến
// Thụy"; "V/v báo cáo … quý I năm" + "2026"). Across a blank line only a
// lower-case start or a split code joins.
std::vector<std::string> JoinBrokenLines(const std::vector<std::string>& lines, int header_end,
                                         double full_line);

}  // namespace vanban::normalize::internal
