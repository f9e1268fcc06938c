// A one-line progress display on a terminal: "[3/40] plan.pdf · OCR 5/12
// pages · 38 pages/min · ETA 0:11". Nothing at all when stderr is not a
// terminal (logs and pipes stay clean) or with --quiet.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace vanban::cli {

class Progress {
 public:
  explicit Progress(bool quiet);
  ~Progress();

  bool enabled() const { return enabled_; }
  // The file being worked on; resets the page counters.
  void StartFile(int index, int total, const std::string& path);
  // Pages finished in the current file; thread-safe (called from OCR workers).
  void Pages(int done, int total);
  // Removes the line so that ordinary output can be printed.
  void Clear();

 private:
  void Draw();  // mu_ held

  bool enabled_;
  std::mutex mu_;
  int file_index_ = 0, file_total_ = 0, pages_done_ = 0, pages_total_ = 0;
  std::string name_;
  std::chrono::steady_clock::time_point file_start_;
  bool drawn_ = false;
};

}  // namespace vanban::cli
