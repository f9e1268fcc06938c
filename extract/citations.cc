#include "extract/citations.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "common/vietnamese.h"
#include "extract/dates.h"
#include "extract/doc_kinds.h"
#include "extract/lines.h"

namespace vanban::extract::internal {
namespace {

using re2::StringPiece;

// Số và ký hiệu: a number, an optional year (normative documents), then code
// segments joined by "/" or "-", each starting with a capital. OCR and
// typists leave a space next to a separator ("502/SNV- CCHC&VTLT", "50- KL/TW"
// split over two lines, "12 /QĐ-UBND").
const RE2& NumberRe() {
  static const RE2 re(R"((?:^|[^\p{L}\d/\-.])(\d{1,5}(?:/\d{4})?(?: ?[/\-] ?\p{Lu}[\p{L}\d&]*)+))");
  return re;
}

size_t FirstCodePointBytes(std::string_view s) {
  if (s.empty()) return 0;
  unsigned char c = s[0];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  return std::min(n, s.size());
}

int UpperCount(std::string_view seg) {
  // Counts code points that change under lower-casing.
  int n = 0;
  size_t i = 0;
  while (i < seg.size()) {
    unsigned char c = seg[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    std::string_view cp = seg.substr(i, len);
    if (ToLower(cp) != cp) ++n;
    i += len;
  }
  return n;
}

// Keeps the leading segments that look like codes: two capitals at least
// ("KH", "TrH", "TTg", "QH13"), so that "5-Sở" or "3-Tổ" are not numbers.
std::string TrimToCodes(std::string_view raw) {
  std::string out;
  size_t i = 0;
  // Leading figures and year.
  while (i < raw.size() && (std::isdigit(static_cast<unsigned char>(raw[i])) || raw[i] == '/')) {
    if (raw[i] == '/' && !(i + 1 < raw.size() && std::isdigit(static_cast<unsigned char>(raw[i + 1])))) break;
    out += raw[i++];
  }
  int codes = 0;
  while (i < raw.size()) {
    // "12 /QĐ-UBND": a space before the first separator (scans, typists).
    if (raw[i] == ' ' && codes == 0 && i + 1 < raw.size() && (raw[i + 1] == '/' || raw[i + 1] == '-')) ++i;
    char sep = raw[i];
    if (sep != '/' && sep != '-') break;
    size_t j = i + 1;
    if (j < raw.size() && raw[j] == ' ') ++j;
    size_t k = j;
    while (k < raw.size() && raw[k] != '/' && raw[k] != '-' && raw[k] != ' ') ++k;
    std::string_view seg = raw.substr(j, k - j);
    if (seg.empty() || UpperCount(seg) < 2) break;
    out += sep;
    out += seg;
    ++codes;
    i = k;
  }
  if (codes == 0) return "";
  return out;
}

// A số và ký hiệu is spelled in ASCII and Đ: any other letter in one is OCR
// dirt on a capital ("NÑĐ-CP" for "NĐ-CP") and is dropped, so that the
// number is found again as the document it is; "Ð" (eth) is read as Đ.
std::string CodeCharacters(std::string_view number) {
  std::string out;
  for (size_t i = 0; i < number.size();) {
    const size_t n = FirstCodePointBytes(number.substr(i));
    const std::string_view cp = number.substr(i, n);
    if (n == 1 || cp == "Đ" || cp == "đ") out += cp;
    else if (cp == "Ð") out += "Đ";  // the Icelandic eth, Đ's twin
    else if (cp == "ð") out += "đ";
    i += n;
  }
  return out;
}

std::string FoldTail(std::string_view flat, size_t end, size_t max_bytes) {
  size_t b = end > max_bytes ? end - max_bytes : 0;
  while (b < end && (static_cast<unsigned char>(flat[b]) & 0xC0) == 0x80) ++b;
  return FoldDiacritics(flat.substr(b, end - b));
}

// What stands before a number, on folded text: "<kind> [hướng dẫn] [số[:]]",
// "kèm theo <kind> số", or "số" alone.
const RE2& KindBeforeRe() {
  static const RE2 re("(?:^|[^a-z])(" + FoldedKindAlternation() +
                      R"()\s+(?:(?:huong\s+dan|lien\s+tich|lien\s+nganh)\s+)?(?:s[o6d][:.]?\s*:?\s*)?$)");
  return re;
}
const RE2& SelfBeforeRe() {
  static const RE2 re("kem\\s+theo\\s+(?:" + FoldedKindAlternation() + R"()\s+(?:s[o6d]\s*:?\s*)?$)");
  return re;
}

// After the number: ", ngày <date>" and then "của <issuer>".
const RE2& DateAfterRe() {
  static const RE2 re(R"((?i)^\s*,?\s*(?:ban\s+h[àa]nh\s+)?(ng[àa]y))");
  return re;
}
const RE2& OfAfterRe() {
  static const RE2 re(R"((?i)^\s*,?\s*c[ủu]a\s+)");
  return re;
}
// A body named right after a citation's date, without "của".
const RE2& BareBodyAfterRe() {
  static const RE2 re(
      R"(^(\s+)(?:Sở|UBND|Ủy ban|Phòng|Bộ|Ban|Chính phủ|Thủ tướng|HĐND|Hội đồng|Thành ủy|Tỉnh ủy|Huyện ủy|Quốc hội)\s)");
  return re;
}

// Where an issuer phrase stops: the verb or preposition that follows the
// body in a citation ("… của Chính phủ ban hành …", "… của UBND tỉnh về …"),
// punctuation, or " và " before something that is not part of a name (checked
// by the caller: "Sở Giáo dục và Đào tạo" goes on, "… và Kế hoạch số …" and
// "… và các …" stop).
const RE2& IssuerEndRe() {
  static const RE2 re(
      R"((?i)\s+(?:v[ềe]|ban\s+h[àa]nh|ph[êe]\s+duy[ệe]t|th[ựu]c\s+hi[ệe]n|tri[ểe]n\s+khai|s[ửu]a\s+[đd][ổo]i|t[ạa]i|[đd][ãa]|nh[ằa]m|[đd][ểe]|theo|trong|giai\s+[đd]o[ạa]n|n[ăa]m|ph[ùu]\s+h[ợo]p|x[âa]y\s+d[ựu]ng|nh[ấa]t\s+l[àa]|h[ưu][ớo]ng\s+d[ẫa]n|quy\s+[đd][ịi]nh|c[ủu]a|g[ửu]i|v[ớo]i|cho|t[ừu]|ng[àa]y|s[ốo]|l[àa]|v[àa])(?:[\s,;.:]|$)|[,;:“”"()\x{2013}]|\s-\s)");
  return re;
}

// A document kind at the start of folded text: "ke hoach so ...".
const RE2& KindAtStartRe() {
  static const RE2 re("^(?:" + FoldedKindAlternation() + ")\\b");
  return re;
}

// "Ủy ban nhân dân (UBND) thành phố": a writer defining an abbreviation
// inside a citation. The archive keeps the short form the document then uses:
// "UBND thành phố".
const RE2& DefinedAbbrevRe() {
  static const RE2 re(R"(^(.+?)\s*\(([\p{Lu}&]{2,})\)\s*(.*)$)");
  return re;
}

// "… của Thành ủy tại Quyết định số …", "… đã được Chính phủ quy định tại
// Nghị định số …": the issuer before the citation.
const RE2& IssuerBeforeRe() {
  static const RE2 re(
      R"((?i)(?:c[ủu]a|[đd]ư[ợo]c)\s+([^,;.:]{2,60}?)\s+(?:quy\s+[đd][ịi]nh\s+)?t[ạa]i\s*$)");
  return re;
}

// Between two citations of one list: ", ", " và ", " và các ".
const RE2& ListGapRe() {
  static const RE2 re(R"((?i)^\s*(?:,|v[àa])?\s*$)");
  return re;
}

bool IsAllCaps(std::string_view s) {
  return !s.empty() && ToUpper(s) == s && ToLower(s) != s;
}

std::string CleanIssuer(std::string phrase) {
  // "HĐND của HĐND Thành phố": a repeated body; keep the fuller one.
  for (const std::string needle : {" của ", " cua "}) {
    size_t p = phrase.find(needle);
    if (p == std::string::npos) continue;
    std::string a = phrase.substr(0, p);
    std::string b = phrase.substr(p + needle.size());
    phrase = b.rfind(a, 0) == 0 ? b : a;
  }
  std::string head, abbr, rest;
  if (RE2::FullMatch(phrase, DefinedAbbrevRe(), &head, &abbr, &rest)) {
    phrase = rest.empty() ? abbr : abbr + " " + rest;
  }
  return SqueezeSpaces(phrase);
}

// The issuer phrase at the start of `s` (just after "của ").
std::string IssuerPhrase(std::string_view s, size_t* length) {
  std::string_view window = s.substr(0, std::min<size_t>(s.size(), 160));
  // Cut where the phrase ends; keep "TP." and similar abbreviations' dots.
  size_t cut = window.size();
  StringPiece in(window.data(), window.size());
  StringPiece m[1];
  size_t pos = 0;
  // Skip a leading repeated "X của X Y" by letting CleanIssuer handle it: the
  // cut stops at the second "của" only when the bodies differ.
  while (pos < window.size() &&
         IssuerEndRe().Match(in, pos, window.size(), RE2::UNANCHORED, m, 1)) {
    size_t at = m[0].data() - window.data();
    std::string_view what = m[0];
    std::string_view trimmed = TrimSpaces(what);
    std::string_view after = TrimSpaces(window.substr(at + what.size()));
    if (trimmed == "của" || trimmed == "cua") {
      // Repeated body: "HĐND của HĐND Thành phố".
      std::string_view before = TrimSpaces(window.substr(0, at));
      if (!before.empty() && after.substr(0, before.size()) == before) {
        pos = at + what.size();
        continue;
      }
    }
    if (trimmed == "và" || trimmed == "va") {
      // Inside a name the next word is capitalised and is not a document kind.
      std::string next = FoldDiacritics(after.substr(0, 40));
      bool kind = RE2::PartialMatch(next, KindAtStartRe());
      std::string first(after.substr(0, FirstCodePointBytes(after)));
      bool lower = !first.empty() && ToLower(first) == first && ToUpper(first) != first;
      if (!kind && !lower) {
        pos = at + what.size();
        continue;
      }
    }
    if (trimmed == "(") {
      // "Ủy ban nhân dân (UBND) thành phố": an abbreviation being defined.
      std::string_view rest = window.substr(at + what.size());
      size_t close = rest.find(')');
      if (close != std::string_view::npos && close >= 2 && close <= 12 &&
          IsAllCaps(rest.substr(0, close))) {
        pos = at + what.size() + close + 1;
        continue;
      }
    }
    cut = at;
    break;
  }
  // A dot ends the phrase unless it closes an abbreviation ("TP. Hồ Chí Minh").
  for (size_t i = 0; i < cut; ++i) {
    if (window[i] != '.') continue;
    size_t w = i;
    while (w > 0 && window[w - 1] != ' ') --w;
    std::string_view word = window.substr(w, i - w);
    if (word == "TP" || word == "Tp" || word == "Q" || word == "P") continue;
    cut = i;
    break;
  }
  *length = cut;
  return CleanIssuer(std::string(TrimSpaces(window.substr(0, cut))));
}

}  // namespace

std::optional<std::string> ParseNumber(std::string_view s) {
  s = TrimSpaces(s);
  StringPiece m[2];
  StringPiece in(s.data(), s.size());
  if (!NumberRe().Match(in, 0, s.size(), RE2::ANCHOR_START, m, 2)) return std::nullopt;
  std::string trimmed = TrimToCodes(std::string_view(m[1].data(), m[1].size()));
  if (trimmed.empty()) return std::nullopt;
  return CodeCharacters(trimmed);
}

std::optional<std::string> IssuerFromCode(std::string_view number) {
  std::vector<std::string> segs = CodeSegments(number);
  if (segs.empty()) return std::nullopt;
  const std::string& last = segs.back();
  if (last == "CP") return "Chính phủ";
  if (last == "TTg") return "Thủ tướng Chính phủ";
  if (last.rfind("QH", 0) == 0) return "Quốc hội";
  return std::nullopt;
}

std::vector<Citation> FindCitations(const NormalizedText& text) {
  FlatText flat = Flatten(text);
  const std::string& f = flat.text;
  std::vector<Citation> out;
  std::vector<std::pair<size_t, size_t>> flat_ranges;  // whole citation, flat offsets
  std::vector<std::optional<std::string>> prefix_issuer;

  StringPiece in(f.data(), f.size());
  StringPiece m[2];
  size_t pos = 0;
  while (pos < f.size() && NumberRe().Match(in, pos, f.size(), RE2::UNANCHORED, m, 2)) {
    size_t nb = m[1].data() - f.data();
    std::string raw(m[1].data(), m[1].size());
    std::string number_sp = TrimToCodes(raw);
    pos = nb + m[1].size();
    if (number_sp.empty()) continue;
    // Length of the kept part in the flat text (codes may have been trimmed).
    size_t kept = 0;
    {
      size_t k = 0;
      for (size_t i = 0; i < raw.size() && k < number_sp.size(); ++i) {
        if (raw[i] == ' ') continue;
        ++k;
        kept = i + 1;
      }
    }
    size_t ne = nb + kept;
    std::string number;
    for (char c : CodeCharacters(number_sp)) {
      if (c != ' ') number += c;
    }

    Citation c;
    c.number = number;
    c.where = MakeSpan(text, flat.Begin(nb), flat.End(ne));
    size_t whole_begin = nb;

    // Before: kind word, "kèm theo", "số".
    std::string before = FoldTail(f, nb, 90);
    std::string kind_folded;
    if (RE2::PartialMatch(before, SelfBeforeRe())) c.self = true;
    StringPiece km[2];
    StringPiece bin(before);
    if (KindBeforeRe().Match(bin, 0, before.size(), RE2::UNANCHORED, km, 2)) {
      kind_folded = std::string(km[1].data(), km[1].size());
      // Offset of the kind word in the flat text: count code points back.
      size_t cps_after = CodePointCount(std::string_view(before).substr(km[1].data() - before.data()));
      size_t b = nb;
      for (size_t n = 0; n < cps_after && b > 0; ++n) {
        --b;
        while (b > 0 && (static_cast<unsigned char>(f[b]) & 0xC0) == 0x80) --b;
      }
      whole_begin = b;
      }
    if (const DocKind* k = kind_folded.empty() ? nullptr : KindByName(kind_folded)) {
      c.type = k->code;
      c.kind_word = k->name;
    } else {
      std::string code = KindCodeInNumber(number);
      c.type = code.empty() ? "CV" : code;
    }

    // Issuer before ("của Thành ủy tại <kind> số").
    std::optional<std::string> before_issuer;
    {
      size_t b = whole_begin > 120 ? whole_begin - 120 : 0;
      while (b < whole_begin && (static_cast<unsigned char>(f[b]) & 0xC0) == 0x80) ++b;
      std::string window = f.substr(b, whole_begin - b);
      std::string who;
      if (RE2::PartialMatch(window, IssuerBeforeRe(), &who)) {
        // The nearest body: text after the last "của"/"được" inside the match.
        for (const char* w : {" của ", " được ", " cua ", " duoc "}) {
          size_t p = who.rfind(w);
          if (p != std::string::npos) who = who.substr(p + std::string(w).size());
        }
        who = CleanIssuer(who);
        if (!who.empty()) before_issuer = who;
      }
    }

    // After: date, then issuer.
    size_t after = ne;
    StringPiece ain(f.data() + after, std::min<size_t>(f.size() - after, 200));
    if (RE2::PartialMatch(ain, DateAfterRe())) {
      std::string_view win(f.data() + after, std::min<size_t>(f.size() - after, 60));
      if (auto d = FindDate(win); d && d->begin <= 16) {
        c.date = d->iso;
        c.date_where = MakeSpan(text, flat.Begin(after + d->begin), flat.End(after + d->end));
        after += d->end;
      }
    }
    {
      StringPiece rest(f.data() + after, f.size() - after);
      StringPiece om[1];
      bool of = OfAfterRe().Match(rest, 0, rest.size(), RE2::ANCHOR_START, om, 1);
      // "… ngày 25 tháng 7 năm 2025 Sở Giáo dục và Đào tạo Đồng Nai, …": the
      // writer dropped "của"; a body named right after the date is still the
      // issuer (after a date only, and with no comma between).
      StringPiece bm[2];
      bool bare = !of && c.date && BareBodyAfterRe().Match(rest, 0, rest.size(), RE2::ANCHOR_START, bm, 2);
      if (of || bare) {
        size_t start = after + (of ? om[0].size() : bm[1].size());
        size_t len = 0;
        std::string who = IssuerPhrase(std::string_view(f).substr(start), &len);
        if (!who.empty()) {
          c.issuer = who;
          c.issuer_where = MakeSpan(text, flat.Begin(start), flat.End(start + len));
          after = start + len;
        }
      }
    }
    c.whole = MakeSpan(text, flat.Begin(whole_begin), flat.End(after));
    flat_ranges.push_back({whole_begin, after});
    prefix_issuer.push_back(before_issuer);
    out.push_back(std::move(c));
    pos = std::max(pos, after);
  }

  // Lists: "A ngày … và B ngày … của X" — X is the issuer of A too; a list
  // headed by "của X tại A …" gives X to its members.
  for (size_t i = out.size(); i-- > 0;) {
    if (out[i].issuer) continue;
    if (i + 1 < out.size() && out[i + 1].issuer) {
      std::string gap = f.substr(flat_ranges[i].second, flat_ranges[i + 1].first - flat_ranges[i].second);
      if (RE2::FullMatch(gap, ListGapRe())) out[i].issuer = out[i + 1].issuer;
    }
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].issuer) continue;
    if (prefix_issuer[i]) {
      out[i].issuer = prefix_issuer[i];
    } else if (i > 0 && prefix_issuer[i - 1] && out[i - 1].issuer == prefix_issuer[i - 1]) {
      std::string gap = f.substr(flat_ranges[i - 1].second, flat_ranges[i].first - flat_ranges[i - 1].second);
      if (RE2::FullMatch(gap, ListGapRe())) {
        out[i].issuer = prefix_issuer[i - 1];
        prefix_issuer[i] = prefix_issuer[i - 1];
      }
    }
    if (!out[i].issuer) out[i].issuer = IssuerFromCode(out[i].number);
  }
  return out;
}

}  // namespace vanban::extract::internal
