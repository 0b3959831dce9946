#include "render/action_plan.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "render/markdown_text.h"

namespace cjb::render {

namespace {

using Json = nlohmann::ordered_json;

const std::vector<std::string> kMarkdownHeader = {"#", "Item", "Group · channel", "Finding", "Now → target", "Next level",
                                                  "How to get there", "Impact", "Owner", "Due date", "Status", "Comment"};

std::string markdown_line(const PlanRow& row) {
  std::string finding = markdown_escape(row.finding);
  if (!row.evidence.empty()) finding += (finding.empty() ? "" : " · ") + std::string("Evidence: ") + markdown_escape(row.evidence);
  return markdown_row({std::to_string(row.number), markdown_escape(row.item + " " + row.text),
                       markdown_escape(row.group + " · " + row.channel), finding,
                       markdown_escape(row.level_text + " → " + row.target_text), markdown_escape(row.next_level),
                       markdown_escape(row.hint), fmt::format("+{:.2f}", row.impact), "", "", to_string(ActionStatus::Open), ""});
}

std::string markdown_table(const std::vector<const PlanRow*>& rows) {
  std::string out = markdown_row(kMarkdownHeader);
  std::vector<std::string> rule(kMarkdownHeader.size(), "---");
  rule[0] = rule[7] = "---:";
  out += markdown_row(rule);
  for (const PlanRow* row : rows) out += markdown_line(*row);
  return out;
}

}  // namespace

std::string action_plan_markdown(const std::vector<PlanRow>& rows, const Assessment& assessment) {
  const Subject& who = assessment.subject;
  std::string out = fmt::format("# Action plan — {}{}\n\n", markdown_escape(who.retailer), who.site.empty() ? "" : ", " + markdown_escape(who.site));
  out += fmt::format("Assessment {} of {}. Owner, due date (YYYY-MM-DD), status (open, in progress, done) and comment are for the "
                     "team to fill in.\n\n", markdown_escape(assessment.id), markdown_escape(assessment.meta.date));
  if (rows.empty()) return out + "Every answered item is at its top level: there is nothing to raise.\n";
  std::vector<const PlanRow*> fix_now, rest;
  for (const auto& row : rows) (row.fix_now ? fix_now : rest).push_back(&row);
  if (!fix_now.empty()) out += "## Fix now: critical failures\n\n" + markdown_table(fix_now) + "\n";
  if (!rest.empty()) out += std::string(fix_now.empty() ? "" : "## Then, by impact\n\n") + markdown_table(rest) + "\n";
  out += "Impact: overall points gained by raising the item to its top level, all else equal.\n";
  return out;
}

std::string action_plan_json(const std::vector<PlanRow>& rows, const Assessment& assessment) {
  Json doc;
  doc["schema"] = kActionsSchema;
  Json subject;
  subject["id"] = assessment.id;
  subject["retailer"] = assessment.subject.retailer;
  subject["site"] = assessment.subject.site;
  subject["date"] = assessment.meta.date;
  doc["assessment"] = std::move(subject);
  Json actions = Json::array();
  for (const auto& row : rows) {
    Json a;
    a["rank"] = row.number;
    a["item"] = row.item;
    a["text"] = row.text;
    a["group"] = row.group;
    a["channel"] = row.channel;
    a["fix_now"] = row.fix_now;
    a["finding"] = row.finding;
    a["evidence"] = row.evidence;
    a["level"] = row.level;
    a["level_label"] = row.level_text;
    a["target"] = row.target;
    a["target_label"] = row.target_text;
    a["next_level"] = row.next_level;
    a["hint"] = row.hint;
    a["impact"] = row.impact;
    a["owner"] = "";
    a["due"] = nullptr;
    a["status"] = to_string(ActionStatus::Open);
    a["comment"] = "";
    actions.push_back(std::move(a));
  }
  doc["actions"] = std::move(actions);
  return doc.dump(2) + "\n";
}

}  // namespace cjb::render
