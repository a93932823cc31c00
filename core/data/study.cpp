#include "triallens/data/study.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace triallens {

Variable Variable::factor(std::string name, std::string label, std::vector<std::int32_t> codes,
                          std::vector<std::string> levels) {
    Variable variable;
    variable.name_ = std::move(name);
    variable.label_ = std::move(label);
    variable.codes_ = std::move(codes);
    variable.levels_ = std::move(levels);
    variable.check_codes();
    return variable;
}

Variable Variable::measurement(std::string name, std::string label, std::vector<double> numbers) {
    Variable variable;
    variable.name_ = std::move(name);
    variable.label_ = std::move(label);
    variable.categorical_ = false;
    variable.numbers_ = std::move(numbers);
    return variable;
}

Variable Variable::numeric_factor(std::string name, std::string label,
                                  std::vector<std::int32_t> codes, std::vector<std::string> levels,
                                  std::vector<double> numbers) {
    const auto broken = [&](const std::string& what) {
        return std::invalid_argument("variable " + name + ": " + what);
    };
    if (numbers.size() != codes.size()) {
        throw broken(std::to_string(codes.size()) + " codes but " + std::to_string(numbers.size()) +
                     " numbers");
    }
    for (std::size_t row = 0; row < codes.size(); ++row) {
        if ((codes[row] < 0) != std::isnan(numbers[row])) {
            throw broken(
                "row " + std::to_string(row) + " is missing in " +
                (codes[row] < 0 ? "its code but not its number" : "its number but not its code"));
        }
    }
    Variable variable =
        factor(std::move(name), std::move(label), std::move(codes), std::move(levels));
    variable.numbers_ = std::move(numbers);
    return variable;
}

// The invariants of a categorical column's codes and levels (study.h),
// checked once when it is made so that every reader may index levels by a
// non-negative code.
void Variable::check_codes() const {
    const auto broken = [&](const std::string& what) {
        return std::invalid_argument("variable " + name_ + ": " + what);
    };
    if (std::any_of(levels_.begin(), levels_.end(),
                    [](const std::string& level) { return level.empty(); })) {
        throw broken("a level is empty (missing values have code -1)");
    }
    // Levels in ascending order (a text column's, unless a companion orders
    // them) are distinct when no two neighbours are equal: a linear check,
    // which matters for ID-like columns with as many levels as subjects.
    const bool ascending =
        std::adjacent_find(levels_.begin(), levels_.end(), std::greater_equal<>()) == levels_.end();
    if (!ascending) {
        std::unordered_set<std::string_view> seen;
        seen.reserve(levels_.size());
        for (const auto& level : levels_) {
            if (!seen.insert(level).second) {
                throw broken("level \"" + level + "\" appears twice");
            }
        }
    }
    const auto n_levels = static_cast<std::int64_t>(levels_.size());
    for (std::size_t row = 0; row < codes_.size(); ++row) {
        const std::int32_t code = codes_[row];
        if (code < -1 || code >= n_levels) {
            throw broken("code " + std::to_string(code) + " in row " + std::to_string(row) +
                         " is not -1 or one of its " + std::to_string(levels_.size()) + " levels");
        }
    }
}

std::optional<std::int32_t> Variable::level_code(std::string_view level) const {
    // Levels are in level order, not sorted (study.h): a linear search, made
    // once per named level, never per row.
    const auto it = std::find(levels_.begin(), levels_.end(), level);
    if (it == levels_.end()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(it - levels_.begin());
}

Variable Variable::with_level_order(std::vector<std::string> levels) const {
    // A hash of the new positions keeps this linear: an ID-like column with
    // a companion may have as many levels as subjects.
    std::unordered_map<std::string_view, std::int32_t> position;
    position.reserve(levels.size());
    for (const auto& level : levels) {
        position.emplace(level, static_cast<std::int32_t>(position.size()));
    }
    std::vector<std::int32_t> new_code(levels_.size());
    bool same_levels =
        categorical_ && position.size() == levels.size() && levels.size() == levels_.size();
    for (std::size_t code = 0; same_levels && code < levels_.size(); ++code) {
        const auto it = position.find(levels_[code]);
        same_levels = it != position.end();
        new_code[code] = same_levels ? it->second : -1;
    }
    if (!same_levels) {
        throw std::invalid_argument("variable " + name_ +
                                    ": a new level order must hold exactly its levels");
    }
    Variable reordered = *this;
    reordered.levels_ = std::move(levels);
    for (std::int32_t& code : reordered.codes_) {
        if (code >= 0) {
            code = new_code[static_cast<std::size_t>(code)];
        }
    }
    return reordered;
}

Variable Variable::with_format(std::string format) && {
    format_ = std::move(format);
    return std::move(*this);
}

SubjectTable::SubjectTable(std::vector<std::string> usubjid, std::vector<Variable> variables)
    : usubjid_(std::move(usubjid)), variables_(std::move(variables)) {
    std::unordered_set<std::string_view> names;
    names.reserve(variables_.size());
    for (const auto& variable : variables_) {
        if (variable.size() != usubjid_.size()) {
            throw std::invalid_argument("subject table: variable " + variable.name() + " has " +
                                        std::to_string(variable.size()) + " rows for " +
                                        std::to_string(usubjid_.size()) + " subjects");
        }
        if (!names.insert(variable.name()).second) {
            throw std::invalid_argument("subject table: two variables are named " +
                                        variable.name());
        }
    }
}

const Variable* SubjectTable::find(std::string_view name) const {
    for (const auto& variable : variables_) {
        if (variable.name() == name) {
            return &variable;
        }
    }
    return nullptr;
}

const TimeToEvent* Study::endpoint(std::string_view paramcd) const {
    for (const auto& endpoint : endpoints) {
        if (endpoint.paramcd() == paramcd) {
            return &endpoint;
        }
    }
    return nullptr;
}

namespace {

// The records of the columns in ascending time order, ties in record order.
TimeToEvent::TimeOrdered sort_by_time(std::span<const std::int32_t> subject,
                                      std::span<const double> time,
                                      std::span<const std::uint8_t> event) {
    std::vector<std::uint32_t> order(time.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return time[a] < time[b]; });
    TimeToEvent::TimeOrdered sorted;
    sorted.subject.reserve(order.size());
    sorted.time.reserve(order.size());
    sorted.event.reserve(order.size());
    for (const std::uint32_t i : order) {
        sorted.subject.push_back(subject[i]);
        sorted.time.push_back(time[i]);
        sorted.event.push_back(event[i]);
    }
    return sorted;
}

// True when `time` ascends, is finite, and timefix would merge no two of its
// distinct times in any subset: timefix ties gaps <= tol absolutely or
// relative to the mean absolute distinct time of the records at hand, which
// never exceeds the largest, and a subset's gaps are sums of these gaps.
bool timefix_merges_nothing(std::span<const double> time) {
    double smallest_gap = std::numeric_limits<double>::infinity();
    double largest = 0;
    for (std::size_t k = 0; k < time.size(); ++k) {
        const double t = time[k];
        const double before = k > 0 ? time[k - 1] : t;
        if (!std::isfinite(t) || t < before) {
            return false;
        }
        largest = std::max(largest, std::fabs(t));
        if (t != before) {
            smallest_gap = std::min(smallest_gap, t - before);
        }
    }
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    return smallest_gap > tolerance && smallest_gap > tolerance * largest;
}

} // namespace

