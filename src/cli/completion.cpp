#include "cli/completion.h"

#include <fmt/format.h>

namespace cjb::cli {

namespace {

// 'text' for a POSIX shell.
std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// The profile ids of a data folder: the id of each profile file's root element. Shared by both
// shells (zsh runs it as is). The folder, as cjb itself finds it (cli/data.h): --data-dir on
// the line ($1), else $CJB_DATA, else <prefix>/share/cjb beside the cjb on the PATH, else the
// folder the package installs.
std::string profiles_function(const std::string& installed_data_dir) {
  return fmt::format(
      "_cjb_profile_ids() {{\n"
      "  local dir=${{1:-$CJB_DATA}} bin f\n"
      "  if [ -z \"$dir\" ]; then\n"
      "    bin=$(command -v cjb 2>/dev/null)\n"
      "    dir=${{bin%/bin/*}}/share/cjb\n"
      "    [ -d \"$dir\" ] || dir={}\n"
      "  fi\n"
      "  for f in \"$dir\"/checklists/profiles/*.xml; do\n"
      "    [ -f \"$f\" ] && sed -n '/<profile[ >]/{{s/.* id=\"\\([^\"]*\\)\".*/\\1/p;q;}}' \"$f\"\n"
      "  done\n"
      "}}\n",
      quote(installed_data_dir));
}

std::string option_words(const CommandDoc& c) {
  std::vector<std::string> words;
  for (const auto& o : c.options) {
    if (o.positional) continue;
    words.push_back("--" + o.long_name);
    if (o.short_name) words.push_back(std::string("-") + o.short_name);
  }
  return join(words, " ");
}

// The bash statement completing a value of kind `o`.
std::string bash_value(const OptionDoc& o) {
  switch (o.kind) {
    case ValueKind::Choice: return fmt::format("_cjb_words {}", quote(join(o.choices, " ")));
    case ValueKind::InputFile: return fmt::format("_cjb_files {}", quote(join(o.extensions, "|")));
    case ValueKind::OutputFile: return "_cjb_files ''";
    case ValueKind::Directory: return "_cjb_dirs";
    case ValueKind::Profile: return "_cjb_words \"$(_cjb_profile_ids \"$data_dir\")\"";
    case ValueKind::Text:
    case ValueKind::None: return ":";
  }
  return ":";
}

std::string bash_command_case(const CommandDoc& c) {
  std::string out = fmt::format("    {})\n      case $prev in\n", c.name);
  std::string positional = ":";
  for (const auto& o : c.options) {
    if (o.positional) {
      if (positional == ":") positional = bash_value(o);
      continue;
    }
    if (o.kind == ValueKind::None) continue;
    std::string names = "--" + o.long_name + (o.short_name ? fmt::format("|-{}", o.short_name) : "");
    out += fmt::format("        {}) {}; return ;;\n", names, bash_value(o));
  }
  out += "      esac\n";
  out += fmt::format("      if [[ $cur == -* ]]; then _cjb_words {}; return; fi\n", quote(option_words(c)));
  out += fmt::format("      {}\n      ;;\n", positional);
  return out;
}

// zsh: the action after an option's or argument's message.
std::string zsh_action(const OptionDoc& o) {
  switch (o.kind) {
    case ValueKind::Choice: return "(" + join(o.choices, " ") + ")";
    case ValueKind::InputFile: {
      std::vector<std::string> globs;
      for (const auto& e : o.extensions) globs.push_back("*." + e);
      return fmt::format("_files -g \"({})(-.)\"", join(globs, "|"));
    }
    case ValueKind::OutputFile: return "_files";
    case ValueKind::Directory: return "_files -/";
    case ValueKind::Profile: return "_cjb_profiles";
    case ValueKind::Text:
    case ValueKind::None: return " ";
  }
  return " ";
}

// Text inside an _arguments spec: its brackets, backslashes and colons escaped.
std::string zsh_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\' || c == ':') out += '\\';
    out += c;
  }
  return out;
}

std::string zsh_command_spec(const CommandDoc& c) {
  std::vector<std::string> specs;
  for (const auto& o : c.options) {
    std::string desc = zsh_text(o.description);
    std::string value = o.kind == ValueKind::None ? "" : ":" + zsh_text(o.value_name) + ":" + zsh_action(o);
    if (o.positional) {
      specs.push_back(quote((o.many ? "*" : "1") + value));
      continue;
    }
    std::string suffix = o.kind == ValueKind::None ? "" : "=";
    if (o.short_name) {
      std::string exclusion = fmt::format("(-{} --{})", o.short_name, o.long_name);
      specs.push_back(quote(exclusion) + "{" + fmt::format("-{}{},--{}{}", o.short_name, suffix.empty() ? "" : "+", o.long_name, suffix) +
                      "}" + quote("[" + desc + "]" + value));
    } else {
      specs.push_back(quote("--" + o.long_name + suffix + "[" + desc + "]" + value));
    }
  }
  return fmt::format("        {})\n          _arguments -s \\\n            {} ;;\n", c.name, join(specs, " \\\n            "));
}

}  // namespace

