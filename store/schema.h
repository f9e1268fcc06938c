// schema: the archive's tables and the migrations that build them.
//
// The schema version is PRAGMA user_version. Migrations are applied in order,
// each in its own transaction that also sets user_version, so a database is
// always at exactly one version. Append a migration to change the schema;
// never edit one that has shipped.
//
// Internal to store/: the public contract is store/store.h.
#pragma once

#include "common/status.h"
#include "store/sqlite.h"

namespace vanban::store {

// The version the last migration produces.
int LatestSchemaVersion();

// Brings `db` from its user_version up to `target` (the latest by default).
// A database newer than this program is refused with kUnsupported, and left
// untouched.
Status Migrate(Db& db, int target = -1);

}  // namespace vanban::store
