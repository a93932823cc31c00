#include "document/km_figure_options.h"

#include <cmath>

namespace triallens::ui {

KmFigureOptions with_kmunicate_style(KmFigureOptions options) {
    options.ci_bands = true;
    options.censor_marks = false;
    options.median_lines = false;
    options.at_risk_row = true;
    options.risk_table = KmRiskTable::Kmunicate;
    return options;
}

bool is_kmunicate_style(const KmFigureOptions& options) {
    return options == with_kmunicate_style(options);
}

QString km_y_axis_title(const KmFigureOptions& options) {
    const QString title = options.y_scale == KmYScale::Cumulative
                              ? QStringLiteral("Cumulative incidence")
                              : QStringLiteral("Survival probability");
    return options.percent ? title + QStringLiteral(" (%)") : title;
}

std::optional<QString> km_options_problem(const KmFigureOptions& options) {
    const auto positive = [](const std::optional<double>& value) {
        return !value || (std::isfinite(*value) && *value > 0);
    };
    if (!positive(options.x_limit)) {
        return QStringLiteral("the x-axis limit must be a positive number of time units, got %1")
            .arg(*options.x_limit);
    }
    if (!positive(options.break_by)) {
        return QStringLiteral("the break interval must be a positive number of time units, got %1")
            .arg(*options.break_by);
    }
    if (options.x_limit && options.break_by) {
        if (*options.break_by > *options.x_limit) {
            return QStringLiteral("the break interval (%1) is longer than the x-axis (%2)")
                .arg(*options.break_by)
                .arg(*options.x_limit);
        }
        if (*options.x_limit / *options.break_by > km_max_breaks) {
            return QStringLiteral("a break every %1 up to %2 makes more than %3 ticks")
                .arg(*options.break_by)
                .arg(*options.x_limit)
                .arg(km_max_breaks);
        }
    }
    for (const auto& [title, axis] :
         {std::pair{&options.x_label, "x"}, std::pair{&options.y_label, "y"}}) {
        if (title->size() > km_max_axis_title) {
            return QStringLiteral("the %1-axis title has %2 characters; at most %3 fit a figure")
                .arg(QLatin1String(axis))
                .arg(title->size())
                .arg(km_max_axis_title);
        }
    }
    return std::nullopt;
}

QString km_y_scale_name(KmYScale scale) {
    return scale == KmYScale::Cumulative ? QStringLiteral("cumulative")
                                         : QStringLiteral("survival");
}

std::optional<KmYScale> parse_km_y_scale(QStringView name) {
    for (const KmYScale scale : {KmYScale::Survival, KmYScale::Cumulative}) {
        if (name == km_y_scale_name(scale)) {
            return scale;
        }
    }
    return std::nullopt;
}

QString km_risk_table_name(KmRiskTable table) {
    switch (table) {
    case KmRiskTable::AtRisk:
        return QStringLiteral("at-risk");
    case KmRiskTable::AtRiskEvents:
        return QStringLiteral("events");
    case KmRiskTable::Kmunicate:
        return QStringLiteral("kmunicate");
    }
    return {};
}

std::optional<KmRiskTable> parse_km_risk_table(QStringView name) {
    for (const KmRiskTable table :
         {KmRiskTable::AtRisk, KmRiskTable::AtRiskEvents, KmRiskTable::Kmunicate}) {
        if (name == km_risk_table_name(table)) {
            return table;
        }
    }
    return std::nullopt;
}

} // namespace triallens::ui
