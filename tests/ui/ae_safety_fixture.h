#pragma once
// A hand-made AE table and overview for the safety figures' tests: three
// arms (the reference first), SOCs with long names, preferred terms from
// frequent to rare with risk differences, relative risks, Fisher p values
// and events, patient-years per arm; and an overview with one kind of
// event not recorded. The numbers need not be a real analysis's: the
// figures only draw what they are given.

#include <triallens/analysis/adverse_event_overview.h>
#include <triallens/analysis/results.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace triallens::test {

struct FixtureTerm {
    std::string soc;
    std::string pt;
    std::vector<std::size_t> any; // subjects per arm
    double p;                     // Fisher p, compared arm 1 vs 0
};

inline AeTable ae_safety_table(std::size_t extra_terms = 0, bool exposure = true) {
    AeTable table;
    table.arms = {"Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"};
    table.denominators = {86, 84, 84};
    table.reference_arm = 0;
    table.grade_variable = "AESEV";
    if (exposure) {
        table.patient_years = {40.5, 31.2, 28.9};
        table.exposure_source = "TRTDUR";
        table.exposure_missing = 2;
    }
    std::vector<FixtureTerm> terms{
        {"GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS",
         "APPLICATION SITE ERYTHEMA",
         {3, 12, 15},
         0.012},
        {"GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS",
         "APPLICATION SITE PRURITUS",
         {6, 22, 22},
         0.0004},
        {"SKIN AND SUBCUTANEOUS TISSUE DISORDERS", "PRURITUS", {8, 21, 25}, 0.009},
        {"SKIN AND SUBCUTANEOUS TISSUE DISORDERS", "ERYTHEMA", {8, 14, 14}, 0.17},
        {"NERVOUS SYSTEM DISORDERS", "DIZZINESS", {2, 9, 11}, 0.03},
        {"NERVOUS SYSTEM DISORDERS", "HEADACHE", {3, 3, 5}, 1.0},
        {"GASTROINTESTINAL DISORDERS", "DIARRHOEA", {9, 5, 4}, 0.41},
        {"GASTROINTESTINAL DISORDERS", "NAUSEA", {3, 3, 6}, 1.0},
        {"INFECTIONS AND INFESTATIONS", "NASOPHARYNGITIS", {2, 4, 6}, 0.44},
        {"CARDIAC DISORDERS", "SINUS BRADYCARDIA", {2, 7, 8}, 0.09},
        {"CARDIAC DISORDERS", "MYOCARDIAL INFARCTION", {4, 2, 4}, 0.68},
        {"PSYCHIATRIC DISORDERS", "CONFUSIONAL STATE", {1, 3, 1}, 0.36},
    };
    for (std::size_t k = 0; k < extra_terms; ++k) {
        // Many terms with p from 1 down to 1e-6 and differences of both signs.
        const std::size_t base = 2 + k % 9;
        const std::size_t compared = k % 2 == 0 ? base + k % 13 : base > 3 ? base - 3 : 0;
        terms.push_back({"METABOLISM AND NUTRITION DISORDERS",
                         "TERM NUMBER " + std::to_string(k) + " WITH A LONGISH NAME",
                         {base, compared, base},
                         std::pow(10.0, -static_cast<double>(k % 25) / 4.0)});
    }
    AeRow any;
    any.counts = {{60, 20, 70}, {75, 30, 160}, {77, 35, 170}};
    any.risk_difference.resize(3); // as the core: one entry per arm on every row
    any.relative_risk.resize(3);
    table.rows.push_back(any);
    std::string soc;
    for (const FixtureTerm& term : terms) {
        AeRow row;
        row.soc = term.soc;
        if (term.soc != soc) {
            soc = term.soc;
            AeRow soc_row;
            soc_row.soc = term.soc;
            soc_row.counts = {{10, 2, 12}, {20, 4, 25}, {20, 4, 25}};
            soc_row.risk_difference.resize(3);
            soc_row.relative_risk.resize(3);
            table.rows.push_back(soc_row);
        }
        row.pt = term.pt;
        row.risk_difference.resize(3);
        row.relative_risk.resize(3);
        for (std::size_t arm = 0; arm < 3; ++arm) {
            row.counts.push_back({term.any[arm], term.any[arm] / 3, term.any[arm] * 2 + 1});
            if (exposure) {
                const double years = table.patient_years[arm];
                const double x = static_cast<double>(term.any[arm]);
                row.exposure_adjusted.push_back(
                    ExposureAdjustedRate{term.any[arm], years, 100 * x / years,
                                         100 * x / years * 0.6, 100 * x / years * 1.6 + 1});
            }
        }
        const double p0 = static_cast<double>(term.any[0]) / 86.0;
        for (std::size_t arm = 1; arm < 3; ++arm) {
            const double p1 = static_cast<double>(term.any[arm]) / 84.0;
            const double d = p1 - p0;
            row.risk_difference[arm] = AeRiskDifference{{d, d - 0.08, d + 0.08}, {0, -0.02, 0.02}};
            const double rr = (static_cast<double>(term.any[arm]) + 0.5) /
                              (static_cast<double>(term.any[0]) + 0.5) * 86.0 / 84.0;
            row.relative_risk[arm] = AeRelativeRisk{rr, rr / 2.5, rr * 2.5, term.p};
        }
        if (exposure) {
            row.rate_difference = {std::nullopt, AeDifference{5, -1, 11}, AeDifference{7, 1, 13}};
        }
        table.rows.push_back(row);
    }
    return table;
}

