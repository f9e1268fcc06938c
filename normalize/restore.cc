// PLACEHOLDER: replaced by the restorer (issue 5).
#include "normalize/restore.h"
namespace vanban::normalize {
struct Restorer::Impl {};
Restorer::Restorer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Restorer::~Restorer() = default;
Result<std::unique_ptr<Restorer>> Restorer::Load(const std::string& path) {
  return Status::Unsupported("restorer not built yet: " + path);
}
std::string Restorer::Restore(std::string_view text) const { return std::string(text); }
}  // namespace vanban::normalize
