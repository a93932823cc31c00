#include "triallens/stats/adverse_event_incidence.h"

#include "prefetch.h"

#include "triallens/stats/binomial_interval.h"
#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/odds_ratio.h"

#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace triallens {

namespace {

// The table's rows as counting keys: 0 is "any adverse event", 1..S the
// SOC codes (S = soc.levels.size()), then one key per (SOC, PT) pair met.
//
// Counting is one pass over the AE rows into flat arrays of (key, arm)
// counts. A subject counts once per key, and once more in grade3plus when
// any of its rows there has grade >= 3 (then its highest grade is >= 3).
// "Once" is kept with a stamp per key: the number of the current run of
// rows of one subject, so no per-subject set is built. That needs each
// subject's rows to be consecutive, as ADAE (sorted by USUBJID) has them;
// when they are not, the pass says so and runs again over the rows in
// subject order (a counting sort, still linear). Records are counted per
// (SOC, PT) pair only: a SOC's and the table's records are sums of those.
//
// The subject's arm is read once per run, from a copy of the arms narrowed
// to a byte where they fit (-1 outside the population, `done` once its run
// has ended): ADSL and ADAE need not share an order, so these reads miss
// the cache, and a byte per subject is a quarter of the memory they touch.

// How many records ahead the pass fetches a subject's arm: some 25 subjects
// (ADAE has about 5 records a subject), as many misses as a core keeps in flight.
constexpr std::size_t records_ahead = 128;

class KeyCounts {
public:
    KeyCounts(const AdverseEvents& events, std::size_t arms)
        : events_(events), arms_(arms), socs_(events.soc.levels.size()),
          pair_owner_(events.pt.levels.size(), no_soc), pair_of_pt_(events.pt.levels.size(), 0) {
        reset();
    }

    // Counts the rows `row_at(0..n-1)` in that order; false (and counts to
    // discard) when a subject's rows are not consecutive in that order.
    // `arm_of` is each subject's arm (-1 outside the population); the pass
    // overwrites it.
    template <typename Arm, typename RowAt>
    bool count(std::size_t n, const RowAt& row_at, std::vector<Arm>& arm_of,
               const AeFilter& filter) {
        constexpr Arm done = -2;
        std::int32_t current = -1; // the subject being counted
        Arm arm = -1;
        std::uint32_t run = 0;
        // Plain pointers and locals: the counters' stores (size_t, as the
        // members are) cannot then make the compiler reload every vector's
        // data and the sizes on each row.
        const std::size_t arms = arms_;
        const std::size_t first_pair = 1 + socs_;
        const std::uint32_t* pair_owner = pair_owner_.data(); // never resized
        const std::size_t* pair_of_pt = pair_of_pt_.data();
        const std::int32_t* subjects = events_.subject.data();
        const std::uint32_t* soc_codes = events_.soc.codes.data();
        const std::uint32_t* pt_codes = events_.pt.codes.data();
        const std::int32_t* grades = events_.grade.data();
        const std::uint8_t* emergent = events_.treatment_emergent.data();
        const std::uint8_t* related = events_.related.data();
        const std::uint8_t* serious = events_.serious.data();
        Arm* subject_arm = arm_of.data();
        std::size_t* records = events_of_pair_.data();
        std::size_t* any = any_.data();
        std::size_t* grade3plus = grade3plus_.data();
        std::uint32_t* seen = seen_.data();
        std::uint32_t* seen_grade3plus = seen_grade3plus_.data();
        for (std::size_t k = 0; k < n; ++k) {
            const std::size_t i = row_at(k);
            const std::int32_t subject = subjects[i];
            if (subject != current) {
                if (k + records_ahead < n) {
                    prefetch(&subject_arm[static_cast<std::size_t>(
                        subjects[row_at(k + records_ahead)])]);
                }
                if (current >= 0 && arm >= 0) {
                    subject_arm[static_cast<std::size_t>(current)] = done;
                }
                current = subject;
                arm = subject_arm[static_cast<std::size_t>(subject)];
                if (arm == done) {
                    return false;
                }
                ++run;
            }
            if (arm < 0 || (filter.treatment_emergent_only && emergent[i] == 0) ||
                (filter.related_only && related[i] == 0) ||
                (filter.serious_only && serious[i] == 0)) {
                continue;
            }
            const std::uint32_t soc = soc_codes[i];
            const std::uint32_t pt = pt_codes[i];
            std::size_t pair = pair_of_pt[pt];
            if (pair_owner[pt] != soc) {
                pair = other_pair_key(soc, pt); // may grow the arrays
                records = events_of_pair_.data();
                any = any_.data();
                grade3plus = grade3plus_.data();
                seen = seen_.data();
                seen_grade3plus = seen_grade3plus_.data();
            }
            const bool high = grades[i] >= 3;
            const auto a = static_cast<std::size_t>(arm);
            ++records[(pair - first_pair) * arms + a];
            for (const std::size_t key : {std::size_t{0}, 1 + std::size_t{soc}, pair}) {
                if (seen[key] != run) {
                    seen[key] = run;
                    ++any[key * arms + a];
                }
                if (high && seen_grade3plus[key] != run) {
                    seen_grade3plus[key] = run;
                    ++grade3plus[key * arms + a];
                }
            }
        }
        return true;
    }

