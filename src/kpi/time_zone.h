#pragma once
// Local times of an IANA time zone (`cjb kpi --tz Europe/Amsterdam`, docs/kpi.md, "Time").
//
// Why Howard Hinnant's date/tz (Debian: libhowardhinnant-date-dev): g++ 12's libstdc++ has no
// std::chrono::tzdb, and it is the library that became C++20's tzdb, so the code moves over
// unchanged when the compiler catches up. Debian builds it on the system's tzdata (/usr/share/
// zoneinfo), which the distribution keeps current. The C library's TZ variable and mktime would
// also read tzdata, but only for the one zone of the process environment, not thread-safely,
// and far too slowly for a million rows; ICU is a large dependency for one conversion.

#include <memory>
#include <optional>
#include <string>

namespace cjb::kpi {

class TimeZone {
 public:
  // Throws UsageError when name is not a zone of the tz database.
  explicit TimeZone(const std::string& name);
  ~TimeZone();
  TimeZone(const TimeZone&) = delete;
  TimeZone& operator=(const TimeZone&) = delete;

  const std::string& name() const { return name_; }
  // A wall-clock time in this zone (minutes since 1970-01-01 00:00 as written) as UTC minutes.
  // In the hour skipped when clocks go forward the time does not exist: nullopt. In the hour
  // repeated when they go back, the first (earlier) of the two is taken.
  std::optional<double> to_utc(double local_minutes) const;
  // UTC minutes as this zone's wall clock.
  double to_local(double utc_minutes) const;

 private:
  struct Impl;
  std::string name_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cjb::kpi
