// cjb kpi EXPORT...: service KPIs (first response, resolution, first-contact resolution,
// handling time, CSAT, NPS) from a retailer's contacts and survey exports.

#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/kpi.h"
#include "cli/kpi_exports.h"
#include "core/error.h"
#include "render/kpi_report.h"

namespace cjb::cli {

namespace {

class KpiCommand : public Command {
 public:
  const char* name() const override { return "kpi"; }
  const char* summary() const override { return "service KPIs from contacts and survey exports (CSV)"; }
  const char* usage() const override { return "cjb kpi EXPORT... [--by site|channel|month] [--format text|json|csv|html] [-o FILE]"; }
  const char* example() const override {
    return "  cjb kpi examples/kpi/contacts.csv examples/kpi/surveys.csv\n"
           "  cjb kpi exports/*.csv --by site --format html -o kpis.html";
  }

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("export", po::value<std::vector<std::string>>(&exports_)->value_name("EXPORT")->required(),
         "CSV exports: contacts (id, opened, first_response, resolved, …) or surveys (id, date, csat, nps, …)")
        ("by", po::value<std::string>(&by_)->value_name("FIELD"), "also one row per site, channel or month")
        ("format,f", po::value<std::string>(&format_)->value_name("FMT")->default_value("text"), "text, json, csv or html")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"), "write to FILE (default: stdout)");
    positional.add("export", -1);
  }

  int run(Context& context) override {
    if (format_ != "text" && format_ != "json" && format_ != "csv" && format_ != "html")
      throw UsageError(fmt::format("kpi: --format '{}' is not known (expected text, json, csv or html)", format_));
    if (!by_.empty() && !is_kpi_field(by_))
      throw UsageError(fmt::format("kpi: --by '{}' is not a field (expected site, channel or month)", by_));

    KpiRecords records = read_kpi_exports(exports_);
    render::KpiReport report;
    report.sources = std::move(records.sources);
    const auto& contacts = records.contacts;
    const auto& answers = records.answers;
    report.overall = compute_kpis(contacts, answers);
    if (!by_.empty()) {
      report.by = by_;
      report.rows = kpis_by(contacts, answers, by_);
    }
    if (format_ == "json") write_output(context, output_, render::kpi_json(report));
    else if (format_ == "csv") write_output(context, output_, render::kpi_csv(report));
    else if (format_ == "html") write_output(context, output_, render::kpi_html(report));
    else write_output(context, output_, render::kpi_text(report));
    return 0;
  }

 private:
  std::vector<std::string> exports_;
  std::string by_, format_, output_;
};

}  // namespace

std::unique_ptr<Command> make_kpi() { return std::make_unique<KpiCommand>(); }

}  // namespace cjb::cli
