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
