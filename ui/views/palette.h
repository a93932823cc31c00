#pragma once
// Colours for arms and curves: the Okabe–Ito colour-blind-safe set, in the
// order arms are listed (the reference arm first).

#include <QColor>

namespace triallens::ui {

QColor arm_colour(int index);

} // namespace triallens::ui
