#include "views/forest_view.h"

#include "models/forest_model.h"
#include "models/palette.h"

#include <triallens/format/number_format.h>

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>
#include <utility>

namespace triallens::ui {

namespace {

// The widest the subgroup column grows, in line heights.
constexpr double max_subgroup_ems = 14;

// Beyond these a confidence limit ends in an arrow instead of widening the axis.
constexpr double widest_limit = 16;

const QColor text_colour(0x1a, 0x1a, 0x1a);
const QColor caption_colour(0x55, 0x55, 0x55);
const QColor shading_colour(0xf2, 0xf3, 0xf5);
const QColor rule_colour(0x99, 0x99, 0x99);
const QColor reference_line_colour(0x80, 0x80, 0x80);
const QColor selection_colour(0x00, 0x72, 0xb2);

double row_value(const ForestModel& model, int row, int role, bool* ok) {
    const QVariant value = model.data(model.index(row, 0), role);
    *ok = value.isValid();
    return value.toDouble();
}

ForestModel::RowKind row_kind(const ForestModel& model, int row) {
    return model.data(model.index(row, 0), ForestModel::RowKindRole).value<ForestModel::RowKind>();
}

QString tick_label(double tick) {
    return QString::number(tick, 'g', 4);
}

// A filled triangle at `tip` pointing left (direction -1) or right (+1).
void draw_arrowhead(QPainter* painter, QPointF tip, double direction, double size) {
    const std::array<QPointF, 3> points{tip,
                                        QPointF(tip.x() - direction * size, tip.y() - size * 0.6),
                                        QPointF(tip.x() - direction * size, tip.y() + size * 0.6)};
    painter->drawPolygon(points.data(), static_cast<int>(points.size()));
}

} // namespace

// Everything paintForest() places, in the target's coordinates. Lengths are
// multiples of the font's line height so that a printer's resolution scales
// the figure as a whole.
struct ForestView::Layout {
    QRectF target;
    QFont font;
    QFont bold;
    double em = 12;
    double margin = 6;
    QRectF title;
    double header_top = 0;
    double header_line = 0;
    double rows_top = 0;
    double row_height = 20;
    std::array<double, ForestModel::ColumnCount + 1> column_x{}; // left edges, then the end
    std::array<double, ForestModel::ColumnCount> column_width{};
    QRectF plot; // axis extent × rows
    double axis_y = 0;
    double bottom = 0;
};

ForestView::ForestView(QWidget* parent) : QWidget(parent), own_model_(new ForestModel(this)) {
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    setModel(nullptr);
}

void ForestView::setModel(ForestModel* model) {
    if (model_) {
        disconnect(model_, nullptr, this, nullptr);
    }
    model_ = model ? model : own_model_;
    connect(model_, &QAbstractItemModel::modelReset, this, &ForestView::modelReset);
    connect(model_, &QAbstractItemModel::dataChanged, this, [this] { update(); });
    if (model_ != own_model_) {
        connect(model_, &QObject::destroyed, this, [this] { setModel(nullptr); });
    }
    selected_variable_.clear();
    selected_level_.clear();
    selected_row_ = -1;
    modelReset();
}

void ForestView::setFigurePalette(Palette palette) {
    palette_ = palette;
    update();
}

void ForestView::setResults(ResultsPtr results) {
    model_->setResults(std::move(results));
}

void ForestView::modelReset() {
    // A refit keeps the chosen subgroup selected when it still exists.
    if (selected_row_ >= 0) {
        selected_row_ = model_->rowOf(selected_variable_, selected_level_);
        if (selected_row_ < 0) {
            selected_variable_.clear();
            selected_level_.clear();
        }
    }
    updateAxisRange();
    updateGeometry();
    update();
}

void ForestView::updateAxisRange() {
    double low = 1;
    double high = 1;
    for (int row = 0; row < model_->rowCount(); ++row) {
        bool ok = false;
        const double hr = row_value(*model_, row, ForestModel::HazardRatioRole, &ok);
        if (!ok || !(hr > 0)) {
            continue;
        }
        low = std::min(low, hr);
        high = std::max(high, hr);
        const double lower = row_value(*model_, row, ForestModel::LowerRole, &ok);
        if (ok && lower > 0) {
            low = std::min(low, std::max(lower, 1 / widest_limit));
        }
        const double upper = row_value(*model_, row, ForestModel::UpperRole, &ok);
        if (ok && std::isfinite(upper)) {
            high = std::max(high, std::min(upper, widest_limit));
        }
    }
    // Powers of two, at least 0.5–2.
    axis_min_ = std::min(0.5, std::exp2(std::floor(std::log2(low) + 1e-9)));
    axis_max_ = std::max(2.0, std::exp2(std::ceil(std::log2(high) - 1e-9)));
}

std::vector<double> ForestView::axisTicks(double plot_width, double label_width) const {
    const int first = static_cast<int>(std::lround(std::log2(axis_min_)));
    const int last = static_cast<int>(std::lround(std::log2(axis_max_)));
    // Every power of two, or every k-th counting from 1 when labels would touch.
    int step = 1;
    if (plot_width > 0 && last > first) {
        const double spacing = plot_width / (last - first);
        step = std::max(1, static_cast<int>(std::ceil(label_width / spacing)));
    }
    std::vector<double> ticks;
    for (int power = first; power <= last; ++power) {
        if (power % step == 0) {
            ticks.push_back(std::exp2(power));
        }
    }
    return ticks;
}

double ForestView::xForHazardRatio(double hr, const QRectF& plot_area) const {
    const double low = std::log(axis_min_);
    const double high = std::log(axis_max_);
    return plot_area.left() + (std::log(hr) - low) / (high - low) * plot_area.width();
}

QColor ForestView::squareColour() {
    return QColor(0x2f, 0x4b, 0x6e);
}

QColor ForestView::diamondColour() {
    return QColor(0x1a, 0x1a, 0x1a);
}

ForestView::Layout ForestView::layout(const QRectF& target, const QPaintDevice* device) const {
    Layout l;
    l.target = target;
    l.font = font();
    l.bold = font();
    l.bold.setBold(true);
    const QFontMetricsF metrics(l.font, device);
    const QFontMetricsF bold_metrics(l.bold, device);
    l.em = metrics.height();
    l.margin = 0.6 * l.em;
    l.row_height = 1.6 * l.em;

    l.title = QRectF(target.left() + l.margin, target.top() + l.margin,
                     target.width() - 2 * l.margin, 1.4 * l.em);
    l.header_top = l.title.bottom() + 0.2 * l.em;
    l.header_line = 1.25 * l.em;
    l.rows_top = l.header_top + 2 * l.header_line + 0.3 * l.em;

    // Each text column as wide as its widest cell or caption.
    std::array<double, ForestModel::ColumnCount> widths{};
    for (int column = 0; column < ForestModel::ColumnCount; ++column) {
        widths[static_cast<std::size_t>(column)] =
            bold_metrics.horizontalAdvance(model_->columnCaption(column));
    }
    for (int row = 0; row < model_->rowCount(); ++row) {
        const ForestModel::RowKind kind = row_kind(*model_, row);
        for (int column = 0; column < ForestModel::ColumnCount; ++column) {
            const QString text = model_->data(model_->index(row, column)).toString();
            const bool bold =
                kind != ForestModel::RowKind::Level && column != ForestModel::InteractionColumn;
            double width = (bold ? bold_metrics : metrics).horizontalAdvance(text);
            if (column == ForestModel::SubgroupColumn && kind == ForestModel::RowKind::Level) {
                width += l.em;
            }
            auto& widest = widths[static_cast<std::size_t>(column)];
            widest = std::max(widest, width);
        }
    }
    // Long level names ("AMERICAN INDIAN OR ALASKA NATIVE") are elided rather
    // than pushing the plot off screen; the tooltip gives them whole.
    auto& subgroup_width = widths[std::size_t{ForestModel::SubgroupColumn}];
    subgroup_width = std::min(subgroup_width, max_subgroup_ems * l.em);
    // An arm's name spans its two columns.
    for (const auto& [arm, first] :
         {std::pair{model_->referenceArm(), std::size_t{ForestModel::ReferenceCountsColumn}},
          std::pair{model_->comparedArm(), std::size_t{ForestModel::ComparedCountsColumn}}}) {
        const double span = widths[first] + widths[first + 1] + 2 * l.em;
        const double name = bold_metrics.horizontalAdvance(arm);
        if (name > span) {
            widths[first + 1] += name - span;
        }
    }
    double x = target.left() + l.margin;
    for (std::size_t column = 0; column < widths.size(); ++column) {
        l.column_x[column] = x;
        l.column_width[column] = widths[column];
        x += widths[column] + (column + 1 < widths.size() ? 1.5 : 0.5) * l.em;
    }
    l.column_x.back() = x;

    const double rows = std::max(1, model_->rowCount()) * l.row_height;
    const double plot_left = x + l.em;
    const double plot_right =
        std::max(plot_left + 10 * l.em, target.right() - l.margin - 1.2 * l.em);
    l.plot = QRectF(plot_left, l.rows_top, plot_right - plot_left, rows);
    l.axis_y = l.plot.bottom() + 0.3 * l.em;
    l.bottom = l.axis_y + 0.35 * l.em + 1.3 * l.em + 2.5 * l.em + l.margin;
    return l;
}

void ForestView::paintForest(QPainter* painter, const QRectF& target, bool with_selection) const {
    const Layout l = layout(target, painter->device());
    const ForestModel& model = *model_;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->fillRect(target, Qt::white);
    painter->setClipRect(target);
    const double thin = std::max(1.0, l.em / 14);
    const auto colour_of = [this](int arm) {
        return arm >= 0 ? arm_colour(arm, palette_) : text_colour;
    };

    // Title: the endpoint, and the synthetic-data label when it applies.
    if (const ResultsPtr& results = model.results()) {
        painter->setFont(l.bold);
        painter->setPen(text_colour);
        QString title =
            QString::fromStdString(results->param.empty() ? results->paramcd : results->param);
        if (!model.comparedArm().isEmpty()) {
            title += tr(": %1 vs %2").arg(model.comparedArm(), model.referenceArm());
        }
        QRectF used;
        painter->drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter, title, &used);
        if (results->synthetic) {
            painter->setPen(alert_colour(palette_));
            painter->drawText(l.title.adjusted(used.width() + l.em, 0, 0, 0),
                              Qt::AlignLeft | Qt::AlignVCenter, tr("SYNTHETIC demo data"));
        }
    }

