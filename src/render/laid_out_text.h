#pragma once
// How much of one text a PDF lays out.

#include <string>
#include <string_view>

namespace cjb::render::pdf {

// Laying text out costs pango time and memory in its length (a 15 MiB one-word note took 91 s
// and 1.9 GB), yet a cell shows at most a page of it. So text given to a layout is cut to
// kMaxLaidOutBytes (at a character boundary) and ends in "…" when it was longer: what a PDF
// costs is bounded whatever a note holds (docs/reliability.md).
inline constexpr size_t kMaxLaidOutBytes = 8 * 1024;
std::string laid_out_text(std::string_view text);

}  // namespace cjb::render::pdf
