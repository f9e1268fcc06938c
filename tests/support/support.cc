#include "tests/support/support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace vanban::testing {
namespace {

std::vector<std::string>& TempDirs() {
  static auto* dirs = [] {
    auto* v = new std::vector<std::string>;
    std::atexit([] {
      std::error_code ec;
      for (const auto& d : TempDirs()) fs::remove_all(d, ec);
    });
    return v;
  }();
  return *dirs;
}

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string SharedDir() {
  if (const char* env = std::getenv("VANBAN_SHARED_DIR")) return env;
  return VANBAN_SHARED_DIR;
}
std::string SourceDir() { return VANBAN_SOURCE_DIR; }
std::string BinaryDir() { return VANBAN_BINARY_DIR; }

std::string RequireShared(const std::string& relative) {
  fs::path p = fs::path(SharedDir()) / relative;
  if (!fs::exists(p)) {
    std::cout << "SKIPPED: this test needs the shared corpus; not found at " << p << std::endl;
    std::exit(77);
  }
  return p.string();
}

std::vector<std::string> SeedNames() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(RequireShared("corpus/gold")))
    names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "vanban-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return fs::temp_directory_path().string();
  TempDirs().push_back(tmpl);
  return tmpl;
}

CommandResult RunVanban(const std::vector<std::string>& args) {
  const char* bin = std::getenv("VANBAN_BIN");
  std::string cmd = ShellQuote(bin ? bin : BinaryDir() + "/cli/vanban");
  for (const auto& a : args) {
    cmd += ' ';
    cmd += ShellQuote(a);
  }
  std::string dir = TempDir();
  std::string out = dir + "/out", err = dir + "/err";
  cmd += " </dev/null >" + ShellQuote(out) + " 2>" + ShellQuote(err);
  int rc = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

}  // namespace vanban::testing
