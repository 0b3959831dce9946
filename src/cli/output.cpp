#include "cli/output.h"

#include <cstdlib>
#include <ostream>

#include "util/files.h"

namespace cjb::cli {

void write_output(Context& context, const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") {
    context.out << content;
    context.out.flush();
    return;
  }
  files::write_file_atomically(path, content);
}

bool use_colour(bool is_terminal) {
  const char* no_colour = std::getenv("NO_COLOR");
  return is_terminal && !(no_colour && *no_colour);
}

}  // namespace cjb::cli
