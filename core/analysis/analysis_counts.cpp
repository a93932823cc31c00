#include "analysis_counts.h"

#include "../stats/prefetch.h"
#include "triallens/stats/event_table.h"

#include <algorithm>
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
    const std::span<const std::int32_t> subjects = endpoint.subject();
    const std::span<const double> times = endpoint.time();
    const std::span<const std::uint8_t> events = endpoint.event();
    // Times of the first request's records fixed together.
    std::vector<double> fixed_first;
    std::vector<std::size_t> first_records;
    if (!requests.empty()) {
        for (std::size_t i = 0; i < n; ++i) {
            if (requests[0].pattern[static_cast<std::size_t>(subjects[i])] >= 0) {
                first_records.push_back(i);
                fixed_first.push_back(times[i]);
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
            const auto subject = static_cast<std::size_t>(subjects[i]);
            if (!counted(request, subject)) {
                continue;
            }
            time.push_back(request.timefix_with_first ? fixed_of_record[i] : times[i]);
            event.push_back(events[i]);
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

} // namespace

std::vector<RiskSetCounts> count_records(const TimeToEvent& endpoint,
                                         std::span<const CountsRequest> requests, bool presorted) {
    if (!presorted) {
        return gathered(endpoint, requests);
    }
    if (!endpoint.counts_in_one_pass()) {
        return gathered(endpoint, requests);
    }
    const TimeToEvent::TimeOrdered* records = &endpoint.by_time();
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
