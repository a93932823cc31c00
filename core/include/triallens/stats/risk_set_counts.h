#pragma once
// Survival records aggregated to counts. Records that share a covariate
// vector form a "pattern" (an arm, an arm × subgroup level, a stratum's arm);
// for each stratum, each distinct time at which a record ends (after timefix)
// and each pattern, the counts say how many records die and how many are
// censored there. Kaplan–Meier, the log-rank test, the Cox likelihood under
// every ties method and cox.zph are all functions of these counts, so with
// discrete covariates they cost work proportional to the distinct times, not
// to the records. A record may also be its own pattern: then the counts are
// just the records in (stratum, time) order, which is how continuous
// covariates go through the same code.

#include "triallens/stats/event_table.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace triallens {

struct CountEntry {
    std::uint32_t pattern = 0;
    std::uint32_t deaths = 0;
    std::uint32_t censored = 0;
};

struct RiskSetCounts {
    std::size_t patterns = 0;
    std::size_t distinct_times = 0;              // over all strata; every rank is below it
    std::vector<std::uint32_t> stratum_begin{0}; // rows of stratum s: [begin[s], begin[s + 1])
    std::vector<double> time;                    // per row; ascending within a stratum
    std::vector<std::uint32_t> rank;             // per row: rank of its time among all times
    std::vector<std::uint32_t> entry_begin{0};   // entries of row r: [begin[r], begin[r + 1])
    std::vector<CountEntry> entries;             // at most one per pattern in a row

    std::size_t strata() const { return stratum_begin.size() - 1; }
    std::size_t rows() const { return time.size(); }
    // Records of each pattern, over all strata.
    std::vector<double> records_per_pattern() const;
};

// Appends records stratum by stratum, in ascending time within a stratum,
// merging records of one pattern at one time into one entry.
class RiskSetCountsBuilder {
public:
    explicit RiskSetCountsBuilder(std::size_t patterns, std::size_t distinct_times);
    void reserve(std::size_t rows, std::size_t entries);
    void next_stratum(); // closes the current stratum (possibly empty)
    void add(double time, std::uint32_t rank, std::uint32_t pattern, bool event,
             std::uint32_t records = 1);
    RiskSetCounts finish();

private:
    RiskSetCounts counts_;
    std::vector<std::int64_t> slot_; // entry of each pattern in the current row, -1 if none
};

// Inline: the counting pass calls it once per record and request.
inline void RiskSetCountsBuilder::add(double time, std::uint32_t rank, std::uint32_t pattern,
                                      bool event, std::uint32_t records) {
    const bool new_row =
        counts_.time.size() == counts_.stratum_begin.back() || counts_.rank.back() != rank;
    if (new_row) {
        // Forget the slots of the row just closed: only its entries hold one.
        if (!counts_.entry_begin.empty()) {
            for (std::size_t e = counts_.entry_begin.back(); e < counts_.entries.size(); ++e) {
                slot_[counts_.entries[e].pattern] = -1;
            }
        }
        counts_.entry_begin.push_back(static_cast<std::uint32_t>(counts_.entries.size()));
        counts_.time.push_back(time);
        counts_.rank.push_back(rank);
    }
    std::int64_t& slot = slot_[pattern];
    if (slot < 0) {
        slot = static_cast<std::int64_t>(counts_.entries.size());
        counts_.entries.push_back({pattern, 0, 0});
    }
    CountEntry& entry = counts_.entries[static_cast<std::size_t>(slot)];
    (event ? entry.deaths : entry.censored) += records;
}

// Counts of records given row-wise: `time` after timefix, `stratum` codes
// (empty: one stratum; strata come out in ascending code order) and `pattern`
// < patterns for every record.
RiskSetCounts count_records(std::span<const double> time, std::span<const std::uint8_t> event,
                            std::span<const std::int32_t> stratum,
                            std::span<const std::uint32_t> pattern, std::size_t patterns);

// One stratum holding every record, rows merged by time.
RiskSetCounts pool_strata(const RiskSetCounts& counts);

// Patterns renamed by `to` (to[p] < patterns, or -1 to drop the pattern's
// records); rows left without records go.
RiskSetCounts select_patterns(const RiskSetCounts& counts, std::span<const std::int32_t> to,
                              std::size_t patterns);

// The event table of one pattern of single-stratum counts (pool_strata).
EventTable event_table(const RiskSetCounts& pooled, std::uint32_t pattern);

// All patterns of single-stratum counts together.
EventTable event_table(const RiskSetCounts& pooled);

} // namespace triallens
