#include "triallens/analysis/adverse_event_overview.h"

#include "../stats/prefetch.h"

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

// How many records ahead the pass fetches a subject's kinds: some 25 subjects
// (ADAE has about 5 records a subject), as many misses as a core keeps in flight.
constexpr std::size_t records_ahead = 128;

// Marks a subject outside the population in subject_kinds' working array.
constexpr std::uint8_t outside = 1u << 7;

// Each subject's kinds of events: one pass over the records. A subject sits
// anywhere in the subject table (ADSL and ADAE need not share an order), so
// whether it is in the population and its kinds are one byte, read once per
// run of its records (ADAE keeps them together) and fetched ahead: the cache
// misses of those reads dominate the pass otherwise.
std::vector<std::uint8_t> subject_kinds(const AdverseEvents& events,
                                        std::span<const std::int32_t> subject_arm,
                                        bool treatment_emergent) {
    std::vector<std::uint8_t> kinds(subject_arm.size());
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        kinds[s] = subject_arm[s] < 0 ? outside : 0;
    }
    const std::size_t records = events.size();
    const std::int32_t* subjects = events.subject.data();
    const std::uint8_t* emergent = events.treatment_emergent.data();
    const std::uint8_t* related_records = events.related.data();
    const std::int32_t* grades = events.grade.data();
    const std::uint8_t* serious_records = events.serious.data();
    const std::uint8_t* withdrawn =
        events.drug_withdrawn.empty() ? nullptr : events.drug_withdrawn.data();
    const std::uint8_t* fatal = events.fatal.empty() ? nullptr : events.fatal.data();
    std::uint8_t* kind_of = kinds.data();
    const auto known = [&](std::int32_t subject) {
        return subject >= 0 && static_cast<std::size_t>(subject) < kinds.size();
    };
    std::int32_t current = -1;
    bool counted = false; // the current subject is in the population
    unsigned mask = 0;    // the current run's kinds
    for (std::size_t i = 0; i < records; ++i) {
        const std::int32_t subject = subjects[i];
        if (subject != current) {
            if (mask != 0) {
                kind_of[static_cast<std::size_t>(current)] |= static_cast<std::uint8_t>(mask);
            }
            if (i + records_ahead < records && known(subjects[i + records_ahead])) {
                prefetch(&kind_of[static_cast<std::size_t>(subjects[i + records_ahead])]);
            }
            current = subject;
            counted = known(subject) && (kind_of[static_cast<std::size_t>(subject)] & outside) == 0;
            mask = 0;
        }
        if (!counted || (treatment_emergent && emergent[i] == 0)) {
            continue;
        }
        mask |= any;
        mask |= related_records[i] != 0 ? related : 0u;
        mask |= grades[i] >= 3 ? grade3plus : 0u;
        mask |= serious_records[i] != 0 ? serious : 0u;
        mask |= withdrawn != nullptr && withdrawn[i] != 0 ? discontinuation : 0u;
        mask |= fatal != nullptr && fatal[i] != 0 ? death : 0u;
    }
    if (mask != 0) {
        kind_of[static_cast<std::size_t>(current)] |= static_cast<std::uint8_t>(mask);
    }
    for (std::uint8_t& kind : kinds) {
        kind &= static_cast<std::uint8_t>(~outside);
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
