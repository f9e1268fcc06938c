#include "extract/doc_kinds.h"

#include <algorithm>
#include <unordered_map>

#include "common/vietnamese.h"

namespace vanban::extract::internal {

const std::vector<DocKind>& DocKinds() {
  using K = KindOrigin;
  static const std::vector<DocKind> kinds = {
      // Nghị định 30/2020/NĐ-CP, Phụ lục III, in its order.
      {"Nghị quyết", "NQ", K::kAdministrative},
      {"Quyết định", "QĐ", K::kAdministrative},
      {"Chỉ thị", "CT", K::kAdministrative},
      {"Quy chế", "QC", K::kAdministrative},
      {"Quy định", "QyĐ", K::kAdministrative},
      {"Thông cáo", "TC", K::kAdministrative},
      {"Thông báo", "TB", K::kAdministrative},
      {"Hướng dẫn", "HD", K::kAdministrative},
      {"Chương trình", "CTr", K::kAdministrative},
      {"Kế hoạch", "KH", K::kAdministrative},
      {"Phương án", "PA", K::kAdministrative},
      {"Đề án", "ĐA", K::kAdministrative},
      {"Dự án", "DA", K::kAdministrative},
      {"Báo cáo", "BC", K::kAdministrative},
      {"Biên bản", "BB", K::kAdministrative},
      {"Tờ trình", "TTr", K::kAdministrative},
      {"Hợp đồng", "HĐ", K::kAdministrative},
      {"Công điện", "CĐ", K::kAdministrative},
      {"Bản ghi nhớ", "GN", K::kAdministrative},
      {"Bản thỏa thuận", "TTh", K::kAdministrative},
      {"Giấy ủy quyền", "UQ", K::kAdministrative},
      {"Giấy mời", "GM", K::kAdministrative},
      {"Giấy giới thiệu", "GT", K::kAdministrative},
      {"Giấy nghỉ phép", "NP", K::kAdministrative},
      {"Phiếu gửi", "PG", K::kAdministrative},
      {"Phiếu chuyển", "PC", K::kAdministrative},
      {"Phiếu báo", "PB", K::kAdministrative},
      // Công văn: no name line, no code of its own (Điều 8, khoản 3).
      {"Công văn", "CV", K::kAdministrative},
      // Thông tư 01/2011/TT-BNV kinds dropped by Nghị định 30.
      {"Bản cam kết", "CK", K::kOldAdministrative},
      {"Giấy chứng nhận", "CN", K::kOldAdministrative},
      {"Giấy đi đường", "ĐĐ", K::kOldAdministrative},
      {"Giấy biên nhận hồ sơ", "BN", K::kOldAdministrative},
      // Cited documents: văn bản quy phạm pháp luật and Party documents
      // (Quy định 66-QĐ/TW: Kết luận KL, Thông tri TT).
      {"Nghị định", "NĐ", K::kCitedOnly},
      {"Thông tư liên tịch", "TTLT", K::kCitedOnly},
      {"Thông tư", "TT", K::kCitedOnly},
      {"Kết luận", "KL", K::kCitedOnly},
      {"Thông tri", "TT", K::kCitedOnly},
      {"Luật", "L", K::kCitedOnly},
      {"Pháp lệnh", "PL", K::kCitedOnly},
  };
  return kinds;
}

namespace {

std::string Fold(std::string_view s) { return FoldDiacritics(s); }

}  // namespace

const DocKind* KindByName(std::string_view name) {
  static const auto* by_name = [] {
    auto* m = new std::unordered_map<std::string, const DocKind*>;
    for (const DocKind& k : DocKinds()) m->emplace(Fold(k.name), &k);
    // "Văn bản số 502/SNV-..." cites a công văn without saying so.
    (*m)["van ban"] = m->at("cong van");
    return m;
  }();
  std::string folded = Fold(name);
  // Single spaces.
  std::string squeezed;
  for (char c : folded) {
    if (c == ' ' || c == '\t') {
      if (!squeezed.empty() && squeezed.back() != ' ') squeezed += ' ';
    } else {
      squeezed += c;
    }
  }
  while (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
  auto it = by_name->find(squeezed);
  return it == by_name->end() ? nullptr : it->second;
}

const DocKind* KindByCode(std::string_view code) {
  static const auto* by_code = [] {
    auto* m = new std::unordered_map<std::string, const DocKind*>;
    for (const DocKind& k : DocKinds()) m->emplace(k.code, &k);  // first wins (TT: Thông tư)
    // OCR and plain-ASCII typing print Đ as D. Only where no other code
    // collides: "DA" is Dự án, so "ĐA" has no ASCII alias.
    (*m)["ND"] = m->at("NĐ");
    (*m)["QD"] = m->at("QĐ");
    (*m)["QyD"] = m->at("QyĐ");
    (*m)["CD"] = m->at("CĐ");
    return m;
  }();
  auto it = by_code->find(std::string(code));
  if (it == by_code->end()) return nullptr;
  // "L" alone is not a code anyone writes in a number; keep it for names only.
  if (it->second->code == "L") return nullptr;
  return it->second;
}

std::vector<std::string> CodeSegments(std::string_view number) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) {
      bool digits = std::all_of(cur.begin(), cur.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (!digits) out.push_back(cur);
      cur.clear();
    }
  };
  for (char c : number) {
    if (c == '/' || c == '-' || c == ' ') {
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

std::string KindCodeInNumber(std::string_view number) {
  // Số và ký hiệu (Phụ lục I, mục II.3): "số/năm/kind-issuer" for normative
  // documents, "số/kind-issuer" for administrative ones, and the Party's
  // "số-kind/issuer". The kind is the first code segment; a công văn's first
  // segment is an issuer code instead.
  std::vector<std::string> segs = CodeSegments(number);
  if (segs.empty()) return "";
  if (const DocKind* k = KindByCode(segs.front()); k && k->code != "CV") return k->code;
  return "";
}

const std::string& FoldedKindAlternation() {
  static const std::string alt = [] {
    std::vector<std::string> names;
    for (const DocKind& k : DocKinds()) names.push_back(Fold(k.name));
    names.push_back("van ban");
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string s;
    for (const std::string& n : names) {
      if (!s.empty()) s += '|';
      for (char c : n) {
        if (c == ' ') s += "\\s+";
        else s += c;
      }
    }
    return s;
  }();
  return alt;
}

}  // namespace vanban::extract::internal
