// Task tables from word boxes: text-layer PDF words and OCR words alike.
//
// 1. Visual lines: words clustered by vertical centre.
// 2. Header: the line naming TT and at least two other columns (RoleOfHeader),
//    with the lines just above and below it that continue wrapped header cells
//    ("Thời gian" / "hoàn thành"). Header words split into cells at wide gaps;
//    cells of different lines that overlap in x are one column.
// 3. Column bounds: ruling lines when the page has them (scans, Leptonica),
//    each column then named by the header words between its rules;
//    otherwise the gutters of the table body — x ranges no body word covers.
//    Headers are centred while cells are left-aligned, so the midpoint between
//    two header cells would cut the content column ("1" at x=101, "Nội dung"
//    at 201, the content text at 129): the gutter between them is where
//    nothing is printed, at 113–129.
// 4. Rows: a number in the TT column starts a row, a Roman numeral a group
//    row; every other line continues the row above, cell by cell, so
//    multi-line cells join in reading order.
// 5. The table ends at a wide vertical gap (a page number, the signature) or
//    at "Nơi nhận"/"Trên đây"; a table that runs off the page carries its
//    columns to the next page, which may continue without a header row.
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "extract/table_tasks.h"
#include "normalize/normalize.h"

namespace vanban::extract::internal {
namespace {

struct VLine {
  std::vector<const Word*> words;  // left to right
  Box box;
  std::string text;
};

Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// Whether a vertical rule runs within a stroke's width of the box's sides.
bool NextToRule(const Page& page, const Box& box) {
  const double near = std::max(4.0, box.height() / 2);
  for (const Rule& r : page.rules) {
    if (r.box.height() < 2 * box.height() || r.box.width() > box.height()) continue;
    if (r.box.y0 > box.y1 || r.box.y1 < box.y0) continue;
    if (std::abs(r.box.cx() - box.x0) <= near || std::abs(r.box.cx() - box.x1) <= near) return true;
  }
  return false;
}

// OCR reads the table's ruling lines as "|", "_", "—" glued to words ("4|",
// "5__", "|_"): those characters are cut from word edges, and words made only
// of them dropped. Text layers keep their words as they are, except a bare "|".
std::vector<Word> CleanWords(const Page& page) {
  std::vector<Word> out;
  const bool ocr = page.source == PageSource::kOcr;
  // Not "-": a hyphen is text ("2025 - 2026", "2025-" over "2026").
  const std::string_view edge = ocr ? "|_=~'`\"" : "|";
  for (Word w : page.words) {
    std::string_view t = w.text;
    auto is_edge = [&](char c) { return edge.find(c) != std::string_view::npos; };
    // Multi-byte dashes and quotes: compare whole sequences at the edges.
    bool changed = true;
    while (changed && !t.empty()) {
      changed = false;
      for (std::string_view junk : {std::string_view("\u2014"), std::string_view("\u2013"), std::string_view("\u201c"),
                                    std::string_view("\u201d")}) {
        if (!ocr) break;
        if (t.size() >= junk.size() && t.substr(0, junk.size()) == junk) t.remove_prefix(junk.size()), changed = true;
        if (t.size() >= junk.size() && t.substr(t.size() - junk.size()) == junk) t.remove_suffix(junk.size()), changed = true;
      }
      if (!t.empty() && static_cast<unsigned char>(t.front()) < 0x80 && is_edge(t.front())) t.remove_prefix(1), changed = true;
      if (!t.empty() && static_cast<unsigned char>(t.back()) < 0x80 && is_edge(t.back())) t.remove_suffix(1), changed = true;
    }
    t = TrimSpaces(t);
    if (t.empty() || w.box.height() <= 0) continue;
    // Tesseract keeps a sentence's own punctuation inside the word before it;
    // a word of nothing but dots, commas, colons is specks ("ban . hành",
    // "báo cáo -: UBND"). A lone hyphen is a dash ("2025 - 2026").
    if (ocr && t != "-" && t.find_first_not_of(".,;:'`-") == std::string_view::npos) continue;
    // A rule read as a letter beside it ("Công đoàn l", the cell's right rule).
    if (ocr && (t == "l" || t == "I" || t == "1") && NextToRule(page, w.box)) continue;
    w.text = std::string(t);
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<VLine> GroupLines(const std::vector<Word>& cleaned) {
  std::vector<const Word*> words;
  for (const Word& w : cleaned) words.push_back(&w);
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) { return a->box.cy() < b->box.cy(); });
  std::vector<VLine> lines;
  for (const Word* w : words) {
    if (!lines.empty()) {
      VLine& l = lines.back();
      double cy = (l.box.y0 + l.box.y1) / 2;
      double tol = 0.5 * std::min(w->box.height(), l.box.height());
      if (std::abs(w->box.cy() - cy) <= tol) {
        l.words.push_back(w);
        l.box = Union(l.box, w->box);
        continue;
      }
    }
    VLine l;
    l.words.push_back(w);
    l.box = w->box;
    lines.push_back(std::move(l));
  }
  for (VLine& l : lines) {
    std::sort(l.words.begin(), l.words.end(), [](const Word* a, const Word* b) { return a->box.x0 < b->box.x0; });
    for (const Word* w : l.words) {
      if (!l.text.empty()) l.text += ' ';
      l.text += w->text;
    }
  }
  return lines;
}

// Words of a line split at gaps wider than `gap`.
struct Phrase {
  Box box;
  std::string text;
  int line = 0;
};
std::vector<Phrase> Phrases(const VLine& l, int line_index, double gap) {
  std::vector<Phrase> out;
  for (const Word* w : l.words) {
    if (!out.empty() && w->box.x0 - out.back().box.x1 <= gap) {
      out.back().box = Union(out.back().box, w->box);
      out.back().text += " " + w->text;
      continue;
    }
    out.push_back(Phrase{w->box, w->text, line_index});
  }
  return out;
}

bool IsRowNumber(std::string_view t) {
  static const RE2 kNumber(R"(^\d{1,3}(?:\.\d{1,2})*\.?$)");
  return RE2::FullMatch(re2::StringPiece(t.data(), t.size()), kNumber);
}

std::string StripDot(std::string s) {
  while (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Group labels as OCR reads them ("HI" for III, "L" for I, "HH" for II);
// digits ("1", "11") are row numbers, not groups.
std::string GroupLabel(std::string_view t) {
  const std::string s = StripDot(std::string(TrimSpaces(t)));
  if (s.find_first_not_of("0123456789") == std::string::npos) return std::string();
  return OcrRoman(s);
}

bool IsGroupLabel(std::string_view t) { return !GroupLabel(t).empty(); }

// A group row whose Roman numeral OCR read as a number ("1 Hạ tầng và thiết
// bị" for "I"): a numbered line with nothing but its name, directly followed
// by a row 1, where it cannot itself be a row — it repeats 1, or breaks the
// count of the rows before it.
bool IsMisreadGroup(const std::vector<std::vector<std::string>>& line_cells, size_t at, int no_col, int last_no) {
  const std::string tt = StripDot(std::string(TrimSpaces(line_cells[at][no_col])));
  if (tt.find('.') != std::string::npos || OcrRoman(tt).empty()) return false;
  int filled = 0;
  for (size_t c = 0; c < line_cells[at].size(); ++c)
    filled += static_cast<int>(c) != no_col && !TrimSpaces(line_cells[at][c]).empty();
  if (filled != 1 || at + 1 >= line_cells.size()) return false;
  const std::string next = StripDot(std::string(TrimSpaces(line_cells[at + 1][no_col])));
  if (next != "1") return false;
  const int number = std::stoi(tt);
  return number == 1 || number != last_no + 1;
}

bool EndsTable(const std::string& text) {
  static const RE2 kEnd(R"(^(?i:Nơi nhận|Trên đây))");
  return RE2::PartialMatch(text, kEnd);
}

int ColumnOf(const std::vector<double>& bounds, double x) {
  for (size_t i = 0; i + 1 < bounds.size(); ++i)
    if (x >= bounds[i] && x < bounds[i + 1]) return static_cast<int>(i);
  return -1;
}

struct Header {
  size_t first = 0, last = 0;  // line range of the header band
  std::vector<Phrase> cells;   // one per column, left to right (merged across lines)
  std::vector<ColumnRole> roles;
};

std::optional<Header> FindHeader(const std::vector<VLine>& lines, double h) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::vector<Phrase> ph = Phrases(lines[i], static_cast<int>(i), 0.8 * h);
    bool no = false, content = false;
    int others = 0;
    for (const Phrase& p : ph) {
      ColumnRole r = RoleOfHeader(p.text);
      no |= r == ColumnRole::kNo;
      content |= r == ColumnRole::kContent;
      others += r == ColumnRole::kLead || r == ColumnRole::kSupport || r == ColumnRole::kDue || r == ColumnRole::kOutput;
    }
    if (!no || !content || others < 1) continue;

    Header hd;
    hd.first = hd.last = i;
    auto starts_row = [&](const VLine& l) {
      return IsRowNumber(l.words.front()->text) || IsGroupLabel(l.words.front()->text);
    };
    while (hd.first > 0 && lines[hd.first].box.y0 - lines[hd.first - 1].box.y1 <= 0.6 * h &&
           !starts_row(lines[hd.first - 1]))
      --hd.first;
    while (hd.last + 1 < lines.size() && lines[hd.last + 1].box.y0 - lines[hd.last].box.y1 <= 0.6 * h &&
           !starts_row(lines[hd.last + 1]))
      ++hd.last;

    // Header cells, merged across the band's lines where they overlap in x.
    std::vector<Phrase> cells;
    for (size_t k = hd.first; k <= hd.last; ++k) {
      for (Phrase& p : Phrases(lines[k], static_cast<int>(k), 0.8 * h)) {
        int hit = -1, hits = 0;
        for (size_t c = 0; c < cells.size(); ++c) {
          bool overlap = p.box.x0 < cells[c].box.x1 && cells[c].box.x0 < p.box.x1;
          if (overlap && cells[c].line != p.line) {
            hit = static_cast<int>(c);
            ++hits;
          }
        }
        if (hits == 1) {
          cells[hit].box = Union(cells[hit].box, p.box);
          cells[hit].text += " " + p.text;
        } else {
          cells.push_back(p);
        }
      }
    }
    std::sort(cells.begin(), cells.end(), [](const Phrase& a, const Phrase& b) { return a.box.cx() < b.box.cx(); });
    for (const Phrase& c : cells) hd.roles.push_back(RoleOfHeader(c.text));
    hd.cells = std::move(cells);
    return hd;
  }
  return std::nullopt;
}

// Lines of the table body: from `from` until a wide gap or the closing part.
size_t BodyEnd(const std::vector<VLine>& lines, size_t from, double h, bool* ran_off) {
  *ran_off = true;
  for (size_t i = from; i < lines.size(); ++i) {
    if (EndsTable(lines[i].text) ||
        (i > from && lines[i].box.y0 - lines[i - 1].box.y1 > 2.5 * h)) {
      *ran_off = false;
      return i;
    }
  }
  return lines.size();
}

std::vector<double> ColumnBounds(const Page& page, const std::vector<VLine>& lines, size_t from, size_t to,
                                 const std::vector<Phrase>& cells, double h) {
  // Vertical rules crossing the header, when the page has rules.
  std::vector<double> verticals;
  double header_cy = cells.empty() ? 0 : cells.front().box.cy();
  for (const Rule& r : page.rules)
    if (r.box.height() > 3 * h && r.box.width() < h && r.box.y0 <= header_cy + h && r.box.y1 >= header_cy - h)
      verticals.push_back(r.box.cx());
  std::sort(verticals.begin(), verticals.end());

  // Coverage of the body by words, per unit of x.
  double x_min = std::numeric_limits<double>::max(), x_max = 0;
  for (size_t i = from; i < to; ++i) {
    x_min = std::min(x_min, lines[i].box.x0);
    x_max = std::max(x_max, lines[i].box.x1);
  }
  std::vector<std::pair<double, double>> gutters;
  if (to > from && x_max > x_min) {
    size_t n = static_cast<size_t>(std::ceil(x_max - x_min)) + 1;
    std::vector<int> cover(n, 0);
    for (size_t i = from; i < to; ++i) {
      std::vector<char> hit(n, 0);
      for (const Word* w : lines[i].words) {
        size_t a = static_cast<size_t>(std::max(0.0, w->box.x0 - x_min));
        size_t b = std::min(n, static_cast<size_t>(std::ceil(w->box.x1 - x_min)));
        for (size_t x = a; x < b; ++x) hit[x] = 1;
      }
      for (size_t x = 0; x < n; ++x) cover[x] += hit[x];
    }
    // One stray line (a group heading running over two cells) may cross a gutter.
    int tolerance = (to - from) >= 10 ? 1 : 0;
    size_t x = 0;
    while (x < n) {
      if (cover[x] > tolerance) {
        ++x;
        continue;
      }
      size_t y = x;
      while (y < n && cover[y] <= tolerance) ++y;
      gutters.push_back({x_min + x, x_min + y});
      x = y;
    }
  }

  std::vector<double> bounds{-std::numeric_limits<double>::infinity()};
  for (size_t c = 0; c + 1 < cells.size(); ++c) {
    double a = cells[c].box.cx(), b = cells[c + 1].box.cx();
    double cut = std::numeric_limits<double>::quiet_NaN();
    for (double v : verticals)
      if (v > a && v < b) cut = v;
    if (std::isnan(cut)) {
      double widest = -1;
      for (const auto& [g0, g1] : gutters) {
        double mid = (g0 + g1) / 2;
        if (mid > a && mid < b && g1 - g0 > widest) {
          widest = g1 - g0;
          cut = mid;
        }
      }
    }
    if (std::isnan(cut)) cut = (cells[c].box.x1 + cells[c + 1].box.x0) / 2;
    bounds.push_back(cut);
  }
  bounds.push_back(std::numeric_limits<double>::infinity());
  return bounds;
}

// Columns from the vertical rules that cross the header band, each column's
// header the band's words between two rules. Preferred to header phrases when
// the page is ruled: OCR may run two narrow header cells together ("Đơn »
// eeTnU |BL/2M)," for "Đơn vị chủ" and "Đơn vị phối") where the rule between
// them still stands. False when fewer than four rules cross the band or the
// columns so found do not name TT and the content.
bool ColumnsFromRules(const Page& page, const std::vector<VLine>& lines, const Header& hd, double h,
                      TableColumns* out) {
  Box band = lines[hd.first].box;
  for (size_t k = hd.first; k <= hd.last; ++k) band = Union(band, lines[k].box);
  std::vector<double> xs;
  for (const Rule& r : page.rules)
    if (r.box.height() > 3 * h && r.box.width() < h && r.box.y0 <= band.y1 && r.box.y1 >= band.y0)
      xs.push_back(r.box.cx());
  std::sort(xs.begin(), xs.end());
  std::vector<double> rules;  // a thick rule may be found twice
  for (double x : xs)
    if (rules.empty() || x - rules.back() > h / 2) rules.push_back(x);
  if (rules.size() < 4) return false;

  std::vector<double> bounds{-std::numeric_limits<double>::infinity()};
  bounds.insert(bounds.end(), rules.begin(), rules.end());
  bounds.push_back(std::numeric_limits<double>::infinity());
  std::vector<std::string> names(bounds.size() - 1);
  for (size_t k = hd.first; k <= hd.last; ++k) {
    for (const Word* w : lines[k].words) {
      int c = ColumnOf(bounds, w->box.cx());
      if (c < 0) continue;
      if (!names[c].empty()) names[c] += ' ';
      names[c] += w->text;
    }
  }
  std::vector<ColumnRole> roles;
  for (const std::string& n : names) roles.push_back(RoleOfHeader(n));
  if (std::count(roles.begin(), roles.end(), ColumnRole::kNo) != 1 ||
      std::count(roles.begin(), roles.end(), ColumnRole::kContent) == 0)
    return false;
  out->bounds = std::move(bounds);
  out->roles = std::move(roles);
  return true;
}

// The words of lines [from, to), one string per column of `columns`.
std::vector<std::vector<std::string>> CellsByColumn(const std::vector<VLine>& lines, size_t from, size_t to,
                                                   const TableColumns& columns) {
  std::vector<std::vector<std::string>> out;
  for (size_t i = from; i < to; ++i) {
    std::vector<std::string> cells(columns.roles.size());
    for (const Word* w : lines[i].words) {
      int c = ColumnOf(columns.bounds, w->box.cx());
      if (c < 0 || c >= static_cast<int>(cells.size())) continue;
      if (!cells[c].empty()) cells[c] += ' ';
      cells[c] += w->text;
    }
    out.push_back(std::move(cells));
  }
  return out;
}

// Groups count up: a label not above the one before is OCR's loss of a
// stroke ("II" for the third group) and takes the next numeral.
std::string NextGroupLabel(const std::string& before, const std::string& seen) {
  const int previous = RomanValue(before);
  return previous > 0 && RomanValue(seen) <= previous ? RomanNumeral(previous + 1) : seen;
}

}  // namespace

std::vector<TaskRow> TasksFromBoxes(const Page& page, TableColumns* carry) {
  std::vector<TaskRow> rows;
  const std::vector<Word> words = CleanWords(page);
  std::vector<VLine> lines = GroupLines(words);
  if (lines.empty()) return rows;
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.box.height());
  const double h = Median(heights);

