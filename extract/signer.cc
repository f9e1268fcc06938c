// Signature block (Nghị định 30/2020, Phụ lục I, mục II.7): the authority
// (TM. tập thể, KT. cấp phó ký thay, Q. quyền, TL. thừa lệnh, TUQ. thừa ủy
// quyền), the title lines ("KT. HIỆU TRƯỞNG" / "PHÓ HIỆU TRƯỞNG") and the
// name, printed in capitals or not. The signature and the Nơi nhận column
// arrive interleaved in extracted text, so the block is read from the
// non-item lines of the closing (extract/closing.h).
#include <re2/re2.h>

#include <algorithm>

#include "common/vietnamese.h"
#include "extract/closing.h"
#include "extract/lines.h"
#include "extract/names.h"
#include "extract/parts.h"

namespace vanban::extract::internal {
namespace {

using re2::StringPiece;

const RE2& AuthorityRe() {
  static const RE2 re(R"(^(TM|KT|Q|TL|TUQ)\s*\.\s*(\S.*)$)");
  return re;
}

// Titles of signers, folded. A capital line is a title when it holds one.
const RE2& TitleWordRe() {
  static const RE2 re(
      R"(\b(?:hieu truong|hieu pho|giam doc|chu tich|bi thu|truong phong|truong ban|truong khoa|truong tram|truong tieu ban|chanh van phong|chanh thanh tra|thu truong|bo truong|cuc truong|vu truong|to truong|ke toan truong|thu ky|chu nhiem|tong bien tap|nguoi ky|pho truong)\b)");
  return re;
}

// A name: two to five words, each capitalised or in capitals, letters only.
bool LooksLikeName(std::string_view s) {
  if (s.empty() || s.size() > 60) return false;
  int words = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string_view w = s.substr(i, j - i);
    ++words;
    for (char c : w) {
      if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == ';' || c == '(' ||
          c == ')' || c == '-' || c == '/' || c == '&')
        return false;
    }
    // First letter upper case; the rest all lower or all upper.
    std::string lower = ToLower(w);
    if (lower == std::string(w)) return false;
    unsigned char lead = w[0];
    size_t first_len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    std::string rest_in(w.substr(std::min(first_len, w.size())));
    if (!(ToLower(rest_in) == rest_in || ToUpper(rest_in) == rest_in)) return false;
    i = j;
  }
  return words >= 2 && words <= 5;
}

// "ThS. Nguyễn Văn A": Nghị định 30, Phụ lục I, II.7.c says not to print
// học hàm, học vị before the signer's name; when a document does, the name is
// what follows.
std::string_view StripDegree(std::string_view s) {
  static const RE2 re(R"(^((?:(?:GS|PGS|TS|ThS|CN|KS|BS|DS|Ts|Ths|TSKH|NGƯT|NGND)\.\s*)+))");
  StringPiece m[2];
  StringPiece in(s.data(), s.size());
  if (re.Match(in, 0, s.size(), RE2::ANCHOR_START, m, 2)) s.remove_prefix(m[0].size());
  return TrimSpaces(s);
}

// Scanner dirt OCR reads before a title or name (". HIỆU TRƯỞNG"); neither
// ever starts with punctuation.
std::string_view StripLeadingDirt(std::string_view s) {
  while (!s.empty() && std::string_view(".,;:'`~_").find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  return TrimSpaces(s);
}

std::string FirstWord(std::string_view s) {
  size_t sp = s.find(' ');
  return std::string(sp == std::string_view::npos ? s : s.substr(0, sp));
}

}  // namespace

void ExtractSigner(const NormalizedText& text, Record* record) {
  std::vector<Line> lines = SplitLines(text);
  Closing closing = FindClosing(lines);
  Signer signer;
  bool have_title = false;
  std::optional<std::string_view> name;
  for (std::string_view piece : closing.others) {
    piece = StripDegree(StripLeadingDirt(TrimSpaces(piece)));
    if (piece.empty()) continue;
    std::string auth, rest;
    bool capitals = IsCapitals(piece);
    if (capitals && RE2::FullMatch(StringPiece(piece.data(), piece.size()), AuthorityRe(), &auth, &rest)) {
      signer.authority = auth + ".";
      signer.title_lines.push_back(SqueezeSpaces(piece));
      signer.title = SqueezeSpaces(rest);
      have_title = true;
      name.reset();
      continue;
    }
    if (capitals && RE2::PartialMatch(FoldDiacritics(piece), TitleWordRe())) {
      signer.title_lines.push_back(SqueezeSpaces(piece));
      signer.title = SqueezeSpaces(piece);
      have_title = true;
      name.reset();
      continue;
    }
    if (LooksLikeName(piece) && (have_title || IsFamilyName(FirstWord(piece)))) {
      // The first name under the title; with no title, the last name seen.
      if (!name || !have_title) name = piece;
    }
  }
  if (!name) return;
  signer.name = NameCase(SqueezeSpaces(*name));
  signer.where = SpanOfView(text, *name);
  record->signer = std::move(signer);
}

}  // namespace vanban::extract::internal
