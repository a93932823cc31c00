#pragma once
// The small number formats several tables share, made in one place so the
// tabs and the exported tables (ui/export) print the same digits. Hazard and
// odds ratios with their CI and "p = …" are ForestModel::formatHazardRatio
// and ForestModel::formatP; medians are format_median (models/km_figure_text.h).

#include <QString>

#include <cstddef>
#include <optional>

namespace triallens::ui {

// A percentage to one decimal: 12.5 -> "12.5".
QString percent_text(double percent);

// The same with U+2212 MINUS SIGN for negative values: a hyphen is too short
// to read as a sign in a column of numbers. -3.25 -> "−3.2" (rounded as
// QString::number rounds), -0.01 -> "−0.0".
QString signed_percent_text(double percent);

// A count with its percentage: "12 (16.0%)".
QString count_percent_text(std::size_t count, double percent);

// A p value under a heading that already says "p": "0.31", "0.042", "<0.001";
// "NE" without one.
QString p_value_text(const std::optional<double>& p);

} // namespace triallens::ui
