// The header block and the title (Nghị định 30/2020/NĐ-CP, Điều 8 and
// Phụ lục I, mục II.1–II.5):
//
//   SỞ GIÁO DỤC VÀ ĐÀO TẠO        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//   TRƯỜNG THPT KIẾN THỤY               Độc lập - Tự do - Hạnh phúc
//   Số: 30/KH-THPTKT             Hải Phòng, ngày 25 tháng 01 năm 2024
//                              KẾ HOẠCH
//        Công tác Cải cách hành chính nhà nước năm 2024 …   (trích yếu)
//
// Text extraction gives the two columns one after the other, or merged on
// one line, or only part of them (a plan copied from a Word file often starts
// at "KẾ HOẠCH"). So the block is read as lines up to the kind line, the
// national motto is cut out wherever it stands, and each field has its own
// pattern. What the header lacks is taken, when the document says it
// elsewhere, from the body ("Trường THCS Tiên Cường xây dựng Kế hoạch …") or
// from the annex heading that names the document itself ("Ban hành kèm theo
// Kế hoạch số: 38/KH-THPTLN ngày 20/08/2025 của …").
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "common/vietnamese.h"
#include "extract/citations.h"
#include "extract/dates.h"
#include "extract/doc_kinds.h"
#include "extract/lines.h"
#include "extract/names.h"
#include "extract/parts.h"