    void reset() {
        const std::size_t keys = 1 + socs_ + pairs_.size();
        any_.assign(keys * arms_, 0);
        grade3plus_.assign(keys * arms_, 0);
        events_of_pair_.assign(pairs_.size() * arms_, 0);
        seen_.assign(keys, 0);
        seen_grade3plus_.assign(keys, 0);
    }

    // The records of every key, from those of the pairs (after counting).
    void sum_records() {
        const std::size_t keys = 1 + socs_ + pairs_.size();
        records_.assign(keys * arms_, 0);
        for (std::size_t p = 0; p < pairs_.size(); ++p) {
            const std::size_t soc_key = 1 + pairs_[p].first;
            const std::size_t pair_key = 1 + socs_ + p;
            for (std::size_t a = 0; a < arms_; ++a) {
                const std::size_t records = events_of_pair_[p * arms_ + a];
                records_[pair_key * arms_ + a] = records;
                records_[soc_key * arms_ + a] += records;
                records_[a] += records;
            }
        }
    }

    std::vector<AeCounts> counts(std::size_t key) const {
        std::vector<AeCounts> out(arms_);
        for (std::size_t a = 0; a < arms_; ++a) {
            out[a] = {any_[key * arms_ + a], grade3plus_[key * arms_ + a],
                      records_[key * arms_ + a]};
        }
        return out;
    }

    std::size_t total(std::size_t key) const {
        std::size_t sum = 0;
        for (std::size_t a = 0; a < arms_; ++a) {
            sum += any_[key * arms_ + a];
        }
        return sum;
    }

    std::size_t soc_key(std::uint32_t soc) const { return 1 + soc; }

    struct Pair {
        std::uint32_t soc;
        std::uint32_t pt;
        std::size_t key;
    };
    // Every (SOC, PT) pair met, by SOC then PT code.
    std::vector<Pair> pairs() const {
        std::vector<Pair> out;
        for (std::size_t p = 0; p < pairs_.size(); ++p) {
            out.push_back({pairs_[p].first, pairs_[p].second, 1 + socs_ + p});
        }
        std::sort(out.begin(), out.end(), [](const Pair& a, const Pair& b) {
            return std::tie(a.soc, a.pt) < std::tie(b.soc, b.pt);
        });
        return out;
    }

private:
    static constexpr std::uint32_t no_soc = std::numeric_limits<std::uint32_t>::max();

    // A PT nearly always sits under one SOC (MedDRA's primary SOC): the
    // first SOC a PT is met with answers from a flat slot (the hot loop),
    // a PT met under another SOC too goes through a hash map here.
    std::size_t other_pair_key(std::uint32_t soc, std::uint32_t pt) {
        if (pair_owner_[pt] == no_soc) {
            pair_owner_[pt] = soc;
            pair_of_pt_[pt] = new_pair(soc, pt);
            return pair_of_pt_[pt];
        }
        const std::uint64_t both = (std::uint64_t{soc} << 32) | pt;
        const auto it = other_pairs_.find(both);
        if (it != other_pairs_.end()) {
            return it->second;
        }
        return other_pairs_.emplace(both, new_pair(soc, pt)).first->second;
    }

