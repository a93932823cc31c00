#pragma once
// The waterfall's bars, read off Results::tumour_response: one per subject
// with a best % change, in the usual waterfall order (the largest increase
// on the left, the deepest shrinkage on the right; ties in the subjects'
// order), in one panel per arm or one panel of every arm interleaved. The
// subjects without a best % change are counted per arm, so the figure says
// how many it could not draw. Ordering and counting only: every number is
// the core's.

#include "document/tumour_figure_options.h"

#include <triallens/analysis/results.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace triallens::ui {

struct WaterfallBar {
    std::size_t entry = 0; // index into TumourResponse::subjects
    double best_pchg = 0;
};

struct WaterfallPanel {
    std::optional<std::size_t> arm; // nullopt: every arm, interleaved
    std::vector<WaterfallBar> bars;
    // Per arm (TumourResponse::arms order): the arm's subjects without a best
    // % change; one entry for a panel of one arm.
    std::vector<std::size_t> unmeasured;
};

std::vector<WaterfallPanel> waterfall_panels(const TumourResponse& response,
                                             WaterfallArrangement arrangement);

// The subjects in display order (SubjectTumourResponse::subject), panel
// after panel: what Up/Down steps through.
std::vector<std::int32_t> waterfall_order(const TumourResponse& response,
                                          const std::vector<WaterfallPanel>& panels);

} // namespace triallens::ui
