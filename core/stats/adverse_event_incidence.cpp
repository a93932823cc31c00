#include "triallens/stats/adverse_event_incidence.h"

#include <algorithm>
#include <map>
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

} // namespace

AeTable tabulate_adverse_events(const AdverseEvents& events,
                                std::span<const std::int32_t> subject_arm,
                                std::vector<std::string> arm_names, const AeFilter& filter) {
    AeTable table;
    table.arms = std::move(arm_names);
    const std::size_t arms = table.arms.size();
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

    table.rows.push_back({std::nullopt, std::nullopt, any.counts(subject_arm, arms)});
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
            {events.soc.levels[soc], std::nullopt, by_soc[soc].counts(subject_arm, arms)});
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
            table.rows.push_back({events.soc.levels[soc], events.pt.levels[pt],
                                  by_pt[{soc, pt}].counts(subject_arm, arms)});
        }
    }
    return table;
}

} // namespace triallens
