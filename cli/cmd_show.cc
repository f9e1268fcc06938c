// vanban show ID|NUMBER: one stored document.
#include <iostream>

#include <fmt/format.h>

#include "cli/archive_open.h"
#include "cli/commands.h"
#include "cli/json_views.h"
#include "cli/print_record.h"

namespace vanban::cli {
namespace {

struct ShowArgs {
  std::string key;
  bool json = false;
};

bool AllDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

int Run(const ShowArgs& args, Context& context) {
  std::unique_ptr<store::Archive> archive = OpenArchive(context, /*create_if_missing=*/false);
  if (!archive) return context.exit_code;
  std::vector<int64_t> ids;
  if (AllDigits(args.key)) {
    ids.push_back(std::stoll(args.key));
  } else {
    Result<std::vector<int64_t>> found = archive->FindByNumber(args.key);
    if (!found.ok()) {
      std::cerr << "vanban: show: " << found.status().ToString() << "\n";
      return kExitArchive;
    }
    ids = *found;
  }
  if (ids.empty()) {
    std::cerr << "vanban: show: no document numbered " << args.key << "\n";
    return kExitSomeFailed;
  }
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (int64_t id : ids) {
    Result<store::StoredDocument> doc = archive->Get(id);
    if (!doc.ok()) {
      std::cerr << "vanban: show: #" << id << ": " << doc.status().ToString() << "\n";
      return kExitSomeFailed;
    }
    if (args.json) {
      all.push_back(StoredToJson(*doc));
      continue;
    }
    std::cout << fmt::format("#{} · {} · {} page{} · {} · version {}{}\n", doc->id, doc->path, doc->page_count,
                             doc->page_count == 1 ? "" : "s", doc->source_kind, doc->version,
                             doc->superseded_by ? fmt::format(" (superseded by #{})", *doc->superseded_by) : "");
    if (doc->status != "ok") {
      std::cout << "failed: " << doc->error << "\n";
    } else {
      PrintRecord(doc->record, std::cout);
    }
    std::cout << "\n";
  }
  if (args.json) std::cout << (all.size() == 1 ? all[0] : all).dump(2) << "\n";
  return kExitOk;
}

}  // namespace

void AddShowCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Show one stored document by id or number");
  cmd->footer("Show one stored document by its archive id (from `search` or `ingest`) or by its số và ký\n"
      "hiệu (\"06/KH-THPTLT\"; every version with that number is shown).");
  cmd->add_option("key", args->key, "archive id or document number")->required();
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
