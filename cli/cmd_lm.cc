// vanban lm build: builds the restorer's language model.
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "cli/archive_open.h"
#include "cli/commands.h"
#include "normalize/lm_build.h"
#include "normalize/syllable.h"
#include "store/store.h"

namespace vanban::cli {
namespace {

struct LmArgs {
  std::string shared_lm = "../shared/lm";  // from the checkout, as the README says
  std::string out;
  std::string ocr_pairs;
  bool from_db = false;
  int admin_weight = 3;
  // Our own sample plans (corpus/README.md), from the checkout like ../shared/lm.
  std::string plans = "corpus/plans";
  int plan_weight = normalize::LmBuildOptions().plan_weight;
};

// A document's own text is evidence only when it came accented: a restored
// text would teach the model its own mistakes.
bool CameAccented(const std::string& raw) {
  size_t tokens = 0, marked = 0;
  for (const normalize::TokenSpan& t : normalize::ScanTokens(raw)) {
    if (!t.word()) continue;
    ++tokens;
    marked += normalize::HasMarks(std::string_view(raw).substr(t.begin, t.end - t.begin));
  }
  return tokens >= 50 && marked * 2 > tokens;
}

int BuildFromDb(const LmArgs& args, Context& context) {
  std::unique_ptr<store::Archive> archive = OpenArchive(context, /*create_if_missing=*/false);
  if (!archive) return context.exit_code;
  store::SearchQuery all;
  all.limit = 0;
  Result<std::vector<store::SearchHit>> hits = archive->Search(all);
  if (!hits.ok()) {
    std::cerr << "vanban: lm build: " << hits.status().ToString() << "\n";
    return kExitArchive;
  }
  std::vector<std::string> texts;
  for (const store::SearchHit& hit : *hits) {
    Result<store::StoredDocument> doc = archive->Get(hit.id);
    if (doc.ok() && CameAccented(doc->raw_text)) texts.push_back(doc->normalized_text);
  }
  std::string base = context.model_path.empty() ? VANBAN_BUNDLED_MODEL : context.model_path;
  std::string out = args.out.empty() ? context.db_path + ".lm" : args.out;
  Status s = normalize::BuildArchiveModel(base, texts, out);
  if (!s.ok()) {
    std::cerr << "vanban: lm build: " << s.ToString() << "\n";
    return kExitSomeFailed;
  }
  if (!context.quiet)
    std::cerr << fmt::format("{}: archive model from {} of {} documents (use: vanban restore --archive-model {})\n",
                             out, texts.size(), hits->size(), out);
  return kExitOk;
}

int Build(const LmArgs& args, Context& context) {
  if (args.from_db) return BuildFromDb(args, context);
  normalize::LmBuildOptions o;
  o.shared_lm_dir = args.shared_lm;
  o.out_path = args.out.empty() ? std::string(VANBAN_BUNDLED_MODEL) : args.out;
  o.ocr_pairs_dir = args.ocr_pairs;
  o.admin_weight = args.admin_weight;
  o.plans_dir = args.plans;
  o.plan_weight = args.plan_weight;
  o.verbose = !context.quiet;
  auto t0 = std::chrono::steady_clock::now();
  Status s = normalize::BuildModel(o);
  if (!s.ok()) {
    std::cerr << "vanban: lm build: " << s.ToString() << "\n";
    return kExitSomeFailed;
  }
  double sec = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!context.quiet) std::cerr << fmt::format("{}: built in {:.0f} s\n", o.out_path, sec);
  return kExitOk;
}

}  // namespace

void AddLmCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<LmArgs>();
  CLI::App* lm = app.add_subcommand("lm", "Build the diacritic-restoration language model");
  lm->require_subcommand(1);
  CLI::App* build = lm->add_subcommand("build", "Build the model (or, with --from-db, an archive model)");
  build->footer(
      "Without --from-db: counts ../shared/lm (laws and administrative documents, the last 12\n"
      "administrative documents held out) and our sample plans (corpus/plans/*.plan), learns\n"
      "OCR confusion costs from --ocr-pairs (made by bench/make_ocr_pairs.sh) and writes the\n"
      "shipped model (default corpus/model/vi.lm).\n"
      "With --from-db: counts the archive's documents that came accented, with the shipped\n"
      "model's vocabulary, and writes DB.lm, which ingest, extract and text then use with the\n"
      "shipped model (and `vanban restore --archive-model DB.lm`).");
  build->add_option("--lm-dir", args->shared_lm, "folder with legal-vlc/ and admin/");
  build->add_option("-o,--out", args->out, "model file to write");
  build->add_option("--ocr-pairs", args->ocr_pairs, "folder of NAME.src.txt / NAME.ocr.txt pairs");
  build->add_option("--admin-weight", args->admin_weight, "weight of the administrative documents' counts")
      ->check(CLI::Range(1, 20));
  build->add_option("--plans", args->plans, "folder of our own sample plans (*.plan); \"\" for none");
  build->add_option("--plan-weight", args->plan_weight, "weight of the sample plans' counts")
      ->check(CLI::Range(1, 1000));
  build->add_flag("--from-db", args->from_db, "build an archive model from the documents in --db");
  build->callback([args, &context] { context.exit_code = Build(*args, context); });
}

}  // namespace vanban::cli
