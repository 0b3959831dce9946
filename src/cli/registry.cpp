// The table of subcommands, in the order `cjb --help` lists them.

#include "cli/commands.h"

namespace cjb::cli {

const std::vector<CommandInfo>& commands() {
  static const std::vector<CommandInfo> table = {
      {"validate", "check model, checklist, profile and assessment files", make_validate},
      {"init", "start a blank assessment of a profile, for assess or import --into to fill", make_init},
      {"assess", "guided self-assessment: answer item by item, stop and resume, get a score and a plan", make_assess},
      {"score", "score an assessment: scorecard, critical failures, action plan", make_score},
      {"actions", "write the action plan to track: owner, due date and status for each action", make_actions},
      {"export", "write a field sheet (CSV) to audit on paper or in a spreadsheet", make_export},
      {"import", "read a filled field sheet (CSV) into an assessment", make_import},
      {"diagram", "draw the customer journey diagram (SVG, PDF, PNG, DOT)", make_diagram},
      {"report", "write the gap report of an assessment (PDF, HTML, Markdown, SVG, JSON)", make_report},
      {"compare", "what changed between two assessments, item by item", make_compare},
      {"merge", "merge partial assessments of one site (auditors splitting a visit); lists conflicts", make_merge},
      {"agree", "how far two audits of one visit agree: share alike, Cohen's kappa, widest gaps", make_agree},
      {"benchmark", "compare many assessments: league table, distributions, peers, roll-ups, trends", make_benchmark},
      {"kpi", "service KPIs from contacts and survey exports (CSV): response times, FCR, CSAT, NPS", make_kpi},
  };
  return table;
}

}  // namespace cjb::cli
