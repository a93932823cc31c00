#pragma once
// One demo subject's course on treatment, drawn to agree with the PFS, OS
// and best overall response the generator already gave it: tumour scans
// every 6 weeks with their RECIST 1.1 overall responses, the sum of
// target-lesion diameters at baseline and at each evaluable scan, the end
// of treatment, and the duration of response. Days are study days (day 1 =
// first dose = randomisation).
//
// The rules it keeps (test_demo_study checks them on the tables):
//   - scans at day 42, 84, ... (jitter of up to 3 days) before the PFS day,
//     then one at the PFS day when PFS ends in progression (PD) or is
//     censored (its last adequate assessment); none after death or the cut;
//   - the best scan in RECIST order (CR > PR > SD > PD > NE) is the BOR;
//     when no scheduled scan falls before the end, an early one at half the
//     PFS day stands in for it;
//   - a BOR of PD is reached at the PFS day when PFS is a progression
//     (earlier scans not evaluable), else at the first scan: those subjects,
//     and subjects with a BOR of NE whose PFS is a progression (their PD
//     scan is left out, or the BOR would be PD), disagree with their PFS;
//   - progression on day 1 leaves no day for a scan before it: the PD scan
//     at day 1 is the only one, and its best (PD) is not the BOR unless the
//     BOR is PD (about 2 in 1000 subjects; none of the default 147);
//   - diameters per RECIST 1.1: PR at least 30 % below baseline, CR 0 mm,
//     PD at least 20 % (and 5 mm) above the nadir, SD between; an NE scan
//     has no measurement, so a subject whose scans are all NE has a
//     baseline and nothing after it.

#include "random_stream.h"

#include <optional>
#include <string_view>
#include <vector>

namespace triallens::demo {

enum class PfsEnd { Progression, Death, Censored };

struct CourseInput {
    std::string_view bor; // CR, PR, SD, PD or NE
    int pfs_day = 1;
    PfsEnd pfs_end = PfsEnd::Censored;
    bool pfs_censored_at_cut = false; // censored by the data cut, not lost or dropped out
    int os_day = 1;
    bool died = false;
    int cut_day = 1; // the data cut's study day
};

struct Scan {
    int day = 0;
    std::string_view response;      // CR, PR, SD, PD or NE
    std::optional<double> diameter; // mm; none when not evaluable
};

struct ResponseDuration {
    int start_day = 0; // the first CR or PR scan
    int end_day = 0;   // first PD after it, or death; else the last adequate scan
    bool event = false;
    std::string_view end_reason; // DISEASE PROGRESSION, DEATH or LAST ADEQUATE TUMOUR ASSESSMENT
};

struct ResponseCourse {
    double baseline_diameter = 0;             // mm
    int baseline_day = 0;                     // a few days before day 1
    std::vector<Scan> scans;                  // in day order
    std::optional<int> treatment_end_day;     // none while ongoing
    std::string_view end_status;              // ONGOING or DISCONTINUED
    std::string_view end_reason;              // DCTREAS; empty while ongoing
    std::optional<ResponseDuration> duration; // responders (a CR or PR scan)
    bool disagrees_with_pfs = false;
};

ResponseCourse draw_response_course(const CourseInput& input, RandomStream& random);

} // namespace triallens::demo
