#include "chain_generator.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "core/kpi.h"
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

// The exports of a help desk and a survey tool for the sites, site i of quality qualities[i]:
// better sites answer sooner, resolve more at the first contact and please more customers.
void write_kpi_exports(const ChainOptions& options, const std::vector<double>& qualities, const std::string& dir) {
  Random random(options.seed ^ 0x6b70695f6578ull);  // a stream of its own: the audits stay as they are
  fs::path kpi_dir = fs::path(dir) / "kpi";
  fs::create_directories(kpi_dir);
  std::ofstream contacts(kpi_dir / "contacts.csv", std::ios::binary), surveys(kpi_dir / "surveys.csv", std::ios::binary);
  contacts << "id,site,channel,opened,first_response,resolved,contacts,handling_minutes\n";
  surveys << "id,site,channel,date,csat,nps\n";
  static const char* kChannels[] = {"phone", "chat", "email", "store"};
  double start = *parse_local_time(options.first_date + "-01 00:00");
  int contact_id = 0, answer_id = 0;
  for (size_t s = 0; s < qualities.size(); ++s) {
    std::string site = fmt::format("S{:05d}", s + 1);
    double q = qualities[s];
    for (int n = 12 + random.below(12); n > 0; --n) {
      double opened = start + 1440.0 * random.below(180) + 60.0 * (8 + random.below(11)) + random.below(60);
      double first = opened + std::round(std::exp(3.0 - 0.7 * q + 0.8 * random.normal()));
      bool open = random.uniform() < 0.05;
      double resolved = first + std::round(60 * std::exp(1.8 - 0.5 * q + 0.9 * random.normal()));
      int count = random.uniform() < logistic(0.8 + 0.9 * q) ? 1 : 2 + random.below(3);
      contacts << fmt::format("C{:06d},{},{},{},{},{},{},{:.1f}\n", ++contact_id, site, kChannels[random.below(4)], format_local_time(opened),
                              format_local_time(first), open ? "" : format_local_time(resolved), open ? "" : std::to_string(count),
                              4 + 6 * random.uniform());
    }
    for (int n = 10 + random.below(10); n > 0; --n) {
      double p = logistic(1.2 + 0.7 * q + 0.5 * random.normal());
      int csat = 1;
      for (int k = 0; k < 4; ++k) csat += random.uniform() < p;
      int nps = std::clamp(static_cast<int>(std::lround(10 * logistic(1.0 + 0.7 * q + 1.3 * random.normal()))), 0, 10);
      double day = start + 1440.0 * random.below(180);
      surveys << fmt::format("R{:06d},{},{},{},{},{}\n", ++answer_id, site, random.uniform() < 0.7 ? "store" : "online",
                             format_local_time(day).substr(0, 10), csat, nps);
    }
  }
  if (!contacts || !surveys) throw Error(fmt::format("generate_chain: cannot write the KPI exports under {}", kpi_dir.string()));
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
  std::vector<double> qualities;  // per site, for the KPI exports
  for (int s = 1; s <= options.sites; ++s) {
    std::string site_id = fmt::format("S{:05d}", s);
    std::string region = kRegions[random.below(5)];
    std::string format = kFormats[random.below(5)];
    std::string town = kTowns[random.below(20)];
    double quality = 0.3 + 0.9 * random.normal();
    qualities.push_back(quality);
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
  if (options.kpi_exports) write_kpi_exports(options, qualities, dir);
  return written;
}

}  // namespace cjb::bench
