#pragma once
// SAS display formats that say a number is a calendar date (days since
// 1960-01-01: DATE9., E8601DA10., YYMMDD10., ...) or a date-time (seconds
// since 1960-01-01 00:00: DATETIME20., E8601DT19., ...), as a SAS file
// gives them on its numeric variables (and as column_typing gives ISO dates).
// A time-to-event column so formatted holds dates, not durations.

#include <string>
#include <string_view>

namespace triallens {

enum class SasDateKind { NotADate, Date, DateTime };

// The kind of a format as written on a column ("DATE9", "E8601DA10.",
// "datetime20"): its name, without width, decimals or the dot, upper case.
SasDateKind sas_date_kind(std::string_view format);

// The value as ISO 8601 text ("2024-03-01", "2024-03-01T10:00:05") for a
// message; "" for a missing value or NotADate.
std::string sas_date_text(double value, SasDateKind kind);

} // namespace triallens
