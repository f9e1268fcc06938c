// Hand-built plans for the store tests: a Document, its NormalizedText and a
// Record, as the earlier stages would hand them over.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "common/document.h"
#include "common/normalized_text.h"
#include "common/record.h"
#include "store/store.h"
#include "tests/support/support.h"

namespace vanban::store::testing {

struct Plan {
  Document document;
  NormalizedText text;
  Record record;
};

inline Field F(std::string value, int page = 1, size_t begin = 0, size_t end = 0) {
  return Field{std::move(value), Span{page, begin, end}};
}

// A one-page plan. `sha` stands for the SHA-256 of the file's bytes: the
// store treats it as an opaque identity, so tests name versions readably.
inline Plan MakePlan(const std::string& path, const std::string& sha, const std::string& title,
                     const std::string& body) {
  Plan p;
  p.document.path = path;
  p.document.sha256 = sha;
  p.document.size_bytes = body.size();
  p.document.kind = SourceKind::kText;
  p.document.encoding = "UTF-8";
  Page page;
  page.number = 1;
  page.source = PageSource::kPlainText;
  page.text = title + "\n" + body;
  p.document.pages.push_back(page);
  p.text.text = page.text;
  p.text.pages.push_back(PageSpan{1, 0, p.text.text.size(), false});
  p.record.doc_type = F("KH");
  p.record.title = F(title);
  return p;
}

inline std::unique_ptr<Archive> OpenFresh(std::string* path_out = nullptr) {
  std::string path = vanban::testing::TempDir() + "/archive.db";
  if (path_out) *path_out = path;
  Result<std::unique_ptr<Archive>> a = Archive::Open(path);
  INFO(a.status().ToString());
  REQUIRE(a.ok());
  return std::move(*a);
}

inline int64_t MustPut(Archive& archive, const Plan& p) {
  Result<PutOutcome> put = archive.Put(p.document, p.text, p.record, "test-1");
  INFO(put.status().ToString());
  REQUIRE(put.ok());
  return put->id;
}

inline SearchQuery Words(std::string text) {
  SearchQuery q;
  q.query = std::move(text);
  return q;
}

inline std::vector<int64_t> Ids(const std::vector<SearchHit>& hits) {
  std::vector<int64_t> ids;
  for (const SearchHit& h : hits) ids.push_back(h.id);
  return ids;
}

}  // namespace vanban::store::testing
