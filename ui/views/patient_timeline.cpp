#include "views/patient_timeline.h"

#include "models/best_response_colours.h"
#include "models/grade_colours.h"

#include <triallens/format/number_format.h>

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <set>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);
const QColor muted(0x77, 0x77, 0x77);
const QColor treatment_colour(0x44, 0x77, 0xaa);

// A visit's response in the waterfall's colours, so a PR is one colour everywhere.
QColor response_colour(const std::string& value) {
    return best_response_colour(value);
}

// A tick step of 1, 2 or 5 × 10^k days giving ticks at least `gap` pixels apart.
double tick_step(double days, double pixels, double gap) {
    const double wanted = days * gap / std::max(pixels, 1.0);
    double step = std::pow(10.0, std::floor(std::log10(std::max(wanted, 1e-9))));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (step * factor >= wanted) {
            return std::max(1.0, step * factor);
        }
    }
    return std::max(1.0, step * 10);
}

QString day_text(double day) {
    return QString::fromStdString(time_text(day, time_decimals(std::span<const double>(&day, 1))));
}

} // namespace

double PatientTimelineLayout::x_of(double day) const {
    return plot_left + (day - day_min) / (day_max - day_min) * (plot_right - plot_left);
}

double PatientTimelineLayout::y_of_pchg(double pchg) const {
    const QRectF& band = tumour.rect;
    const double inner_top = band.top() + 6;
    const double inner_bottom = band.bottom() - 6;
    return inner_bottom - (pchg - pchg_low) / (pchg_high - pchg_low) * (inner_bottom - inner_top);
}

