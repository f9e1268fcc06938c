// vanban ingest PATH...: file documents into the archive.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "cli/archive_open.h"
#include "cli/commands.h"
#include "cli/ordered_pool.h"
#include "cli/pipeline.h"
#include "cli/progress.h"
#include "extract/extract.h"
#include "ingest/ingest.h"

namespace vanban::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  PipelineFlags pipeline;
};

struct Tally {
  int added = 0, unchanged = 0, new_versions = 0, failed = 0, pages = 0;
};

// The file's bytes hashed, to skip unchanged files before the costly work.
// Empty when the file cannot be read (ReadFile then says why).
std::string HashOfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return ingest::Sha256Hex(bytes.str());
}

std::string Describe(const Record& r) {
  auto v = [](const std::optional<Field>& f) { return f ? f->value : std::string("-"); };
  return fmt::format("{} {} · {} · {}", v(r.doc_type), v(r.number), v(r.issuer), v(r.date));
}

int Run(IngestArgs& args, Context& context) {
  std::vector<ingest::InputError> missing;
  std::vector<std::string> files = ingest::ListInputs(args.paths, &missing);
  std::unique_ptr<store::Archive> archive = OpenArchive(context, /*create_if_missing=*/true);
  if (!archive) return context.exit_code;

  Tally tally;
  for (const ingest::InputError& e : missing) {
    std::cerr << "vanban: " << e.path << ": " << e.status.ToString() << "\n";
    archive->PutFailure(e.path, "", e.status);
    ++tally.failed;
  }

  Pipeline pipeline(context, args.pipeline);
  if (!pipeline.note().empty() && !context.quiet) std::cerr << "vanban: note: " << pipeline.note() << "\n";
  Progress progress(context.quiet);
  pipeline.OnPage([&progress](int done, int total) { progress.Pages(done, total); });

  auto started = std::chrono::steady_clock::now();
  // First what is new: hashing before any parsing keeps a re-run over an
  // unchanged batch a cheap no-op.
  std::vector<std::string> todo, hashes;
  for (const std::string& path : files) {
    std::string sha = HashOfFile(path);
    if (!sha.empty() && archive->HasVersion(sha)) {
      ++tally.unchanged;
      if (!context.quiet) std::cout << "unchanged   " << path << "\n";
      continue;
    }
    todo.push_back(path);
    hashes.push_back(sha);
  }

  // Then the new files, several at a time (the stages are thread-safe); the
  // archive, one connection, stores them in input order on this thread.
  const int workers = args.pipeline.jobs > 0 ? args.pipeline.jobs
                                             : std::max(1u, std::thread::hardware_concurrency());
  auto process = [&](size_t i) { return pipeline.Process(todo[i]); };
  auto store = [&](size_t i, Result<Processed>& processed) {
    const std::string& path = todo[i];
    progress.StartFile(static_cast<int>(i + 1), static_cast<int>(todo.size()), path);
    progress.Clear();
    if (!processed.ok()) {
      ++tally.failed;
      std::cerr << "vanban: " << path << ": " << processed.status().ToString() << "\n";
      Status recorded = archive->PutFailure(path, hashes[i], processed.status());
      if (!recorded.ok()) std::cerr << "vanban: " << context.db_path << ": " << recorded.ToString() << "\n";
      return;
    }
    Result<store::PutOutcome> put = archive->Put(processed->document, processed->text, processed->record,
                                                 extract::kExtractorVersion);
    if (!put.ok()) {
      ++tally.failed;
      std::cerr << "vanban: " << path << ": not stored: " << put.status().ToString() << "\n";
      return;
    }
    int pages = static_cast<int>(processed->document.pages.size());
    tally.pages += pages;
    const char* verb = "added      ";
    switch (put->kind) {
      case store::PutOutcome::Kind::kAdded: ++tally.added; break;
      case store::PutOutcome::Kind::kNewVersion: ++tally.new_versions; verb = "new version"; break;
      case store::PutOutcome::Kind::kUnchanged: ++tally.unchanged; verb = "unchanged  "; break;
    }
    int failed_pages = 0;
    for (const Page& p : processed->document.pages) failed_pages += !p.status.ok();
    if (!context.quiet) {
      std::cout << fmt::format("{} #{:<4} {}  ({} page{}{})  {}\n", verb, put->id, Describe(processed->record),
                               pages, pages == 1 ? "" : "s",
                               failed_pages ? fmt::format(", {} failed", failed_pages) : "", path);
    }
  };
  RunOrdered<Result<Processed>>(todo.size(), workers, 2 * static_cast<size_t>(workers), process, store);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int total = static_cast<int>(files.size() + missing.size());
  std::cout << fmt::format(
      "ingested {} file{}: {} added, {} new version{}, {} unchanged, {} failed · {} pages in {:.1f} s\n", total,
      total == 1 ? "" : "s", tally.added, tally.new_versions, tally.new_versions == 1 ? "" : "s",
      tally.unchanged, tally.failed, tally.pages, seconds);
  return tally.failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "File documents (files or folders) into the archive");
  cmd->footer("Read files and folders (recursively) into the archive: .txt, .pdf (text layer or scanned),\n"
      ".png .jpg .tif. Unchanged files are skipped; a changed file at a known path is stored as a\n"
      "new version and the old one kept. A file that cannot be read is reported on stderr with\n"
      "the reason, recorded as failed, and the batch goes on (exit code 1 if any failed).");
  cmd->add_option("paths", args->paths, "files or folders")->required();
  AddPipelineFlags(cmd, args->pipeline);
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
