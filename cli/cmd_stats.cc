// vanban stats: what the archive holds.
#include <iostream>

#include <fmt/format.h>

#include "cli/archive_open.h"
#include "cli/commands.h"

namespace vanban::cli {
namespace {

int Run(Context& context) {
  std::unique_ptr<store::Archive> archive = OpenArchive(context, /*create_if_missing=*/false);
  if (!archive) return context.exit_code;
  Result<store::Archive::Counts> c = archive->Count();
  if (!c.ok()) {
    std::cerr << "vanban: stats: " << c.status().ToString() << "\n";
    return kExitArchive;
  }
  std::cout << fmt::format(
      "{}: {} documents ({} failed files recorded) · {} cited documents · {} targets · {} deadlines · "
      "{} task rows\n",
      context.db_path, c->documents, c->failed, c->references, c->targets, c->deadlines, c->tasks);
  return kExitOk;
}

}  // namespace

void AddStatsCommand(CLI::App& app, Context& context) {
  CLI::App* cmd = app.add_subcommand("stats", "Count what the archive holds.");
  cmd->callback([&context] { context.exit_code = Run(context); });
}

}  // namespace vanban::cli
