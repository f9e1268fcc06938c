// .txt files: encoding detection and decoding (ICU), page split at form feeds.
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/vietnamese.h"
#include "ingest/formats.h"

namespace vanban::ingest::internal {
namespace {

// The ICU C handles this file uses, closed on scope exit.
struct CloseDetector {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct CloseConverter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Detector = std::unique_ptr<UCharsetDetector, CloseDetector>;
using Converter = std::unique_ptr<UConverter, CloseConverter>;

// Decodes `bytes` from `charset` strictly: an unmapped or illegal byte fails,
// instead of becoming U+FFFD as ICU's default callback would make it.
bool DecodeStrict(std::string_view bytes, const char* charset, icu::UnicodeString* out) {
  UErrorCode status = U_ZERO_ERROR;
  Converter conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  // UTF-16 never needs more code units than the input has bytes (+1 for NUL).
  std::vector<UChar> buf(bytes.size() + 1);
  int32_t n = ucnv_toUChars(conv.get(), buf.data(), static_cast<int32_t>(buf.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  *out = icu::UnicodeString(buf.data(), n);
  return true;
}

// Control characters other than tab, line feed, carriage return and form feed
// (C0, DEL and C1). Word processors leave a stray one now and then (vertical
// tab for a manual line break); binary junk is full of them.
bool IsJunkControl(UChar32 c) {
  if (c == '\t' || c == '\n' || c == '\r' || c == '\f') return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

int CountJunkControls(const icu::UnicodeString& text) {
  int n = 0;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) n += IsJunkControl(text.char32At(i));
  return n;
}

bool IsToneMark(UChar32 c) {
  // grave, acute, tilde, hook above, dot below: the five Vietnamese tones.
  return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}
bool IsModifierMark(UChar32 c) {
  // circumflex (â ê ô), breve (ă), horn (ơ ư).
  return c == 0x302 || c == 0x306 || c == 0x31B;
}

// How Vietnamese a decoded text reads: +1 for every word with diacritics that
// could be a Vietnamese syllable (at most one tone mark, only Vietnamese
// marks, no foreign letters), -3 for every word that cannot. A Vietnamese file
// decoded with the wrong single-byte table shows itself at once: windows-1258
// stores "trường" as t r ư ơ <combining grave> n g, which windows-1252 reads
// as "trýõÌng", three tones in one syllable; "đ" becomes "ð".
int VietnameseScore(const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return 0;
  icu::UnicodeString d = nfd->normalize(text, status);
  if (U_FAILURE(status)) return 0;
  int score = 0;
  int tones = 0;
  bool marked = false, foreign = false;
  auto end_word = [&] {
    if (marked || foreign) score += (foreign || tones > 1) ? -3 : 1;
    tones = 0;
    marked = foreign = false;
  };
  for (int32_t i = 0; i < d.length(); i = d.moveIndex32(i, 1)) {
    UChar32 c = d.char32At(i);
    if (IsToneMark(c)) {
      ++tones;
      marked = true;
    } else if (IsModifierMark(c)) {
      marked = true;
    } else if (u_getCombiningClass(c) != 0) {
      foreign = true;  // a mark Vietnamese does not use
    } else if (c == 0x111 || c == 0x110) {
      marked = true;  // đ Đ
    } else if (u_isalpha(c)) {
      if (c >= 0x80) foreign = true;  // ð, Þ, ß, Cyrillic, CJK: not Vietnamese
    } else {
      end_word();
    }
  }
  end_word();
  return score;
}

std::string NormalizeNewlines(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

Result<DecodedText> Finish(icu::UnicodeString text, std::string encoding) {
  if (text.length() > 0 && text.charAt(0) == 0xFEFF) text.remove(0, 1);
  int junk = CountJunkControls(text);
  // One stray control character in a hundred is already far more than any
  // real plan has; binary files have about one in eight.
  if (junk > 0 && junk * 100 > text.countChar32()) {
    return Status::InvalidInput("binary data, not text: " + std::to_string(junk) +
                                " control characters (decoded as " + encoding + ")");
  }
  std::string utf8;
  text.toUTF8String(utf8);
  return DecodedText{NormalizeNewlines(utf8), std::move(encoding)};
}

}  // namespace

Result<DecodedText> DecodeText(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (bytes.starts_with("\xEF\xBB\xBF"sv)) {
    std::string_view body = bytes.substr(3);
    if (!IsValidUtf8(body)) return Status::InvalidInput("invalid UTF-8 after a UTF-8 byte-order mark");
    return Finish(icu::UnicodeString::fromUTF8(body), "UTF-8");
  }
  // UTF-32LE's BOM starts like UTF-16LE's; ICU decodes it too.
  for (auto [bom, charset] : {std::pair{"\xFF\xFE\0\0"sv, "UTF-32LE"}, {"\0\0\xFE\xFF"sv, "UTF-32BE"},
                              {"\xFF\xFE"sv, "UTF-16LE"}, {"\xFE\xFF"sv, "UTF-16BE"}}) {
    if (!bytes.starts_with(bom)) continue;
    icu::UnicodeString text;
    if (!DecodeStrict(bytes.substr(bom.size()), charset, &text)) {
      return Status::InvalidInput(std::string("undecodable text: invalid ") + charset +
                                  " after its byte-order mark");
    }
    return Finish(std::move(text), charset);
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status::InvalidInput("binary data, not text: NUL byte at offset " + std::to_string(nul));
  }
  if (IsValidUtf8(bytes)) return Finish(icu::UnicodeString::fromUTF8(bytes), "UTF-8");

  // Not UTF-8: take the first candidate of ICU's detector (most confident
  // first) that decodes strictly and reads best. windows-1258, which the
  // detector does not know, wins only when it reads as Vietnamese (score
  // above zero) and better than all of them. Text typed in the legacy font
  // encodings TCVN3 and VNI reads badly either way and so keeps the
  // detector's Latin-1 / windows-1252 reading, which is what normalize's
  // legacy converter expects (normalize/legacy.h).
  std::vector<std::string> candidates;
  UErrorCode status = U_ZERO_ERROR;
  Detector detector(ucsdet_open(&status));
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
      const char* name = ucsdet_getName(matches[i], &status);
      if (U_SUCCESS(status) && name && std::string_view(name) != "UTF-8") candidates.push_back(name);
    }
  }

  std::optional<icu::UnicodeString> best;
  std::string best_name;
  int best_score = 0;
  auto consider = [&](const std::string& name, bool needs_positive) {
    icu::UnicodeString text;
    if (!DecodeStrict(bytes, name.c_str(), &text)) return;
    if (CountJunkControls(text) * 100 > text.countChar32()) return;
    int score = VietnameseScore(text);
    if (needs_positive && score <= 0) return;
    // Ties go to the earlier candidate.
    if (!best || score > best_score) {
      best = std::move(text);
      best_name = name;
      best_score = score;
    }
  };
  for (const std::string& name : candidates) consider(name, false);
  consider("windows-1258", true);
  if (!best) {
    return Status::InvalidInput(
        "undecodable text: not UTF-8, and no encoding ICU detects (nor windows-1258) decodes it");
  }
  return Finish(std::move(*best), best_name);
}

std::vector<Page> SplitTextPages(const std::string& utf8) {
  std::vector<Page> pages;
  size_t begin = 0;
  while (true) {
    size_t ff = utf8.find('\f', begin);
    // A form feed that ends the file closes the last page; it opens no new
    // one (pdftotext ends every page with one).
    if (ff == std::string::npos && begin == utf8.size() && !pages.empty()) break;
    Page page;
    page.number = static_cast<int>(pages.size()) + 1;
    page.source = PageSource::kPlainText;
    page.text = utf8.substr(begin, ff == std::string::npos ? std::string::npos : ff - begin);
    pages.push_back(std::move(page));
    if (ff == std::string::npos) break;
    begin = ff + 1;
  }
  return pages;
}

}  // namespace vanban::ingest::internal
