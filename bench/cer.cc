// vanban_cer REFERENCE HYPOTHESIS: prints "cer=0.0123 errors=45 chars=3650".
// Files are UTF-8 text; see bench/cer.h for the normalisation.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "bench/cer.h"

static bool Slurp(const char* path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: vanban_cer REFERENCE.txt HYPOTHESIS.txt\n");
    return 2;
  }
  std::string ref, hyp;
  if (!Slurp(argv[1], &ref) || !Slurp(argv[2], &hyp)) {
    std::fprintf(stderr, "vanban_cer: cannot read %s\n", Slurp(argv[1], &ref) ? argv[2] : argv[1]);
    return 1;
  }
  const vanban::bench::Cer cer = vanban::bench::CharacterErrorRate(ref, hyp);
  std::printf("cer=%.5f errors=%ld chars=%ld\n", cer.rate(), cer.errors, cer.reference_chars);
  return 0;
}
