// Search: FTS5 over exact (accented) and folded text, exact matches first.
//
// Why two forms. Folding alone merges Vietnamese minimal pairs ("bán" sell /
// "bản" copy, "cải" reform / "cãi" argue), and accents alone miss every query
// typed without them. The `search` table holds both (schema.cc); a query is
// run once against the union (exact columns OR folded columns) and each hit is
// marked exact when the accented form of every word is found, which sorts it
// above the hits that only the folded form found (for a query that has
// accents; see the ORDER BY below).
//
// Safety. User text never reaches the FTS5 syntax or the SQL unquoted: each
// word becomes an FTS5 string ("..." with " doubled — and double quotes are
// word separators here anyway), every value is a bound parameter, and the SQL
// around them is built only from fixed fragments.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <variant>

#include "common/vietnamese.h"
#include "store/archive_impl.h"

namespace vanban::store {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// ---- Query words -------------------------------------------------------------

struct QueryWord {
  std::string text;
  bool prefix = false;  // "cải*"
};

// True when the folded word holds something the tokenizer keeps as a token:
// an ASCII letter or digit (every Vietnamese letter folds to one), or a
// non-ASCII character outside the punctuation blocks (another script).
bool HasTokenChars(std::string_view folded) {
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = folded[i];
    if (c < 0x80) {
      if (std::isalnum(c)) return true;
      continue;
    }
    // Lead bytes of U+0080–U+00BF (C2: Latin-1 punctuation) and
    // U+2000–U+206F (E2 80/81: general punctuation, dashes, quotes, "…").
    if (c == 0xC2) {
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 1 < folded.size() && (static_cast<unsigned char>(folded[i + 1]) & 0xFE) == 0x80) {
      i += 2;
      continue;
    }
    if (c >= 0xC0) return true;
  }
  return false;
}

// Splits a user query into words and "quoted phrases". An unbalanced quote
// runs to the end. Words without any token character ("-", "*", "(", "'")
// are dropped: FTS5 would see them as empty phrases.
std::vector<QueryWord> SplitQuery(std::string_view q) {
  std::vector<QueryWord> words;
  std::string current;
  bool in_quotes = false;
  auto flush = [&](bool phrase) {
    std::string_view t = Trim(current);
    QueryWord w;
    if (!phrase) {
      while (!t.empty() && t.back() == '*') {
        t.remove_suffix(1);
        w.prefix = true;
      }
    }
    w.text = std::string(t);
    if (HasTokenChars(FoldedForm(w.text))) words.push_back(std::move(w));
    current.clear();
  };
  for (char c : q) {
    if (c == '"') {
      flush(in_quotes);
      in_quotes = !in_quotes;
    } else if (c == ' ' || static_cast<unsigned char>(c) < 0x20) {
      // Control characters (NUL included) are spaces: inside a phrase they
      // separate its words, outside they end a word.
      if (in_quotes) {
        current += ' ';
      } else {
        flush(false);
      }
    } else {
      current += c;
    }
  }
  flush(in_quotes);
  return words;
}

// "cải" → "\"cải\"", with a prefix star outside the string.
std::string FtsString(std::string_view text, bool prefix) {
  std::string s = "\"";
  for (char c : text) {
    if (c == '"') s += '"';
    s += c;
  }
  s += '"';
  if (prefix) s += " *";
  return s;
}

// Both FTS5 expressions for a query: the words, implicitly AND-ed, restricted
// to the exact or the folded columns.
struct FtsQuery {
  std::string exact, any;
  std::string phrase;  // the words in order, folded: "cai cach hanh chinh"; "" for one word
};

