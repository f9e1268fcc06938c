#include "cli/print_record.h"

#include <fmt/format.h>

namespace vanban::cli {
namespace {

using json = nlohmann::ordered_json;

std::string Str(const json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

void Line(std::ostream& out, const char* label, const json& v) {
  out << fmt::format("{:<14} {}\n", label, Str(v));
}

}  // namespace

void PrintRecord(const json& r, std::ostream& out) {
  Line(out, "Loại", r.value("doc_type", json()));
  Line(out, "Số", r.value("number", json()));
  Line(out, "Cơ quan", r.value("issuer", json()));
  Line(out, "Cơ quan cấp trên", r.value("parent_issuer", json()));
  Line(out, "Địa danh", r.value("place", json()));
  Line(out, "Ngày", r.value("date", json()));
  Line(out, "Trích yếu", r.value("title", json()));
  const json& signer = r.value("signer", json());
  if (signer.is_object()) {
    std::string who = Str(signer["name"]);
    if (!signer["title"].is_null()) who = Str(signer["title"]) + " · " + who;
    Line(out, "Người ký", who);
  } else {
    Line(out, "Người ký", json());
  }

  auto list = [&](const char* heading, const json& items, auto&& format) {
    if (!items.is_array() || items.empty()) return;
    out << "\n" << heading << " (" << items.size() << ")\n";
    for (const json& item : items) out << "  " << format(item) << "\n";
  };
  list("Mục", r.value("sections", json()), [](const json& s) { return Str(s); });
  list("Văn bản dẫn chiếu", r.value("references", json()), [](const json& ref) {
    std::string s = fmt::format("{:<4} {}", Str(ref["type"]), Str(ref["number"]));
    if (!ref["date"].is_null()) s += " ngày " + Str(ref["date"]);
    if (!ref["issuer"].is_null()) s += " · " + Str(ref["issuer"]);
    return s;
  });
  list("Chỉ tiêu", r.value("targets", json()), [](const json& t) {
    std::string cmp = t.value("comparator", std::string("="));
    return fmt::format("{:>2} {}{} · {}", cmp, Str(t["value"]), Str(t["unit"]), Str(t["text"]));
  });
  list("Thời hạn", r.value("deadlines", json()),
       [](const json& d) { return fmt::format("{} · {}", Str(d["date"]), Str(d["text"])); });
  list("Định kỳ", r.value("schedules", json()),
       [](const json& d) { return fmt::format("{} · {}", Str(d["period"]), Str(d["text"])); });
  list("Trách nhiệm", r.value("responsibilities", json()),
       [](const json& d) { return fmt::format("{}: {}", Str(d["unit"]), Str(d["duties"])); });
  list("Nhiệm vụ", r.value("tasks", json()), [](const json& t) {
    std::string s = fmt::format("{:<6} {}", Str(t["no"]), Str(t["content"]));
    if (!t["lead"].is_null()) s += " · chủ trì: " + Str(t["lead"]);
    if (!t["support"].is_null()) s += " · phối hợp: " + Str(t["support"]);
    if (!t["due"].is_null()) s += " · thời gian: " + Str(t["due"]);
    if (!t["output"].is_null()) s += " · sản phẩm: " + Str(t["output"]);
    return s;
  });
  list("Nơi nhận", r.value("recipients", json()), [](const json& s) { return Str(s); });
}

}  // namespace vanban::cli
