#include "triallens/analysis/time_unit.h"

#include <array>
#include <cctype>

namespace triallens {

namespace {

struct UnitName {
    TimeUnit unit;
    const char* plural;
};

constexpr std::array<UnitName, 4> units{{{TimeUnit::Days, "days"},
                                         {TimeUnit::Weeks, "weeks"},
                                         {TimeUnit::Months, "months"},
                                         {TimeUnit::Years, "years"}}};

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<TimeUnit> time_unit_from_name(std::string_view name) {
    for (const auto& [unit, plural] : units) {
        const std::string_view full(plural);
        if (equal_ignoring_case(name, full) ||
            equal_ignoring_case(name, full.substr(0, full.size() - 1))) {
            return unit;
        }
    }
    return std::nullopt;
}

const char* time_unit_name(TimeUnit unit) {
    return units[static_cast<std::size_t>(unit)].plural;
}

std::string time_unit_label(TimeUnit unit) {
    std::string label = time_unit_name(unit);
    for (char& c : label) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return label;
}

double days_per(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Days:
        return 1;
    case TimeUnit::Weeks:
        return 7;
    case TimeUnit::Months:
        return 365.25 / 12;
    case TimeUnit::Years:
        return 365.25;
    }
    return 1;
}

void convert_times(std::span<double> times, TimeUnit from, TimeUnit to) {
    if (from == to) {
        return;
    }
    const double from_days = days_per(from);
    const double to_days = days_per(to);
    for (double& t : times) {
        t = t * from_days / to_days;
    }
}

} // namespace triallens
