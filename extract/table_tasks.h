// Internal to extract/: task tables (danh mục nhiệm vụ, phụ lục) rebuilt from
// word boxes or, failing those, from linear text.
//
// A task table has the columns TT | Nội dung (công việc, nhiệm vụ) | Đơn vị chủ
// trì | Đơn vị phối hợp | Thời gian (thực hiện, hoàn thành) | Sản phẩm, in any
// order and spelling, sometimes with columns the schema has no field for
// ("Cán bộ phụ trách", "Ghi chú"). Group rows (I, II … "Cải cách thể chế") head
// the rows under them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/document.h"
#include "common/normalized_text.h"
#include "common/record.h"
#include "extract/plan_text.h"

namespace vanban::extract::internal {

enum class ColumnRole { kUnknown, kNo, kContent, kLead, kSupport, kDue, kOutput, kOther };

// The role a header cell's text names: "STT", "Nội dung, nhiệm vụ", "Đơn vị
// chủ trì", "Tổ nhóm chuyên môn", "Thời gian thực hiện/hoàn thành", "Sản phẩm",
// "Cán bộ phụ trách" (kOther). Matching ignores diacritics and case, so OCR'd
// and unaccented headers count too. kUnknown for anything else.
ColumnRole RoleOfHeader(std::string_view text);

// Sets the cell of `row` that `role` names (kNo, kContent, …); kOther and
// kUnknown cells are dropped. Empty text leaves the cell null.
void SetCell(TaskRow* row, ColumnRole role, const std::string& text);

// Rows of every task table found in the page's word boxes (and its rules, when
// the page has them). `carry` holds the columns of a table that ran off the
// bottom of the previous page, so that a table continued without a repeated
// header is still read; it is updated for the next page.
struct TableColumns {
  std::vector<double> bounds;      // x boundaries: column i is [bounds[i], bounds[i+1])
  std::vector<ColumnRole> roles;   // one per column
  bool open = false;               // the table reached the bottom of its page
  std::string group;               // group of the last row
  std::string group_label;         // "II"
  int last_no = 0;
  bool restarts = false;           // numbering restarts in every group (I.1, II.1)
};
std::vector<TaskRow> TasksFromBoxes(const Page& page, TableColumns* carry);

// Rows of a task table in linear text, each cell on a line of its own or run
// together (seed 003's annex). Lower confidence: cells are told apart by
// capitals, sentence ends and the shape of a due date, not by position.
std::vector<TaskRow> TasksFromLines(const NormalizedText& text, const std::vector<PlanLine>& lines,
                                    size_t from, size_t to);

// A cell that reads like a due time: "Trước ngày 25/1/2024", "Cả năm 2024",
// "Thường xuyên", "Quý II/2026", "Tháng 3/2026", "Hằng tháng".
bool LooksLikeDue(std::string_view cell);

}  // namespace vanban::extract::internal
