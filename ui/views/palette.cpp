#include "views/palette.h"

#include <array>

namespace triallens::ui {

QColor arm_colour(int index) {
    static constexpr std::array<QRgb, 7> okabe_ito{0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7,
                                                   0xE69F00, 0x56B4E9, 0x000000};
    return QColor::fromRgb(okabe_ito[static_cast<std::size_t>(index) % okabe_ito.size()]);
}

} // namespace triallens::ui