  size_t body_from = 0;
  std::optional<Header> header = FindHeader(lines, h);
  if (header) {
    body_from = header->last + 1;
    bool ran_off = false;
    size_t body_to = BodyEnd(lines, body_from, h, &ran_off);
    TableColumns fresh;
    if (!ColumnsFromRules(page, lines, *header, h, &fresh)) {
      fresh.bounds = ColumnBounds(page, lines, body_from, body_to, header->cells, h);
      fresh.roles = header->roles;
    }
    *carry = std::move(fresh);
  } else if (!carry->open) {
    return rows;
  }
  bool ran_off = false;
  size_t body_to = BodyEnd(lines, body_from, h, &ran_off);

  int no_col = -1;
  for (size_t c = 0; c < carry->roles.size(); ++c)
    if (carry->roles[c] == ColumnRole::kNo) no_col = static_cast<int>(c);
  if (no_col < 0) return rows;

  struct Building {
    TaskRow row;
    std::vector<std::string> cells;
    int number = 0;
    std::string group_label;
  };
  std::vector<Building> built;
  const std::vector<std::vector<std::string>> line_cells = CellsByColumn(lines, body_from, body_to, *carry);
  bool in_group_heading = false;
  std::string* group_text = nullptr;
  for (size_t i = body_from; i < body_to; ++i) {
    const VLine& l = lines[i];
    const std::vector<std::string>& cells = line_cells[i - body_from];
    std::string tt = std::string(TrimSpaces(cells[no_col]));
    std::string label = GroupLabel(tt);
    if (label.empty() && IsRowNumber(tt) && IsMisreadGroup(line_cells, i - body_from, no_col, carry->last_no))
      label = OcrRoman(StripDot(tt));
    if (!label.empty()) {
      std::string name;
      for (size_t c = 0; c < cells.size(); ++c)
        if (static_cast<int>(c) != no_col && !cells[c].empty()) name += (name.empty() ? "" : " ") + cells[c];
      carry->group = name;
      carry->group_label = NextGroupLabel(carry->group_label, label);
      in_group_heading = true;
      group_text = &carry->group;
      continue;
    }
    if (IsRowNumber(tt)) {
      in_group_heading = false;
      Building b;
      b.cells = cells;
      b.cells[no_col].clear();
      std::string n = StripDot(tt);
      b.number = n.find('.') == std::string::npos ? std::stoi(n) : 0;
      if (b.number > 0 && carry->last_no > 0 && b.number <= carry->last_no) carry->restarts = true;
      if (b.number > 0) carry->last_no = b.number;
      b.row.no = n;
      b.row.group = carry->group;
      b.group_label = carry->group_label;
      b.row.confidence = 0.9;
      b.row.where.page = page.number;
      b.row.box = l.box;
      built.push_back(std::move(b));
      continue;
    }
    if (in_group_heading && group_text != nullptr) {
      // A group heading wrapped over two lines.
      *group_text += " " + l.text;
      continue;
    }
    if (built.empty()) continue;  // before the first row: page number, running header
    Building& b = built.back();
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].empty()) continue;
      if (!b.cells[c].empty()) b.cells[c] += ' ';
      b.cells[c] += cells[c];
    }
    b.row.box = Union(*b.row.box, l.box);
  }
  carry->open = ran_off && body_to == lines.size();

  // A header cell OCR could not read ("Thời gian hoàn thành" → "BH, Tang")
  // leaves its column unnamed; when the table has no due column and most of
  // the unnamed column's cells read like due times, it is the due column.
  if (std::find(carry->roles.begin(), carry->roles.end(), ColumnRole::kDue) == carry->roles.end()) {
    for (size_t c = 0; c < carry->roles.size(); ++c) {
      if (carry->roles[c] != ColumnRole::kUnknown) continue;
      int filled = 0, due = 0;
      for (const Building& b : built) {
        if (TrimSpaces(b.cells[c]).empty()) continue;
        ++filled;
        due += LooksLikeDue(TrimSpaces(b.cells[c]));
      }
      if (filled >= 2 && due * 10 >= filled * 6) {
        carry->roles[c] = ColumnRole::kDue;
        break;
      }
    }
  }
  for (Building& b : built) {
    // Cells come from the page's words, not from the normalized text: they
    // are normalized here the same way (NFC, one tone placement, syllables
    // OCR glued together split: "Ban giámhiệu").
    for (size_t c = 0; c < b.cells.size(); ++c)
      if (static_cast<int>(c) != no_col) SetCell(&b.row, carry->roles[c], normalize::NormalizeFragment(b.cells[c]));
    b.row.group = normalize::NormalizeFragment(b.row.group);
    if (carry->restarts && !b.group_label.empty() && b.row.no) b.row.no = b.group_label + "." + *b.row.no;
    rows.push_back(std::move(b.row));
  }
  return rows;
}

}  // namespace vanban::extract::internal
