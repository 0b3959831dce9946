#pragma once
// Finding and loading the data directory (model/, checklists/, reports/).

#include <string>

#include "core/catalog.h"

namespace cjb::cli {

// The data directory, first of: the --data-dir option, $CJB_DATA, the installed data
// (<prefix>/share/cjb next to the binary's bin/), the source tree the binary was built from.
// Throws Error naming every place tried when none holds model/model.xml.
std::string find_data_dir(const std::string& option);

// find_data_dir + xml::load_catalog.
Catalog load_catalog(const std::string& option);

}  // namespace cjb::cli
