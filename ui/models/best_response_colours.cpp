#include "models/best_response_colours.h"

#include <algorithm>

namespace triallens::ui {

const std::vector<std::string>& best_response_order() {
    static const std::vector<std::string> order{"CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE", ""};
    return order;
}

std::size_t best_response_rank(const std::string& bor) {
    const auto& order = best_response_order();
    const auto found = std::find(order.begin(), order.end(), bor);
    if (found != order.end()) {
        const auto rank = static_cast<std::size_t>(found - order.begin());
        return bor.empty() ? order.size() : rank; // "" after any other value
    }
    return order.size() - 1; // after NE, before ""
}

QColor best_response_colour(const std::string& bor, Palette palette) {
    if (palette == Palette::Grayscale) {
        // By rank: CR … NE, another value, then none.
        static const int grey[] = {0x11, 0x44, 0x77, 0x88, 0x99, 0xbb, 0xcc, 0xdd};
        const int level = grey[std::min<std::size_t>(best_response_rank(bor), 7)];
        return QColor(level, level, level);
    }
    if (bor == "CR") {
        return QColor(0x00, 0x72, 0xB2);
    }
    if (bor == "PR") {
        return QColor(0x56, 0xB4, 0xE9);
    }
    if (bor == "SD") {
        return QColor(0xF0, 0xE4, 0x42);
    }
    if (bor == "NON-CR/NON-PD") {
        return QColor(0xE6, 0x9F, 0x00);
    }
    if (bor == "PD") {
        return QColor(0xD5, 0x5E, 0x00);
    }
    if (bor == "NE") {
        return QColor(0x88, 0x88, 0x88);
    }
    if (bor.empty()) {
        return QColor(0xC8, 0xC8, 0xC8);
    }
    return QColor(0xCC, 0x79, 0xA7);
}

QString best_response_label(const std::string& bor) {
    return bor.empty() ? QStringLiteral("No response assessed") : QString::fromStdString(bor);
}

} // namespace triallens::ui
