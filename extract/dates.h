// Internal to extract/: dates as Vietnamese administrative documents print them.
//
// Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4: the date line reads
// "ngày 02 tháng 02 năm 2026", with a leading zero for days < 10 and months
// 1 and 2. Real documents break the rule ("ngày 9 tháng 02 năm 2023") and cite
// other documents in figures ("ngày 16/01/2026", "trước ngày 10/3/2026"), so
// both forms are accepted with or without leading zeros. OCR of unaccented
// scans gives "ngay 15 thang 7 nam 2025": the words match without diacritics
// too. All results are ISO "YYYY-MM-DD"; impossible dates (31/02) are refused.
// Patterns are compiled once; the functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::extract::internal {

// A date found in a text: its ISO value and byte range in the searched text.
struct FoundDate {
  std::string iso;    // "2026-02-02"
  size_t begin = 0;   // first byte of the match ("ngày" included when present)
  size_t end = 0;     // one past the last byte
};

// "2026-02-02" for a valid calendar date; arguments in ISO order (year first) (years 1900..2100), nullopt otherwise.
std::optional<std::string> IsoDateYmd(int year, int month, int day);

// Every date in `text`, in order: "ngày 02 tháng 02 năm 2026", "ngay 15 thang 7
// nam 2025", "02/02/2026", "10/3/2026", "25-01-2024". A figure date must be
// d/m/yyyy with one separator kind; "118/2025/NĐ-CP" or "2021-2025" are not dates.
std::vector<FoundDate> FindDates(std::string_view text);

// The first date in `text`, if any.
std::optional<FoundDate> FindDate(std::string_view text);

// The ISO value of the first date in `text`: "ngày 9 tháng 02 năm 2023" →
// "2023-02-09".
std::optional<std::string> ParseDate(std::string_view text);

}  // namespace vanban::extract::internal
