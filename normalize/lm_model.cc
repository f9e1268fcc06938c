#include "normalize/lm_model.h"

#include "normalize/syllable.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>

namespace vanban::normalize {
namespace {

constexpr char kMagic[8] = {'V', 'B', 'L', 'M', '0', '0', '0', '2'};
constexpr char kMagicV1[8] = {'V', 'B', 'L', 'M', '0', '0', '0', '1'};
constexpr size_t kSectionAlign = 64;  // a cache line
constexpr size_t kTableHead = 64;     // u64 slots, padded: records start on a line

// The sections the decoder reads at random, copied at load into memory
// the kernel may back with 2 MB pages (HotCopy).
constexpr std::string_view kHotSections[] = {"bigram", "trigram", "cands", "chcands"};
constexpr size_t kHugePage = size_t(2) << 20;

// Whether transparent huge pages can be had for the asking (madvise or
// always); "never" makes the copy pointless.
bool HugePagesOffered() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  std::getline(f, modes);
  return modes.find("[always]") != std::string::npos || modes.find("[madvise]") != std::string::npos;
}

// `bytes` (a multiple of kHugePage) of zeroed anonymous memory aligned to a
// huge page and asked to be backed by them; nullptr if none could be had.
// Freed with munmap(p, bytes).
char* MapHugePages(size_t bytes) {
  // Over-allocated by a page to align to one; the slack is returned.
  void* p = ::mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return nullptr;
  char* base = static_cast<char*>(p);
  char* aligned = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(base) + kHugePage - 1) & ~(kHugePage - 1));
  if (aligned > base) ::munmap(base, aligned - base);
  ::munmap(aligned + bytes, base + kHugePage - aligned);
  ::madvise(aligned, bytes, MADV_HUGEPAGE);
  return aligned;
}

// Drops the whole pages of `bytes` from a read-only file mapping: they will
// not be read again (they refault from the file if they are).
void DropMappedPages(std::string_view bytes) {
  const uintptr_t page = uintptr_t(::sysconf(_SC_PAGESIZE));
  const uintptr_t from = (reinterpret_cast<uintptr_t>(bytes.data()) + page - 1) & ~(page - 1);
  const uintptr_t to = (reinterpret_cast<uintptr_t>(bytes.data()) + bytes.size()) & ~(page - 1);
  if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
}

struct SectionEntry {
  char name[16];
  uint64_t offset;
  uint64_t size;
};

template <typename T>
const T* At(std::string_view section, size_t byte_offset) {
  return reinterpret_cast<const T*>(section.data() + byte_offset);
}

}  // namespace

uint64_t HashString(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a, then mixed
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  h = HashKey(h);
  return h == kEmptySlot ? h - 1 : h;
}

Result<std::unique_ptr<LmModel>> LmModel::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::NotFound("language model not found: " + path);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || st.st_size < 12) {
    ::close(fd);
    return Status::Corrupt("language model too small: " + path);
  }
  // Mapped with its page table filled: the decoder's reads land all over
  // the 21 MB of tables, and each first touch of a page was a page fault
  // in a fresh process (restore_tool on the held-out eng-OCR pages: 1,167
  // page faults a run before, 871 after; OCR mode ~4% faster). On a
  // page-cache-warm file this adds nothing measurable to the ~5 ms load;
  // from a cold one it reads the whole file at load.
  void* p = ::mmap(nullptr, st.st_size, PROT_READ, MAP_SHARED | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (p == MAP_FAILED) return Status::IOError("cannot map language model: " + path);
  std::unique_ptr<LmModel> m(new LmModel());
  m->data_ = static_cast<const char*>(p);
  m->size_ = st.st_size;
  Status s = m->Init();
  if (!s.ok()) return Status::Corrupt(s.message() + ": " + path);
  return m;
}

LmModel::~LmModel() {
  if (data_) ::munmap(const_cast<char*>(data_), size_);
  if (hot_) ::munmap(hot_, hot_size_);
}