    // Column headers: the arm names over their two columns, then captions.
    const auto column_rect = [&](int column, double top, double height) {
        const auto c = static_cast<std::size_t>(column);
        return QRectF(l.column_x[c], top, l.column_width[c], height);
    };
    painter->setFont(l.bold);
    for (const auto& [arm, index, first] :
         {std::tuple{model.referenceArm(), model.referenceArmIndex(),
                     int{ForestModel::ReferenceCountsColumn}},
          std::tuple{model.comparedArm(), model.comparedArmIndex(),
                     int{ForestModel::ComparedCountsColumn}}}) {
        const QRectF span = column_rect(first, l.header_top, l.header_line)
                                .united(column_rect(first + 1, l.header_top, l.header_line));
        painter->setPen(colour_of(index));
        painter->drawText(
            span, Qt::AlignCenter,
            QFontMetricsF(l.bold, painter->device()).elidedText(arm, Qt::ElideRight, span.width()));
        painter->setPen(QPen(colour_of(index), 2 * thin));
        painter->drawLine(QPointF(span.left(), span.bottom()),
                          QPointF(span.right(), span.bottom()));
    }
    painter->setPen(caption_colour);
    const double captions_top = l.header_top + l.header_line;
    for (int column = 0; column < ForestModel::ColumnCount; ++column) {
        painter->drawText(
            column_rect(column, captions_top, l.header_line),
            (column == ForestModel::SubgroupColumn ? Qt::AlignLeft : Qt::AlignHCenter) |
                Qt::AlignVCenter,
            model.columnCaption(column));
    }
    {
        const QRectF above(l.plot.left() - l.em, captions_top, l.plot.width() + 2 * l.em,
                           l.header_line);
        const QString full = tr("Hazard ratio (%1 CI)")
                                 .arg(QString::fromStdString(conf_level_text(model.confLevel())));
        const bool fits =
            QFontMetricsF(l.bold, painter->device()).horizontalAdvance(full) <= above.width();
        painter->drawText(above, Qt::AlignCenter, fits ? full : tr("Hazard ratio"));
    }
    painter->setPen(QPen(rule_colour, thin));
    const double rule_y = l.rows_top - 0.15 * l.em;
    painter->drawLine(QPointF(l.column_x.front() - 0.3 * l.em, rule_y),
                      QPointF(l.plot.right() + l.em, rule_y));

