#include "views/palette.h"

#include <array>

namespace triallens::ui {

namespace {

constexpr std::array<QRgb, 7> okabe_ito{0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                        0xE69F00, 0x56B4E9, 0x000000};

} // namespace

QColor arm_colour(int index) {
    return QColor::fromRgb(okabe_ito[static_cast<std::size_t>(index) % okabe_ito.size()]);
}

QColor curve_colour(int index) {
    const QColor base = arm_colour(index);
    const auto round = static_cast<std::size_t>(index) / okabe_ito.size();
    if (round % 2 == 0) {
        return base;
    }
    // Black has no darker shade: its second round is a mid grey.
    return base == Qt::black ? QColor(0x80, 0x80, 0x80) : base.darker(160);
}

} // namespace triallens::ui
