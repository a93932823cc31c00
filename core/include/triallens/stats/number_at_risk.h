#pragma once
// The numbers under a Kaplan–Meier figure: at each requested time, the
// subjects still at risk, and the events and censorings so far. Matches R's
// summary(fit, times = t, extend = TRUE) (survival 3.5, summary.survfit's
// findrow):
//   n_risk(t)   = n_risk of the first curve time >= t, 0 beyond the last time
//                 (so n at t = 0, and at any t before the first curve time)
//   n_event(t)  = sum of d_i over curve times t_i <= t   (cumsum of R's n.event)
//   n_censor(t) = sum of c_i over curve times t_i <= t   (cumsum of R's n.censor)
// Times are compared exactly with the curve's times, as R does: the curve's
// times are already timefixed (see event_table.h), the requested ones are not.

#include "triallens/stats/kaplan_meier.h"

#include <cstddef>
#include <span>
#include <vector>

namespace triallens {

struct NumberAtRisk {
    std::vector<double> time;
    std::vector<std::size_t> n_risk;
    std::vector<std::size_t> n_event;  // cumulative, up to and including time
    std::vector<std::size_t> n_censor; // cumulative, up to and including time

    std::size_t size() const { return time.size(); }
};

// `times` in any order; the result keeps their order.
NumberAtRisk number_at_risk(const KaplanMeier& km, std::span<const double> times);

} // namespace triallens
