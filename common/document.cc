#include "common/document.h"

namespace vanban {

const char* PageSourceName(PageSource source) {
  switch (source) {
    case PageSource::kPlainText: return "text";
    case PageSource::kTextLayer: return "text-layer";
    case PageSource::kOcr: return "ocr";
    case PageSource::kFailed: return "failed";
  }
  return "unknown";
}

const char* SourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::kText: return "text";
    case SourceKind::kPdf: return "pdf";
    case SourceKind::kImage: return "image";
  }
  return "unknown";
}

}  // namespace vanban
