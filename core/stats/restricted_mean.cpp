#include "triallens/stats/restricted_mean.h"

#include <cmath>

namespace triallens {

RestrictedMean restricted_mean(const KaplanMeier& km, double tau) {
    const SurvivalCurve& curve = km.curve;
    RestrictedMean result;
    result.tau = tau;

    // Rectangles between consecutive curve times up to tau, each of height
    // S at its left end; hazard terms at the times that start them.
    std::vector<double> rectangles;
    std::vector<double> hazard_terms; // at the time where rectangle k + 1 starts
    double previous_time = 0;
    double previous_surv = 1;
    for (std::size_t i = 0; i < curve.size() && curve.time[i] <= tau; ++i) {
        rectangles.push_back((curve.time[i] - previous_time) * previous_surv);
        const auto n = static_cast<double>(curve.n_risk[i]);
        const auto d = static_cast<double>(curve.n_event[i]);
        hazard_terms.push_back(n - d == 0 ? 0.0 : d / (n * (n - d)));
        previous_time = curve.time[i];
        previous_surv = curve.surv[i];
    }
    rectangles.push_back((tau - previous_time) * previous_surv);

    double area_to_the_right = 0;
    double variance = 0;
    for (std::size_t k = rectangles.size(); k-- > 1;) {
        area_to_the_right += rectangles[k];
        variance += area_to_the_right * area_to_the_right * hazard_terms[k - 1];
    }
    for (const double rectangle : rectangles) {
        result.estimate += rectangle;
    }
    result.std_err = std::sqrt(variance);
    return result;
}

} // namespace triallens
