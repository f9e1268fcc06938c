// vanban text FILE: the normalized (or raw) text, pages separated by form feeds.
#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline.h"

namespace vanban::cli {
namespace {

struct TextArgs {
  std::string path;
  bool raw = false;
  PipelineFlags pipeline;
};

int Run(const TextArgs& args, const Context& context) {
  Pipeline pipeline(context, args.pipeline);
  Result<Processed> processed = pipeline.Process(args.path);
  if (!processed.ok()) {
    std::cerr << "vanban: " << args.path << ": " << processed.status().ToString() << "\n";
    return kExitSomeFailed;
  }
  int failed = 0;
  for (const Page& page : processed->document.pages) {
    if (page.status.ok()) continue;
    ++failed;
    std::cerr << "vanban: " << args.path << ": page " << page.number << ": " << page.status.ToString() << "\n";
  }
  if (args.raw) {
    const std::vector<Page>& pages = processed->document.pages;
    for (size_t i = 0; i < pages.size(); ++i) {
      if (i) std::cout << '\f';
      std::cout << pages[i].text;
      if (!pages[i].text.empty() && pages[i].text.back() != '\n') std::cout << '\n';
    }
  } else {
    std::cout << processed->text.text;
    if (!processed->text.text.empty() && processed->text.text.back() != '\n') std::cout << '\n';
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddTextCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<TextArgs>();
  CLI::App* cmd = app.add_subcommand("text", "Print the normalized (or raw) text of one file");
  cmd->footer("Print the text of one file as vanban reads it: normalized (NFC, one tone placement,\n"
      "clean lines, diacritics restored where they were missing) or, with --raw, as the source\n"
      "gave it (text layer or OCR). Pages are separated by a form feed.");
  cmd->add_option("file", args->path, "a .txt, .pdf or image file")->required();
  cmd->add_flag("--raw", args->raw, "the raw page text, before normalization");
  AddPipelineFlags(cmd, args->pipeline);
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
