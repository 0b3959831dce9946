#include "kpi/time_zone.h"

#include <chrono>
#include <cmath>

#include <date/tz.h>
#include <fmt/format.h>

#include "core/error.h"

namespace cjb::kpi {

namespace {
using Seconds = std::chrono::seconds;
}

// The last offset looked up and the UTC range it holds for: exports come roughly in time
// order, so nearly every row is answered without a search of the zone's transitions.
struct TimeZone::Impl {
  const date::time_zone* zone = nullptr;
  mutable date::sys_info cached{};
  mutable bool have = false;

  const date::sys_info& info(date::sys_seconds t) const {
    if (!have || t < cached.begin || t >= cached.end) {
      cached = zone->get_info(t);
      have = true;
    }
    return cached;
  }
};

TimeZone::TimeZone(const std::string& name) : name_(name), impl_(std::make_unique<Impl>()) {
  try {
    impl_->zone = date::locate_zone(name);
  } catch (const std::exception&) {
    throw UsageError(fmt::format("kpi: --tz '{}' is not a time zone (expected an IANA name such as Europe/Amsterdam or America/New_York)", name));
  }
}

TimeZone::~TimeZone() = default;

std::optional<double> TimeZone::to_utc(double local_minutes) const {
  auto seconds = static_cast<long long>(std::floor(local_minutes * 60.0));
  double fraction = local_minutes * 60.0 - static_cast<double>(seconds);
  const date::sys_info& c = impl_->cached;
  // Well inside the cached period (a day from either end) a wall-clock time is unique.
  if (impl_->have && seconds >= (c.begin.time_since_epoch() + c.offset).count() + 86400 &&
      seconds < (c.end.time_since_epoch() + c.offset).count() - 86400)
    return (static_cast<double>(seconds - c.offset.count()) + fraction) / 60.0;
  date::local_info li = impl_->zone->get_info(date::local_seconds{Seconds(seconds)});
  if (li.result == date::local_info::nonexistent) return std::nullopt;
  impl_->cached = li.first;
  impl_->have = true;
  return (static_cast<double>(seconds - li.first.offset.count()) + fraction) / 60.0;
}

double TimeZone::to_local(double utc_minutes) const {
  auto seconds = static_cast<long long>(std::floor(utc_minutes * 60.0));
  const date::sys_info& i = impl_->info(date::sys_seconds{Seconds(seconds)});
  return utc_minutes + static_cast<double>(i.offset.count()) / 60.0;
}

}  // namespace cjb::kpi
