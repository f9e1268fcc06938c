// Record ↔ JSON, in the shape of shared/corpus/SCHEMA.md.
//
// The SCHEMA fields come first under their SCHEMA names (doc_type, number, ...,
// sections as strings); provenance and the richer structures (outline,
// schedules, responsibilities, comparator, confidence) are added under
// extra keys so that any consumer reading only the SCHEMA fields still works.
#pragma once

#include <nlohmann/json.hpp>

#include "common/record.h"

namespace vanban {

struct JsonOptions {
  bool provenance = true;  // add "provenance" objects (page, begin, end)
};

nlohmann::ordered_json RecordToJson(const Record& record, const JsonOptions& options = {});

}  // namespace vanban
