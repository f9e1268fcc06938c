// vanban-layout: lays out a sample plan written in the corpus markup
// (corpus/plans/*.plan, described in corpus/README.md) on A4 pages the way a
// school or Phòng/Sở secretary would in Word, and renders it
//   --pdf OUT   as a text-layer PDF (cairo PDF surface, fonts embedded), and/or
//   --scan OUT  as an image-only PDF that looks like a scanned print-out:
//               every page rasterised at --dpi (300 by default), turned by a
//               small angle, grey paper with speckle, no text layer.
//
// The page geometry follows Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins
// top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times-like serif
// (Liberation Serif is metric-compatible with Times New Roman) at 13–14 pt;
// the two-column header block (cơ quan | Quốc hiệu, tiêu ngữ), the số/ký hiệu
// and the địa danh, ngày tháng on one row, Nơi nhận and the signature side by
// side at the end, page numbers from page 2 on.
//
// Output is deterministic: the layout does not depend on the target surface
// (metrics hinting is off), the PDF creation date is fixed, and the scan noise
// comes from a generator seeded with --seed. Regenerating gives the same bytes.
//
// Exit codes: 0 ok, 1 bad usage, 2 cannot read or parse the plan, 3 cannot
// write an output.

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr double kMm = 72.0 / 25.4;  // points per millimetre
constexpr double kA4W = 210 * kMm;
constexpr double kA4H = 297 * kMm;
// Nghị định 30/2020, Phụ lục I, mục II.1: lề trên 20–25 mm, lề dưới 20–25 mm,
// lề trái 30–35 mm, lề phải 15–20 mm.
constexpr double kTop = 20 * kMm;
constexpr double kBottom = 20 * kMm;
constexpr double kLeft = 30 * kMm;
constexpr double kRight = 15 * kMm;
constexpr const char* kFamily = "Liberation Serif";
constexpr double kBodySize = 14;
constexpr double kFirstIndent = 10 * kMm;  // "lùi đầu dòng 1 cm"
constexpr double kParaAfter = 6;           // "cách đoạn 6pt"
constexpr double kLineSpacing = 1.08;
constexpr double kCellPadY = 2.0;

// ---------------------------------------------------------------- markup

struct Cell {
  std::string text;
};

enum class BlockKind {
  kPara,       // justified paragraph, first-line indent
  kHeading,    // bold (level 1–2) or bold italic (3), first-line indent
  kCentered,   // centred line(s)
  kPageBreak,  // new page, optional orientation change
  kSpace,      // vertical space in points
  kTable,      // ruled table
  kClose,      // Nơi nhận + signature block
  kTo,         // "Kính gửi:" block of a công văn
};

struct Row {
  bool header = false;
  bool group = false;  // "I | Cải cách thể chế": first cell, then one merged cell
  std::vector<std::string> cells;
};

struct Block {
  BlockKind kind = BlockKind::kPara;
  std::string text;
  int level = 0;
  bool bold = false;
  bool italic = false;
  double size = kBodySize;
  bool indent = true;
  bool landscape = false;
  double space = 0;
  std::vector<double> widths;  // table column widths, relative
  std::vector<Row> rows;
  std::vector<std::string> lines;  // kTo

  explicit Block(BlockKind k, std::string t = "") : kind(k), text(std::move(t)) {}
};