    std::size_t new_pair(std::uint32_t soc, std::uint32_t pt) {
        pairs_.emplace_back(soc, pt);
        any_.resize(any_.size() + arms_);
        grade3plus_.resize(grade3plus_.size() + arms_);
        events_of_pair_.resize(events_of_pair_.size() + arms_);
        seen_.push_back(0);
        seen_grade3plus_.push_back(0);
        return 1 + socs_ + pairs_.size() - 1;
    }

    const AdverseEvents& events_;
    std::size_t arms_;
    std::size_t socs_;
    // per key (events_of_pair_: per pair), per arm
    std::vector<std::size_t> any_;
    std::vector<std::size_t> grade3plus_;
    std::vector<std::size_t> events_of_pair_;
    std::vector<std::size_t> records_;
    std::vector<std::uint32_t> seen_;
    std::vector<std::uint32_t> seen_grade3plus_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
    std::vector<std::uint32_t> pair_owner_;
    std::vector<std::size_t> pair_of_pt_;
    std::unordered_map<std::uint64_t, std::size_t> other_pairs_;
};

// The rows grouped by subject (a stable counting sort).
std::vector<std::size_t> rows_by_subject(const AdverseEvents& events, std::size_t subjects) {
    std::vector<std::size_t> start(subjects + 1, 0);
    for (const std::int32_t subject : events.subject) {
        ++start[static_cast<std::size_t>(subject) + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::size_t> rows(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        rows[start[static_cast<std::size_t>(events.subject[i])]++] = i;
    }
    return rows;
}

AeDifference difference(std::size_t x, std::size_t n, std::size_t x_reference,
                        std::size_t n_reference, double conf_level) {
    const Interval ci = miettinen_nurminen_difference(x, n, x_reference, n_reference, conf_level);
    return {static_cast<double>(x) / static_cast<double>(n) -
                static_cast<double>(x_reference) / static_cast<double>(n_reference),
            ci.lower, ci.upper};
}

void add_risk_differences(AeTable& table, double conf_level) {
    const std::size_t reference = *table.reference_arm;
    const std::size_t n_reference = table.denominators[reference];
    for (AeRow& row : table.rows) {
        row.risk_difference.assign(table.arms.size(), std::nullopt);
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            const std::size_t n = table.denominators[a];
            if (a == reference || n == 0 || n_reference == 0) {
                continue;
            }
            const AeCounts& arm = row.counts[a];
            const AeCounts& ref = row.counts[reference];
            row.risk_difference[a] = AeRiskDifference{
                difference(arm.any, n, ref.any, n_reference, conf_level),
                difference(arm.grade3plus, n, ref.grade3plus, n_reference, conf_level)};
        }
    }
}

// Katz's log interval for (x / n) / (x0 / n0), 0.5 added to every cell
// when one is 0; Fisher's p from the counts as they are.
AeRelativeRisk relative_risk(std::size_t x, std::size_t n, std::size_t x0, std::size_t n0,
                             double z) {
    const bool zero_cell = x == 0 || x == n || x0 == 0 || x0 == n0;
    const double add = zero_cell ? 0.5 : 0.0;
    const double a = static_cast<double>(x) + add;
    const double arm_n = static_cast<double>(n) + 2 * add;
    const double c = static_cast<double>(x0) + add;
    const double reference_n = static_cast<double>(n0) + 2 * add;
    AeRelativeRisk out;
    out.estimate = (a / arm_n) / (c / reference_n);
    const double half = z * std::sqrt(1 / a - 1 / arm_n + 1 / c - 1 / reference_n);
    out.lower = out.estimate * std::exp(-half);
    out.upper = out.estimate * std::exp(half);
    out.fisher_p = fisher_exact_p({x, n, x0, n0});
    return out;
}

void add_relative_risks(AeTable& table, double conf_level) {
    const std::size_t reference = *table.reference_arm;
    const std::size_t n_reference = table.denominators[reference];
    const double z = normal_critical_value(conf_level);
    for (AeRow& row : table.rows) {
        row.relative_risk.assign(table.arms.size(), std::nullopt);
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            const std::size_t n = table.denominators[a];
            if (a == reference || n == 0 || n_reference == 0) {
                continue;
            }
            row.relative_risk[a] =
                relative_risk(row.counts[a].any, n, row.counts[reference].any, n_reference, z);
        }
    }
}

void add_exposure_adjusted(AeTable& table, double conf_level) {
    const std::size_t arms = table.arms.size();
    // The intervals depend only on (x, arm): rows share counts often (a PT
    // alone in its SOC, every rare term with 1 subject), so they are cached.
    std::vector<std::unordered_map<std::size_t, ExposureAdjustedRate>> known(arms);
    for (AeRow& row : table.rows) {
        row.exposure_adjusted.assign(arms, std::nullopt);
        row.rate_difference.assign(arms, std::nullopt);
        for (std::size_t a = 0; a < arms; ++a) {
            if (table.patient_years[a] > 0) {
                const std::size_t x = row.counts[a].any;
                auto it = known[a].find(x);
                if (it == known[a].end()) {
                    it = known[a]
                             .emplace(x,
                                      exposure_adjusted_rate(x, table.patient_years[a], conf_level))
                             .first;
                }
                row.exposure_adjusted[a] = it->second;
            }
        }
        if (!table.reference_arm || !row.exposure_adjusted[*table.reference_arm]) {
            continue;
        }
        const ExposureAdjustedRate& reference = *row.exposure_adjusted[*table.reference_arm];
        for (std::size_t a = 0; a < arms; ++a) {
            if (a == *table.reference_arm || !row.exposure_adjusted[a]) {
                continue;
            }
            row.rate_difference[a] =
                rate_difference(*row.exposure_adjusted[a], reference, conf_level);
        }
    }
}

} // namespace

