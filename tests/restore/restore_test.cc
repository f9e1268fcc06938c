// The restorer (normalize/restore.h): lines in → exact lines out, the code
// lexicon, and accuracy on text the shipped model never saw.
#include "normalize/restore.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

#include "common/vietnamese.h"
#include "normalize/lm_build.h"
#include "normalize/lm_model.h"
#include "normalize/restore_channel.h"
#include "normalize/syllable.h"
#include "tests/support/support.h"

namespace vanban::normalize {
namespace {

namespace fs = std::filesystem;
using vanban::testing::ReadFile;
using vanban::testing::RequireShared;
using vanban::testing::SourceDir;

std::string ShippedModel() { return SourceDir() + "/corpus/model/vi.lm"; }

const Restorer& Shipped() {
  static std::unique_ptr<Restorer> r = [] {
    auto loaded = Restorer::Load(ShippedModel());
    if (!loaded.ok()) FAIL(loaded.status().ToString());
    return std::move(loaded.value());
  }();
  return *r;
}

struct Case {
  const char* in;
  const char* want;
};

TEST_CASE("Restore: unaccented lines come back accented, everything else exactly kept", "[restore]") {
  const Case cases[] = {
      // The sentence, from seed 001's style.
      {"Cong tac cai cach hanh chinh phai duoc tien hanh dong bo, co trong tam",
       "Công tác cải cách hành chính phải được tiến hành đồng bộ, có trọng tâm"},
      // Case pattern per word: lower, Title, UPPER.
      {"KE HOACH Cai cach hanh chinh nam 2025", "KẾ HOẠCH Cải cách hành chính năm 2025"},
      {"CONG HOA XA HOI CHU NGHIA VIET NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      {"Doc lap - Tu do - Hanh phuc", "Độc lập - Tự do - Hạnh phúc"},
      // Spacing, blank lines, tabs and punctuation kept byte for byte.
      {"  ngay 20 thang 8 nam 2025;\n\n\tUy ban nhan dan tinh:  (xem Phu luc)  ",
       "  ngày 20 tháng 8 năm 2025;\n\n\tỦy ban nhân dân tỉnh:  (xem Phụ lục)  "},
      // Lines broken inside a sentence stay broken.
      {"nang cao chat luong\ngiao duc", "nâng cao chất lượng\ngiáo dục"},
      // Codes without Đ are not syllables and stay as they are.
      {"UBND tinh, cac truong THPT, TTHC, CCHC", "UBND tỉnh, các trường THPT, TTHC, CCHC"},
      {"Chi so PAR INDEX, SIPAS, PCI cua tinh", "Chỉ số PAR INDEX, SIPAS, PCI của tỉnh"},
      // Accented words are evidence and stay; only the bare ones change.
      {"Kế hoạch so 12 của trường", "Kế hoạch số 12 của trường"},
      {"", ""},
      {"12/2025 - 15.000.000 (đồng)", "12/2025 - 15.000.000 (đồng)"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Shipped().Restore(c.in) == c.want);
  }
}

TEST_CASE("Restore: codes with Đ follow the lexicon; short ones only inside a code", "[restore]") {
  const Case cases[] = {
      {"Ke hoach so 455/KH-SGDDT", "Kế hoạch số 455/KH-SGDĐT"},
      {"Nghi dinh so 30/2020/ND-CP", "Nghị định số 30/2020/NĐ-CP"},
      {"Quyet dinh 1291/QD-TTg", "Quyết định 1291/QĐ-TTg"},
      {"so 12/QD-UBND ngay", "số 12/QĐ-UBND ngày"},
      {"So GD&DT, HDND tinh", "Sở GD&ĐT, HĐND tỉnh"},
      {"BGDDT, SGDDT, CTDT", "BGDĐT, SGDĐT, CTĐT"},
      {"(ND-CP)", "(NĐ-CP)"},
      // Outside a code, QD and DT are left alone: they may be anything.
      {"muc QD", "mục QD"},
      {"PAR INDEX", "PAR INDEX"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(Shipped().Restore(c.in) == c.want);
  }
}

// OCR mode, as on seed 001's text layer and scans: marks put by OCR are
// evidence, not truth; letters glued to a numeral are the numeral's.
TEST_CASE("Restore, OCR mode: wrong marks, a numeral's letters, a capital between capitals, currency signs",
          "[restore]") {
  RestoreOptions options;
  options.ocr = RestoreOptions::Ocr::kOn;
  auto ocr = Restorer::Load(ShippedModel(), options);
  REQUIRE(ocr.ok());
  const Case cases[] = {
      // "mũc" spells no syllable (a stop coda takes only sắc or nặng).
      {"I. MŨC TIEU, YEU CAU", "I. MỤC TIÊU, YÊU CẦU"},
      // A valid but wrong mark gives way to the context.
      {"Ke hoach cua Chỉnh phu ve cai cach hanh chinh", "Kế hoạch của Chính phủ về cải cách hành chính"},
      // A right one stays.
      {"quy dinh cua Chính phủ ve", "quy định của Chính phủ về"},
      // "1L" is OCR's "II." (for the outline), not "1Ủ".
      {"1L NOI dung, muc tieu", "1L NỘI dung, mục tiêu"},
      // A lone capital consonant between capitals is a piece of the word
      // before it (seed 001's "THỰC", split by OCR, marked on a scan).
      {"III. KINH PHI THU C HIEN", "III. KINH PHÍ THỰC HIỆN"},
      {"IH. KINH PHI THỦ C HIEN", "IH. KINH PHÍ THỰC HIỆN"},
      // Not a name's initial, which has no capital word after it.
      {"Ong NGUYEN VAN A, Hieu truong", "Ông NGUYỄN VĂN A, Hiệu trưởng"},
      // A garbled word in mixed case: capitals mostly, a capital first, else
      // lower case (seed 001's text layer).
      {"gSn ket qua thuc hien, nhAt la day manh", "gắn kết quả thực hiện, nhất là đẩy mạnh"},
      {"IV. TO CHtTC THlTC HIEN", "IV. TỔ CHỨC THỰC HIỆN"},
      // Currency signs inside a word are marked vowels; alone they stay.
      {"lien quan d£n giai quyet, thuc hien ch£ do thong tin", "liên quan đến giải quyết, thực hiện chế độ thông tin"},
      {"Nguoi du¢c giao", "Người được giao"},
      {"Tong so 12 ¢ trong bang, gia 5 €", "Tổng số 12 ¢ trong bảng, giá 5 €"},
      // A token of 9 letters or more is kept, not searched: words OCR glued
      // (the channel would make "nhanh" of it), and, the price of the rule,
      // the longest syllable with two letters doubled (it would read
      // "nghiêng" at 13.7, under keep_cost).
      {"tai xa lienthanh va phuong", "tại xã lienthanh và phường"},
      {"so nguoi dan nghiieeng ve", "số người dân nghiieeng về"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK((*ocr)->Restore(c.in) == c.want);
  }
}

TEST_CASE("Restore: accented text passes through unchanged", "[restore]") {
  const char* lines[] = {
      "Công tác cải cách hành chính phải được tiến hành đồng bộ, có trọng tâm.",
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nTRƯỜNG THPT KIẾN THỤY\n",
      "Số: 30/KH-THPTKT — Hải Phòng, ngày 25 tháng 01 năm 2024",
  };
  for (const char* line : lines) CHECK(Shipped().Restore(line) == line);
}

TEST_CASE("Restore: bad input is returned, not rejected", "[restore]") {
  CHECK(Shipped().Restore("\xff\xfe abc") .size() >= 4);
  CHECK(Shipped().Restore("\x01\x02\x03") == "\x01\x02\x03");
  std::string long_line(100000, 'a');
  CHECK(Shipped().Restore(long_line).size() >= long_line.size());
}

TEST_CASE("Restorer::Load reports a missing or corrupt model as a Status", "[restore]") {
  auto missing = Restorer::Load("/nonexistent/vi.lm");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  std::string dir = vanban::testing::TempDir();
  std::ofstream(dir + "/junk.lm") << "VBLM0002 this is not a model";
  auto junk = Restorer::Load(dir + "/junk.lm");
  REQUIRE_FALSE(junk.ok());
  CHECK(junk.status().code() == Status::Code::kCorrupt);
  // A model of the previous format says how to get a current one.
  std::ofstream(dir + "/old.lm") << "VBLM0001" << std::string(64, '\0');
  auto old = Restorer::Load(dir + "/old.lm");
  REQUIRE_FALSE(old.ok());
  CHECK(old.status().code() == Status::Code::kCorrupt);
  CHECK_THAT(old.status().message(), Catch::Matchers::Contains("rebuild it with `vanban lm build`"));
}

TEST_CASE("The shipped model fits the repository budget", "[restore]") {
  // Issue 5: ≤ 40 MB, memory-mapped.
  CHECK(fs::file_size(ShippedModel()) <= 40u * 1024 * 1024);
}

TEST_CASE("PlanText: a sample plan's markup counted as plain sentences", "[restore][lm]") {
  const Case cases[] = {
      {"# a comment about the invented school\n", ""},
      {".title Cải cách hành chính năm 2026\n", "Cải cách hành chính năm 2026\n"},
      {".pageno top\n.space 4\n.table\n.endtable\n.pagebreak\n.close\n", ""},
      {"**Điều 1.** Thành lập Tổ công tác\n", "Điều 1. Thành lập Tổ công tác\n"},
      {".tr 1 | Rà soát văn bản | Tổ Văn phòng | Quý II/2026\n", "1\nRà soát văn bản\nTổ Văn phòng\nQuý II/2026\n"},
      {".h1 I. MỤC ĐÍCH, YÊU CẦU\n\n- Triển khai đồng bộ", "I. MỤC ĐÍCH, YÊU CẦU\n\n- Triển khai đồng bộ\n"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(PlanText(c.in) == c.want);
  }
}

// The syllables of one of our sample plans, as the shipped model numbers them.
std::vector<SyllableId> SampleIds(const LmModel& lm) {
  std::string text = LowerSyllable(CanonicalTones(PlanText(ReadFile(SourceDir() + "/corpus/plans/kh_cchc_thpt_hoaloc.plan"))));
  std::vector<SyllableId> ids;
  for (const TokenSpan& t : ScanTokens(text))
    if (t.word()) ids.push_back(lm.Find(std::string_view(text).substr(t.begin, t.end - t.begin)));
  return ids;
}

// The decoder probes a trigram only where its bigram suffix is stored and
// its context's next words let its last word through (lm_model.h): check
// that the shipped model keeps both promises on the trigrams of a plan it
// counted, where many are stored, and that the next words do rule out
// trigrams that are not stored.
TEST_CASE("LmModel: every stored trigram's bigram suffix is stored, its word among its context's next words",
          "[restore][lm]") {
  auto lm = LmModel::Open(ShippedModel());
  REQUIRE(lm.ok());
  const std::vector<SyllableId> ids = SampleIds(**lm);
  size_t trigrams = 0, absent = 0, ruled_out = 0;
  for (size_t i = 2; i < ids.size(); ++i) {
    const LmModel::Context context = (*lm)->ContextOf(ids[i - 2], ids[i - 1]);
    float lp;
    // A word of the plan 100 words on, most often not stored after this context.
    const SyllableId other = ids[(i + 100) % ids.size()];
    if (context.has_trigrams && !(*lm)->Trigram(ids[i - 2], ids[i - 1], other, &lp)) {
      ++absent;
      ruled_out += !context.MayContinueWith(other);
    }
    if (!(*lm)->Trigram(ids[i - 2], ids[i - 1], ids[i], &lp)) continue;
    ++trigrams;
    bool stored = false;
    (*lm)->LogProb2(ids[i - 1], ids[i], &stored);
    CHECK(stored);
    CHECK(context.MayContinueWith(ids[i]));
  }
  CHECK(trigrams > 100);
  INFO(ruled_out << " of " << absent << " trigrams not stored ruled out by the next words");
  CHECK(ruled_out * 2 > absent);
}

// The decoder asks the model in bulk (one read per pair issued before any
// is used); the answers must be those of the lookups one by one.
TEST_CASE("LmModel: bulk lookups answer as the lookups one by one", "[restore][lm]") {
  auto lm = LmModel::Open(ShippedModel());
  REQUIRE(lm.ok());
  const std::vector<SyllableId> ids = SampleIds(**lm);
  REQUIRE(ids.size() > 300);
  std::vector<SyllableId> vs(ids.begin(), ids.begin() + 7), ws(ids.begin() + 5, ids.begin() + 300);
  vs.push_back(kBos), vs.push_back(kUnk);
  std::vector<float> p2(vs.size() * ws.size());
  std::vector<uint8_t> stored(p2.size());
  std::vector<uint64_t> scratch;
  (*lm)->LogProb2Many(vs, ws, p2.data(), stored.data(), scratch);
  size_t hits = 0;
  for (size_t i = 0; i < ws.size(); ++i)
    for (size_t j = 0; j < vs.size(); ++j) {
      bool one = false;
      float want = (*lm)->LogProb2(vs[j], ws[i], &one);
      CHECK(p2[i * vs.size() + j] == want);
      CHECK(bool(stored[i * vs.size() + j]) == one);
      hits += one;
    }
  CHECK(hits > 10);
  std::vector<uint64_t> keys;
  for (size_t i = 2; i < ids.size(); ++i) keys.push_back(LmModel::TrigramKey(ids[i - 2], ids[i - 1], ids[i]));
  std::vector<float> lp(keys.size(), 1.0f);
  (*lm)->TrigramMany(keys, lp.data());
  for (size_t i = 2; i < ids.size(); ++i) {
    float want = 1.0f;
    (*lm)->Trigram(ids[i - 2], ids[i - 1], ids[i], &want);
    CHECK(lp[i - 2] == want);
  }
}

// The shipped model carries the channel candidates of the spellings OCR
// mode meets most (restore_channel.h CandidateTable); they must be what the
// search finds, cost for cost, or OCR mode's output would depend on whether
// a spelling was precomputed.
TEST_CASE("CandidateTable: the shipped model's precomputed candidates are the search's", "[restore][lm]") {
  auto lm = LmModel::Open(ShippedModel());
  REQUIRE(lm.ok());
  auto channel = Channel::Parse((*lm)->Section("channel"));
  REQUIRE(channel.ok());
  channel->IndexVocabulary(**lm);
  auto table = CandidateTable::Parse((*lm)->Section("chcands"));
  REQUIRE(table.ok());
  const RestoreOptions defaults;
  REQUIRE(table->Serves(defaults.channel_margin, defaults.channel_candidates));
  CHECK_FALSE(table->Serves(defaults.channel_margin + 1, defaults.channel_candidates));
  CHECK_FALSE(table->Serves(defaults.channel_margin, defaults.channel_candidates + 1));
  // Folds of the vocabulary are all there; garbles of the training pairs
  // ("dugc" for được, "s6" for số) mostly; a made-up one is not.
  const char* folds[] = {"cong", "duoc", "nguoi", "cach", "a", "nghieng", "thuc"};
  const char* garbles[] = {"dugc", "s6", "ngudi", "each", "nude", "cia", "x4", "dupe"};
  size_t found = 0;
  auto check = [&](const char* spelling) {
    CandidateTable::Entry e;
    if (!table->Find(spelling, &e)) return false;
    std::vector<Channel::Candidate> want =
        channel->TokenCandidates(spelling, defaults.channel_margin, defaults.channel_candidates);
    INFO(spelling);
    REQUIRE(e.size == want.size());
    for (size_t i = 0; i < e.size; ++i) {
      CHECK(e.ids[i] == want[i].id);
      CHECK(e.costs[i] == want[i].cost);
    }
    return true;
  };
  for (const char* f : folds) CHECK(check(f));
  for (const char* g : garbles) found += check(g);
  CHECK(found >= 4);
  CHECK_FALSE(check("qzxvqzxv"));
  // Numbers of one or two digits, and the likeliest misreadings of every
  // syllable (lm_build.cc: slack 12, at most 60), the fold first.
  for (const char* number : {"0", "6", "16", "99", "02"}) CHECK(check(number));
  for (const char* syllable : {"được", "người", "không", "lượng", "thực"}) {
    std::vector<std::string> misread = channel->Misreadings(syllable, 12, 60);
    INFO(syllable);
    REQUIRE(misread.size() > 5);
    CHECK(misread.size() <= 60);
    CHECK(misread[0] == FoldSyllable(syllable));
    for (const std::string& m : misread) CHECK(check(m.c_str()));
  }
  // Narrower options are served by each entry's prefix, as the search
  // would give them.
  for (auto [margin, limit] : {std::pair{6.0f, size_t(12)}, {10.0f, size_t(20)}, {3.5f, size_t(30)}}) {
    REQUIRE(table->Serves(margin, limit));
    for (const char* spelling : {"cong", "duoc", "dugc", "s6", "ngudi", "each", "nude", "16", "thuc"}) {
      CandidateTable::Entry e;
      if (!table->Find(spelling, margin, limit, &e)) continue;
      const std::vector<Channel::Candidate> want = channel->TokenCandidates(spelling, margin, limit);
      INFO(spelling << " margin " << margin << " limit " << limit);
      REQUIRE(e.size == want.size());
      for (size_t i = 0; i < e.size; ++i) CHECK((e.ids[i] == want[i].id && e.costs[i] == want[i].cost));
    }
  }
}

// A document's own confusions (Channel::AdaptedTo): readings an engine
// made that the training pairs never showed ("dupe" for "được", seed 001's
// engine) make those readings cheaper; readings that are plain folds, or
// the pairs' own confusions, leave the learned channel as it is.
TEST_CASE("Channel::AdaptedTo: another engine's confusions get cheaper, the pairs' engine is left alone",
          "[restore][lm]") {
  auto lm = LmModel::Open(ShippedModel());
  REQUIRE(lm.ok());
  auto channel = Channel::Parse((*lm)->Section("channel"));
  REQUIRE(channel.ok());
  channel->IndexVocabulary(**lm);
  const RestoreOptions defaults;

  std::vector<Channel::Reading> clean;
  for (int i = 0; i < 40; ++i)
    for (const char* s : {"cải", "cách", "hành", "chính", "được", "người"}) clean.push_back({s, FoldSyllable(s)});
  float gain = -1;
  CHECK_FALSE(channel->AdaptedTo(clean, defaults.adapt_prior, defaults.adapt_min_gain, &gain).has_value());
  CHECK(gain == 0);

  std::vector<Channel::Reading> other = clean;
  for (int i = 0; i < 12; ++i) {
    other.push_back({"được", "dupe"});
    other.push_back({"cách", "each"});
    other.push_back({"nước", "nude"});
  }
  auto adapted = channel->AdaptedTo(other, defaults.adapt_prior, defaults.adapt_min_gain, &gain);
  INFO("gain " << gain);
  REQUIRE(adapted.has_value());
  CHECK(gain > defaults.adapt_min_gain);
  for (auto [syllable, token] : {std::pair{"được", "dupe"}, {"cách", "each"}, {"nước", "nude"}, {"trực", "true"}}) {
    INFO(syllable << " as " << token << ": learned " << channel->Cost(syllable, token) << ", adapted "
                  << adapted->Cost(syllable, token));
    CHECK(adapted->Cost(syllable, token) < channel->Cost(syllable, token) - 2);
  }
  // The adapted channel searches the same vocabulary: "dupe" now reads
  // first as "được", which the learned channel puts 7th.
  auto first = [&](const Channel& c, const char* token) {
    auto found = c.TokenCandidates(token, defaults.channel_margin, defaults.channel_candidates);
    return found.empty() ? std::string() : std::string((*lm)->Syllable(found[0].id));
  };
  CHECK(first(*channel, "dupe") != "được");
  CHECK(first(*adapted, "dupe") == "được");
}

std::vector<std::string> AccentedSeeds() {
  std::string dir = RequireShared("corpus/txt");
  std::vector<std::string> paths;
  for (const std::string& name : vanban::testing::SeedNames())
    if (name.rfind("001_", 0) != 0) paths.push_back(dir + "/" + name + ".txt");
  return paths;
}

TEST_CASE("Restore: ≥ 99% of the syllables of the stripped accented seeds", "[restore][accuracy]") {
  RestoreScore total;
  for (const std::string& path : AccentedSeeds()) {
    std::string gold = ReadFile(path);
    RestoreScore s = ScoreRestoration(gold, Shipped().Restore(StripMarks(ToNfc(gold))));
    std::printf("restore accuracy %s: %.2f%% (%zu/%zu)\n", fs::path(path).filename().c_str(),
                100 * s.accuracy(), s.correct, s.syllables);
    total.syllables += s.syllables;
    total.correct += s.correct;
  }
  // Met with one syllable to spare (13,362 of 13,496 with the sample plans
  // counted; 13,353 without them): corpus/model/README.md.
  std::printf("restore accuracy, stripped seeds 000/002/003/004: %.2f%% of %zu syllables (issue 5 target 99%%)\n",
              100 * total.accuracy(), total.syllables);
  CHECK(total.accuracy() >= 0.99);
}

// The held-out OCR set: pages of the 12 admin documents the model never
// counted, rendered and read by tesseract -l eng (bench/make_ocr_pairs.sh),
// cached in the build folder.
std::string OcrTestSet() {
  std::string lm = RequireShared("lm");
  std::string dir = vanban::testing::BinaryDir() + "/restore-ocr/test";
  fs::create_directories(dir);
  LmBuildOptions o;
  o.shared_lm_dir = lm;
  auto pages = OcrPages(o, /*heldout=*/true, 24);
  REQUIRE(pages.ok());
  for (size_t i = 0; i < pages->size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/p%03zu.src.txt", i);
    if (!fs::exists(dir + name)) std::ofstream(dir + name) << (*pages)[i];
  }
  std::string cmd = "sh '" + SourceDir() + "/bench/make_ocr_pairs.sh' --render '" + dir + "'";
  if (std::system(cmd.c_str()) != 0) {
    std::printf("SKIPPED: pango-view or tesseract -l eng not usable\n");
    std::exit(77);
  }
  return dir;
}

// The shipped model, its channel never adapted to a document.
const Restorer& ReadOnce() {
  static std::unique_ptr<Restorer> r = [] {
    RestoreOptions options;
    options.adapt_min_gain = std::numeric_limits<float>::infinity();
    auto loaded = Restorer::Load(ShippedModel(), options);
    if (!loaded.ok()) FAIL(loaded.status().ToString());
    return std::move(loaded.value());
  }();
  return *r;
}

// Issue 5's target: ≥ 95% of the syllables back. Measured 96.03% (6,611 of
// 6,884) with the pages read as one block (--psm 6, bench/make_ocr_pairs.sh);
// corpus/model/README.md gives the error classes and the 94.39% of the
// earlier recipe, whose column detection scrambled whole pages.
TEST_CASE("Restore: held-out text read by tesseract -l eng, at least 95% of syllables back (issue 5)",
          "[restore][accuracy]") {
  std::string dir = OcrTestSet();
  RestoreScore total, before;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string p = e.path().string();
    if (p.size() < 8 || p.compare(p.size() - 8, 8, ".src.txt") != 0) continue;
    std::string gold = ReadFile(p);
    std::string ocr = FoldLatinAccents(ReadFile(p.substr(0, p.size() - 8) + ".ocr.txt"));
    const std::string restored = Shipped().Restore(ocr);
    // The pairs' own engine: the channel is not adapted (restore.h
    // adapt_min_gain), the page is read once.
    INFO(p);
    CHECK(restored == ReadOnce().Restore(ocr));
    RestoreScore s = ScoreRestoration(gold, restored);
    RestoreScore b = ScoreRestoration(gold, ocr);
    total.syllables += s.syllables, total.correct += s.correct;
    before.syllables += b.syllables, before.correct += b.correct;
  }
  REQUIRE(total.syllables > 1000);
  std::printf(
      "restore accuracy, held-out eng-OCR pages: %.2f%% of %zu syllables (OCR text as is: %.2f%%; "
      "issue 5 target 95%%)\n",
      100 * total.accuracy(), total.syllables, 100 * before.accuracy());
  CHECK(total.accuracy() >= 0.95);
}

// Seed 001 was read by another OCR engine than the training pairs' ("dupe"
// for "được", "lire" for "lực", "chd dp" for "chế độ"): a first reading of
// the whole text teaches the channel its confusions, and the second reading
// gets these phrases right; read once, it gets 2 of them.
TEST_CASE("Restore: seed 001 read again with the channel adapted to its engine", "[restore][accuracy]") {
  const std::string seed = ReadFile(RequireShared("corpus/txt") + "/001_4fa500642386260b.txt");
  const std::string adapted = Shipped().Restore(seed), once = ReadOnce().Restore(seed);
  const char* phrases[] = {
      "hiệu quả góp phần nâng cao Chỉ số cải cách",
      "năng lực cạnh tranh cấp tỉnh",                     // "nang lire canh tranh"
      "nâng cao hiệu lực, hiệu quả quản lý",              // "hieu lire, hieu qua"
      "tập trung vào 06 nội dung cốt lõi",                // "06 ndi dung cot loi"
      "cải cách chế độ công vụ",                          // "chd dp edng vu"
      "(nếu có) được khắc phục hoặc",                     // "dupe khde phuc"
      "Chỉ số Hiệu quả Quản trị và Hành chính công",      // "va Hanh chinh edng"
      "Lộc Ninh được rà soát, thực hiện đúng",            // "dupe ra soat"
      "trong công cuộc cải cách hành chính",              // "cung cube cai each"
  };
  int found_once = 0;
  for (const char* phrase : phrases) {
    INFO(phrase);
    CHECK(adapted.find(phrase) != std::string::npos);
    found_once += once.find(phrase) != std::string::npos;
  }
  CHECK(found_once == 2);
}

TEST_CASE("Restore: an archive model of seeds 000, 002, 004 improves stripped 003", "[restore][archive]") {
  std::vector<std::string> seeds = AccentedSeeds();
  REQUIRE(seeds.size() == 4);
  std::vector<std::string> archive;
  std::string held_out;
  for (const std::string& p : seeds) {
    if (fs::path(p).filename().string().rfind("003_", 0) == 0) {
      held_out = ReadFile(p);
    } else {
      archive.push_back(ReadFile(p));
    }
  }
  std::string dir = vanban::testing::TempDir();
  REQUIRE(BuildArchiveModel(ShippedModel(), archive, dir + "/archive.lm").ok());
  RestoreOptions options;
  options.archive_model_path = dir + "/archive.lm";
  auto adapted = Restorer::Load(ShippedModel(), options);
  REQUIRE(adapted.ok());
  std::string input = StripMarks(ToNfc(held_out));
  RestoreScore base = ScoreRestoration(held_out, Shipped().Restore(input));
  RestoreScore with = ScoreRestoration(held_out, (*adapted)->Restore(input));
  std::printf("seed 003: shipped model %.2f%%, with archive of 000/002/004 %.2f%%\n", 100 * base.accuracy(),
              100 * with.accuracy());
  CHECK(with.correct > base.correct);
}

}  // namespace
}  // namespace vanban::normalize
