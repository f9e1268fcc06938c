// Documents cited with a number (căn cứ, thực hiện, theo …): one entry per
// distinct số và ký hiệu, in order of first appearance. The first mention
// gives the date and issuer; a later one fills what the first left out
// ("Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT Đồng Nai" first,
// "Kế hoạch số 381/KH-SGDĐT ngày 16/01/2026 của Sở GD&ĐT phù hợp …" later).
// The document's own number and its annex heading ("kèm theo Kế hoạch số …")
// are the document itself, not references.
#include <unordered_map>

#include "extract/citations.h"
#include "extract/parts.h"

namespace vanban::extract::internal {

void ExtractReferences(const NormalizedText& text, Record* record) {
  std::unordered_map<std::string, size_t> seen;
  std::string own = record->number ? record->number->value : "";
  for (Citation& c : FindCitations(text)) {
    if (c.self || c.number == own) continue;
    auto it = seen.find(c.number);
    if (it != seen.end()) {
      Reference& r = record->references[it->second];
      if (!r.date && c.date) r.date = c.date;
      if (!r.issuer && c.issuer) r.issuer = c.issuer;
      continue;
    }
    Reference r;
    r.type = c.type;
    r.number = c.number;
    r.date = c.date;
    r.issuer = c.issuer;
    r.where = c.where;
    seen.emplace(c.number, record->references.size());
    record->references.push_back(std::move(r));
  }
}

}  // namespace vanban::extract::internal
