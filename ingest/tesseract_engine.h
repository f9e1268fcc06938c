// Internal to ingest/: the one wrapper around tesseract::TessBaseAPI.
//
// An engine is single-threaded: use one per worker thread. Engines are costly
// to start (the model loads in ~0.1 s), so workers borrow them from a process-
// wide pool (BorrowEngine) and give them back when their document is done.
#pragma once

#include <memory>
#include <string>

#include "common/document.h"
#include "common/status.h"
#include "ingest/pix.h"

namespace tesseract {
class TessBaseAPI;
}

namespace vanban::ingest::internal {

class TesseractEngine {
 public:
  ~TesseractEngine();
  TesseractEngine(const TesseractEngine&) = delete;
  TesseractEngine& operator=(const TesseractEngine&) = delete;

  // Loads `language` from `tessdata_dir` (empty: Tesseract's default).
  static Result<std::unique_ptr<TesseractEngine>> Create(const std::string& language,
                                                         const std::string& tessdata_dir);

  // Recognises an 8-bit gray page. Fills page->words, text (reading order),
  // width/height (pixels) and ocr_confidence; leaves number/source/reason to
  // the caller. Fails with kLimitExceeded when `seconds` pass first.
  // `uniform_block`: psm 6 instead of psm 3.
  Status Recognize(PIX* image, double seconds, bool uniform_block, Page* page);

  const std::string& language() const { return language_; }
  const std::string& tessdata_dir() const { return tessdata_dir_; }

 private:
  TesseractEngine() = default;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::string language_, tessdata_dir_;
};

// A pooled engine, returned to the pool when it goes out of scope.
class EngineLease {
 public:
  EngineLease() = default;
  explicit EngineLease(std::unique_ptr<TesseractEngine> engine) : engine_(std::move(engine)) {}
  EngineLease(EngineLease&&) = default;
  EngineLease& operator=(EngineLease&&) = default;
  ~EngineLease();
  TesseractEngine* operator->() { return engine_.get(); }

 private:
  std::unique_ptr<TesseractEngine> engine_;
};

Result<EngineLease> BorrowEngine(const std::string& language, const std::string& tessdata_dir);

}  // namespace vanban::ingest::internal
