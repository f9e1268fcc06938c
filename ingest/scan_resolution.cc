#include "ingest/scan_resolution.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace vanban::ingest::internal {
namespace {

// The integer after `key` ("/Width 1654") inside `dict`, or 0.
int IntAfter(std::string_view dict, std::string_view key) {
  for (size_t at = dict.find(key); at != std::string_view::npos; at = dict.find(key, at + 1)) {
    size_t i = at + key.size();
    // "/Width" but not "/Widths" (font dictionaries).
    if (i < dict.size() && std::isalpha(static_cast<unsigned char>(dict[i]))) continue;
    while (i < dict.size() && std::isspace(static_cast<unsigned char>(dict[i]))) ++i;
    int value = 0;
    bool digits = false;
    while (i < dict.size() && std::isdigit(static_cast<unsigned char>(dict[i])) && value < 1'000'000) {
      value = value * 10 + (dict[i++] - '0');
      digits = true;
    }
    if (digits) return value;
  }
  return 0;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::vector<ImageSize> PdfImageSizes(const std::string& path) {
  std::vector<ImageSize> sizes;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) return sizes;
  // Each round looks at matches in [from, end - kReach): a dictionary reaches
  // at most kReach bytes either side of its "/Subtype", and the last 2 kReach
  // bytes are carried into the next round, so none is missed or seen twice.
  constexpr size_t kChunk = 4 << 20, kReach = 4096;
  std::string buffer;
  size_t from = 0;
  std::unique_ptr<char[]> block(new char[kChunk]);
  for (;;) {
    const size_t n = std::fread(block.get(), 1, kChunk, file.get());
    buffer.append(block.get(), n);
    const bool last = n < kChunk;
    const std::string_view text(buffer);
    const size_t limit = last ? text.size() : text.size() - std::min(text.size(), kReach);
    const std::string_view key = "/Subtype";
    for (size_t at = text.find(key, from); at != std::string_view::npos && at < limit;
         at = text.find(key, at + 1)) {
      size_t i = at + key.size();
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      if (text.substr(i, 6) != "/Image") continue;
      if (i + 6 < text.size() && std::isalnum(static_cast<unsigned char>(text[i + 6]))) continue;
      // The object's dictionary: from the "obj" before to the "stream" after.
      const size_t begin = text.rfind(" obj", at);
      const size_t end = text.find("stream", at);
      if (begin == std::string_view::npos || end == std::string_view::npos || at - begin > kReach ||
          end - at > kReach) {
        continue;
      }
      const std::string_view dict = text.substr(begin, end - begin);
      ImageSize size{IntAfter(dict, "/Width"), IntAfter(dict, "/Height")};
      if (size.width > 0 && size.height > 0) sizes.push_back(size);
    }
    if (last) break;
    const size_t keep = std::min(buffer.size(), 2 * kReach);
    from = limit - (buffer.size() - keep);
    buffer.erase(0, buffer.size() - keep);
  }
  return sizes;
}

double ScanDpi(const std::vector<ImageSize>& images, double width_pt, double height_pt) {
  if (width_pt <= 0 || height_pt <= 0) return 0;
  const double w_in = width_pt / 72, h_in = height_pt / 72;
  std::vector<double> dpis;
  for (const ImageSize& image : images) {
    for (bool turned : {false, true}) {
      const double dx = (turned ? image.height : image.width) / w_in;
      const double dy = (turned ? image.width : image.height) / h_in;
      if (std::fabs(dx - dy) <= 0.02 * dx) {
        dpis.push_back((dx + dy) / 2);
        break;
      }
    }
  }
  if (dpis.empty()) return 0;
  const auto [lo, hi] = std::minmax_element(dpis.begin(), dpis.end());
  if (*hi - *lo > 0.03 * *hi) return 0;
  return dpis[dpis.size() / 2];
}

}  // namespace vanban::ingest::internal