void LmModel::HotCopy() {
  // The tables are 27 MB read at random: with 4 KB pages most probes also
  // miss the TLB, and in a virtual machine a page walk is dear (on the
  // held-out eng-OCR pages, ExtendTrigram spent a sixth of its time on the
  // instructions after its prefetches). 2 MB pages cover them in 14
  // entries. Anonymous memory gets them on request; a file mapping does
  // not. The copy's pages of the file are then dropped.
  if (!HugePagesOffered()) return;
  auto aligned = [](size_t n) { return (n + kSectionAlign - 1) / kSectionAlign * kSectionAlign; };
  size_t bytes = RowFilterWords() * 8;
  for (std::string_view name : kHotSections) bytes += aligned(MappedSection(name).size());
  bytes = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  hot_ = MapHugePages(bytes);
  if (!hot_) return;
  hot_size_ = bytes;
  size_t at = 0;
  for (std::string_view name : kHotSections) {
    const std::string_view mapped = MappedSection(name);
    if (mapped.empty()) continue;
    std::memcpy(hot_ + at, mapped.data(), mapped.size());
    hot_sections_.emplace_back(name, std::string_view(hot_ + at, mapped.size()));
    DropMappedPages(mapped);
    at += aligned(mapped.size());
  }
  if (RowFilterWords() > 0) hot_filter_ = reinterpret_cast<uint64_t*>(hot_ + at);
}

size_t LmModel::RowFilterWords() const {
  return vocab_count_ <= kMaxRowsVocab ? vocab_count_ * ((uint64_t(vocab_count_) + 63) / 64) : 0;
}

std::string_view LmModel::Section(std::string_view name) const {
  for (const auto& [hot, bytes] : hot_sections_)
    if (hot == name) return bytes;
  return MappedSection(name);
}

std::string_view LmModel::MappedSection(std::string_view name) const {
  uint32_t n;
  std::memcpy(&n, data_ + 8, 4);
  const SectionEntry* e = reinterpret_cast<const SectionEntry*>(data_ + 16);
  for (uint32_t i = 0; i < n; ++i)
    if (std::string_view(e[i].name, strnlen(e[i].name, 16)) == name)
      return std::string_view(data_ + e[i].offset, e[i].size);
  return {};
}

Status LmModel::Init() {
  if (std::memcmp(data_, kMagicV1, 8) == 0)
    return Status::Corrupt("a language model of format 1, which this version no longer reads; rebuild it with "
                           "`vanban lm build` (or `vanban lm build --from-db` for an archive model)");
  if (std::memcmp(data_, kMagic, 8) != 0) return Status::Corrupt("not a vanban language model");
  uint32_t n;
  std::memcpy(&n, data_ + 8, 4);
  if (16 + uint64_t(n) * sizeof(SectionEntry) > size_) return Status::Corrupt("truncated header");
  const SectionEntry* e = reinterpret_cast<const SectionEntry*>(data_ + 16);
  for (uint32_t i = 0; i < n; ++i)
    if (e[i].offset > size_ || e[i].size > size_ - e[i].offset || e[i].offset % kSectionAlign)
      return Status::Corrupt("section out of bounds");
  std::string_view vocab = Section("vocab"), uni = Section("unigram");
  if (vocab.size() < 8 || Section("bigram").size() < 8 || Section("trigram").size() < 8 ||
      Section("cands").size() < 8)
    return Status::Corrupt("missing section");
  vocab_count_ = *At<uint32_t>(vocab, 0);
  if (vocab.size() < 4 + 4 * (uint64_t(vocab_count_) + 1) || vocab_count_ > 65535)
    return Status::Corrupt("bad vocab");
  vocab_offsets_ = At<uint32_t>(vocab, 4);
  vocab_bytes_ = vocab.data() + 4 + 4 * (vocab_count_ + 1);
  if (vocab_offsets_[vocab_count_] > vocab.size()) return Status::Corrupt("bad vocab");
  if (uni.size() != 8ull * vocab_count_) return Status::Corrupt("bad unigram");
  unigram_ = At<float>(uni, 0);
  std::string_view cs = Section("case");
  if (!cs.empty()) {
    if (cs.size() != 8ull * vocab_count_) return Status::Corrupt("bad case section");
    case_ = At<float>(cs, 0);
  }

  HotCopy();
  const std::string_view bi = Section("bigram"), tri = Section("trigram"), cands = Section("cands");
  static_assert(sizeof(BigramSlot) == 16);
  uint64_t slots = *At<uint64_t>(bi, 0);
  if ((slots & (slots - 1)) || bi.size() != kTableHead + slots * sizeof(BigramSlot))
    return Status::Corrupt("bad bigram");
  bi_mask_ = slots - 1;
  bi_ = At<BigramSlot>(bi, kTableHead);
  BuildBigramFilter();

  slots = *At<uint64_t>(tri, 0);
  if ((slots & (slots - 1)) || tri.size() != kTableHead + slots * kTrigramSlot) return Status::Corrupt("bad trigram");
  tri_mask_ = slots - 1;
  tri_ = tri.data() + kTableHead;
  std::string_view four = Section("fourgram");
  if (!four.empty()) {
    slots = *At<uint64_t>(four, 0);
    if ((slots & (slots - 1)) || four.size() < 8 + slots * 10) return Status::Corrupt("bad fourgram");
    four_mask_ = slots - 1;
    four_keys_ = At<uint64_t>(four, 8);
    four_vals_ = At<uint16_t>(four, 8 + slots * 8);
  }

  slots = *At<uint64_t>(cands, 0);
  if ((slots & (slots - 1)) || cands.size() < 8 + slots * 16) return Status::Corrupt("bad cands");
  cand_mask_ = slots - 1;
  cand_keys_ = At<uint64_t>(cands, 8);
  cand_begin_ = At<uint32_t>(cands, 8 + slots * 8);
  cand_end_ = At<uint32_t>(cands, 8 + slots * 12);
  cand_ids_ = At<SyllableId>(cands, 8 + slots * 16);
  uint64_t ids = (cands.size() - 8 - slots * 16) / 2;
  for (uint64_t i = 0; i < slots; ++i)
    if (cand_keys_[i] != kEmptySlot && (cand_end_[i] > ids || cand_begin_[i] > cand_end_[i]))
      return Status::Corrupt("bad cands");
  return Status::Ok();
}

