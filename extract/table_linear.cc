// Task tables from linear text: a .txt made from a document whose table came
// out cell by cell, one line each, wrapped cells broken over several lines and
// neighbouring cells sometimes run together (seed 003's annex:
// "1. Ban hành Kế hoạch CCHC năm 2024. Nhóm Văn" / "phòng" / "Hiệu trưởng: Đào
// Thế Anh" / "Trước ngày" / "25/1/2024" / "Kế hoạch của trường" / "THPT Kiến
// Thụy").
//
// The header row gives the columns in order; its words are one per line too,
// a line starting in lower case continuing the cell above ("Tổ" / "nhóm" /
// "chuyên" / "môn"). Rows start with their number. Within a row, a piece
// starts a new cell when it starts with a capital, after a sentence end, or
// where a due phrase begins ("… Đào Thế Anh Cả năm 2024"); a piece in lower
// case or starting with a digit continues the cell ("Trước ngày" / "25/1/2024").
// The due cell is recognised by its shape and anchors the columns around it:
// cells between the content and the due date fill the columns between them in
// order, cells after it the columns after it. Capitals inside a cell ("Kế
// hoạch của trường" / "THPT Kiến Thụy") make more pieces than columns; the
// surplus joins the last column of its side. Confidence 0.5: position is lost.
#include <re2/re2.h>

#include <algorithm>

#include "extract/table_tasks.h"

