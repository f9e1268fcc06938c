#include "extract/names.h"

#include <algorithm>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "common/vietnamese.h"

namespace vanban::extract::internal {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

size_t FirstCodePointBytes(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = s[0];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  return std::min(n, s.size());
}

// Phrases whose case is fixed by usage, keyed by their lower-case form. The
// body types ("ủy ban nhân dân") and the fields of departments ("giáo dục và
// đào tạo"), longest first when tried.
const std::vector<std::pair<std::string, std::string>>& Lexicon() {
  static const std::vector<std::pair<std::string, std::string>> lex = [] {
    std::vector<std::pair<std::string, std::string>> v = {
        {"ủy ban nhân dân", "Ủy ban nhân dân"},
        {"hội đồng nhân dân", "Hội đồng nhân dân"},
        {"ban thường vụ", "Ban Thường vụ"},
        {"ban chấp hành", "Ban Chấp hành"},
        {"ban giám hiệu", "Ban Giám hiệu"},
        {"văn phòng", "Văn phòng"},
        {"trung tâm", "Trung tâm"},
        {"chi cục", "Chi cục"},
        {"tổng cục", "Tổng cục"},
        {"học viện", "Học viện"},
        {"đại học", "Đại học"},
        {"trường trung học phổ thông", "Trường Trung học phổ thông"},
        {"trường trung học cơ sở", "Trường Trung học cơ sở"},
        {"trường tiểu học", "Trường Tiểu học"},
        {"trường mầm non", "Trường Mầm non"},
        {"trường mẫu giáo", "Trường Mẫu giáo"},
        {"trường", "Trường"},
        {"sở", "Sở"},
        {"bộ", "Bộ"},
        {"phòng", "Phòng"},
        {"ban", "Ban"},
        {"cục", "Cục"},
        {"viện", "Viện"},
        {"đảng ủy", "Đảng ủy"},
        {"thành ủy", "Thành ủy"},
        {"tỉnh ủy", "Tỉnh ủy"},
        {"huyện ủy", "Huyện ủy"},
        {"chi bộ", "Chi bộ"},
        {"đảng bộ", "Đảng bộ"},
        {"ban chỉ đạo", "Ban Chỉ đạo"},
        {"hội đồng", "Hội đồng"},
        {"liên đội", "Liên đội"},
        {"chi đoàn", "Chi đoàn"},
        {"đoàn thanh niên", "Đoàn Thanh niên"},
        {"công đoàn", "Công đoàn"},
        // Fields of a department: each coordinated field capitalised.
        {"giáo dục và đào tạo", "Giáo dục và Đào tạo"},
        {"giáo dục - đào tạo", "Giáo dục - Đào tạo"},
        {"nội vụ", "Nội vụ"},
        {"tài chính", "Tài chính"},
        {"kế hoạch và đầu tư", "Kế hoạch và Đầu tư"},
        {"y tế", "Y tế"},
        {"tư pháp", "Tư pháp"},
        {"xây dựng", "Xây dựng"},
        {"công thương", "Công Thương"},
        {"giao thông vận tải", "Giao thông vận tải"},
        {"tài nguyên và môi trường", "Tài nguyên và Môi trường"},
        {"thông tin và truyền thông", "Thông tin và Truyền thông"},
        {"khoa học và công nghệ", "Khoa học và Công nghệ"},
        {"lao động - thương binh và xã hội", "Lao động - Thương binh và Xã hội"},
        {"nông nghiệp và phát triển nông thôn", "Nông nghiệp và Phát triển nông thôn"},
        {"văn hóa, thể thao và du lịch", "Văn hóa, Thể thao và Du lịch"},
        {"văn hóa và thông tin", "Văn hóa và Thông tin"},
        {"văn hóa - xã hội", "Văn hóa - Xã hội"},
        {"văn hóa", "Văn hóa"},
        {"tổ chức cán bộ", "Tổ chức cán bộ"},
        // Administrative levels: lower case inside a name (UBND tỉnh Đồng Nai).
        {"thành phố", "thành phố"},
        {"thị xã", "thị xã"},
        {"thị trấn", "thị trấn"},
        {"tỉnh", "tỉnh"},
        {"huyện", "huyện"},
        {"quận", "quận"},
        {"xã", "xã"},
        {"phường", "phường"},
        {"và", "và"},
    };
    for (auto& [k, val] : v) k = CanonicalTones(k), val = CanonicalTones(val);
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return Words(a.first).size() > Words(b.first).size();
    });
    return v;
  }();
  return lex;
}

}  // namespace

