// Export: every current ok document as JSON, JSON Lines or CSV.
#include <string>

#include "store/archive_impl.h"

namespace vanban::store {
namespace {

// RFC 4180: a field holding a comma, a quote or a line break is quoted, with
// quotes doubled. Leading/trailing spaces are quoted too, so that Excel keeps them.
std::string CsvField(const std::string& value) {
  bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return value;
  std::string s = "\"";
  for (char c : value) {
    if (c == '"') s += '"';
    s += c;
  }
  s += '"';
  return s;
}

constexpr const char* kCsvColumns[] = {
    "id", "path", "sha256", "version", "source_kind", "page_count", "doc_type", "number", "issuer",
    "parent_issuer", "place", "date", "title", "signer_name", "signer_title", "references",
    "targets", "deadlines", "tasks", "created_at"};

}  // namespace

Status Archive::Export(ExportFormat format, std::ostream& out) {
  Result<Stmt> st = impl_->db.Prepare(
      "SELECT d.id, d.path, d.sha256, d.version, d.source_kind, d.page_count, d.doc_type, d.number, "
      "d.issuer, d.parent_issuer, d.place, d.date, d.title, d.signer_name, d.signer_title, "
      "(SELECT group_concat(number, '; ') FROM "
      "  (SELECT number FROM doc_references WHERE doc_id = d.id ORDER BY idx)), "
      "(SELECT count(*) FROM targets WHERE doc_id = d.id), "
      "(SELECT count(*) FROM deadlines WHERE doc_id = d.id), "
      "(SELECT count(*) FROM tasks WHERE doc_id = d.id), "
      "d.created_at, d.record_json "
      "FROM documents d WHERE d.status = 'ok' AND d.superseded_by IS NULL ORDER BY d.id");
  if (!st.ok()) return st.status();

  constexpr int kColumns = sizeof(kCsvColumns) / sizeof(kCsvColumns[0]);
  bool first = true;
  if (format == ExportFormat::kCsv) {
    out << "\xEF\xBB\xBF";  // UTF-8 BOM: without it Excel reads the file as ANSI
    for (int c = 0; c < kColumns; ++c) out << (c ? "," : "") << kCsvColumns[c];
    out << "\r\n";
  } else if (format == ExportFormat::kJson) {
    out << "[";
  }
  while (st->Step() == Stmt::kRow) {
    if (format == ExportFormat::kCsv) {
      for (int c = 0; c < kColumns; ++c) out << (c ? "," : "") << CsvField(st->Text(c));
      out << "\r\n";
      continue;
    }
    nlohmann::ordered_json j;
    j["id"] = st->Int64(0);
    j["path"] = st->Text(1);
    j["sha256"] = st->Text(2);
    j["version"] = st->Int64(3);
    j["source_kind"] = st->Text(4);
    j["page_count"] = st->Int64(5);
    auto record = nlohmann::ordered_json::parse(st->Text(kColumns), nullptr, /*allow_exceptions=*/false);
    if (record.is_object()) {
      for (auto& [key, value] : record.items()) j[key] = value;
    }
    std::string line = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (format == ExportFormat::kJson) {
      out << (first ? "\n" : ",\n") << line;
    } else {
      out << line << "\n";
    }
    first = false;
  }
  if (!st->status().ok()) return st->status();
  if (format == ExportFormat::kJson) out << (first ? "]\n" : "\n]\n");
  out.flush();
  if (!out) return Status::IOError("export: cannot write the output");
  return Status::Ok();
}

}  // namespace vanban::store
