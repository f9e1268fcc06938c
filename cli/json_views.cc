#include "cli/json_views.h"

namespace vanban::cli {
namespace {

using json = nlohmann::ordered_json;

json Opt(const std::optional<std::string>& s) { return s ? json(*s) : json(); }

}  // namespace

json HitToJson(const store::SearchHit& h) {
  return json{{"id", h.id},         {"doc_type", Opt(h.doc_type)}, {"number", Opt(h.number)},
              {"issuer", Opt(h.issuer)}, {"date", Opt(h.date)},   {"title", Opt(h.title)},
              {"path", h.path},     {"snippet", h.snippet},       {"exact", h.exact},
              {"score", h.score}};
}

json StoredToJson(const store::StoredDocument& d) {
  json j{{"id", d.id},
         {"path", d.path},
         {"sha256", d.sha256},
         {"source_kind", d.source_kind},
         {"pages", d.page_count},
         {"status", d.status},
         {"error", d.error.empty() ? json() : json(d.error)},
         {"version", d.version},
         {"superseded_by", d.superseded_by ? json(*d.superseded_by) : json()},
         {"extractor_version", d.extractor_version},
         {"created_at", d.created_at},
         {"record", d.record}};
  return j;
}

}  // namespace vanban::cli
