#pragma once
// Table 1: the subjects' baseline characteristics by arm and in total, as a
// trial report opens with (teal/chevron dmt01, gtsummary's tbl_summary).
//   - A continuous variable (a measurement: AGE, BMIBL) gives n, mean (SD),
//     median (Q1–Q3), min–max and the number missing. Quantiles are R's
//     quantile(type = 2), the SAS default tern and SAS tables give, or
//     type 7, R's default, when asked; SD is the n − 1 one (R's sd()).
//   - A categorical variable (a text or numeric factor: SEX, ECOGBL 0/1)
//     gives n and % per level, the percentage of the subjects with a value
//     (gtsummary's and tern's rule), and the number missing, counted apart.
//   - Every level is listed in every column, zeros included, in level order.
//   - p-values only when asked: Kruskal–Wallis (R's kruskal.test, ties
//     corrected) for a continuous variable; for a categorical one Pearson's
//     chi-square without continuity correction (chisq.test(correct = FALSE)),
//     or Fisher's exact test (fisher.test) when an expected count is below 5,
//     gtsummary's rule. The test's name is given with its p.

#include "triallens/data/study.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace triallens {

struct BaselineSpec {
    // The variables, in the order shown; empty = default_baseline_variables.
    std::vector<std::string> variables;
    int quantile_type = 2; // 2 (SAS, tern) or 7 (R's default); another is a SpecError
    bool p_values = false;

    bool operator==(const BaselineSpec&) const = default;
};

// The most variables Table 1 takes (a bound on work and on the table's size).
inline constexpr std::size_t max_baseline_variables = 100;

// The variables Table 1 shows when none are chosen: those of AGE, AGEGR1,
// SEX, RACE, ETHNIC, ECOGBL (else ECOG), REGION1 (else REGION), the
// stratification factors the study declares (STRATxx columns), PDL1STAT,
// DISSTAT, NMETSGR1, LIVBRNFL, PRTAXFL, BMIBL, HEIGHTBL, WEIGHTBL, MMSETOT
// that the study has, in that order.
std::vector<std::string> default_baseline_variables(const Study& study);

// A continuous variable in one column (an arm or the total). The statistics
// are absent when the column has no value (n = 0); sd also with n = 1.
struct ContinuousSummary {
    std::size_t n = 0;
    std::optional<double> mean;
    std::optional<double> sd;
    std::optional<double> median;
    std::optional<double> q1;
    std::optional<double> q3;
    std::optional<double> min;
    std::optional<double> max;
    std::size_t missing = 0;
};

// A level's count in one column; pct (0–100) of the column's subjects with a
// value, absent when none has one.
struct LevelCount {
    std::size_t n = 0;
    std::optional<double> pct;
};

struct BaselineLevel {
    std::string level;
    std::vector<LevelCount> counts; // per BaselineTable::columns
};

// A test of "no difference between the arms" (never of the total column).
struct BaselineTest {
    std::string method;              // "Kruskal-Wallis", "Pearson chi-square", "Fisher exact"
    std::optional<double> statistic; // absent for Fisher
    std::optional<double> df;
    std::optional<double> p; // absent when not computable (one arm with values, no variation)
};

struct BaselineRow {
    enum class Type { Continuous, Categorical };
    std::string variable;
    std::string label; // display_label (adam_labels.h)
    Type type = Type::Continuous;
    std::vector<ContinuousSummary> stats; // continuous: per column
    std::vector<BaselineLevel> levels;    // categorical: in level order
    std::vector<std::size_t> missing;     // categorical: per column
    std::optional<BaselineTest> test;     // with BaselineSpec::p_values and two or more arms
};

struct BaselineTable {
    std::string arm_variable;
    // The arms in the analysis's arm order, then "Total".
    std::vector<std::string> columns;
    std::vector<std::size_t> n; // subjects per column
    // How the subjects were chosen, for the table's footnote, e.g.
    // "ITT population (ITTFL = \"Y\")"; the workspace's filter is added to it.
    std::string population;
    int quantile_type = 2;
    bool p_values = false;
    std::vector<BaselineRow> rows;
    // What the table could not show, e.g. "AGE has no values in the
    // population" or "SUBJID has 254 levels (more than 50): left out".
    std::vector<std::string> notes;
};

// Table 1 over the subjects whose `subject_arm` (index into `arms`, one per
// subject row) is not -1. Throws SpecError (refit.h) for an unknown variable,
// a quantile type other than 2 or 7, or more than max_baseline_variables
// variables; a categorical variable with more than `max_levels` levels is
// left out with a note.
BaselineTable baseline_table(const Study& study, std::span<const std::int32_t> subject_arm,
                             std::vector<std::string> arms, std::string arm_variable,
                             std::string population, const BaselineSpec& spec,
                             std::size_t max_levels);

} // namespace triallens
