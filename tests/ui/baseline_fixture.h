#pragma once
// A hand-made Table 1 and disposition, the shapes of core's
// baseline_table.h and disposition.h filled in by hand, so the Baseline
// tab's models, flow diagram and exports are checked without the core's
// computation: three arms with long names, a continuous variable with a
// negative minimum and one arm without values, a categorical one with a
// level no subject of an arm has, and discontinuation reasons of 40
// characters.

#include <triallens/analysis/results.h>

#include <memory>
#include <string>
#include <vector>

namespace baseline_fixture {

inline const std::vector<std::string>& columns() {
    static const std::vector<std::string> names{"Placebo", "Xanomeline Low Dose",
                                                "Xanomeline High Dose", "Total"};
    return names;
}

// 40 characters each, as the brief's longest reasons.
inline const std::string long_reason_a = "Withdrawal by subject after the 2nd visit";
inline const std::string long_reason_b = "Lack of efficacy as judged by the doctor";

inline triallens::Results results(bool p_values = false, int quantile_type = 2) {
    using namespace triallens;
    Results results;
    results.synthetic = false;
    BaselineTable table;
    table.arm_variable = "TRT01P";
    table.columns = columns();
    table.n = {86, 84, 84, 254};
    table.population = "ITT population (ITTFL = \"Y\")";
    table.quantile_type = quantile_type;
    table.p_values = p_values;

    BaselineRow age;
    age.variable = "AGE";
    age.label = "Age";
    age.type = BaselineRow::Type::Continuous;
    const double shift = quantile_type == 7 ? 0.25 : 0.0; // type 7 moves the quartiles
    age.stats = {
        ContinuousSummary{86, 75.209, 8.590, 76.0, 69.0 + shift, 82.0 - shift, -1.5, 89, 0},
        ContinuousSummary{84, 75.667, 8.286, 77.5, 71.0 + shift, 82.0, 51, 88, 0},
        ContinuousSummary{0, {}, {}, {}, {}, {}, {}, {}, 84},
        ContinuousSummary{170, 75.436, 8.424, 77.0, 70.0, 82.0, -1.5, 89, 84}};
    if (p_values) {
        age.test = BaselineTest{"Kruskal-Wallis", 0.44, 1, 0.5065};
    }
    table.rows.push_back(age);

    BaselineRow sex;
    sex.variable = "SEX";
    sex.label = "Sex";
    sex.type = BaselineRow::Type::Categorical;
    sex.levels = {BaselineLevel{"F", {{53, 61.6279}, {50, 59.5238}, {40, 47.619}, {143, 56.2992}}},
                  BaselineLevel{"M", {{33, 38.3721}, {34, 40.4762}, {44, 52.381}, {111, 43.7008}}},
                  BaselineLevel{"U", {{0, 0.0}, {0, 0.0}, {0, 0.0}, {0, 0.0}}}};
    sex.missing = {0, 0, 0, 0};
    if (p_values) {
        sex.test = BaselineTest{"Fisher exact", {}, {}, 0.0004};
    }
    table.rows.push_back(sex);
    table.notes = {"SUBJID has 254 levels (more than 50): left out"};
    results.baseline = table;

    Disposition disposition;
    disposition.arm_variable = "TRT01P";
    disposition.columns = columns();
    disposition.sources = {"ITTFL", "SAFFL", "DCDECOD/DCREASCD"};
    const auto row = [](std::string stage, std::string reason, std::vector<std::size_t> counts) {
        const std::vector<double> randomised{86, 84, 84, 254};
        std::vector<double> pct;
        for (std::size_t c = 0; c < counts.size(); ++c) {
            pct.push_back(100.0 * static_cast<double>(counts[c]) / randomised[c]);
        }
        return DispositionRow{std::move(stage), std::move(reason), std::move(counts),
                              std::move(pct)};
    };
    disposition.rows = {
        row("Randomised", "", {86, 84, 84, 254}),
        row("Treated", "", {86, 84, 84, 254}),
        row("Completed study", "", {58, 25, 27, 110}),
        row("Discontinued study", "", {28, 59, 57, 144}),
        row("Discontinued study", "Adverse Event", {8, 44, 40, 92}),
        row("Discontinued study", long_reason_a, {10, 10, 8, 28}),
        row("Discontinued study", long_reason_b, {3, 0, 1, 4}),
        row("Discontinued study", "Death", {2, 1, 0, 3}),
        row("Discontinued study", "Lost to Follow-up", {1, 1, 0, 2}),
        row("Discontinued study", "Physician Decision", {1, 0, 2, 3}),
        row("Discontinued study", "Protocol Violation", {1, 1, 3, 5}),
        row("Discontinued study", "Sponsor Decision", {2, 2, 3, 7}),
    };
    results.disposition = disposition;
    return results;
}

inline triallens::ResultsPtr shared(bool p_values = false, int quantile_type = 2) {
    return std::make_shared<const triallens::Results>(results(p_values, quantile_type));
}

} // namespace baseline_fixture
