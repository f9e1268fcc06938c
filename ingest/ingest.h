// ingest: a file becomes a Document of pages of raw text.
//
//   vanban::ingest::Options options;            // defaults suit a batch
//   Result<Document> doc = vanban::ingest::ReadFile("plan.pdf", options);
//   if (!doc.ok()) report(doc.status());        // one reason, never a crash
//
// Sources:
//   .txt   UTF-8, UTF-16 with BOM; anything else detected with ICU's charset
//          detector and converted (windows-1258, TCVN3 are converted to UTF-8).
//          Form feeds split pages.
//   .pdf   text layer through poppler-cpp, page by page; reading order rebuilt
//          from the word boxes (the two-column header block). Pages without a
//          usable text layer are rendered and OCR'd (see OcrMode).
//   .png .jpg .jpeg .tif .tiff  OCR'd with Tesseract (every TIFF page).
//
// Bad input (empty, junk, truncated or encrypted PDF, undecodable text, wrong
// extension) comes back as a Status naming the reason. A page that fails
// (limit, render error) is kept as a failed page; the rest of the document is
// kept. Thread-safety: ReadFile may be called from several threads at once.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/document.h"
#include "common/status.h"

namespace vanban::ingest {

enum class OcrMode {
  kAuto,    // OCR a page only when its text layer is missing or fails the quality test
  kAlways,  // OCR every page, ignoring text layers
  kNever,   // never OCR; image-only pages come back empty and failed
};

struct Options {
  OcrMode ocr = OcrMode::kAuto;
  int dpi = 300;                     // render resolution for OCR of PDF pages
  int jobs = 0;                      // OCR workers; 0 = number of cores
  int max_pages = 2000;              // pages past this are recorded as failed
  long long max_pixels = 100'000'000;  // per page image; larger pages fail
  double page_seconds = 120;         // per-page OCR time limit
  std::string ocr_language = "vie";
  std::string tessdata_dir;          // empty: Tesseract's default
  // Called as pages finish (done, total); from worker threads, so keep it cheap.
  std::function<void(int done, int total)> on_page;
};

// Reads one file. The Document's sha256 identifies the bytes.
Result<Document> ReadFile(const std::string& path, const Options& options);

// Files named by `paths` (files as given, folders walked recursively, sorted),
// keeping only extensions ReadFile knows. Paths that do not exist or cannot be
// listed are reported in `errors` as (path, status) and skipped.
struct InputError {
  std::string path;
  Status status;
};
std::vector<std::string> ListInputs(const std::vector<std::string>& paths,
                                    std::vector<InputError>* errors);

// Makes Tesseract's OpenMP loops run single-threaded on the calling thread
// (OCR runs one engine per worker thread instead; shared/TOOLCHAIN.md) and
// silences Leptonica's stderr messages (errors travel as Status). Call it at
// the top of main(). OCR workers apply the OpenMP part to themselves, so the
// environment (OMP_THREAD_LIMIT) does not matter.
void PrepareOcrThreads();

// SHA-256 of a byte string, lower-case hex.
std::string Sha256Hex(std::string_view bytes);

}  // namespace vanban::ingest
