#pragma once
// The choices of the Adverse events tab's two figures (ae_dot_plot.h,
// ae_volcano_plot.h), shared by the window and `triallens export --figure
// ae-dotplot|ae-volcano`: which preferred terms the dot plot shows (those
// reported in at least `threshold_percent` of some arm's subjects, or the
// `top_n` most frequent), whether its right panel is the risk difference or
// the relative risk (log axis), and the arm compared with the reference
// (-1: the AE table's first arm that is not the reference).

#include <QString>

#include <optional>

namespace triallens::ui {

enum class AeFigure { DotPlot, Volcano };
enum class AeRiskScale { Difference, Ratio };

struct AeFigureOptions {
    double threshold_percent = 5;
    int top_n = 0; // > 0: the top N terms by incidence, in place of the threshold
    AeRiskScale scale = AeRiskScale::Difference;
    int compared_arm = -1;

    bool operator==(const AeFigureOptions&) const = default;
};

// "difference" / "ratio", as the command line spells them.
inline std::optional<AeRiskScale> parse_ae_risk_scale(const QString& text) {
    if (text == QLatin1String("difference")) {
        return AeRiskScale::Difference;
    }
    if (text == QLatin1String("ratio")) {
        return AeRiskScale::Ratio;
    }
    return std::nullopt;
}

} // namespace triallens::ui
