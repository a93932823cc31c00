#include "models/waterfall_bars.h"

#include <algorithm>

namespace triallens::ui {

std::vector<WaterfallPanel> waterfall_panels(const TumourResponse& response,
                                             WaterfallArrangement arrangement) {
    std::vector<WaterfallPanel> panels;
    if (arrangement == WaterfallArrangement::Interleaved) {
        panels.push_back(
            WaterfallPanel{std::nullopt, {}, std::vector<std::size_t>(response.arms.size(), 0)});
    } else {
        for (std::size_t a = 0; a < response.arms.size(); ++a) {
            panels.push_back(WaterfallPanel{a, {}, {0}});
        }
    }
    for (std::size_t i = 0; i < response.subjects.size(); ++i) {
        const SubjectTumourResponse& subject = response.subjects[i];
        const std::size_t arm = response.subjects.arm(i);
        if (arm >= response.arms.size()) {
            continue;
        }
        WaterfallPanel& panel =
            arrangement == WaterfallArrangement::Interleaved ? panels.front() : panels[arm];
        if (subject.best_pchg) {
            panel.bars.push_back(WaterfallBar{i, *subject.best_pchg});
        } else {
            ++panel.unmeasured[panel.arm ? 0 : arm];
        }
    }
    for (WaterfallPanel& panel : panels) {
        std::stable_sort(
            panel.bars.begin(), panel.bars.end(),
            [](const WaterfallBar& a, const WaterfallBar& b) { return a.best_pchg > b.best_pchg; });
    }
    return panels;
}

std::vector<std::int32_t> waterfall_order(const TumourResponse& response,
                                          const std::vector<WaterfallPanel>& panels) {
    std::vector<std::int32_t> order;
    for (const WaterfallPanel& panel : panels) {
        for (const WaterfallBar& bar : panel.bars) {
            order.push_back(response.subjects[bar.entry].subject);
        }
    }
    return order;
}

} // namespace triallens::ui