TimeToEvent::TimeToEvent(std::string paramcd, std::string param, std::string time_unit,
                         std::vector<std::int32_t> subject, std::vector<double> time,
                         std::vector<std::uint8_t> event, EventCauses causes)
    : paramcd_(std::move(paramcd)), param_(std::move(param)), time_unit_(std::move(time_unit)),
      subject_(std::move(subject)), time_(std::move(time)), event_(std::move(event)),
      causes_(std::move(causes)) {
    if (time_.size() != subject_.size() || event_.size() != subject_.size()) {
        throw std::invalid_argument("endpoint " + paramcd_ +
                                    ": subject, time and event columns differ in length");
    }
    if (!causes_.code.empty()) {
        if (causes_.code.size() != subject_.size() || causes_.names.size() > max_event_causes) {
            throw std::invalid_argument("endpoint " + paramcd_ + ": causes do not fit the records");
        }
        for (std::size_t i = 0; i < causes_.code.size(); ++i) {
            if ((causes_.code[i] != 0) != (event_[i] != 0) ||
                causes_.code[i] > causes_.names.size()) {
                throw std::invalid_argument("endpoint " + paramcd_ + ": record " +
                                            std::to_string(i) + " has no valid cause");
            }
        }
    }
    by_time_ = sort_by_time(subject_, time_, event_);
    if (time_unit_.empty()) {
        unit_ = TimeUnit::Days;
    } else if (const auto named = time_unit_from_name(time_unit_)) {
        unit_ = *named;
    } else {
        unit_known_ = false; // not convertible: only the stored times are read
    }
    // The converted times are the exact values in_unit() will hold, so the
    // decision per unit is the one a check of those times would make.
    std::vector<double> converted;
    for (std::size_t u = 0; u < time_unit_count; ++u) {
        const auto to = static_cast<TimeUnit>(u);
        if (to == unit_) {
            one_pass_[u] = timefix_merges_nothing(by_time_.time);
        } else if (unit_known_) {
            converted = by_time_.time;
            convert_times(converted, unit_, to);
            one_pass_[u] = timefix_merges_nothing(converted);
        }
    }
}

std::optional<TimeUnit> TimeToEvent::unit() const {
    return unit_known_ ? std::optional<TimeUnit>(unit_) : std::nullopt;
}

TimeToEvent TimeToEvent::in_unit(TimeUnit to) const {
    if (!unit_known_) {
        throw std::logic_error("endpoint " + paramcd_ + ": times in " + time_unit_ +
                               " cannot be converted");
    }
    TimeToEvent converted;
    converted.paramcd_ = paramcd_;
    converted.param_ = param_;
    converted.time_unit_ = time_unit_label(to);
    converted.subject_ = subject_;
    converted.time_ = time_;
    converted.event_ = event_;
    converted.causes_ = causes_;
    converted.by_time_ = by_time_;
    // A positive scale keeps the ascending order (rounding can make two
    // times equal, never swap them).
    convert_times(converted.time_, unit_, to);
    convert_times(converted.by_time_.time, unit_, to);
    converted.unit_ = to;
    // Converting again would round differently from one conversion of the
    // stored times, which is what the other units were checked on: they
    // take the plain path, always right.
    converted.one_pass_ = {};
    converted.one_pass_[static_cast<std::size_t>(to)] = one_pass_[static_cast<std::size_t>(to)];
    return converted;
}

} // namespace triallens
