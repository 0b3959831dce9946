// The command table as data (cli/command_doc), and the man pages and completion made from it.

#include <gtest/gtest.h>

#include "cli/command_doc.h"
#include "cli/commands.h"
#include "cli/completion.h"
#include "cli/manpage.h"

namespace cjb::cli {
namespace {

using Words = std::vector<std::string>;

const OptionDoc& option(const CommandDoc& doc, const std::string& name) {
  for (const auto& o : doc.options)
    if (o.long_name == name) return o;
  throw std::runtime_error("no option " + name + " in " + doc.name);
}

CommandDoc describe(const std::string& name) {
  for (const auto& doc : describe_commands())
    if (doc.name == name) return doc;
  throw std::runtime_error("no command " + name);
}

TEST(Choices, ReadFromTheDescription) {
  EXPECT_EQ(choices_in("text, json, csv, html or pdf"), (Words{"text", "json", "csv", "html", "pdf"}));
  EXPECT_EQ(choices_in("text (a terminal scorecard), json (the cjb.score/1 contract), csv (one row per item) or markdown"),
            (Words{"text", "json", "csv", "markdown"}));
  EXPECT_EQ(choices_in("pdf, html, md, svg or json (default: from the -o extension, else pdf)"), (Words{"pdf", "html", "md", "svg", "json"}));
  EXPECT_EQ(choices_in("PDF paper: a4 or letter"), (Words{"a4", "letter"}));
  EXPECT_EQ(choices_in("roll up by retailer, site, site-id or tag"), (Words{"retailer", "site", "site-id", "tag"}));
  EXPECT_EQ(choices_in("also one row per site, channel or month"), (Words{"site", "channel", "month"}));
  EXPECT_EQ(choices_in("a contacts or surveys export"), Words{}) << "two values only at the start or after a colon";
  EXPECT_EQ(choices_in("the assessment to score"), Words{});
  EXPECT_EQ(choices_in("where model/ and checklists/ are (default: $CJB_DATA, the installed data, or the source tree)"), Words{});
  EXPECT_EQ(choices_in("a template under reports/ (default, minimal) or a folder holding template.json"), Words{});
}

TEST(Choices, ExtensionsFromTheDescription) {
  EXPECT_EQ(extensions_in("the assessment to score"), Words{"xml"});
  EXPECT_EQ(extensions_in("the filled field sheet (CSV, UTF-8)"), Words{"csv"});
  EXPECT_EQ(extensions_in("a field sheet (CSV or XLSX)"), (Words{"csv", "xlsx"}));
}

TEST(CommandDoc, OptionsAsHelpShowsThem) {
  CommandDoc report = describe("report");
  EXPECT_EQ(report.usage, "cjb report ASSESSMENT -o FILE [options]");
  EXPECT_EQ(report.options[0].long_name, "help") << "the shared options first";
  const OptionDoc& format = option(report, "format");
  EXPECT_EQ(format.short_name, 'f');
  EXPECT_EQ(format.value_name, "FORMAT");
  EXPECT_EQ(format.kind, ValueKind::Choice);
  EXPECT_EQ(format.choices, (Words{"pdf", "html", "markdown", "md", "svg", "json"}));
  EXPECT_EQ(option(report, "paper").default_value, "a4");
  EXPECT_EQ(option(report, "paper").choices, (Words{"a4", "letter"}));
  EXPECT_TRUE(option(report, "assessment").positional);
  EXPECT_EQ(option(report, "assessment").kind, ValueKind::InputFile);
  EXPECT_EQ(option(report, "assessment").extensions, Words{"xml"});
  EXPECT_EQ(option(report, "output").kind, ValueKind::OutputFile);
  EXPECT_EQ(option(report, "profile").kind, ValueKind::Profile);
  EXPECT_EQ(option(report, "data-dir").kind, ValueKind::Directory);
  EXPECT_EQ(option(report, "quiet").kind, ValueKind::None);
  EXPECT_TRUE(option(report, "peers").many);
  EXPECT_EQ(option(report, "kpi").extensions, Words{"csv"});
  EXPECT_EQ(option(describe("score"), "color").choices, (Words{"auto", "always", "never"}));
  EXPECT_EQ(option(describe("kpi"), "export").kind, ValueKind::InputFile) << "file names, though the text says 'contacts or surveys'";
  EXPECT_TRUE(option(describe("validate"), "file").many);
}

TEST(CommandDoc, EveryFormatOptionHasChoices) {
  for (const auto& doc : describe_commands()) {
    for (const auto& o : doc.options) {
      if (o.long_name == "format") {
        EXPECT_FALSE(o.choices.empty()) << doc.name << ": " << o.description;
      }
    }
  }
}

TEST(ManPage, RoffEscapes) {
  EXPECT_EQ(roff_escape("--format a-b"), "\\-\\-format a\\-b");
  EXPECT_EQ(roff_escape(".hidden\n'quote"), "\\&.hidden\n\\&'quote");
  EXPECT_EQ(roff_escape("a\\nb"), "a\\enb");
  EXPECT_EQ(roff_escape("a → b — c…"), "a \\(-> b \\(em c\\&...");
  EXPECT_EQ(roff_escape("Café"), "Caf\\[u00E9]");
}

TEST(ManPage, CommandPageFromTheTable) {
  CommandDoc report = describe("report");
  std::string page = command_man_page(report, "1.2.3");
  EXPECT_EQ(page.rfind(".TH CJB\\-REPORT 1 \"\" \"cjb 1.2.3\" \"cjb manual\"\n", 0), 0u);
  EXPECT_NE(page.find(".SH NAME\ncjb\\-report \\- write the gap report"), std::string::npos);
  EXPECT_NE(page.find(".TP\n\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIFORMAT\\fR\npdf, html, markdown, md, svg or json"), std::string::npos) << page;
  EXPECT_NE(page.find(".TP\n\\fB\\-\\-paper\\fR \\fISIZE\\fR\nPDF paper: a4 or letter (default: \\fBa4\\fR)\n"), std::string::npos);
  EXPECT_NE(page.find(".SH ARGUMENTS\n.TP\n\\fIASSESSMENT\\fR\n"), std::string::npos);
  // Every option --help shows is on the page.
  for (const auto& o : report.options) {
    if (!o.positional) {
      EXPECT_NE(page.find("\\-\\-" + roff_escape(o.long_name) + "\\fR"), std::string::npos) << o.long_name;
    }
  }
}

TEST(ManPage, MainPageListsEveryCommand) {
  auto docs = describe_commands();
  std::string page = main_man_page(docs, "1.2.3");
  for (const auto& info : commands())  // NOLINT: the list of `cjb --help`, word for word
    EXPECT_NE(page.find(".TP\n\\fBcjb\\-" + roff_escape(info.name) + "\\fR(1)\n" + roff_escape(info.summary) + "\n"), std::string::npos)
        << info.name;
  EXPECT_NE(page.find("\\fB\\-\\-color\\fR \\fIWHEN\\fR"), std::string::npos);
  EXPECT_NE(page.find("\\fBcjb\\-assess\\fR(1), \\fBcjb\\-score\\fR(1)"), std::string::npos) << "the commands that colour";
}

TEST(Completion, BashFromTheTable) {
  std::string script = bash_completion(describe_commands(), "/usr/share/cjb");
  EXPECT_NE(script.find("complete -F _cjb cjb\n"), std::string::npos);
  EXPECT_NE(script.find("--format|-f) _cjb_words 'pdf html markdown md svg json'; return ;;"), std::string::npos);
  EXPECT_NE(script.find("--kpi) _cjb_files 'csv'; return ;;"), std::string::npos);
  EXPECT_NE(script.find("[ -d \"$dir\" ] || dir='/usr/share/cjb'"), std::string::npos);
}

TEST(Completion, ZshFromTheTable) {
  std::string script = zsh_completion(describe_commands(), "/usr/share/cjb");
  EXPECT_EQ(script.rfind("#compdef cjb\n", 0), 0u);
  EXPECT_NE(script.find("'(-f --format)'{-f+,--format=}'[pdf, html, markdown, md, svg or json (default\\: from the -o extension, else pdf)]:FORMAT:(pdf html markdown md svg json)'"),
            std::string::npos);
  EXPECT_NE(script.find("'1:ASSESSMENT:_files -g \"(*.xml)(-.)\"'"), std::string::npos);
}

}  // namespace
}  // namespace cjb::cli
