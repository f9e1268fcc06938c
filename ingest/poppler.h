// Internal to ingest/: the one place vanban opens PDFs with poppler-cpp.
//
// Poppler prints its complaints ("Syntax Error: ...", "Couldn't read xref
// table") on stderr; vanban silences them once per process and keeps the last
// one of the calling thread, to name the reason when a document fails.
// Opening and reading separate documents from several threads is safe; one
// PdfDocument is used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace poppler {
class document;
class page;
}  // namespace poppler

namespace vanban::ingest::internal {

class PdfDocument {
 public:
  // Opens a PDF held in memory (the bytes are moved in and owned).
  // Fails with Unsupported for a PDF that needs a password, Corrupt for a
  // truncated or damaged one, naming the reason.
  static Result<PdfDocument> Open(std::string bytes);
  // Opens the file at `path` (for the OCR workers, which render pages).
  static Result<PdfDocument> OpenFile(const std::string& path);

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  int page_count() const;
  // 0-based, as poppler counts; null when poppler cannot build the page.
  std::unique_ptr<poppler::page> Page(int index) const;
  poppler::document& get() const { return *doc_; }

 private:
  explicit PdfDocument(std::unique_ptr<poppler::document> doc);
  static Result<PdfDocument> Check(std::unique_ptr<poppler::document> doc, bool eof_marker,
                                   bool objects);
  std::unique_ptr<poppler::document> doc_;
};

// Poppler's last complaint on this thread ("Couldn't read xref table"), or "".
std::string LastPopplerError();
// Installs the silencing handler (idempotent; Open calls it).
void SilencePoppler();

}  // namespace vanban::ingest::internal
