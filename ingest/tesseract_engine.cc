#include "ingest/tesseract_engine.h"

#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <map>
#include <mutex>
#include <string_view>
#include <vector>

#include "ingest/layout.h"

namespace vanban::ingest::internal {
namespace {

// The rule under the issuing body's name, or a table border, comes back as a
// "word" of underscores, tildes or bars ("-_", "___", "~", "|"): not text, and
// in front of "SỞ GIÁO DỤC VÀ ĐÀO TẠO" it hides the header block from the
// extractors. A lone "-" stays: it is a list bullet.
bool IsRuleFragment(std::string_view word) {
  bool rule = false;
  for (char c : word) {
    if (c == '_' || c == '~' || c == '|' || c == '=') rule = true;
    else if (c != '-') return false;
  }
  return rule;
}

// The words of the last recognition, with Tesseract's block and line numbers.
std::vector<OcrWord> RecognizedWords(tesseract::TessBaseAPI* api) {
  std::vector<OcrWord> words;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  int block = -1, line = -1;
  if (!it) return words;
  do {
    if (it->Empty(tesseract::RIL_WORD)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) ++block;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) ++line;
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_WORD));
    // On a page of pure speckle Tesseract can return one "word" of blanks
    // spanning the page, with a high confidence: it is not a word.
    if (!text || std::string_view(text.get()).find_first_not_of(" \t\n") == std::string_view::npos ||
        IsRuleFragment(text.get())) {
      continue;
    }
    int left, top, right, bottom;
    it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
    OcrWord w;
    w.text = text.get();
    w.box = Box{double(left), double(top), double(right), double(bottom)};
    w.confidence = it->Confidence(tesseract::RIL_WORD);
    w.block = std::max(block, 0);
    w.line = std::max(line, 0);
    words.push_back(std::move(w));
  } while (it->Next(tesseract::RIL_WORD));
  return words;
}

bool Inside(const Box& inner, const Box& outer) {
  return inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;
}

// Below this confidence a run of words is read again on its own; a second
// reading replaces it only at or above kSecondReadingConfidence.
constexpr double kDoubtful = 30;
constexpr double kSecondReadingConfidence = 80;

// Runs of doubtful words (consecutive on one line, all below kDoubtful), read
// again as a block of their own. Tesseract's line finding can split a line of
// capitals from its accents when a list and a signature block sit side by
// side: our công văn's "PHÓ GIÁM ĐỐC" came back as its accents "5 Á Ố" on the
// line above and "2g) ¬.." (confidence 13–18) below. Cropped to the run with
// half a line of margin, accents included, the same line reads clean. The
// second reading replaces the run, and the orphaned accents inside the crop
// go, when its confidence is high; otherwise the words stay as they were.
void ReadDoubtfulRunsAgain(tesseract::TessBaseAPI* api, int width, int height, std::vector<OcrWord>* words) {
  std::vector<double> heights;
  for (const OcrWord& w : *words)
    if (w.confidence >= 60) heights.push_back(w.box.height());
  if (heights.empty()) return;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const double h = heights[heights.size() / 2];

  for (size_t i = 0; i < words->size();) {
    size_t j = i;
    Box run = (*words)[i].box;
    while (j < words->size() && (*words)[j].line == (*words)[i].line && (*words)[j].confidence < kDoubtful) {
      const Box& b = (*words)[j].box;
      run = Box{std::min(run.x0, b.x0), std::min(run.y0, b.y0), std::max(run.x1, b.x1), std::max(run.y1, b.y1)};
      ++j;
    }
    if (j == i || run.width() < 2 * h) {
      i = std::max(j, i + 1);
      continue;
    }
    const Box crop{std::max(0.0, run.x0 - h / 2), std::max(0.0, run.y0 - h / 2),
                   std::min(double(width), run.x1 + h / 2), std::min(double(height), run.y1 + h / 2)};
    // Only a run with nothing but specks and accents around it (the margin
    // may graze the line above): a crop that takes in text of other lines (a garbled table header over its wrapped
    // words) would read those again too, and move them.
    bool crowded = false;
    for (size_t k = 0; k < words->size() && !crowded; ++k) {
      const Box& b = (*words)[k].box;
      const double overlap_y = std::min(b.y1, crop.y1) - std::max(b.y0, crop.y0);
      crowded = (k < i || k >= j) && b.height() >= h / 2 && b.x0 < crop.x1 && crop.x0 < b.x1 &&
                overlap_y > b.height() / 3;
    }
    if (crowded) {
      i = j;
      continue;
    }
    api->SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
    api->SetRectangle(int(crop.x0), int(crop.y0), int(crop.width()), int(crop.height()));
    std::vector<OcrWord> again = api->Recognize(nullptr) == 0 ? RecognizedWords(api) : std::vector<OcrWord>{};
    double confidence = 0;
    for (const OcrWord& w : again) confidence += w.confidence / double(again.size());
    if (again.empty() || confidence < kSecondReadingConfidence) {
      i = j;
      continue;
    }
    // A line of its own: it may not share the baseline of the words before
    // the run (a list item left, the signature title right).
    int line = 0;
    for (const OcrWord& w : *words) line = std::max(line, w.line + 1);
    for (OcrWord& w : again) w.block = (*words)[i].block, w.line = line;
    std::vector<OcrWord> merged;
    for (size_t k = 0; k < words->size(); ++k) {
      if (k == i) merged.insert(merged.end(), again.begin(), again.end());
      if ((k >= i && k < j) || Inside((*words)[k].box, crop)) continue;
      merged.push_back(std::move((*words)[k]));
    }
    // Go on after the inserted words (words before i were not removed: the
    // crop holds none of the run's own line before it, being doubtful-free).
    size_t removed_before = 0;
    for (size_t k = 0; k < i; ++k) removed_before += Inside((*words)[k].box, crop);
    *words = std::move(merged);
    i = i - removed_before + again.size();
  }
}

}  // namespace


