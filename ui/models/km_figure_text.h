#pragma once
// The words of the Kaplan–Meier figure, each made in one place so the
// legend, the annotation, the on-screen figure and the exports agree.
// Words, not painting: they live beside the models so that the table models
// (forest, concordance) can use them without depending on ui/views.
//
// A number and its label, and a CI, are joined with no-break spaces (U+00A0):
// "p\u00A0=\u00A00.084", "HR\u00A00.69\u00A0(95%\u00A0CI\u00A00.44–1.06)",
// "median\u00A05.6\u00A0(3.9–8.7)". The figure wraps text at plain spaces
// only (wrapped_text.h), so a line never ends inside one of them.

#include <triallens/analysis/results.h>

#include <QString>

#include <vector>

namespace triallens::ui {

inline constexpr QChar no_break_space{0x00A0};

// The words of a figure the KM figure's layout draws when they are not the
// KM figure's own (the cumulative-incidence panels, incidence_panel.h): the
// title, the annotation and its short form, and one legend entry per curve.
struct KmFigureText {
    QString title;
    QString annotation;
    QString short_annotation;
    std::vector<QString> legend;
    // The plot area's top is at least this (figure coordinates): panels side
    // by side whose headers differ keep their plots level.
    double plot_top_at_least = 0;
};

// A curve's name: the arm, or "Arm, level" for a curve group (curves by a
// variable), which wraps at its spaces like any name.
QString curve_name(const ArmSurvival& curve);

// The legend entry of one curve: name, n, events and median (CI), the median
// at `median_decimals` (median_decimals() of the figure's Results).
QString arm_legend_text(const ArmSurvival& arm, int median_decimals);

// "HR 0.70 (95% CI 0.46–1.06) vs Control, Cox (Efron); log-rank p = 0.084"
// (numbers as triallens/format/number_format.h writes them)
// for the first comparison, or "" without one.
QString hazard_ratio_text(const Results& results);

// What the figure's annotation gives way to when several arms are compared
// and their hazard ratios leave the plot no room (km_figure_layout.h, rule
// 2): the overall test alone, "log-rank p < 0.001 across 8 arms". "" when
// hazard_ratio_text() names one comparison (it has no shorter form) or
// there is no test.
QString hazard_ratio_short_text(const Results& results);

// The endpoint's name (PARAM, else PARAMCD), as the figure's title.
QString endpoint_title(const Results& results);
// The KM figure's title: the endpoint's, and the subgroup in focus after it
// ("Overall Survival — PDL1STAT = Positive").
QString km_figure_title(const Results& results);

// "Time (months)"; "Time (days)" when the data state no unit (no AVALU),
// as the engine then takes times as days.
QString time_axis_title(const Results& results);

} // namespace triallens::ui
