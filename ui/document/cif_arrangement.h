#pragma once
// How the cumulative-incidence figure places its panels, one per cause
// (cif_figure.h): side by side, or stacked one above the other. Qt Core
// only, like km_figure_options.h, so saved analyses and the command line
// keep it without Qt Gui.

#include <QString>

#include <optional>

namespace triallens::ui {

enum class CifArrangement { SideBySide, Stacked };

// "side-by-side", "stacked": the one spelling the command line uses.
QString cif_arrangement_name(CifArrangement arrangement);
std::optional<CifArrangement> parse_cif_arrangement(const QString& name);

} // namespace triallens::ui
