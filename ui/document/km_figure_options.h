#pragma once
// What the Kaplan–Meier figure shows: a value the view, the exporters, the
// command line and saved analyses fill in and hand to paint_km_figure().
// Changing it never needs a refit: everything it toggles is already in
// Results. Its defaults are R's and survminer's: survival on a 0–1 axis,
// ticks chosen for the data, the number at risk under the plot.
//
// The words of its choices ("cumulative", "kmunicate", …) are spelt once
// here, for the command line (--y, --risk-table, --style), the saved
// analysis and "Show command" alike.

#include "document/palette_choice.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace triallens::ui {

// The y axis: S(t), or the cumulative incidence 1 − S(t) (survfit's
// fun = "event"), whose CI is (1 − upper, 1 − lower).
enum class KmYScale { Survival, Cumulative };

// The table under the plot:
// - AtRisk: one "Number at risk" section, a row per curve (survfit's
//   n.risk at each tick);
// - AtRiskEvents: the same section with the cumulative events beside each
//   number, "112 (35)" (survminer's "nrisk_cumevents");
// - Kmunicate: Morris et al. 2019 (BMJ Open 9:e030215): a section per curve
//   titled with its name, rows "At risk", "Censored" and "Events" (censored
//   and events cumulative from 0 to the tick); where three rows per curve do
//   not fit, one row per curve of "at risk (events) [censored]".
enum class KmRiskTable { AtRisk, AtRiskEvents, Kmunicate };

struct KmFigureOptions {
    bool ci_bands = false;     // translucent stepped pointwise CI per curve
    bool median_lines = true;  // dashed drop lines at S = 0.5 for each reached median
    bool censor_marks = true;  // "+" at times with a censoring
    bool at_risk_row = true;   // the number-at-risk table under the plot
    bool censored_row = false; // cumulative censored, per curve (AtRisk, AtRiskEvents)
    bool events_row = false;   // cumulative events, per curve (AtRisk, AtRiskEvents)
    // Base font of everything in the figure (axes, legend, table, annotation);
    // 0 and "" take the application font's size and family.
    double font_point_size = 0;
    QString font_family;
    // Curve colours and line styles (palette.h); the screen uses Default.
    Palette palette = Palette::Default;

    // The time axis ends at x_limit (curves, bands, censor marks and the
    // table stop there; survminer's xlim) instead of at the first tick past
    // the data (km_axis_maximum). Ticks fall every break_by from 0
    // (survminer's break.time.by) instead of a step chosen for the data;
    // when their labels would not fit between them, every second (third, …)
    // one stays: the step is always a whole multiple of break_by.
    std::optional<double> x_limit;
    std::optional<double> break_by;
    // Axis titles; "" takes the default: time_axis_title() ("Time (months)")
    // and km_y_axis_title().
    QString x_label;
    QString y_label;
    KmYScale y_scale = KmYScale::Survival;
    bool percent = false; // the y axis in percent (0–100), as survminer's surv.scale = "percent"
    KmRiskTable risk_table = KmRiskTable::AtRisk;

    friend bool operator==(const KmFigureOptions&, const KmFigureOptions&) = default;
};

// The KMunicate style (Morris et al. 2019) on top of `options`: CI bands,
// no censor marks and no median lines (the table carries the censoring), the
// Kmunicate table. `--style kmunicate` and the view's "KMunicate style".
KmFigureOptions with_kmunicate_style(KmFigureOptions options);
bool is_kmunicate_style(const KmFigureOptions& options);

// The y axis's default title: "Survival probability" or "Cumulative
// incidence", with " (%)" when in percent.
QString km_y_axis_title(const KmFigureOptions& options);

// Why the options cannot be drawn, or nullopt: x_limit and break_by must be
// finite and positive, break_by at most x_limit, and at most
// km_max_breaks intervals between 0 and x_limit (work stays bounded
// whatever is typed); axis titles at most km_max_axis_title characters.
inline constexpr int km_max_breaks = 200;
inline constexpr int km_max_axis_title = 200;
std::optional<QString> km_options_problem(const KmFigureOptions& options);

// The one spelling of each choice: "survival" | "cumulative";
// "at-risk" | "events" | "kmunicate". parse_… takes exactly these.
QString km_y_scale_name(KmYScale scale);
std::optional<KmYScale> parse_km_y_scale(QStringView name);
QString km_risk_table_name(KmRiskTable table);
std::optional<KmRiskTable> parse_km_risk_table(QStringView name);

} // namespace triallens::ui
