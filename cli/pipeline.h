// The pipeline the subcommands share: file → Document → NormalizedText →
// Record, with the options a user can set on the command line.
#pragma once

#include <memory>
#include <string>

#include "cli/commands.h"
#include "common/document.h"
#include "common/normalized_text.h"
#include "common/record.h"
#include "common/status.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "normalize/restore.h"

namespace vanban::cli {

struct Processed {
  Document document;
  NormalizedText text;
  Record record;
};

// Command-line knobs of the pipeline, bound to flags by AddPipelineFlags.
struct PipelineFlags {
  std::string ocr = "auto";  // auto | always | never
  int jobs = 0;
  int dpi = 200;
  bool no_restore = false;
};
void AddPipelineFlags(CLI::App* command, PipelineFlags& flags);

class Pipeline {
 public:
  // Loads the restorer model (unless --no-restore); a missing model is not an
  // error: unaccented pages then stay unaccented, and `note()` says so.
  Pipeline(const Context& context, const PipelineFlags& flags);

  Result<Processed> Process(const std::string& path) const;

  // Where OCR progress goes (pages done, total).
  void OnPage(std::function<void(int, int)> on_page) { ingest_.on_page = std::move(on_page); }
  const std::string& note() const { return note_; }

 private:
  ingest::Options ingest_;
  normalize::Options normalize_;
  extract::Options extract_;
  std::unique_ptr<normalize::Restorer> restorer_;
  std::string note_;
};

}  // namespace vanban::cli
