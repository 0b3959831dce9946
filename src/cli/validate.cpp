// cjb validate: checks files of every kind, all problems of a run, not only the first.

#include <filesystem>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/findings.h"
#include "core/checks.h"
#include "xml/catalog_loader.h"
#include "pipeline/scored_assessment.h"
#include "xml/files.h"
#include "util/files.h"
#include "xml/source.h"

namespace cjb::cli {

namespace fs = std::filesystem;

namespace {

std::string canonical(const std::string& path) {
  std::error_code ec;
  auto c = fs::weakly_canonical(path, ec);
  return ec ? path : c.string();
}

// Every <evidence file="…"> must name a file, relative to the assessment's folder
// (docs/formats.md, assessments); a report only warns, validate says where.
std::vector<Diagnostic> missing_photos(const Assessment& a) {
  std::vector<Diagnostic> out;
  fs::path folder = fs::path(a.where.file).parent_path();
  for (const auto& r : a.responses) {
    for (const auto& photo : r.photos) {
      fs::path path = fs::path(photo.file).is_absolute() ? fs::path(photo.file) : folder / photo.file;
      std::error_code ec;
      if (!fs::is_regular_file(path, ec))
        out.push_back({photo.where, fmt::format("photo '{}' of '{}' is not there (expected a JPEG or PNG file at {})", photo.file, r.item,
                                                path.lexically_normal().string())});
    }
  }
  return out;
}

class ValidateCommand : public Command {
 public:
  ValidateCommand()
      : Command({"validate",
                 "check model, checklist, profile and assessment files",
                 "cjb validate [FILE...] [options]",
                 "  cjb validate                              # the installed model, checklists and profiles\n"
                 "  cjb validate my-checklist.xml examples/fashion-independent.xml"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()("file", po::value<std::vector<std::string>>(&files_)->value_name("FILE"),
                          "files to check; the kind is told by the root element (default: the whole data directory)");
    positional.add("file", -1);
  }

  int run(Context& context) override {
    Checked checked;
    std::vector<Given> given = read_given(checked);
    CatalogFiles files = catalog_files(given);
    xml::LoadedCatalog loaded;
    try {
      loaded = xml::load_catalog_files(files.model, files.checklists, files.profiles);
    } catch (const InputError& e) {
      // A model the user gave that reads but is wrong is a finding (1), as a wrong checklist
      // is; the data directory's own model being broken is bad input (2).
      std::vector<Diagnostic> all = e.diagnostics();
      all.insert(all.end(), checked.problems.begin(), checked.problems.end());
      throw Findings(std::move(all), "", {"the model cannot be loaded, so nothing else was checked"},
                     files.given_model && !checked.unreadable ? 1 : 2);
    }
    checked.problems.insert(checked.problems.end(), loaded.problems.begin(), loaded.problems.end());
    const Catalog& catalog = loaded.catalog;
    std::vector<std::string> lines = catalog_lines(files.model, catalog);

    for (const auto& path : files.assessments) {
      try {
        Assessment a = xml::load_assessment(path);
        pipeline::CheckedAssessment found = pipeline::check_loaded(catalog, a);
        checked.problems.insert(checked.problems.end(), found.problems.begin(), found.problems.end());
        auto photos = missing_photos(a);
        checked.problems.insert(checked.problems.end(), photos.begin(), photos.end());
        lines.push_back(fmt::format("{}: assessment {}: {} responses to {} items in scope", path, a.id,
                                    a.responses.size(), found.instrument.items.size()));
      } catch (const InputError& e) {
        checked.problems.insert(checked.problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }

    if (!quiet())
      for (const auto& line : lines) context.out << line << "\n";
    size_t total_files = 1 + files.checklists.size() + files.profiles.size() + files.assessments.size();
    std::vector<Diagnostic>& problems = checked.problems;
    if (!problems.empty()) {
      // The count is taken before the problems are moved: arguments are evaluated in no set order.
      std::string found = fmt::format("{} problem{} found", problems.size(), problems.size() == 1 ? "" : "s");
      throw Findings(std::move(problems), "", {found}, checked.unreadable ? 2 : 1);
    }
    if (!quiet()) context.out << fmt::format("ok: {} files valid\n", total_files);
    return 0;
  }

 private:
  // What the run found so far, and whether a file could not be read at all.
  struct Checked {
    std::vector<Diagnostic> problems;
    bool unreadable = false;
  };

  struct Given {
    std::string path;
    xml::FileKind kind;
  };

  // The files named on the command line, each of the kind its root element tells.
  std::vector<Given> read_given(Checked& checked) const {
    std::vector<Given> given;
    for (const auto& path : files_) {
      // A file that cannot be read at all (missing, not a regular file, unreadable, too large)
      // is bad input (2), whatever the reason; one that reads but is wrong is a finding (1).
      std::string text;
      try {
        text = files::read_file(path);
      } catch (const InputError& e) {
        checked.unreadable = true;
        checked.problems.insert(checked.problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        continue;
      }
      try {
        xml::Source source(std::move(text), path);
        given.push_back({path, xml::detect_kind(source)});
      } catch (const InputError& e) {
        checked.problems.insert(checked.problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
    return given;
  }

  struct CatalogFiles {
    std::string model;
    std::vector<std::string> checklists, profiles, assessments;
    bool given_model = false;
  };

  // The model and the standard files, with the given files in place of the standard ones.
  CatalogFiles catalog_files(const std::vector<Given>& given) const {
    CatalogFiles files;
    std::set<std::string> given_paths;
    for (const auto& g : given) {
      given_paths.insert(canonical(g.path));
      switch (g.kind) {
        case xml::FileKind::Model: files.model = g.path; break;
        case xml::FileKind::Checklist: files.checklists.push_back(g.path); break;
        case xml::FileKind::Profile: files.profiles.push_back(g.path); break;
        case xml::FileKind::Assessment: files.assessments.push_back(g.path); break;
      }
    }
    files.given_model = !files.model.empty();
    if (!files_.empty() && !files.model.empty() && files.checklists.empty() && files.profiles.empty() && files.assessments.empty())
      return files;
    std::string data_dir = find_data_dir(data_dir_option());
    if (files.model.empty()) files.model = (fs::path(data_dir) / "model" / "model.xml").string();
    // Standard files first, so that a duplicate id is reported in the file the user gave.
    auto add_standard = [&](std::vector<std::string>& list, const std::string& dir) {
      std::vector<std::string> standard;
      for (const auto& path : xml::xml_files_in(dir))
        if (!given_paths.count(canonical(path))) standard.push_back(path);
      list.insert(list.begin(), standard.begin(), standard.end());
    };
    add_standard(files.checklists, (fs::path(data_dir) / "checklists").string());
    add_standard(files.profiles, (fs::path(data_dir) / "checklists" / "profiles").string());
    return files;
  }

  // One line for the model, each checklist and each profile: what was read.
  static std::vector<std::string> catalog_lines(const std::string& model_path, const Catalog& catalog) {
    std::vector<std::string> lines;
    lines.push_back(fmt::format("{}: model {} {}: {} layers, {} groups, {} channels, {} scales, {} bands, {} transitions",
                                model_path, catalog.model.id, catalog.model.version, catalog.model.layers.size(),
                                catalog.model.groups.size(), catalog.model.channels.size(), catalog.model.scales.size(),
                                catalog.model.bands.size(), catalog.model.transitions.size()));
    for (const auto& c : catalog.checklists) {
      std::set<std::pair<std::string, std::string>> sections;
      int critical = 0;
      for (const auto& item : c.items) {
        sections.emplace(item.group, item.channel);
        critical += item.critical;
      }
      lines.push_back(fmt::format("{}: checklist {}: {} items in {} sections, {} critical", c.where.file, c.id,
                                  c.items.size(), sections.size(), critical));
    }
    for (const auto& p : catalog.profiles) {
      std::string scope;
      try {
        Instrument inst = resolve_profile(catalog, p);
        scope = fmt::format("{} items in scope", inst.items.size());
      } catch (const InputError&) {
        scope = "scope cannot be resolved";
      }
      lines.push_back(fmt::format("{}: profile {}{}: {}", p.where.file, p.id, p.extends.empty() ? "" : " (extends " + p.extends + ")", scope));
    }
    return lines;
  }

  std::vector<std::string> files_;
};

}  // namespace

std::unique_ptr<Command> make_validate() { return std::make_unique<ValidateCommand>(); }

}  // namespace cjb::cli