bool IsCapitals(std::string_view s) {
  std::string upper = ToUpper(s);
  std::string lower = ToLower(s);
  return upper == s && lower != upper;
}

std::string Capitalize(std::string_view word) {
  std::string lower = ToLower(word);
  size_t n = FirstCodePointBytes(lower);
  return ToUpper(std::string_view(lower).substr(0, n)) + lower.substr(n);
}

bool IsAcronym(std::string_view word) {
  static const std::set<std::string> known = {
      "UBND", "HĐND", "GD&ĐT", "GDĐT", "THPT", "THCS", "TH", "MN", "PTDTNT", "PTDTBT", "DTNT",
      "GDTX", "GDNN", "TP", "TP.", "TW", "CP", "BCH", "MTTQ", "TNCS", "HCM", "CCHC", "VP",
      "BGH", "HĐSP", "CM", "VT", "ĐCSVN", "CSVN", "NN&PTNT", "LĐ-TB&XH", "KT-XH"};
  std::string w(word);
  if (known.count(w)) return true;
  if (w.find('&') != std::string::npos) return true;
  // A capitalised word without a vowel is not a Vietnamese syllable: an acronym.
  std::string folded = FoldDiacritics(w);
  bool letters = false, vowel = false;
  for (char c : folded) {
    if (c >= 'a' && c <= 'z') {
      letters = true;
      if (std::string_view("aeiouy").find(c) != std::string_view::npos) vowel = true;
    } else if (c >= '0' && c <= '9') {
      return true;
    }
  }
  return letters && !vowel && IsCapitals(w);
}

std::string BodyCase(std::string_view body) {
  if (!IsCapitals(body)) return std::string(body);
  std::vector<std::string> words = Words(body);
  std::vector<std::string> lower;
  for (const std::string& w : words) lower.push_back(CanonicalTones(ToLower(w)));
  std::vector<std::string> out;
  size_t i = 0;
  while (i < words.size()) {
    if (IsAcronym(words[i])) {
      out.push_back(words[i]);
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& [key, val] : Lexicon()) {
      std::vector<std::string> kw = Words(key);
      if (i + kw.size() > words.size()) continue;
      bool eq = true;
      for (size_t j = 0; j < kw.size() && eq; ++j) eq = lower[i + j] == kw[j];
      if (!eq) continue;
      // "và" alone only joins fields; anywhere else it is ordinary lower case.
      for (const std::string& vw : Words(val)) out.push_back(vw);
      i += kw.size();
      matched = true;
      break;
    }
    if (matched) continue;
    out.push_back(Capitalize(words[i]));
    ++i;
  }
  std::string s;
  for (const std::string& w : out) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
}

std::string NameCase(std::string_view name) {
  std::vector<std::string> words = Words(name);
  std::string s;
  for (const std::string& w : words) {
    if (!s.empty()) s += ' ';
    s += IsCapitals(w) ? Capitalize(w) : w;
  }
  return s;
}

bool IsFamilyName(std::string_view word) {
  static const std::set<std::string> families = [] {
    std::set<std::string> s;
    for (const char* f :
         {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi",
          "đỗ", "hồ", "ngô", "dương", "lý", "vi", "đào", "đinh", "lương", "trịnh", "mai", "cao",
          "lâm", "tạ", "hà", "lại", "chu", "tô", "đoàn", "vương", "thái", "kiều", "quách", "từ",
          "phùng", "triệu", "tăng", "hứa", "la", "lò", "lục", "âu", "châu", "diệp", "giang",
          "khổng", "khúc", "kim", "mạc", "nông", "ông", "quan", "tôn", "trương", "văn", "thân",
          "tống", "nghiêm", "lưu", "lã", "lữ", "hầu", "đàm", "cù", "bạch", "doãn", "vòng",
          "hoàng", "đồng", "cấn", "cái", "bế", "sầm", "lường", "hà", "ninh", "phí", "tiêu",
          "giáp", "khuất", "đậu", "mã", "văn", "yên", "nhữ", "ôn", "viên"}) {
      s.insert(CanonicalTones(f));
    }
    return s;
  }();
  return families.count(CanonicalTones(ToLower(word))) > 0;
}

}  // namespace vanban::extract::internal
