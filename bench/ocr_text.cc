// vanban_ocr_text FILE [--jobs N] [--dpi D] [--first A] [--last B]
//                      [--no-deskew] [--bgnorm] [--[no-]despeckle] [--no-rules]
//                      [--psm6] [--verbose] [--words]
//
// OCRs a scanned PDF (or an image) through vanban's in-process pool and prints
// the text of every page to stdout; the run's pages/min to stderr. The bench
// uses it while `vanban text FILE --ocr always` is not there, and to switch
// the Leptonica pre-processing steps on and off for the CER measurements.
#include <poppler-document.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "ingest/ocr.h"

using vanban::ingest::internal::OcrTuning;

int main(int argc, char** argv) {
  vanban::ingest::PrepareOcrThreads();
  if (argc < 2) {
    std::fprintf(stderr, "usage: vanban_ocr_text FILE [--jobs N] [--dpi D] [--first A] [--last B] "
                         "[--no-deskew] [--bgnorm] [--[no-]despeckle] [--no-rules] [--psm6] [--verbose] [--words]\n");
    return 2;
  }
  const std::string path = argv[1];
  vanban::ingest::Options options;
  OcrTuning tuning;
  int first = 1, last = 1 << 30;
  bool verbose = false, words = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
    if (arg == "--jobs") options.jobs = value();
    else if (arg == "--dpi") options.dpi = value();
    else if (arg == "--first") first = value();
    else if (arg == "--last") last = value();
    else if (arg == "--no-deskew") tuning.preprocessing.deskew = false;
    else if (arg == "--bgnorm") tuning.preprocessing.normalize_background = true;
    else if (arg == "--despeckle") tuning.preprocessing.despeckle = true;
    else if (arg == "--no-despeckle") tuning.preprocessing.despeckle = false;
    else if (arg == "--no-rules") tuning.find_rules = false;
    else if (arg == "--psm6") tuning.uniform_block = true;
    else if (arg == "--verbose") verbose = true;
    else if (arg == "--words") words = true;
    else {
      std::fprintf(stderr, "vanban_ocr_text: unknown option %s\n", arg.c_str());
      return 2;
    }
  }

  const auto start = std::chrono::steady_clock::now();
  std::vector<vanban::Page> pages;
  const bool pdf = path.size() > 4 && strcasecmp(path.c_str() + path.size() - 4, ".pdf") == 0;
  if (pdf) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
    if (!doc) {
      std::fprintf(stderr, "%s: cannot open PDF\n", path.c_str());
      return 1;
    }
    std::vector<int> numbers;
    for (int n = first; n <= std::min(last, doc->pages()); ++n) numbers.push_back(n);
    doc.reset();
    pages = vanban::ingest::internal::OcrPdfPages(path, numbers, options, tuning);
  } else {
    auto result = vanban::ingest::internal::OcrImageFile(path, options, tuning);
    if (!result.ok()) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), result.status().ToString().c_str());
      return 1;
    }
    pages = std::move(result).value();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  int failed = 0;
  for (const vanban::Page& page : pages) {
    std::fwrite(page.text.data(), 1, page.text.size(), stdout);
    std::fputs("\n\f", stdout);
    if (page.source == vanban::PageSource::kFailed) ++failed;
    if (words) {  // one line per text line: block, line, box of its first word
      for (size_t i = 0; i < page.words.size(); ++i) {
        const vanban::Word& w = page.words[i];
        if (i == 0 || page.words[i - 1].line != w.line) {
          std::fprintf(stderr, "\n[b%d l%d y%.0f-%.0f x%.0f] ", w.block, w.line, w.box.y0, w.box.y1,
                       w.box.x0);
        }
        std::fprintf(stderr, "%s ", w.text.c_str());
      }
      std::fputc('\n', stderr);
    }
    if (verbose || page.source == vanban::PageSource::kFailed) {
      std::fprintf(stderr, "page %d: %s, %zu words, %zu lines, %zu rules, confidence %.1f, %s\n",
                   page.number, vanban::PageSourceName(page.source), page.words.size(),
                   page.words.empty() ? size_t(0) : size_t(page.words.back().line + 1),
                   page.rules.size(), page.ocr_confidence, page.reason.c_str());
    }
  }
  std::fprintf(stderr, "pages=%zu failed=%d seconds=%.2f pages_per_min=%.2f\n", pages.size(),
               failed, seconds, seconds > 0 ? pages.size() * 60.0 / seconds : 0.0);
  return failed ? 1 : 0;
}
