#include "ingest/pix.h"

#include <algorithm>
#include <cstring>

namespace vanban::ingest::internal {

PixPtr PixFromGray8(const unsigned char* data, int width, int height, int stride, int dpi) {
  PixPtr pix = AdoptPix(pixCreate(width, height, 8));
  if (!pix) return pix;
  pixSetResolution(pix.get(), dpi, dpi);
  // Leptonica packs pixels big-endian within 32-bit words, so rows cannot be
  // memcpy'd on a little-endian machine: SET_DATA_BYTE handles the order.
  l_uint32* out = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = data + static_cast<size_t>(y) * stride;
    l_uint32* line = out + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

PixPtr ToGray8(PIX* pix) {
  if (pix == nullptr) return PixPtr();
  // cmapflag 0: a colormapped image becomes gray, not a gray colormap.
  PixPtr gray = AdoptPix(pixConvertTo8(pix, 0));
  if (gray) pixCopyResolution(gray.get(), pix);
  return gray;
}

PixPtr ScaleDownToDpi(PIX* gray, int dpi) {
  const int own = pixGetXRes(gray);
  // Within 10% is not worth a resampling.
  if (dpi <= 0 || own <= dpi * 11 / 10) return AdoptPix(pixClone(gray));
  const float factor = static_cast<float>(dpi) / own;
  PixPtr scaled = AdoptPix(pixScaleAreaMap(gray, factor, factor));
  if (scaled) pixSetResolution(scaled.get(), dpi, dpi);
  return scaled;
}

namespace {

// Specks at or below this size (in pixels, both sides) are noise. At 200 dpi a
// dot below a vowel (dấu nặng, "ạ") is 4–5 px wide and must survive; scanner
// speckle is 1–2 px.
int SpeckSize(int dpi) { return std::max(2, dpi / 100); }

PixPtr Despeckle(PIX* gray) {
  const int dpi = std::max(72, pixGetXRes(gray));
  PixPtr binary = AdoptPix(pixConvertTo1(gray, 160));
  if (!binary) return PixPtr();
  const int size = SpeckSize(dpi);
  // Components whose width and height are both below size+1: the specks.
  PixPtr specks = AdoptPix(pixSelectBySize(binary.get(), size + 1, size + 1, 8,
                                           L_SELECT_IF_BOTH, L_SELECT_IF_LT, nullptr));
  if (!specks) return PixPtr();
  PixPtr out = AdoptPix(pixCopy(nullptr, gray));
  if (!out) return PixPtr();
  pixSetMasked(out.get(), specks.get(), 255);
  return out;
}

}  // namespace

PixPtr BinarizeWithoutSpecks(PIX* gray) {
  const int size = SpeckSize(std::max(72, pixGetXRes(gray)));
  // On 000.scan200's last page thresholds 120–180 all bring the three lines
  // back; 140 reads them letter for letter (160 reads a speck as "Vị").
  PixPtr binary = AdoptPix(pixConvertTo1(gray, 140));
  if (!binary) return PixPtr();
  PixPtr kept = AdoptPix(pixSelectBySize(binary.get(), size + 1, size + 1, 8, L_SELECT_IF_EITHER,
                                         L_SELECT_IF_GTE, nullptr));
  if (kept) pixCopyResolution(kept.get(), gray);
  return kept;
}

PixPtr PreparePage(PIX* gray, const Preprocessing& steps, double* skew_degrees) {
  *skew_degrees = 0;
  PixPtr page = AdoptPix(pixClone(gray));
  if (steps.despeckle) {
    if (PixPtr clean = Despeckle(page.get())) page = std::move(clean);
  }
  if (steps.normalize_background) {
    if (PixPtr flat = AdoptPix(pixBackgroundNormSimple(page.get(), nullptr, nullptr))) {
      pixCopyResolution(flat.get(), page.get());
      page = std::move(flat);
    }
  }
  if (steps.deskew) {
    l_float32 angle = 0, confidence = 0;
    // redsearch 0 = Leptonica's default reduction (2x) for the skew search;
    // it rotates only when the angle is found with confidence.
    if (PixPtr straight =
            AdoptPix(pixFindSkewAndDeskew(page.get(), 0, &angle, &confidence))) {
      pixCopyResolution(straight.get(), page.get());
      if (confidence >= 3.0) *skew_degrees = angle;
      page = std::move(straight);
    }
  }
  return page;
}

std::vector<Rule> FindRules(PIX* gray, int dpi) {
  std::vector<Rule> rules;
  if (gray == nullptr) return rules;
  PixPtr full = AdoptPix(pixConvertTo1(gray, 128));
  if (!full) return rules;
  // At half resolution (a pixel is set if any of its 2x2 was): a quarter of
  // the work (100 ms → 30 ms a page at 300 dpi), and rules stay unbroken.
  PixPtr binary = AdoptPix(pixReduceRankBinary2(full.get(), 1, nullptr));
  if (!binary) return rules;
  const int half_dpi = std::max(1, dpi / 2);
  // A table rule is far longer than any stroke of a letter: at least 0.4 inch
  // across (a 13 pt "m" is ~0.12 inch) and, vertically, at least 0.25 inch (a
  // row of one text line, taller than an "l" or "đ" stem at ~0.14 inch).
  const int min_horizontal = std::max(10, half_dpi * 2 / 5);
  const int min_vertical = std::max(6, half_dpi / 4);
  auto collect = [&](int hsize, int vsize) {
    PixPtr opened = AdoptPix(pixOpenBrick(nullptr, binary.get(), hsize, vsize));
    if (!opened) return;
    std::unique_ptr<BOXA, void (*)(BOXA*)> boxes(pixConnCompBB(opened.get(), 8),
                                                 [](BOXA* b) { boxaDestroy(&b); });
    if (!boxes) return;
    const int n = boxaGetCount(boxes.get());
    for (int i = 0; i < n; ++i) {
      l_int32 x, y, w, h;
      if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
      Rule rule;
      rule.box = Box{2.0 * x, 2.0 * y, 2.0 * (x + w), 2.0 * (y + h)};
      rules.push_back(rule);
    }
  };
  collect(min_horizontal, 1);
  collect(1, min_vertical);
  return rules;
}

}  // namespace vanban::ingest::internal
