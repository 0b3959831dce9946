#pragma once
// Loads a data directory: model/model.xml, checklists/*.xml, checklists/profiles/*.xml.

#include <string>
#include <vector>

#include "core/catalog.h"

namespace cjb::xml {

// The .xml files directly in dir, in name order (the same on every machine).
std::vector<std::string> xml_files_in(const std::string& dir);

struct LoadedCatalog {
  Catalog catalog;
  std::vector<Diagnostic> problems;  // parse and meaning problems of every file
};

// Parses and checks a model and the given checklists and profiles; a file that fails to parse
// is left out and its problems recorded. Throws InputError only when the model cannot be read.
LoadedCatalog load_catalog_files(const std::string& model_path, const std::vector<std::string>& checklist_paths,
                                 const std::vector<std::string>& profile_paths);

// Reads, parses and checks everything in data_dir. Throws InputError with every problem found.
Catalog load_catalog(const std::string& data_dir);

}  // namespace cjb::xml
