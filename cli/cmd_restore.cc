// vanban restore: puts the diacritics back on unaccented text, stdin → stdout.
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "normalize/restore.h"

namespace vanban::cli {
namespace {

struct RestoreArgs {
  std::string archive_model;
  std::string ocr = "auto";
};

int Run(const RestoreArgs& args, const Context& context) {
  normalize::RestoreOptions options;
  options.archive_model_path = args.archive_model;
  if (args.ocr == "on") options.ocr = normalize::RestoreOptions::Ocr::kOn;
  if (args.ocr == "off") options.ocr = normalize::RestoreOptions::Ocr::kOff;
  std::string path = context.model_path.empty() ? VANBAN_BUNDLED_MODEL : context.model_path;
  auto restorer = normalize::Restorer::Load(path, options);
  if (!restorer.ok()) {
    std::cerr << "vanban: restore: " << restorer.status().ToString() << "\n";
    return kExitSomeFailed;
  }
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  std::cout << (*restorer)->Restore(text);
  std::cout.flush();
  return kExitOk;
}

}  // namespace

void AddRestoreCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<RestoreArgs>();
  CLI::App* cmd = app.add_subcommand("restore", "Restore diacritics: unaccented text on stdin → stdout");
  cmd->footer(
      "Reads text without diacritics (typed without a Vietnamese keyboard, or OCR'd with an\n"
      "English model) and writes it with its diacritics: \"Cong tac cai each hanh chinh\" →\n"
      "\"Công tác cải cách hành chính\". Lines, spacing, punctuation, numbers and case are kept;\n"
      "accented words and codes (UBND, THPT) pass through; SGDDT → SGDĐT, 12/QD-UBND → 12/QĐ-UBND.\n"
      "The model is --model (default: the bundled corpus/model/vi.lm); --archive-model adds one\n"
      "built from the archive by `vanban lm build --from-db`.");
  cmd->add_option("--archive-model", args->archive_model,
                  "a model from `vanban lm build --from-db`, interpolated with the shipped one");
  cmd->add_option("--ocr", args->ocr,
                  "OCR-noise repair (\"dupe\" → \"được\"): auto (when many words are not syllables), on, off")
      ->check(CLI::IsMember({"auto", "on", "off"}));
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
