#include "triallens/stats/number_at_risk.h"

#include <algorithm>

namespace triallens {

NumberAtRisk number_at_risk(const KaplanMeier& km, std::span<const double> times) {
    const SurvivalCurve& curve = km.curve;
    // Running totals: cumulative_*[k] counts the first k curve rows.
    std::vector<std::size_t> cumulative_event{0};
    std::vector<std::size_t> cumulative_censor{0};
    for (std::size_t i = 0; i < curve.size(); ++i) {
        cumulative_event.push_back(cumulative_event.back() + curve.n_event[i]);
        cumulative_censor.push_back(cumulative_censor.back() + curve.n_censor[i]);
    }

    NumberAtRisk result;
    for (const double t : times) {
        // R's findInterval(t, time) and 1 + findInterval(t, time, left.open = TRUE).
        const auto at_or_before = static_cast<std::size_t>(
            std::upper_bound(curve.time.begin(), curve.time.end(), t) - curve.time.begin());
        const auto first_at_or_after = static_cast<std::size_t>(
            std::lower_bound(curve.time.begin(), curve.time.end(), t) - curve.time.begin());
        result.time.push_back(t);
        result.n_risk.push_back(first_at_or_after < curve.size() ? curve.n_risk[first_at_or_after]
                                                                 : 0);
        result.n_event.push_back(cumulative_event[at_or_before]);
        result.n_censor.push_back(cumulative_censor[at_or_before]);
    }
    return result;
}

} // namespace triallens
