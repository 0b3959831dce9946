#pragma once
// Seconds since 1970 (UTC) as a calendar date and time, without the C library's time zone state
// (Howard Hinnant's civil_from_days): the one conversion behind every date a PDF carries
// (SOURCE_DATE_EPOCH, docs/reports.md) and the KPI times of core/kpi.h.

namespace cjb {

struct CivilTime {
  long long year = 1970;
  int month = 1, day = 1;  // 1-based
  int hour = 0, minute = 0, second = 0;
};

// The proleptic Gregorian date and time of seconds since 1970-01-01T00:00:00Z (negative: before).
CivilTime civil_from_seconds(long long seconds);

}  // namespace cjb
