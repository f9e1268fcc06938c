#include "ingest/layout.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace vanban::ingest::internal {
namespace {

struct Segment {  // a text line, or the part of one on one side of a column gap
  std::vector<OcrWord> words;
  Box box;
  int block = 0;
  int column = 0;
};

struct Group {  // the segments of one block in one column
  std::vector<Segment> segments;
  Box box;
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

// The header band (khu vực tiêu đề) at the top of a page: rows of at most two
// segments, one left and one right of a common split. Tesseract often puts a
// left column line in the same block as the body below it and the right
// column in blocks of its own, so the band is found from the rows, not from
// Tesseract's blocks. Moves the band's segments out of `segments` into a left
// and a right group; returns no groups when the page has no such band.
std::vector<Group> TakeHeaderBand(std::vector<Segment>* segments, double page_height,
                                  double line_height) {
  std::vector<Segment>& all = *segments;
  std::vector<size_t> by_top(all.size());
  for (size_t i = 0; i < all.size(); ++i) by_top[i] = i;
  std::stable_sort(by_top.begin(), by_top.end(),
                   [&](size_t a, size_t b) { return all[a].box.y0 < all[b].box.y0; });
  // Rows: segments overlapping vertically, left to right.
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
  if (rows.empty() || rows[0].size() != 2) return {};
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
    for (size_t i : row) bottom = std::max(bottom, all[i].box.y1);
    bool crosses = false;
    for (size_t i : row) crosses |= all[i].box.x0 < split && all[i].box.x1 > split;
    if (crosses) break;
    if (row.size() == 2) {
      if (all[row[0]].box.x1 > split || all[row[1]].box.x0 < split) break;
      ++two_sided;
    }
  }
  if (two_sided < 2) return {};
  std::vector<Group> band(2);
  std::vector<bool> taken(all.size(), false);
  for (size_t r = 0; r < end; ++r) {
    for (size_t i : rows[r]) {
      Group& g = band[all[i].box.cx() < split ? 0 : 1];
      g.box = g.segments.empty() ? all[i].box : Union(g.box, all[i].box);
      g.segments.push_back(all[i]);
      taken[i] = true;
    }
  }
  std::vector<Segment> rest;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!taken[i]) rest.push_back(std::move(all[i]));
  }
  all = std::move(rest);
  if (band[1].segments.empty()) band.pop_back();
  if (band[0].segments.empty()) band.erase(band.begin());
  return band;
}

}  // namespace

void BuildReadingOrder(std::vector<OcrWord> words, Page* page) {
  page->words.clear();
  page->text.clear();
  page->ocr_confidence = -1;
  if (words.empty()) return;

  // Tesseract's lines, in its order.
  std::vector<Segment> lines;
  for (OcrWord& w : words) {
    if (lines.empty() || lines.back().words.front().line != w.line) {
      lines.push_back(Segment{});
      lines.back().block = w.block;
      lines.back().box = w.box;
    }
    lines.back().box = Union(lines.back().box, w.box);
    lines.back().words.push_back(std::move(w));
  }
  std::vector<double> heights;
  for (const Segment& s : lines) heights.push_back(s.box.height());
  const double line_height = std::max(1.0, Median(heights));

  // Justified body text leaves at most ~1 line height between words; the two
  // header columns are ~10 apart. A gap over 2.5 line heights is a column gap
  // when Tesseract has put both columns in one line.
  const double column_gap = 2.5 * line_height;
  std::vector<Segment> segments;
  std::map<int, std::vector<double>> gaps_by_block;  // x of each column gap
  for (Segment& line : lines) {
    Segment current;
    current.block = line.block;
    for (OcrWord& w : line.words) {
      if (!current.words.empty() && w.box.x0 - current.box.x1 > column_gap) {
        gaps_by_block[line.block].push_back((current.box.x1 + w.box.x0) / 2);
        segments.push_back(std::move(current));
        current = Segment{};
        current.block = line.block;
      }
      current.box = current.words.empty() ? w.box : Union(current.box, w.box);
      current.words.push_back(std::move(w));
    }
    segments.push_back(std::move(current));
  }

  std::vector<Group> header = TakeHeaderBand(&segments, page->height, line_height);

  // Column of each segment within its block: how many column gaps lie left of it.
  std::map<int, std::vector<double>> boundaries;
  for (auto& [block, gaps] : gaps_by_block) {
    std::sort(gaps.begin(), gaps.end());
    std::vector<double>& cuts = boundaries[block];
    for (double g : gaps) {
      if (cuts.empty() || g - cuts.back() > 3 * line_height) cuts.push_back(g);
    }
  }
  std::map<std::pair<int, int>, size_t> group_of;
  std::vector<Group> groups;
  for (Segment& s : segments) {
    auto cuts = boundaries.find(s.block);
    if (cuts != boundaries.end()) {
      for (double c : cuts->second) s.column += s.box.cx() > c ? 1 : 0;
    }
    auto key = std::make_pair(s.block, s.column);
    auto [it, inserted] = group_of.emplace(key, groups.size());
    if (inserted) groups.push_back(Group{{}, s.box});
    Group& g = groups[it->second];
    g.box = Union(g.box, s.box);
    g.segments.push_back(std::move(s));
  }

  // Bands: groups side by side (overlapping vertically by more than half a
  // line) are read left to right, each whole; bands top to bottom.
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.box.y0 < b.box.y0; });
  std::vector<Group*> order;
  for (Group& g : header) order.push_back(&g);
  for (size_t i = 0; i < groups.size();) {
    size_t end = i + 1;
    double band_bottom = groups[i].box.y1;
    while (end < groups.size() && groups[end].box.y0 < band_bottom - line_height / 2) {
      band_bottom = std::max(band_bottom, groups[end].box.y1);
      ++end;
    }
    std::vector<Group*> band;
    for (size_t k = i; k < end; ++k) band.push_back(&groups[k]);
    std::stable_sort(band.begin(), band.end(),
                     [](const Group* a, const Group* b) { return a->box.x0 < b->box.x0; });
    order.insert(order.end(), band.begin(), band.end());
    i = end;
  }

  double confidence_sum = 0;
  int line_index = 0;
  for (size_t block = 0; block < order.size(); ++block) {
    for (Segment& s : order[block]->segments) {
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
        out.block = static_cast<int>(block);
        out.line = line_index;
        page->words.push_back(std::move(out));
      }
      ++line_index;
    }
  }
  page->ocr_confidence = confidence_sum / page->words.size();
}

}  // namespace vanban::ingest::internal
