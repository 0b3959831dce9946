// libFuzzer harness of the report template reader: a ReportTemplate or cjb::InputError.

#include <cstdint>
#include <string>

#include "core/error.h"
#include "render/report_template.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    cjb::render::parse_template(std::string(reinterpret_cast<const char*>(data), size), "fuzz.tmpl");
  } catch (const cjb::InputError&) {
  }
  return 0;
}
