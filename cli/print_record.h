// A record as a person reads it: header fields, then what the plan cites,
// promises and assigns. Takes the JSON form so that a live extraction and a
// stored record print alike.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

namespace vanban::cli {

void PrintRecord(const nlohmann::ordered_json& record, std::ostream& out);

}  // namespace vanban::cli
