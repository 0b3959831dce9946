// libFuzzer harnesses of the CSV readers (CJB_FUZZ_KIND 0: the CSV layer every sheet and
// export goes through; 1: a KPI export). Rows or cjb::InputError, nothing else.

#include <cstdint>
#include <string>

#include "core/error.h"
#include "kpi/kpi_export.h"
#include "sheet/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
#if CJB_FUZZ_KIND == 0
    for (const auto& row : cjb::sheet::read_csv(text, "fuzz.csv")) (void)cjb::sheet::is_blank_row(row);
#else
    cjb::kpi::read_kpi_export(text, "fuzz.csv");
#endif
  } catch (const cjb::InputError&) {
  }
  return 0;
}
