// Magic-byte sniffing: a file is what its first bytes say, whatever its name.
#include <cstring>

#include "ingest/formats.h"

namespace vanban::ingest::internal {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Format SniffFormat(std::string_view head) {
  using namespace std::string_view_literals;
  if (StartsWith(head, "\x89PNG\r\n\x1a\n"sv)) return Format::kPng;
  if (StartsWith(head, "\xFF\xD8\xFF"sv)) return Format::kJpeg;
  if (StartsWith(head, "II*\0"sv) || StartsWith(head, "MM\0*"sv)) return Format::kTiff;
  if (StartsWith(head, "GIF87a"sv) || StartsWith(head, "GIF89a"sv)) return Format::kGif;
  // "BM" alone would claim text starting with "BMW"; the header's reserved
  // bytes 6..9 are zero in every BMP.
  if (StartsWith(head, "BM"sv) && head.size() >= 14 && head.substr(6, 4) == "\0\0\0\0"sv)
    return Format::kBmp;
  if (StartsWith(head, "RIFF"sv) && head.size() >= 12 && head.substr(8, 4) == "WEBP"sv)
    return Format::kWebp;
  if (StartsWith(head, "PK\x03\x04"sv) || StartsWith(head, "PK\x05\x06"sv)) return Format::kZip;
  if (StartsWith(head, "\x1f\x8b"sv)) return Format::kGzip;
  if (StartsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) return Format::kOle2;
  if (StartsWith(head, "\x7f" "ELF"sv)) return Format::kElf;
  if (StartsWith(head, "Rar!\x1a\x07"sv)) return Format::kRar;
  if (StartsWith(head, "7z\xBC\xAF\x27\x1C"sv)) return Format::kSevenZip;
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::kPdf;
  return Format::kUnknown;
}

const char* FormatName(Format format) {
  switch (format) {
    case Format::kUnknown: return "unknown";
    case Format::kPdf: return "PDF";
    case Format::kPng: return "PNG";
    case Format::kJpeg: return "JPEG";
    case Format::kTiff: return "TIFF";
    case Format::kGif: return "GIF";
    case Format::kBmp: return "BMP";
    case Format::kWebp: return "WebP";
    case Format::kZip: return "ZIP";
    case Format::kGzip: return "gzip";
    case Format::kOle2: return "OLE2";
    case Format::kElf: return "ELF";
    case Format::kRar: return "RAR";
    case Format::kSevenZip: return "7-Zip";
  }
  return "unknown";
}

const char* FormatDescription(Format format) {
  switch (format) {
    case Format::kUnknown: return "of unknown format";
    case Format::kPdf: return "a PDF document";
    case Format::kPng: return "a PNG image";
    case Format::kJpeg: return "a JPEG image";
    case Format::kTiff: return "a TIFF image";
    case Format::kGif: return "a GIF image";
    case Format::kBmp: return "a BMP image";
    case Format::kWebp: return "a WebP image";
    case Format::kZip: return "a ZIP archive (or .docx/.xlsx/.odt)";
    case Format::kGzip: return "a gzip archive";
    case Format::kOle2: return "an old Office document (.doc/.xls)";
    case Format::kElf: return "an executable (ELF)";
    case Format::kRar: return "a RAR archive";
    case Format::kSevenZip: return "a 7-Zip archive";
  }
  return "of unknown format";
}

bool IsImageFormat(Format format) {
  return format == Format::kPng || format == Format::kJpeg || format == Format::kTiff ||
         format == Format::kGif || format == Format::kBmp || format == Format::kWebp;
}

}  // namespace vanban::ingest::internal