std::string_view LmModel::Syllable(SyllableId id) const {
  if (id >= vocab_count_) return {};
  return std::string_view(vocab_bytes_ + vocab_offsets_[id], vocab_offsets_[id + 1] - vocab_offsets_[id]);
}

std::span<const SyllableId> LmModel::Candidates(std::string_view folded) const {
  uint64_t h = HashString(folded);
  for (uint64_t i = HashKey(h) & cand_mask_;; i = (i + 1) & cand_mask_) {
    uint64_t k = cand_keys_[i];
    if (k == h) return {cand_ids_ + cand_begin_[i], cand_ids_ + cand_end_[i]};
    if (k == kEmptySlot) return {};
  }
}

void LmModel::BuildBigramFilter() {
  // One pass over the table (8 MB, read cold at load) where the rows fit; a
  // second and third for the Bloom filter otherwise.
  bi_rows_ = RowFilterWords() > 0;
  if (bi_rows_) {
    bi_row_bits_ = (uint64_t(vocab_count_) + 63) & ~uint64_t(63);
    uint64_t* rows = hot_filter_;  // zeroed
    if (!rows) {
      bi_filter_.assign(RowFilterWords(), 0);
      rows = bi_filter_.data();
    }
    filter_ = rows;
    std::vector<std::pair<std::string, SyllableId>> by_fold(vocab_count_);
    for (SyllableId id = 0; id < vocab_count_; ++id) by_fold[id] = {FoldSyllable(Syllable(id)), id};
    std::sort(by_fold.begin(), by_fold.end());
    bi_column_.resize(vocab_count_);
    for (size_t i = 0; i < by_fold.size(); ++i) bi_column_[by_fold[i].second] = uint16_t(i);
    for (uint64_t i = 0; i <= bi_mask_; ++i) {
      const uint64_t key = bi_[i].key, v = key >> 16, w = key & 0xFFFF;
      if (bi_[i].key == kFreeBigram) continue;
      if (v >= vocab_count_ || w >= vocab_count_) {  // a key out of the vocabulary: no row for it
        bi_rows_ = false;
        break;
      }
      const uint64_t bit = v * bi_row_bits_ + bi_column_[w];
      rows[bit >> 6] |= 1ULL << (bit & 63);
    }
    if (bi_rows_) return;
  }
  size_t stored = 0;
  for (uint64_t i = 0; i <= bi_mask_; ++i) stored += bi_[i].key != kFreeBigram;
  size_t words = 1;
  bi_filter_shift_ = 64;
  while (words * 64 < stored * 24) words <<= 1, --bi_filter_shift_;
  bi_filter_.assign(words, 0);
  if (words == 1) bi_filter_shift_ = 63, bi_filter_.assign(2, 0);  // a shift by 64 is undefined
  filter_ = bi_filter_.data();
  for (uint64_t i = 0; i <= bi_mask_; ++i) {
    if (bi_[i].key == kFreeBigram) continue;
    uint64_t h = FilterHash(bi_[i].key);
    bi_filter_[h >> bi_filter_shift_] |= (1ULL << ((h >> 36) & 63)) | (1ULL << ((h >> 42) & 63));
  }
}

