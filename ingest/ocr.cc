// The page pool: workers take page indexes one at a time, load that page's
// image (render a PDF page, or decode an image page), recognise it with their
// own engine, and store the Page in its slot.
#include "ingest/ocr.h"

#include <omp.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "ingest/pix.h"
#include "ingest/scan_resolution.h"
#include "ingest/tesseract_engine.h"

namespace vanban::ingest {

namespace {

// Tesseract's LSTM asks for `num_threads(10)` in its parallel loops, which
// overrides omp_set_num_threads. In libgomp (GCC 12) max-active-levels is a
// per-thread ICV and a std::thread starts from the defaults, so every OCR
// worker sets it for itself; at 0, every parallel region runs on the thread
// that meets it, whatever the environment. Measured (2 pages, --jobs 2, 2
// busy cores): this 3.6 s wall / 2.8 s CPU, same as OMP_THREAD_LIMIT=1;
// omp_set_dynamic(1) in each worker instead 30.5 s / 17.2 s; both calls in
// main() only 5.2 s / 4.5 s (the spawned worker still spins up 10 threads).
void SingleThreadedOpenMp() { omp_set_max_active_levels(0); }

}  // namespace

void PrepareOcrThreads() {
  SingleThreadedOpenMp();
  // Leptonica reports decode errors on stderr; vanban reports them as Status.
  setMsgSeverity(L_SEVERITY_NONE);
}

namespace internal {
namespace {

void PrepareOnce() {
  static std::once_flag once;
  std::call_once(once, PrepareOcrThreads);
}

std::string Megapixels(long long pixels) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f Mpx", pixels / 1e6);
  return buf;
}

Page FailedPage(int number, Status status) {
  Page page;
  page.number = number;
  page.source = PageSource::kFailed;
  page.reason = status.message();
  page.status = std::move(status);
  return page;
}

// The resolution pages are OCR'd at (Options::dpi, 200 when unset).
int OcrDpi(const Options& options) { return options.dpi > 0 ? options.dpi : 200; }

// A page read as noise, read once more binarized without specks; that
// reading replaces `page` when it is confident. Seen on a speckled 200 dpi
// last page (shared 000.scan200): three clear lines that Tesseract's own
// thresholding buries in the grey background come out whole.
void ReadAgainBinarized(EngineLease& engine, PIX* prepared, const Options& options,
                        const OcrTuning& tuning, Page* page) {
  PixPtr binary = BinarizeWithoutSpecks(prepared);
  if (!binary) return;
  Page again;
  again.number = page->number;
  if (!engine->Recognize(binary.get(), options.page_seconds, tuning.uniform_block, &again).ok() ||
      again.words.empty() || again.ocr_confidence < tuning.second_reading_confidence) {
    return;
  }
  char why[128];
  std::snprintf(why, sizeof why, "; read again binarized without specks (confidence %.0f → %.0f)",
                page->ocr_confidence, again.ocr_confidence);
  again.source = PageSource::kOcr;
  again.reason = page->reason + why;
  *page = std::move(again);
}

// Loads the image of page slot `index` (8-bit gray), or fails that page.
using PageLoader = std::function<Result<PixPtr>(int index)>;

// Runs `count` page slots through `jobs` workers. `numbers[i]` is slot i's
// page number, `reasons` the why recorded on OCR'd pages.
std::vector<Page> RunPool(const std::vector<int>& numbers, const PageLoader& load,
                          const std::string& reason, const Options& options,
                          const OcrTuning& tuning) {
  PrepareOnce();
  const int count = static_cast<int>(numbers.size());
  std::vector<Page> pages(count);
  if (count == 0) return pages;
  int jobs = options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  jobs = std::max(1, std::min(jobs, count));
  std::atomic<int> next{0}, done{0};

  auto work = [&] {
    SingleThreadedOpenMp();
    Result<EngineLease> engine = BorrowEngine(options.ocr_language, options.tessdata_dir);
    for (int i = next++; i < count; i = next++) {
      Page& page = pages[i];
      const int number = numbers[i];
      if (!engine.ok()) {
        page = FailedPage(number, engine.status());
      } else if (Result<PixPtr> image = load(i); !image.ok()) {
        page = FailedPage(number, image.status());
      } else {
        double skew = 0;
        PixPtr prepared = PreparePage(image->get(), tuning.preprocessing, &skew);
        image->reset();  // one page image per worker at a time
        page.number = number;
        Status status = (*engine)->Recognize(prepared.get(), options.page_seconds,
                                               tuning.uniform_block, &page);
        if (!status.ok()) {
          page = FailedPage(number, std::move(status));
        } else {
          page.source = PageSource::kOcr;
          page.reason = reason;
          if (!page.words.empty() && page.ocr_confidence < tuning.min_page_confidence) {
            ReadAgainBinarized(*engine, prepared.get(), options, tuning, &page);
          }
          if (page.words.empty()) {
            page.reason += "; no text found";
          } else if (page.ocr_confidence < tuning.min_page_confidence) {
            char why[128];
            std::snprintf(why, sizeof why,
                          "; near-blank or noise: mean word confidence %.0f < %.0f, text dropped",
                          page.ocr_confidence, tuning.min_page_confidence);
            page.reason += why;
            page.words.clear();
            page.text.clear();
          }
          if (tuning.find_rules) page.rules = FindRules(prepared.get(), pixGetXRes(prepared.get()));
        }
      }
      const int finished = ++done;
      if (options.on_page) options.on_page(finished, count);
    }
  };
  std::vector<std::thread> workers;
  for (int k = 1; k < jobs; ++k) workers.emplace_back(work);
  work();
  for (std::thread& t : workers) t.join();
  return pages;
}

bool OverPixelLimit(long long width, long long height, const Options& options, Status* status,
                    const std::string& what) {
  const long long pixels = width * height;
  if (options.max_pixels > 0 && pixels > options.max_pixels) {
    *status = Status::LimitExceeded(what + " is " + std::to_string(width) + "x" +
                                    std::to_string(height) + " px (" + Megapixels(pixels) +
                                    "), over the limit of " + Megapixels(options.max_pixels));
    return true;
  }
  return false;
}

}  // namespace

std::vector<Page> OcrPdfPages(const std::string& path, const std::vector<int>& page_numbers,
                              const Options& options) {
  return OcrPdfPages(path, page_numbers, options, OcrTuning{});
}

std::vector<Page> OcrPdfPages(const std::string& path, const std::vector<int>& page_numbers,
                              const Options& options, const OcrTuning& tuning) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc || doc->is_locked()) {
    std::vector<Page> pages;
    for (int n : page_numbers) {
      pages.push_back(FailedPage(n, Status::Corrupt("cannot open the PDF to render page " +
                                                    std::to_string(n))));
    }
    return pages;
  }
  const int page_count = doc->pages();
  const int dpi = OcrDpi(options);
  const std::vector<ImageSize> images = PdfImageSizes(path);
  std::vector<std::string> reasons(page_numbers.size());
  // Poppler's document is not safe to render from several threads at once; a
  // render is ~65 ms against ~2.5 s of OCR, so one lock costs nothing.
  std::mutex render_mu;
  auto load = [&](int index) -> Result<PixPtr> {
    const int number = page_numbers[index];
    if (number < 1 || number > page_count) {
      return Status::InvalidInput("no page " + std::to_string(number) + " (the PDF has " +
                                  std::to_string(page_count) + ")");
    }
    if (options.max_pages > 0 && number > options.max_pages) {
      return Status::LimitExceeded("page " + std::to_string(number) + " is past the limit of " +
                                   std::to_string(options.max_pages) + " pages");
    }
    poppler::image rendered;
    int page_dpi = dpi;
    {
      std::lock_guard<std::mutex> lock(render_mu);
      std::unique_ptr<poppler::page> page(doc->create_page(number - 1));
      if (!page) return Status::Corrupt("cannot read page " + std::to_string(number));
      const poppler::rectf rect = page->page_rect();
      // A scanned page is OCR'd at its scan's resolution when that is lower
      // than options.dpi: interpolating a 200 dpi scan up to 300 dpi raised
      // CER from 2.5% to 4.6% (bench/OCR.md). Below 150 dpi the text is too
      // small for Tesseract and rendering larger helps. A scan above
      // options.dpi is rendered at options.dpi by poppler directly: rendering
      // it at its own resolution and area-averaging it down read 57 errors
      // on four scan300s instead of 64, but cost 11% more time (bench/OCR.md).
      const double scan_dpi = ScanDpi(images, rect.width(), rect.height());
      reasons[index] = "OCR at " + std::to_string(dpi) + " dpi";
      if (scan_dpi >= 150 && std::lround(scan_dpi) < dpi) {
        page_dpi = static_cast<int>(std::lround(scan_dpi));
        reasons[index] = "OCR at " + std::to_string(page_dpi) + " dpi (the scan's resolution)";
      }
      const bool turned = page->orientation() == poppler::page::landscape ||
                          page->orientation() == poppler::page::seascape;
      long long w = std::llround(rect.width() / 72.0 * page_dpi);
      long long h = std::llround(rect.height() / 72.0 * page_dpi);
      if (turned) std::swap(w, h);
      Status status;
      if (OverPixelLimit(w, h, options, &status,
                         "page " + std::to_string(number) + " at " + std::to_string(page_dpi) + " dpi")) {
        return status;
      }
      poppler::page_renderer renderer;
      renderer.set_image_format(poppler::image::format_gray8);
      renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
      renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
      rendered = renderer.render_page(page.get(), page_dpi, page_dpi);
    }
    if (!rendered.is_valid() || rendered.format() != poppler::image::format_gray8) {
      return Status::Corrupt("cannot render page " + std::to_string(number));
    }
    // Rows are padded to 4 bytes: bytes_per_row, not width (shared/TOOLCHAIN.md).
    PixPtr pix = PixFromGray8(reinterpret_cast<const unsigned char*>(rendered.const_data()),
                              rendered.width(), rendered.height(), rendered.bytes_per_row(),
                              page_dpi);
    if (!pix) return Status::Internal("out of memory for page " + std::to_string(number));
    return pix;
  };
  std::vector<Page> pages = RunPool(page_numbers, load, "", options, tuning);
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].source == PageSource::kOcr) pages[i].reason = reasons[i] + pages[i].reason;
  }
  return pages;
}

