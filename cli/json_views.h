// JSON shapes of what the archive returns, shared by `search --json`,
// `show --json` and the HTTP API so that every consumer sees the same fields.
#pragma once

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace vanban::cli {

nlohmann::ordered_json HitToJson(const store::SearchHit& hit);
nlohmann::ordered_json StoredToJson(const store::StoredDocument& doc);

}  // namespace vanban::cli