float LmModel::LogProb2(SyllableId v, SyllableId w, bool* stored) const {
  uint64_t key = (uint64_t(v) << 16) | w;
  if (MaybeBigram(FilterPartOfV(v) + FilterPartOfW(w))) {
    for (uint64_t i = HashKey(key) & bi_mask_;; i = (i + 1) & bi_mask_) {
      if (bi_[i].key == key) {
        if (stored) *stored = true;
        return DequantizeLogProb(bi_[i].value & 0xFFFF);
      }
      if (bi_[i].key == kFreeBigram) break;
    }
  }
  if (stored) *stored = false;
  return unigram_[2 * v + 1] + unigram_[2 * w];
}

void LmModel::LogProb2Many(std::span<const SyllableId> vs, std::span<const SyllableId> ws, float* p2,
                           uint8_t* stored, std::vector<uint64_t>& hashes) const {
  // Pass 1: every pair's answer as if not stored, and the filter (in
  // cache) asked; the table's slots of the pairs it lets through (9% on
  // OCR text) are fetched. Pass 2: those pairs probed. `hashes` holds
  // (key << 32 | pair) of the pairs let through. Members and spans are
  // copied to locals: stores through `stored` (a char type) may alias
  // anything, and the compiler would reload them every pair.
  const size_t V = vs.size(), W = ws.size();
  const SyllableId* v_ids = vs.data();
  const SyllableId* w_ids = ws.data();
  const float* unigram = unigram_;
  std::memset(stored, 0, V * W);
  hashes.resize(V * W);
  uint64_t* through = hashes.data();
  size_t n = 0;
  for (size_t i = 0, k = 0; i < W; ++i) {
    const uint64_t w = w_ids[i];
    const float p1 = unigram[2 * w];
    const uint64_t fw = FilterPartOfW(SyllableId(w));
    for (size_t j = 0; j < V; ++j, ++k) {
      p2[k] = unigram[2 * v_ids[j] + 1] + p1;
      through[n] = ((uint64_t(v_ids[j]) << 16 | w) << 32) | k;
      n += MaybeBigram(FilterPartOfV(v_ids[j]) + fw);
    }
  }
  const BigramSlot* table = bi_;
  for (size_t m = 0; m < n; ++m) __builtin_prefetch(&table[HashKey(through[m] >> 32) & bi_mask_]);
  for (size_t m = 0; m < n; ++m) {
    const uint64_t key = through[m] >> 32;
    const size_t k = uint32_t(through[m]);
    for (uint64_t s = HashKey(key) & bi_mask_;; s = (s + 1) & bi_mask_) {
      if (table[s].key == key) {
        stored[k] = 1;
        p2[k] = DequantizeLogProb(table[s].value & 0xFFFF);
        break;
      }
      if (table[s].key == kFreeBigram) break;
    }
  }
}

LmModel::Context LmModel::ContextAt(const BigramSlot& slot) const {
  const uint16_t q = slot.value >> 16;
  return {DequantizeLogProb(q), q != 0, q != 0 ? slot.next_words : 0};
}

bool LmModel::Bigram(SyllableId v, SyllableId w, float* p2, Context* context) const {
  const uint32_t key = (uint32_t(v) << 16) | w;
  for (uint64_t s = HashKey(key) & bi_mask_;; s = (s + 1) & bi_mask_) {
    if (bi_[s].key == key) {
      *p2 = DequantizeLogProb(bi_[s].value & 0xFFFF);
      *context = ContextAt(bi_[s]);
      return true;
    }
    if (bi_[s].key == kFreeBigram) return false;
  }
}

uint64_t LmModel::TrigramKeyAt(uint64_t slot) const {
  uint64_t key;
  std::memcpy(&key, tri_ + slot * kTrigramSlot, 8);
  return key;
}

uint32_t LmModel::TrigramValueAt(uint64_t slot) const {
  uint32_t value;
  std::memcpy(&value, tri_ + slot * kTrigramSlot + 8, 4);
  return value;
}

void LmModel::TrigramMany(std::span<const uint64_t> keys, float* logprob) const {
  for (uint64_t key : keys) PrefetchTrigram(key);
  for (size_t k = 0; k < keys.size(); ++k)
    for (uint64_t s = HashKey(keys[k]) & tri_mask_;; s = (s + 1) & tri_mask_) {
      const uint64_t key = TrigramKeyAt(s);
      if (key == keys[k]) {
        logprob[k] = DequantizeLogProb(TrigramValueAt(s) & 0xFFFF);
        break;
      }
      if (key == kEmptySlot) break;
    }
}

