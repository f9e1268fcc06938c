// Task tables: from word boxes where the pages have them (text-layer PDFs,
// OCR), else from the linear text. A row whose due cell names a day also
// becomes a deadline, written "content: due" (gold 003: "Ban hành Kế hoạch CCHC
// năm 2024: Trước ngày 25/1/2024").
#include <re2/re2.h>

#include "common/vietnamese.h"
#include "extract/dates.h"
#include "extract/parts.h"
#include "extract/table_tasks.h"

namespace vanban::extract::internal {
namespace {

std::string FoldedKey(std::string_view s) { return FoldDiacritics(s); }

}  // namespace

ColumnRole RoleOfHeader(std::string_view text) {
  std::string f = FoldedKey(text);
  auto has = [&](const char* k) { return f.find(k) != std::string::npos; };
  static const RE2 kNo(R"(^\s*(?:s\s*tt|tt|so\s+tt|so\s+thu\s+tu)\s*$)");
  if (RE2::FullMatch(f, kNo)) return ColumnRole::kNo;
  if (has("phoi hop")) return ColumnRole::kSupport;
  if (has("can bo phu trach") || has("nguoi phu trach") || has("ghi chu") || has("kinh phi")) return ColumnRole::kOther;
  if (has("thoi gian") || has("thoi han") || has("tien do") || has("hoan thanh")) return ColumnRole::kDue;
  if (has("san pham") || has("ket qua")) return ColumnRole::kOutput;
  if (has("chu tri") || has("to nhom") || has("don vi thuc hien") || has("bo phan thuc hien") ||
      has("don vi") || has("trach nhiem"))
    return ColumnRole::kLead;
  if (has("noi dung") || has("nhiem vu") || has("cong viec")) return ColumnRole::kContent;
  // A narrow column's header wraps its last word onto a line of its own
  // ("Đơn vị chủ" / "trì", "Đơn vị phối" / "hợp"); on a scan OCR may garble
  // the long line and still read the lone word.
  static const RE2 kLastWord(R"((?:^|\s)(tri|hop)\s*$)");
  std::string last;
  if (RE2::PartialMatch(f, kLastWord, &last)) return last == "tri" ? ColumnRole::kLead : ColumnRole::kSupport;
  return ColumnRole::kUnknown;
}

void SetCell(TaskRow* row, ColumnRole role, const std::string& raw) {
  std::string text(TrimSpaces(raw));
  if (text.empty()) return;
  std::optional<std::string>* cell = nullptr;
  switch (role) {
    case ColumnRole::kNo: cell = &row->no; break;
    case ColumnRole::kContent: cell = &row->content; break;
    case ColumnRole::kLead: cell = &row->lead; break;
    case ColumnRole::kSupport: cell = &row->support; break;
    case ColumnRole::kDue: cell = &row->due; break;
    case ColumnRole::kOutput: cell = &row->output; break;
    default: return;
  }
  if (*cell) **cell += " " + text;
  else *cell = text;
}

bool LooksLikeDue(std::string_view s) {
  static const RE2 kDue(
      R"(^(?i:trước|chậm nhất|cả năm|trong năm|trong tháng|thường xuyên|định kỳ|hằng|hàng|quý\s|tháng\s|học kỳ|đầu năm|cuối năm|năm học|khi có))");
  return RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), kDue) || ParseDate(s).has_value();
}

void ExtractTasks(const Document& document, const NormalizedText& text, Record* record) {
  // Boxes first: a page with words is read by position.
  TableColumns carry;
  std::vector<bool> page_done(document.pages.size(), false);
  for (size_t i = 0; i < document.pages.size(); ++i) {
    const Page& page = document.pages[i];
    if (page.words.empty()) {
      carry = TableColumns{};
      continue;
    }
    std::vector<TaskRow> rows = TasksFromBoxes(page, &carry);
    if (!rows.empty()) page_done[i] = true;
    for (TaskRow& r : rows) record->tasks.push_back(std::move(r));
  }

  // Linear text, for pages that gave no table from boxes.
  std::vector<PlanLine> lines = PlanLines(text);
  size_t from = 0;
  while (from < lines.size()) {
    int page = text.PageAt(lines[from].begin);
    size_t to = from;
    while (to < lines.size() && text.PageAt(lines[to].begin) == page) ++to;
    bool boxed = false;
    for (size_t i = 0; i < document.pages.size(); ++i)
      if (document.pages[i].number == page && page_done[i]) boxed = true;
    // A table may run over several pages: read the rest of the document from here.
    if (!boxed) {
      size_t stop = to;
      while (stop < lines.size()) {
        int p = text.PageAt(lines[stop].begin);
        bool p_boxed = false;
        for (size_t i = 0; i < document.pages.size(); ++i)
          if (document.pages[i].number == p && page_done[i]) p_boxed = true;
        if (p_boxed) break;
        ++stop;
      }
      for (TaskRow& r : TasksFromLines(text, lines, from, stop)) record->tasks.push_back(std::move(r));
      from = stop;
      continue;
    }
    from = to;
  }

  for (const TaskRow& row : record->tasks) {
    if (!row.due || !row.content) continue;
    // A due cell that names a day ("Trước ngày 25/1/2024"); month-only dues
    // ("Tháng 4/2026", "Quý II/2026") are not deadlines.
    std::optional<std::string> iso = ParseDate(*row.due);
    if (!iso) continue;
    Range c = TrimClause(*row.content, Range{0, row.content->size()});
    Deadline d;
    d.text = row.content->substr(c.begin, c.end - c.begin) + ": " + *row.due;
    d.date = *iso;
    d.what = row.content->substr(c.begin, c.end - c.begin);
    d.where = row.where;
    bool seen = false;
    for (const Deadline& e : record->deadlines) seen |= e.text == d.text && e.date == d.date;
    if (!seen) record->deadlines.push_back(std::move(d));
  }
}

}  // namespace vanban::extract::internal
