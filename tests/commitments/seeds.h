// Shared by the commitment tests: a seed plan read, normalized and extracted
// the way the CLI does it, and the rule that decides when an extracted text
// equals a gold text.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "common/document.h"
#include "common/normalized_text.h"
#include "common/record.h"

namespace vanban::normalize {
class Restorer;
}

namespace vanban::testing {

struct Seed {
  std::string name;
  Document document;
  NormalizedText text;
  Record record;
  nlohmann::json gold;
};

// ../shared/corpus/txt/<name>.txt, pages split at form feeds (as ingest does
// for .txt), through normalize::Normalize and extract::Extract. The
// unaccented seed (001) is normalized with the bundled restoration model
// corpus/model/vi.lm when it loads (SeedRestorer() is null otherwise).
const normalize::Restorer* SeedRestorer();
Seed LoadSeed(const std::string& name);

// Gold texts and extracted texts are equal when they are equal after NFC with
// canonical tone placement, runs of spaces collapsed, and trailing "." ";"
// and spaces stripped (SCHEMA.md: values carry no trailing ";" or ".").
std::string MatchKey(const std::string& text);

// The four seeds whose text layer is accented; 001 is unaccented OCR and
// reaches the gold only through diacritic restoration.
bool IsAccentedSeed(const std::string& name);

}  // namespace vanban::testing

namespace vanban::testing {

// A one-page document whose canonical text is `text` with canonical tones and
// nothing else done (no line joining), extracted: table tests of the
// extractors alone, independent of the normalizer.
struct Snippet {
  Document document;
  NormalizedText text;
  Record record;
};
Snippet ExtractSnippet(const std::string& text);

}  // namespace vanban::testing
