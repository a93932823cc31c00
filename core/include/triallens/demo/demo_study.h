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
// The study comes out as ADaM-shaped tables (ADSL, ADTTE, ADAE, ADRS, ADTR)
// so it takes the same path into a Study as files from a real trial.
//
// Tumour response (response_course.h states the rules): ADSL has treatment
// dates (TRTSDT = randomisation = study day 1, TRTEDT, TRTDURD, EOTSTT,
// DCTREAS, DTHFL, DTHDT, DCUTDT 44 months after the first randomisation) for
// the treated; ADRS has, after the BOR records, per-visit overall responses
// (PARAMCD OVR, ADY) every 6 weeks up to the PFS day, whose best is the BOR;
// ADTR has the sum of target-lesion diameters (SDIAM: AVAL, BASE, PCHG, ADY,
// ABLFL, ANL01FL) consistent with them per RECIST 1.1; ADTTE has DURRSP for
// responders, by the rule the core derives durations of response with;
// ADAE has AENDY (up to six weeks after ASTDY; missing: unresolved). The
// untreated subject has a BOR but no visits. The BORs were drawn at fixed
// shares apart from PFS, so with the default seed 17 of the 146 treated
// subjects disagree with their PFS: 12 with a BOR of PD whose PFS is not a
// progression (PD at their first scan), 5 with a BOR of NE whose PFS is (no
// PD scan). These draws come after, and apart from, all others: every
// number the study had before them is unchanged.

#include "triallens/data/raw_table.h"
#include "triallens/data/study.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace triallens {

// Which datasets the generator makes. Survival is what a registry or
// real-world cohort holds: ADSL and ADTTE's PFS and OS only, so that 10^7
// subjects fit in memory (the whole demo takes about 2.7 GB per 10^6). Its
// subjects, PFS and OS are the whole demo's, drawn first from the same
// stream; no treatment course is drawn, so ADSL's treatment dates and end of
// treatment are missing and ADTTE has no DURRSP.
enum class DemoDatasets { All, Survival };

struct DemoOptions {
    std::size_t subjects = 147;
    std::uint64_t seed = 45062; // the seed whose study matches the published figures best
    DemoDatasets datasets = DemoDatasets::All;
};

inline constexpr const char* demo_study_name = "Demo study (synthetic): mTNBC first line";
inline constexpr const char* demo_experimental_arm = "Benmelstobart + anlotinib";
inline constexpr const char* demo_control_arm = "Nab-paclitaxel";

// ADSL, ADTTE, ADAE, ADRS and ADTR, in that order (ADSL and ADTTE alone for
// DemoDatasets::Survival); every table has SITEID.
std::vector<RawTable> generate_demo_tables(const DemoOptions& options = {});

Study generate_demo_study(const DemoOptions& options = {});

} // namespace triallens
