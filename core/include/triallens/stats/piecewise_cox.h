#pragma once
// Piecewise hazard ratios: one Cox coefficient of a two-group comparison per
// period between cut points c1 < … < ck, the periods (0, c1], (c1, c2], …,
// (ck, ∞) — survSplit's convention: an event at a cut belongs to the period
// that ends there. R:
//   s <- survSplit(Surv(time, status) ~ ., data, cut = cuts, episode = "period")
//   coxph(Surv(tstart, time, status) ~ group:factor(period) + strata(stratum))
// Period k's risk sets hold only its episodes, so the partial likelihood is a
// product over periods of factors each in one coefficient: the model is
// fitted period by period, each on the records still at risk after its start
// (time > from; nobody enters late, so no entry times are needed), with
// those past its end censored at the end. Same ties, same strata.

#include "triallens/stats/cox_regression.h"
#include "triallens/stats/risk_set_counts.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace triallens {

// The records of `counts` at risk in (after, until]: rows at times > after,
// those past `until` censored at `until` (merged into a row there). Patterns
// and strata as in `counts`; ranks stay ordered across strata.
RiskSetCounts period_counts(const RiskSetCounts& counts, double after, double until);

struct PiecewisePeriod {
    double from = 0;
    std::optional<double> to; // absent: the last period, open-ended
    std::size_t events = 0;   // in both groups
    std::size_t events_reference = 0;
    std::size_t events_compared = 0;
    // The compared group's coefficient: absent when either group has no
    // event in the period (R's coefficient would run to infinity).
    std::optional<CoxFit> fit;
};

// `counts` hold two patterns: 0 the reference, 1 the compared group; `cuts`
// positive, finite, ascending and distinct (the caller checks them).
std::vector<PiecewisePeriod> fit_piecewise_cox(const RiskSetCounts& counts,
                                               std::span<const double> cuts,
                                               const CoxOptions& options = {});

} // namespace triallens
