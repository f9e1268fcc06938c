// extract: canonical text (and the page model) → Record.
//
//   Record r = vanban::extract::Extract(document, normalized_text);
//
// Follows the anatomy of a văn bản hành chính in Nghị định 30/2020/NĐ-CP
// (Điều 8, Phụ lục I, Phụ lục III): cơ quan chủ quản / cơ quan ban hành,
// quốc hiệu, số và ký hiệu, địa danh và ngày, tên loại và trích yếu, nội dung,
// chức vụ và họ tên người ký, nơi nhận. Also the documents cited, the section
// outline, targets, deadlines, schedules, responsibilities and task tables.
// Patterns are RE2, compiled once; Extract is pure and thread-safe.
// Every value carries its page and byte offsets in `text.text`.
#pragma once

#include "common/document.h"
#include "common/normalized_text.h"
#include "common/record.h"

namespace vanban::extract {

// Stored with every record; bump when extraction changes so that archives can
// tell which records to re-extract.
inline constexpr const char* kExtractorVersion = "1";

// No knobs yet: task tables are rebuilt from word boxes whenever the pages
// have them, else from the linear text. Kept so that callers need not change
// when one is added.
struct Options {};

Record Extract(const Document& document, const NormalizedText& text, const Options& options = {});

}  // namespace vanban::extract