FtsQuery BuildFtsQuery(const std::vector<QueryWord>& words) {
  std::string exact, folded;
  for (const QueryWord& w : words) {
    if (!exact.empty()) exact += ' ', folded += ' ';
    exact += FtsString(ExactForm(w.text), w.prefix);
    folded += FtsString(FoldedForm(w.text), w.prefix);
  }
  FtsQuery q;
  q.exact = "{title body} : (" + exact + ")";
  q.any = q.exact + " OR {title_folded body_folded} : (" + folded + ")";
  if (words.size() > 1) {
    std::string joined;
    for (const QueryWord& w : words) {
      if (!joined.empty()) joined += ' ';
      joined += FoldedForm(w.text);
    }
    q.phrase = "{title_folded body_folded} : " + FtsString(joined, words.back().prefix);
  }
  return q;
}

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// ---- vanban_snippet() --------------------------------------------------------
//
// snippet() can only highlight the column that matched, so a folded hit would
// show unaccented text ("cai cach hanh chinh"). The exact and folded columns
// of a row hold the same tokens at the same positions (folding maps letters to
// letters), so the folded matches are highlighted in the accented text
// instead. When the token counts differ (a character folding oddly) the
// folded column itself is shown.

struct TokenSpan {
  int begin, end;
};

int CollectToken(void* ctx, int flags, const char*, int, int begin, int end) {
  if (!(flags & FTS5_TOKEN_COLOCATED)) static_cast<std::vector<TokenSpan>*>(ctx)->push_back({begin, end});
  return SQLITE_OK;
}

// vanban_snippet(search, window_tokens)
void VanbanSnippet(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int nargs,
                   sqlite3_value** args) {
  int window = nargs > 0 ? sqlite3_value_int(args[0]) : 12;
  window = std::clamp(window, 4, 64);

  std::set<int> hits[4];  // token positions per column: title, body, title_folded, body_folded
  int count = 0;
  int rc = api->xInstCount(fts, &count);
  for (int i = 0; rc == SQLITE_OK && i < count; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK || column < 0 || column > 3) continue;
    int size = api->xPhraseSize(fts, phrase);
    for (int k = 0; k < std::max(size, 1); ++k) hits[column].insert(offset + k);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(out, rc);
    return;
  }

  // The body when it matched, else the title.
  int c = (!hits[1].empty() || !hits[3].empty()) ? 1 : 0;
  int exact_size = 0, folded_size = 0;
  api->xColumnSize(fts, c, &exact_size);
  api->xColumnSize(fts, c + 2, &folded_size);
  int shown = c;
  std::set<int> marks = hits[c];
  if (exact_size == folded_size) {
    marks.insert(hits[c + 2].begin(), hits[c + 2].end());
  } else if (marks.empty()) {
    shown = c + 2;
    marks = hits[c + 2];
  }

  const char* text = nullptr;
  int length = 0;
  if ((rc = api->xColumnText(fts, shown, &text, &length)) != SQLITE_OK) {
    sqlite3_result_error_code(out, rc);
    return;
  }
  std::vector<TokenSpan> tokens;
  if (text && length > 0) api->xTokenize(fts, text, length, &tokens, CollectToken);
  if (tokens.empty()) {
    sqlite3_result_text(out, "", 0, SQLITE_STATIC);
    return;
  }
  const int n = static_cast<int>(tokens.size());

  // The window holding most matched tokens, with a little context before the
  // first of them; the earliest such window on ties.
  int best_start = 0, best_count = -1;
  for (int h : marks) {
    if (h >= n) break;
    int start = std::max(0, h - window / 4);
    int in_window = static_cast<int>(std::distance(marks.lower_bound(start), marks.lower_bound(start + window)));
    if (in_window > best_count) best_start = start, best_count = in_window;
  }
  int end = std::min(n, best_start + window);
  int start = std::max(0, std::min(best_start, end - window));

  // Matched tokens separated only by white space share one pair of brackets:
  // "[cải cách hành chính], [cải cách]".
  auto joined = [&](int t) {  // token t and t + 1 are one bracketed run
    if (t + 1 >= end || !marks.count(t) || !marks.count(t + 1)) return false;
    for (int i = tokens[t].end; i < tokens[t + 1].begin; ++i) {
      if (!std::isspace(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
  };
  std::string s;
  if (start > 0) s += "…";
  int pos = tokens[start].begin;
  for (int t = start; t < end; ++t) {
    s.append(text + pos, tokens[t].begin - pos);
    bool hit = marks.count(t) > 0;
    if (hit && (t == start || !joined(t - 1))) s += '[';
    s.append(text + tokens[t].begin, tokens[t].end - tokens[t].begin);
    if (hit && !joined(t)) s += ']';
    pos = tokens[t].end;
  }
  if (end < n) s += "…";

  // One line: page breaks, line ends and runs of spaces become one space.
  std::string flat;
  for (char ch : s) {
    bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t' || ch == '\f' || ch == '\v';
    if (space) {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
    } else {
      flat += ch;
    }
  }
  sqlite3_result_text(out, flat.data(), static_cast<int>(flat.size()), SQLITE_TRANSIENT);
}

// Bound parameters in the order their "?N" appear in the SQL.
using Param = std::variant<std::string, int64_t, double>;

std::string Placeholder(std::vector<Param>& params, Param value) {
  params.push_back(std::move(value));
  return std::string("?").append(std::to_string(params.size()));
}

}  // namespace

Status RegisterSearchFunctions(Db& db) { return db.CreateFts5Function("vanban_snippet", VanbanSnippet); }

Result<TargetFilter> ParseTargetFilter(std::string_view text) {
  std::string_view s = Trim(text);
  TargetFilter f;
  f.comparator = "=";
  // Longest first, so that ">=" is not read as ">".
  static const std::pair<std::string_view, std::string_view> kComparators[] = {
      {">=", ">="}, {"=>", ">="}, {"≥", ">="}, {"<=", "<="}, {"=<", "<="}, {"≤", "<="},
      {"==", "="},  {">", ">"},   {"<", "<"},  {"=", "="}};
  for (const auto& [spelling, comparator] : kComparators) {
    if (StartsWith(s, spelling)) {
      f.comparator = std::string(comparator);
      s = Trim(s.substr(spelling.size()));
      break;
    }
  }
  std::string number;
  size_t i = 0;
  bool decimal = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      number += c;
    } else if ((c == '.' || c == ',') && !decimal && !number.empty() && i + 1 < s.size() &&
               std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      number += '.';  // "98,5%": the Vietnamese decimal comma
      decimal = true;
    } else {
      break;
    }
  }
  if (number.empty()) {
    return Status::InvalidInput("target filter \"" + std::string(text) +
                                "\": expected a comparator and a number, like \">=98%\"");
  }
  f.value = std::stod(number);
  f.unit = std::string(Trim(s.substr(i)));
  return f;
}

