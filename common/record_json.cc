#include "common/record_json.h"

namespace vanban {
namespace {

using json = nlohmann::ordered_json;

json SpanJson(const Span& s) { return json{{"page", s.page}, {"begin", s.begin}, {"end", s.end}}; }

json Opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json FieldValue(const std::optional<Field>& f) { return f ? json(f->value) : json(nullptr); }

// JSON numbers: integral values print without ".0" (98, not 98.0), as in the gold.
json Number(double v) {
  if (v == static_cast<double>(static_cast<long long>(v))) return json(static_cast<long long>(v));
  return json(v);
}

}  // namespace

nlohmann::ordered_json RecordToJson(const Record& r, const JsonOptions& options) {
  json j;
  j["doc_type"] = FieldValue(r.doc_type);
  j["number"] = FieldValue(r.number);
  j["issuer"] = FieldValue(r.issuer);
  j["parent_issuer"] = FieldValue(r.parent_issuer);
  j["place"] = FieldValue(r.place);
  j["date"] = FieldValue(r.date);
  j["title"] = FieldValue(r.title);
  if (r.signer) {
    j["signer"] = json{{"name", r.signer->name}, {"title", Opt(r.signer->title)}};
  } else {
    j["signer"] = nullptr;
  }

  json refs = json::array();
  for (const Reference& ref : r.references) {
    json e{{"type", ref.type}, {"number", ref.number}, {"date", Opt(ref.date)}, {"issuer", Opt(ref.issuer)}};
    if (options.provenance) e["provenance"] = SpanJson(ref.where);
    refs.push_back(std::move(e));
  }
  j["references"] = std::move(refs);

  json targets = json::array();
  for (const Target& t : r.targets) {
    json e{{"text", t.text}, {"value", Number(t.value)}, {"unit", t.unit}, {"comparator", t.comparator}};
    e["subject"] = Opt(t.subject);
    e["year"] = t.year ? json(*t.year) : json(nullptr);
    e["section"] = t.section >= 0 ? json(r.outline[t.section].heading) : json(nullptr);
    if (options.provenance) e["provenance"] = SpanJson(t.where);
    targets.push_back(std::move(e));
  }
  j["targets"] = std::move(targets);

  json deadlines = json::array();
  for (const Deadline& d : r.deadlines) {
    json e{{"text", d.text}, {"date", d.date}, {"what", d.what}};
    e["section"] = d.section >= 0 ? json(r.outline[d.section].heading) : json(nullptr);
    if (options.provenance) e["provenance"] = SpanJson(d.where);
    deadlines.push_back(std::move(e));
  }
  j["deadlines"] = std::move(deadlines);

  json recipients = json::array();
  for (const Recipient& rc : r.recipients) recipients.push_back(rc.text);
  j["recipients"] = std::move(recipients);

  json tasks = json::array();
  for (const TaskRow& t : r.tasks) {
    json e{{"no", Opt(t.no)},       {"content", Opt(t.content)}, {"lead", Opt(t.lead)},
           {"support", Opt(t.support)}, {"due", Opt(t.due)},       {"output", Opt(t.output)},
           {"group", t.group},      {"confidence", t.confidence}};
    if (options.provenance) e["provenance"] = SpanJson(t.where);
    tasks.push_back(std::move(e));
  }
  j["tasks"] = std::move(tasks);

  json sections = json::array();
  for (const Section* s : r.TopSections()) sections.push_back(s->heading);
  j["sections"] = std::move(sections);

  // Beyond SCHEMA.md.
  j["doc_kind_name"] = FieldValue(r.doc_kind_name);
  if (r.signer) {
    j["signer_detail"] = json{{"authority", r.signer->authority}, {"title_lines", r.signer->title_lines}};
  }
  json outline = json::array();
  for (const Section& s : r.outline) {
    json e{{"level", s.level}, {"label", s.label}, {"heading", s.heading}, {"parent", s.parent}};
    if (options.provenance) e["provenance"] = SpanJson(s.where);
    outline.push_back(std::move(e));
  }
  j["outline"] = std::move(outline);
  json schedules = json::array();
  for (const Schedule& s : r.schedules) {
    json e{{"text", s.text}, {"period", s.period}, {"day", s.day ? json(*s.day) : json(nullptr)}};
    if (options.provenance) e["provenance"] = SpanJson(s.where);
    schedules.push_back(std::move(e));
  }
  j["schedules"] = std::move(schedules);
  json resp = json::array();
  for (const Responsibility& s : r.responsibilities) {
    json e{{"unit", s.unit}, {"duties", s.duties}};
    if (options.provenance) e["provenance"] = SpanJson(s.where);
    resp.push_back(std::move(e));
  }
  j["responsibilities"] = std::move(resp);

  if (options.provenance) {
    json prov;
    auto put = [&](const char* name, const std::optional<Field>& f) {
      if (f) prov[name] = SpanJson(f->where);
    };
    put("doc_type", r.doc_type);
    put("number", r.number);
    put("issuer", r.issuer);
    put("parent_issuer", r.parent_issuer);
    put("place", r.place);
    put("date", r.date);
    put("title", r.title);
    if (r.signer) prov["signer"] = SpanJson(r.signer->where);
    json rp = json::array();
    for (const Recipient& rc : r.recipients) rp.push_back(SpanJson(rc.where));
    prov["recipients"] = std::move(rp);
    j["provenance"] = std::move(prov);
  }
  return j;
}

}  // namespace vanban
