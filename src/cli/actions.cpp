// cjb actions: the action plan of an assessment as a file the client works from (CSV, XLSX,
// Markdown or JSON), in the report's order, with empty owner, due date, status and comment
// columns (docs/formats.md, action plans; docs/reports.md, following actions up).

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/output.h"
#include "pipeline/scored_assessment.h"
#include "core/action_plan.h"
#include "render/action_plan.h"
#include "sheet/action_plan_sheet.h"
#include "sheet/xlsx_writer.h"

namespace cjb::cli {

namespace {

// The format an output path names by its extension; csv for stdout or a name without one.
std::string plan_format_from_output(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (path.empty() || path == "-" || ext.empty() || ext == ".csv") return "csv";
  if (ext == ".xlsx") return "xlsx";
  if (ext == ".md" || ext == ".markdown") return "md";
  if (ext == ".json") return "json";
  throw UsageError(fmt::format("actions: -o {}: the extension '{}' is not an action plan format (expected .csv, .xlsx, .md or .json, "
                               "or --format to write that file anyway)", path, ext));
}

class ActionsCommand : public Command {
 public:
  const char* name() const override { return "actions"; }
  const char* summary() const override { return "write the action plan to track: owner, due date and status for each action"; }
  const char* usage() const override { return "cjb actions ASSESSMENT [-o FILE] [--format csv|xlsx|md|json]"; }
  const char* example() const override {
    return "  cjb actions examples/grocer-omnichannel.xml -o plan.xlsx\n"
           "  cjb report revisit.xml --previous first.xml --actions-file plan.xlsx -o report.pdf   # the plan followed up";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("assessment", po::value<std::string>(&assessment_)->value_name("ASSESSMENT")->required(), "the assessment to plan from")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE instead of stdout")
        ("format,f", po::value<std::string>(&format_)->value_name("FORMAT"),
         "csv, xlsx, md or json (the cjb.actions/1 contract); default: from the -o extension, else csv")
        ("no-bom", po::bool_switch(&no_bom_), "CSV without the UTF-8 byte order mark (default: with one, as Excel expects)");
    positional.add("assessment", 1);
  }

  void validate() override {
    format_ = format_.empty() ? plan_format_from_output(output_) : format_;
    if (format_ != "csv" && format_ != "xlsx" && format_ != "md" && format_ != "json")
      throw UsageError(fmt::format("actions: unknown format '{}' (expected csv, xlsx, md or json)", format_));
  }

  int run(Context& context) override {
    bool to_stdout = output_.empty() || output_ == "-";
    if (format_ == "xlsx" && to_stdout && context.out_is_terminal)
      throw UsageError("actions: an XLSX workbook is not for a terminal (expected -o FILE or a redirect)");
    Catalog catalog = load_catalog(data_dir_option());
    auto scored = pipeline::score_file(catalog, assessment_);
    std::vector<PlanRow> rows = action_plan_rows(scored->card);
    std::string content;
    if (format_ == "xlsx") {
      std::optional<std::time_t> created;
      if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) created = std::atoll(epoch);
      content = sheet::write_action_plan_xlsx(rows, created);
    } else if (format_ == "md") {
      content = render::action_plan_markdown(rows, scored->assessment);
    } else if (format_ == "json") {
      content = render::action_plan_json(rows, scored->assessment);
    } else {
      content = sheet::write_action_plan_csv(rows, !no_bom_);
    }
    write_output(context, output_, content);
    return 0;
  }

 private:
  std::string assessment_, output_, format_;
  bool no_bom_ = false;
};

}  // namespace

std::unique_ptr<Command> make_actions() { return std::make_unique<ActionsCommand>(); }

}  // namespace cjb::cli
