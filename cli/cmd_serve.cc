// vanban serve: the archive over HTTP, for other tools (JSON and CSV).
//
//   GET /api/search?q=…&issuer=…&year=…&kind=…&limit=…   → [hit, …]
//   GET /api/documents/ID                                 → stored document + record
//   GET /api/documents?number=06/KH-THPTLT                → [document, …]
//   GET /api/export?format=json|jsonl|csv                 → every current record
//   GET /api/stats                                        → counts
// Errors are JSON {"error": "..."} with 400 (bad parameter), 404 or 500.
#include <iostream>
#include <mutex>
#include <sstream>

#include <httplib.h>

#include "cli/archive_open.h"
#include "cli/commands.h"
#include "cli/json_views.h"

namespace vanban::cli {
namespace {

using json = nlohmann::ordered_json;

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
};

void SendJson(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(2), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, json{{"error", message}}, status);
}

// Parses a decimal parameter; false when present and not a number in range.
bool IntParam(const httplib::Request& req, const char* name, int lo, int hi, std::optional<int>* out) {
  if (!req.has_param(name)) return true;
  const std::string v = req.get_param_value(name);
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  int n = std::stoi(v);
  if (n < lo || n > hi) return false;
  *out = n;
  return true;
}

int Run(const ServeArgs& args, Context& context) {
  std::unique_ptr<store::Archive> archive = OpenArchive(context, /*create_if_missing=*/false);
  if (!archive) return context.exit_code;
  std::mutex mu;  // an Archive is one SQLite connection: one request at a time
  httplib::Server server;

  server.Get("/api/search", [&](const httplib::Request& req, httplib::Response& res) {
    store::SearchQuery q;
    q.query = req.get_param_value("q");
    if (q.query.empty()) return SendError(res, 400, "missing parameter q");
    std::optional<int> year, limit;
    if (!IntParam(req, "year", 1900, 2999, &year)) return SendError(res, 400, "year must be a year");
    if (!IntParam(req, "limit", 1, 10000, &limit)) return SendError(res, 400, "limit must be 1..10000");
    q.year = year;
    if (limit) q.limit = *limit;
    if (req.has_param("issuer")) q.issuer = req.get_param_value("issuer");
    if (req.has_param("kind")) q.kind = req.get_param_value("kind");
    std::lock_guard<std::mutex> lock(mu);
    Result<std::vector<store::SearchHit>> hits = archive->Search(q);
    if (!hits.ok()) return SendError(res, 500, hits.status().ToString());
    json out = json::array();
    for (const store::SearchHit& h : *hits) out.push_back(HitToJson(h));
    SendJson(res, out);
  });

  server.Get(R"(/api/documents/(\d{1,18}))", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    Result<store::StoredDocument> doc = archive->Get(std::stoll(req.matches[1]));
    if (!doc.ok()) return SendError(res, 404, doc.status().ToString());
    SendJson(res, StoredToJson(*doc));
  });

  server.Get("/api/documents", [&](const httplib::Request& req, httplib::Response& res) {
    if (!req.has_param("number")) return SendError(res, 400, "missing parameter number");
    std::lock_guard<std::mutex> lock(mu);
    Result<std::vector<int64_t>> ids = archive->FindByNumber(req.get_param_value("number"));
    if (!ids.ok()) return SendError(res, 500, ids.status().ToString());
    json out = json::array();
    for (int64_t id : *ids) {
      Result<store::StoredDocument> doc = archive->Get(id);
      if (doc.ok()) out.push_back(StoredToJson(*doc));
    }
    SendJson(res, out);
  });

  server.Get("/api/export", [&](const httplib::Request& req, httplib::Response& res) {
    std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
    store::ExportFormat f;
    const char* type;
    if (format == "json") f = store::ExportFormat::kJson, type = "application/json; charset=utf-8";
    else if (format == "jsonl") f = store::ExportFormat::kJsonLines, type = "application/x-ndjson; charset=utf-8";
    else if (format == "csv") f = store::ExportFormat::kCsv, type = "text/csv; charset=utf-8";
    else return SendError(res, 400, "format must be json, jsonl or csv");
    std::ostringstream out;
    std::lock_guard<std::mutex> lock(mu);
    Status s = archive->Export(f, out);
    if (!s.ok()) return SendError(res, 500, s.ToString());
    res.set_content(out.str(), type);
  });

  server.Get("/api/stats", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    Result<store::Archive::Counts> c = archive->Count();
    if (!c.ok()) return SendError(res, 500, c.status().ToString());
    SendJson(res, json{{"documents", c->documents}, {"failed", c->failed}, {"references", c->references},
                       {"targets", c->targets}, {"deadlines", c->deadlines}, {"tasks", c->tasks}});
  });

  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) SendError(res, res.status, res.status == 404 ? "no such endpoint" : "error");
  });

  if (!server.bind_to_port(args.host, args.port)) {
    std::cerr << "vanban: serve: cannot listen on " << args.host << ":" << args.port << "\n";
    return kExitSomeFailed;
  }
  if (!context.quiet)
    std::cerr << "vanban: serving " << context.db_path << " on http://" << args.host << ":" << args.port
              << "/api/ (Ctrl-C to stop)\n";
  server.listen_after_bind();
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the archive over HTTP (JSON, CSV)");
  cmd->footer(
      "Endpoints: GET /api/search?q=&issuer=&year=&kind=&limit=, /api/documents/ID,\n"
      "/api/documents?number=NUMBER, /api/export?format=json|jsonl|csv, /api/stats.\n"
      "Listens on 127.0.0.1 by default; read-only.");
  cmd->add_option("--host", args->host, "address to listen on");
  cmd->add_option("--port", args->port, "port")->check(CLI::Range(1, 65535));
  cmd->callback([args, &context] { context.exit_code = Run(*args, context); });
}

}  // namespace vanban::cli
