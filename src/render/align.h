#pragma once
// How a table column is aligned: one enum for the report document's tables and the text tables
// (render/text_table.h), so that a benchmark's tables become a report's without translation.

namespace cjb::render {

enum class Align { Left, Centre, Right };

}  // namespace cjb::render
