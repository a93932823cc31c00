#include "triallens/data/numeric_factor.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace triallens {

std::string r_number_text(double value) {
    if (std::isnan(value)) {
        return "NA";
    }
    if (std::isinf(value)) {
        return value > 0 ? "Inf" : "-Inf";
    }
    if (value == 0) {
        return "0";
    }
    // The value rounded to 15 significant digits, as d.dddddddddddddde±x.
    char scientific[64];
    std::snprintf(scientific, sizeof scientific, "%.14e", value);
    const std::string_view text(scientific);
    const std::size_t e = text.find('e');
    const int exponent = std::atoi(scientific + e + 1);
    std::string digits; // the mantissa's digits, trailing zeros dropped
    for (std::size_t i = 0; i < e; ++i) {
        if (text[i] >= '0' && text[i] <= '9') {
            digits += text[i];
        }
    }
    while (digits.size() > 1 && digits.back() == '0') {
        digits.pop_back();
    }
    const int significant = static_cast<int>(digits.size());
    const int sign = value < 0 ? 1 : 0;
    // Widths as R's formatReal compares them: d.ddde+xx against the fixed form.
    const int exponent_width = std::abs(exponent) >= 100 ? 3 : 2;
    const int scientific_width =
        sign + (significant > 1 ? significant + 1 : 1) + 2 + exponent_width;
    const int decimals = std::max(0, significant - exponent - 1);
    const int integer_digits = exponent >= 0 ? exponent + 1 : 1;
    const int fixed_width = sign + integer_digits + (decimals > 0 ? decimals + 1 : 0);
    char out[400];
    if (fixed_width <= scientific_width) {
        std::snprintf(out, sizeof out, "%.*f", decimals, value);
        return out;
    }
    std::string mantissa = (sign ? "-" : "") + digits.substr(0, 1);
    if (significant > 1) {
        mantissa += "." + digits.substr(1);
    }
    std::snprintf(out, sizeof out, "%se%c%0*d", mantissa.c_str(), exponent < 0 ? '-' : '+',
                  exponent_width, std::abs(exponent));
    return out;
}

std::vector<double> distinct_values(std::span<const double> numbers, std::size_t at_most) {
    std::vector<double> distinct; // kept sorted; small, so insertion is cheap
    for (const double x : numbers) {
        if (std::isnan(x)) {
            continue;
        }
        const auto at = std::lower_bound(distinct.begin(), distinct.end(), x);
        if (at != distinct.end() && *at == x) {
            continue;
        }
        if (distinct.size() == at_most) {
            return {};
        }
        distinct.insert(at, x);
    }
    return distinct;
}

std::size_t count_distinct(std::span<const double> numbers) {
    std::vector<double> values;
    values.reserve(numbers.size());
    for (const double x : numbers) {
        if (!std::isnan(x)) {
            values.push_back(x);
        }
    }
    std::sort(values.begin(), values.end());
    return static_cast<std::size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

} // namespace triallens
