#include "extract/closing.h"

#include <re2/re2.h>

#include "common/vietnamese.h"
#include "extract/names.h"
#include "extract/plan_text.h"

namespace vanban::extract::internal {
namespace {

using re2::StringPiece;

// "Nơi nhận:", OCR "Nori nhan:", "NƠI NHẬN:".
const RE2& LabelRe() {
  static const RE2 re(R"((?i)^n[ơo]r?i\s+nh[ậa]n\s*:?)");
  return re;
}

const RE2& BulletRe() {
  static const RE2 re(R"(^[-+•*–]\s*)");
  return re;
}

// "Lưu: VT", "Lưu VP", "Lưu hồ sơ": the last item (Phụ lục I, II.9).
const RE2& KeepCopyRe() {
  static const RE2 re(R"(^luu\b\s*(?::|vt\b|vp\b|ho so|van thu|$))");
  return re;
}

// Where an annex starts: the closing cannot reach past it.
const RE2& AnnexRe() {
  static const RE2 re(R"(^(?:phu luc|danh muc|bieu mau|mau so)\b)");
  return re;
}

bool IsBullet(std::string_view s) {
  return RE2::PartialMatch(StringPiece(s.data(), s.size()), BulletRe());
}

std::string_view StripBullet(std::string_view s) {
  StringPiece in(s.data(), s.size());
  StringPiece m[1];
  if (BulletRe().Match(in, 0, s.size(), RE2::ANCHOR_START, m, 1)) s.remove_prefix(m[0].size());
  return TrimSpaces(s);
}

bool IsKeepCopy(std::string_view item) {
  return RE2::PartialMatch(FoldDiacritics(StripBullet(item)), KeepCopyRe());
}

// An item merged with the signature column: "- Ban giám hiệu; PHÓ HIỆU
// TRƯỞNG", "- Cổng TTĐT Sở; (Đã ký)". An item ends at its ";" or "."
// (Phụ lục I, II.9), so capitals or a parenthesised note after it belong to
// the other column.
void SplitTail(std::string_view line, std::string_view* item, std::string_view* tail) {
  *item = line;
  *tail = {};
  for (size_t i = line.size(); i-- > 0;) {
    if (line[i] != ';' && line[i] != '.') continue;
    std::string_view rest = TrimSpaces(line.substr(i + 1));
    // The signature column: a title in capitals, or a note such as "(Đã ký)".
    if (!rest.empty() && ((IsCapitals(rest) && rest.find(' ') != std::string_view::npos) ||
                          (rest.front() == '(' && rest.back() == ')'))) {
      *item = line.substr(0, i + 1);
      *tail = rest;
    }
    break;
  }
}

// Scanner dirt after an item's closing ";": the seal or signature beside the
// list, read as "xu", ": :", "x1", "2g) ¬". A short tail that opens neither
// with a capital nor a bracket is dropped; "Sở GD&ĐT; Phòng GD&ĐT" keeps both.
std::string_view DropDirtAfterSemicolon(std::string_view s) {
  const size_t semicolon = s.rfind(';');
  if (semicolon == std::string_view::npos) return s;
  const std::string_view tail = TrimSpaces(s.substr(semicolon + 1));
  if (tail.empty() || tail.size() > 8 || StartsUpper(tail) || tail.front() == '(') return s;
  return s.substr(0, semicolon);
}

}  // namespace

std::string CleanItem(std::string_view item) {
  std::string_view s = DropDirtAfterSemicolon(StripBullet(item));
  while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' || s.back() == ' '))
    s.remove_suffix(1);
  std::string out = SqueezeSpaces(DropGluedApostrophes(s));
  // "(b/c)", "(để b/c)": báo cáo; OCR reads the c as "€".
  static const RE2 kReportMark(R"(\b([bBtT])/€)");
  RE2::GlobalReplace(&out, kReportMark, R"(\1/c)");
  // The marks of why a copy is sent — b/c báo cáo, t/h thực hiện, p/h phối
  // hợp, đ/b để biết — with the slash lost in OCR: "(th)", "(để bc)".
  static const RE2 kSlashLost(R"(\(((?:để )?)(?:(b)(c)|(t)(h)|(p)(h)|(đ)(b))\))");
  RE2::GlobalReplace(&out, kSlashLost, R"((\1\2\4\6\8/\3\5\7\9))");
  return out;
}

Closing FindClosing(const std::vector<Line>& lines) {
  Closing c;
  for (size_t i = lines.size(); i-- > 0;) {
    if (RE2::PartialMatch(StringPiece(lines[i].text.data(), lines[i].text.size()), LabelRe())) {
      c.label = i;
      break;
    }
  }
  size_t first = 0;
  bool has_list = c.label.has_value();
  if (c.label) {
    first = *c.label;
  } else {
    // No label: the last "- Lưu: …" item and the run of items above it.
    std::optional<size_t> keep;
    for (size_t i = lines.size(); i-- > 0;) {
      if (IsBullet(lines[i].text) && IsKeepCopy(lines[i].text)) {
        keep = i;
        break;
      }
    }
    if (keep) {
      has_list = true;
      first = *keep;
      for (size_t i = *keep; i-- > 0;) {
        if (lines[i].blank()) continue;
        if (!IsBullet(lines[i].text) || lines[i].text.size() > 120) break;
        first = i;
      }
    } else {
      // Nothing: the signature, if any, is in the last lines.
      size_t n = 0;
      first = lines.size();
      while (first > 0 && n < 12) {
        --first;
        if (!lines[first].blank()) ++n;
      }
    }
  }
  // The signature may stand just above the label ("HIỆU TRƯỞNG" / "Nơi nhận:").
  size_t begin = first;
  for (int n = 0; begin > 0 && n < 4;) {
    --begin;
    if (lines[begin].blank()) continue;
    ++n;
    std::string_view t = lines[begin].text;
    if (!IsCapitals(t) || t.find("./.") != std::string_view::npos) {
      ++begin;
      break;
    }
  }
  c.begin = begin;
  // Items and the rest, up to an annex or 40 non-blank lines.
  bool in_items = has_list;
  bool list_done = false;
  int seen = 0;
  size_t i = begin;
  for (; i < lines.size() && seen < 40; ++i) {
    std::string_view t = lines[i].text;
    if (t.empty()) continue;
    ++seen;
    if (i > first && RE2::PartialMatch(FoldDiacritics(t), AnnexRe())) break;
    if (c.label && i == *c.label) {
      StringPiece in(t.data(), t.size());
      StringPiece m[1];
      LabelRe().Match(in, 0, t.size(), RE2::ANCHOR_START, m, 1);
      std::string_view rest = TrimSpaces(t.substr(m[0].size()));
      if (rest.empty()) continue;
      if (IsBullet(rest)) {
        t = rest;
      } else {
        c.others.push_back(rest);
        continue;
      }
    }
    if (i >= first && in_items && !list_done && IsBullet(t)) {
      std::string_view item, tail;
      SplitTail(t, &item, &tail);
      c.items.push_back(item);
      if (!tail.empty()) c.others.push_back(tail);
      if (IsKeepCopy(item)) list_done = true;
      continue;
    }
    // A wrapped item continues in lower case.
    if (!list_done && !c.items.empty() && i >= first) {
      unsigned char ch = t[0];
      std::string firstc(t.substr(0, ch < 0x80 ? 1 : (ch >> 5) == 0x6 ? 2 : 3));
      if (ToLower(firstc) == firstc && ToUpper(firstc) != firstc) {
        // Extend the last item's view over the wrapped line.
        std::string_view last = c.items.back();
        c.items.back() = std::string_view(last.data(), (t.data() + t.size()) - last.data());
        continue;
      }
    }
    c.others.push_back(t);
  }
  c.end = i;
  return c;
}

}  // namespace vanban::extract::internal