    // Rows: shading, selection, text.
    const double row_left = l.column_x.front() - 0.3 * l.em;
    const double row_right = l.plot.right() + l.em;
    double max_events = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (row_kind(model, row) == ForestModel::RowKind::Level) {
            max_events = std::max(
                max_events, model.data(model.index(row, 0), ForestModel::EventsRole).toDouble());
        }
    }
    for (int row = 0; row < model.rowCount(); ++row) {
        const QRectF band(row_left, l.rows_top + row * l.row_height, row_right - row_left,
                          l.row_height);
        if (row % 2 == 1) {
            painter->fillRect(band, shading_colour);
        }
        if (with_selection && row == selected_row_) {
            QColor fill = selection_colour;
            fill.setAlpha(48);
            painter->fillRect(band, fill);
            painter->setPen(QPen(selection_colour, thin));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(band.adjusted(thin / 2, thin / 2, -thin / 2, -thin / 2));
        }
        const ForestModel::RowKind kind = row_kind(model, row);
        for (int column = 0; column < ForestModel::ColumnCount; ++column) {
            const QString text = model.data(model.index(row, column)).toString();
            if (text.isEmpty()) {
                continue;
            }
            QRectF cell = column_rect(column, band.top(), band.height());
            Qt::Alignment align = Qt::AlignHCenter | Qt::AlignVCenter;
            if (column == ForestModel::SubgroupColumn) {
                align = Qt::AlignLeft | Qt::AlignVCenter;
                if (kind == ForestModel::RowKind::Level) {
                    cell.adjust(l.em, 0, 0, 0);
                }
            }
            const bool bold =
                kind != ForestModel::RowKind::Level && column != ForestModel::InteractionColumn;
            painter->setFont(bold ? l.bold : l.font);
            painter->setPen(text_colour);
            const QString shown = column == ForestModel::SubgroupColumn
                                      ? QFontMetricsF(painter->font(), painter->device())
                                            .elidedText(text, Qt::ElideRight, cell.width())
                                      : text;
            painter->drawText(cell, align, shown);
        }
    }

    // The axis: reference line, ticks, labels and the favours labels.
    painter->setPen(QPen(reference_line_colour, thin));
    const double one = xForHazardRatio(1, l.plot);
    painter->drawLine(QPointF(one, l.plot.top()), QPointF(one, l.axis_y));
    bool has_overall = false;
    const double overall =
        model.rowCount() > 0 ? row_value(model, 0, ForestModel::HazardRatioRole, &has_overall) : 0;
    if (has_overall && overall >= axis_min_ && overall <= axis_max_) {
        // The overall estimate as a dashed guide, to read each subgroup against it.
        QPen dashed(reference_line_colour, thin, Qt::DashLine);
        painter->setPen(dashed);
        const double x = xForHazardRatio(overall, l.plot);
        painter->drawLine(QPointF(x, l.plot.top() + l.row_height), QPointF(x, l.plot.bottom()));
    }
    painter->setPen(QPen(text_colour, thin));
    painter->drawLine(QPointF(l.plot.left(), l.axis_y), QPointF(l.plot.right(), l.axis_y));
    painter->setFont(l.font);
    const double tick_length = 0.35 * l.em;
    const QFontMetricsF metrics(l.font, painter->device());
    const double label_width = std::max(metrics.horizontalAdvance(tick_label(axis_min_)),
                                        metrics.horizontalAdvance(tick_label(axis_max_))) +
                               0.8 * l.em;
    for (const double tick : axisTicks(l.plot.width(), label_width)) {
        const double x = xForHazardRatio(tick, l.plot);
        painter->drawLine(QPointF(x, l.axis_y), QPointF(x, l.axis_y + tick_length));
        painter->drawText(QRectF(x - 2 * l.em, l.axis_y + tick_length, 4 * l.em, 1.3 * l.em),
                          Qt::AlignCenter, tick_label(tick));
    }
    if (!model.comparedArm().isEmpty()) {
        const double top = l.axis_y + tick_length + 1.3 * l.em;
        // Below the text columns is free room for a long arm name: the labels
        // meet at 1 unless the right one needs some of the left's room.
        const QString favours_compared = tr("← Favours %1").arg(model.comparedArm());
        const QString favours_reference = tr("Favours %1 →").arg(model.referenceArm());
        const double gap = 0.5 * l.em;
        const double left_room = one - gap - l.column_x.front();
        const double right_room = target.right() - l.margin - one - gap;
        const double left_needs = metrics.horizontalAdvance(favours_compared);
        const double right_needs = metrics.horizontalAdvance(favours_reference);
        const double split =
            one - std::max(0.0, std::min(right_needs - right_room, left_room - left_needs));
        const QRectF left(l.column_x.front(), top, split - gap - l.column_x.front(), 2.5 * l.em);
        const QRectF right(split + gap, top, target.right() - l.margin - split - gap, 2.5 * l.em);
        painter->setPen(colour_of(model.comparedArmIndex()));
        painter->drawText(left, Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap, favours_compared);
        painter->setPen(colour_of(model.referenceArmIndex()));
        painter->drawText(right, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          favours_reference);
    }

    // Estimates: whiskers (arrows where they leave the axis), then the marks.
    const QRectF clip(l.plot.left() - 0.5 * l.em, l.plot.top(), l.plot.width() + l.em,
                      l.plot.height());
    painter->setClipRect(clip.intersected(target));
    for (int row = 0; row < model.rowCount(); ++row) {
        bool has_hr = false;
        bool has_lower = false;
        bool has_upper = false;
        const double hr = row_value(model, row, ForestModel::HazardRatioRole, &has_hr);
        if (!has_hr || !(hr > 0)) {
            continue;
        }
        const double lower = row_value(model, row, ForestModel::LowerRole, &has_lower);
        const double upper = row_value(model, row, ForestModel::UpperRole, &has_upper);
        const double y = l.rows_top + (row + 0.5) * l.row_height;
        const double x = xForHazardRatio(std::clamp(hr, axis_min_, axis_max_), l.plot);
        const bool all = row_kind(model, row) == ForestModel::RowKind::AllPatients;
        const QColor colour =
            all || palette_ == Palette::Grayscale ? diamondColour() : squareColour();
        const bool interval = has_lower && has_upper && lower > 0;
        if (interval && !all) {
            const double x_low = xForHazardRatio(std::max(lower, axis_min_), l.plot);
            const double x_high = xForHazardRatio(std::min(upper, axis_max_), l.plot);
            painter->setPen(QPen(colour, 1.5 * thin));
            painter->setBrush(colour);
            painter->drawLine(QPointF(x_low, y), QPointF(x_high, y));
            const double cap = 0.25 * l.em;
            const double head = 0.45 * l.em;
            if (lower < axis_min_) {
                draw_arrowhead(painter, QPointF(x_low, y), -1, head);
            } else {
                painter->drawLine(QPointF(x_low, y - cap), QPointF(x_low, y + cap));
            }
            if (upper > axis_max_) {
                draw_arrowhead(painter, QPointF(x_high, y), 1, head);
            } else {
                painter->drawLine(QPointF(x_high, y - cap), QPointF(x_high, y + cap));
            }
        }
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        if (all && interval) {
            // The overall estimate spans its interval, as a diamond.
            const double half = 0.32 * l.row_height;
            const double x_low = xForHazardRatio(lower, l.plot);
            const double x_high = xForHazardRatio(upper, l.plot);
            const std::array<QPointF, 4> diamond{QPointF(x_low, y), QPointF(x, y - half),
                                                 QPointF(x_high, y), QPointF(x, y + half)};
            painter->drawPolygon(diamond.data(), static_cast<int>(diamond.size()));
        } else {
            // Area proportional to events; All patients without limits as a full-size square.
            const double events =
                model.data(model.index(row, 0), ForestModel::EventsRole).toDouble();
            const double largest = 0.72 * l.row_height;
            const double side =
                all || max_events <= 0
                    ? largest
                    : std::max(0.3 * l.em, largest * std::sqrt(events / max_events));
            painter->drawRect(QRectF(x - side / 2, y - side / 2, side, side));
        }
    }
    painter->restore();
}

