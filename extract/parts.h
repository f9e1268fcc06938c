// Internal to extract/: the extractors Extract() runs, one per part of a
// document. Each reads the canonical text and fills its part of the Record.
// Order matters: the outline comes first so that later parts can attach
// their items to the deepest section that holds them.
#pragma once

#include "common/document.h"
#include "common/normalized_text.h"
#include "common/record.h"

namespace vanban::extract::internal {

// Header block: doc_type and kind name, number, issuer and parent issuer,
// place and date, title (trích yếu).             extract/header.cc
void ExtractHeader(const NormalizedText& text, Record* record);
// Signature block: authority prefix, title lines, name.  extract/signer.cc
void ExtractSigner(const NormalizedText& text, Record* record);
// Nơi nhận items.                                extract/recipients.cc
void ExtractRecipients(const NormalizedText& text, Record* record);
// Documents cited with a number.                 extract/references.cc
void ExtractReferences(const NormalizedText& text, Record* record);

// Section tree: I., 1., 1.1., a), bullets.       extract/outline.cc
void ExtractOutline(const NormalizedText& text, Record* record);
// Quantitative targets.                          extract/targets.cc
void ExtractTargets(const NormalizedText& text, Record* record);
// Dated deadlines and recurring schedules.       extract/deadlines.cc
void ExtractDeadlines(const NormalizedText& text, Record* record);
// Tổ chức thực hiện: unit → duties.              extract/responsibilities.cc
void ExtractResponsibilities(const NormalizedText& text, Record* record);
// Task tables, from word boxes when the pages have them, else from the
// linear text.                                   extract/tasks.cc
void ExtractTasks(const Document& document, const NormalizedText& text, Record* record);

}  // namespace vanban::extract::internal
