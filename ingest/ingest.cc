// PLACEHOLDER: replaced by the ingest implementation.
#include "ingest/ingest.h"
namespace vanban::ingest {
Result<Document> ReadFile(const std::string& path, const Options&) { return Status::Unsupported("not built yet: " + path); }
std::vector<std::string> ListInputs(const std::vector<std::string>& paths, std::vector<InputError>*) { return paths; }
std::string Sha256Hex(std::string_view) { return ""; }
}  // namespace vanban::ingest
