#include "xml/catalog_loader.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "core/checks.h"
#include "core/profile_extension.h"
#include "xml/files.h"
#include "util/files.h"

namespace cjb::xml {

namespace fs = std::filesystem;

std::vector<std::string> xml_files_in(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".xml") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

LoadedCatalog load_catalog_files(const std::string& model_path, const std::vector<std::string>& checklist_paths,
                                 const std::vector<std::string>& profile_paths) {
  LoadedCatalog loaded;
  Catalog& catalog = loaded.catalog;
  auto& problems = loaded.problems;
  catalog.model = parse_model(files::read_file(model_path), model_path);
  problems = check_model(catalog.model);
  auto keep = [&](const InputError& e) { problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end()); };
  for (const auto& path : checklist_paths) {
    try {
      catalog.checklists.push_back(parse_checklist(files::read_file(path), path));
    } catch (const InputError& e) {
      keep(e);
    }
  }
  for (const auto& path : profile_paths) {
    try {
      catalog.profiles.push_back(parse_profile(files::read_file(path), path));
    } catch (const InputError& e) {
      keep(e);
    }
  }
  catalog.index();
  auto add = [&](std::vector<Diagnostic> found) { problems.insert(problems.end(), found.begin(), found.end()); };
  add(resolve_extensions(catalog.profiles));
  for (const auto& c : catalog.checklists) add(check_checklist(catalog.model, c));
  // An extending profile holds its parent's exclusions and overrides, at the parent's lines:
  // a problem with one is reported once, at the parent.
  std::set<std::tuple<std::string, int, int, std::string>> reported;
  for (const auto& p : catalog.profiles)
    for (auto& d : check_profile(catalog, p))
      if (reported.emplace(d.where.file, d.where.line, d.where.column, d.message).second) problems.push_back(std::move(d));
  add(check_unique_ids(catalog));
  return loaded;
}

Catalog load_catalog(const std::string& data_dir) {
  fs::path root(data_dir);
  LoadedCatalog loaded = load_catalog_files((root / "model" / "model.xml").string(),
                                            xml_files_in((root / "checklists").string()),
                                            xml_files_in((root / "checklists" / "profiles").string()));
  if (!loaded.problems.empty()) throw InputError(std::move(loaded.problems));
  return std::move(loaded.catalog);
}

}  // namespace cjb::xml