PatientTimelineLayout layout_patient_timeline(const PatientProfile& profile, double width,
                                              const QFont& font, bool severity) {
    PatientTimelineLayout layout;
    layout.font = font;
    const QFontMetricsF metrics(font);
    const double line = metrics.height();
    const double gap = std::round(line * 0.5);

    // The days anything happens on: the axis spans them all.
    const bool by_day = profile.tumour_day_column != "AVISITN";
    std::vector<double> days;
    const auto add = [&](std::optional<double> day) {
        if (day && std::isfinite(*day)) {
            days.push_back(*day);
        }
    };
    if (profile.treatment_end_day) {
        add(1.0);
        add(profile.treatment_end_day);
    }
    add(profile.death_day);
    for (const ProfileResponse& r : profile.responses) {
        add(r.day);
    }
    if (by_day) {
        for (const ProfileMeasurement& m : profile.measurements) {
            add(m.day);
        }
    }
    for (const ProfileAdverseEvent& e : profile.adverse_events) {
        add(e.start_day);
        add(e.end_day);
    }
    double low = days.empty() ? 0 : *std::min_element(days.begin(), days.end());
    double high = days.empty() ? 1 : *std::max_element(days.begin(), days.end());
    if (high - low < 1) {
        high = low + 1;
    }
    const double pad = (high - low) * 0.03;
    layout.day_min = low - pad;
    layout.day_max = high + pad;

    // The label column: band titles and event terms, at most 30% of the width.
    std::vector<QString> event_labels;
    for (const ProfileAdverseEvent& e : profile.adverse_events) {
        QString label = QString::fromStdString(e.term.empty() ? std::string("(no term)") : e.term);
        if (e.related) {
            label += QObject::tr(" (related)");
        }
        event_labels.push_back(label);
    }
    QString bor;
    for (const ProfileResponse& r : profile.responses) {
        if (std::isnan(r.day) && r.paramcd == "BOR") {
            bor = QString::fromStdString(r.value);
        }
    }
    layout.treatment.title = QObject::tr("Treatment");
    layout.responses.title =
        bor.isEmpty() ? QObject::tr("Responses") : QObject::tr("Responses (BOR %1)").arg(bor);
    layout.tumour.title =
        QObject::tr("Tumour %1 % change")
            .arg(QString::fromStdString(profile.tumour_param.empty() ? std::string("size")
                                                                     : profile.tumour_param));
    layout.adverse_events.title = QObject::tr("Adverse events");
    double widest = 0;
    for (const QString* text : {&layout.treatment.title, &layout.responses.title,
                                &layout.tumour.title, &layout.adverse_events.title}) {
        widest = std::max(widest, metrics.horizontalAdvance(*text));
    }
    for (const QString& label : event_labels) {
        widest = std::max(widest, metrics.horizontalAdvance(label));
    }
    layout.label_width = std::min(std::ceil(widest) + gap, std::round(width * 0.30));
    layout.plot_left = layout.label_width + gap;
    layout.plot_right = std::max(layout.plot_left + 10, width - gap);

    double y = gap;
    const auto band = [&](TimelineBand& b, double height) {
        b.rect = QRectF(layout.plot_left, y, layout.plot_right - layout.plot_left, height);
        b.title_rect = QRectF(0, y, layout.label_width, std::min(height, line * 2.5));
        y += height + gap;
    };

    // Treatment.
    band(layout.treatment, line * 1.6);
    if (profile.treatment_end_day) {
        const double left = layout.x_of(1.0);
        const double right = layout.x_of(*profile.treatment_end_day);
        const double h = line * 0.8;
        layout.treatment_bar = QRectF(left, layout.treatment.rect.center().y() - h / 2,
                                      std::max(right - left, 1.0), h);
        layout.ongoing = profile.ongoing;
    } else {
        layout.treatment.empty_text = QObject::tr("No treatment dates (TRTSDT)");
    }

    // Responses: labels above the markers, alternately raised where two would touch.
    band(layout.responses, line * 2.6);
    double last_right = -1e9;
    bool raised = false;
    for (const ProfileResponse& r : profile.responses) {
        if (std::isnan(r.day)) {
            continue;
        }
        TimelineMarker marker;
        marker.centre = QPointF(layout.x_of(r.day), layout.responses.rect.bottom() - line * 0.6);
        marker.colour = response_colour(r.value);
        marker.label = QString::fromStdString(r.value);
        const double w = metrics.horizontalAdvance(marker.label);
        const double left = marker.centre.x() - w / 2;
        raised = left < last_right + 2 ? !raised : false;
        marker.label_rect =
            QRectF(left, layout.responses.rect.top() + (raised ? 0 : line * 0.7), w, line);
        last_right = std::max(last_right, left + w);
        layout.response_markers.push_back(marker);
    }
    if (layout.response_markers.empty()) {
        layout.responses.empty_text = bor.isEmpty()
                                          ? QObject::tr("No responses")
                                          : QObject::tr("No per-visit responses (BOR only)");
    }

    // Tumour % change.
    band(layout.tumour, line * 6);
    // The references always in view, the data with a margin.
    double pchg_low = -40;
    double pchg_high = 30;
    std::vector<std::pair<double, double>> points;
    for (const ProfileMeasurement& m : profile.measurements) {
        if (m.pchg && std::isfinite(m.day) && by_day) {
            points.emplace_back(m.day, *m.pchg);
            pchg_low = std::min(pchg_low, *m.pchg - 10);
            pchg_high = std::max(pchg_high, *m.pchg + 10);
        }
    }
    layout.pchg_low = pchg_low;
    layout.pchg_high = pchg_high;
    for (const auto& [day, pchg] : points) {
        layout.tumour_points.emplace_back(layout.x_of(day), layout.y_of_pchg(pchg));
    }
    if (layout.tumour_points.empty()) {
        layout.tumour.empty_text =
            profile.measurements.empty()
                ? QObject::tr("No tumour measurements")
                : (by_day ? QObject::tr("No % change from baseline (no baseline)")
                          : QObject::tr("Tumour measurements by visit number (no ADY): not "
                                        "on the day axis"));
        layout.tumour.rect.setHeight(line * 1.6);
        y = layout.tumour.rect.bottom() + gap;
    }

    // Adverse events, one row each, under the band's title.
    const double row = std::ceil(line * 1.25);
    const double title_height = line * 1.2;
    const double events_height =
        title_height +
        std::max<double>(row, row * static_cast<double>(profile.adverse_events.size()));
    band(layout.adverse_events, events_height);
    layout.adverse_events.title_rect.setHeight(line);
    for (std::size_t i = 0; i < profile.adverse_events.size(); ++i) {
        const ProfileAdverseEvent& e = profile.adverse_events[i];
        TimelineEventRow r;
        r.event = i;
        r.label = event_labels[i];
        const double top =
            layout.adverse_events.rect.top() + title_height + row * static_cast<double>(i);
        r.label_rect = QRectF(0, top, layout.label_width, row);
        r.colour = grade_colour(e.grade);
        r.serious = e.serious;
        if (e.start_day) {
            const double start = layout.x_of(*e.start_day);
            r.open_end = !e.end_day;
            const double end = e.end_day ? layout.x_of(*e.end_day) : layout.plot_right;
            r.bar = QRectF(start, top + row * 0.15, std::max(end - start, 4.0), row * 0.7);
        }
        layout.event_rows.push_back(r);
    }
    if (profile.adverse_events.empty()) {
        layout.adverse_events.empty_text = QObject::tr("No adverse events");
    }

    if (profile.death_day) {
        layout.death_x = layout.x_of(*profile.death_day);
    }

    // The day axis.
    layout.axis_y = y;
    const double step =
        tick_step(layout.day_max - layout.day_min, layout.plot_right - layout.plot_left,
                  metrics.horizontalAdvance(QStringLiteral("0000")) * 2);
    for (double t = std::ceil(layout.day_min / step) * step; t <= layout.day_max; t += step) {
        layout.ticks.push_back(t);
        layout.tick_x.push_back(layout.x_of(t));
    }
    y += line * 2.6;

    // The legend, wrapped to the width.
    std::vector<std::pair<QString, QColor>> entries{{QObject::tr("Treatment"), treatment_colour},
                                                    {QObject::tr("Death"), ink}};
    std::set<int> grades;
    for (const ProfileAdverseEvent& e : profile.adverse_events) {
        grades.insert(e.grade >= 1 && e.grade <= max_adverse_event_grade ? e.grade : 0);
    }
    for (int grade = 1; grade <= (severity ? 3 : max_adverse_event_grade); ++grade) {
        entries.emplace_back(grade_label(grade, severity), grade_colour(grade));
    }
    if (grades.count(0) != 0) {
        entries.emplace_back(grade_label(0), grade_colour(0));
    }
    if (std::any_of(profile.adverse_events.begin(), profile.adverse_events.end(),
                    [](const ProfileAdverseEvent& e) { return e.serious; })) {
        entries.emplace_back(QObject::tr("Serious (outlined)"), QColor(Qt::white));
    }
    std::vector<std::string> shown;
    for (const ProfileResponse& r : profile.responses) {
        if (!std::isnan(r.day) && std::find(shown.begin(), shown.end(), r.value) == shown.end()) {
            shown.push_back(r.value);
        }
    }
    for (const std::string& value : shown) {
        entries.emplace_back(QString::fromStdString(value), response_colour(value));
    }
    double x = layout.plot_left;
    for (const auto& [text, colour] : entries) {
        const double w = line + 4 + metrics.horizontalAdvance(text);
        if (x + w > width && x > layout.plot_left) {
            x = layout.plot_left;
            y += line * 1.3;
        }
        TimelineLegendEntry entry;
        entry.text = text;
        entry.colour = colour;
        entry.swatch = QRectF(x, y + line * 0.15, line * 0.8, line * 0.7);
        entry.text_rect = QRectF(x + line + 4 - line * 0.2, y, w - line, line);
        layout.legend.push_back(entry);
        x += w + line;
    }
    y += line * 1.3 + gap;
    layout.height = std::ceil(y);
    layout.rect = QRectF(0, 0, width, layout.height);
    return layout;
}

