#pragma once
// Colours for arms and curves: the Okabe–Ito colour-blind-safe set, in the
// order arms are listed (the reference arm first).

#include <QColor>

namespace triallens::ui {

QColor arm_colour(int index);

// Colours of the KM figure's curve groups (arm × level), in Results order:
// each group its own Okabe–Ito colour rather than shades of its arm's hue,
// because shades of one hue are hard to tell apart on a projector; the group's
// name carries the arm. Past the seven colours the set repeats darker.
QColor curve_colour(int index);

} // namespace triallens::ui
