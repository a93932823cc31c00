#pragma once
// Colours for arms and curves, in the order arms are listed (the reference
// arm first), under one of three palettes:
//  - Default: the Okabe–Ito colour-blind-safe set (what the screen shows);
//  - ColourBlindSafe: the same Okabe–Ito colours, but past the seventh curve
//    a dash pattern tells repeats apart rather than a darker shade (darker
//    shades of one hue are what colour-vision deficiency confuses first);
//  - Grayscale: distinct grey levels, each curve also with its own dash
//    pattern, so that curves stay apart on a black-and-white printout.
// Plain colour data, not painting: it lives beside the models so that a model
// (the AE tree's arm swatches) can use it without depending on ui/views.

#include "document/palette_choice.h"

#include <QColor>
#include <Qt>

namespace triallens::ui {

QColor arm_colour(int index, Palette palette = Palette::Default);

// Colours of the KM figure's curve groups (arm × level), in Results order:
// each group its own Okabe–Ito colour rather than shades of its arm's hue,
// because shades of one hue are hard to tell apart on a projector; the group's
// name carries the arm. Past the seven colours the set repeats darker
// (Default) or dashed (ColourBlindSafe).
QColor curve_colour(int index, Palette palette = Palette::Default);

// The line style of a curve: solid under Default; a dash pattern per curve
// under Grayscale (and for ColourBlindSafe's repeats).
Qt::PenStyle curve_pen_style(int index, Palette palette = Palette::Default);

// The colour of the "SYNTHETIC demo data" warning: red, or black in grayscale.
QColor alert_colour(Palette palette = Palette::Default);

} // namespace triallens::ui
