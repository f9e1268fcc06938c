// PLACEHOLDER: replaced by the real extractor.
#include "extract/parts.h"
namespace vanban::extract::internal {
void ExtractTasks(const Document&, const NormalizedText&, Record*) {}
}  // namespace vanban::extract::internal
