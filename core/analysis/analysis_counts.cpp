#include "analysis_counts.h"

#include "../stats/prefetch.h"
#include "triallens/stats/event_table.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <future>
#include <iterator>
#include <limits>

namespace triallens {

namespace {

// Strata counted separately as the records arrive, then joined in stratum
// order.
class StratifiedBuilder {
public:
    explicit StratifiedBuilder(const CountsRequest& request) {
        strata_.reserve(request.strata);
        for (std::size_t s = 0; s < request.strata; ++s) {
            strata_.emplace_back(request.patterns, 0);
        }
    }

    void add(std::size_t stratum, double time, std::uint32_t rank, std::uint32_t pattern,
             bool event) {
        strata_[stratum].add(time, rank, pattern, event);
    }

    RiskSetCounts finish(std::size_t distinct_times) {
        std::vector<RiskSetCounts> parts;
        for (auto& builder : strata_) {
            parts.push_back(builder.finish());
        }
        RiskSetCounts out;
        out.patterns = parts.empty() ? 0 : parts.front().patterns;
        out.distinct_times = distinct_times;
        out.stratum_begin.clear();
        out.entry_begin.clear();
        for (const RiskSetCounts& part : parts) {
            const auto row_offset = static_cast<std::uint32_t>(out.time.size());
            const auto entry_offset = static_cast<std::uint32_t>(out.entries.size());
            out.stratum_begin.push_back(row_offset);
            out.time.insert(out.time.end(), part.time.begin(), part.time.end());
            out.rank.insert(out.rank.end(), part.rank.begin(), part.rank.end());
            for (std::size_t r = 0; r < part.rows(); ++r) {
                out.entry_begin.push_back(entry_offset + part.entry_begin[r]);
            }
            out.entries.insert(out.entries.end(), part.entries.begin(), part.entries.end());
        }
        out.stratum_begin.push_back(static_cast<std::uint32_t>(out.time.size()));
        out.entry_begin.push_back(static_cast<std::uint32_t>(out.entries.size()));
        return out;
    }

private:
    std::vector<RiskSetCountsBuilder> strata_;
};

std::size_t stratum_of(const CountsRequest& request, std::size_t subject) {
    return request.stratum.empty() ? 0 : static_cast<std::size_t>(request.stratum[subject]);
}

bool counted(const CountsRequest& request, std::size_t subject) {
    return request.pattern[subject] >= 0 &&
           (request.stratum.empty() || request.stratum[subject] >= 0);
}

std::vector<RiskSetCounts> one_pass(const TimeToEvent::TimeOrdered& records,
                                    std::span<const CountsRequest> requests) {
    const std::size_t n = records.time.size();
    const std::size_t r = requests.size();
    // Each subject's cell in every request side by side: one cache line per
    // record instead of two lookups per request in subject-sized arrays.
    std::size_t subjects = 0;
    for (const CountsRequest& request : requests) {
        subjects = std::max(subjects, request.pattern.size());
    }
    std::vector<std::int32_t> cells(subjects * r, -1);
    for (std::size_t q = 0; q < r; ++q) {
        const CountsRequest& request = requests[q];
        for (std::size_t subject = 0; subject < request.pattern.size(); ++subject) {
            if (counted(request, subject)) {
                cells[subject * r + q] =
                    static_cast<std::int32_t>(stratum_of(request, subject) * request.patterns +
                                              static_cast<std::size_t>(request.pattern[subject]));
            }
        }
    }
    std::vector<StratifiedBuilder> builders;
    for (const CountsRequest& request : requests) {
        builders.emplace_back(request);
    }
    std::uint32_t rank = 0;
    for (std::size_t k = 0; k < n; ++k) {
        // The subjects sit anywhere in the subject table: fetch their cells
        // ahead, as the cache misses would dominate this loop otherwise.
        if (k + prefetch_distance < n) {
            prefetch(&cells[static_cast<std::size_t>(records.subject[k + prefetch_distance]) * r]);
        }
        const double time = records.time[k];
        if (k > 0 && time != records.time[k - 1]) {
            ++rank;
        }
        const bool event = records.event[k] != 0;
        const std::int32_t* cell = &cells[static_cast<std::size_t>(records.subject[k]) * r];
        for (std::size_t q = 0; q < r; ++q) {
            if (cell[q] >= 0) {
                const auto c = static_cast<std::size_t>(cell[q]);
                builders[q].add(c / requests[q].patterns, time, rank,
                                static_cast<std::uint32_t>(c % requests[q].patterns), event);
            }
        }
    }
    std::vector<RiskSetCounts> out;
    for (auto& builder : builders) {
        out.push_back(builder.finish(n == 0 ? 0 : rank + std::size_t{1}));
    }
    return out;
}

std::vector<RiskSetCounts> gathered(const TimeToEvent& endpoint,
                                    std::span<const CountsRequest> requests) {
    const std::size_t n = endpoint.size();
    // Times of the first request's records fixed together.
    std::vector<double> fixed_first;
    std::vector<std::size_t> first_records;
    if (!requests.empty()) {
        for (std::size_t i = 0; i < n; ++i) {
            if (requests[0].pattern[static_cast<std::size_t>(endpoint.subject[i])] >= 0) {
                first_records.push_back(i);
                fixed_first.push_back(endpoint.time[i]);
            }
        }
        apply_timefix(fixed_first);
    }
    std::vector<double> fixed_of_record(n, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < first_records.size(); ++k) {
        fixed_of_record[first_records[k]] = fixed_first[k];
    }
    std::vector<RiskSetCounts> out;
    for (const CountsRequest& request : requests) {
        std::vector<double> time;
        std::vector<std::uint8_t> event;
        std::vector<std::int32_t> stratum;
        std::vector<std::uint32_t> pattern;
        for (std::size_t i = 0; i < n; ++i) {
            const auto subject = static_cast<std::size_t>(endpoint.subject[i]);
            if (!counted(request, subject)) {
                continue;
            }
            time.push_back(request.timefix_with_first ? fixed_of_record[i] : endpoint.time[i]);
            event.push_back(endpoint.event[i]);
            stratum.push_back(static_cast<std::int32_t>(stratum_of(request, subject)));
            pattern.push_back(static_cast<std::uint32_t>(request.pattern[subject]));
        }
        if (!request.timefix_with_first) {
            apply_timefix(time);
        }
        // Empty strata are left out here and kept by the pass: they add nothing.
        RiskSetCounts counts =
            triallens::count_records(time, event, stratum, pattern, request.patterns);
        out.push_back(std::move(counts));
    }
    return out;
}

// One record's fingerprint; the sum over records does not depend on their
// order, so the time-ordered copy and the records must give the same total.
std::uint64_t fingerprint(double time, std::int32_t subject, std::uint8_t event) {
    std::uint64_t x = std::bit_cast<std::uint64_t>(time) ^
                      (static_cast<std::uint64_t>(static_cast<std::uint32_t>(subject)) << 1) ^
                      event;
    x ^= x >> 30; // splitmix64's finaliser
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Whether `sorted` still holds exactly the endpoint's records: a copy whose
// times were changed after the study was built must not be counted.
bool holds_same_records(const TimeToEvent& endpoint, const TimeToEvent::TimeOrdered& sorted) {
    const std::size_t n = endpoint.size();
    if (sorted.time.size() != n || sorted.subject.size() != n || sorted.event.size() != n) {
        return false;
    }
    std::uint64_t records = 0;
    std::uint64_t copy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        records += fingerprint(endpoint.time[i], endpoint.subject[i], endpoint.event[i]);
        copy += fingerprint(sorted.time[i], sorted.subject[i], sorted.event[i]);
    }
    return records == copy;
}

} // namespace

bool counts_in_one_pass(std::span<const double> time) {
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
    // timefix ties gaps <= tol absolutely or relative to the mean absolute
    // distinct time of the records at hand, which never exceeds the largest.
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    return smallest_gap > tolerance && smallest_gap > tolerance * largest;
}

std::vector<RiskSetCounts> count_records(const TimeToEvent& endpoint,
                                         std::span<const CountsRequest> requests, bool presorted) {
    if (!presorted) {
        return gathered(endpoint, requests);
    }
    TimeToEvent::TimeOrdered own;
    const TimeToEvent::TimeOrdered* records = &endpoint.by_time;
    if (!holds_same_records(endpoint, *records)) { // not made by build_study, or stale
        own = sort_by_time(endpoint);
        records = &own;
    }
    if (!counts_in_one_pass(records->time)) {
        return gathered(endpoint, requests);
    }
    // Two passes side by side, each filling half the requests: the pass
    // waits on memory, and each core has its own.
    const std::size_t half = requests.size() / 2;
    if (half == 0 || endpoint.size() < 50'000) {
        return one_pass(*records, requests);
    }
    auto first =
        std::async(std::launch::async, [&] { return one_pass(*records, requests.first(half)); });
    std::vector<RiskSetCounts> second = one_pass(*records, requests.subspan(half));
    std::vector<RiskSetCounts> out = first.get();
    std::move(second.begin(), second.end(), std::back_inserter(out));
    return out;
}

} // namespace triallens
