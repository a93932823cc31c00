#include "triallens/format/number_format.h"

#include "triallens/analysis/results.h"
#include "triallens/analysis/time_unit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace triallens {

namespace {

constexpr std::string_view minus_sign = "\u2212";
constexpr std::string_view en_dash = "\u2013";
constexpr int max_time_decimals = 3;

// printf's "%.*f" (or "%.*e"), its '-' swapped for U+2212. Negative zero
// has no sign to show.
std::string printed(double value, int decimals, char conversion = 'f') {
    if (value == 0) {
        value = 0; // drops the sign of -0.0
    }
    const char format[] = {'%', '.', '*', conversion, '\0'};
    const int size = std::snprintf(nullptr, 0, format, decimals, value);
    std::string text(static_cast<std::size_t>(size) + 1, '\0');
    std::snprintf(text.data(), text.size(), format, decimals, value);
    text.pop_back();
    if (!text.empty() && text.front() == '-') {
        text.replace(0, 1, minus_sign);
    }
    return text;
}

std::string bound_text(std::optional<double> value, int decimals) {
    return value && std::isfinite(*value) ? decimal_text(*value, decimals)
                                          : std::string(not_estimable_text);
}

bool has_decimals(double value, int decimals) {
    const double scaled = value * std::pow(10.0, decimals);
    return std::abs(scaled - std::nearbyint(scaled)) <= 1e-9 * std::max(1.0, std::abs(scaled));
}

void add_quantile(std::vector<double>& values, const QuantileEstimate& quantile) {
    for (const auto& value : {quantile.estimate, quantile.lower, quantile.upper}) {
        if (value) {
            values.push_back(*value);
        }
    }
}

} // namespace

std::string decimal_text(double value, int decimals) {
    if (!std::isfinite(value)) {
        return std::string(not_estimable_text);
    }
    return printed(value, std::max(decimals, 0));
}

std::string p_value_text(std::optional<double> p) {
    if (!p || std::isnan(*p)) {
        return std::string(not_estimable_text);
    }
    if (*p < 0.001) {
        return "<0.001";
    }
    if (*p > 0.999) {
        return ">0.999";
    }
    return printed(*p, 3);
}

std::string p_value_label(std::optional<double> p) {
    const std::string text = p_value_text(p);
    if (text.front() == '<' || text.front() == '>') {
        return std::string("p ") + text.front() + " " + text.substr(1);
    }
    return "p = " + text;
}

std::string ratio_text(std::optional<double> ratio, int decimals) {
    if (!ratio || !std::isfinite(*ratio)) {
        return std::string(not_estimable_text);
    }
    // Fixed notation up to a million; beyond, a line of digits would hide
    // that the estimate has run off (a Cox model with no events in an arm).
    if (std::abs(*ratio) >= 1e6) {
        return printed(*ratio, decimals, 'e');
    }
    return printed(*ratio, decimals);
}

std::string ratio_ci_text(std::optional<double> estimate, std::optional<double> lower,
                          std::optional<double> upper) {
    if (!estimate || !std::isfinite(*estimate)) {
        return std::string(not_estimable_text);
    }
    return ratio_text(estimate) + " (" + ratio_text(lower) + std::string(en_dash) +
           ratio_text(upper) + ")";
}

std::string median_ci_text(std::optional<double> estimate, std::optional<double> lower,
                           std::optional<double> upper, int decimals) {
    const std::string median = estimate && std::isfinite(*estimate)
                                   ? decimal_text(*estimate, decimals)
                                   : std::string(not_reached_text);
    return median + " (" + bound_text(lower, decimals) + std::string(en_dash) +
           bound_text(upper, decimals) + ")";
}

std::string time_text(double time, int decimals) {
    return decimal_text(time, decimals);
}

int data_decimals(std::span<const double> values, int max_decimals) {
    int decimals = 0;
    for (const double value : values) {
        if (!std::isfinite(value)) {
            continue;
        }
        while (decimals < max_decimals && !has_decimals(value, decimals)) {
            ++decimals;
        }
        if (decimals == max_decimals) {
            break;
        }
    }
    return decimals;
}

int time_decimals(std::span<const double> values) {
    return data_decimals(values, max_time_decimals);
}

int median_decimals(std::string_view time_unit, int data_decimals) {
    const bool in_days =
        time_unit.empty() || time_unit_from_name(time_unit) == std::optional(TimeUnit::Days);
    return in_days && data_decimals == 0 ? 0 : 1;
}

int median_decimals(const Results& results) {
    std::vector<double> medians;
    int data_decimals = 0;
    for (const auto* curves : {&results.arms, &results.curve_groups}) {
        for (const ArmSurvival& curve : *curves) {
            data_decimals = std::max(data_decimals, time_decimals(curve.km.curve.time));
            add_quantile(medians, curve.median);
        }
    }
    for (const SubgroupRow& row : results.subgroups) {
        for (const SubgroupArm& arm : row.arms) {
            add_quantile(medians, arm.median);
        }
    }
    for (const MedianConcordance& concordance : results.concordance.medians) {
        add_quantile(medians, concordance.median);
    }
    if (results.median_follow_up) {
        add_quantile(medians, *results.median_follow_up);
    }
    data_decimals = std::max(data_decimals, time_decimals(medians));
    return median_decimals(results.time_unit, data_decimals);
}

std::string percent_text(double percent) {
    return decimal_text(percent, 1);
}

std::string count_percent_text(std::size_t count, double percent) {
    return std::to_string(count) + " (" + percent_text(percent) + "%)";
}

std::string count_of_text(std::size_t count, std::size_t denominator) {
    return count_percent_text(count, denominator == 0 ? 0.0
                                                      : 100.0 * static_cast<double>(count) /
                                                            static_cast<double>(denominator));
}

std::string difference_ci_text(double estimate, double lower, double upper, int decimals) {
    return decimal_text(estimate, decimals) + " (" + decimal_text(lower, decimals) + ", " +
           decimal_text(upper, decimals) + ")";
}

std::string conf_level_text(double conf_level) {
    const double percent = 100 * conf_level;
    const double one[] = {percent};
    return decimal_text(percent, std::min(time_decimals(one), 2)) + "%";
}

} // namespace triallens
