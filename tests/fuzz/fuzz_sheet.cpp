// libFuzzer harnesses of the field-sheet readers (issue 14, docs/reliability.md "Fuzzing"):
// CJB_FUZZ_KIND 0 reads the bytes as an XLSX workbook (libzip + the sheet XML), 1 as a CSV
// field sheet; both then go through read_field_sheet against the shipped omnichannel-chain profile,
// strictly and with `partial`. Each must return answers or throw cjb::InputError, nothing else.
// The catalog is the repository's own data directory (CJB_FUZZ_DATA_DIR), loaded once.

#include <cstdint>
#include <memory>
#include <string>

#include "core/catalog.h"
#include "core/error.h"
#include "sheet/csv_reader.h"
#include "sheet/field_sheet.h"
#include "sheet/xlsx_reader.h"
#include "xml/catalog_loader.h"

namespace {

struct Fixture {
  cjb::Catalog catalog;
  cjb::Instrument instrument;
};

// Built on first use: the catalog is not copyable, so it lives behind a pointer for the
// whole run (libFuzzer never returns from main).
const Fixture& fixture() {
  static const std::unique_ptr<Fixture> shared = [] {
    auto made = std::make_unique<Fixture>();
    made->catalog = cjb::xml::load_catalog(CJB_FUZZ_DATA_DIR);
    made->instrument = cjb::resolve_profile(made->catalog, *made->catalog.find_profile("omnichannel-chain"));
    return made;
  }();
  return *shared;
}

std::vector<cjb::sheet::Table> read_tables(const std::string& bytes) {
#if CJB_FUZZ_KIND == 0
  return cjb::sheet::read_xlsx(bytes, "fuzz.xlsx");
#else
  return {cjb::sheet::to_table(cjb::sheet::read_csv(bytes, "fuzz.csv"))};
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& f = fixture();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  for (bool partial : {false, true}) {
    try {
      auto tables = read_tables(bytes);
      cjb::sheet::read_field_sheet(tables, "fuzz", f.catalog.model, f.instrument, {.partial = partial});
    } catch (const cjb::InputError&) {
    }
  }
  return 0;
}