Result<std::vector<SearchHit>> Archive::Search(const SearchQuery& query) {
  std::vector<QueryWord> words = SplitQuery(query.query);
  // Text without a single word ("*", "--", "()") finds nothing; an empty
  // query lists what the filters keep.
  if (words.empty() && !Trim(query.query).empty()) return std::vector<SearchHit>{};

  std::vector<Param> params;
  std::string sql;
  if (words.empty()) {
    sql = "SELECT d.id, d.number, d.issuer, d.date, d.title, d.doc_type, d.path, '' AS snippet, "
          "0.0 AS score, 0 AS exact, 0 AS phrase FROM documents d WHERE d.status = 'ok' AND d.superseded_by IS NULL";
  } else {
    FtsQuery fts = BuildFtsQuery(words);
    std::string any = Placeholder(params, fts.any);
    std::string exact = Placeholder(params, fts.exact);
    // Order: exact hits first; then, within each tier, plans holding the
    // words as one phrase ("cải cách hành chính" together, not scattered);
    // then bm25, where a word in the title counts 4 times one in the body.
    std::string phrase_hits = "0";
    if (!fts.phrase.empty()) {
      phrase_hits = "(search.rowid IN (SELECT rowid FROM search WHERE search MATCH " +
                    Placeholder(params, fts.phrase) + "))";
    }
    sql = "WITH exact_hits(id) AS (SELECT rowid FROM search WHERE search MATCH " + exact + ") "
          "SELECT d.id, d.number, d.issuer, d.date, d.title, d.doc_type, d.path, "
          "vanban_snippet(search, 14) AS snippet, bm25(search, 4.0, 1.0, 4.0, 1.0) AS score, "
          "(search.rowid IN (SELECT id FROM exact_hits)) AS exact, " + phrase_hits + " AS phrase "
          "FROM search JOIN documents d ON d.id = search.rowid "
          "WHERE search MATCH " + any + " AND d.status = 'ok' AND d.superseded_by IS NULL";
  }

  if (query.issuer && !Trim(*query.issuer).empty()) {
    sql += " AND instr(d.issuer_folded, " + Placeholder(params, FoldedForm(Trim(*query.issuer))) + ") > 0";
  }
  if (query.year) sql += " AND d.year = " + Placeholder(params, int64_t{*query.year});
  if (query.kind && !Trim(*query.kind).empty()) {
    sql += " AND d.doc_type_folded = " + Placeholder(params, FoldedForm(Trim(*query.kind)));
  }
  if (query.target) {
    const TargetFilter& t = *query.target;
    // A small tolerance: values are parsed from text ("98,5") on both sides.
    std::string v = Placeholder(params, t.value), condition;
    if (t.comparator == ">=") condition = "t.value >= " + v + " - 1e-9";
    else if (t.comparator == ">") condition = "t.value > " + v + " + 1e-9";
    else if (t.comparator == "<=") condition = "t.value <= " + v + " + 1e-9";
    else if (t.comparator == "<") condition = "t.value < " + v + " - 1e-9";
    else if (t.comparator == "=") condition = "abs(t.value - " + v + ") <= 1e-9";
    else return Status::InvalidInput("target filter: unknown comparator \"" + t.comparator + "\"");
    if (!Trim(t.unit).empty()) condition += " AND t.unit_folded = " + Placeholder(params, UnitKey(t.unit));
    sql += " AND EXISTS (SELECT 1 FROM targets t WHERE t.doc_id = d.id AND " + condition + ")";
  }
  if (query.deadline_from || query.deadline_to) {
    std::string condition;
    for (const auto& [bound, op] : {std::pair{&query.deadline_from, ">="}, std::pair{&query.deadline_to, "<="}}) {
      if (!*bound) continue;
      if (!IsIsoDate(**bound)) {
        return Status::InvalidInput("deadline bound \"" + **bound + "\": expected an ISO date YYYY-MM-DD");
      }
      condition += std::string(" AND dl.date ") + op + " " + Placeholder(params, **bound);
    }
    sql += " AND EXISTS (SELECT 1 FROM deadlines dl WHERE dl.doc_id = d.id" + condition + ")";
  }
  if (query.responsible && !Trim(*query.responsible).empty()) {
    std::string who = Placeholder(params, FoldedForm(Trim(*query.responsible)));
    sql += " AND (EXISTS (SELECT 1 FROM responsibilities r WHERE r.doc_id = d.id AND instr(r.unit_folded, " +
           who + ") > 0) OR EXISTS (SELECT 1 FROM tasks k WHERE k.doc_id = d.id AND instr(k.lead_folded, " +
           who + ") > 0))";
  }

  // A query typed without diacritics says nothing about them: preferring the
  // texts that literally lack them (OCR that lost its accents) would bury the
  // well-formed plans, so such a query ranks by phrase and bm25 only.
  if (words.empty()) {
    sql += " ORDER BY d.date DESC, d.id DESC";
  } else if (HasVietnameseMarks(query.query)) {
    sql += " ORDER BY exact DESC, phrase DESC, score ASC, d.id ASC";
  } else {
    sql += " ORDER BY phrase DESC, score ASC, d.id ASC";
  }
  sql += " LIMIT " + Placeholder(params, int64_t{query.limit > 0 ? query.limit : -1});

  Result<Stmt> st = impl_->db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (size_t i = 0; i < params.size(); ++i) {
    std::visit([&](const auto& v) { st->Bind(static_cast<int>(i + 1), v); }, params[i]);
  }
  std::vector<SearchHit> hits;
  while (st->Step() == Stmt::kRow) {
    SearchHit h;
    h.id = st->Int64(0);
    h.number = st->OptText(1);
    h.issuer = st->OptText(2);
    h.date = st->OptText(3);
    h.title = st->OptText(4);
    h.doc_type = st->OptText(5);
    h.path = st->Text(6);
    h.snippet = st->Text(7);
    h.score = st->Double(8);
    h.exact = st->Int64(9) != 0;
    hits.push_back(std::move(h));
  }
  if (!st->status().ok()) return st->status();
  return hits;
}

}  // namespace vanban::store
