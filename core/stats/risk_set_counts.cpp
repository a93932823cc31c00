#include "triallens/stats/risk_set_counts.h"

#include <algorithm>
#include <numeric>

namespace triallens {

std::vector<double> RiskSetCounts::records_per_pattern() const {
    std::vector<double> records(patterns, 0.0);
    for (const CountEntry& entry : entries) {
        records[entry.pattern] += static_cast<double>(entry.deaths) + entry.censored;
    }
    return records;
}

RiskSetCountsBuilder::RiskSetCountsBuilder(std::size_t patterns, std::size_t distinct_times)
    : slot_(patterns, -1) {
    counts_.patterns = patterns;
    counts_.distinct_times = distinct_times;
    counts_.entry_begin.clear(); // one per row as rows open, then the end
}

void RiskSetCountsBuilder::reserve(std::size_t rows, std::size_t entries) {
    counts_.time.reserve(rows);
    counts_.rank.reserve(rows);
    counts_.entry_begin.reserve(rows + 1);
    counts_.entries.reserve(entries);
}

void RiskSetCountsBuilder::next_stratum() {
    counts_.stratum_begin.push_back(static_cast<std::uint32_t>(counts_.time.size()));
}

RiskSetCounts RiskSetCountsBuilder::finish() {
    RiskSetCounts out = std::move(counts_);
    out.entry_begin.push_back(static_cast<std::uint32_t>(out.entries.size()));
    out.stratum_begin.push_back(static_cast<std::uint32_t>(out.time.size()));
    return out;
}

RiskSetCounts count_records(std::span<const double> time, std::span<const std::uint8_t> event,
                            std::span<const std::int32_t> stratum,
                            std::span<const std::uint32_t> pattern, std::size_t patterns) {
    const std::size_t n = time.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return time[a] < time[b]; });
    std::vector<std::uint32_t> rank(n);
    std::uint32_t distinct = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (k > 0 && time[order[k]] != time[order[k - 1]]) {
            ++distinct;
        }
        rank[order[k]] = distinct;
    }
    // Stable by stratum: time order is kept inside each stratum.
    if (!stratum.empty()) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return stratum[a] < stratum[b]; });
    }
    RiskSetCountsBuilder builder(patterns, n == 0 ? 0 : distinct + 1);
    builder.reserve(n, n);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = order[k];
        if (k > 0 && !stratum.empty() && stratum[i] != stratum[order[k - 1]]) {
            builder.next_stratum();
        }
        builder.add(time[i], rank[i], pattern[i], event[i] != 0);
    }
    return builder.finish();
}

RiskSetCounts pool_strata(const RiskSetCounts& counts) {
    if (counts.strata() <= 1) {
        return counts;
    }
    // Counting sort of the rows by rank keeps the result linear.
    std::vector<std::uint32_t> first(counts.distinct_times + 1, 0);
    for (const std::uint32_t rank : counts.rank) {
        ++first[rank + 1];
    }
    std::partial_sum(first.begin(), first.end(), first.begin());
    std::vector<std::uint32_t> by_rank(counts.rows());
    for (std::size_t row = 0; row < counts.rows(); ++row) {
        by_rank[first[counts.rank[row]]++] = static_cast<std::uint32_t>(row);
    }
    RiskSetCountsBuilder builder(counts.patterns, counts.distinct_times);
    builder.reserve(counts.rows(), counts.entries.size());
    for (const std::uint32_t row : by_rank) {
        for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
            const CountEntry& entry = counts.entries[e];
            if (entry.deaths != 0) {
                builder.add(counts.time[row], counts.rank[row], entry.pattern, true, entry.deaths);
            }
            if (entry.censored != 0) {
                builder.add(counts.time[row], counts.rank[row], entry.pattern, false,
                            entry.censored);
            }
        }
    }
    return builder.finish();
}

RiskSetCounts select_patterns(const RiskSetCounts& counts, std::span<const std::int32_t> to,
                              std::size_t patterns) {
    RiskSetCountsBuilder builder(patterns, counts.distinct_times);
    builder.reserve(counts.rows(), counts.entries.size());
    for (std::size_t s = 0; s < counts.strata(); ++s) {
        if (s > 0) {
            builder.next_stratum();
        }
        for (std::size_t row = counts.stratum_begin[s]; row < counts.stratum_begin[s + 1]; ++row) {
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                const CountEntry& entry = counts.entries[e];
                const std::int32_t pattern = to[entry.pattern];
                if (pattern < 0) {
                    continue;
                }
                const auto p = static_cast<std::uint32_t>(pattern);
                if (entry.deaths != 0) {
                    builder.add(counts.time[row], counts.rank[row], p, true, entry.deaths);
                }
                if (entry.censored != 0) {
                    builder.add(counts.time[row], counts.rank[row], p, false, entry.censored);
                }
            }
        }
    }
    return builder.finish();
}

namespace {

EventTable table_of(const RiskSetCounts& pooled, std::int64_t pattern) {
    EventTable table;
    for (std::size_t row = 0; row < pooled.rows(); ++row) {
        std::size_t deaths = 0;
        std::size_t censored = 0;
        for (std::size_t e = pooled.entry_begin[row]; e < pooled.entry_begin[row + 1]; ++e) {
            const CountEntry& entry = pooled.entries[e];
            if (pattern < 0 || entry.pattern == pattern) {
                deaths += entry.deaths;
                censored += entry.censored;
            }
        }
        if (deaths + censored == 0) {
            continue;
        }
        table.time.push_back(pooled.time[row]);
        table.n_event.push_back(deaths);
        table.n_censor.push_back(censored);
        table.n += deaths + censored;
    }
    return table;
}

} // namespace

EventTable event_table(const RiskSetCounts& pooled, std::uint32_t pattern) {
    return table_of(pooled, pattern);
}

EventTable event_table(const RiskSetCounts& pooled) {
    return table_of(pooled, -1);
}

} // namespace triallens
