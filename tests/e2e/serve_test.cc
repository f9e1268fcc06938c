// `vanban serve` answers on loopback with the same JSON as the CLI.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/support/support.h"

extern char** environ;

namespace vanban {
namespace {

using json = nlohmann::json;

// Runs `vanban --db DB serve --port PORT` until destroyed.
class Server {
 public:
  Server(const std::string& db, int port) {
    const char* bin = std::getenv("VANBAN_BIN");
    std::string exe = bin ? bin : testing::BinaryDir() + "/cli/vanban";
    std::string port_s = std::to_string(port);
    std::vector<std::string> args = {exe, "--quiet", "--db", db, "serve", "--port", port_s};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn(&pid_, exe.c_str(), nullptr, nullptr, argv.data(), environ);
  }
  ~Server() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }

 private:
  pid_t pid_ = -1;
};

TEST_CASE("serve: search, document, export and errors as JSON over HTTP", "[e2e][serve]") {
  const std::string dir = testing::TempDir();
  std::ofstream(dir + "/a.txt") << "KẾ HOẠCH\nCải cách hành chính năm 2026\nTỷ lệ giải quyết hồ sơ đúng hạn đạt 98%.\n";
  const std::string db = dir + "/h.db";
  REQUIRE(testing::RunVanban({"--db", db, "ingest", dir + "/a.txt"}).exit_code == 0);

  const int port = 20000 + static_cast<int>(getpid() % 20000);
  Server server(db, port);
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1);
  httplib::Result ready = client.Get("/api/stats");
  for (int i = 0; i < 100 && !ready; ++i) {  // at most ~10 s for the server to listen
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ready = client.Get("/api/stats");
  }
  REQUIRE(ready);
  CHECK(json::parse(ready->body)["documents"] == 1);

  auto search = client.Get("/api/search?q=cai%20cach%20hanh%20chinh");
  REQUIRE(search);
  CHECK(search->status == 200);
  json hits = json::parse(search->body);
  REQUIRE(hits.size() == 1);
  int64_t id = hits[0]["id"];

  auto doc = client.Get(("/api/documents/" + std::to_string(id)).c_str());
  REQUIRE(doc);
  CHECK(doc->status == 200);
  CHECK(json::parse(doc->body)["record"]["title"] == "Cải cách hành chính năm 2026");

  auto csv = client.Get("/api/export?format=csv");
  REQUIRE(csv);
  CHECK(csv->body.substr(0, 3) == "\xEF\xBB\xBF");

  auto missing = client.Get("/api/documents/999999");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(json::parse(missing->body).contains("error"));
  auto bad = client.Get("/api/search?q=x&year=abc");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  auto nowhere = client.Get("/nowhere");
  REQUIRE(nowhere);
  CHECK(nowhere->status == 404);
}

}  // namespace
}  // namespace vanban