void paint_patient_timeline(QPainter& painter, const PatientTimelineLayout& layout) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(layout.font);
    const QFontMetricsF metrics(layout.font);
    const double line = metrics.height();
    QFont bold = layout.font;
    bold.setBold(true);
    QFont italic = layout.font;
    italic.setItalic(true);

    // Bands: a faint ground, the title, the empty text.
    for (const TimelineBand* band :
         {&layout.treatment, &layout.responses, &layout.tumour, &layout.adverse_events}) {
        painter.fillRect(band->rect, QColor(0xf6, 0xf6, 0xf6));
        painter.setFont(bold);
        painter.setPen(ink);
        painter.drawText(band->title_rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                         band->title);
        if (!band->empty_text.isEmpty()) {
            painter.setFont(italic);
            painter.setPen(muted);
            painter.drawText(band->rect.adjusted(6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                             band->empty_text);
        }
    }
    painter.setFont(layout.font);

    // Day 1 and the grid of ticks.
    painter.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), 1));
    for (const double x : layout.tick_x) {
        painter.drawLine(QPointF(x, layout.treatment.rect.top()), QPointF(x, layout.axis_y));
    }

    // Treatment, with an arrow when ongoing.
    if (!layout.treatment_bar.isEmpty()) {
        const QRectF bar = layout.treatment_bar;
        painter.setPen(Qt::NoPen);
        painter.setBrush(treatment_colour);
        painter.drawRect(bar);
        if (layout.ongoing) {
            QPainterPath arrow;
            arrow.moveTo(bar.right(), bar.top() - bar.height() * 0.35);
            arrow.lineTo(bar.right() + bar.height() * 1.1, bar.center().y());
            arrow.lineTo(bar.right(), bar.bottom() + bar.height() * 0.35);
            arrow.closeSubpath();
            painter.drawPath(arrow);
        }
    }

    // Responses.
    for (const TimelineMarker& marker : layout.response_markers) {
        painter.setPen(QPen(ink, 1));
        painter.setBrush(marker.colour);
        painter.drawEllipse(marker.centre, line * 0.35, line * 0.35);
        painter.drawText(marker.label_rect, Qt::AlignCenter, marker.label);
    }

    // Tumour % change: references, zero, the line and its points.
    if (!layout.tumour_points.empty()) {
        const QRectF& band = layout.tumour.rect;
        painter.setFont(layout.font);
        for (const auto& [pchg, label] :
             {std::pair{20.0, QStringLiteral("+20%")}, std::pair{0.0, QStringLiteral("0%")},
              std::pair{-30.0, QStringLiteral("−30%")}}) {
            const double y = layout.y_of_pchg(pchg);
            painter.setPen(QPen(pchg == 0 ? muted : QColor(0xd5, 0x5e, 0x00), 1,
                                pchg == 0 ? Qt::SolidLine : Qt::DashLine));
            painter.drawLine(QPointF(band.left(), y), QPointF(band.right(), y));
            // At the band's right end, above its line: the title owns the label column.
            painter.setPen(muted);
            painter.drawText(QRectF(band.right() - 60, y - line - 2, 56, line),
                             Qt::AlignRight | Qt::AlignBottom, label);
        }
        painter.setPen(QPen(ink, 1.6));
        for (std::size_t i = 1; i < layout.tumour_points.size(); ++i) {
            painter.drawLine(layout.tumour_points[i - 1], layout.tumour_points[i]);
        }
        painter.setBrush(ink);
        for (const QPointF& point : layout.tumour_points) {
            painter.drawEllipse(point, 3, 3);
        }
    }

    // Adverse events.
    for (const TimelineEventRow& row : layout.event_rows) {
        painter.setPen(ink);
        painter.drawText(row.label_rect.adjusted(0, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(row.label, Qt::ElideRight, row.label_rect.width() - 4));
        if (row.bar.isEmpty()) {
            painter.setFont(italic);
            painter.setPen(muted);
            painter.drawText(QRectF(layout.plot_left + 6, row.label_rect.top(),
                                    layout.plot_right - layout.plot_left, row.label_rect.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, QObject::tr("day unknown"));
            painter.setFont(layout.font);
            continue;
        }
        painter.setPen(row.serious ? QPen(ink, 1.5) : QPen(row.colour.darker(130), 1));
        painter.setBrush(row.colour);
        if (row.open_end) {
            QPainterPath open;
            const QRectF bar = row.bar;
            const double tip = std::min(bar.height() * 0.6, bar.width());
            open.moveTo(bar.left(), bar.top());
            open.lineTo(bar.right() - tip, bar.top());
            open.lineTo(bar.right(), bar.center().y());
            open.lineTo(bar.right() - tip, bar.bottom());
            open.lineTo(bar.left(), bar.bottom());
            open.closeSubpath();
            painter.drawPath(open);
        } else {
            painter.drawRect(row.bar);
        }
    }

    // Death across every band.
    if (layout.death_x) {
        const double x = *layout.death_x;
        painter.setPen(QPen(ink, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(x, layout.treatment.rect.top()), QPointF(x, layout.axis_y));
        painter.setPen(QPen(ink, 2));
        const double r = line * 0.3;
        const QPointF c(x, layout.treatment.rect.top() + r + 1);
        painter.drawLine(c + QPointF(-r, -r), c + QPointF(r, r));
        painter.drawLine(c + QPointF(-r, r), c + QPointF(r, -r));
        painter.setPen(ink);
        const QString text = QObject::tr("Death");
        const double w = metrics.horizontalAdvance(text);
        const bool left = x + r + 4 + w > layout.plot_right;
        painter.drawText(QRectF(left ? x - r - 4 - w : x + r + 4, c.y() - line / 2, w, line),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
    }

    // Axis.
    painter.setPen(QPen(ink, 1));
    painter.drawLine(QPointF(layout.plot_left, layout.axis_y),
                     QPointF(layout.plot_right, layout.axis_y));
    for (std::size_t i = 0; i < layout.ticks.size(); ++i) {
        const double x = layout.tick_x[i];
        painter.drawLine(QPointF(x, layout.axis_y), QPointF(x, layout.axis_y + 4));
        painter.drawText(QRectF(x - 40, layout.axis_y + 4, 80, line),
                         Qt::AlignHCenter | Qt::AlignTop, day_text(layout.ticks[i]));
    }
    painter.drawText(QRectF(layout.plot_left, layout.axis_y + 4 + line,
                            layout.plot_right - layout.plot_left, line),
                     Qt::AlignHCenter | Qt::AlignTop, QObject::tr("Study day"));

    // Legend.
    for (const TimelineLegendEntry& entry : layout.legend) {
        painter.setPen(QPen(ink, entry.colour == QColor(Qt::white) ? 1.5 : 0.5));
        painter.setBrush(entry.colour);
        painter.drawRect(entry.swatch);
        painter.setPen(ink);
        painter.drawText(entry.text_rect, Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
    painter.restore();
}

PatientTimeline::PatientTimeline(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    relayout();
}

void PatientTimeline::setProfile(const PatientProfile& profile, bool severity) {
    profile_ = profile;
    severity_ = severity;
    relayout();
    updateGeometry();
    update();
}

int PatientTimeline::heightForWidth(int width) const {
    return static_cast<int>(
        layout_patient_timeline(profile_, static_cast<double>(width), font(), severity_).height);
}

QSize PatientTimeline::sizeHint() const {
    return {640, heightForWidth(640)};
}

void PatientTimeline::relayout() {
    layout_ = layout_patient_timeline(profile_, static_cast<double>(std::max(width(), 200)), font(),
                                      severity_);
    setMinimumHeight(static_cast<int>(layout_.height));
}

void PatientTimeline::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void PatientTimeline::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paint_patient_timeline(painter, layout_);
}

} // namespace triallens::ui
