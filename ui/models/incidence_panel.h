#pragma once
// One cause's panel of the cumulative-incidence figure (cif_figure.h), in
// the terms the Kaplan–Meier figure's layout draws, so that the panel has
// every option and layout rule of the KM figure (km_figure_layout.h):
//   - curves: per arm, 1 − F(t) of the cause on the arm's own KM time grid,
//     the limits turned over (1 − upper, 1 − lower), so that the figure's
//     cumulative scale (km_y_value) plots F and its log-log limits exactly
//     (Results::competing_risks, cmprsk's estimates); censor marks, number at
//     risk and censored counts are the arm's KM ones (the same records); the
//     events counted are this cause's; no median;
//   - words: the cause as the title, a legend of each arm
//     with its n and events of the cause, and the annotation: the Fine–Gray
//     subdistribution HR for the cause of interest, Gray's test p for each.
// Adapting, not estimating: every number is read off Results.

#include "models/km_figure_text.h"

#include <triallens/analysis/results.h>

#include <string>
#include <vector>

namespace triallens::ui {

struct IncidencePanel {
    Results results;
    KmFigureText text;
};

// The causes a figure shows, in panel order: the cause of interest first,
// then the others in their order. Empty without competing risks.
std::vector<std::string> incidence_panel_causes(const Results& results);

// The panel of `cause` (one of incidence_panel_causes()).
IncidencePanel incidence_panel(const Results& results, const std::string& cause);

} // namespace triallens::ui
