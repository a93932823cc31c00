#include "triallens/analysis/adverse_event_overview.h"

#include "triallens/stats/binomial_interval.h"

#include <array>

namespace triallens {

namespace {

// The overview's kinds: bit k of a subject's mask is kind k, in row order.
constexpr unsigned any = 1u << 0;
constexpr unsigned related = 1u << 1;
constexpr unsigned grade3plus = 1u << 2;
constexpr unsigned serious = 1u << 3;
constexpr unsigned discontinuation = 1u << 4;
constexpr unsigned death = 1u << 5;
constexpr std::size_t kind_count = 6;

struct KindRow {
    const char* key;
    std::string category;
    std::string not_recorded; // empty: recorded
};

std::vector<KindRow> kind_rows(const AdverseEvents& events, bool treatment_emergent) {
    const std::string ae = treatment_emergent ? "TEAE" : "AE";
    const std::string grade =
        events.grade_variable == "AESEV" ? "Severe " + ae : "Grade >= 3 " + ae;
    return {
        {"any", "Any " + ae, ""},
        {"related", "Related " + ae,
         events.has_related ? "" : "AEREL is absent or blank on every record"},
        {"grade3plus", grade,
         events.grade_variable.empty() ? "no record has a grade (AETOXGR or AESEV)" : ""},
        {"serious", "Serious " + ae,
         events.has_serious ? "" : "AESER is absent or blank on every record"},
        {"discontinuation", ae + " leading to discontinuation",
         events.drug_withdrawn.empty() ? "AEACN is absent or blank on every record" : ""},
        {"death", ae + " leading to death",
         events.fatal.empty() ? "AEOUT and AESDTH are absent or blank on every record" : ""},
    };
}

// Each subject's kinds of events: one pass over the records.
std::vector<std::uint8_t> subject_kinds(const AdverseEvents& events,
                                        std::span<const std::int32_t> subject_arm,
                                        bool treatment_emergent) {
    std::vector<std::uint8_t> kinds(subject_arm.size(), 0);
    const bool withdrawn = !events.drug_withdrawn.empty();
    const bool fatal = !events.fatal.empty();
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::int32_t subject = events.subject[i];
        if (subject < 0 || static_cast<std::size_t>(subject) >= subject_arm.size() ||
            subject_arm[static_cast<std::size_t>(subject)] < 0 ||
            (treatment_emergent && events.treatment_emergent[i] == 0)) {
            continue;
        }
        unsigned mask = any;
        mask |= events.related[i] != 0 ? related : 0u;
        mask |= events.grade[i] >= 3 ? grade3plus : 0u;
        mask |= events.serious[i] != 0 ? serious : 0u;
        mask |= withdrawn && events.drug_withdrawn[i] != 0 ? discontinuation : 0u;
        mask |= fatal && events.fatal[i] != 0 ? death : 0u;
        kinds[static_cast<std::size_t>(subject)] |= static_cast<std::uint8_t>(mask);
    }
    return kinds;
}

} // namespace

AeOverview adverse_event_overview(const AdverseEvents& events,
                                  std::span<const std::int32_t> subject_arm, const AeTable& table) {
    AeOverview overview;
    overview.arms = table.arms;
    overview.denominators = table.denominators;
    overview.reference_arm = table.reference_arm;
    overview.conf_level = table.conf_level;
    overview.treatment_emergent = events.has_treatment_emergent;

    const std::size_t arms = table.arms.size();
    const std::vector<std::uint8_t> kinds =
        subject_kinds(events, subject_arm, overview.treatment_emergent);
    // counts[kind bit][arm]
    std::array<std::vector<std::size_t>, kind_count> counts;
    counts.fill(std::vector<std::size_t>(arms, 0));
    for (std::size_t subject = 0; subject < kinds.size(); ++subject) {
        const std::uint8_t mask = kinds[subject];
        if (mask == 0) {
            continue;
        }
        const auto arm = static_cast<std::size_t>(subject_arm[subject]);
        for (std::size_t bit = 0; bit < counts.size(); ++bit) {
            counts[bit][arm] += (mask >> bit) & 1u;
        }
    }

    const std::vector<KindRow> kinds_shown = kind_rows(events, overview.treatment_emergent);
    for (std::size_t bit = 0; bit < kind_count; ++bit) {
        const KindRow& kind = kinds_shown[bit];
        AeOverviewRow row;
        row.key = kind.key;
        row.category = kind.category;
        if (!kind.not_recorded.empty()) {
            row.recorded = false;
            row.not_recorded = kind.not_recorded;
            overview.rows.push_back(std::move(row));
            continue;
        }
        row.counts = counts[bit];
        row.risk_difference.assign(arms, std::nullopt);
        for (std::size_t a = 0; a < arms; ++a) {
            const std::size_t n = table.denominators[a];
            row.pct.push_back(
                n == 0 ? 0.0 : 100 * static_cast<double>(row.counts[a]) / static_cast<double>(n));
        }
        if (table.reference_arm) {
            const std::size_t reference = *table.reference_arm;
            const std::size_t n0 = table.denominators[reference];
            for (std::size_t a = 0; a < arms; ++a) {
                const std::size_t n = table.denominators[a];
                if (a == reference || n == 0 || n0 == 0) {
                    continue;
                }
                const std::size_t x = row.counts[a];
                const std::size_t x0 = row.counts[reference];
                const Interval ci = miettinen_nurminen_difference(x, n, x0, n0, table.conf_level);
                row.risk_difference[a] =
                    AeDifference{static_cast<double>(x) / static_cast<double>(n) -
                                     static_cast<double>(x0) / static_cast<double>(n0),
                                 ci.lower, ci.upper};
            }
        }
        if (!table.patient_years.empty()) {
            row.exposure_adjusted.assign(arms, std::nullopt);
            row.rate_difference.assign(arms, std::nullopt);
            for (std::size_t a = 0; a < arms; ++a) {
                if (table.patient_years[a] > 0) {
                    row.exposure_adjusted[a] = exposure_adjusted_rate(
                        row.counts[a], table.patient_years[a], table.conf_level);
                }
            }
            if (table.reference_arm && row.exposure_adjusted[*table.reference_arm]) {
                for (std::size_t a = 0; a < arms; ++a) {
                    if (a != *table.reference_arm && row.exposure_adjusted[a]) {
                        row.rate_difference[a] = rate_difference(
                            *row.exposure_adjusted[a], *row.exposure_adjusted[*table.reference_arm],
                            table.conf_level);
                    }
                }
            }
        }
        overview.rows.push_back(std::move(row));
    }
    return overview;
}

} // namespace triallens
