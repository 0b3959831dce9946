// cjb merge: partial assessments of one site and scope into one (docs/merge.md). Answers that
// differ are listed, never guessed; nothing is written while any is unsettled.

#include <filesystem>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "core/merge.h"
#include "core/printable.h"
#include "util/files.h"
#include "util/text.h"
#include "pipeline/scored_assessment.h"
#include "xml/files.h"

namespace cjb::cli {

namespace {

namespace fs = std::filesystem;

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return a == b || fs::equivalent(a, b, ec);
}

// A photo's path is relative to its assessment's folder: make it relative to the merged file's.
void rebase_photos(Assessment& part, const std::string& output) {
  const fs::path from = fs::absolute(fs::path(part.where.file).parent_path());
  const fs::path to = fs::absolute(fs::path(output).parent_path());
  if (from.lexically_normal() == to.lexically_normal()) return;
  for (auto& r : part.responses)
    for (auto& photo : r.photos)
      if (!fs::path(photo.file).is_absolute()) photo.file = (from / photo.file).lexically_normal().lexically_relative(to).string();
}

std::string conflict_lines(const MergeConflict& conflict, const Instrument& instrument, const std::vector<std::string>& paths) {
  const ScopedItem* scoped = instrument.find(conflict.item);
  std::string text = fmt::format("{}{}\n", conflict.item, scoped ? " — " + printable(scoped->item->text) : "");
  for (const auto& answer : conflict.answers) {
    const Response& r = *answer.response;
    text += fmt::format("  {}:{}:{}: {}", paths[answer.part], r.where.line, r.where.column, describe_answer(r));
    if (!r.note.empty()) text += " — note: " + printable(r.note);  // a file's text never reaches the terminal raw
    text += '\n';
  }
  return text;
}

class MergeCommand : public Command {
 public:
  MergeCommand()
      : Command({"merge",
                 "merge partial assessments of one site (auditors splitting a visit); lists conflicts",
                 "cjb merge A B... -o FILE [--prefer A]",
                 "  cjb merge store-ann.xml store-raj.xml -o store.xml\n"
                 "  cjb merge store-ann.xml store-raj.xml -o store.xml --prefer store-ann.xml   # Ann's answer wins each conflict"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    add_inputs(options, positional, "assessments", &inputs_, "FILE", "the partial assessments: the same site, model, profile, checklists and channels");
    options.add_options()
        ("output,o", po::value<std::string>(&output_)->value_name("FILE")->required(),
         "the merged assessment (a new file: an existing one is never written over)")
        ("prefer", po::value<std::string>(&prefer_)->value_name("FILE"),
         "one of the assessments, whose answer wins every conflict it takes part in");
  }

  void validate() override {
    if (inputs_.size() < 2)
      throw UsageError(fmt::format("merge: expected at least two assessments to merge (got {})", inputs_.size()));
    if (!prefer_.empty()) {
      for (size_t i = 0; i < inputs_.size() && !preferred_; ++i)
        if (same_file(prefer_, inputs_[i])) preferred_ = i;
      if (!preferred_)
        throw UsageError(fmt::format("merge: --prefer {} is not one of the assessments merged (expected one of: {})", prefer_,
                                     text::join(inputs_, ", ")));
    }
  }

  int run(Context& context) override {
    const std::optional<size_t> preferred = preferred_;
    std::error_code ec;
    if (fs::exists(output_, ec) || fs::is_symlink(output_, ec))
      throw UsageError(fmt::format("merge: {} already exists and was left untouched (expected a new file for the merged assessment)", output_));

    Catalog catalog = load_catalog(data_dir_option());
    std::vector<Assessment> parts;
    std::vector<Diagnostic> problems;
    for (const auto& path : inputs_) {
      parts.push_back(xml::load_assessment(path));
      auto found = pipeline::check_loaded(catalog, parts.back()).problems;
      problems.insert(problems.end(), found.begin(), found.end());
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    for (auto& part : parts) rebase_photos(part, output_);

    MergeResult result = merge_assessments(parts, preferred);
    Instrument instrument = resolve_scope(catalog, result.merged.scope);
    if (!result.conflicts.empty()) {
      context.err << fmt::format("cjb merge: {} item{} answered differently; nothing was written (settle them with --prefer FILE, "
                                 "or correct the answer in one file and merge again):\n",
                                 result.conflicts.size(), result.conflicts.size() == 1 ? "" : "s");
      for (const auto& conflict : result.conflicts) context.err << conflict_lines(conflict, instrument, inputs_);
      return 1;
    }
    files::write_file_atomically(output_, xml::write_assessment(result.merged));
    if (!quiet()) {
      for (const auto& settled : result.settled) {
        std::string others;
        for (const auto& a : settled.answers)
          if (a.part != *preferred) others += fmt::format("{}{} in {}", others.empty() ? "" : ", ", describe_answer(*a.response), inputs_[a.part]);
        const Response* kept = result.merged.find_response(settled.item);
        context.err << fmt::format("cjb merge: {}: {} in {} (--prefer) is kept over {}\n", settled.item, describe_answer(*kept),
                                   inputs_[*preferred], others);
      }
      context.err << fmt::format("cjb: {} assessments merged into {}: {} responses to {} items in scope{}\n", inputs_.size(), output_,
                                 result.merged.responses.size(), instrument.items.size(),
                                 result.settled.empty() ? "" : fmt::format(", {} settled by --prefer", result.settled.size()));
    }
    return 0;
  }

 private:
  std::vector<std::string> inputs_;
  std::string output_, prefer_;
  std::optional<size_t> preferred_;  // --prefer: the index of that assessment
};

}  // namespace

std::unique_ptr<Command> make_merge() { return std::make_unique<MergeCommand>(); }

}  // namespace cjb::cli
