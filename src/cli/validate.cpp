// cjb validate: checks files of every kind, all problems of a run, not only the first.

#include <filesystem>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "core/checks.h"
#include "xml/catalog_loader.h"
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
    std::vector<Diagnostic> problems;
    bool unreadable = false;
    struct Given {
      std::string path;
      xml::FileKind kind;
    };
    std::vector<Given> given;
    for (const auto& path : files_) {
      // A file that cannot be read at all (missing, not a regular file, unreadable, too large)
      // is bad input (2), whatever the reason; one that reads but is wrong is a finding (1).
      std::string text;
      try {
        text = files::read_file(path);
      } catch (const InputError& e) {
        unreadable = true;
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        continue;
      }
      try {
        xml::Source source(std::move(text), path);
        given.push_back({path, xml::detect_kind(source)});
      } catch (const InputError& e) {
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }

    // The model and the standard files, with the given files in place of the standard ones.
    std::string model_path;
    std::vector<std::string> checklists, profiles, assessments;
    std::set<std::string> given_paths;
    for (const auto& g : given) {
      given_paths.insert(canonical(g.path));
      switch (g.kind) {
        case xml::FileKind::Model: model_path = g.path; break;
        case xml::FileKind::Checklist: checklists.push_back(g.path); break;
        case xml::FileKind::Profile: profiles.push_back(g.path); break;
        case xml::FileKind::Assessment: assessments.push_back(g.path); break;
      }
    }
    const bool given_model = !model_path.empty();
    std::string data_dir;
    if (files_.empty() || model_path.empty() || !checklists.empty() || !profiles.empty() || !assessments.empty()) {
      data_dir = find_data_dir(data_dir_option());
      if (model_path.empty()) model_path = (fs::path(data_dir) / "model" / "model.xml").string();
      // Standard files first, so that a duplicate id is reported in the file the user gave.
      auto add_standard = [&](std::vector<std::string>& list, const std::string& dir) {
        std::vector<std::string> standard;
        for (const auto& path : xml::xml_files_in(dir))
          if (!given_paths.count(canonical(path))) standard.push_back(path);
        list.insert(list.begin(), standard.begin(), standard.end());
      };
      add_standard(checklists, (fs::path(data_dir) / "checklists").string());
      add_standard(profiles, (fs::path(data_dir) / "checklists" / "profiles").string());
    }

    xml::LoadedCatalog loaded;
    try {
      loaded = xml::load_catalog_files(model_path, checklists, profiles);
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics()) context.err << d.to_string() << "\n";
      for (const auto& d : problems) context.err << d.to_string() << "\n";
      context.err << "cjb: the model cannot be loaded, so nothing else was checked\n";
      // A model the user gave that reads but is wrong is a finding (1), as a wrong checklist
      // is; the data directory's own model being broken is bad input (2).
      return given_model && !unreadable ? 1 : 2;
    }
    problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
    const Catalog& catalog = loaded.catalog;

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
    for (const auto& path : assessments) {
      try {
        Assessment a = xml::load_assessment(path);
        Instrument inst = resolve_scope(catalog, a.scope);
        auto found = check_assessment(catalog, inst, a);
        problems.insert(problems.end(), found.begin(), found.end());
        auto photos = missing_photos(a);
        problems.insert(problems.end(), photos.begin(), photos.end());
        lines.push_back(fmt::format("{}: assessment {}: {} responses to {} items in scope", path, a.id,
                                    a.responses.size(), inst.items.size()));
      } catch (const InputError& e) {
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }

    for (const auto& d : problems) context.err << d.to_string() << "\n";
    if (!quiet())
      for (const auto& line : lines) context.out << line << "\n";
    size_t total_files = 1 + checklists.size() + profiles.size() + assessments.size();
    if (problems.empty()) {
      if (!quiet()) context.out << fmt::format("ok: {} files valid\n", total_files);
      return unreadable ? 2 : 0;
    }
    context.err << fmt::format("cjb: {} problem{} found\n", problems.size(), problems.size() == 1 ? "" : "s");
    return unreadable ? 2 : 1;
  }

 private:
  std::vector<std::string> files_;
};

}  // namespace

std::unique_ptr<Command> make_validate() { return std::make_unique<ValidateCommand>(); }

}  // namespace cjb::cli
