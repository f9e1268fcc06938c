// PLACEHOLDER: replaced by the normalize implementation.
#include "normalize/normalize.h"
#include "common/vietnamese.h"
namespace vanban::normalize {
NormalizedText Normalize(const Document& document, const Options&) {
  NormalizedText t;
  for (const Page& p : document.pages) {
    if (!t.pages.empty()) t.text += '\f';
    PageSpan s;
    s.number = p.number;
    s.begin = t.text.size();
    t.text += CanonicalTones(p.text);
    s.end = t.text.size();
    t.pages.push_back(s);
  }
  return t;
}
std::string NormalizeFragment(std::string_view text) { return CanonicalTones(text); }
double AccentedShare(std::string_view) { return 1.0; }
}  // namespace vanban::normalize
