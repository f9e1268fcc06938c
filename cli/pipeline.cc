#include "cli/pipeline.h"

#include <algorithm>
#include <filesystem>
#include <thread>

namespace vanban::cli {
namespace {

ingest::OcrMode ParseOcrMode(const std::string& mode) {
  if (mode == "always") return ingest::OcrMode::kAlways;
  if (mode == "never") return ingest::OcrMode::kNever;
  return ingest::OcrMode::kAuto;
}

std::string BundledModelPath() { return VANBAN_BUNDLED_MODEL; }

}  // namespace

void AddPipelineFlags(CLI::App* command, PipelineFlags& flags) {
  command->add_option("--ocr", flags.ocr,
                      "when to OCR a PDF page: auto (no or bad text layer), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command->add_option("-j,--jobs", flags.jobs, "OCR workers (0 = one per core)")
      ->check(CLI::Range(0, 256));
  command->add_option("--dpi", flags.dpi, "resolution pages are OCR'd at; scans above it are scaled down "
                  "(200 reads 300 dpi scans faster and with fewer errors, bench/OCR.md)")
      ->check(CLI::Range(72, 600));
  command->add_flag("--no-restore", flags.no_restore,
                    "do not restore diacritics on unaccented pages");
}

Pipeline::Pipeline(const Context& context, const PipelineFlags& flags) {
  ingest_.ocr = ParseOcrMode(flags.ocr);
  ingest_.jobs = flags.jobs;
  ingest_.dpi = flags.dpi;
  normalize_.restore_jobs = flags.jobs > 0 ? flags.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (flags.no_restore) return;
  std::string path = context.model_path.empty() ? BundledModelPath() : context.model_path;
  if (!std::filesystem::exists(path)) {
    note_ = "no diacritic-restoration model at " + path + "; unaccented text stays unaccented";
    return;
  }
  // The archive's own model (`vanban lm build --from-db` writes it beside the
  // database) is in exactly the right domain: interpolate it when present.
  normalize::RestoreOptions restore;
  if (std::string archive_model = context.db_path + ".lm"; std::filesystem::exists(archive_model)) {
    restore.archive_model_path = archive_model;
  }
  Result<std::unique_ptr<normalize::Restorer>> loaded = normalize::Restorer::Load(path, restore);
  if (!loaded.ok()) {
    note_ = "restoration model " + path + " not loaded (" + loaded.status().ToString() + ")";
    return;
  }
  restorer_ = std::move(loaded.value());
  normalize_.restorer = restorer_.get();
}

Result<Processed> Pipeline::Process(const std::string& path) const {
  Result<Document> document = ingest::ReadFile(path, ingest_);
  if (!document.ok()) return document.status();
  Processed out;
  out.document = std::move(document.value());
  out.text = normalize::Normalize(out.document, normalize_);
  out.record = extract::Extract(out.document, out.text, extract_);
  return out;
}

}  // namespace vanban::cli
