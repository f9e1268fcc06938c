// Status and Result<T>: errors as values across stage boundaries.
//
// Modelled on leveldb::Status. A stage never throws across its public API: it
// returns a Status (or a Result<T> holding a value or a Status). The CLI turns
// a failed Status into one line naming the file and the reason, and the store
// records that reason with the file.
//
//   Result<Document> doc = ingest::ReadFile(path, options);
//   if (!doc.ok()) { std::cerr << path << ": " << doc.status().ToString(); }
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace vanban {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // path does not exist
    kIOError,          // exists but cannot be read
    kInvalidInput,     // empty, junk, wrong format, undecodable text
    kCorrupt,          // a format we know, but broken (truncated PDF, bad image)
    kUnsupported,      // encrypted PDF, a format not handled yet
    kLimitExceeded,    // page/pixel/time limit hit
    kInternal,         // a library failed in a way the input does not explain
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status IOError(std::string m) { return Status(Code::kIOError, std::move(m)); }
  static Status InvalidInput(std::string m) { return Status(Code::kInvalidInput, std::move(m)); }
  static Status Corrupt(std::string m) { return Status(Code::kCorrupt, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(Code::kUnsupported, std::move(m)); }
  static Status LimitExceeded(std::string m) { return Status(Code::kLimitExceeded, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "corrupt: PDF is truncated (no xref table)"
  std::string ToString() const;
  static const char* CodeName(Code code);

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace vanban
