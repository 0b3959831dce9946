#include "cli/manpage.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <fmt/format.h>

namespace cjb::cli {

namespace {

// Decodes one UTF-8 sequence at text[i]; advances i. Invalid bytes come back as U+FFFD.
uint32_t next_code_point(const std::string& text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = length == 1 ? c : c & (0x7F >> length);
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += length;
  return cp;
}

std::string glyph(uint32_t cp) {
  switch (cp) {
    case 0x2014: return "\\(em";
    case 0x2013: return "\\(en";
    case 0x2192: return "\\(->";
    case 0x2190: return "\\(<-";
    case 0x2026: return "\\&...";
    case 0x2018: return "\\(oq";
    case 0x2019: return "\\(cq";
    case 0x201C: return "\\(lq";
    case 0x201D: return "\\(rq";
    case 0x00D7: return "\\(mu";
    case 0x2264: return "\\(<=";
    case 0x2265: return "\\(>=";
    default: return fmt::format("\\[u{:04X}]", cp);
  }
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string option_heading(const OptionDoc& o) {
  if (o.positional) return fmt::format("\\fI{}\\fR", roff_escape(o.value_name));
  std::string head;
  if (o.short_name) head += fmt::format("\\fB\\-{}\\fR, ", o.short_name);
  head += fmt::format("\\fB\\-\\-{}\\fR", roff_escape(o.long_name));
  if (!o.value_name.empty()) head += fmt::format(" \\fI{}\\fR", roff_escape(o.value_name));
  return head;
}

std::string option_body(const OptionDoc& o) {
  std::string body = roff_escape(o.description);
  if (!o.default_value.empty()) body += fmt::format(" (default: \\fB{}\\fR)", roff_escape(o.default_value));
  return body;
}

std::string lines_block(const std::string& text) {
  std::string out = ".nf\n";
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += roff_escape(text.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  return out + ".fi\n";
}

const char* kExitStatus =
    ".SH EXIT STATUS\n"
    ".TP\n.B 0\nsuccess\n"
    ".TP\n.B 1\nfindings: validation problems, files left out of a benchmark\n"
    ".TP\n.B 2\nbad usage or bad input; every problem with an input file is reported as "
    "\\fIfile\\fR:\\fIline\\fR:\\fIcol\\fR: error: what is wrong (expected \\&...)\n";

const char* kEnvironment =
    ".SH ENVIRONMENT\n"
    ".TP\n.B CJB_DATA\nthe data folder (model/, checklists/, reports/) when \\-\\-data\\-dir is not given\n"
    ".TP\n.B NO_COLOR\nwhen set and not empty, no colour unless \\-\\-color=always\n"
    ".TP\n.B SOURCE_DATE_EPOCH\nthe date written into PDF files, for reproducible output\n";

const char* kFiles =
    ".SH FILES\n"
    ".TP\n.I /usr/share/cjb/\nthe model, checklists, profiles, report templates, XSDs (model/) and JSON Schemas (schemas/)\n"
    ".TP\n.I /usr/share/doc/cjb/\nthe documentation and example assessments (examples/)\n";

}  // namespace

std::string roff_escape(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      out += glyph(next_code_point(text, i));
      continue;
    }
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n')) out += std::string("\\&") + c;
    else out += c;
    ++i;
  }
  return out;
}

std::string command_man_page(const CommandDoc& command, const std::string& version) {
  std::string page = fmt::format(".TH CJB\\-{} 1 \"\" \"cjb {}\" \"cjb manual\"\n", upper(roff_escape(command.name)), version);
  page += fmt::format(".SH NAME\ncjb\\-{} \\- {}\n", roff_escape(command.name), roff_escape(command.summary));
  page += ".SH SYNOPSIS\n" + lines_block(command.usage);
  page += fmt::format(".SH DESCRIPTION\n\\fBcjb {}\\fR: {}.\n", roff_escape(command.name), roff_escape(command.summary));
  page += ".PP\nOptions shared by every command are described in \\fBcjb\\fR(1).\n";
  std::string arguments, options;
  for (const auto& o : command.options) {
    std::string entry = ".TP\n" + option_heading(o) + "\n" + option_body(o) + "\n";
    (o.positional ? arguments : options) += entry;
  }
  if (!arguments.empty()) page += ".SH ARGUMENTS\n" + arguments;
  page += ".SH OPTIONS\n" + options;
  page += ".SH EXAMPLES\n" + lines_block(command.example);
  page += kExitStatus;
  page += kEnvironment;
  page += ".SH SEE ALSO\n\\fBcjb\\fR(1), \\fBcjb\\-formats\\fR(5)\n";
  return page;
}

std::string main_man_page(const std::vector<CommandDoc>& commands, const std::string& version) {
  std::string page = fmt::format(".TH CJB 1 \"\" \"cjb {}\" \"cjb manual\"\n", version);
  page += ".SH NAME\ncjb \\- benchmark retail customer service: audits, scores, gap reports and benchmarks\n";
  page += ".SH SYNOPSIS\n.B cjb\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGS\\fR...]\n.br\n"
          ".B cjb\n\\-\\-version | \\-\\-help\n";
  page +=
      ".SH DESCRIPTION\n"
      "\\fBcjb\\fR benchmarks retail customer service with a three\\-layer model, Leadership \\(-> Enablers "
      "\\(-> Customer Journey, written as XML checklists and scored per touchpoint, in store and online. "
      "Consultants audit stores and web shops with it, retailers assess themselves with \\fBcjb assess\\fR, "
      "and reviewers read the gap reports, journey diagrams and benchmarks it writes.\n"
      ".PP\nEach command has its own page, and \\fBcjb\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR shows its options.\n";
  page += ".SH COMMANDS\n";
  for (const auto& c : commands)
    page += fmt::format(".TP\n\\fBcjb\\-{}\\fR(1)\n{}\n", roff_escape(c.name), roff_escape(c.listed_summary));
  page += ".SH OPTIONS\n.TP\n\\fB\\-V\\fR, \\fB\\-\\-version\\fR\n"
          "print the version, the commit it was built from and the versions of the libraries it uses\n"
          ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\nlist the commands\n"
          ".PP\nEvery command takes these:\n";
  // The shared set, as the commands declare it: the options of the first command up to its
  // own, and --color from a command that colours.
  std::vector<std::string> shown;
  for (const auto& c : commands)
    for (const auto& o : c.options) {
      bool shared = o.long_name == "help" || o.long_name == "data-dir" || o.long_name == "quiet" || o.long_name == "color";
      if (!shared || std::find(shown.begin(), shown.end(), o.long_name) != shown.end()) continue;
      shown.push_back(o.long_name);
      std::string body = option_body(o);
      if (o.long_name == "color") {
        std::string which;
        for (const auto& d : commands)
          for (const auto& p : d.options)
            if (p.long_name == "color") which += (which.empty() ? "" : ", ") + fmt::format("\\fBcjb\\-{}\\fR(1)", roff_escape(d.name));
        body += "; on the commands that colour their output: " + which;
      }
      page += ".TP\n" + option_heading(o) + "\n" + body + "\n";
    }
  page += kExitStatus;
  page += kEnvironment;
  page += kFiles;
  page += ".SH SEE ALSO\n\\fBcjb\\-formats\\fR(5)";
  for (const auto& c : commands) page += fmt::format(", \\fBcjb\\-{}\\fR(1)", roff_escape(c.name));
  page += "\n";
  return page;
}

}  // namespace cjb::cli
