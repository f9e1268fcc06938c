#include "normalize/normalize.h"

#include <algorithm>
#include <string>
#include <vector>

#include "common/vietnamese.h"
#include "normalize/clean.h"
#include "normalize/layout.h"
#include "normalize/legacy.h"
#include "normalize/restore.h"
#include "normalize/utf8.h"

namespace vanban::normalize {
namespace {

using internal::Join;
using internal::PageLines;

struct SyllableCount {
  int syllables = 0;  // letter runs, acronyms aside
  int accented = 0;   // of which carry a Vietnamese mark
};

SyllableCount CountSyllables(std::string_view text) {
  SyllableCount n;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = internal::NextCodePoint(text, i);
    if (!internal::IsLetter(c)) continue;
    int letters = 1;
    bool marked = c >= 0x80, ascii_upper = c >= 'A' && c <= 'Z';
    while (i < text.size()) {
      size_t j = i;
      char32_t d = internal::NextCodePoint(text, j);
      if (!internal::IsLetter(d) && !internal::IsCombiningMark(d)) break;
      i = j;
      if (internal::IsLetter(d)) ++letters;
      marked |= d >= 0x80;
      ascii_upper &= d >= 'A' && d <= 'Z';
    }
    // Acronyms (UBND, THPT, CCHC, PAR INDEX) are written without marks in
    // accented and unaccented text alike; they say nothing.
    if (ascii_upper && letters >= 2) continue;
    ++n.syllables;
    n.accented += marked;
  }
  return n;
}

// Cleans one line: columns apart, letter-spaced words rejoined, spaces.
void AppendCleanLine(std::string_view line, bool split_columns, std::string& out) {
  std::vector<std::string> parts;
  if (split_columns) parts = internal::SplitColumns(line);
  else parts.emplace_back(line);
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '\n';
    out += internal::CollapseSpaces(internal::RejoinLetterSpaced(parts[k]));
  }
}

// Everything that needs no neighbouring page: legacy encodings, characters,
// converter artefacts, columns, letter spacing, spaces, NFC and tones, glued
// syllables.
std::string CleanText(std::string_view raw, bool split_columns, bool canonical_tones) {
  std::string text = internal::ConvertLegacy(raw);
  text = internal::CleanCharacters(text);
  text = internal::RemoveConverterArtefacts(text);
  text = internal::MendQuarterNumerals(text);
  std::string out;
  out.reserve(text.size());
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    if (b > 0) out += '\n';
    AppendCleanLine(std::string_view(text).substr(b, e - b), split_columns, out);
    b = e + 1;
  }
  return internal::SplitGluedSyllables(canonical_tones ? CanonicalTones(out) : ToNfc(out));
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    lines.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string s;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) s += '\n';
    s += lines[i];
  }
  return s;
}

}  // namespace

// Restores the pages marked `restored` as one document (the restorer adapts
// its OCR channel to the document's pages together), on up to
// options.restore_jobs threads.
template <typename Pages>
static void RestorePages(Pages& pages, const Options& options) {
  std::vector<size_t> todo;
  std::vector<std::string_view> texts;
  for (size_t k = 0; k < pages.size(); ++k)
    if (pages[k].restored) todo.push_back(k), texts.push_back(pages[k].text);
  if (todo.empty()) return;
  std::vector<std::string> restored = options.restorer->RestorePages(texts, options.restore_jobs);
  for (size_t i = 0; i < todo.size(); ++i)
    pages[todo[i]].text = options.canonical_tones ? CanonicalTones(restored[i]) : ToNfc(restored[i]);
}

NormalizedText Normalize(const Document& document, const Options& options) {
  std::vector<PageLines> pages;
  pages.reserve(document.pages.size());
  for (const Page& page : document.pages) {
    PageLines p;
    p.number = page.number;
    p.lines = SplitLines(CleanText(page.text, /*split_columns=*/true, options.canonical_tones));
    std::erase_if(p.lines, [](const std::string& l) { return internal::IsSpeckLine(l); });
    pages.push_back(std::move(p));
  }
  if (options.drop_running_headers) internal::DropPageFurniture(pages);

  std::vector<std::string> all_lines;
  for (PageLines& p : pages) {
    if (options.drop_running_headers) internal::DropLostPageNumbers(p.lines);
    internal::FoldBlankLines(p.lines);
    all_lines.insert(all_lines.end(), p.lines.begin(), p.lines.end());
  }
  const double document_full_line = internal::FullLineLength(all_lines, 0);

  // Per page: joined lines, and the first and last source lines, which decide
  // whether a sentence runs on across the page break.
  struct Assembled {
    std::string text;
    std::string first, last;
    double full_line = 0;
    bool restored = false;
  };
  std::vector<Assembled> assembled(pages.size());
  bool header_seen = false;
  for (size_t k = 0; k < pages.size(); ++k) {
    const std::vector<std::string>& lines = pages[k].lines;
    Assembled& a = assembled[k];
    if (lines.empty()) continue;
    a.first = lines.front();
    a.last = lines.back();
    // A page's own measure, unless it is shorter than the document's: a page
    // of short lines (an annex laid out cell by cell, a list of recipients)
    // would otherwise take its longest cells for full lines and run the cells
    // together ("Nội dung công việc" + "Tổ"). A wider page (a landscape annex)
    // keeps its own.
    a.full_line = std::max(internal::FullLineLength(lines, document_full_line), document_full_line);
    int header_end = -1;
    if (!header_seen) {
      header_end = internal::HeaderBlockEnd(lines);
      header_seen = true;
    }
    a.text = JoinLines(options.join_broken_lines
                           ? internal::JoinBrokenLines(lines, header_end, a.full_line)
                           : lines);
    if (options.restorer) {
      SyllableCount n = CountSyllables(a.text);
      a.restored = n.syllables >= options.restore_min_syllables &&
                   n.accented < options.restore_below_share * n.syllables;
    }
  }
  if (options.restorer) RestorePages(assembled, options);

  NormalizedText out;
  for (size_t k = 0; k < pages.size(); ++k) {
    if (k > 0) {
      const Assembled& before = assembled[k - 1];
      Join join = Join::kNone;
      if (options.join_broken_lines && !before.last.empty() && !assembled[k].first.empty())
        join = internal::DecideJoin(before.last, assembled[k].first, before.full_line, false);
      out.text += join == Join::kSpace ? " " : join == Join::kTight ? "" : "\f";
    }
    PageSpan span;
    span.number = pages[k].number;
    span.begin = out.text.size();
    out.text += assembled[k].text;
    span.end = out.text.size();
    span.restored = assembled[k].restored;
    out.pages.push_back(span);
  }
  return out;
}

std::string NormalizeFragment(std::string_view text) {
  return CleanText(text, /*split_columns=*/false, /*canonical_tones=*/true);
}

double AccentedShare(std::string_view text) {
  SyllableCount n = CountSyllables(text);
  return n.syllables == 0 ? 0.0 : static_cast<double>(n.accented) / n.syllables;
}

}  // namespace vanban::normalize
