#pragma once
// The inputs every benchmark of triallens_bench shares, built once per N
// outside the timed loops: the demo generator's study at N subjects, its copy
// with continuous times, the workspace spec the GUI refits, and the demo's
// ADSL + ADTTE written as site CSV files. Only public core headers are used,
// so the benchmarks keep compiling while the engine's internals change.

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/analysis_spec.h>
#include <triallens/data/study.h>
#include <triallens/demo/demo_study.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace triallens::bench {

// The sizes every benchmark runs at (the names end in /N).
inline constexpr std::int64_t sizes[] = {147, 10'000, 100'000, 1'000'000};

// generate_demo_study({.subjects = n}) with one subject variable added:
// AGEGR4, AGE in four groups (24-42, 43-50, 51-57, 58-79: about quartiles;
// the demo's age is 24 to 79). Every categorical variable of the demo has two
// levels, so without it no 4 subgroup variables make the 10 forest
// rows. r_baseline.R derives the same column from AGE.
Study make_demo_study(std::size_t subjects, DemoDatasets datasets = DemoDatasets::All);

// make_demo_study(n), made on first use and kept.
const Study& demo_study(std::size_t subjects);

// make_demo_study(n) of ADSL and ADTTE's PFS and OS alone
// (DemoDatasets::Survival), as a registry holds them: the size at which the
// whole demo no longer fits in memory (BM_FullRefit10M). Made on first use and kept.
const Study& survival_study(std::size_t subjects);

// The same study with every endpoint's times made continuous: each record of
// a group of tied times gets its own offset in (0, 0.9) day, in the
// endpoint's unit (AVALU), by record order. Distinct times keep their order
// (the demo's times are whole days, so 0.9 day never reaches the next one)
// and no two records tie, even after R's timefix.
const Study& continuous_demo_study(std::size_t subjects);

// The same study without what tumour response reads (ADTR, the per-visit
// responses, the ADSL treatment and death dates): the refit's baseline for
// the cost of Results::tumour_response.
const Study& demo_study_without_tumour_data(std::size_t subjects);

// The workspace spec of the benchmarks, as a statistician sets it up: PFS,
// stratified by PRTAXFL and LIVBRNFL, four subgroup variables giving 10
// forest rows (PDL1STAT, ECOGBL, AGEGR4, LIVBRNFL: 2 + 2 + 4 + 2 levels),
// landmarks at 6 and 12 months, RMST to 24 months.
AnalysisSpec workspace_spec();

// The AE table's spec as the refit controller builds it for `spec`.
AeSpec adverse_event_spec(const AnalysisSpec& spec);

// A folder holding the demo's ADSL and ADTTE at n subjects as one CSV file
// per dataset and site (`triallens demo` names), written on first use and
// removed at exit.
const std::filesystem::path& demo_csv_folder(std::size_t subjects);

// A folder holding every dataset of the demo at n subjects (ADSL, ADTTE,
// ADAE, ADRS, ADTR, ...) as `triallens demo --out` writes it: one CSV file
// per dataset and site, written on first use and removed at exit.
const std::filesystem::path& demo_folder(std::size_t subjects);

// The analysis records of `paramcd` with a known arm and strata, as the
// refit's comparisons see them: arm 0 = the reference, 1 = the other arm;
// stratum = the PRTAXFL x LIVBRNFL combination. For the single-method
// benchmarks (log-rank, Cox, cox.zph, KM).
struct ArmRecords {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> arm;
    std::vector<std::int32_t> stratum;
    std::vector<double> treated; // arm as a Cox covariate
};

const ArmRecords& arm_records(std::size_t subjects);

} // namespace triallens::bench
