// Reading order from word boxes; the rules are in reading_order.h.
#include "ingest/reading_order.h"

#include <algorithm>
#include <cmath>

namespace vanban::ingest::internal {
namespace {

// A run of words on one row with no column gap inside.
struct Segment {
  std::vector<int> words;  // indices into the boxes, sorted by x
  double x0 = 0, x1 = 0;
};

struct Row {
  std::vector<Segment> segments;  // left to right
  double y0 = 0, y1 = 0;          // union of the words' boxes
  double height = 0;              // tallest word: the row's line height
  bool TwoColumn() const { return segments.size() == 2; }
};

// Consecutive rows read either one line per row, or as a two-column band.
struct Block {
  bool band = false;
  bool header = false;  // the header block (rule 4)
  std::vector<int> rows;
  double gutter_lo = 0, gutter_hi = 0;  // band only: free space between the columns
};

double Em(const Word& w) {
  // Font size when the text layer gives one; otherwise a box is about 1.3 em
  // tall in the fonts of the seeds (ascent + descent of Liberation Serif).
  return w.font_size > 0 ? w.font_size : w.box.height() / 1.3;
}

enum class Side { kLeft, kRight, kCrosses };

Side SideOf(const Segment& s, double lo, double hi) {
  bool left = s.x1 <= hi, right = s.x0 >= lo;
  if (left && right) return (s.x0 + s.x1) / 2 < (lo + hi) / 2 ? Side::kLeft : Side::kRight;
  if (left) return Side::kLeft;
  if (right) return Side::kRight;
  return Side::kCrosses;
}

class Orderer {
 public:
  Orderer(std::vector<TextBox> boxes, double page_height, const ReadingOrderOptions& options)
      : boxes_(std::move(boxes)), page_height_(page_height), options_(options) {}

  OrderedPage Run() {
    BuildRows();
    BuildBlocks();
    for (size_t b = 0; b < blocks_.size(); ++b) Emit(b);
    return std::move(out_);
  }

 private:
  const Box& BoxOf(int i) const { return boxes_[i].word.box; }

  void BuildRows() {
    std::vector<int> order(boxes_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      if (BoxOf(a).cy() != BoxOf(b).cy()) return BoxOf(a).cy() < BoxOf(b).cy();
      return BoxOf(a).x0 < BoxOf(b).x0;
    });
    // A row is compared through the box of its first word, so that a row
    // cannot creep downwards one overlapping word at a time.
    std::vector<std::vector<int>> members;
    std::vector<Box> anchors;
    for (int i : order) {
      const Box& b = BoxOf(i);
      if (!anchors.empty()) {
        const Box& a = anchors.back();
        double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
        double smaller = std::max(1e-6, std::min(a.height(), b.height()));
        if (overlap >= options_.same_row_overlap * smaller) {
          members.back().push_back(i);
          continue;
        }
      }
      members.push_back({i});
      anchors.push_back(b);
    }
    for (auto& m : members) {
      std::stable_sort(m.begin(), m.end(), [&](int a, int b) { return BoxOf(a).x0 < BoxOf(b).x0; });
      Row row;
      row.y0 = BoxOf(m[0]).y0;
      row.y1 = BoxOf(m[0]).y1;
      for (int i : m) {
        const Box& b = BoxOf(i);
        row.y0 = std::min(row.y0, b.y0);
        row.y1 = std::max(row.y1, b.y1);
        row.height = std::max(row.height, b.height());
        bool split = false;
        if (!row.segments.empty()) {
          const Segment& s = row.segments.back();
          double em = std::max(Em(boxes_[s.words.back()].word), Em(boxes_[i].word));
          split = b.x0 - s.x1 > options_.column_gap_em * em;
        }
        if (row.segments.empty() || split) row.segments.push_back(Segment{{}, b.x0, b.x1});
        Segment& s = row.segments.back();
        s.words.push_back(i);
        s.x0 = std::min(s.x0, b.x0);
        s.x1 = std::max(s.x1, b.x1);
      }
      rows_.push_back(std::move(row));
    }
  }

  bool BigGap(int upper, int lower) const {
    const Row& a = rows_[upper];
    const Row& b = rows_[lower];
    return b.y0 - a.y1 > options_.band_break_lines * std::min(a.height, b.height);
  }