inline AeOverview ae_safety_overview(bool exposure = true) {
    AeOverview overview;
    overview.arms = {"Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"};
    overview.denominators = {86, 84, 84};
    overview.reference_arm = 0;
    const auto row = [&](std::string key, std::string category, std::vector<std::size_t> counts) {
        AeOverviewRow out;
        out.key = std::move(key);
        out.category = std::move(category);
        for (std::size_t arm = 0; arm < 3; ++arm) {
            out.pct.push_back(100.0 * static_cast<double>(counts[arm]) /
                              static_cast<double>(overview.denominators[arm]));
        }
        out.counts = std::move(counts);
        out.risk_difference = {std::nullopt, AeDifference{0.1, 0.02, 0.18},
                               AeDifference{0.12, 0.04, 0.2}};
        if (exposure) {
            for (std::size_t arm = 0; arm < 3; ++arm) {
                out.exposure_adjusted.push_back(ExposureAdjustedRate{
                    out.counts[arm], 30, 100.0 * static_cast<double>(out.counts[arm]) / 30, 1, 2});
            }
            out.rate_difference = {std::nullopt, AeDifference{12.5, 3.1, 21.9},
                                   AeDifference{15, 4, 26}};
        }
        return out;
    };
    overview.rows.push_back(row("any", "Any TEAE", {65, 76, 79}));
    overview.rows.push_back(row("related", "Related TEAE", {30, 60, 66}));
    overview.rows.push_back(row("grade3plus", "Severe TEAE", {4, 8, 11}));
    overview.rows.push_back(row("serious", "Serious TEAE", {0, 1, 2}));
    AeOverviewRow discontinuation;
    discontinuation.key = "discontinuation";
    discontinuation.category = "TEAE leading to discontinuation";
    discontinuation.recorded = false;
    discontinuation.not_recorded = "AEACN is blank on every record";
    overview.rows.push_back(discontinuation);
    overview.rows.push_back(row("death", "TEAE leading to death", {2, 1, 0}));
    return overview;
}

inline std::shared_ptr<Results> ae_safety_results(std::size_t extra_terms = 0,
                                                  bool exposure = true) {
    auto results = std::make_shared<Results>();
    results->adverse_events = ae_safety_table(extra_terms, exposure);
    results->ae_overview = ae_safety_overview(exposure);
    return results;
}

} // namespace triallens::test
