#include "ingest/poppler.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <mutex>

namespace vanban::ingest::internal {
namespace {

// Poppler reports errors on the thread that parses, so a thread-local keeps
// each document's complaints apart.
thread_local std::string last_error;

// Poppler's messages read "error: Couldn't read xref table" or "error (44):
// Illegal character '>'"; the reason is what follows the colon.
void Collect(const std::string& message, void*) {
  size_t colon = message.find(": ");
  last_error = message.starts_with("error") && colon != std::string::npos ? message.substr(colon + 2) : message;
}

// A PDF ends with "%%EOF" (possibly followed by a newline or a little junk);
// a download or copy cut short does not.
bool HasEofMarker(const std::string& bytes) {
  size_t tail = bytes.size() > 1024 ? bytes.size() - 1024 : 0;
  return bytes.find("%%EOF", tail) != std::string::npos;
}

}  // namespace

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&Collect, nullptr); });
}

std::string LastPopplerError() { return last_error; }

PdfDocument::PdfDocument(std::unique_ptr<poppler::document> doc) : doc_(std::move(doc)) {}
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;
PdfDocument::~PdfDocument() = default;

int PdfDocument::page_count() const { return doc_->pages(); }

std::unique_ptr<poppler::page> PdfDocument::Page(int index) const {
  return std::unique_ptr<poppler::page>(doc_->create_page(index));
}

Result<PdfDocument> PdfDocument::Open(std::string bytes) {
  SilencePoppler();
  last_error.clear();
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::LimitExceeded("PDF larger than 2 GiB, which poppler cannot read from memory");
  }
  bool eof_marker = HasEofMarker(bytes);
  // Without "%%EOF" a file that holds objects was cut short; one that holds
  // none after its header is junk behind a PDF signature.
  bool objects = bytes.find(" obj") != std::string::npos;
  // load_from_data swaps the bytes out of the array: the document owns them.
  poppler::byte_array data(bytes.begin(), bytes.end());
  std::string().swap(bytes);
  return Check(std::unique_ptr<poppler::document>(poppler::document::load_from_data(&data)),
               eof_marker || !objects, objects);
}

Result<PdfDocument> PdfDocument::OpenFile(const std::string& path) {
  SilencePoppler();
  last_error.clear();
  return Check(std::unique_ptr<poppler::document>(poppler::document::load_from_file(path)), true, true);
}

Result<PdfDocument> PdfDocument::Check(std::unique_ptr<poppler::document> doc, bool eof_marker,
                                       bool objects) {
  std::string detail = last_error.empty() ? "" : " (poppler: " + last_error + ")";
  if (!doc) {
    if (!eof_marker) return Status::Corrupt("PDF is truncated: no %%EOF marker at its end" + detail);
    if (!objects) return Status::Corrupt("PDF is damaged: no PDF objects after its %PDF header" + detail);
    return Status::Corrupt("PDF is damaged: poppler cannot open it" + detail);
  }
  // Poppler opens a document it cannot decrypt as "locked"; one encrypted
  // only against editing or printing (empty user password) opens normally.
  if (doc->is_locked()) return Status::Unsupported("PDF is encrypted: a password is needed to open it");
  if (doc->pages() <= 0) {
    return Status::Corrupt(std::string(eof_marker ? "PDF is damaged" : "PDF is truncated") +
                           ": no pages" + detail);
  }
  return PdfDocument(std::move(doc));
}

}  // namespace vanban::ingest::internal
