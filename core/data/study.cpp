#include "triallens/data/study.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace triallens {

std::optional<std::int32_t> Variable::level_code(std::string_view level) const {
    // Levels are in level order, not sorted (study.h): a linear search, made
    // once per named level, never per row.
    const auto it = std::find(levels.begin(), levels.end(), level);
    if (it == levels.end()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(it - levels.begin());
}

const Variable* SubjectTable::find(std::string_view name) const {
    for (const auto& variable : variables) {
        if (variable.name == name) {
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
                         std::vector<std::uint8_t> event)
    : paramcd_(std::move(paramcd)), param_(std::move(param)), time_unit_(std::move(time_unit)),
      subject_(std::move(subject)), time_(std::move(time)), event_(std::move(event)) {
    if (time_.size() != subject_.size() || event_.size() != subject_.size()) {
        throw std::invalid_argument("endpoint " + paramcd_ +
                                    ": subject, time and event columns differ in length");
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
