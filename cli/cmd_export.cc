// vanban export: every current document as JSON, JSON lines or CSV.
#include <fstream>
#include <iostream>

#include "cli/archive_open.h"
#include "cli/commands.h"

namespace vanban::cli {
namespace {

struct ExportArgs {
  std::string format = "json";
  std::string out;
};

int Run(const ExportArgs& args, Context& context) {
  std::unique_ptr<store::Archive> archive = OpenArchive(context, /*create_if_missing=*/false);
  if (!archive) return context.exit_code;
  store::ExportFormat format = args.format == "csv"     ? store::ExportFormat::kCsv
                               : args.format == "jsonl" ? store::ExportFormat::kJsonLines
                                                        : store::ExportFormat::kJson;
  std::ofstream file;
  if (!args.out.empty()) {
    file.open(args.out, std::ios::binary);
    if (!file) {
      std::cerr << "vanban: " << args.out << ": cannot be written\n";
      return kExitSomeFailed;
    }
  }
  std::ostream& out = args.out.empty() ? std::cout : file;
  Status s = archive->Export(format, out);
  if (!s.ok()) {
    std::cerr << "vanban: export: " << s.ToString() << "\n";
    return kExitArchive;
  }
  out.flush();
  if (!out) {
    std::cerr << "vanban: " << (args.out.empty() ? "stdout" : args.out) << ": write failed\n";
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "Write the archive as JSON, JSON lines or CSV");
  cmd->footer("Write every current document of the archive: json (one array of records), jsonl (one\n"
      "record per line) or csv (one row per document with its header fields; UTF-8 with a BOM\n"
      "so that Excel opens Vietnamese correctly).");
  cmd->add_option("--format", args->format, "json, jsonl or csv")->check(CLI::IsMember({"json", "jsonl", "csv"}));
  cmd->add_option("--out", args->out, "file to write (default: stdout)");
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
