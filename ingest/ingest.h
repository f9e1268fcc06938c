// ingest: a file becomes a Document of pages of raw text.
//
//   vanban::ingest::Options options;            // defaults suit a batch
//   Result<Document> doc = vanban::ingest::ReadFile("plan.pdf", options);
//   if (!doc.ok()) report(doc.status());        // one reason, never a crash
//
// Sources:
//   .txt   UTF-8 (with or without BOM), UTF-16/32 with BOM. Anything else: the
//          candidates of ICU's charset detector, plus windows-1258 (which the
//          detector does not know), each decoded strictly; the one that reads
//          most like Vietnamese wins, windows-1258 only when it reads as
//          Vietnamese at all. Text typed in the legacy font encodings TCVN3
//          and VNI comes back in its Latin-1 reading ("Céng hoµ"), which the
//          normalize stage converts. BOM removed, CRLF and CR → '\n'; form
//          feeds split pages (one at the very end opens no empty page).
//          Document::encoding names what was found ("UTF-8", "windows-1258").
//   .pdf   text layer through poppler-cpp, page by page (1-based numbers, page
//          size in points). Word boxes are kept in Page::words (font size,
//          bold from the font name, line index into Page::text); the reading
//          order is rebuilt from them: rows by vertical overlap, columns by
//          wide gaps, the two-column header block read as issuing bodies,
//          motto, "Số: ...", date line, and the Nơi nhận / signature band
//          column by column (rules in ingest/reading_order.h). Pages without a
//          usable text layer are rendered and OCR'd (see OcrMode); they keep
//          the reason in Page::reason. A PDF encrypted only against editing
//          (empty user password) is read like any other.
//   .png .jpg .jpeg .tif .tiff  OCR'd with Tesseract (every TIFF page).
//
// Bad input comes back as a Status naming the reason, in plain words:
//   NotFound      "no such file"
//   IOError       "is a directory, not a file", "cannot open: Permission denied"
//   InvalidInput  "empty file (0 bytes)", "binary data, not text: NUL byte at
//                 offset 12", "undecodable text: ...", and a wrong extension,
//                 found from the magic bytes: "not a PDF: starts with the PNG
//                 signature (a PNG image named .pdf)", "not a PDF: file is
//                 plain text but named .pdf", "not text: file is a PDF document
//                 but named .txt"
//   Corrupt       "PDF is truncated: no %%EOF marker at its end", "PDF is
//                 damaged: ..." (with poppler's own complaint when it has one)
//   Unsupported   "PDF is encrypted: a password is needed to open it",
//                 "unknown extension \".docx\": ..."
// Poppler's messages never reach stderr. A page that fails (limit, render
// error) is kept as a failed page; the rest of the document is kept.
// Thread-safety: ReadFile may be called from several threads at once.
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
  // Resolution pages are OCR'd at: PDF pages are rendered at it (or at the
  // scan's own resolution when lower) and larger images are scaled down to it.
  // 200, not the customary 300: Tesseract's line recognizer works on lines
  // scaled to a fixed height, and the 300 dpi scans of shared/corpus read
  // both faster (-35% CPU) and better (590 → 512 errors) at 200 (bench/OCR.md).
  int dpi = 200;
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
// keeping only extensions ReadFile knows (case-insensitive). Paths that do not
// exist or cannot be listed, and files named explicitly with an extension
// ReadFile does not know, are reported in `errors` as (path, status) and
// skipped; unknown files inside folders are skipped silently.
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
