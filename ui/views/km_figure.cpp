#include "views/km_figure.h"

#include "views/palette.h"

#include <QChart>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

QString number(double value) {
    return QString::number(value, 'f', 2);
}

QString limit(const std::optional<double>& value) {
    return value ? number(*value) : QStringLiteral("NR");
}

// A "+" drawn into an image, used as the censor-mark brush.
QImage censor_mark(const QColor& colour, int size) {
    QImage image(size, size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, std::max(1.0, size / 7.0)));
    const double mid = size / 2.0;
    painter.drawLine(QPointF(mid, 1), QPointF(mid, size - 1));
    painter.drawLine(QPointF(1, mid), QPointF(size - 1, mid));
    return image;
}

// A tick step of 1, 2, 3, 6 or 12 × a power of ten giving 5–12 ticks.
double nice_step(double range) {
    if (range <= 0) {
        return 1;
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(range)) - 1);
    for (const double multiple : {1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 30.0, 60.0}) {
        if (range / (multiple * magnitude) <= 12) {
            return multiple * magnitude;
        }
    }
    return range / 10;
}

QString time_axis_title(const Results& results) {
    if (results.time_unit.empty()) {
        return QStringLiteral("Time");
    }
    return QStringLiteral("Time (%1)").arg(QString::fromStdString(results.time_unit).toLower());
}

} // namespace

QString format_median(const QuantileEstimate& median) {
    if (!median.estimate) {
        return QStringLiteral("NR (%1–%2)").arg(limit(median.lower), limit(median.upper));
    }
    return QStringLiteral("%1 (%2–%3)")
        .arg(number(*median.estimate), limit(median.lower), limit(median.upper));
}

QString arm_legend_text(const ArmSurvival& arm) {
    return QStringLiteral("%1   n=%2, events %3, median %4")
        .arg(QString::fromStdString(arm.arm))
        .arg(arm.km.n)
        .arg(arm.km.n_events)
        .arg(format_median(arm.median));
}

QString hazard_ratio_text(const Results& results) {
    if (!results.cox || results.cox->terms.empty()) {
        return {};
    }
    const double level = results.arms.empty() ? 0.95 : results.arms.front().km.options.conf_level;
    QString ties = QString::fromStdString(results.cox->ties);
    ties[0] = ties[0].toUpper();
    const QString stratified = results.strata.empty() ? QString() : QStringLiteral("stratified ");
    // One arm against the reference: "HR x (CI)"; several: each arm named.
    const bool several = results.cox->terms.size() > 1;
    QStringList ratios;
    for (const HazardRatio& hr : results.cox->terms) {
        const QString name =
            several ? QString::fromStdString(hr.arm) + QStringLiteral(" ") : QString();
        ratios << (hr.hr ? QStringLiteral("%1HR %2 (%3% CI %4–%5)")
                               .arg(name, number(*hr.hr))
                               .arg(level * 100, 0, 'g', 3)
                               .arg(number(*hr.lower), number(*hr.upper))
                         : QStringLiteral("%1HR not estimable").arg(name));
    }
    QString text = QStringLiteral("%1 vs %2, %3Cox (%4)")
                       .arg(ratios.join(QStringLiteral(", ")),
                            QString::fromStdString(results.cox->reference_arm), stratified, ties);
    if (results.logrank) {
        const double p = results.logrank->p;
        text += p < 0.001 ? QStringLiteral("; %1log-rank p < 0.001").arg(stratified)
                          : QStringLiteral("; %1log-rank p = %2").arg(stratified).arg(p, 0, 'f', 3);
    }
    return text;
}

QChart* build_km_chart(const Results& results) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);

    QString title =
        QStringLiteral("<b>%1</b>")
            .arg(QString::fromStdString(results.param.empty() ? results.paramcd : results.param)
                     .toHtmlEscaped());
    if (results.synthetic) {
        title += QStringLiteral(" — <span style='color:#b00020'>SYNTHETIC demo data</span>");
    }
    const QString hr = hazard_ratio_text(results);
    if (!hr.isEmpty()) {
        title += QStringLiteral("<br/>") + hr.toHtmlEscaped();
    }
    chart->setTitle(title);

    auto* x_axis = new QValueAxis;
    auto* y_axis = new QValueAxis;
    chart->addAxis(x_axis, Qt::AlignBottom);
    chart->addAxis(y_axis, Qt::AlignLeft);

    double max_time = 0;
    for (std::size_t a = 0; a < results.arms.size(); ++a) {
        const SurvivalCurve& curve = results.arms[a].km.curve;
        const QColor colour = arm_colour(static_cast<int>(a));

        auto* steps = new QLineSeries;
        steps->setName(arm_legend_text(results.arms[a]));
        steps->setPen(QPen(colour, 2.0));
        double previous = 1;
        steps->append(0, 1);
        auto* censored = new QScatterSeries;
        censored->setName(QStringLiteral("censored"));
        censored->setMarkerSize(11);
        censored->setBrush(censor_mark(colour, 11));
        censored->setPen(QColor(Qt::transparent));
        for (std::size_t i = 0; i < curve.size(); ++i) {
            if (curve.n_event[i] > 0) {
                steps->append(curve.time[i], previous);
                steps->append(curve.time[i], curve.surv[i]);
                previous = curve.surv[i];
            }
            if (curve.n_censor[i] > 0) {
                censored->append(curve.time[i], curve.surv[i]);
            }
            max_time = std::max(max_time, curve.time[i]);
        }
        if (curve.size() > 0) {
            steps->append(curve.time.back(), previous);
        }
        chart->addSeries(steps);
        chart->addSeries(censored);
        for (QAbstractSeries* series :
             {static_cast<QAbstractSeries*>(steps), static_cast<QAbstractSeries*>(censored)}) {
            series->attachAxis(x_axis);
            series->attachAxis(y_axis);
        }
        for (QLegendMarker* marker : chart->legend()->markers(censored)) {
            marker->setVisible(false);
        }
    }

    const double step = nice_step(max_time);
    x_axis->setRange(0, std::max(step, std::ceil(max_time / step) * step));
    x_axis->setTickType(QValueAxis::TicksDynamic);
    x_axis->setTickAnchor(0);
    x_axis->setTickInterval(step);
    x_axis->setLabelFormat(step < 1 ? "%.1f" : "%.0f");
    x_axis->setTitleText(time_axis_title(results));
    y_axis->setRange(0, 1);
    y_axis->setTickCount(6);
    y_axis->setLabelFormat("%.1f");
    y_axis->setTitleText(QStringLiteral("Survival probability"));
    return chart;
}

QImage render_km_figure(const Results& results, QSize size, qreal scale) {
    // A scene, not a widget: nothing is shown, so it renders the same with or
    // without a display.
    QGraphicsScene scene;
    QChart* chart = build_km_chart(results);
    scene.addItem(chart); // the scene owns the chart
    const QRectF area(QPointF(0, 0), QSizeF(size));
    chart->setGeometry(area);
    QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, area, area);
    return image;
}

} // namespace triallens::ui
