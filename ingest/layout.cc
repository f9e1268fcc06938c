#include "ingest/layout.h"

#include <algorithm>
#include <cmath>

namespace vanban::ingest::internal {
namespace {

struct Segment {  // a text line, or the part of one on one side of a column gap
  std::vector<OcrWord> words;
  Box box;
  size_t line = 0;  // index of the Tesseract line it comes from
};

struct Group {  // lines read together: a header column, or a Tesseract block
  std::vector<Segment> segments;
};

Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

bool OverlapsVertically(const Box& a, const Box& b) {
  const double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return overlap > 0.5 * std::min(a.height(), b.height());
}

// The header band (khu vực tiêu đề) at the top of a page: rows of one or two
// segments, left and right of a common split. Tesseract often puts a left
// column line in the same block as the body below it and the right column in
// blocks of its own, so the band is found from rows, not from Tesseract's
// blocks. Returns the left and right columns (empty when the page has no
// band) and marks the Tesseract lines they took in `taken`.
std::vector<Group> FindHeaderBand(const std::vector<Segment>& all, double page_height,
                                  double line_height, std::vector<bool>* taken) {
  std::vector<size_t> by_top(all.size());
  for (size_t i = 0; i < all.size(); ++i) by_top[i] = i;
  std::stable_sort(by_top.begin(), by_top.end(),
                   [&](size_t a, size_t b) { return all[a].box.y0 < all[b].box.y0; });
  std::vector<std::vector<size_t>> rows;
  for (size_t i : by_top) {
    if (!rows.empty() && OverlapsVertically(all[rows.back().front()].box, all[i].box)) {
      rows.back().push_back(i);
    } else {
      rows.push_back({i});
    }
  }
  for (auto& row : rows) {
    std::sort(row.begin(), row.end(), [&](size_t a, size_t b) { return all[a].box.x0 < all[b].box.x0; });
  }
  // A header line has words; a lone ":" or "~" is scanner dirt.
  auto is_text = [&](size_t i) { return all[i].words.size() >= 2; };
  if (rows.empty() || rows[0].size() != 2 || !is_text(rows[0][0]) || !is_text(rows[0][1])) return {};
  const double split = (all[rows[0][0]].box.x1 + all[rows[0][1]].box.x0) / 2;
  // The band ends at the first row that crosses the split, has more than two
  // parts (a table) or stands apart by a blank line (the title "KẾ HOẠCH"
  // below the header), and never reaches past the top third of the page.
  size_t end = 0;
  int two_sided = 0;
  double bottom = all[rows[0][0]].box.y1;
  for (; end < rows.size(); ++end) {
    const auto& row = rows[end];
    double top = all[row.front()].box.y0;
    for (size_t i : row) top = std::min(top, all[i].box.y0);
    if (row.size() > 2 || top > page_height / 3 || top - bottom > 2 * line_height) break;
    bool crosses = false;
    for (size_t i : row) crosses |= all[i].box.x0 < split && all[i].box.x1 > split;
    if (crosses) break;
    if (row.size() == 2) {
      if (all[row[0]].box.x1 > split || all[row[1]].box.x0 < split) break;
      if (is_text(row[0]) && is_text(row[1])) ++two_sided;
    }
    for (size_t i : row) bottom = std::max(bottom, all[i].box.y1);
  }
  if (two_sided < 2) return {};
  std::vector<Group> band(2);
  for (size_t r = 0; r < end; ++r) {
    for (size_t i : rows[r]) {
      band[all[i].box.cx() < split ? 0 : 1].segments.push_back(all[i]);
      (*taken)[all[i].line] = true;
    }
  }
  return band;
}

}  // namespace

void BuildReadingOrder(std::vector<OcrWord> words, Page* page) {
  page->words.clear();
  page->text.clear();
  page->ocr_confidence = -1;
  if (words.empty()) return;

  // Tesseract's lines, in its reading order.
  std::vector<Segment> lines;
  std::vector<int> line_block;
  for (OcrWord& w : words) {
    if (lines.empty() || lines.back().words.front().line != w.line) {
      lines.push_back(Segment{{}, w.box, lines.size()});
      line_block.push_back(w.block);
    }
    lines.back().box = Union(lines.back().box, w.box);
    lines.back().words.push_back(std::move(w));
  }
  std::vector<double> heights;
  for (const Segment& s : lines) heights.push_back(s.box.height());
  const double line_height = std::max(1.0, Median(heights));

  // Justified body text leaves at most ~1 line height between words; the two
  // header columns are ~10 apart. A gap over 2.5 line heights splits a line
  // in which Tesseract has joined both columns.
  const double column_gap = 2.5 * line_height;
  std::vector<Segment> segments;
  for (const Segment& line : lines) {
    Segment current{{}, line.box, line.line};
    for (const OcrWord& w : line.words) {
      if (!current.words.empty() && w.box.x0 - current.box.x1 > column_gap) {
        segments.push_back(std::move(current));
        current = Segment{{}, w.box, line.line};
      }
      current.box = current.words.empty() ? w.box : Union(current.box, w.box);
      current.words.push_back(w);
    }
    segments.push_back(std::move(current));
  }

  std::vector<bool> taken(lines.size(), false);
  std::vector<Group> order = FindHeaderBand(segments, page->height, line_height, &taken);

  // Below the header, lines top to bottom, and lines side by side (a row:
  // "Nơi nhận:" and "HIỆU TRƯỞNG") left to right, as the text-layer path
  // reads them. Tesseract's own block order is not used: on the corpus scans
  // it moves a short line hanging at the left margin ("tăng", alone on its
  // line) into a block of its own read after the paragraph (CER 1.46% against
  // 0.51% on 002.scan300).
  std::vector<size_t> rest;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!taken[i]) rest.push_back(i);
  }
  // A line is placed by its first segment: where Tesseract joins a Nơi nhận
  // item to the signature column's "(Đã ký)" higher up, the whole line's
  // centre would move the item above the one printed before it.
  std::vector<Box> placed(lines.size());
  std::vector<bool> seen(lines.size(), false);
  for (const Segment& s : segments) {
    if (seen[s.line]) continue;
    seen[s.line] = true;
    placed[s.line] = s.box;
  }
  std::stable_sort(rest.begin(), rest.end(),
                   [&](size_t a, size_t b) { return placed[a].cy() < placed[b].cy(); });
  for (size_t r = 0; r < rest.size();) {
    size_t end = r + 1;
    while (end < rest.size() && OverlapsVertically(placed[rest[r]], placed[rest[end]])) ++end;
    std::stable_sort(rest.begin() + r, rest.begin() + end,
                     [&](size_t a, size_t b) { return lines[a].box.x0 < lines[b].box.x0; });
    r = end;
  }
  // A new group wherever consecutive lines come from different Tesseract blocks.
  for (size_t k = 0; k < rest.size(); ++k) {
    const size_t i = rest[k];
    if (k == 0 || line_block[i] != line_block[rest[k - 1]]) order.push_back(Group{});
    order.back().segments.push_back(std::move(lines[i]));
  }

  double confidence_sum = 0;
  int line_index = 0, block_index = 0;
  for (Group& group : order) {
    if (group.segments.empty()) continue;
    for (Segment& s : group.segments) {
      if (!page->text.empty()) page->text += '\n';
      for (size_t k = 0; k < s.words.size(); ++k) {
        OcrWord& w = s.words[k];
        if (k > 0) page->text += ' ';
        page->text += w.text;
        confidence_sum += w.confidence;
        Word out;
        out.text = std::move(w.text);
        out.box = w.box;
        out.confidence = w.confidence;
        out.block = block_index;
        out.line = line_index;
        page->words.push_back(std::move(out));
      }
      ++line_index;
    }
    ++block_index;
  }
  page->ocr_confidence = confidence_sum / page->words.size();
}

}  // namespace vanban::ingest::internal
