// Record: what the extract stage finds in a document.
//
// Field names follow shared/corpus/SCHEMA.md (the gold labels), so that a
// record printed as JSON can be scored against a gold file. Every value carries
// its provenance: the page and the byte range in NormalizedText::text it came
// from (for task-table cells built from boxes, the box as well).
//
// Values are clean text: NFC, one tone placement, single spaces, no leading
// "- " and no trailing ";" or ".". Dates are ISO "YYYY-MM-DD".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/document.h"

namespace vanban {

// Where a value was found.
struct Span {
  int page = 0;        // 1-based; 0 = unknown
  size_t begin = 0;    // byte offsets into NormalizedText::text
  size_t end = 0;
};

// A scalar field: a value and where it came from.
struct Field {
  std::string value;
  Span where;
};

struct Signer {
  std::string name;
  std::optional<std::string> title;  // the last title line: "HIỆU TRƯỞNG"
  std::string authority;             // "TM.", "KT.", "Q.", "TL.", "TUQ." or ""
  std::vector<std::string> title_lines;  // every line above the name: "KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"
  Span where;
};

// A document cited by number (căn cứ, thực hiện, theo ...).
struct Reference {
  std::string type;                   // "KH", "NĐ", "QĐ", "CV", ...
  std::string number;                 // "381/KH-SGDĐT"
  std::optional<std::string> date;    // ISO
  std::optional<std::string> issuer;  // "Sở GD&ĐT Đồng Nai"
  Span where;
};

struct Recipient {
  std::string text;  // "Sở GD&ĐT (qua VP)"
  Span where;
};

// A heading of the body outline. level 1 = Phần/mục "I.", 2 = khoản "1.",
// 3 = "1.1.", 4 = điểm "a)".
struct Section {
  int level = 1;
  std::string label;    // "I", "2", "2.1", "a"
  std::string heading;  // the whole heading line as printed: "I. MỤC TIÊU, YÊU CẦU"
  int parent = -1;      // index into Record::outline, -1 for top level
  Span where;
};

// A quantitative commitment (chỉ tiêu).
struct Target {
  std::string text;        // the clause that holds the figure
  double value = 0;
  std::string unit;        // "%", "hình thức", "lần/tuần"
  std::string comparator;  // ">=", ">", "=", "<=", "reduce"
  std::optional<std::string> subject;
  std::optional<int> year;
  int section = -1;        // index into Record::outline of the deepest holder
  Span where;
};

struct Deadline {
  std::string text;  // "Báo cáo quý I: trước ngày 10/3/2026"
  std::string date;  // ISO
  std::string what;  // what is due: "Báo cáo quý I"
  int section = -1;
  Span where;
};

// A recurring obligation: "định kỳ hằng quý", "trước ngày 15 hằng tháng".
struct Schedule {
  std::string text;
  std::string period;  // "monthly", "quarterly", "half-yearly", "yearly", ...
  std::optional<int> day;
  int section = -1;
  Span where;
};

struct Responsibility {
  std::string unit;    // "Ban giám hiệu"
  std::string duties;  // the text assigned to it
  Span where;
};

struct TaskRow {
  std::optional<std::string> no, content, lead, support, due, output;
  std::string group;        // "II. Cải cách thể chế"
  double confidence = 1.0;  // 1.0 from a ruled table; lower from linear text
  Span where;
  std::optional<Box> box;   // rows rebuilt from word boxes
};

struct Record {
  std::optional<Field> doc_type;       // "KH"
  std::optional<Field> doc_kind_name;  // "Kế hoạch"
  std::optional<Field> number;         // "06/KH-THPTLT"
  std::optional<Field> issuer;
  std::optional<Field> parent_issuer;
  std::optional<Field> place;
  std::optional<Field> date;
  std::optional<Field> title;
  std::optional<Signer> signer;
  std::vector<Reference> references;
  std::vector<Recipient> recipients;
  std::vector<Section> outline;  // every heading, in order
  std::vector<Target> targets;
  std::vector<Deadline> deadlines;
  std::vector<Schedule> schedules;
  std::vector<Responsibility> responsibilities;
  std::vector<TaskRow> tasks;

  // Top-level headings (level 1 of `outline`), as SCHEMA.md's `sections`.
  std::vector<const Section*> TopSections() const;
};

}  // namespace vanban
