#include "models/palette.h"

#include <algorithm>
#include <array>

namespace triallens::ui {

namespace {

constexpr std::array<QRgb, 7> okabe_ito{0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                        0xE69F00, 0x56B4E9, 0x000000};

// Grey levels far enough apart to tell on paper (none lighter than 60% so a
// thin line still shows), paired with the dash patterns below.
constexpr std::array<QRgb, 5> greys{0x000000, 0x5a5a5a, 0x8c8c8c, 0x2e2e2e, 0x747474};

constexpr std::array<Qt::PenStyle, 5> dashes{Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                             Qt::DashDotLine, Qt::DashDotDotLine};

std::size_t slot(int index, std::size_t size) {
    return static_cast<std::size_t>(std::max(index, 0)) % size;
}

} // namespace

QColor arm_colour(int index, Palette palette) {
    if (palette == Palette::Grayscale) {
        return QColor::fromRgb(greys[slot(index, greys.size())]);
    }
    return QColor::fromRgb(okabe_ito[slot(index, okabe_ito.size())]);
}

QColor curve_colour(int index, Palette palette) {
    const QColor base = arm_colour(index, palette);
    if (palette != Palette::Default) {
        return base;
    }
    const auto round = static_cast<std::size_t>(index) / okabe_ito.size();
    if (round % 2 == 0) {
        return base;
    }
    // Black has no darker shade: its second round is a mid grey.
    return base == Qt::black ? QColor(0x80, 0x80, 0x80) : base.darker(160);
}

Qt::PenStyle curve_pen_style(int index, Palette palette) {
    switch (palette) {
    case Palette::Default:
        return Qt::SolidLine;
    case Palette::ColourBlindSafe: {
        const std::size_t round = static_cast<std::size_t>(std::max(index, 0)) / okabe_ito.size();
        return dashes[round % dashes.size()];
    }
    case Palette::Grayscale:
        return dashes[slot(index, dashes.size())];
    }
    return Qt::SolidLine;
}

QColor alert_colour(Palette palette) {
    return palette == Palette::Grayscale ? QColor(Qt::black) : QColor(0xb0, 0x00, 0x20);
}

} // namespace triallens::ui
