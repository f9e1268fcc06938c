// Helpers every test folder shares: where the shared corpus is, how to read a
// file, how to run the vanban binary.
#pragma once

#include <string>
#include <vector>

namespace vanban::testing {

// ../shared (or VANBAN_SHARED_DIR at configure time).
std::string SharedDir();
std::string SourceDir();  // the checkout
std::string BinaryDir();  // the build folder

// Returns SharedDir()/relative if the shared corpus exists. Otherwise prints
// "SKIPPED: <test> needs ../shared (looked in ...)" and exits with 77, which
// ctest reports as skipped.
std::string RequireShared(const std::string& relative = "corpus");

// The five seed names "000_b1984531e09ab0e8", ... (sorted).
std::vector<std::string> SeedNames();

std::string ReadFile(const std::string& path);

// A fresh temporary directory, removed at exit.
std::string TempDir();

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs `vanban` (the built binary) with `args` (shell-quoted here).
CommandResult RunVanban(const std::vector<std::string>& args);

}  // namespace vanban::testing
