#pragma once
// The preferred terms the AE dot and volcano plots draw, read from an
// AeTable (the core's numbers; nothing is computed here but percentages of
// its counts): each PT row with its incidence per arm and, for the compared
// arm against the reference, the risk difference (percentage points) and
// the relative risk with Fisher's p.
//
// The dot plot's terms: those whose highest incidence over the arms is at
// least the threshold, or the top N by that incidence (ties by the core's
// order), sorted by the risk difference (or relative risk), largest first —
// the order of HH's ae.dotplot, most harmful at the top. The volcano's terms:
// every PT with a relative risk for the compared arm.

#include "document/ae_figure_options.h"

#include <triallens/stats/adverse_event_incidence.h>

#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

namespace triallens::ui {

struct AeFigureTerm {
    std::size_t row = 0; // index into AeTable::rows
    QString soc;
    QString pt;
    std::vector<double> incidence; // percent per arm
    double max_incidence = 0;
    std::optional<AeDifference> risk_difference; // percentage points, compared - reference
    std::optional<AeRelativeRisk> relative_risk; // compared / reference
    std::size_t events = 0; // records in the compared and reference arms together
};

// The arm compared with the reference: `chosen` when it is an arm other than
// the reference, else the first arm that is not; nullopt without a reference.
std::optional<std::size_t> ae_compared_arm(const AeTable& table, int chosen);

// Every PT row of the table against `compared`, in the core's order.
std::vector<AeFigureTerm> ae_figure_terms(const AeTable& table, std::size_t compared);

// The dot plot's terms, in display order (top first).
std::vector<AeFigureTerm> ae_dot_plot_terms(const AeTable& table, const AeFigureOptions& options);

// How many PT rows the table has; for notes ("12 of 40 terms").
std::size_t ae_term_count(const AeTable& table);

} // namespace triallens::ui
