#include "cli/archive_open.h"

#include <filesystem>
#include <iostream>

namespace vanban::cli {

std::unique_ptr<store::Archive> OpenArchive(Context& context, bool create_if_missing) {
  if (!create_if_missing && !std::filesystem::exists(context.db_path)) {
    std::cerr << "vanban: " << context.db_path
              << ": no archive here yet (run `vanban ingest PATH...` first, or pass --db)\n";
    context.exit_code = kExitArchive;
    return nullptr;
  }
  store::Options options;
  options.create_if_missing = create_if_missing;
  Result<std::unique_ptr<store::Archive>> archive = store::Archive::Open(context.db_path, options);
  if (!archive.ok()) {
    std::cerr << "vanban: " << context.db_path << ": " << archive.status().ToString() << "\n";
    context.exit_code = kExitArchive;
    return nullptr;
  }
  return std::move(archive.value());
}

}  // namespace vanban::cli