namespace {

const char* FormatName(int format) {
  switch (format) {
    case IFF_PNG: return "PNG";
    case IFF_JFIF_JPEG: return "JPEG";
    case IFF_TIFF: case IFF_TIFF_G3: case IFF_TIFF_G4: case IFF_TIFF_LZW:
    case IFF_TIFF_ZIP: case IFF_TIFF_PACKBITS: case IFF_TIFF_RLE: case IFF_TIFF_JPEG:
      return "TIFF";
    default: return nullptr;
  }
}

}  // namespace

Result<std::vector<Page>> OcrImageFile(const std::string& path, const Options& options) {
  return OcrImageFile(path, options, OcrTuning{});
}

Result<std::vector<Page>> OcrImageFile(const std::string& path, const Options& options,
                                       const OcrTuning& tuning) {
  PrepareOnce();
  std::FILE* probe = std::fopen(path.c_str(), "rb");
  if (probe == nullptr) return Status::NotFound("cannot open image " + path);
  std::fclose(probe);
  l_int32 format = IFF_UNKNOWN;
  if (findFileFormat(path.c_str(), &format) != 0 || FormatName(format) == nullptr) {
    return Status::InvalidInput("not a PNG, JPEG or TIFF image");
  }
  const std::string kind = FormatName(format);
  const bool tiff = kind == "TIFF";

  int page_count = 1;
  if (tiff) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    l_int32 n = 0;
    const bool counted = f != nullptr && tiffGetCount(f, &n) == 0 && n > 0;
    if (f) std::fclose(f);
    if (!counted) return Status::Corrupt("TIFF image has no readable page");
    page_count = n;
  } else {
    // The header gives the size without decoding: a huge image fails cheaply.
    l_int32 w = 0, h = 0;
    if (pixReadHeader(path.c_str(), nullptr, &w, &h, nullptr, nullptr, nullptr) != 0) {
      return Status::Corrupt(kind + " image header is unreadable");
    }
  }

  std::vector<int> numbers(page_count);
  for (int i = 0; i < page_count; ++i) numbers[i] = i + 1;

  // TIFF pages are read in order from a running offset; workers take them
  // one at a time under this lock, so only the pages being OCR'd are in memory.
  std::mutex read_mu;
  size_t tiff_offset = 0;
  int tiff_next = 0;
  std::vector<PixPtr> tiff_pending(page_count);  // filled only if a worker asks out of order
  auto load = [&](int index) -> Result<PixPtr> {
    const int number = index + 1;
    if (options.max_pages > 0 && number > options.max_pages) {
      return Status::LimitExceeded("page " + std::to_string(number) + " is past the limit of " +
                                   std::to_string(options.max_pages) + " pages");
    }
    PixPtr pix;
    if (tiff) {
      std::lock_guard<std::mutex> lock(read_mu);
      while (tiff_next <= index && !tiff_pending[index]) {
        PixPtr read = AdoptPix(pixReadFromMultipageTiff(path.c_str(), &tiff_offset));
        if (!read) break;
        tiff_pending[tiff_next++] = std::move(read);
      }
      pix = std::move(tiff_pending[index]);
    } else {
      pix = AdoptPix(pixRead(path.c_str()));
    }
    if (!pix) {
      return Status::Corrupt(kind + " image " + (tiff ? "page " + std::to_string(number) + " " : "") +
                             "cannot be decoded (truncated or corrupt)");
    }
    Status status;
    if (OverPixelLimit(pixGetWidth(pix.get()), pixGetHeight(pix.get()), options, &status,
                       tiff ? "page " + std::to_string(number) : std::string("image"))) {
      return status;
    }
    // Images without a resolution tag: assume a 300 dpi scan, the common case.
    if (pixGetXRes(pix.get()) <= 0) pixSetResolution(pix.get(), 300, 300);
    PixPtr gray = ToGray8(pix.get());
    if (!gray) return Status::Corrupt(kind + " image has an unsupported pixel format");
    PixPtr scaled = ScaleDownToDpi(gray.get(), OcrDpi(options));
    if (!scaled) return Status::Internal("out of memory scaling " + kind + " image");
    return scaled;
  };
  std::vector<Page> pages = RunPool(numbers, load, "image, OCR", options, tuning);
  // A single image that cannot be decoded is a bad file, not a failed page.
  if (!tiff && pages.size() == 1 && pages[0].source == PageSource::kFailed &&
      pages[0].status.code() == Status::Code::kCorrupt) {
    return pages[0].status;
  }
  return pages;
}

}  // namespace internal
}  // namespace vanban::ingest
