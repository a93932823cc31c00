#include "triallens/stats/adverse_event_incidence.h"

#include "triallens/stats/binomial_interval.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

namespace triallens {

namespace {

// Highest grade per subject within one row; -1 = the subject has no event there.
struct RowTally {
    std::map<std::int32_t, std::int32_t> max_grade_by_subject;

    void add(std::int32_t subject, std::int32_t grade) {
        const auto [it, inserted] = max_grade_by_subject.emplace(subject, grade);
        if (!inserted) {
            it->second = std::max(it->second, grade);
        }
    }

    std::vector<AeCounts> counts(std::span<const std::int32_t> subject_arm,
                                 std::size_t arms) const {
        std::vector<AeCounts> out(arms);
        for (const auto& [subject, grade] : max_grade_by_subject) {
            AeCounts& c =
                out[static_cast<std::size_t>(subject_arm[static_cast<std::size_t>(subject)])];
            ++c.any;
            c.grade3plus += grade >= 3 ? 1 : 0;
        }
        return out;
    }

    std::size_t total() const { return max_grade_by_subject.size(); }
};

bool keep(const AdverseEvents& events, std::size_t i, const AeFilter& filter) {
    return (!filter.treatment_emergent_only || events.treatment_emergent[i] != 0) &&
           (!filter.related_only || events.related[i] != 0) &&
           (!filter.serious_only || events.serious[i] != 0);
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

} // namespace

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

    RowTally any;
    std::map<std::uint32_t, RowTally> by_soc;
    std::map<std::pair<std::uint32_t, std::uint32_t>, RowTally> by_pt;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::int32_t subject = events.subject[i];
        if (subject_arm[static_cast<std::size_t>(subject)] < 0 || !keep(events, i, filter)) {
            continue;
        }
        const std::int32_t grade = events.grade[i];
        any.add(subject, grade);
        by_soc[events.soc.codes[i]].add(subject, grade);
        by_pt[{events.soc.codes[i], events.pt.codes[i]}].add(subject, grade);
    }

    table.rows.push_back({std::nullopt, std::nullopt, any.counts(subject_arm, arms), {}});
    // Descending frequency, then name.
    const auto order = [](std::size_t total_a, const std::string& a, std::size_t total_b,
                          const std::string& b) {
        return std::tie(total_b, a) < std::tie(total_a, b);
    };
    std::vector<std::uint32_t> socs;
    for (const auto& [soc, tally] : by_soc) {
        socs.push_back(soc);
    }
    std::sort(socs.begin(), socs.end(), [&](std::uint32_t a, std::uint32_t b) {
        return order(by_soc[a].total(), events.soc.levels[a], by_soc[b].total(),
                     events.soc.levels[b]);
    });
    for (const std::uint32_t soc : socs) {
        table.rows.push_back(
            {events.soc.levels[soc], std::nullopt, by_soc[soc].counts(subject_arm, arms), {}});
        std::vector<std::uint32_t> pts;
        for (const auto& [key, tally] : by_pt) {
            if (key.first == soc) {
                pts.push_back(key.second);
            }
        }
        std::sort(pts.begin(), pts.end(), [&](std::uint32_t a, std::uint32_t b) {
            return order(by_pt[{soc, a}].total(), events.pt.levels[a], by_pt[{soc, b}].total(),
                         events.pt.levels[b]);
        });
        for (const std::uint32_t pt : pts) {
            table.rows.push_back({events.soc.levels[soc],
                                  events.pt.levels[pt],
                                  by_pt[{soc, pt}].counts(subject_arm, arms),
                                  {}});
        }
    }
    if (table.reference_arm) {
        add_risk_differences(table, comparison.conf_level);
    } else {
        for (AeRow& row : table.rows) {
            row.risk_difference.assign(arms, std::nullopt);
        }
    }
    return table;
}

} // namespace triallens