QRectF ForestView::plotAreaIn(const QRectF& target, const QPaintDevice* device) const {
    return layout(target, device).plot;
}

QRectF ForestView::plotArea() const {
    return plotAreaIn(QRectF(rect()), this);
}

QRectF ForestView::rowRect(int row) const {
    if (row < 0 || row >= model_->rowCount()) {
        return {};
    }
    const Layout l = layout(QRectF(rect()), this);
    const double left = l.column_x.front() - 0.3 * l.em;
    return QRectF(left, l.rows_top + row * l.row_height, l.plot.right() + l.em - left,
                  l.row_height);
}

int ForestView::rowAt(const QPointF& position) const {
    const Layout l = layout(QRectF(rect()), this);
    if (position.y() < l.rows_top) {
        return -1;
    }
    const int row = static_cast<int>(std::floor((position.y() - l.rows_top) / l.row_height));
    return row < model_->rowCount() ? row : -1;
}

QSize ForestView::sizeHint() const {
    const Layout l = layout(QRectF(0, 0, 0, 0), this);
    const double width = l.column_x.back() + l.em + 24 * l.em + 1.2 * l.em + l.margin;
    return QSizeF(width, l.bottom).toSize();
}

QSize ForestView::minimumSizeHint() const {
    const Layout l = layout(QRectF(0, 0, 0, 0), this);
    const double three_rows = l.rows_top + 3 * l.row_height + (l.bottom - l.plot.bottom());
    return QSizeF(l.plot.right() + 1.2 * l.em + l.margin, three_rows).toSize();
}

