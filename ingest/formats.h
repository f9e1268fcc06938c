// Internal to ingest/: what a file's bytes are, and how each kind is read.
// ReadFile (ingest.cc) sniffs the bytes, checks them against the extension and
// hands them to one of the readers below. Nothing here is part of the stage's
// contract; ingest.h is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/document.h"
#include "common/status.h"
#include "ingest/ingest.h"

namespace vanban::ingest::internal {

// ---- Magic bytes -----------------------------------------------------------

enum class Format {
  kUnknown,  // no signature we know: maybe text, maybe junk
  kPdf,
  kPng,
  kJpeg,
  kTiff,
  kGif,
  kBmp,
  kWebp,
  kZip,   // also .docx, .xlsx, .odt: all ZIP containers
  kGzip,
  kOle2,  // legacy .doc / .xls
  kElf,
  kRar,
  kSevenZip,
};

// Recognises a format by the signature at the start of `head` (the first
// kilobyte is enough). PDF allows up to 1024 bytes of junk before "%PDF-"
// (PDF 32000-1:2008, annex H.3), so the whole head is searched for it.
Format SniffFormat(std::string_view head);

// "a PNG image", "a PDF document", "a ZIP archive (or .docx/.xlsx/.odt)".
const char* FormatDescription(Format format);
// "PNG", "PDF", ...: the signature's short name.
const char* FormatName(Format format);

bool IsImageFormat(Format format);

// ---- Text files ------------------------------------------------------------

struct DecodedText {
  std::string utf8;      // BOM removed; CRLF and lone CR turned into '\n'
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1258", ...
};

// Decodes a text file's bytes:
//   BOM EF BB BF → UTF-8; FF FE → UTF-16LE; FE FF → UTF-16BE;
//   valid UTF-8 without BOM → UTF-8;
//   otherwise the candidates of ICU's charset detector (ucsdet) plus
//   windows-1258, which ICU's detector does not know but Vietnamese files
//   written by old Windows tools use, each decoded strictly (an unmapped byte
//   rejects the candidate) and scored by how Vietnamese the result reads.
// Fails with InvalidInput on NUL bytes, control characters, or bytes no
// candidate decodes.
Result<DecodedText> DecodeText(std::string_view bytes);

// One page per form feed; the form feeds themselves are dropped.
std::vector<Page> SplitTextPages(const std::string& utf8);

// ---- PDF -------------------------------------------------------------------

// Reads the text layer of every page (poppler-cpp), rebuilds the reading order
// from the word boxes and sends the pages that need it to OCR (ingest/ocr.h).
// `bytes` is the whole file.
Result<Document> ReadPdf(const std::string& path, std::string bytes, const Options& options);

}  // namespace vanban::ingest::internal
