// Opening the archive the way every subcommand does: one error line naming
// the database on failure.
#pragma once

#include <memory>

#include "cli/commands.h"
#include "store/store.h"

namespace vanban::cli {

// Prints "vanban: <db>: <reason>" and sets context.exit_code on failure.
std::unique_ptr<store::Archive> OpenArchive(Context& context, bool create_if_missing);

}  // namespace vanban::cli
