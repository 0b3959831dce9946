#pragma once
// Field sheets: an assessment's items as a CSV a consultant prints or fills in a spreadsheet
// on the shop floor, and the filled sheet read back into responses.

#include <string>
#include <vector>

#include "core/catalog.h"

namespace cjb::sheet {

// The columns of a field sheet, in order. Reading needs only item, level, na, note and
// evidence; the others are there for the person filling it in and are ignored on import.
const std::vector<std::string>& field_sheet_columns();

// One row per item in scope, in instrument order, with the item's text, guidance, evidence
// hint and level descriptors. Answers already in `prefill` (may be nullptr) fill the level,
// na, note and evidence columns, so a half-done assessment can be finished on paper.
std::string write_field_sheet(const Catalog& catalog, const Instrument& instrument, const Assessment* prefill);

// Reads a filled field sheet: every row with a level or an N/A mark becomes a response; rows
// left blank are unanswered. Throws InputError with every problem, each at file:line:col: a
// missing column, an unknown item or one outside the instrument, an item listed twice, a level
// outside its scale or not a number, a level and N/A together, a note without an answer.
std::vector<Response> read_field_sheet(const std::string& text, const std::string& name, const Instrument& instrument);

// Puts responses into an assessment: each replaces the assessment's response to the same item
// (or is added, in instrument order after the existing ones).
void merge_responses(Assessment& assessment, const std::vector<Response>& responses);

}  // namespace cjb::sheet
