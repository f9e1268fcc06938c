// ReadFile: checks the path, reads the bytes, checks what they are against the
// extension, and hands them to the reader for their kind. ListInputs.
#include "ingest/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "ingest/formats.h"
#include "ingest/ocr.h"

namespace vanban::ingest {
namespace {

namespace fs = std::filesystem;
using internal::Format;

enum class Ext { kText, kPdf, kImage, kOther };

std::string LowerExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

Ext Classify(const std::string& ext) {
  if (ext == ".txt") return Ext::kText;
  if (ext == ".pdf") return Ext::kPdf;
  if (ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff") return Ext::kImage;
  return Ext::kOther;
}

// The whole file, through POSIX calls so that errno names the reason.
Result<std::string> ReadBytes(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(std::string("cannot open: ") + std::strerror(errno));
  std::string bytes;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) bytes.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Status::IOError(std::string("cannot read: ") + std::strerror(err));
    }
    if (n == 0) break;
    bytes.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return bytes;
}

// Why bytes that sniff as `format` cannot be read as `ext`, or "" when they can.
std::string Mismatch(std::string_view bytes, Format format, Ext ext, const std::string& ext_name) {
  switch (ext) {
    case Ext::kPdf:
      if (format == Format::kPdf) return "";
      if (format == Format::kUnknown) {
        if (internal::DecodeText(bytes).ok()) return "not a PDF: file is plain text but named " + ext_name;
        return "not a PDF: no %PDF- header, and not text either (binary data)";
      }
      return std::string("not a PDF: starts with the ") + internal::FormatName(format) + " signature (" +
             internal::FormatDescription(format) + " named " + ext_name + ")";
    case Ext::kText:
      // A text may well quote "%PDF-" somewhere in its first kilobyte; a PDF
      // named .txt starts with it.
      if (format == Format::kUnknown || (format == Format::kPdf && !bytes.starts_with("%PDF-"))) return "";
      return std::string("not text: file is ") + internal::FormatDescription(format) + " but named " + ext_name;
    case Ext::kImage:
      // Any image format goes to the OCR reader, which reads by content.
      if (internal::IsImageFormat(format)) return "";
      if (format == Format::kUnknown) {
        if (internal::DecodeText(bytes).ok()) return "not an image: file is plain text but named " + ext_name;
        return "not an image: no image signature (binary data)";
      }
      return std::string("not an image: file is ") + internal::FormatDescription(format) + " but named " +
             ext_name;
    case Ext::kOther:
      return "";
  }
  return "";
}

}  // namespace

Result<Document> ReadFile(const std::string& path, const Options& options) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    if (ec && ec != std::errc::no_such_file_or_directory) return Status::IOError("cannot stat: " + ec.message());
    return Status::NotFound("no such file");
  }
  if (fs::is_directory(st)) return Status::IOError("is a directory, not a file");
  if (!fs::is_regular_file(st)) return Status::InvalidInput("not a regular file (device, socket or pipe)");

  std::string ext_name = LowerExtension(path);
  Ext ext = Classify(ext_name);
  if (ext == Ext::kOther) {
    return Status::Unsupported("unknown extension \"" + ext_name +
                               "\": vanban reads .txt .pdf .png .jpg .jpeg .tif .tiff");
  }
  Result<std::string> read = ReadBytes(path);
  if (!read.ok()) return read.status();
  std::string bytes = std::move(read).value();
  if (bytes.empty()) return Status::InvalidInput("empty file (0 bytes)");

  Format format = internal::SniffFormat(std::string_view(bytes).substr(0, 1024));
  if (std::string why = Mismatch(bytes, format, ext, ext_name); !why.empty()) return Status::InvalidInput(why);

  std::string sha256 = Sha256Hex(bytes);
  uint64_t size = bytes.size();
  Document doc;
  switch (ext) {
    case Ext::kText: {
      Result<internal::DecodedText> text = internal::DecodeText(bytes);
      if (!text.ok()) return text.status();
      doc.kind = SourceKind::kText;
      doc.encoding = text->encoding;
      doc.pages = internal::SplitTextPages(text->utf8);
      if (options.on_page) options.on_page(static_cast<int>(doc.pages.size()), static_cast<int>(doc.pages.size()));
      break;
    }
    case Ext::kPdf: {
      Result<Document> pdf = internal::ReadPdf(path, std::move(bytes), options);
      if (!pdf.ok()) return pdf.status();
      doc = std::move(pdf).value();
      break;
    }
    case Ext::kImage: {
      Result<std::vector<Page>> pages = internal::OcrImageFile(path, options);
      if (!pages.ok()) return pages.status();
      doc.kind = SourceKind::kImage;
      doc.pages = std::move(pages).value();
      break;
    }
    case Ext::kOther:
      break;
  }
  doc.path = path;
  doc.sha256 = std::move(sha256);
  doc.size_bytes = size;
  return doc;
}

std::vector<std::string> ListInputs(const std::vector<std::string>& paths, std::vector<InputError>* errors) {
  std::vector<std::string> files;
  auto error = [errors](const std::string& path, Status status) {
    if (errors) errors->push_back(InputError{path, std::move(status)});
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) {
      error(path, ec && ec != std::errc::no_such_file_or_directory ? Status::IOError("cannot stat: " + ec.message())
                                                                    : Status::NotFound("no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      // A file named on the command line is the user's choice: an extension
      // vanban does not read is an error to report, not a file to skip.
      if (Classify(LowerExtension(path)) == Ext::kOther) {
        error(path, Status::Unsupported("unknown extension \"" + LowerExtension(path) +
                                        "\": vanban reads .txt .pdf .png .jpg .jpeg .tif .tiff"));
      } else {
        files.push_back(path);
      }
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
    if (ec) {
      error(path, Status::IOError("cannot list: " + ec.message()));
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        error(path, Status::IOError("cannot list: " + ec.message()));
        break;
      }
      std::error_code fec;
      if (it->is_regular_file(fec) && Classify(LowerExtension(it->path().string())) != Ext::kOther)
        found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace vanban::ingest
