#pragma once
// Which palette a figure is drawn in (the colours are models/palette.h's):
// a plain choice, so that the documents that keep it (a figure's options in a
// saved analysis) need no Qt Gui.

namespace triallens::ui {

enum class Palette { Default, ColourBlindSafe, Grayscale };

} // namespace triallens::ui