ExposureAdjustedRate exposure_adjusted_rate(std::size_t subjects, double patient_years,
                                            double conf_level) {
    // poisson.test: qgamma(alpha / 2, x) (0 when x = 0) and qgamma(1 - alpha / 2, x + 1).
    const double alpha = 1 - conf_level;
    const auto x = static_cast<double>(subjects);
    ExposureAdjustedRate out{subjects, patient_years, 100 * x / patient_years, 0, 0};
    if (subjects > 0) {
        out.lower = 100 * boost::math::gamma_p_inv(x, alpha / 2) / patient_years;
    }
    out.upper = 100 * boost::math::gamma_p_inv(x + 1, 1 - alpha / 2) / patient_years;
    return out;
}

AeDifference rate_difference(const ExposureAdjustedRate& arm, const ExposureAdjustedRate& reference,
                             double conf_level) {
    const double t1 = arm.patient_years;
    const double t0 = reference.patient_years;
    const double se = 100 * std::sqrt(static_cast<double>(arm.subjects) / (t1 * t1) +
                                      static_cast<double>(reference.subjects) / (t0 * t0));
    const double estimate = arm.rate - reference.rate;
    const double half = normal_critical_value(conf_level) * se;
    return {estimate, estimate - half, estimate + half};
}

AeTable tabulate_adverse_events(const AdverseEvents& events,
                                std::span<const std::int32_t> subject_arm,
                                std::vector<std::string> arm_names, const AeFilter& filter,
                                const AeComparison& comparison) {
    if (!(comparison.conf_level > 0 && comparison.conf_level < 1)) {
        throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
    }
    AeTable table;
    table.arms = std::move(arm_names);
    table.conf_level = comparison.conf_level;
    const std::size_t arms = table.arms.size();
    if (arms >= 2) {
        if (comparison.reference_arm >= arms) {
            throw std::invalid_argument("the reference arm of an AE table must be one of its arms");
        }
        table.reference_arm = comparison.reference_arm;
    }
    table.denominators.assign(arms, 0);
    for (const std::int32_t arm : subject_arm) {
        if (arm >= 0) {
            ++table.denominators[static_cast<std::size_t>(arm)];
        }
    }
    if (!comparison.treatment_days.empty()) {
        if (comparison.treatment_days.size() != subject_arm.size()) {
            throw std::invalid_argument("treatment days must be given for every subject");
        }
        table.exposure_source = comparison.exposure_source;
        table.patient_years.assign(arms, 0.0);
        for (std::size_t subject = 0; subject < subject_arm.size(); ++subject) {
            const std::int32_t arm = subject_arm[subject];
            if (arm < 0) {
                continue;
            }
            const double days = comparison.treatment_days[subject];
            if (std::isnan(days)) {
                ++table.exposure_missing;
            } else {
                table.patient_years[static_cast<std::size_t>(arm)] += days;
            }
        }
        for (double& years : table.patient_years) {
            years /= 365.25;
        }
    }

    KeyCounts tally(events, arms);
    const auto count = [&]<typename Arm>(Arm) {
        std::vector<Arm> arm_of(subject_arm.begin(), subject_arm.end());
        if (!tally.count(
                events.size(), [](std::size_t k) { return k; }, arm_of, filter)) {
            tally.reset();
            arm_of.assign(subject_arm.begin(), subject_arm.end());
            const std::vector<std::size_t> rows = rows_by_subject(events, subject_arm.size());
            tally.count(
                rows.size(), [&](std::size_t k) { return rows[k]; }, arm_of, filter);
        }
    };
    if (arms <= static_cast<std::size_t>(std::numeric_limits<std::int8_t>::max())) {
        count(std::int8_t{});
    } else {
        count(std::int32_t{});
    }
    tally.sum_records();

    table.rows.push_back({std::nullopt, std::nullopt, tally.counts(0), {}, {}, {}, {}});
    // Descending frequency, then name; equal names keep code order.
    const auto by_frequency = [](std::vector<std::pair<std::size_t, std::size_t>>& keys,
                                 const std::vector<std::string>& levels,
                                 const std::vector<std::uint32_t>& codes) {
        std::vector<std::size_t> order(keys.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return std::tie(keys[b].first, levels[codes[a]]) <
                   std::tie(keys[a].first, levels[codes[b]]);
        });
        return order;
    };
    const std::vector<KeyCounts::Pair> pairs = tally.pairs();
    std::vector<std::uint32_t> socs;
    std::vector<std::pair<std::size_t, std::size_t>> soc_keys; // (total, key)
    for (std::uint32_t soc = 0; soc < events.soc.levels.size(); ++soc) {
        const std::size_t total = tally.total(tally.soc_key(soc));
        if (total > 0) {
            socs.push_back(soc);
            soc_keys.emplace_back(total, tally.soc_key(soc));
        }
    }
    for (const std::size_t s : by_frequency(soc_keys, events.soc.levels, socs)) {
        const std::uint32_t soc = socs[s];
        table.rows.push_back({events.soc.levels[soc],
                              std::nullopt,
                              tally.counts(soc_keys[s].second),
                              {},
                              {},
                              {},
                              {}});
        const auto begin = std::lower_bound(
            pairs.begin(), pairs.end(), soc,
            [](const KeyCounts::Pair& pair, std::uint32_t code) { return pair.soc < code; });
        std::vector<std::uint32_t> pts;
        std::vector<std::pair<std::size_t, std::size_t>> pt_keys;
        for (auto it = begin; it != pairs.end() && it->soc == soc; ++it) {
            pts.push_back(it->pt);
            pt_keys.emplace_back(tally.total(it->key), it->key);
        }
        for (const std::size_t p : by_frequency(pt_keys, events.pt.levels, pts)) {
            table.rows.push_back({events.soc.levels[soc],
                                  events.pt.levels[pts[p]],
                                  tally.counts(pt_keys[p].second),
                                  {},
                                  {},
                                  {},
                                  {}});
        }
    }
    if (table.reference_arm) {
        add_risk_differences(table, comparison.conf_level);
        add_relative_risks(table, comparison.conf_level);
    } else {
        for (AeRow& row : table.rows) {
            row.risk_difference.assign(arms, std::nullopt);
            row.relative_risk.assign(arms, std::nullopt);
        }
    }
    if (!table.patient_years.empty()) {
        add_exposure_adjusted(table, comparison.conf_level);
    }
    return table;
}

} // namespace triallens
