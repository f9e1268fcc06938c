// PLACEHOLDER: replaced by the SQLite implementation.
#include "store/store.h"
namespace vanban::store {
struct Archive::Impl {};
Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;
Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path, const Options&) {
  return Status::Unsupported("store not built yet: " + path);
}
bool Archive::HasVersion(const std::string&) { return false; }
Result<PutOutcome> Archive::Put(const Document&, const NormalizedText&, const Record&, const std::string&) {
  return Status::Unsupported("store not built yet");
}
Status Archive::PutFailure(const std::string&, const std::string&, const Status&) { return Status::Unsupported("x"); }
Result<std::vector<SearchHit>> Archive::Search(const SearchQuery&) { return Status::Unsupported("x"); }
Result<StoredDocument> Archive::Get(int64_t) { return Status::Unsupported("x"); }
Result<std::vector<int64_t>> Archive::FindByNumber(const std::string&) { return Status::Unsupported("x"); }
Status Archive::Export(ExportFormat, std::ostream&) { return Status::Unsupported("x"); }
Result<Archive::Counts> Archive::Count() { return Status::Unsupported("x"); }
int SchemaVersion() { return 0; }
}  // namespace vanban::store
