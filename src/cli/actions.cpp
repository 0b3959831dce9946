// cjb actions: the action plan of an assessment as a file the client works from (CSV, XLSX,
// Markdown or JSON), in the report's order, with empty owner, due date, status and comment
// columns (docs/formats.md, action plans; docs/reports.md, following actions up).

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/data.h"
#include "cli/options.h"
#include "pipeline/scored_assessment.h"
#include "core/action_plan.h"
#include "render/action_plan.h"
#include "sheet/action_plan_sheet.h"
#include "sheet/xlsx_writer.h"

namespace cjb::cli {

namespace {

class ActionsCommand : public Command {
 public:
  ActionsCommand()
      : Command({"actions",
                 "write the action plan to track: owner, due date and status for each action",
                 "cjb actions ASSESSMENT [-o FILE] [--format csv|xlsx|markdown|md|json]",
                 "  cjb actions examples/grocer-omnichannel.xml -o plan.xlsx\n"
                 "  cjb report revisit.xml --previous first.xml --actions-file plan.xlsx -o report.pdf   # the plan followed up"}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    add_input(options, positional, "assessment", &assessment_, "ASSESSMENT", "the assessment to plan from");
    output_.declare(options);
    options.add_options()("no-bom", po::bool_switch(&no_bom_), "CSV without the UTF-8 byte order mark (default: with one, as Excel expects)");
  }

  void validate() override { output_.validate(name()); }

  int run(Context& context) override {
    const std::string& format = output_.format();
    if (format == "xlsx" && output_.to_stdout() && context.out_is_terminal)
      throw UsageError("actions: an XLSX workbook is not for a terminal (expected -o FILE or a redirect)");
    Catalog catalog = load_catalog(data_dir_option());
    auto scored = pipeline::score_file(catalog, assessment_);
    std::vector<PlanRow> rows = action_plan_rows(scored->card);
    std::string content;
    if (format == "xlsx") {
      std::optional<std::time_t> created;
      if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) created = std::atoll(epoch);
      content = sheet::write_action_plan_xlsx(rows, created);
    } else if (format == kMarkdown) {
      content = render::action_plan_markdown(rows, scored->assessment);
    } else if (format == "json") {
      content = render::action_plan_json(rows, scored->assessment);
    } else {
      content = sheet::write_action_plan_csv(rows, !no_bom_);
    }
    output_.write(context, content);
    return 0;
  }

 private:
  std::string assessment_;
  OutputOptions output_{{.formats = {{"csv", nullptr, {".csv"}},
                                     {"xlsx", nullptr, {".xlsx"}},
                                     {"markdown", nullptr, {".md", ".markdown"}},
                                     {"md", nullptr, {}, kMarkdown},
                                     {"json", "the cjb.actions/1 contract", {".json"}}},
                         .default_format = "csv",
                         .output_help = "write to FILE instead of stdout",
                         .format_help_tail = "(default: from the -o extension, else csv)",
                         .refuse_unknown_extension = true,
                         .what = "an action plan"}};
  bool no_bom_ = false;
};

}  // namespace

std::unique_ptr<Command> make_actions() { return std::make_unique<ActionsCommand>(); }

}  // namespace cjb::cli
