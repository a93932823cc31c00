#pragma once
// The embedded demo study: SYNTHETIC data generated from a fixed seed,
// modelled on a published randomised first-line trial in recurrent or
// metastatic triple-negative breast cancer (benmelstobart + anlotinib versus
// nab-paclitaxel; ASCO 2025). No real patient is in it.
//
// With the default 147 subjects it reproduces the published figures: 75 vs 72
// randomised; median PFS 7.85 vs 5.55 months (HR 0.70) with about 88 events;
// median OS 35.81 vs 21.03 months (HR 0.78) with about 71 deaths; median
// follow-up about 18 months; safety population 75 and 71; grade >= 3
// treatment-related AEs in 42 and 26 patients; grade >= 3 hypertension in 21
// and hypertriglyceridaemia in 10 combination patients. Other subject counts
// keep the same design and proportions.
//
// The study comes out as ADaM-shaped tables (ADSL, ADTTE, ADAE, ADRS) so it
// takes the same path into a Study as files from a real trial.

#include "triallens/data/raw_table.h"
#include "triallens/data/study.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace triallens {

struct DemoOptions {
    std::size_t subjects = 147;
    std::uint64_t seed = 45062; // the seed whose study matches the published figures best
};

inline constexpr const char* demo_study_name = "Demo study (synthetic): mTNBC first line";
inline constexpr const char* demo_experimental_arm = "Benmelstobart + anlotinib";
inline constexpr const char* demo_control_arm = "Nab-paclitaxel";

// ADSL, ADTTE, ADAE and ADRS, in that order; every table has SITEID.
std::vector<RawTable> generate_demo_tables(const DemoOptions& options = {});

Study generate_demo_study(const DemoOptions& options = {});

} // namespace triallens
