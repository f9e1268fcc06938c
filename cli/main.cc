// vanban: Vietnamese administrative documents → structured, searchable archive.
#include <iostream>

#include "cli/commands.h"
#include "ingest/ingest.h"

int main(int argc, char** argv) {
  // Debian's Tesseract is built with OpenMP; left alone, its threads fight the
  // page-parallel OCR pool and a page takes 16–27 s instead of ~2.5 s
  // (shared/TOOLCHAIN.md). This keeps every OCR worker single-threaded
  // whatever OMP_THREAD_LIMIT says, and quiets Leptonica's stderr.
  vanban::ingest::PrepareOcrThreads();

  using namespace vanban::cli;
  Context context;
  CLI::App app{
      "vanban: turn Vietnamese administrative documents (Kế hoạch, Quyết định, công văn, ...)\n"
      "into a searchable archive. Reads .txt, text-layer and scanned .pdf, .png/.jpg/.tif;\n"
      "normalizes the text (NFC, one tone placement, restored diacritics); extracts số và\n"
      "ký hiệu, cơ quan ban hành, ngày, trích yếu, người ký, nơi nhận, cited documents,\n"
      "targets, deadlines and task tables; stores it all in SQLite with full-text search\n"
      "that ignores diacritics and case.\n\n"
      "Examples:\n"
      "  vanban ingest ~/incoming/           # file a folder of plans (recursive)\n"
      "  vanban search \"cai cach hanh chinh\" --year 2026\n"
      "  vanban show 06/KH-THPTLT\n"
      "  vanban extract plan.pdf --json      # print the record, store nothing\n\n"
      "Exit codes: 0 ok, 1 some inputs failed or nothing matched, 2 usage error,\n"
      "3 archive could not be opened or written.",
      "vanban"};
  app.set_version_flag("--version", "vanban 0.1.0");
  app.option_defaults()->always_capture_default();
  app.add_option("--db", context.db_path, "SQLite archive to use (created if missing)")
      ->envname("VANBAN_DB");
  app.add_option("--model", context.model_path,
                 "diacritic-restoration model (default: the bundled corpus/model/vi.lm)")
      ->envname("VANBAN_MODEL");
  app.add_flag("-q,--quiet", context.quiet, "no progress and no per-file lines");
  app.require_subcommand(1);

  AddIngestCommand(app, context);
  AddExtractCommand(app, context);
  AddTextCommand(app, context);
  AddSearchCommand(app, context);
  AddShowCommand(app, context);
  AddExportCommand(app, context);
  AddStatsCommand(app, context);
  AddServeCommand(app, context);
  AddRestoreCommand(app, context);
  AddLmCommand(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return context.exit_code;
}
