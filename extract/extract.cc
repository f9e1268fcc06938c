#include "extract/extract.h"

#include "extract/parts.h"

namespace vanban::extract {

Record Extract(const Document& document, const NormalizedText& text, const Options& /*options*/) {
  Record record;
  internal::ExtractOutline(text, &record);
  internal::ExtractHeader(text, &record);
  internal::ExtractSigner(text, &record);
  internal::ExtractRecipients(text, &record);
  internal::ExtractReferences(text, &record);
  internal::ExtractTargets(text, &record);
  internal::ExtractDeadlines(text, &record);
  internal::ExtractResponsibilities(text, &record);
  internal::ExtractTasks(document, text, &record);
  return record;
}

}  // namespace vanban::extract