TesseractEngine::~TesseractEngine() = default;

Result<std::unique_ptr<TesseractEngine>> TesseractEngine::Create(const std::string& language,
                                                                 const std::string& tessdata_dir) {
  std::unique_ptr<TesseractEngine> engine(new TesseractEngine());
  engine->api_ = std::make_unique<tesseract::TessBaseAPI>();
  engine->language_ = language;
  engine->tessdata_dir_ = tessdata_dir;
  // LSTM only: tesseract-ocr-vie is the tessdata_fast model, it has no legacy engine.
  if (engine->api_->Init(tessdata_dir.empty() ? nullptr : tessdata_dir.c_str(), language.c_str(),
                         tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::Internal("cannot load Tesseract language '" + language + "'" +
                            (tessdata_dir.empty() ? "" : " from " + tessdata_dir) +
                            " (is tesseract-ocr-" + language + " installed?)");
  }
  // psm 3 (automatic layout) over psm 6 (one uniform block): ~10% slower, but it
  // keeps the two columns of the header block apart (shared/TOOLCHAIN.md).
  engine->api_->SetPageSegMode(tesseract::PSM_AUTO);
  // Tesseract writes debug chatter ("Detected 48 diacritics") to stderr.
  engine->api_->SetVariable("debug_file", "/dev/null");
  return engine;
}

Status TesseractEngine::Recognize(PIX* image, double seconds, bool uniform_block, Page* page) {
  api_->SetPageSegMode(uniform_block ? tesseract::PSM_SINGLE_BLOCK : tesseract::PSM_AUTO);
  api_->SetImage(image);
  const int dpi = pixGetXRes(image);
  // Without a resolution Tesseract guesses one from the text size and warns.
  if (dpi > 0) api_->SetSourceResolution(dpi);

  // The deadline is checked between words of the recognition pass; layout
  // analysis before it is not interruptible, but is a small share of a page.
  tesseract::ETEXT_DESC monitor;
  monitor.set_deadline_msecs(static_cast<int32_t>(std::min(seconds, 1e6) * 1000));
  const int rc = api_->Recognize(&monitor);
  if (monitor.deadline_exceeded()) {
    api_->Clear();
    char why[80];
    std::snprintf(why, sizeof why, "OCR time limit of %g s per page exceeded", seconds);
    return Status::LimitExceeded(why);
  }
  if (rc != 0) {
    api_->Clear();
    return Status::Internal("Tesseract could not recognise the page");
  }

  std::vector<OcrWord> words = RecognizedWords(api_.get());
  ReadDoubtfulRunsAgain(api_.get(), pixGetWidth(image), pixGetHeight(image), &words);
  api_->Clear();

  page->width = pixGetWidth(image);
  page->height = pixGetHeight(image);
  BuildReadingOrder(std::move(words), page);
  return Status::Ok();
}

// --- pool -------------------------------------------------------------------

namespace {

struct EnginePool {
  std::mutex mu;
  std::vector<std::unique_ptr<TesseractEngine>> idle;
  // Idle engines kept for the next document: as many as a batch ever used at
  // once is plenty, and bounds memory (~20 MB an engine).
  static constexpr size_t kMaxIdle = 16;
};

EnginePool& Pool() {
  static EnginePool* pool = new EnginePool();  // emptied at exit by DropIdleEngines
  return *pool;
}

// Tesseract keeps its dictionaries in a function-static cache that reports
// "LEAK!" on stderr if an engine outlives it. Registered after the first
// engine has built that cache, this runs before the cache is destroyed.
void DropIdleEngines() {
  EnginePool& pool = Pool();
  std::lock_guard<std::mutex> lock(pool.mu);
  pool.idle.clear();
}

}  // namespace

EngineLease::~EngineLease() {
  if (!engine_) return;
  EnginePool& pool = Pool();
  std::lock_guard<std::mutex> lock(pool.mu);
  if (pool.idle.size() < EnginePool::kMaxIdle) pool.idle.push_back(std::move(engine_));
}

Result<EngineLease> BorrowEngine(const std::string& language, const std::string& tessdata_dir) {
  {
    EnginePool& pool = Pool();
    std::lock_guard<std::mutex> lock(pool.mu);
    for (auto it = pool.idle.begin(); it != pool.idle.end(); ++it) {
      if ((*it)->language() == language && (*it)->tessdata_dir() == tessdata_dir) {
        EngineLease lease(std::move(*it));
        pool.idle.erase(it);
        return lease;
      }
    }
  }
  auto engine = TesseractEngine::Create(language, tessdata_dir);
  if (!engine.ok()) return engine.status();
  static std::once_flag registered;
  std::call_once(registered, [] { std::atexit(DropIdleEngines); });
  return EngineLease(std::move(engine).value());
}

}  // namespace vanban::ingest::internal
