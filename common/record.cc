#include "common/record.h"

namespace vanban {

std::vector<const Section*> Record::TopSections() const {
  std::vector<const Section*> top;
  for (const Section& s : outline)
    if (s.level == 1) top.push_back(&s);
  return top;
}

}  // namespace vanban
