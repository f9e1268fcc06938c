// PLACEHOLDER: replaced by the OCR implementation (issue 4).
#include "ingest/ocr.h"
namespace vanban::ingest::internal {
bool TextLayerNeedsOcr(const Page& page, const Options&, std::string* why) {
  if (page.words.empty() && page.text.find_first_not_of(" \n\t") == std::string::npos) {
    *why = "no text layer";
    return true;
  }
  return false;
}
std::vector<Page> OcrPdfPages(const std::string&, const std::vector<int>& numbers, const Options&) {
  std::vector<Page> pages;
  for (int n : numbers) {
    Page p;
    p.number = n;
    p.source = PageSource::kFailed;
    p.status = Status::Unsupported("OCR not built yet");
    pages.push_back(p);
  }
  return pages;
}
Result<std::vector<Page>> OcrImageFile(const std::string&, const Options&) {
  return Status::Unsupported("OCR not built yet");
}
}  // namespace vanban::ingest::internal