struct Plan {
  std::string parent, issuer, number, vv, date;
  std::vector<std::string> kind_and_title;  // centred bold lines under the header
  bool pageno_top = true;
  std::vector<std::string> recipients;
  std::vector<std::string> sign_titles;
  std::string signer;
  std::string sign_note = "(Đã ký)";
  std::vector<Block> blocks;
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> SplitCells(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    out.push_back(Trim(s.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

bool ParsePlan(const std::string& path, Plan* plan, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  std::string line;
  int line_no = 0;
  Block* table = nullptr;
  Block* to = nullptr;
  while (std::getline(in, line)) {
    ++line_no;
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    std::string dir, arg;
    if (t[0] == '.') {
      size_t sp = t.find(' ');
      dir = t.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
      arg = sp == std::string::npos ? "" : Trim(t.substr(sp + 1));
    }
    auto fail = [&](const std::string& what) {
      *error = path + ":" + std::to_string(line_no) + ": " + what;
      return false;
    };
    if (table) {
      if (dir == "endtable") {
        table = nullptr;
      } else if (dir == "th" || dir == "tr" || dir == "tg") {
        Row row;
        row.header = dir == "th";
        row.group = dir == "tg";
        row.cells = SplitCells(arg);
        size_t want = row.group ? 2 : table->widths.size();
        if (row.cells.size() != want) return fail("row has " + std::to_string(row.cells.size()) +
                                                  " cells, expected " + std::to_string(want));
        table->rows.push_back(row);
      } else {
        return fail("inside .table only .th .tr .tg .endtable");
      }
      continue;
    }
    if (to && dir != "to") to = nullptr;
    if (dir == "parent") plan->parent = arg;
    else if (dir == "issuer") plan->issuer = arg;
    else if (dir == "number") plan->number = arg;
    else if (dir == "vv") plan->vv = arg;
    else if (dir == "date") plan->date = arg;
    else if (dir == "title") plan->kind_and_title.push_back(arg);
    else if (dir == "pageno") plan->pageno_top = arg != "bottom";
    else if (dir == "recipient") plan->recipients.push_back(arg);
    else if (dir == "sign") plan->sign_titles.push_back(arg);
    else if (dir == "signer") plan->signer = arg;
    else if (dir == "signnote") plan->sign_note = arg;
    else if (dir == "close") plan->blocks.push_back(Block(BlockKind::kClose));
    else if (dir == "to") {
      if (!to) {
        plan->blocks.push_back(Block(BlockKind::kTo));
        to = &plan->blocks.back();
      }
      to->lines.push_back(arg);
    } else if (dir == "h1" || dir == "h2" || dir == "h3") {
      Block b(BlockKind::kHeading, arg);
      b.level = dir[1] - '0';
      b.bold = true;
      b.italic = b.level == 3;
      plan->blocks.push_back(b);
    } else if (dir == "p" || dir == "pi" || dir == "pn") {
      Block b(BlockKind::kPara, arg);
      b.italic = dir == "pi";
      b.indent = dir != "pn";
      plan->blocks.push_back(b);
    } else if (dir == "c" || dir == "cb" || dir == "ci" || dir == "cs") {
      // c: centred plain, cb: bold, ci: italic, cs: small italic (13 pt)
      Block b(BlockKind::kCentered, arg);
      b.bold = dir == "cb";
      b.italic = dir == "ci" || dir == "cs";
      if (dir == "cs") b.size = 13;
      plan->blocks.push_back(b);
    } else if (dir == "pagebreak") {
      Block b(BlockKind::kPageBreak);
      b.landscape = arg == "landscape";
      plan->blocks.push_back(b);
    } else if (dir == "space") {
      Block b(BlockKind::kSpace);
      b.space = std::atof(arg.c_str());
      plan->blocks.push_back(b);
    } else if (dir == "table") {
      Block b(BlockKind::kTable);
      std::istringstream ws(arg);
      double w;
      while (ws >> w) b.widths.push_back(w);
      if (b.widths.size() < 2) return fail(".table needs column widths");
      plan->blocks.push_back(b);
      table = &plan->blocks.back();
    } else if (!dir.empty()) {
      return fail("unknown directive ." + dir);
    } else {
      plan->blocks.push_back(Block(BlockKind::kPara, t));
    }
  }
  if (table) {
    *error = path + ": .table without .endtable";
    return false;
  }
  return true;
}

// Inline markup: **bold**, __italic__; everything else is escaped for Pango.
std::string ToPangoMarkup(const std::string& s) {
  std::string out;
  bool bold = false, italic = false;
  size_t i = 0;
  while (i < s.size()) {
    if (s.compare(i, 2, "**") == 0) {
      out += bold ? "</b>" : "<b>";
      bold = !bold;
      i += 2;
    } else if (s.compare(i, 2, "__") == 0) {
      out += italic ? "</i>" : "<i>";
      italic = !italic;
      i += 2;
    } else {
      size_t next = i;
      while (next < s.size() && s.compare(next, 2, "**") != 0 && s.compare(next, 2, "__") != 0) ++next;
      char* esc = g_markup_escape_text(s.data() + i, static_cast<gssize>(next - i));
      out += esc;
      g_free(esc);
      i = next;
    }
  }
  if (italic) out += "</i>";
  if (bold) out += "</b>";
  return out;
}

// ---------------------------------------------------------------- layout

// One PangoLayout, shared by the draw operations that show its lines.
using LayoutPtr = std::shared_ptr<PangoLayout>;

LayoutPtr Own(PangoLayout* l) {
  return LayoutPtr(l, [](PangoLayout* p) { g_object_unref(p); });
}

struct Page {
  bool landscape = false;
  std::vector<std::function<void(cairo_t*)>> ops;
  double width() const { return landscape ? kA4H : kA4W; }
  double height() const { return landscape ? kA4W : kA4H; }
};

struct TextStyle {
  explicit TextStyle(double s = kBodySize, bool b = false, bool i = false) : size(s), bold(b), italic(i) {}
  double size = kBodySize;
  bool bold = false;
  bool italic = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  bool justify = false;
  double indent = 0;
  double spacing = kLineSpacing;
};

class Layouter {
 public:
  Layouter() {
    fontmap_ = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(fontmap_), 72);
    context_ = pango_font_map_create_context(fontmap_);
    // Same metrics on the PDF and on the raster surfaces, whatever the scale.
    cairo_font_options_t* fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, fo);
    cairo_font_options_destroy(fo);
    WarnIfFontMissing();
  }
  // Pango falls back silently to another serif; the pages would then break
  // elsewhere than in the committed PDFs.
  void WarnIfFontMissing() {
    PangoFontDescription* want = pango_font_description_from_string(kFamily);
    pango_font_description_set_size(want, static_cast<int>(kBodySize * PANGO_SCALE));
    PangoFont* font = pango_font_map_load_font(fontmap_, context_, want);
    if (font) {
      PangoFontDescription* got = pango_font_describe(font);
      const char* family = pango_font_description_get_family(got);
      if (!family || std::strcmp(family, kFamily) != 0)
        std::cerr << "vanban-layout: warning: font \"" << kFamily << "\" not found (using \""
                  << (family ? family : "?") << "\"); install fonts-liberation2, or the layout "
                  << "will differ from the committed PDFs\n";
      pango_font_description_free(got);
      g_object_unref(font);
    }
    pango_font_description_free(want);
  }

  ~Layouter() {
    g_object_unref(context_);
    g_object_unref(fontmap_);
  }

  LayoutPtr Make(const std::string& text, double width, const TextStyle& st) {
    LayoutPtr l = Own(pango_layout_new(context_));
    PangoFontDescription* fd = pango_font_description_new();
    pango_font_description_set_family(fd, kFamily);
    pango_font_description_set_size(fd, static_cast<int>(st.size * PANGO_SCALE));
    pango_font_description_set_weight(fd, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, st.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l.get(), fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), st.align);
    pango_layout_set_justify(l.get(), st.justify);
    pango_layout_set_indent(l.get(), static_cast<int>(st.indent * PANGO_SCALE));
    pango_layout_set_line_spacing(l.get(), static_cast<float>(st.spacing));
    pango_layout_set_markup(l.get(), ToPangoMarkup(text).c_str(), -1);
    return l;
  }

 private:
  PangoFontMap* fontmap_;
  PangoContext* context_;
};

double Height(const LayoutPtr& l) {
  int w, h;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}
double InkWidth(const LayoutPtr& l) {
  PangoRectangle ink, logical;
  pango_layout_get_extents(l.get(), &ink, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

void ShowAt(cairo_t* cr, const LayoutPtr& l, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, l.get());
}

void Line(cairo_t* cr, double x0, double y0, double x1, double y1, double w) {
  cairo_set_line_width(cr, w);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
}

class Composer {
 public:
  Composer(const Plan& plan) : plan_(plan) { NewPage(false); }

  std::vector<Page> Run() {
    Header();
    for (const Block& b : plan_.blocks) Place(b);
    PageNumbers();
    return std::move(pages_);
  }

 private:
  Page& page() { return pages_.back(); }
  double Left() const { return kLeft; }
  double TextWidth() { return page().width() - kLeft - kRight; }
  double Bottom() { return page().height() - kBottom; }

  void NewPage(bool landscape) {
    Page p;
    p.landscape = landscape;
    pages_.push_back(std::move(p));
    y_ = kTop;
  }

  void Add(std::function<void(cairo_t*)> op) { page().ops.push_back(std::move(op)); }

  // Header block (Phụ lục I, ô 1–5): left column the cơ quan chủ quản and the
  // cơ quan ban hành with a short rule under it, then "Số: …" (and "V/v …" in
  // a công văn); right column Quốc hiệu and Tiêu ngữ with a full-width rule,
  // then the italic địa danh, ngày tháng on the row of the số.
  void Header() {
    const double width = TextWidth();
    const double left_w = width * 0.40 + 8 * kMm;
    const double left_x = Left() - 12 * kMm;
    const double right_x = Left() + width * 0.38;
    const double right_w = width * 0.62 + 4 * kMm;
    TextStyle c13(13);
    c13.align = PANGO_ALIGN_CENTER;
    TextStyle c13b = c13;
    c13b.bold = true;
    TextStyle c14b = c13b;
    c14b.size = 14;
    TextStyle c14i(14);
    c14i.align = PANGO_ALIGN_CENTER;
    c14i.italic = true;

    double yl = y_;
    if (!plan_.parent.empty()) {
      auto l = layouter_.Make(plan_.parent, left_w, c13);
      double yy = yl;
      Add([=](cairo_t* cr) { ShowAt(cr, l, left_x, yy); });
      yl += Height(l);
    }
    auto issuer = layouter_.Make(plan_.issuer, left_w, c13b);
    {
      double yy = yl;
      Add([=](cairo_t* cr) { ShowAt(cr, issuer, left_x, yy); });
      yl += Height(issuer) + 2.5;
      double rule = std::min(InkWidth(issuer) * 0.45, left_w * 0.4);
      double cx = left_x + left_w / 2;
      double ry = yl;
      Add([=](cairo_t* cr) { Line(cr, cx - rule / 2, ry, cx + rule / 2, ry, 0.6); });
    }
    auto motto1 = layouter_.Make("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_w, c13b);
    auto motto2 = layouter_.Make("Độc lập - Tự do - Hạnh phúc", right_w, c14b);
    double yr = y_;
    {
      double y1 = yr, y2 = yr + Height(motto1);
      Add([=](cairo_t* cr) {
        ShowAt(cr, motto1, right_x, y1);
        ShowAt(cr, motto2, right_x, y2);
      });
      yr = y2 + Height(motto2) + 2.5;
      double rule = InkWidth(motto2);
      double cx = right_x + right_w / 2;
      double ry = yr;
      Add([=](cairo_t* cr) { Line(cr, cx - rule / 2, ry, cx + rule / 2, ry, 0.6); });
    }
    double row = std::max(yl, yr) + 9;
    auto number = layouter_.Make(plan_.number, left_w, c13);
    auto date = layouter_.Make(plan_.date, right_w, c14i);
    Add([=](cairo_t* cr) {
      ShowAt(cr, number, left_x, row);
      ShowAt(cr, date, right_x, row);
    });
    y_ = row + std::max(Height(number), Height(date));
    if (!plan_.vv.empty()) {
      TextStyle vv(12);
      vv.align = PANGO_ALIGN_CENTER;
      auto l = layouter_.Make(plan_.vv, left_w - 10 * kMm, vv);
      double yy = y_ + 2;
      Add([=](cairo_t* cr) { ShowAt(cr, l, left_x + 5 * kMm, yy); });
      y_ = yy + Height(l);
    }
    y_ += 18;
    for (size_t i = 0; i < plan_.kind_and_title.size(); ++i) {
      TextStyle st = c14b;
      if (i == 0) st.size = 15;  // tên loại văn bản, slightly larger
      auto l = layouter_.Make(plan_.kind_and_title[i], width, st);
      double yy = y_;
      double x = Left();
      Add([=](cairo_t* cr) { ShowAt(cr, l, x, yy); });
      y_ += Height(l);
    }
    if (!plan_.kind_and_title.empty()) {
      // The short rule under the trích yếu.
      double cx = Left() + width / 2, ry = y_ + 6;
      Add([=](cairo_t* cr) { Line(cr, cx - 18 * kMm, ry, cx + 18 * kMm, ry, 0.6); });
      y_ += 18;
    }
  }

  // Places the lines of a layout one by one, moving to a new page when the
  // next line would cross the bottom margin (Word's widow control is off).
  void Flow(const LayoutPtr& l, double x) {
    struct LineBox {
      PangoLayoutLine* line;
      double x, top, height, baseline;
    };
    std::vector<LineBox> boxes;
    PangoLayoutIter* it = pango_layout_get_iter(l.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      boxes.push_back({pango_layout_iter_get_line_readonly(it),
                       x + static_cast<double>(logical.x) / PANGO_SCALE,
                       static_cast<double>(logical.y) / PANGO_SCALE,
                       static_cast<double>(logical.height) / PANGO_SCALE,
                       static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    for (size_t i = 0; i < boxes.size(); ++i) {
      const LineBox& b = boxes[i];
      // The advance to the next line includes the line spacing.
      double step = i + 1 < boxes.size() ? boxes[i + 1].top - b.top : b.height;
      if (y_ + b.height > Bottom()) NewPage(page().landscape);
      double by = y_ + (b.baseline - b.top);
      LayoutPtr keep = l;  // the line belongs to the layout
      PangoLayoutLine* line = b.line;
      double lx = b.x;
      Add([keep, line, lx, by](cairo_t* cr) {
        cairo_move_to(cr, lx, by);
        pango_cairo_show_layout_line(cr, line);
      });
      y_ += step;
    }
  }

  void Place(const Block& b) {
    const double width = TextWidth();
    switch (b.kind) {
      case BlockKind::kPara:
      case BlockKind::kHeading: {
        TextStyle st(b.size, b.bold, b.italic);
        st.justify = true;
        st.indent = b.indent ? kFirstIndent : 0;
        auto l = layouter_.Make(b.text, width, st);
        if (b.kind == BlockKind::kHeading) {
          // Keep a heading with at least two lines of what follows.
          double line = b.size * 1.35;
          if (y_ + Height(l) + 2 * line > Bottom()) NewPage(page().landscape);
          y_ += 2;
        }
        para_page_ = pages_.size();
        para_op_ = page().ops.size();
        para_y_ = y_;
        Flow(l, Left());
        y_ += kParaAfter;
        break;
      }
      case BlockKind::kCentered: {
        TextStyle st(b.size, b.bold, b.italic);
        st.align = PANGO_ALIGN_CENTER;
        auto l = layouter_.Make(b.text, width, st);
        Flow(l, Left());
        y_ += 2;
        break;
      }
      case BlockKind::kTo: {
        // "Kính gửi:" then the addressees, aligned after the label.
        TextStyle st(14);
        auto label = layouter_.Make("Kính gửi:", width, st);
        double label_w = InkWidth(label) + 3 * kMm;
        double x0 = Left() + 25 * kMm;
        double yy = y_;
        Add([=](cairo_t* cr) { ShowAt(cr, label, x0, yy); });
        for (const std::string& s : b.lines) {
          auto l = layouter_.Make(s, width - 25 * kMm - label_w, st);
          double y1 = y_;
          Add([=](cairo_t* cr) { ShowAt(cr, l, x0 + label_w, y1); });
          y_ += Height(l);
        }
        y_ += 10;
        break;
      }
      case BlockKind::kPageBreak:
        NewPage(b.landscape);
        break;
      case BlockKind::kSpace:
        y_ += b.space;
        break;
      case BlockKind::kTable:
        Table(b);
        break;
      case BlockKind::kClose:
        Close();
        break;
    }
  }

  // A ruled table (0.5 pt grid). A row never splits across pages; a group row
  // ("I | Cải cách thể chế") puts its numeral in the first column and its
  // heading in one cell merged over the others.
  struct LaidRow {
    std::vector<std::pair<LayoutPtr, double>> cells;  // layout, x
    std::vector<double> edges;                         // vertical rules
    double content_h = 0, height = 0;
    bool header = false;
  };

  LaidRow MakeRow(const Row& r, const std::vector<double>& cols, double size) {
    const double pad_x = 1.6 * kMm;
    LaidRow out;
    out.header = r.header;
    double x = Left();
    for (size_t i = 0; i < r.cells.size(); ++i) {
      double cw = cols[i];
      if (r.group && i == 1) {
        cw = 0;
        for (size_t k = 1; k < cols.size(); ++k) cw += cols[k];
      }
      TextStyle st(size);
      st.spacing = 1.0;
      st.bold = r.header || r.group;
      // TT and the short columns are centred; the task text is left-aligned.
      bool centred = r.header || i == 0 || (!r.group && i >= 2);
      st.align = centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
      auto l = layouter_.Make(r.cells[i], cw - 2 * pad_x, st);
      out.cells.push_back({l, x + pad_x});
      out.content_h = std::max(out.content_h, Height(l));
      out.edges.push_back(x);
      x += cw;
    }
    out.edges.push_back(x);
    out.height = out.content_h + 2 * kCellPadY + 2;
    return out;
  }

  // A ruled table (0.5 pt grid). A row never splits across pages, and a group
  // row ("I | Cải cách thể chế": numeral in the first column, heading in one
  // cell merged over the others) moves to the next page with its first task
  // row rather than stay alone at the foot of a page.
  void Table(const Block& b) {
    const double width = TextWidth();
    double total = 0;
    for (double w : b.widths) total += w;
    std::vector<double> cols;
    for (double w : b.widths) cols.push_back(width * w / total);
    const double size = page().landscape ? 13 : 12;
    std::vector<LaidRow> rows;
    for (const Row& r : b.rows) rows.push_back(MakeRow(r, cols, size));
    y_ += 4;
    for (size_t i = 0; i < rows.size(); ++i) {
      const LaidRow& r = rows[i];
      double need = r.height;
      if ((b.rows[i].group || b.rows[i].header) && i + 1 < rows.size()) need += rows[i + 1].height;
      if (y_ + need > Bottom()) NewPage(page().landscape);
      const double top = y_, h = r.height, left = Left(), right = r.edges.back();
      for (const auto& [l, cx] : r.cells) {
        // Header cells are centred vertically, body cells start at the top.
        double cy = top + kCellPadY + 1 + (r.header ? (r.content_h - Height(l)) / 2 : 0);
        LayoutPtr cell = l;
        double x = cx;
        Add([cell, x, cy](cairo_t* cr) { ShowAt(cr, cell, x, cy); });
      }
      std::vector<double> edges = r.edges;
      Add([left, right, top, h, edges](cairo_t* cr) {
        Line(cr, left, top, right, top, 0.5);
        Line(cr, left, top + h, right, top + h, 0.5);
        for (double e : edges) Line(cr, e, top, e, top + h, 0.5);
      });
      y_ += h;
    }
    y_ += 8;
  }

  // Nơi nhận (left, 12 pt, label bold italic 12 pt, items 11 pt) beside the
  // signature (right, quyền hạn and chức vụ bold 14 pt, space for the
  // signature and seal, then the name bold).
  void Close() {
    const double width = TextWidth();
    const double left_w = width * 0.48;
    const double right_w = width * 0.52;
    const double right_x = Left() + width * 0.48;
    TextStyle lab(12, true, true);
    lab.spacing = 1.0;
    TextStyle item(11);
    item.spacing = 1.0;
    TextStyle sign(14, true);
    sign.align = PANGO_ALIGN_CENTER;
    sign.spacing = 1.0;
    TextStyle note(13, false, true);
    note.align = PANGO_ALIGN_CENTER;

    std::vector<LayoutPtr> left{layouter_.Make("Nơi nhận:", left_w, lab)};
    for (const std::string& r : plan_.recipients) left.push_back(layouter_.Make(r, left_w, item));
    std::vector<std::pair<LayoutPtr, double>> right;  // layout, gap before
    for (const std::string& t : plan_.sign_titles) right.push_back({layouter_.Make(t, right_w, sign), 0});
    right.push_back({layouter_.Make(plan_.sign_note, right_w, note), 14});
    right.push_back({layouter_.Make(plan_.signer, right_w, sign), 38});
    double lh = 0, rh = 0;
    for (auto& l : left) lh += Height(l);
    for (auto& [l, gap] : right) rh += Height(l) + gap;
    double need = std::max(lh, rh) + 8;
    if (y_ + need > Bottom()) {
      // The signature never stands alone on a page: the last paragraph, if it
      // sits whole on this page, goes over with it.
      bool whole = para_page_ == pages_.size() && para_op_ > 0;
      std::vector<std::function<void(cairo_t*)>> moved;
      double moved_h = 0;
      if (whole) {
        auto& ops = page().ops;
        moved.assign(ops.begin() + static_cast<std::ptrdiff_t>(para_op_), ops.end());
        ops.resize(para_op_);
        moved_h = y_ - para_y_;
      }
      double from = para_y_;
      NewPage(page().landscape);
      for (auto& op : moved) {
        double dy = y_ - from;
        Add([op, dy](cairo_t* cr) {
          cairo_save(cr);
          cairo_translate(cr, 0, dy);
          op(cr);
          cairo_restore(cr);
        });
      }
      y_ += moved_h;
    }
    double y0 = y_ + 6;
    double yy = y0;
    for (auto& l : left) {
      double at = yy;
      double x0 = Left();
      Add([=](cairo_t* cr) { ShowAt(cr, l, x0, at); });
      yy += Height(l);
    }
    double ry = y0;
    for (auto& [l, gap] : right) {
      ry += gap;
      double at = ry;
      Add([=, l = l](cairo_t* cr) { ShowAt(cr, l, right_x, at); });
      ry += Height(l);
    }
    y_ = y0 + need;
  }

  // Số trang (Phụ lục I, mục II.11): Arabic numerals, 13–14 pt, centred in
  // the top margin (or at the bottom), not on the first page.
  void PageNumbers() {
    TextStyle st(13);
    st.align = PANGO_ALIGN_CENTER;
    for (size_t i = 1; i < pages_.size(); ++i) {
      Page& p = pages_[i];
      auto l = layouter_.Make(std::to_string(i + 1), p.width(), st);
      double y = plan_.pageno_top ? 9 * kMm : p.height() - 12 * kMm;
      p.ops.insert(p.ops.begin(), [=](cairo_t* cr) { ShowAt(cr, l, 0, y); });
    }
  }

  const Plan& plan_;
  Layouter layouter_;
  std::vector<Page> pages_;
  double y_ = 0;
  // Where the last paragraph started: page count, op index, y.
  size_t para_page_ = 0, para_op_ = 0;
  double para_y_ = 0;
};

// ---------------------------------------------------------------- output

void DrawPage(cairo_t* cr, const Page& p) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const auto& op : p.ops) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    op(cr);
  }
  cairo_restore(cr);
}

void FixMetadata(cairo_surface_t* s, const std::string& title) {
  // A fixed date keeps regenerated files byte-identical.
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2026-03-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, "2026-03-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "vanban-layout");
  if (!title.empty()) cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title.c_str());
}

bool WritePdf(const std::vector<Page>& pages, const std::string& out, const std::string& title) {
  cairo_surface_t* s = cairo_pdf_surface_create(out.c_str(), kA4W, kA4H);
  FixMetadata(s, title);
  cairo_t* cr = cairo_create(s);
  for (const Page& p : pages) {
    cairo_pdf_surface_set_size(s, p.width(), p.height());
    DrawPage(cr, p);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(s);
  bool ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(s);
  return ok;
}

// Deterministic uniform in [0, 1): std::uniform_real_distribution may differ
// between standard libraries, mt19937 itself does not.
struct Rng {
  std::mt19937 gen;
  explicit Rng(uint32_t seed) : gen(seed) {}
  double U() { return gen() / 4294967296.0; }
};

// A print-out that went through an office scanner: the page turned by a small
// angle, paper a little grey, toner a little uneven, dust specks. The image is
// kept grey-only so cairo stores it as an 8-bit DeviceGray Flate image; the
// paper is a single grey level and the ink is quantised to 16 levels, which
// keeps Flate effective (noise on every pixel would triple the size).
bool WriteScan(const std::vector<Page>& pages, const std::string& out, double dpi, uint32_t seed,
               const std::string& title) {
  cairo_surface_t* s = cairo_pdf_surface_create(out.c_str(), kA4W, kA4H);
  FixMetadata(s, title);
  cairo_t* pcr = cairo_create(s);
  Rng rng(seed);
  for (const Page& p : pages) {
    const double scale = dpi / 72.0;
    const int w = static_cast<int>(std::lround(p.width() * scale));
    const int h = static_cast<int>(std::lround(p.height() * scale));
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    // ±0.5–1.5°, sign and size from the generator.
    double deg = 0.5 + rng.U();
    if (rng.U() < 0.5) deg = -deg;
    double dx = (rng.U() - 0.5) * 4 * kMm, dy = (rng.U() - 0.5) * 4 * kMm;
    cairo_translate(cr, w / 2.0, h / 2.0);
    cairo_rotate(cr, deg * M_PI / 180);
    cairo_translate(cr, -w / 2.0, -h / 2.0);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, dx, dy);
    DrawPage(cr, p);
    cairo_destroy(cr);
    cairo_surface_flush(img);

    unsigned char* data = cairo_image_surface_get_data(img);
    const int stride = cairo_image_surface_get_stride(img);
    const int paper = 246;
    for (int yy = 0; yy < h; ++yy) {
      auto* row = reinterpret_cast<uint32_t*>(data + yy * stride);
      for (int xx = 0; xx < w; ++xx) {
        int g = row[xx] & 0xff;  // black text on white: R = G = B
        int v;
        if (g >= 250) {
          v = paper;
        } else {
          // Toner: darkness scaled to the paper, a little unevenness.
          double ink = (255 - g) / 255.0;
          double t = paper - ink * (paper - 25) + (rng.U() - 0.5) * 40 * ink;
          v = std::clamp(static_cast<int>(t) & ~0x0f, 0, paper);
        }
        row[xx] = 0xff000000u | (v << 16) | (v << 8) | v;
      }
    }
    // Dust and toner specks: a few hundred small dark dots per page.
    int specks = 150 + static_cast<int>(rng.U() * 150);
    for (int k = 0; k < specks; ++k) {
      int cx = static_cast<int>(rng.U() * w), cy = static_cast<int>(rng.U() * h);
      int r = rng.U() < 0.85 ? 1 : 2;
      int v = static_cast<int>(40 + rng.U() * 120) & ~0x0f;
      for (int yy = std::max(0, cy - r); yy <= std::min(h - 1, cy + r); ++yy) {
        auto* row = reinterpret_cast<uint32_t*>(data + yy * stride);
        for (int xx = std::max(0, cx - r); xx <= std::min(w - 1, cx + r); ++xx) {
          if ((xx - cx) * (xx - cx) + (yy - cy) * (yy - cy) <= r * r)
            row[xx] = 0xff000000u | (v << 16) | (v << 8) | v;
        }
      }
    }
    cairo_surface_mark_dirty(img);

    cairo_pdf_surface_set_size(s, p.width(), p.height());
    cairo_save(pcr);
    cairo_scale(pcr, 1 / scale, 1 / scale);
    cairo_set_source_surface(pcr, img, 0, 0);
    cairo_paint(pcr);
    cairo_restore(pcr);
    cairo_show_page(pcr);
    cairo_surface_destroy(img);
  }
  cairo_destroy(pcr);
  cairo_surface_finish(s);
  bool ok = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(s);
  return ok;
}

int Usage() {
  std::cerr << "usage: vanban-layout PLAN [--pdf OUT.pdf] [--scan OUT.pdf [--dpi N] [--seed N]]\n"
               "  Lays out a corpus plan (corpus/plans/*.plan) on A4 pages and writes a\n"
               "  text-layer PDF and/or an image-only scanned-looking PDF.\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string plan_path, pdf_out, scan_out;
  double dpi = 300;
  uint32_t seed = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--pdf") pdf_out = value();
    else if (a == "--scan") scan_out = value();
    else if (a == "--dpi") dpi = std::atof(value().c_str());
    else if (a == "--seed") seed = static_cast<uint32_t>(std::strtoul(value().c_str(), nullptr, 10));
    else if (a == "-h" || a == "--help") return Usage();
    else if (!a.empty() && a[0] == '-') return Usage();
    else plan_path = a;
  }
  if (plan_path.empty() || (pdf_out.empty() && scan_out.empty()) || dpi < 50 || dpi > 600) return Usage();

  Plan plan;
  std::string error;
  if (!ParsePlan(plan_path, &plan, &error)) {
    std::cerr << "vanban-layout: " << error << "\n";
    return 2;
  }
  std::vector<Page> pages = Composer(plan).Run();
  std::string title;
  for (const auto& t : plan.kind_and_title) title += (title.empty() ? "" : " ") + t;
  if (!pdf_out.empty() && !WritePdf(pages, pdf_out, title)) {
    std::cerr << "vanban-layout: cannot write " << pdf_out << "\n";
    return 3;
  }
  if (!scan_out.empty() && !WriteScan(pages, scan_out, dpi, seed, title)) {
    std::cerr << "vanban-layout: cannot write " << scan_out << "\n";
    return 3;
  }
  std::cout << plan_path << ": " << pages.size() << " pages\n";
  return 0;
}
