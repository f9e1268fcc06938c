// Abbreviations and document-number codes the language model cannot restore:
// they are not syllables, so an unaccented "SGDDT" would otherwise stay as is.
//
// Two kinds of entry:
//   - codes that only ever mean one thing (HĐND, GD&ĐT, SGDĐT, BGDĐT, CTĐT):
//     restored wherever they stand;
//   - short codes that are also ordinary letter pairs (QĐ, NĐ, ĐT): restored
//     only inside a document number or code ("123/QD-UBND", "ND-CP",
//     "GD&DT"), where Nghị định 30/2020 (Phụ lục VI) fixes their spelling.
// Codes without Đ (UBND, THPT, TTHC, CCHC, PAR INDEX, SIPAS, PCI) need no
// entry: they pass through unchanged.
//
// Internal to normalize/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::normalize {

// `chunk` is a whitespace-separated piece of text stripped of surrounding
// brackets and punctuation ("38/KH-SGDDT", "GD&DT", "HDND"). Returns the
// restored chunk when a lexicon rule applies, nullopt otherwise.
std::optional<std::string> RestoreCode(std::string_view chunk);

}  // namespace vanban::normalize
