// PLACEHOLDER: replaced by the real extractor.
#include "extract/parts.h"
namespace vanban::extract::internal {
void ExtractSigner(const NormalizedText&, Record*) {}
}  // namespace vanban::extract::internal
