// cjb-docgen: writes the man pages and the shell completion from the command table, at build
// time (src/CMakeLists.txt). Not installed.
//   cjb-docgen man DIR              DIR/cjb.1 and DIR/cjb-COMMAND.1
//   cjb-docgen bash FILE DATA_DIR   the bash completion (DATA_DIR: the installed data)
//   cjb-docgen zsh FILE DATA_DIR    the zsh completion

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "cli/completion.h"
#include "cli/manpage.h"
#include "cli/version.h"

namespace {

bool write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::cerr << "cjb-docgen: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cjb::cli;
  std::string what = argc > 1 ? argv[1] : "";
  auto docs = describe_commands();
  if (what == "man" && argc == 3) {
    std::filesystem::path dir = argv[2];
    std::filesystem::create_directories(dir);
    bool ok = write(dir / "cjb.1", main_man_page(docs, version()));
    for (const auto& c : docs) ok = write(dir / ("cjb-" + c.name + ".1"), command_man_page(c, version())) && ok;
    return ok ? 0 : 1;
  }
  if (what == "bash" && argc == 4) return write(argv[2], bash_completion(docs, argv[3])) ? 0 : 1;
  if (what == "zsh" && argc == 4) return write(argv[2], zsh_completion(docs, argv[3])) ? 0 : 1;
  std::cerr << "usage: cjb-docgen man DIR | bash FILE DATA_DIR | zsh FILE DATA_DIR\n";
  return 2;
}
