#pragma once
// The date a new assessment gets when none is given.

#include <string>

namespace cjb::cli {

// Today as YYYY-MM-DD; SOURCE_DATE_EPOCH (UTC) when set, so that tests get the same bytes.
std::string today();

}  // namespace cjb::cli
