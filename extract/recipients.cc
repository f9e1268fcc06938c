// Nơi nhận (Nghị định 30/2020, Phụ lục I, mục II.9): the items under the
// label, bullets and closing ";"/"." removed. The label is sometimes missing
// (a list pasted without it): the list that ends with "- Lưu: …" is taken.
#include "extract/closing.h"
#include "extract/lines.h"
#include "extract/parts.h"

namespace vanban::extract::internal {

void ExtractRecipients(const NormalizedText& text, Record* record) {
  std::vector<Line> lines = SplitLines(text);
  Closing closing = FindClosing(lines);
  for (std::string_view item : closing.items) {
    std::string value = CleanItem(item);
    if (value.empty()) continue;
    Recipient r;
    r.text = value;
    r.where = SpanOfView(text, item);
    record->recipients.push_back(std::move(r));
  }
}

}  // namespace vanban::extract::internal