  void BuildBlocks() {
    bool open = false;  // blocks_.back() is a band still taking rows
    for (int r = 0; r < static_cast<int>(rows_.size()); ++r) {
      const Row& row = rows_[r];
      bool big = r > 0 && BigGap(r - 1, r);
      if (row.TwoColumn()) {
        double lo = row.segments[0].x1, hi = row.segments[1].x0;
        if (open && !big && lo < blocks_.back().gutter_hi && hi > blocks_.back().gutter_lo) {
          Block& band = blocks_.back();
          band.rows.push_back(r);
          band.gutter_lo = std::max(band.gutter_lo, lo);
          band.gutter_hi = std::min(band.gutter_hi, hi);
          continue;
        }
        Block band{true, false, {r}, lo, hi};
        // One-segment rows just above, on one side of the gutter, belong to
        // the band: "KT. HIỆU TRƯỞNG" above the "Nơi nhận:" row.
        while (!blocks_.empty() && !blocks_.back().band) {
          int above = blocks_.back().rows[0];
          if (rows_[above].segments.size() != 1 || BigGap(above, band.rows[0]) ||
              SideOf(rows_[above].segments[0], lo, hi) == Side::kCrosses) {
            break;
          }
          band.rows.insert(band.rows.begin(), above);
          blocks_.pop_back();
        }
        blocks_.push_back(std::move(band));
        open = true;
        continue;
      }
      if (open && !big && row.segments.size() == 1 &&
          SideOf(row.segments[0], blocks_.back().gutter_lo, blocks_.back().gutter_hi) != Side::kCrosses) {
        blocks_.back().rows.push_back(r);
        continue;
      }
      blocks_.push_back(Block{false, false, {r}, 0, 0});
      open = false;
    }
    MarkHeader();
  }

  // The page's first band, when it starts in the top third, is the header
  // block; a band right below it whose gutter lines up (the "Số" row after
  // the space left for the rules) belongs to it.
  void MarkHeader() {
    auto first = std::find_if(blocks_.begin(), blocks_.end(), [](const Block& b) { return b.band; });
    if (!options_.header_block || first == blocks_.end() || rows_[first->rows[0]].y0 >= page_height_ / 3)
      return;
    first->header = true;
    while (first + 1 != blocks_.end() && first[1].band && first[1].gutter_lo < first->gutter_hi &&
           first[1].gutter_hi > first->gutter_lo) {
      first->rows.insert(first->rows.end(), first[1].rows.begin(), first[1].rows.end());
      first->gutter_lo = std::max(first->gutter_lo, first[1].gutter_lo);
      first->gutter_hi = std::min(first->gutter_hi, first[1].gutter_hi);
      blocks_.erase(first + 1);
    }
  }

  // Appends one line made of `words` (sorted by x).
  void EmitLine(const std::vector<int>& words) {
    if (words.empty()) return;
    int line = line_count_++;
    if (line > 0) out_.text += '\n';
    for (size_t k = 0; k < words.size(); ++k) {
      const TextBox& cur = boxes_[words[k]];
      if (k > 0) {
        const TextBox& prev = boxes_[words[k - 1]];
        double gap = cur.word.box.x0 - prev.word.box.x1;
        double em = std::max(Em(prev.word), Em(cur.word));
        if (prev.space_after || gap > options_.space_gap_em * em) out_.text += ' ';
      }
      out_.text += cur.word.text;
      Word w = cur.word;
      w.line = line;
      out_.words.push_back(std::move(w));
    }
  }

  std::vector<int> PartOf(int r, Side side, const Block& band) const {
    const Row& row = rows_[r];
    if (row.TwoColumn()) return row.segments[side == Side::kLeft ? 0 : 1].words;
    if (SideOf(row.segments[0], band.gutter_lo, band.gutter_hi) == side) return row.segments[0].words;
    return {};
  }

  void EmitColumns(const Block& band, size_t begin, size_t end) {
    for (Side side : {Side::kLeft, Side::kRight}) {
      for (size_t k = begin; k < end; ++k) EmitLine(PartOf(band.rows[k], side, band));
    }
  }

  void Emit(size_t b) {
    const Block& block = blocks_[b];
    if (!block.band) {
      std::vector<int> words;
      for (const Segment& s : rows_[block.rows[0]].segments)
        words.insert(words.end(), s.words.begin(), s.words.end());
      EmitLine(words);
      return;
    }
    size_t n = block.rows.size();
    if (!block.header) {
      EmitColumns(block, 0, n);
      return;
    }
    // Rule 4's exception: the "Số" row is the first two-column row with two
    // lines or more above it in each column.
    int left = 0, right = 0;
    for (size_t k = 0; k < n; ++k) {
      if (rows_[block.rows[k]].TwoColumn() && left >= 2 && right >= 2) {
        EmitColumns(block, 0, k);
        EmitLine(rows_[block.rows[k]].segments[0].words);
        EmitLine(rows_[block.rows[k]].segments[1].words);
        EmitColumns(block, k + 1, n);
        return;
      }
      left += !PartOf(block.rows[k], Side::kLeft, block).empty();
      right += !PartOf(block.rows[k], Side::kRight, block).empty();
    }
    EmitColumns(block, 0, n);
  }

  std::vector<TextBox> boxes_;
  double page_height_;
  ReadingOrderOptions options_;
  std::vector<Row> rows_;
  std::vector<Block> blocks_;
  OrderedPage out_;
  int line_count_ = 0;
};

}  // namespace

OrderedPage OrderWords(std::vector<TextBox> boxes, double page_height, const ReadingOrderOptions& options) {
  // Boxes without text (Poppler reports a few for spaces in some PDFs) would
  // only make empty words.
  std::erase_if(boxes, [](const TextBox& b) {
    return b.word.text.find_first_not_of(" \t\r\n\f") == std::string::npos;
  });
  return Orderer(std::move(boxes), page_height, options).Run();
}

}  // namespace vanban::ingest::internal