namespace vanban::extract::internal {
namespace {

using re2::StringPiece;

// How far down the header block can reach: the kind line of a real plan is
// within its first dozen non-blank lines; 30 leaves room for a header split
// into one word per line by a bad extraction.
constexpr int kHeaderLines = 30;

// Quốc hiệu and tiêu ngữ, in either tone placement (HÒA / HOÀ) and without
// diacritics (OCR); for Party documents "ĐẢNG CỘNG SẢN VIỆT NAM" (Quy định
// 66-QĐ/TW) stands in the same place.
const RE2& MottoRe() {
  static const RE2 re(
      R"((?i)C[ỘOÔ]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘOÔ]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆEÊ]T\s+NAM|[ĐD][ỘOÔ]C\s+L[ẬAÂ]P\s*[-–—]\s*T[ỰUƯ]\s+DO\s*[-–—]\s*H[ẠA]NH\s+PH[ÚU]C|[ĐD][ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM)");
  return re;
}

// A line of dashes or underscores under the header (the rule under tiêu ngữ).
const RE2& RuleLineRe() {
  static const RE2 re(R"(^[-_=.…*\s]*$)");
  return re;
}

// "Số: 06/KH-THPTLT", "Số 06/KH-…", "SỐ:", OCR "So:", "S6:".
const RE2& NumberLineRe() {
  static const RE2 re(R"((?:^|\s)(?i:s[ốoôổ6ó])\s*[:.]?\s*(\d))");
  return re;
}

// Địa danh: capitalised words right before ", ngày" (Phụ lục I, mục II.4).
const RE2& PlaceRe() {
  static const RE2 re(
      R"((?:^|\s)((?:\p{Lu}[\p{L}.]*\s+){0,4}\p{Lu}[\p{L}.]*)\s*,\s*(?i:ng[àa]y)\s*\d)");
  return re;
}

// Công văn: "V/v triển khai …" under the number.
const RE2& AboutRe() {
  // OCR forms too: a dash or quote of scanner dirt before, "V/" for "V/v".
  static const RE2 re(R"(^(?:[-–—'‘.,]\s*)?(?i:v/v|v\.v|v/)[\s.:]+\S)");
  return re;
}

// Where the body starts after the title: a legal basis, a section heading,
// a bullet, a cited number.
const RE2& BodyStartRe() {
  static const RE2 re(
      R"((?i)^(?:c[ăa]n\s+c[ứu]|k[íi]nh\s+g[ửu]i|th[ựu]c\s+hi[ệe]n\s+(?:k[ếe]\s+ho[ạa]ch|quy[ếe]t\s+[đd][ịi]nh|ngh[ịi]|ch[ỉi]\s+th[ịi]|c[ôo]ng\s+v[ăa]n|v[ăa]n\s+b[ảa]n|th[ôo]ng|h[ưu][ớo]ng|k[ếe]t\s+lu[ậa]n|ch[ươu][ơo]ng)|theo\s|[IVXLC]+\s*[.)]|\d+\s*[.)]|[-+•*]\s*\S))");
  return re;
}

// A body's own sentence about this document: "Trường THPT Lộc Thái ban hành
// Kế hoạch …", "trường THPT Kiến Thụy xây dựng Kế hoạch …".
const RE2& BodySentenceRe() {
  static const RE2 re(
      "((?:[Tt]r[ưu][ờo]ng|TRƯỜNG|UBND|Ủy\\s+ban\\s+nhân\\s+dân|Uy\\s+ban\\s+nhan\\s+dan|Phòng|Sở|Ban|Trung\\s+tâm)\\s+[^,;.:()\\d/]{2,60}?)"
      "\\s+(?i:ban\\s+h[àa]nh|x[âa]y\\s+d[ựu]ng|tri[ểe]n\\s+khai|l[ậa]p)\\s+(?i:k[ếe]\\s+ho[ạa]ch|quy[ếe]t\\s+[đd][ịi]nh|ch[ươu][ơo]ng\\s+tr[ìi]nh|ph[ươu][ơo]ng\\s+[áa]n|h[ưu][ớo]ng\\s+d[ẫa]n|quy\\s+ch[ếe]|th[ôo]ng\\s+b[áa]o|b[áa]o\\s+c[áa]o|[đd][ềe]\\s+[áa]n)");
  return re;
}

// The first word of an issuing body: where a new body starts in the header.
// `s` without the words made only of punctuation at either end: scanner dirt
// OCR reads beside a name ("._ SỞ GIÁO DỤC VÀ ĐÀO TẠO :").
std::string_view DropEdgeDirt(std::string_view s) {
  auto dirt = [](std::string_view word) { return word.find_first_not_of(".,;:'`~-_|") == std::string_view::npos; };
  for (;;) {
    s = TrimSpaces(s);
    const size_t last = s.rfind(' '), first = s.find(' ');
    if (last == std::string_view::npos) return s;
    if (dirt(s.substr(last + 1))) s = s.substr(0, last);
    else if (dirt(s.substr(0, first))) s = s.substr(first + 1);
    else return s;
  }
}

bool StartsBody(std::string_view piece) {
  static const RE2 re(
      R"((?i)^(?:s[ởo]|ph[òo]ng|tr[ưu][ờo]ng|ubnd|hđnd|[ủu]y\s+ban|h[ộo]i\s+đ[ồo]ng|b[ộo]|ban|c[ụu]c|chi\s+c[ụu]c|t[ổo]ng\s+c[ụu]c|vi[ệe]n|trung\s+t[âa]m|v[ăa]n\s+ph[òo]ng|[đd][ảa]ng\s+[ủu]y|th[àa]nh\s+[ủu]y|t[ỉi]nh\s+[ủu]y|huy[ệe]n\s+[ủu]y|chi\s+b[ộo]|c[ôo]ng\s+[đd]o[àa]n|[đd]o[àa]n|h[ọo]c\s+vi[ệe]n|[đd][ạa]i\s+h[ọo]c)(?:\s|$))");
  return RE2::PartialMatch(StringPiece(piece.data(), piece.size()), re);
}

Field MakeField(const NormalizedText& text, std::string value, size_t begin, size_t end) {
  Field f;
  f.value = std::move(value);
  f.where = MakeSpan(text, begin, end);
  return f;
}

// A header line with the motto cut out: the pieces left and right of it.
std::vector<std::string_view> HeaderPieces(std::string_view line) {
  std::vector<std::string_view> pieces;
  StringPiece in(line.data(), line.size());
  StringPiece m[1];
  size_t pos = 0;
  while (pos <= line.size()) {
    if (!MottoRe().Match(in, pos, line.size(), RE2::UNANCHORED, m, 1)) {
      pieces.push_back(TrimSpaces(line.substr(pos)));
      break;
    }
    size_t at = m[0].data() - line.data();
    pieces.push_back(TrimSpaces(line.substr(pos, at - pos)));
    pos = at + m[0].size();
  }
  std::vector<std::string_view> out;
  for (std::string_view p : pieces) {
    if (!p.empty() && !RE2::FullMatch(StringPiece(p.data(), p.size()), RuleLineRe())) out.push_back(p);
  }
  return out;
}

bool IsKindLine(std::string_view line, const DocKind** kind) {
  if (line.empty() || line.size() > 40 || !IsCapitals(line)) return false;
  const DocKind* k = KindByName(line);
  if (!k || k->code == "CV") return false;
  *kind = k;
  return true;
}

// A capital line that starts with a kind name followed by more words:
// returns the byte length of the kind name and its following spaces.
size_t KindPrefix(std::string_view line, const DocKind** kind) {
  if (line.size() > 200 || !IsCapitals(line) || RE2::PartialMatch(StringPiece(line.data(), line.size()), MottoRe()))
    return 0;
  size_t end = 0;
  for (int words = 0; words < 4; ++words) {
    size_t sp = line.find(' ', end);
    if (sp == std::string_view::npos) return 0;
    end = sp;
    const DocKind* k = KindByName(line.substr(0, end));
    if (k && k->code != "CV") {
      size_t rest = end;
      while (rest < line.size() && line[rest] == ' ') ++rest;
      if (rest >= line.size()) return 0;
      *kind = k;
      return rest;
    }
    ++end;
  }
  return 0;
}

// "HIỆU TRƯỞNG TRƯỜNG THPT …", "GIÁM ĐỐC SỞ …": the authority that issues a
// Quyết định, printed under its title.
bool IsSignerTitle(std::string_view line) {
  static const RE2 re(R"(^(?:hieu truong|giam doc|chu tich|truong phong|bi thu|thu truong|bo truong)\b)");
  return RE2::PartialMatch(FoldDiacritics(line), re);
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = s[0];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  std::string first(s.substr(0, n));
  return ToLower(first) == first && ToUpper(first) != first;
}

bool IsBodyStart(std::string_view line) {
  if (RE2::PartialMatch(StringPiece(line.data(), line.size()), BodyStartRe())) return true;
  // A cited number: the legal basis.
  for (size_t i = 0; i < line.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(line[i])) && (i == 0 || line[i - 1] == ' ')) {
      if (auto n = ParseNumber(line.substr(i)); n && n->find_first_of("/-") != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

void ExtractHeader(const NormalizedText& text, Record* record) {
  std::vector<Line> lines = SplitLines(text);

  // The kind line and the extent of the header block.
  const DocKind* kind = nullptr;
  std::string_view title_on_kind_line;
  size_t kind_line = lines.size();
  size_t header_end = lines.size();
  {
    int nonblank = 0;
    for (size_t i = 0; i < lines.size() && nonblank < kHeaderLines; ++i) {
      if (lines[i].blank()) continue;
      ++nonblank;
      const DocKind* k = nullptr;
      if (IsKindLine(lines[i].text, &k)) {
        kind = k;
        kind_line = i;
        header_end = i;
        break;
      }
      // "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024": kind and title on one line.
      if (size_t len = KindPrefix(lines[i].text, &k)) {
        kind = k;
        kind_line = i;
        header_end = i;
        title_on_kind_line = lines[i].text.substr(len);
        break;
      }
      const StringPiece line(lines[i].text.data(), lines[i].text.size());
      // A "V/v" line with a dash of scanner dirt before it is no bullet.
      if (IsBodyStart(lines[i].text) && !RE2::PartialMatch(line, NumberLineRe()) &&
          !RE2::PartialMatch(line, AboutRe())) {
        header_end = i;
        break;
      }
    }
    if (header_end == lines.size()) {
      // Neither kind line nor body start: a header is at most that many lines.
      int n = 0;
      for (size_t i = 0; i < lines.size(); ++i) {
        if (!lines[i].blank() && ++n > kHeaderLines) {
          header_end = i;
          break;
        }
      }
    }
  }
  if (kind) {
    record->doc_type = MakeField(text, kind->code, lines[kind_line].begin, lines[kind_line].end);
    record->doc_kind_name = MakeField(text, kind->name, lines[kind_line].begin, lines[kind_line].end);
  }

  // Walk the header block.
  std::vector<std::string_view> bodies_pieces;  // pieces above the number line
  std::vector<std::vector<std::string_view>> bodies;
  bool after_number = false;
  std::optional<size_t> about_line;
  for (size_t i = 0; i < header_end; ++i) {
    if (lines[i].blank()) continue;
    for (std::string_view piece : HeaderPieces(lines[i].text)) {
      // Number.
      StringPiece nm[2];
      StringPiece pin(piece.data(), piece.size());
      if (!record->number && NumberLineRe().Match(pin, 0, piece.size(), RE2::UNANCHORED, nm, 2)) {
        size_t at = nm[1].data() - piece.data();
        if (auto n = ParseNumber(piece.substr(at))) {
          size_t b = static_cast<size_t>(piece.data() + at - text.text.data());
          // Span: the printed number (it may hold a space the value drops).
          size_t len = 0, k = 0;
          for (size_t j = at; j < piece.size() && k < n->size(); ++j) {
            if (piece[j] == ' ') continue;
            ++k;
            len = j - at + 1;
          }
          record->number = MakeField(text, *n, b, b + len);
          // What stands before "Số" on a merged line is the last body line.
          std::string_view left = TrimSpaces(piece.substr(0, nm[0].data() - piece.data()));
          if (!left.empty() && IsCapitals(left)) bodies_pieces.push_back(left);
          after_number = true;
          // The rest of a merged line may be the place and date.
          piece = piece.substr(at);
        }
      }
      // Place and date.
      if (!record->date) {
        auto d = FindDate(piece);
        StringPiece pm[2];
        StringPiece din(piece.data(), piece.size());
        bool has_place = d && PlaceRe().Match(din, 0, piece.size(), RE2::UNANCHORED, pm, 2);
        // The date line is "<địa danh>, ngày …" or "ngày …" alone; a date
        // inside a sentence of the header block is not the issue date.
        if (d && (has_place || d->begin <= 1)) {
          if (has_place) {
            std::string_view place(pm[1].data(), pm[1].size());
            size_t b = static_cast<size_t>(place.data() - text.text.data());
            // "Số: 30/KH-THPTKT Hải Phòng, ngày …": the number is not the place.
            record->place = MakeField(text, SqueezeSpaces(place), b, b + place.size());
          }
          size_t b = static_cast<size_t>(piece.data() - text.text.data()) + d->begin;
          record->date = MakeField(text, d->iso, b, static_cast<size_t>(piece.data() - text.text.data()) + d->end);
          continue;
        }
      }
      if (RE2::PartialMatch(StringPiece(piece.data(), piece.size()), AboutRe())) {
        about_line = i;
        continue;
      }
      if (!after_number && !record->date && IsCapitals(piece) && !record->number) {
        const DocKind* k = nullptr;
        if (!IsKindLine(piece, &k)) bodies_pieces.push_back(piece);
      }
    }
  }

  // Issuing bodies: a piece that starts with a body type starts a body; the
  // others continue the one above ("TRƯỜNG TRUNG HỌC PHỔ THÔNG" / "KIẾN THỤY").
  for (std::string_view p : bodies_pieces) {
    if (bodies.empty() || StartsBody(p)) bodies.push_back({p});
    else bodies.back().push_back(p);
  }
  auto body_field = [&](const std::vector<std::string_view>& parts) {
    std::string joined;
    for (std::string_view p : parts) {
      if (!joined.empty()) joined += ' ';
      joined += p;
    }
    const std::string_view clean = DropEdgeDirt(joined);
    const size_t lead = clean.data() - joined.data(), trail = joined.size() - lead - clean.size();
    size_t b = static_cast<size_t>(parts.front().data() - text.text.data()) + lead;
    size_t e = static_cast<size_t>(parts.back().data() - text.text.data()) + parts.back().size() - trail;
    joined = std::string(clean);
    return MakeField(text, BodyCase(SqueezeSpaces(joined)), b, e);
  };
  if (!bodies.empty()) {
    // Nghị định 30, Phụ lục I, II.2: the issuing body is printed last, the
    // body it belongs to (cơ quan chủ quản) right above it.
    record->issuer = body_field(bodies.back());
    if (bodies.size() >= 2) record->parent_issuer = body_field(bodies[bodies.size() - 2]);
  }

  // Title (trích yếu): the lines under the kind line, up to the body. A
  // wrapped title continues in lower case; a new capitalised line is the body.
  auto take_title = [&](size_t first) {
    std::string value;
    size_t b = 0, e = 0;
    int taken = 0;
    bool capitals = false;
    if (!title_on_kind_line.empty()) {
      value = std::string(title_on_kind_line);
      b = static_cast<size_t>(title_on_kind_line.data() - text.text.data());
      e = b + title_on_kind_line.size();
      taken = 1;
      capitals = true;
    }
    for (size_t i = first; i < lines.size() && taken < 4; ++i) {
      if (lines[i].blank()) continue;
      std::string_view t = lines[i].text;
      if (taken == 0) {
        capitals = IsCapitals(t);
        if (IsBodyStart(t) && !RE2::PartialMatch(StringPiece(t.data(), t.size()), AboutRe())) break;
        b = lines[i].begin;
      } else {
        // "… quý I năm" / "2026": a year or figure wrapped to the next line.
        bool digit = std::isdigit(static_cast<unsigned char>(t[0]));
        // A title printed in capitals wraps in capitals, but the authority
        // line of a Quyết định ("HIỆU TRƯỞNG TRƯỜNG …") is not part of it.
        bool caps_wrap = capitals && IsCapitals(t) && !StartsBody(t) && !IsSignerTitle(t);
        if ((!StartsLower(t) && !digit && !caps_wrap) || IsBodyStart(t)) break;
      }
      if (!value.empty()) value += ' ';
      value += t;
      e = lines[i].end;
      ++taken;
      // A title ends with its sentence.
      if (!t.empty() && (t.back() == '.' || t.back() == ';' || t.back() == ':')) break;
    }
    if (taken == 0) return;
    std::string v = SqueezeSpaces(value);
    while (!v.empty() && (v.back() == '.' || v.back() == ';')) v.pop_back();
    // Công văn: the trích yếu is what follows "V/v" (về việc).
    StringPiece about[1];
    if (AboutRe().Match(v, 0, v.size(), RE2::ANCHOR_START, about, 1)) {
      size_t skip = about[0].size() - 1;  // the match ends on the first letter
      b += skip;
      v = v.substr(skip);
    }
    record->title = MakeField(text, DropGluedApostrophes(v), b, e);
  };
  if (kind) {
    take_title(kind_line + 1);
  } else if (about_line) {
    take_title(*about_line);
  }

  // Công văn: no kind line, "V/v" in the header (Nghị định 30, Phụ lục I,
  // II.5.b) or a number with no kind code ("05/BNV-VP").
  if (!record->doc_type) {
    std::string code = record->number ? KindCodeInNumber(record->number->value) : "";
    if (!code.empty()) {
      const DocKind* k = KindByCode(code);
      record->doc_type = MakeField(text, k->code, record->number->where.begin, record->number->where.end);
      record->doc_kind_name = MakeField(text, k->name, record->number->where.begin, record->number->where.end);
    } else if (about_line || record->number) {
      size_t b = about_line ? lines[*about_line].begin : record->number->where.begin;
      size_t e = about_line ? lines[*about_line].end : record->number->where.end;
      record->doc_type = MakeField(text, "CV", b, e);
      record->doc_kind_name = MakeField(text, "Công văn", b, e);
    }
  }

  // The annex heading names the document: number and date when the header
  // has none (a plan whose first page is lost keeps them there).
  if (!record->number || !record->date) {
    for (const Citation& c : FindCitations(text)) {
      if (!c.self) continue;
      if (record->doc_type && c.type != record->doc_type->value) continue;
      if (!record->number) record->number = Field{c.number, c.where};
      if (!record->date && c.date) record->date = Field{*c.date, c.date_where};
      if (!record->doc_type) {
        const DocKind* k = KindByCode(c.type);
        if (k) {
          record->doc_type = Field{k->code, c.where};
          record->doc_kind_name = Field{k->name, c.where};
        }
      }
      break;
    }
  }
  if (!record->doc_type && record->number) {
    std::string code = KindCodeInNumber(record->number->value);
    if (const DocKind* k = code.empty() ? nullptr : KindByCode(code)) {
      record->doc_type = Field{k->code, record->number->where};
      record->doc_kind_name = Field{k->name, record->number->where};
    }
  }

  // Issuer from the body when the header has none.
  if (!record->issuer) {
    FlatText flat = Flatten(text);
    size_t limit = std::min(flat.text.size(), static_cast<size_t>(6000));
    StringPiece in(flat.text.data(), limit);
    StringPiece m[2];
    size_t pos = 0;
    while (pos < limit && BodySentenceRe().Match(in, pos, limit, RE2::UNANCHORED, m, 2)) {
      size_t b = m[1].data() - flat.text.data();
      size_t e = b + m[1].size();
      pos = b + 1;
      // The body is the subject of its own clause: at a line start or after
      // ",", ";", "." — not "… của UBND thành phố về việc ban hành Kế hoạch".
      size_t before = b;
      if (before > 0 && flat.text[before - 1] == ' ') --before;
      bool clause = before == 0 || std::string_view(",;.:").find(flat.text[before - 1]) != std::string_view::npos;
      size_t orig = flat.Begin(b);
      if (orig > 0 && text.text.rfind('\n', orig - 1) != std::string::npos &&
          TrimSpaces(std::string_view(text.text).substr(text.text.rfind('\n', orig - 1) + 1,
                                                       orig - text.text.rfind('\n', orig - 1) - 1))
              .empty())
        clause = true;
      if (!clause) continue;
      std::string v = SqueezeSpaces(std::string_view(m[1].data(), m[1].size()));
      // "trường THPT Kiến Thụy" in mid-sentence: the name starts with a capital.
      std::string first = v.substr(0, v.find(' '));
      if (StartsLower(first)) v = Capitalize(first) + v.substr(first.size());
      record->issuer = MakeField(text, v, flat.Begin(b), flat.End(e));
      break;
    }
  }

  // Last, the annex heading: "kèm theo Kế hoạch số … của Trường THPT …".
  if (!record->issuer) {
    for (const Citation& c : FindCitations(text)) {
      if (c.self && c.issuer) {
        record->issuer = Field{*c.issuer, c.issuer_where};
        break;
      }
    }
  }
}

}  // namespace vanban::extract::internal