namespace vanban::extract::internal {
namespace {

struct HeaderColumn {
  std::string text;
  ColumnRole role = ColumnRole::kUnknown;
};

// The longest header line of seed 003's annex is "Nội dung công việc" and
// "Cán bộ phụ trách"; wrapped headers ("Thời gian thực hiện/ hoàn thành")
// stay well under this.
constexpr size_t kMaxHeaderWords = 8;

size_t WordCount(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

bool StartsRow(const std::string& line, int* number, std::string* rest) {
  static const RE2 kRow(R"(^(\d{1,3})\.?(?:\s+(.*))?$)");
  return RE2::FullMatch(line, kRow, number, rest);
}

bool StartsGroup(const std::string& line, std::string* label, std::string* rest) {
  static const RE2 kGroup(R"(^([IVX]{1,5})\.?(?:\s+(.*))?$)");
  return RE2::FullMatch(line, kGroup, label, rest) && RomanValue(*label) > 0;
}

// Pieces of one printed line: cut after sentence ends and before a due phrase
// that starts with a capital.
std::vector<std::string> Pieces(const std::string& line) {
  static const RE2 kDueStart(
      R"(\s((?:Trước ngày|Chậm nhất|Cả năm|Trong năm|Thường xuyên|Định kỳ|Hằng|Hàng|Quý [IVX]+|Tháng \d|Học kỳ|Đầu năm|Cuối năm)))");
  std::vector<std::string> out;
  // Only sentence ends (". " + capital) cut: a ";" inside a cell is not a new cell.
  size_t start = 0;
  for (size_t i = 0; i + 2 < line.size(); ++i) {
    if (line[i] == '.' && line[i + 1] == ' ' && StartsUpper(std::string_view(line).substr(i + 2))) {
      out.push_back(line.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  out.push_back(line.substr(start));
  std::vector<std::string> split;
  for (std::string& p : out) {
    re2::StringPiece in(p), due;
    if (RE2::PartialMatch(in, kDueStart, &due)) {
      size_t at = static_cast<size_t>(due.data() - p.data());
      if (at > 0) {
        split.push_back(std::string(TrimSpaces(p.substr(0, at))));
        split.push_back(p.substr(at));
        continue;
      }
    }
    split.push_back(std::string(TrimSpaces(p)));
  }
  return split;
}

void AssignSequential(TaskRow* row, const std::vector<ColumnRole>& roles, const std::vector<std::string>& cells) {
  if (roles.empty()) return;
  for (size_t k = 0; k < cells.size(); ++k) SetCell(row, roles[std::min(k, roles.size() - 1)], cells[k]);
}

}  // namespace

std::vector<TaskRow> TasksFromLines(const NormalizedText& text, const std::vector<PlanLine>& lines, size_t from,
                                    size_t to) {
  std::vector<TaskRow> rows;
  size_t i = from;
  while (i < to) {
    if (RoleOfHeader(lines[i].text) != ColumnRole::kNo) {
      ++i;
      continue;
    }
    // Header columns, one or more lines each.
    std::vector<HeaderColumn> cols{{lines[i].text, ColumnRole::kNo}};
    size_t j = i + 1;
    int number = 0;
    std::string rest, label;
    for (; j < to && j < i + 40; ++j) {
      const std::string& t = lines[j].text;
      if (StartsRow(t, &number, &rest) || StartsGroup(t, &label, &rest)) break;
      // A header cell is a few words; a sentence means the "TT" above was
      // not a table's (a speck OCR'd as "TT" in the body of seed 001's scan).
      if (WordCount(t) > kMaxHeaderWords) break;
      ColumnRole r = RoleOfHeader(t);
      HeaderColumn& last = cols.back();
      if (StartsLower(t) || (r != ColumnRole::kUnknown && r == last.role)) {
        last.text += " " + t;
        if (last.role == ColumnRole::kUnknown) last.role = RoleOfHeader(last.text);
      } else {
        cols.push_back({t, r});
      }
    }
    int known = 0;
    bool content = false;
    for (const HeaderColumn& c : cols) {
      known += c.role == ColumnRole::kLead || c.role == ColumnRole::kSupport || c.role == ColumnRole::kDue ||
               c.role == ColumnRole::kOutput;
      content |= c.role == ColumnRole::kContent;
    }
    if (!content || known < 2) {
      i = j;
      continue;
    }
    std::vector<ColumnRole> roles;
    for (const HeaderColumn& c : cols)
      if (c.role != ColumnRole::kNo) roles.push_back(c.role);
    size_t content_at = std::find(roles.begin(), roles.end(), ColumnRole::kContent) - roles.begin();
    size_t due_at = std::find(roles.begin(), roles.end(), ColumnRole::kDue) - roles.begin();

    // Rows.
    std::string group, group_label;
    int last_no = 0;
    bool restarts = false;
    struct Building {
      TaskRow row;
      std::vector<std::string> pieces;
      std::string group_label;
      size_t first, last;
    };
    std::vector<Building> built;
    size_t k = j;
    for (; k < to; ++k) {
      const std::string& t = lines[k].text;
      static const RE2 kEnd(R"(^(?i:Nơi nhận|Trên đây))");
      if (RE2::PartialMatch(t, kEnd) || RoleOfHeader(t) == ColumnRole::kNo) break;
      std::string r;
      if (StartsGroup(t, &label, &r)) {
        group = r;
        group_label = label;
        continue;
      }
      if (StartsRow(t, &number, &r) && (number == last_no + 1 || number == 1)) {
        if (number == 1 && last_no > 0) restarts = true;
        last_no = number;
        Building b;
        b.row.no = std::to_string(number);
        b.row.group = group;
        b.row.confidence = 0.5;
        b.group_label = group_label;
        b.first = b.last = k;
        if (!r.empty()) b.pieces.push_back(r);
        built.push_back(std::move(b));
        continue;
      }
      if (built.empty()) continue;
      built.back().pieces.push_back(t);
      built.back().last = k;
    }

    for (Building& b : built) {
      // Cells: capitals and sentence ends start one, lower case and digits continue.
      std::vector<std::string> cells;
      for (const std::string& line : b.pieces) {
        for (const std::string& p : Pieces(line)) {
          if (p.empty()) continue;
          bool continues = !cells.empty() && !StartsUpper(p);
          if (continues) cells.back() += " " + p;
          else cells.push_back(p);
        }
      }
      if (cells.empty()) continue;
      SetCell(&b.row, roles[std::min(content_at, roles.size() - 1)], cells[0]);
      size_t due_cell = 0;
      for (size_t c = 1; c < cells.size() && due_at < roles.size(); ++c)
        if (LooksLikeDue(cells[c])) {
          due_cell = c;
          break;
        }
      if (due_cell > 0) {
        std::vector<ColumnRole> mids(roles.begin() + content_at + 1, roles.begin() + due_at);
        std::vector<ColumnRole> posts(roles.begin() + due_at + 1, roles.end());
        AssignSequential(&b.row, mids, std::vector<std::string>(cells.begin() + 1, cells.begin() + due_cell));
        SetCell(&b.row, ColumnRole::kDue, cells[due_cell]);
        AssignSequential(&b.row, posts, std::vector<std::string>(cells.begin() + due_cell + 1, cells.end()));
      } else {
        std::vector<ColumnRole> after;
        for (size_t c = content_at + 1; c < roles.size(); ++c)
          if (roles[c] != ColumnRole::kDue) after.push_back(roles[c]);
        AssignSequential(&b.row, after, std::vector<std::string>(cells.begin() + 1, cells.end()));
      }
      if (restarts && !b.group_label.empty()) b.row.no = b.group_label + "." + *b.row.no;
      b.row.where.begin = lines[b.first].begin;
      b.row.where.end = lines[b.last].end;
      b.row.where.page = text.PageAt(b.row.where.begin);
      rows.push_back(std::move(b.row));
    }
    i = k;
  }
  return rows;
}

}  // namespace vanban::extract::internal
