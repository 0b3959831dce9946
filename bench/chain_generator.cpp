#include "chain_generator.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "xml/files.h"

namespace cjb::bench {

namespace fs = std::filesystem;

namespace {

// splitmix64: tiny, fully specified, good enough for synthetic data.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  double normal() {  // Box–Muller
    double u = 1.0 - uniform(), v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
  }

 private:
  std::uint64_t state_;
};

const char* const kRegions[] = {"North", "South", "East", "West", "Central"};
const char* const kFormats[] = {"flagship", "high-street", "mall", "retail-park", "convenience"};
const char* const kTowns[] = {"Abbeyford", "Brookmere", "Castlegate", "Dunmoor", "Elmstead", "Fairhaven", "Glenbury",
                              "Hollowell", "Ironbridge", "Kingsreach", "Longmarsh", "Millbrook", "Northcote", "Oakhurst",
                              "Pennford", "Queensbury", "Redcliffe", "Stonebridge", "Thornbury", "Westerham"};
const char* const kNotes[] = {"Observed on a busy Saturday afternoon.", "Staff were friendly but unsure of the policy.",
                              "Checked against the written procedure.", "Two of three test calls answered.",
                              "Manager explained the process in detail.", "Evidence photographed and filed."};
const char* const kAssessors[] = {"A. Patel", "B. Jones", "C. Okafor", "D. Schmidt", "E. Rossi"};

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// The date of a visit: month offset from first_date, a day from 1 to 28.
std::string visit_date(const std::string& first_month, int month_offset, int day) {
  int year = std::stoi(first_month.substr(0, 4));
  int month = std::stoi(first_month.substr(5, 2)) - 1 + month_offset;
  return fmt::format("{:04d}-{:02d}-{:02d}", year + month / 12, month % 12 + 1, day);
}

}  // namespace

int generate_chain(const Catalog& catalog, const ChainOptions& options, const std::string& dir) {
  const Profile* profile = catalog.find_profile(options.profile);
  if (!profile) throw Error(fmt::format("generate_chain: profile '{}' is not in the data (expected one of the profiles in checklists/profiles)", options.profile));
  Instrument instrument = resolve_profile(catalog, *profile);
  Random random(options.seed);

  // Fixed per run: how hard each item is, how strong each region is.
  std::vector<double> difficulty;
  for (size_t i = 0; i < instrument.items.size(); ++i) difficulty.push_back(0.8 * random.normal());
  std::map<std::string, double> region_effect;
  for (const char* region : kRegions) region_effect[region] = 0.35 * random.normal();

  int written = 0;
  for (int s = 1; s <= options.sites; ++s) {
    std::string site_id = fmt::format("S{:05d}", s);
    std::string region = kRegions[random.below(5)];
    std::string format = kFormats[random.below(5)];
    std::string town = kTowns[random.below(20)];
    double quality = 0.3 + 0.9 * random.normal();
    std::vector<std::string> tags;
    if (random.uniform() < 0.3) tags.push_back("click-collect");
    if (random.uniform() < 0.2) tags.push_back("refurbished-2025");
    fs::create_directories(fs::path(dir) / region);

    int month = random.below(3);
    for (int v = 1; v <= options.visits; ++v) {
      // Mostly one visit a month; now and then a second visit in the same month.
      if (v > 1 && random.uniform() >= 0.2) month += 1 + random.below(2);
      double visit = 0.3 * random.normal();
      Assessment a;
      a.id = fmt::format("{}-{}", site_id, v);
      a.subject.retailer = options.retailer;
      a.subject.site = fmt::format("{} {}", town, format == "flagship" ? "Flagship" : "Store");
      a.subject.site_id = site_id;
      a.subject.sector = "general-merchandise";
      a.subject.region = region;
      a.subject.format = format;
      a.subject.tags = tags;
      a.meta.assessor = kAssessors[random.below(5)];
      a.meta.date = visit_date(options.first_date, month, 1 + random.below(28));
      a.meta.method = random.uniform() < 0.7 ? "mystery-shop" : "audit";
      a.scope.model = catalog.model.id;
      a.scope.profile = profile->id;
      for (size_t i = 0; i < instrument.items.size(); ++i) {
        const ScopedItem& item = instrument.items[i];
        double u = random.uniform();
        if (u < 0.02) continue;  // unanswered
        Response r;
        r.item = item.item->id;
        if (u < 0.06) {
          r.na = true;
        } else {
          double p = logistic(quality + region_effect[region] + visit - difficulty[i] + 0.4 * random.normal());
          int level = 0;
          for (int k = 0; k < item.max_level; ++k) level += random.uniform() < p;
          r.level = level;
        }
        if (random.uniform() < options.notes) r.note = kNotes[random.below(6)];
        a.responses.push_back(std::move(r));
      }
      fs::path file = fs::path(dir) / region / fmt::format("{}-{}.xml", site_id, v);
      std::ofstream out(file, std::ios::binary);
      out << xml::write_assessment(a);
      if (!out) throw Error(fmt::format("generate_chain: cannot write {}", file.string()));
      ++written;
    }
  }
  return written;
}

}  // namespace cjb::bench
