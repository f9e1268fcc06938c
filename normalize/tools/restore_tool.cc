// restore_tool: the restorer's developer tool (model building before the CLI
// has `vanban lm build`, held-out documents for the OCR test set, accuracy and
// speed on stripped text).
//
//   restore_tool build   LM_DIR OUT.lm [PAIRS_DIR]
//   restore_tool heldout LM_DIR OUT_DIR          → OUT_DIR/heldout-NN.txt
//   restore_tool eval    MODEL GOLD.txt...       → strips, restores, scores
//   restore_tool ocr     MODEL PAIRS_DIR         → restores NAME.ocr.txt, scores
//   restore_tool strip   -                       → stdin without diacritics
//   restore_tool pages   LM_DIR OUT [TRAIN TEST] → pages for bench/make_ocr_pairs.sh
//   restore_tool devpages LM_DIR OUT             → the dev pages (corpus/model/README.md)
//   restore_tool cands   MODEL < TOKENS          → fold and channel candidates per token
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "common/vietnamese.h"
#include "normalize/lm_build.h"
#include "normalize/lm_model.h"
#include "normalize/restore.h"
#include "normalize/restore_channel.h"
#include "normalize/syllable.h"

using namespace vanban;
using namespace vanban::normalize;

namespace {

std::string Read(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

int Usage() {
  std::cerr << "usage: restore_tool build LM_DIR OUT [PAIRS] | heldout LM_DIR OUT_DIR | "
               "eval MODEL GOLD... | ocr MODEL PAIRS_DIR\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return Usage();
  std::string cmd = argv[1];
  if (cmd == "build" && argc >= 4) {
    LmBuildOptions o;
    o.shared_lm_dir = argv[2];
    o.out_path = argv[3];
    if (argc >= 5) o.ocr_pairs_dir = argv[4];
    o.verbose = true;
    if (const char* w = getenv("ADMIN_WEIGHT")) o.admin_weight = atoi(w);
    if (const char* w = getenv("MIN_TOP")) o.min_top_count = atoi(w);
    if (const char* w = getenv("ORDER")) o.order = atoi(w);
    if (const char* w = getenv("MIN_CODE")) o.min_code_count = atoi(w);
    if (const char* w = getenv("MIN_SYLLABLE")) o.min_syllable_count = atoi(w);
    if (const char* w = getenv("RAW_MIX")) o.unigram_raw_mix = atof(w);
    if (const char* d = getenv("PLANS")) o.plans_dir = d;
    if (const char* w = getenv("PLAN_WEIGHT")) o.plan_weight = atoi(w);
    if (const char* w = getenv("HELDOUT")) o.heldout_admin_docs = atoi(w);
    auto t0 = std::chrono::steady_clock::now();
    Status s = BuildModel(o);
    double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!s.ok()) {
      std::cerr << s.ToString() << "\n";
      return 1;
    }
    std::cerr << "built " << o.out_path << " in " << sec << " s\n";
    return 0;
  }
  if (cmd == "pages" && argc >= 4) {
    // OUT/train/pNNN.src.txt and OUT/test/pNNN.src.txt for the OCR recipe.
    LmBuildOptions o;
    o.shared_lm_dir = argv[2];
    if (const char* w = getenv("HELDOUT")) o.heldout_admin_docs = atoi(w);  // a dev set's documents
    std::string out = argv[3];
    size_t max_train = argc >= 5 ? atoi(argv[4]) : 60, max_test = argc >= 6 ? atoi(argv[5]) : 24;
    for (bool held : {false, true}) {
      auto pages = OcrPages(o, held, held ? max_test : max_train);
      if (!pages.ok()) {
        std::cerr << pages.status().ToString() << "\n";
        return 1;
      }
      std::string dir = out + (held ? "/test" : "/train");
      std::filesystem::create_directories(dir);
      for (size_t i = 0; i < pages->size(); ++i) {
        char name[32];
        snprintf(name, sizeof name, "/p%03zu.src.txt", i);
        // A page that changed (another page count) needs reading again.
        std::string path = dir + name;
        if (std::filesystem::exists(path) && Read(path) != (*pages)[i])
          std::filesystem::remove(path.substr(0, path.size() - 8) + ".ocr.txt");
        std::ofstream(path) << (*pages)[i];
      }
    }
    return 0;
  }
  if (cmd == "devpages" && argc >= 4) {
    // Pages of the 24 administrative documents held out before the OCR test
    // set's 12 (a dev set for tuning: build its model with HELDOUT=36).
    LmBuildOptions o;
    o.shared_lm_dir = argv[2];
    auto test_docs = HeldOutDocuments(o);
    o.heldout_admin_docs = 36;
    auto pages = OcrPages(o, /*heldout=*/true, 72);
    if (!test_docs.ok() || !pages.ok()) {
      std::cerr << (test_docs.ok() ? pages.status() : test_docs.status()).ToString() << "\n";
      return 1;
    }
    for (std::string& d : *test_docs) std::replace(d.begin(), d.end(), '\t', ' ');
    std::filesystem::create_directories(argv[3]);
    size_t n = 0;
    for (const std::string& page : *pages) {
      std::string_view body(page);
      while (!body.empty() && body.back() == '\n') body.remove_suffix(1);
      bool test = false;
      for (const std::string& d : *test_docs) test = test || d.find(body) != std::string::npos;
      if (test) continue;
      char name[32];
      snprintf(name, sizeof name, "/p%03zu.src.txt", n++);
      std::ofstream(std::string(argv[3]) + name) << page;
    }
    std::cerr << n << " dev pages in " << argv[3] << "\n";
    return 0;
  }
  if (cmd == "heldout" && argc >= 4) {
    LmBuildOptions o;
    o.shared_lm_dir = argv[2];
    auto docs = HeldOutDocuments(o);
    if (!docs.ok()) {
      std::cerr << docs.status().ToString() << "\n";
      return 1;
    }
    std::filesystem::create_directories(argv[3]);
    for (size_t i = 0; i < docs->size(); ++i) {
      char name[64];
      snprintf(name, sizeof name, "/heldout-%02zu.txt", i);
      std::ofstream(std::string(argv[3]) + name) << (*docs)[i];
    }
    return 0;
  }
  if (cmd == "prob" && argc >= 6) {
    auto m = LmModel::Open(argv[2]);
    if (!m.ok()) return 1;
    SyllableId u = (*m)->Find(argv[3]), v = (*m)->Find(argv[4]), w = (*m)->Find(argv[5]);
    std::cout << u << " " << v << " " << w << " p3=" << (*m)->LogProb(u, v, w)
              << " p2=" << (*m)->LogProb2(v, w) << " p1=" << (*m)->Unigram(w) << "\n";
    return 0;
  }
  if (cmd == "cands") {  // restore_tool cands MODEL < folded tokens: fold and channel candidates
    auto m = LmModel::Open(argv[2]);
    if (!m.ok()) return 1;
    auto ch = Channel::Parse((*m)->Section("channel"));
    if (!ch.ok()) return 1;
    ch->IndexVocabulary(**m);
    RestoreOptions ro;
    std::string tok;
    while (std::cin >> tok) {
      std::cout << tok << "\tF";
      for (SyllableId id : (*m)->Candidates(tok)) std::cout << " " << (*m)->Syllable(id);
      std::cout << "\tC";
      for (const auto& c : ch->TokenCandidates(tok, ro.channel_margin, ro.channel_candidates))
        std::cout << " " << (*m)->Syllable(c.id) << ":" << c.cost;
      std::cout << "\n";
    }
    return 0;
  }
  if (cmd == "strip") {  // restore_tool strip - : accented stdin → unaccented stdout
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    std::cout << StripMarks(ToNfc(ss.str()));
    return 0;
  }
  if (cmd == "restore") {
    RestoreOptions ro;
    if (const char* b = getenv("KEEP")) ro.keep_cost = atof(b);
    if (const char* b = getenv("CODEKEEP")) ro.code_keep_cost = atof(b);
    if (const char* b = getenv("REMARK")) ro.remark_cost = atof(b);
    if (const char* b = getenv("OCRBEAM")) ro.ocr_beam = atoi(b);
    if (const char* b = getenv("BEAM")) ro.beam = atoi(b);
    if (const char* b = getenv("OCRBEAM")) ro.ocr_beam = atoi(b);
    if (const char* b = getenv("MAXCAND")) ro.max_candidates = atoi(b);
    auto r = Restorer::Load(argv[2], ro);
    if (!r.ok()) {
      std::cerr << r.status().ToString() << "\n";
      return 1;
    }
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    std::cout << (*r)->Restore(ss.str());
    return 0;
  }
  if ((cmd == "eval" || cmd == "ocr") && argc >= 4) {
    RestoreOptions ro;
    if (const char* b = getenv("BEAM")) ro.beam = atoi(b);
    if (const char* b = getenv("OCRBEAM")) ro.ocr_beam = atoi(b);
    if (const char* b = getenv("MAXCAND")) ro.max_candidates = atoi(b);
    if (const char* b = getenv("CHW")) ro.channel_weight = atof(b);
    if (const char* b = getenv("CHCAND")) ro.channel_candidates = atoi(b);
    if (const char* b = getenv("CHMARGIN")) ro.channel_margin = atof(b);
    if (const char* b = getenv("KEEP")) ro.keep_cost = atof(b);
    if (const char* b = getenv("CODEKEEP")) ro.code_keep_cost = atof(b);
    if (const char* b = getenv("REMARK")) ro.remark_cost = atof(b);
    if (const char* b = getenv("CASEW")) ro.case_weight = atof(b);
    if (const char* b = getenv("PRUNE")) ro.prune_margin = atof(b);
    if (const char* b = getenv("ADAPT_PRIOR")) ro.adapt_prior = atof(b);
    if (const char* b = getenv("ADAPT_GAIN")) ro.adapt_min_gain = atof(b);
    if (const char* b = getenv("ARCHIVE")) ro.archive_model_path = b;
    if (const char* b = getenv("ARCHIVE_W")) ro.archive_weight = atof(b);
    if (cmd == "ocr") ro.ocr = RestoreOptions::Ocr::kOn;
    if (cmd == "eval") ro.ocr = RestoreOptions::Ocr::kOff;
    auto t0 = std::chrono::steady_clock::now();
    auto r = Restorer::Load(argv[2], ro);
    double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!r.ok()) {
      std::cerr << r.status().ToString() << "\n";
      return 1;
    }
    std::vector<std::pair<std::string, std::string>> sets;  // gold, input
    if (cmd == "eval") {
      for (int i = 3; i < argc; ++i) {
        std::string gold = Read(argv[i]);
        sets.emplace_back(gold, StripMarks(ToNfc(gold)));
      }
    } else {
      for (const auto& e : std::filesystem::directory_iterator(argv[3])) {
        std::string p = e.path().string();
        if (p.size() > 8 && p.compare(p.size() - 8, 8, ".src.txt") == 0 &&
            std::filesystem::exists(p.substr(0, p.size() - 8) + ".ocr.txt"))
        {
          // KEEPMARKS: OCR by a model that puts Vietnamese marks (tesseract -l vie
          // on unaccented print), read as it is.
          std::string ocr = Read(p.substr(0, p.size() - 8) + ".ocr.txt");
          sets.emplace_back(Read(p), getenv("KEEPMARKS") ? ocr : FoldLatinAccents(ocr));
        }
      }
    }
    size_t syl = 0, correct = 0, in_syl = 0;
    double secs = 0, cpu = 0;
    for (auto& [gold, input] : sets) {
      int reps = getenv("REPS") ? atoi(getenv("REPS")) : 1;
      std::string out;
      auto t1 = std::chrono::steady_clock::now();
      std::clock_t c1 = std::clock();
      for (int k = 0; k < reps; ++k) out = (*r)->Restore(input);
      cpu += double(std::clock() - c1) / CLOCKS_PER_SEC / reps;
      secs += std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count() / reps;
      RestoreScore s = ScoreRestoration(gold, out);
      RestoreScore base = ScoreRestoration(gold, input);
      in_syl += Restorer::CountSyllables(input);
      syl += s.syllables;
      correct += s.correct;
      std::cout << "accuracy " << s.accuracy() * 100 << "% (" << s.correct << "/" << s.syllables
                << ", input unrestored " << base.accuracy() * 100 << "%)\n";
      if (getenv("SHOW")) std::cout << out << "\n";
      if (const char* d = getenv("OUTDIR")) {  // restored pages for error analysis
        static int page = 0;
        char name[32];
        snprintf(name, sizeof name, "/r%03d.txt", page++);
        std::ofstream(std::string(d) + name) << "#GOLD\n" << gold << "\n#INPUT\n" << input << "\n#OUT\n" << out;
      }
      if (getenv("DIFF")) {
        std::string g = LowerSyllable(CanonicalTones(gold)), o = LowerSyllable(CanonicalTones(out));
        auto gt = ScanTokens(g), ot = ScanTokens(o);
        for (size_t k = 0; k < gt.size() && gt.size() == ot.size(); ++k) {
          std::string a = g.substr(gt[k].begin, gt[k].end - gt[k].begin),
                      b = o.substr(ot[k].begin, ot[k].end - ot[k].begin);
          if (a != b) {
            std::string ctx;
            for (size_t c = k >= 2 ? k - 2 : 0; c < std::min(gt.size(), k + 3); ++c)
              ctx += g.substr(gt[c].begin, gt[c].end - gt[c].begin) + " ";
            std::cout << "  " << a << " -> " << b << "   [" << ctx << "]\n";
          }
        }
      }
    }
    std::cout << "total accuracy " << 100.0 * correct / std::max<size_t>(syl, 1) << "% over " << syl
              << " syllables; " << size_t(in_syl / cpu) << " syllables/s of CPU time (" << size_t(in_syl / secs)
              << " by the wall clock); model load " << load * 1000 << " ms\n";
    return 0;
  }
  return Usage();
}
