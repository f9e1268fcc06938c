// .pdf files: the text layer page by page (poppler-cpp), reading order rebuilt
// from the word boxes, and OCR for the pages whose text layer is missing or
// unusable.
#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "ingest/formats.h"
#include "ingest/ocr.h"
#include "ingest/poppler.h"
#include "ingest/reading_order.h"

namespace vanban::ingest::internal {
namespace {

// "BAAAAA+LiberationSerif-Bold" → bold. Subset prefixes and PostScript style
// suffixes both carry the weight in the name; the font flags poppler-cpp does
// not expose.
bool BoldFontName(const std::string& name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* w : {"bold", "black", "heavy", "semibold", "demi"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

Page ReadTextLayer(const PdfDocument& pdf, int index) {
  Page page;
  page.number = index + 1;
  page.source = PageSource::kTextLayer;
  std::unique_ptr<poppler::page> p = pdf.Page(index);
  if (!p) {
    page.source = PageSource::kFailed;
    page.status = Status::Corrupt("page " + std::to_string(page.number) + " cannot be read" +
                                  (LastPopplerError().empty() ? "" : " (poppler: " + LastPopplerError() + ")"));
    return page;
  }
  poppler::rectf rect = p->page_rect();
  page.width = rect.width();
  page.height = rect.height();
  // Text boxes come in the rotated page's space; so must the page size.
  if (p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape)
    std::swap(page.width, page.height);

  std::vector<TextBox> boxes;
  for (const poppler::text_box& t : p->text_list(poppler::page::text_list_include_font)) {
    poppler::rectf b = t.bbox();
    TextBox box;
    poppler::byte_array utf8 = t.text().to_utf8();
    box.word.text.assign(utf8.data(), utf8.size());
    box.word.box = Box{b.x(), b.y(), b.x() + b.width(), b.y() + b.height()};
    box.word.font_size = t.get_font_size();
    box.word.bold = BoldFontName(t.get_font_name());
    box.space_after = t.has_space_after();
    boxes.push_back(std::move(box));
  }
  ReadingOrderOptions order;
  order.header_block = index == 0;
  OrderedPage ordered = OrderWords(std::move(boxes), page.height, order);
  page.words = std::move(ordered.words);
  page.text = std::move(ordered.text);
  return page;
}

}  // namespace

Result<Document> ReadPdf(const std::string& path, std::string bytes, const Options& options) {
  Result<PdfDocument> pdf = PdfDocument::Open(std::move(bytes));
  if (!pdf.ok()) return pdf.status();

  Document doc;
  doc.path = path;
  doc.kind = SourceKind::kPdf;
  int total = pdf->page_count();
  std::vector<int> to_ocr;         // 1-based page numbers
  std::vector<std::string> why_ocr;
  for (int i = 0; i < total; ++i) {
    if (i >= options.max_pages) {
      Page page;
      page.number = i + 1;
      page.source = PageSource::kFailed;
      page.status = Status::LimitExceeded("past the page limit (" + std::to_string(options.max_pages) + ")");
      doc.pages.push_back(std::move(page));
      continue;
    }
    Page page = ReadTextLayer(*pdf, i);
    std::string why;
    bool needs = false;
    switch (options.ocr) {
      case OcrMode::kAlways:
        needs = true;
        why = "OCR of every page requested";
        break;
      case OcrMode::kAuto:
        needs = page.source == PageSource::kFailed || TextLayerNeedsOcr(page, options, &why);
        if (page.source == PageSource::kFailed && why.empty()) why = "text layer unreadable";
        break;
      case OcrMode::kNever:
        if (page.source != PageSource::kFailed && page.words.empty()) {
          page.source = PageSource::kFailed;
          page.reason = "no text layer";
          page.status = Status::Unsupported("page has no text layer and OCR is off");
        }
        break;
    }
    if (needs) {
      to_ocr.push_back(page.number);
      why_ocr.push_back(why);
    } else if (options.on_page) {
      options.on_page(i + 1 - static_cast<int>(to_ocr.size()), total);
    }
    doc.pages.push_back(std::move(page));
  }

  if (!to_ocr.empty()) {
    // OCR reports its own progress over its pages; shift it past the pages
    // already read from the text layer so the caller sees one count.
    Options ocr_options = options;
    int already = std::min(total, options.max_pages) - static_cast<int>(to_ocr.size());
    if (options.on_page) {
      ocr_options.on_page = [&options, already, total](int done, int) { options.on_page(already + done, total); };
    }
    std::vector<Page> ocr = OcrPdfPages(path, to_ocr, ocr_options);
    for (size_t k = 0; k < ocr.size() && k < to_ocr.size(); ++k) {
      Page& slot = doc.pages[to_ocr[k] - 1];
      Page replaced = std::move(ocr[k]);
      replaced.number = to_ocr[k];
      // Why the page was OCR'd first, then how ("OCR at 200 dpi ...").
      replaced.reason = replaced.reason.empty() ? why_ocr[k] : why_ocr[k] + "; " + replaced.reason;
      // A failed OCR leaves the text layer, if there was one, better than nothing.
      if (replaced.source == PageSource::kFailed && !slot.words.empty()) {
        slot.reason = why_ocr[k] + "; OCR failed: " + replaced.status.message();
        continue;
      }
      slot = std::move(replaced);
    }
  }
  return doc;
}

}  // namespace vanban::ingest::internal
