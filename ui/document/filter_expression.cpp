#include "document/filter_expression.h"

#include <triallens/analysis/subject_filter.h>

#include <triallens/data/level_counts.h>
#include <triallens/data/value_range.h>

#include <array>
#include <charconv>
#include <vector>

namespace triallens::ui {

namespace {

// The shortest spelling that reads back as the same double, so a bound
// compares exactly as the spin box holds it.
std::string number_text(double x) {
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
    return std::string(buffer.data(), result.ptr);
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string joined;
    for (const std::string& part : parts) {
        joined += (joined.empty() ? "" : separator) + part;
    }
    return joined;
}

std::string or_missing(const std::string& name, const std::string& clause, bool compound) {
    return "(" + (compound ? "(" + clause + ")" : clause) + " or " + name + " is missing)";
}

std::string level_clause(const Variable& variable, const LevelSelection& selection) {
    const bool has_missing = count_levels(variable).missing > 0;
    const bool keep_missing = has_missing && !selection.exclude_missing;
    std::vector<std::string> kept;
    std::vector<std::string> excluded;
    for (const std::string& level : variable.levels()) {
        (selection.excluded.contains(level) ? excluded : kept).push_back(quote_filter_text(level));
    }
    const std::string& name = variable.name();
    if (excluded.empty()) {
        return has_missing && !keep_missing ? name + " is not missing" : "";
    }
    if (kept.empty()) {
        return keep_missing ? name + " is missing" : name + " in ()";
    }
    // != already drops missing values, like in (...).
    std::string clause;
    bool compound = false;
    if (excluded.size() < kept.size()) {
        std::vector<std::string> tests;
        for (const std::string& level : excluded) {
            tests.push_back(name + " != " + level);
        }
        clause = join(tests, " and ");
        compound = tests.size() > 1;
    } else {
        clause = name + " in (" + join(kept, ", ") + ")";
    }
    return keep_missing ? or_missing(name, clause, compound) : clause;
}

std::string range_clause(const Variable& variable, const RangeSelection& selection) {
    const ValueRange range = value_range(variable);
    const bool has_missing = range.missing > 0;
    const bool keep_missing = has_missing && !selection.exclude_missing;
    const std::string& name = variable.name();
    std::vector<std::string> bounds;
    if (selection.low > range.min) {
        bounds.push_back(name + " >= " + number_text(selection.low));
    }
    if (selection.high < range.max) {
        bounds.push_back(name + " <= " + number_text(selection.high));
    }
    if (bounds.empty()) {
        return has_missing && !keep_missing ? name + " is not missing" : "";
    }
    const std::string clause = join(bounds, " and ");
    return keep_missing ? or_missing(name, clause, bounds.size() > 1) : clause;
}

} // namespace

std::string filter_expression(const FilterState& state, const Study& study) {
    std::vector<std::string> clauses;
    for (const Variable& variable : study.subjects.variables()) {
        if (variable.is_categorical() && state.populations.contains(variable.name())) {
            clauses.push_back(variable.name() + " == \"Y\"");
        }
        if (const auto levels = state.levels.find(variable.name());
            variable.is_categorical() && levels != state.levels.end()) {
            clauses.push_back(level_clause(variable, levels->second));
        }
        if (const auto range = state.ranges.find(variable.name());
            !variable.is_categorical() && range != state.ranges.end()) {
            clauses.push_back(range_clause(variable, range->second));
        }
    }
    std::erase(clauses, std::string());
    return join(clauses, " and ");
}

} // namespace triallens::ui
