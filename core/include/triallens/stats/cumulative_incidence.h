#pragma once
// Cumulative incidence of each cause in the presence of the others: the
// Aalen–Johansen estimate F_k(t) = Σ_{t_j ≤ t} S(t_j−) d_kj / n_j per group,
// with S the all-cause Kaplan–Meier, and Gray's (1988) variance estimate:
// exactly what cmprsk::cuminc (2.2) reports as `est` and `var`, and what
// cmprsk::timepoints reads at given times. Gray's test (the `Tests` of
// cuminc, rho = 0, with strata) compares the groups' subdistribution
// hazards of one cause.
//
// Confidence limits are not in cmprsk; they are the log-log ones that
// tidycmprsk and most tables use, F^exp(±z·se / (F·log F)), which stay
// inside (0, 1). Where F is 0 both limits are 0; where F is 1, both 1.

#include "triallens/stats/competing_risks_data.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace triallens {

// One group's curve for one cause: a step function, right-continuous,
// starting at (0, 0), one point per distinct time at which the group has
// an event of this cause (cuminc's points, without its doubled step corners;
// neither the estimate nor Gray's variance moves at a time with only other
// causes' events). It holds out to last_time, where timepoints() stops.
struct CumulativeIncidence {
    std::int32_t group = 0;
    std::int32_t cause = 1;
    std::vector<double> time;
    std::vector<double> estimate;
    std::vector<double> variance;
    std::vector<double> lower;
    std::vector<double> upper;
    double last_time = 0; // the group's largest record time, censored or not
};

// Every (group, cause) pair, groups outer, causes inner; a group with no
// record gives a curve of the point (0, 0) alone.
std::vector<CumulativeIncidence> cumulative_incidence(const CompetingRisksData& data,
                                                      double conf_level = 0.95);

// The curve's value at `time` as cmprsk::timepoints gives it: the last step
// at or before `time`; absent past curve.last_time (timepoints' NA).
struct IncidenceAt {
    double time = 0;
    double estimate = 0;
    double variance = 0;
    double std_err = 0;
    double lower = 0;
    double upper = 0;
};
std::optional<IncidenceAt> incidence_at(const CumulativeIncidence& curve, double time,
                                        double conf_level = 0.95);

// Gray's K-sample test of one cause's subdistribution hazards across the
// groups, stratified by data.stratum (cuminc's `strata`), rho = 0. As
// cuminc: only groups with records take part (df = their number − 1), only
// causes with at least one event are tested, none when fewer than two groups
// have records, and chisq and p are NaN where the score's variance is
// singular (cuminc's stat −1).
struct GrayTest {
    std::int32_t cause = 1;
    double chisq = 0;
    int df = 0;
    double p = 1;
};
std::vector<GrayTest> gray_tests(const CompetingRisksData& data);

} // namespace triallens
