#include "triallens/stats/follow_up.h"

#include <vector>

namespace triallens {

QuantileEstimate median_follow_up(std::span<const double> time, std::span<const std::uint8_t> event,
                                  const KmOptions& options, bool timefix) {
    std::vector<std::uint8_t> censored(event.size());
    for (std::size_t i = 0; i < event.size(); ++i) {
        censored[i] = event[i] == 1 ? 0 : 1;
    }
    return survival_quantile(fit_kaplan_meier(tabulate_events(time, censored, timefix), options),
                             0.5);
}

} // namespace triallens
