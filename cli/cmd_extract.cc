// vanban extract FILE: print the record of one file; store nothing.
#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/print_record.h"
#include "common/record_json.h"

namespace vanban::cli {
namespace {

struct ExtractArgs {
  std::string path;
  bool json = false;
  bool provenance = false;
  PipelineFlags pipeline;
};

int Run(const ExtractArgs& args, const Context& context) {
  Pipeline pipeline(context, args.pipeline);
  if (!pipeline.note().empty() && !context.quiet) std::cerr << "vanban: note: " << pipeline.note() << "\n";
  Result<Processed> processed = pipeline.Process(args.path);
  if (!processed.ok()) {
    std::cerr << "vanban: " << args.path << ": " << processed.status().ToString() << "\n";
    return kExitSomeFailed;
  }
  JsonOptions options;
  options.provenance = args.provenance;
  nlohmann::ordered_json record = RecordToJson(processed->record, options);
  if (args.json) {
    std::cout << record.dump(2) << "\n";
  } else {
    PrintRecord(record, std::cout);
  }
  return kExitOk;
}

}  // namespace

void AddExtractCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Print the record of one file; store nothing");
  cmd->footer("Print what vanban finds in one file (header fields, cited documents, targets, deadlines,\n"
      "tasks, recipients), without storing anything. --json prints the fields of\n"
      "shared/corpus/SCHEMA.md under those names, plus provenance with --provenance.");
  cmd->add_option("file", args->path, "a .txt, .pdf or image file")->required();
  cmd->add_flag("--json", args->json, "print JSON instead of a readable summary");
  cmd->add_flag("--provenance", args->provenance, "with --json: page and byte offsets of every value");
  AddPipelineFlags(cmd, args->pipeline);
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
