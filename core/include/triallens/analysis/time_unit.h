#pragma once
// The units analysed times can be expressed in, and the conversion between
// them, with the day counts R users divide AVAL by:
//   week = 7 days, month = 365.25 / 12 = 30.4375 days, year = 365.25 days.
// A time t in unit `from` becomes t * days(from) / days(to), the expression an
// R user writes (AVAL / 30.4375 for days to months; the multiplication by 1
// is exact). Conversion precedes timefix, as Surv(AVAL / 30.4375, ...) does.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace triallens {

enum class TimeUnit { Days, Weeks, Months, Years };
inline constexpr std::size_t time_unit_count = 4;

// "days", "weeks", "months", "years"; also AVALU's spellings: any case,
// singular or plural ("MONTHS", "Day"). Anything else is std::nullopt.
std::optional<TimeUnit> time_unit_from_name(std::string_view name);

// The spec's name, "days" ... "years".
const char* time_unit_name(TimeUnit unit);

// As AVALU spells it: "DAYS" ... "YEARS".
std::string time_unit_label(TimeUnit unit);

// Days in one unit: 1, 7, 30.4375, 365.25.
double days_per(TimeUnit unit);

// Rewrites `times` from unit `from` into unit `to`; unchanged when they agree.
void convert_times(std::span<double> times, TimeUnit from, TimeUnit to);

} // namespace triallens
