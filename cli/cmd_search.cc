// vanban search QUERY: full-text search over the archive.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/archive_open.h"
#include "cli/commands.h"
#include "cli/json_views.h"
#include "common/vietnamese.h"

namespace vanban::cli {
namespace {

struct SearchArgs {
  std::string query;
  std::string issuer, kind, target, deadline_from, deadline_to, responsible;
  int year = 0;
  int limit = 20;
  bool json = false;
};

std::string Or(const std::optional<std::string>& s, const char* dash = "—") { return s ? *s : dash; }

int Run(const SearchArgs& args, Context& context) {
  std::unique_ptr<store::Archive> archive = OpenArchive(context, /*create_if_missing=*/false);
  if (!archive) return context.exit_code;
  store::SearchQuery q;
  q.query = args.query;
  if (!args.issuer.empty()) q.issuer = args.issuer;
  if (!args.kind.empty()) q.kind = args.kind;
  if (args.year) q.year = args.year;
  if (!args.target.empty()) {
    Result<store::TargetFilter> target = store::ParseTargetFilter(args.target);
    if (!target.ok()) {
      std::cerr << "vanban: search: --target " << args.target << ": " << target.status().message() << "\n";
      return kExitUsage;
    }
    q.target = *target;
  }
  if (!args.deadline_from.empty()) q.deadline_from = args.deadline_from;
  if (!args.deadline_to.empty()) q.deadline_to = args.deadline_to;
  if (!args.responsible.empty()) q.responsible = args.responsible;
  if (q.query.empty() && !q.issuer && !q.year && !q.kind && !q.target && !q.deadline_from && !q.deadline_to &&
      !q.responsible) {
    std::cerr << "vanban: search: give words to find or at least one filter (see --help)\n";
    return kExitUsage;
  }
  q.limit = args.limit;
  Result<std::vector<store::SearchHit>> hits = archive->Search(q);
  if (!hits.ok()) {
    std::cerr << "vanban: search: " << hits.status().ToString() << "\n";
    return hits.status().code() == Status::Code::kInvalidInput ? kExitUsage : kExitArchive;
  }
  if (args.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const store::SearchHit& h : *hits) out.push_back(HitToJson(h));
    std::cout << out.dump(2) << "\n";
  } else {
    // Only an accented query can fail to match exactly; say so when it did.
    const bool accented_query = HasVietnameseMarks(args.query);
    for (const store::SearchHit& h : *hits) {
      std::cout << fmt::format("#{:<4} {} {} · {} · {}{}\n", h.id, Or(h.doc_type, ""), Or(h.number),
                               Or(h.issuer), Or(h.date),
                               accented_query && !h.exact ? "  (khớp khi bỏ dấu)" : "");
      std::cout << "      " << Or(h.title, "") << "\n";
      if (!h.snippet.empty()) std::cout << "      " << h.snippet << "\n";
      std::cout << "\n";
    }
    std::cout << hits->size() << (hits->size() == 1 ? " document" : " documents") << "\n";
  }
  return hits->empty() ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddSearchCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Full-text search, accents and case ignored");
  cmd->footer("Full-text search that ignores diacritics, tone placement and case: \"cai cach hanh chinh\",\n"
      "\"cải cách hành chính\" and \"CẢI CÁCH\" find the same documents; documents that match the\n"
      "accented words exactly come first. Any text is a valid query.\n"
      "Examples: vanban search \"giai quyet ho so dung han\" --year 2026 --kind KH\n"
      "          vanban search \"\" --target '>=98%' --year 2025   # who promised at least 98%?");
  cmd->add_option("query", args->query,
                  "words to find; \"quotes\" make a phrase, a trailing * a prefix; may be empty with a filter");
  cmd->add_option("--issuer", args->issuer, "only documents whose issuer contains this (accents ignored)");
  cmd->add_option("--year", args->year, "only documents dated in this year");
  cmd->add_option("--kind", args->kind, "only this kind: KH, QĐ (or QD), BC, CV, ...");
  cmd->add_option("--target", args->target,
                  "only plans with a target like this: '>=98%', '>95%', '=100%', '>=5 hình thức'");
  cmd->add_option("--deadline-from", args->deadline_from, "only plans with a deadline on or after this ISO date");
  cmd->add_option("--deadline-to", args->deadline_to, "only plans with a deadline on or before this ISO date");
  cmd->add_option("--responsible", args->responsible,
                  "only plans assigning work to this unit (responsibility or task lead; accents ignored)");
  cmd->add_option("--limit", args->limit, "at most this many results")->check(CLI::Range(1, 10000));
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