float LmModel::LogProb(SyllableId u, SyllableId v, SyllableId w) const {
  bool stored;
  float p2 = LogProb2(v, w, &stored);
  float lp;
  if (stored && Trigram(u, v, w, &lp)) return lp;
  return ContextOf(u, v).backoff + p2;
}

float LmModel::LogProb(SyllableId t, SyllableId u, SyllableId v, SyllableId w) const {
  if (four_keys_) {
    Context c = Context3Of(t, u, v);
    float lp;
    if (c.has_trigrams && Fourgram(t, u, v, w, &lp)) return lp;
    return c.backoff + LogProb(u, v, w);
  }
  return LogProb(u, v, w);
}

LmModel::Context LmModel::ContextOf(SyllableId u, SyllableId v) const {
  const uint32_t ctx = (uint32_t(u) << 16) | v;
  for (uint64_t i = HashKey(ctx) & bi_mask_;; i = (i + 1) & bi_mask_) {
    if (bi_[i].key == ctx) return ContextAt(bi_[i]);
    if (bi_[i].key == kFreeBigram) return {};
  }
}

bool LmModel::Trigram(SyllableId u, SyllableId v, SyllableId w, float* logprob) const {
  const uint64_t key = TrigramKey(u, v, w);
  for (uint64_t i = HashKey(key) & tri_mask_;; i = (i + 1) & tri_mask_) {
    const uint64_t k = TrigramKeyAt(i);
    if (k == key) {
      *logprob = DequantizeLogProb(TrigramValueAt(i) & 0xFFFF);
      return true;
    }
    if (k == kEmptySlot) return false;
  }
}

LmModel::Context LmModel::Context3Of(SyllableId t, SyllableId u, SyllableId v) const {
  if (!four_keys_) return {};
  uint64_t key = (uint64_t(t) << 32) | (uint64_t(u) << 16) | v;
  for (uint64_t i = HashKey(key) & tri_mask_;; i = (i + 1) & tri_mask_) {
    const uint64_t k = TrigramKeyAt(i);
    if (k == key) {
      const uint16_t q = TrigramValueAt(i) >> 16;
      return {DequantizeLogProb(q), q != 0};
    }
    if (k == kEmptySlot) return {};
  }
}

bool LmModel::Fourgram(SyllableId t, SyllableId u, SyllableId v, SyllableId w, float* logprob) const {
  uint64_t key = (uint64_t(t) << 48) | (uint64_t(u) << 32) | (uint64_t(v) << 16) | w;
  for (uint64_t i = HashKey(key) & four_mask_;; i = (i + 1) & four_mask_) {
    uint64_t k = four_keys_[i];
    if (k == key) {
      *logprob = DequantizeLogProb(four_vals_[i]);
      return true;
    }
    if (k == kEmptySlot) return false;
  }
}

SyllableId LmModel::Find(std::string_view lower) const {
  for (SyllableId id : Candidates(FoldSyllable(lower)))
    if (Syllable(id) == lower) return id;
  return kUnk;
}

void LmWriter::Add(std::string name, std::string bytes) {
  sections_.emplace_back(std::move(name), std::move(bytes));
}

const std::string* LmWriter::Find(std::string_view name) const {
  for (const auto& [n, bytes] : sections_)
    if (n == name) return &bytes;
  return nullptr;
}

Status LmWriter::Write(const std::string& path) const {
  std::string out(kMagic, 8);
  uint32_t n = sections_.size();
  out.append(reinterpret_cast<const char*>(&n), 4);
  out.append(4, '\0');
  uint64_t offset = 16 + sections_.size() * sizeof(SectionEntry);
  std::string body;
  for (const auto& [name, bytes] : sections_) {
    SectionEntry e{};
    std::strncpy(e.name, name.c_str(), 15);
    while ((offset + body.size()) % kSectionAlign) body += '\0';
    e.offset = offset + body.size();
    e.size = bytes.size();
    body += bytes;
    out.append(reinterpret_cast<const char*>(&e), sizeof e);
  }
  out += body;
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IOError("cannot write " + tmp);
    f.write(out.data(), out.size());
    if (!f) return Status::IOError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IOError("cannot rename to " + path);
  return Status::Ok();
}

}  // namespace vanban::normalize
