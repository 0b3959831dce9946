// libFuzzer harness of the escaping of user text into HTML/SVG, DOT (HTML-like labels and
// plain attributes), CSV cells and PDF layout text, and of the id and printable checks. Each
// output is checked for what must never be in it; a violation aborts.

#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/ids.h"
#include "core/printable.h"
#include "diagram/escape.h"
#include "render/csv.h"
#include "render/escape.h"
#include "render/laid_out_text.h"

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

// No markup: no < > " ' and every & starts an entity the escaper wrote.
void check_markup_free(const std::string& out) {
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    require(c != '<' && c != '>' && c != '"' && c != '\'');
    if (c == '&') require(out.find(';', i) != std::string::npos);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);

  check_markup_free(cjb::render::html_escape(text));

  std::string label = cjb::diagram::escape_html_label(text);
  check_markup_free(label);
  for (char c : label) require(static_cast<unsigned char>(c) < 0x80 && (c >= 0x20 || c == '\t'));
  std::string attribute = cjb::diagram::escape_attribute(text);
  for (size_t i = 0; i < attribute.size(); ++i) {
    require(static_cast<unsigned char>(attribute[i]) < 0x80 && attribute[i] != '"');
    if (attribute[i] == '\\') {  // backslashes come doubled: Graphviz must not see an escape
      require(i + 1 < attribute.size() && attribute[i + 1] == '\\');
      ++i;
    }
  }

  std::string cell = cjb::render::spreadsheet_text(text);
  require(cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos);
  std::string field = cjb::render::csv_field(cell);
  if (field.find_first_of(",\"\r\n") != std::string::npos) require(field.front() == '"' && field.back() == '"');

  std::string shown = cjb::render::pdf::laid_out_text(text);
  require(shown.size() <= cjb::render::pdf::kMaxLaidOutBytes + 3);

  std::string safe = cjb::printable(text);
  for (size_t i = 0; i < safe.size();) {
    cjb::CodePoint cp = cjb::decode_utf8(safe, i);
    require(cp.length > 0 && !cjb::is_unsafe_character(cp.value));
    i += cp.length;
  }
  if (!cjb::id_problem(text)) require(cjb::printable(text) == text && text.find_first_of("\"'<>&") == std::string::npos);
  return 0;
}
