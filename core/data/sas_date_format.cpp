#include "triallens/data/sas_date_format.h"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace triallens {

namespace {

constexpr std::array<std::string_view, 24> date_formats{
    "DATE",    "DAY",      "DOWNAME",  "E8601DA", "B8601DA", "IS8601DA", "JULDAY",   "JULIAN",
    "MMYY",    "MONNAME",  "MONTH",    "MONYY",   "NENGO",   "QTR",      "WEEKDATE", "WEEKDATX",
    "WEEKDAY", "WORDDATE", "WORDDATX", "YEAR",    "YYMM",    "YYMON",    "YYQ",      "MINGUO"};

// These take a separator letter after the name: YYMMDDN8., MMDDYYS10.
constexpr std::array<std::string_view, 3> date_formats_with_separator{"YYMMDD", "MMDDYY", "DDMMYY"};

constexpr std::array<std::string_view, 12> date_time_formats{
    "DATETIME", "DTDATE",   "DTMONYY", "DTWKDATX", "DTYEAR",   "E8601DT",
    "B8601DT",  "IS8601DT", "E8601DZ", "B8601DZ",  "DATEAMPM", "MDYAMPM"};

// Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day
// counted from 1970-01-01.
void civil_from_days(long days, long& year, long& month, long& day) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long day_of_era = days - era * 146097;
    const long year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const long mp = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
}

} // namespace

SasDateKind sas_date_kind(std::string_view format) {
    std::string name;
    for (const char c : format) {
        name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    // The width and decimals trail the name; names such as E8601DA hold
    // digits too, but never end in one.
    while (!name.empty() &&
           (name.back() == '.' || std::isdigit(static_cast<unsigned char>(name.back())) != 0)) {
        name.pop_back();
    }
    for (const auto candidate : date_time_formats) {
        if (name == candidate) {
            return SasDateKind::DateTime;
        }
    }
    for (const auto candidate : date_formats) {
        if (name == candidate) {
            return SasDateKind::Date;
        }
    }
    for (const auto candidate : date_formats_with_separator) {
        if (name.starts_with(candidate) && name.size() <= candidate.size() + 1) {
            return SasDateKind::Date;
        }
    }
    return SasDateKind::NotADate;
}

std::string sas_date_text(double value, SasDateKind kind) {
    if (kind == SasDateKind::NotADate || !std::isfinite(value) || std::fabs(value) > 1e12) {
        return {};
    }
    constexpr long days_1960_to_1970 = 3653;
    const double seconds = kind == SasDateKind::DateTime ? value : 0;
    const double days = kind == SasDateKind::DateTime ? std::floor(value / 86400) : value;
    long year = 0;
    long month = 0;
    long day = 0;
    civil_from_days(static_cast<long>(std::floor(days)) - days_1960_to_1970, year, month, day);
    char text[128]; // room for six longs at their widest: no truncation to warn of
    if (kind == SasDateKind::Date) {
        std::snprintf(text, sizeof text, "%04ld-%02ld-%02ld", year, month, day);
    } else {
        const auto of_day = static_cast<long>(seconds - days * 86400);
        std::snprintf(text, sizeof text, "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld", year, month, day,
                      of_day / 3600, of_day / 60 % 60, of_day % 60);
    }
    return text;
}

} // namespace triallens