void ForestView::selectRow(int row) {
    if (!model_->isSelectable(row)) {
        row = -1;
    }
    selected_row_ = row;
    selected_variable_ =
        row < 0 ? QString()
                : model_->data(model_->index(row, 0), ForestModel::VariableRole).toString();
    selected_level_ = row < 0
                          ? QString()
                          : model_->data(model_->index(row, 0), ForestModel::LevelRole).toString();
    update();
}

void ForestView::activate(int row) {
    selectRow(row);
    if (selected_row_ >= 0) {
        emit rowActivated(selected_variable_, selected_level_);
    }
}

void ForestView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintForest(&painter, QRectF(rect()), true);
}

void ForestView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const int row = rowAt(event->position());
    if (model_->isSelectable(row) && rowRect(row).contains(event->position())) {
        activate(row);
    }
    event->accept();
}

void ForestView::keyPressEvent(QKeyEvent* event) {
    int direction = 0;
    if (event->key() == Qt::Key_Down) {
        direction = 1;
    } else if (event->key() == Qt::Key_Up) {
        direction = -1;
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    int row = selected_row_ < 0 && direction < 0 ? model_->rowCount() : selected_row_;
    for (row += direction; row >= 0 && row < model_->rowCount(); row += direction) {
        if (model_->isSelectable(row)) {
            activate(row);
            break;
        }
    }
    event->accept();
}

bool ForestView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0 && rowRect(row).contains(help->pos())) {
            const ForestModel::RowKind kind = row_kind(*model_, row);
            if (kind != ForestModel::RowKind::Header) {
                QToolTip::showText(
                    help->globalPos(),
                    tr("%1: HR %2, %3 events")
                        .arg(model_->data(model_->index(row, ForestModel::SubgroupColumn))
                                 .toString(),
                             model_->data(model_->index(row, ForestModel::HazardRatioColumn))
                                 .toString())
                        .arg(model_->data(model_->index(row, 0), ForestModel::EventsRole)
                                 .toULongLong()),
                    this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace triallens::ui
