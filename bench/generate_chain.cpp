// generate_chain: writes a seeded synthetic chain of assessments for benchmarks and demos.
//
//   generate_chain --sites 2000 --visits 5 --seed 42 --out /tmp/chain [--data-dir DIR] [--profile ID] [--kpi]
//
// --kpi also writes OUT/kpi/contacts.csv and OUT/kpi/surveys.csv (for cjb kpi and
// cjb benchmark --kpi).

#include <cstdlib>
#include <iostream>
#include <string>

#include "chain_generator.h"
#include "xml/catalog_loader.h"

namespace {

int usage(const char* message) {
  std::cerr << "generate_chain: " << message << "\n"
            << "usage: generate_chain --out DIR [--sites N (100)] [--visits N (3)] [--seed N (42)]\n"
               "                      [--data-dir DIR (the source tree)] [--profile ID (omnichannel-chain)] [--kpi]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  cjb::bench::ChainOptions options;
  std::string out, data_dir = CJB_SOURCE_DIR;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--kpi") {
      options.kpi_exports = true;
      continue;
    }
    if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
    std::string value = argv[++i];
    try {
      if (arg == "--out") out = value;
      else if (arg == "--sites") options.sites = std::stoi(value);
      else if (arg == "--visits") options.visits = std::stoi(value);
      else if (arg == "--seed") options.seed = std::stoull(value);
      else if (arg == "--data-dir") data_dir = value;
      else if (arg == "--profile") options.profile = value;
      else return usage(("unknown option " + arg).c_str());
    } catch (const std::exception&) {
      return usage(("not a number: " + value).c_str());
    }
  }
  if (out.empty()) return usage("--out DIR is required");
  if (options.sites < 1 || options.visits < 1) return usage("--sites and --visits must be at least 1");
  try {
    cjb::Catalog catalog = cjb::xml::load_catalog(data_dir);
    int n = cjb::bench::generate_chain(catalog, options, out);
    std::cerr << "generate_chain: " << n << " assessments written under " << out << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
