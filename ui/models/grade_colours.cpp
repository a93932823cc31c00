#include "models/grade_colours.h"

#include <QCoreApplication>

#include <array>

namespace triallens::ui {

namespace {

// ColorBrewer's YlOrRd, ending in black for death: ordered, and apart in
// lightness so that it reads in grey too.
constexpr std::array<QRgb, max_adverse_event_grade + 1> ramp{0xa6a6a6, 0xfed976, 0xfd8d3c,
                                                             0xe31a1c, 0x800026, 0x000000};

} // namespace

QColor grade_colour(int grade) {
    const bool known = grade >= 1 && grade <= max_adverse_event_grade;
    return QColor::fromRgb(ramp[known ? static_cast<std::size_t>(grade) : 0]);
}

QString grade_label(int grade, bool severity) {
    if (grade < 1 || grade > max_adverse_event_grade) {
        return QCoreApplication::translate("grade_colours", "Unknown grade");
    }
    if (severity && grade <= 3) {
        const char* words[] = {"Mild", "Moderate", "Severe"};
        return QCoreApplication::translate("grade_colours", words[grade - 1]);
    }
    return QCoreApplication::translate("grade_colours", "Grade %1").arg(grade);
}

} // namespace triallens::ui
