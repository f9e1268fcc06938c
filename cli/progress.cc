#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

namespace vanban::cli {

Progress::Progress(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO)) {}

Progress::~Progress() { Clear(); }

void Progress::StartFile(int index, int total, const std::string& path) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  file_index_ = index;
  file_total_ = total;
  pages_done_ = pages_total_ = 0;
  name_ = std::filesystem::path(path).filename().string();
  file_start_ = std::chrono::steady_clock::now();
  Draw();
}

void Progress::Pages(int done, int total) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  pages_done_ = done;
  pages_total_ = total;
  Draw();
}

void Progress::Clear() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

void Progress::Draw() {
  std::string line = fmt::format("[{}/{}] {}", file_index_, file_total_, name_);
  if (pages_total_ > 0) {
    double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - file_start_).count() / 60;
    line += fmt::format(" · OCR {}/{} pages", pages_done_, pages_total_);
    if (pages_done_ > 0 && minutes > 0) {
      double rate = pages_done_ / minutes;
      int eta = static_cast<int>((pages_total_ - pages_done_) / rate * 60);
      line += fmt::format(" · {:.0f} pages/min · ETA {}:{:02}", rate, eta / 60, eta % 60);
    }
  }
  if (line.size() > 110) {
    size_t cut = 107;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    line = line.substr(0, cut) + "...";
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace vanban::cli
