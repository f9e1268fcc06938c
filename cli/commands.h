// The vanban command line: one subcommand per file (cmd_*.cc), each adding
// itself to the CLI11 app. main.cc lists them here.
//
// Exit codes (the same for every subcommand):
//   0  success
//   1  some inputs failed (the rest were processed), or nothing matched
//   2  usage error (unknown option, missing argument)
//   3  the archive could not be opened or written
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace vanban::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitSomeFailed = 1,
  kExitUsage = 2,
  kExitArchive = 3,
};

// Options every subcommand shares, filled by main.cc before the subcommand runs.
struct Context {
  std::string db_path = "vanban.db";
  std::string model_path;  // restorer model; empty = the bundled one if found
  bool quiet = false;      // no progress, no per-file lines
  int exit_code = kExitOk;
};

void AddIngestCommand(CLI::App& app, Context& context);
void AddExtractCommand(CLI::App& app, Context& context);
void AddTextCommand(CLI::App& app, Context& context);
void AddSearchCommand(CLI::App& app, Context& context);
void AddShowCommand(CLI::App& app, Context& context);
void AddExportCommand(CLI::App& app, Context& context);
void AddStatsCommand(CLI::App& app, Context& context);
void AddServeCommand(CLI::App& app, Context& context);
void AddRestoreCommand(CLI::App& app, Context& context);  // cmd_restore.cc (issue 5)
void AddLmCommand(CLI::App& app, Context& context);       // cmd_lm.cc (issue 5)

}  // namespace vanban::cli
