#include "tests/commitments/seeds.h"

#include "common/vietnamese.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "normalize/restore.h"
#include "tests/support/support.h"

namespace vanban::testing {

const normalize::Restorer* SeedRestorer() {
  static const std::unique_ptr<normalize::Restorer> restorer = [] {
    std::unique_ptr<normalize::Restorer> r;
    auto loaded = normalize::Restorer::Load(SourceDir() + "/corpus/model/vi.lm");
    if (loaded.ok()) r = std::move(loaded.value());
    return r;
  }();
  return restorer.get();
}

Seed LoadSeed(const std::string& name) {
  Seed seed;
  seed.name = name;
  std::string corpus = RequireShared("corpus");
  std::string raw = ReadFile(corpus + "/txt/" + name + ".txt");
  seed.gold = nlohmann::json::parse(ReadFile(corpus + "/gold/" + name + ".json"));
  seed.document.path = corpus + "/txt/" + name + ".txt";
  seed.document.kind = SourceKind::kText;
  size_t start = 0;
  int number = 1;
  while (true) {
    size_t ff = raw.find('\f', start);
    Page page;
    page.number = number++;
    page.source = PageSource::kPlainText;
    page.text = raw.substr(start, ff == std::string::npos ? std::string::npos : ff - start);
    seed.document.pages.push_back(std::move(page));
    if (ff == std::string::npos) break;
    start = ff + 1;
  }
  normalize::Options options;
  // The unaccented OCR seed reaches the gold only through restoration.
  if (!IsAccentedSeed(name)) options.restorer = SeedRestorer();
  seed.text = normalize::Normalize(seed.document, options);
  seed.record = extract::Extract(seed.document, seed.text);
  return seed;
}

std::string MatchKey(const std::string& text) {
  std::string t = CanonicalTones(text);
  std::string out;
  bool space = false;
  for (char c : t) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ';' || out.back() == ' ')) out.pop_back();
  return out;
}

bool IsAccentedSeed(const std::string& name) { return name.rfind("001_", 0) != 0; }

}  // namespace vanban::testing

namespace vanban::testing {

Snippet ExtractSnippet(const std::string& text) {
  Snippet s;
  Page page;
  page.number = 1;
  page.text = text;
  s.document.pages.push_back(page);
  // The extractors alone: the text as a canonical one-page text, lines as given.
  s.text.text = CanonicalTones(text);
  s.text.pages.push_back(PageSpan{1, 0, s.text.text.size(), false});
  s.record = extract::Extract(s.document, s.text);
  return s;
}

}  // namespace vanban::testing
