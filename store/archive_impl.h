// The state behind store::Archive, shared by archive.cc, search.cc and
// export.cc. Internal to store/.
#pragma once

#include <string>
#include <string_view>

#include "store/sqlite.h"
#include "store/store.h"

namespace vanban::store {

struct Archive::Impl {
  Db db;
};

// Registers vanban_snippet() (search.cc) on a fresh connection.
Status RegisterSearchFunctions(Db& db);

// The forms the archive indexes and filters on (see schema.cc).
std::string ExactForm(std::string_view text);   // CanonicalTones: the tokenizer folds case
std::string FoldedForm(std::string_view text);  // FoldDiacritics: no marks, đ → d, lower case
// "06/KH - THPTLT" → "06/kh-thptlt": folded, without white space.
std::string NumberKey(std::string_view number);

// "hình thức" → "hinhthuc", "%" → "%": folded, without white space.
std::string UnitKey(std::string_view unit);

// Where current ok documents live.
inline constexpr const char* kCurrentOk = "status = 'ok' AND superseded_by IS NULL";

}  // namespace vanban::store