std::string bash_completion(const std::vector<CommandDoc>& commands, const std::string& installed_data_dir) {
  std::vector<std::string> names;
  for (const auto& c : commands) names.push_back(c.name);
  std::string out =
      "# bash completion for cjb. Generated from cjb's command table by cjb-docgen: do not edit.\n\n";
  out += profiles_function(installed_data_dir);
  out +=
      "_cjb_words() { local IFS=$' \\t\\n'; COMPREPLY=($(compgen -W \"$1\" -- \"$cur\")); }\n"
      "_cjb_dirs() { compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY=($(compgen -d -- \"$cur\")); }\n"
      "# Files with one of the extensions $1 (\"xml|csv\"; empty: any), and folders to go into.\n"
      "_cjb_files() {\n"
      "  compopt -o filenames 2>/dev/null\n"
      "  local IFS=$'\\n' extglob_was\n"
      "  extglob_was=$(shopt -p extglob); shopt -s extglob\n"
      "  if [[ -n $1 ]]; then\n"
      "    COMPREPLY=($(compgen -d -- \"$cur\") $(compgen -f -X \"!*.@($1)\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      "  fi\n"
      "  eval \"$extglob_was\"\n"
      "}\n\n"
      "_cjb() {\n"
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} data_dir='' i\n"
      "  # --option=value: bash splits it at '=' into three words.\n"
      "  if [[ $cur == = ]]; then cur=''; elif [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
      "  for ((i = 2; i < COMP_CWORD; i++)); do\n"
      "    [[ ${COMP_WORDS[i]} == --data-dir && ${COMP_WORDS[i+1]} != = ]] && data_dir=${COMP_WORDS[i+1]}\n"
      "    [[ ${COMP_WORDS[i]} == --data-dir && ${COMP_WORDS[i+1]} == = ]] && data_dir=${COMP_WORDS[i+2]}\n"
      "  done\n"
      "  COMPREPLY=()\n"
      "  if ((COMP_CWORD == 1)); then\n";
  out += fmt::format("    _cjb_words {}\n", quote(join(names, " ") + " --help --version"));
  out += "    return\n  fi\n  case ${COMP_WORDS[1]} in\n";
  for (const auto& c : commands) out += bash_command_case(c);
  out += "  esac\n}\n\ncomplete -F _cjb cjb\n";
  return out;
}

std::string zsh_completion(const std::vector<CommandDoc>& commands, const std::string& installed_data_dir) {
  std::string out =
      "#compdef cjb\n"
      "# zsh completion for cjb. Generated from cjb's command table by cjb-docgen: do not edit.\n\n";
  out += profiles_function(installed_data_dir);
  out +=
      "_cjb_profiles() {\n"
      "  local dir='' i\n"
      "  for ((i = 1; i < $#words; i++)); do [[ $words[i] == --data-dir ]] && dir=$words[i+1]; done\n"
      "  local -a ids\n"
      "  ids=(${(f)\"$(_cjb_profile_ids \"$dir\" 2>/dev/null)\"})\n"
      "  _describe -t profiles 'profile' ids\n"
      "}\n\n"
      "_cjb() {\n"
      "  local curcontext=$curcontext state line\n"
      "  typeset -A opt_args\n"
      "  _arguments -C \\\n"
      "    '(- *)'{-h,--help}'[list the commands]' \\\n"
      "    '(- *)'{-V,--version}'[print the version, commit and library versions]' \\\n"
      "    '1:command:->command' \\\n"
      "    '*::argument:->argument'\n"
      "  case $state in\n"
      "    command)\n"
      "      local -a commands\n"
      "      commands=(\n";
  for (const auto& c : commands) out += fmt::format("        {}\n", quote(c.name + ":" + c.listed_summary));
  out +=
      "      )\n"
      "      _describe -t commands 'cjb command' commands ;;\n"
      "    argument)\n"
      "      curcontext=${curcontext%:*:*}:cjb-$line[1]:\n"
      "      case $line[1] in\n";
  for (const auto& c : commands) out += zsh_command_spec(c);
  out += "      esac ;;\n  esac\n}\n\n_cjb \"$@\"\n";
  return out;
}

}  // namespace cjb::cli
