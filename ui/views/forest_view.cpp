#include "views/forest_view.h"

#include "models/forest_model.h"
#include "models/palette.h"

#include <triallens/format/data_caveat.h>
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
#include <limits>
#include <tuple>
#include <utility>

namespace triallens::ui {

namespace {

// The narrowest the plot gets before columns leave, and the narrowest the
// subgroup column gets once they have, in line heights.
constexpr double min_plot_ems = 10;
constexpr double min_subgroup_ems = 8;
constexpr double tick_length_ems = 0.35;

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

// Word wrap, or wrap anywhere when one word is wider than `width` (a
// 40-character arm code): text is never cut, nor drawn past its box.
int wrap(const QFont& font, const QPaintDevice* device, const QString& text, double width) {
    const QFontMetricsF metrics(font, device);
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (metrics.horizontalAdvance(word) > width) {
            return Qt::TextWrapAnywhere;
        }
    }
    return Qt::TextWordWrap;
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
    QString title_text;
    QRectF title; // wrapped at word boundaries to the target's width
    double header_top = 0;
    double arm_header_height = 0; // the arm names, wrapped over their columns
    double header_line = 0;       // the captions
    double rows_top = 0;
    double row_height = 20;
    // The columns that fit (see layout()): left edges, widths; hidden ones are empty.
    std::array<bool, ForestModel::ColumnCount> shown{};
    std::array<double, ForestModel::ColumnCount> column_x{};
    std::array<double, ForestModel::ColumnCount> column_width{};
    double columns_right = 0;
    // With no room for its column, a variable's interaction p goes on its
    // header row's label ("Race (interaction p = 0.094)").
    bool interaction_in_header = false;
    QRectF plot;               // axis extent × rows
    std::vector<double> ticks; // the axis's, thinned so their labels do not touch
    double axis_y = 0;
    QRectF favours_compared;  // under the axis, left of 1
    QRectF favours_reference; // right of 1
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

QString ForestView::titleText() const {
    const ResultsPtr& results = model_->results();
    if (!results) {
        return {};
    }
    QString title =
        QString::fromStdString(results->param.empty() ? results->paramcd : results->param);
    if (!model_->comparedArm().isEmpty()) {
        title += tr(": %1 vs %2").arg(model_->comparedArm(), model_->referenceArm());
    }
    if (const std::string caveat = data_caveat(results->synthetic, results->reconstructed);
        !caveat.empty()) {
        title += QStringLiteral("  ") + QString::fromStdString(caveat);
    }
    return title;
}

QString ForestView::subgroupText(int row, bool with_interaction, const QFont& font, double width,
                                 const QPaintDevice* device) const {
    const QFontMetricsF metrics(font, device);
    const QString label = model_->data(model_->index(row, ForestModel::SubgroupColumn)).toString();
    const QString p = model_->data(model_->index(row, ForestModel::InteractionColumn)).toString();
    if (!with_interaction || p.isEmpty() ||
        row_kind(*model_, row) != ForestModel::RowKind::Header) {
        return metrics.elidedText(label, Qt::ElideRight, width);
    }
    // The label gives way, never the number: "Baseline ECOG Perfor… (interaction p = 0.094)".
    for (const QString& suffix : {tr(" (interaction %1)").arg(p), tr(" (%1)").arg(p)}) {
        const double room = width - metrics.horizontalAdvance(suffix);
        if (room >= metrics.horizontalAdvance(QStringLiteral("Mm\u2026"))) {
            return metrics.elidedText(label, Qt::ElideRight, room) + suffix;
        }
    }
    return metrics.elidedText(label, Qt::ElideRight, width);
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
    const double width = target.width() > 0 ? target.width() : std::numeric_limits<double>::max();
    const double inner = width - 2 * l.margin;

    // Each text column as wide as its widest cell or caption.
    std::array<double, ForestModel::ColumnCount> widths{};
    for (int column = 0; column < ForestModel::ColumnCount; ++column) {
        widths[static_cast<std::size_t>(column)] =
            bold_metrics.horizontalAdvance(model_->columnCaption(column));
    }
    for (int row = 0; row < model_->rowCount(); ++row) {
        const ForestModel::RowKind kind = row_kind(*model_, row);
        for (int column = 0; column < ForestModel::ColumnCount; ++column) {
            if (column == ForestModel::SubgroupColumn && kind == ForestModel::RowKind::Header) {
                continue; // runs across the empty cells to its right
            }
            const QString text = model_->data(model_->index(row, column)).toString();
            const bool bold =
                kind != ForestModel::RowKind::Level && column != ForestModel::InteractionColumn;
            double w = (bold ? bold_metrics : metrics).horizontalAdvance(text);
            if (column == ForestModel::SubgroupColumn && kind == ForestModel::RowKind::Level) {
                w += l.em;
            }
            auto& widest = widths[static_cast<std::size_t>(column)];
            widest = std::max(widest, w);
        }
    }

    // Columns leave, least needed first, until the plot keeps its minimum
    // width: the medians, then the arms' n/events, then the interaction p
    // (moved onto the header rows); last the subgroup column narrows (its
    // labels elided, whole in the tooltip). Each arm's name spans its shown
    // columns, wrapped over them rather than widening them.
    const double gap = 1.5 * l.em;
    const double plot_room = l.em + min_plot_ems * l.em + 1.2 * l.em;
    // An arm's name wraps over its shown columns, but never inside a word:
    // its longest word widens the last of them.
    std::array<double, 2> longest_word{};
    for (std::size_t arm = 0; arm < 2; ++arm) {
        const QString name = arm == 0 ? model_->referenceArm() : model_->comparedArm();
        for (const QString& word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            longest_word[arm] = std::max(longest_word[arm], bold_metrics.horizontalAdvance(word));
        }
    }
    const auto widened = [&](const std::array<bool, ForestModel::ColumnCount>& shown) {
        auto out = widths;
        for (std::size_t arm = 0; arm < 2; ++arm) {
            const std::size_t first = arm == 0 ? std::size_t{ForestModel::ReferenceCountsColumn}
                                               : std::size_t{ForestModel::ComparedCountsColumn};
            if (!shown[first]) {
                continue;
            }
            const std::size_t last = shown[first + 1] ? first + 1 : first;
            const double span = shown[first + 1] ? out[first] + gap + out[first + 1] : out[first];
            out[last] += std::max(0.0, longest_word[arm] - span);
        }
        return out;
    };
    const auto needed = [&](const std::array<bool, ForestModel::ColumnCount>& shown,
                            double subgroup) {
        const auto w = widened(shown);
        double total = 0;
        for (std::size_t c = 0; c < w.size(); ++c) {
            if (shown[c]) {
                total += (c == ForestModel::SubgroupColumn ? subgroup : w[c]) + gap;
            }
        }
        return total - gap + 0.5 * l.em + plot_room;
    };
    l.shown.fill(true);
    using C = ForestModel::Column;
    const std::array<std::vector<C>, 3> leave{
        std::vector<C>{C::ReferenceMedianColumn, C::ComparedMedianColumn},
        std::vector<C>{C::ReferenceCountsColumn, C::ComparedCountsColumn},
        std::vector<C>{C::InteractionColumn}};
    double subgroup = widths[std::size_t{ForestModel::SubgroupColumn}];
    for (const auto& columns : leave) {
        if (needed(l.shown, subgroup) <= inner) {
            break;
        }
        for (const C column : columns) {
            l.shown[static_cast<std::size_t>(column)] = false;
        }
        // The header rows' labels run across the empty cells to their right.
        l.interaction_in_header = !l.shown[std::size_t{ForestModel::InteractionColumn}];
    }

    if (const double over = needed(l.shown, subgroup) - inner; over > 0) {
        subgroup = std::max(min_subgroup_ems * l.em, subgroup - over);
    }
    widths = widened(l.shown);
    widths[std::size_t{ForestModel::SubgroupColumn}] = subgroup;

    double x = target.left() + l.margin;
    for (std::size_t column = 0; column < widths.size(); ++column) {
        l.column_x[column] = x;
        l.column_width[column] = l.shown[column] ? widths[column] : 0;
        if (l.shown[column]) {
            x += widths[column] + gap;
        }
    }
    l.columns_right = x - gap + 0.5 * l.em;

    // The title wraps at word boundaries; the arm names over their columns.
    l.title_text = titleText();
    const double title_width = target.width() > 0 ? inner : 1e6;
    const int title_flags =
        Qt::AlignLeft | Qt::AlignTop | wrap(l.bold, device, l.title_text, title_width);
    const double title_height =
        bold_metrics.boundingRect(QRectF(0, 0, title_width, 1e6), title_flags, l.title_text)
            .height();
    l.title = QRectF(target.left() + l.margin, target.top() + l.margin, title_width,
                     std::max(1.4 * l.em, title_height + 0.2 * l.em));
    l.header_top = l.title.bottom() + 0.2 * l.em;
    l.header_line = 1.25 * l.em;
    l.arm_header_height = 0;
    for (const auto& [arm, first] :
         {std::pair{model_->referenceArm(), std::size_t{ForestModel::ReferenceCountsColumn}},
          std::pair{model_->comparedArm(), std::size_t{ForestModel::ComparedCountsColumn}}}) {
        const QRectF span = armSpan(l, first);
        if (span.width() > 0 && !arm.isEmpty()) {
            const double h =
                bold_metrics
                    .boundingRect(QRectF(0, 0, span.width(), 1e6),
                                  Qt::AlignHCenter | wrap(l.bold, device, arm, span.width()), arm)
                    .height();
            l.arm_header_height = std::max(l.arm_header_height, h + 0.25 * l.em);
        }
    }
    l.rows_top = l.header_top + l.arm_header_height + l.header_line + 0.3 * l.em;

    const double rows = std::max(1, model_->rowCount()) * l.row_height;
    const double plot_left = l.columns_right + l.em;
    const double plot_right = target.width() > 0 ? std::max(plot_left + min_plot_ems * l.em,
                                                            target.right() - l.margin - 1.2 * l.em)
                                                 : plot_left + 24 * l.em;
    l.plot = QRectF(plot_left, l.rows_top, plot_right - plot_left, rows);
    l.axis_y = l.plot.bottom() + 0.3 * l.em;
    const double label_width = std::max(metrics.horizontalAdvance(tick_label(axis_min_)),
                                        metrics.horizontalAdvance(tick_label(axis_max_))) +
                               0.8 * l.em;
    l.ticks = axisTicks(l.plot.width(), label_width);

    // "Favours" labels meet at 1, each reading away from it and wrapped to
    // its side: the left one may use the room under the text columns.
    const double labels_top = l.axis_y + 0.35 * l.em + 1.3 * l.em;
    double labels_height = 0;
    if (!model_->comparedArm().isEmpty()) {
        const double one = xForHazardRatio(1, l.plot);
        const double pad = 0.4 * l.em;
        const double left_width = std::max(4 * l.em, one - pad - l.column_x.front());
        const double figure_right =
            target.width() > 0 ? target.right() : l.plot.right() + 1.2 * l.em + l.margin;
        const double right_width = std::max(4 * l.em, figure_right - l.margin - one - pad);
        const QString left_text = favoursText(true);
        const QString right_text = favoursText(false);
        // They meet at 1 unless the right one needs some of the left's spare room.
        const double left_spare = left_width - metrics.horizontalAdvance(left_text);
        const double right_short = metrics.horizontalAdvance(right_text) - right_width;
        const double shift = std::max(0.0, std::min(right_short, left_spare));
        const QRectF left_fit = metrics.boundingRect(
            QRectF(0, 0, left_width - shift, 1e6),
            Qt::AlignRight | wrap(l.font, device, left_text, left_width - shift), left_text);
        const QRectF right_fit = metrics.boundingRect(
            QRectF(0, 0, right_width + shift, 1e6),
            Qt::AlignLeft | wrap(l.font, device, right_text, right_width + shift), right_text);
        labels_height = std::max(left_fit.height(), right_fit.height());
        l.favours_compared =
            QRectF(one - pad - left_width, labels_top, left_width - shift, labels_height);
        l.favours_reference =
            QRectF(one + pad - shift, labels_top, right_width + shift, labels_height);
    }
    l.bottom = labels_top + labels_height + l.margin;
    return l;
}

QRectF ForestView::armSpan(const Layout& l, std::size_t first) {
    QRectF span;
    for (std::size_t c = first; c < first + 2; ++c) {
        if (l.shown[c]) {
            const QRectF cell(l.column_x[c], 0, l.column_width[c], 1);
            span = span.isNull() ? cell : span.united(cell);
        }
    }
    return span;
}

QString ForestView::favoursText(bool compared) const {
    // No-break spaces keep each arrow with the arm name it points from.
    return compared ? tr("←\u00a0Favours %1").arg(model_->comparedArm())
                    : tr("Favours %1\u00a0→").arg(model_->referenceArm());
}

QColor ForestView::armColour(int arm) const {
    return arm >= 0 ? arm_colour(arm, palette_) : text_colour;
}

std::vector<ForestView::TextItem> ForestView::texts(const Layout& l,
                                                    const QPaintDevice* device) const {
    const ForestModel& model = *model_;
    std::vector<TextItem> items;
    const auto add = [&items](QString text, QRectF box, int flags, const QFont& font, QColor colour,
                              QColor backdrop = {}) {
        items.push_back({std::move(text), box, flags, font, colour, backdrop});
    };
    const auto column_rect = [&](int column, double top, double height) {
        const auto c = static_cast<std::size_t>(column);
        return QRectF(l.column_x[c], top, l.column_width[c], height);
    };

    // Title: the endpoint and the arms (and the data's caveat), wrapped.
    add(l.title_text, l.title,
        static_cast<int>(Qt::AlignLeft | Qt::AlignTop) |
            wrap(l.bold, device, l.title_text, l.title.width()),
        l.bold, text_colour);

    // Column headers: the arm names over their shown columns, then captions.
    for (const auto& [arm, index, first] :
         {std::tuple{model.referenceArm(), model.referenceArmIndex(),
                     std::size_t{ForestModel::ReferenceCountsColumn}},
          std::tuple{model.comparedArm(), model.comparedArmIndex(),
                     std::size_t{ForestModel::ComparedCountsColumn}}}) {
        const QRectF columns = armSpan(l, first);
        if (columns.width() > 0) {
            add(arm,
                QRectF(columns.left(), l.header_top, columns.width(),
                       l.arm_header_height - 0.25 * l.em),
                static_cast<int>(Qt::AlignHCenter | Qt::AlignBottom) |
                    wrap(l.bold, device, arm, columns.width()),
                l.bold, armColour(index));
        }
    }
    const double captions_top = l.header_top + l.arm_header_height;
    for (int column = 0; column < ForestModel::ColumnCount; ++column) {
        if (l.shown[static_cast<std::size_t>(column)]) {
            add(model.columnCaption(column), column_rect(column, captions_top, l.header_line),
                static_cast<int>(
                    (column == ForestModel::SubgroupColumn ? Qt::AlignLeft : Qt::AlignHCenter) |
                    Qt::AlignVCenter),
                l.bold, caption_colour);
        }
    }
    {
        const QRectF above(l.plot.left() - l.em, captions_top, l.plot.width() + 2 * l.em,
                           l.header_line);
        const QString full = tr("Hazard ratio (%1 CI)")
                                 .arg(QString::fromStdString(conf_level_text(model.confLevel())));
        const bool fits = QFontMetricsF(l.bold, device).horizontalAdvance(full) <= above.width();
        add(fits ? full : tr("Hazard ratio"), above, Qt::AlignCenter, l.bold, caption_colour);
    }

    // The rows' cells; a subgroup label too long for its cell is elided
    // (whole in the tooltip).
    for (int row = 0; row < model.rowCount(); ++row) {
        const double top = l.rows_top + row * l.row_height;
        const ForestModel::RowKind kind = row_kind(model, row);
        for (int column = 0; column < ForestModel::ColumnCount; ++column) {
            if (!l.shown[static_cast<std::size_t>(column)]) {
                continue;
            }
            const QString text = model.data(model.index(row, column)).toString();
            if (text.isEmpty()) {
                continue;
            }
            QRectF cell = column_rect(column, top, l.row_height);
            int align = static_cast<int>(Qt::AlignHCenter | Qt::AlignVCenter);
            if (column == ForestModel::SubgroupColumn) {
                align = static_cast<int>(Qt::AlignLeft | Qt::AlignVCenter);
                if (kind == ForestModel::RowKind::Level) {
                    cell.adjust(l.em, 0, 0, 0);
                } else if (kind == ForestModel::RowKind::Header) {
                    // A header row's other cells are empty (its p aside) and
                    // it has no mark: its label may run across them and the
                    // plot, on its row's colour over the plot's lines.
                    const std::size_t p = ForestModel::InteractionColumn;
                    cell.setRight(l.shown[p] ? l.column_x[p] - 0.5 * l.em : l.plot.right());
                }
            }
            const bool bold =
                kind != ForestModel::RowKind::Level && column != ForestModel::InteractionColumn;
            const QFont& font = bold ? l.bold : l.font;
            const QString shown =
                column == ForestModel::SubgroupColumn
                    ? subgroupText(row, l.interaction_in_header, font, cell.width(), device)
                    : text;
            add(shown, cell, align, font, text_colour,
                kind == ForestModel::RowKind::Header
                    ? (row % 2 == 1 ? shading_colour : QColor(Qt::white))
                    : QColor());
        }
    }

    // The axis's tick labels and the favours labels.
    for (const double tick : l.ticks) {
        const double x = xForHazardRatio(tick, l.plot);
        add(tick_label(tick),
            QRectF(x - 2 * l.em, l.axis_y + tick_length_ems * l.em, 4 * l.em, 1.3 * l.em),
            Qt::AlignCenter, l.font, text_colour);
    }
    if (!model.comparedArm().isEmpty()) {
        add(favoursText(true), l.favours_compared,
            static_cast<int>(Qt::AlignRight | Qt::AlignTop) |
                wrap(l.font, device, favoursText(true), l.favours_compared.width()),
            l.font, armColour(model.comparedArmIndex()));
        add(favoursText(false), l.favours_reference,
            static_cast<int>(Qt::AlignLeft | Qt::AlignTop) |
                wrap(l.font, device, favoursText(false), l.favours_reference.width()),
            l.font, armColour(model.referenceArmIndex()));
    }
    return items;
}

std::vector<ForestView::TextItem> ForestView::textItems(const QRectF& target,
                                                        const QPaintDevice* device) const {
    return texts(layout(target, device ? device : this), device ? device : this);
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

    // The arms' rules under their names, and the rule under the captions.
    for (const auto& [index, first] :
         {std::pair{model.referenceArmIndex(), std::size_t{ForestModel::ReferenceCountsColumn}},
          std::pair{model.comparedArmIndex(), std::size_t{ForestModel::ComparedCountsColumn}}}) {
        const QRectF columns = armSpan(l, first);
        if (columns.width() > 0) {
            const double y = l.header_top + l.arm_header_height;
            painter->setPen(QPen(armColour(index), 2 * thin));
            painter->drawLine(QPointF(columns.left(), y), QPointF(columns.right(), y));
        }
    }
    painter->setPen(QPen(rule_colour, thin));
    const double rule_y = l.rows_top - 0.15 * l.em;
    painter->drawLine(QPointF(l.column_x.front() - 0.3 * l.em, rule_y),
                      QPointF(l.plot.right() + l.em, rule_y));

    // Rows: shading and selection.
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
    }

    // The axis: reference line, ticks and the overall estimate's guide.
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
    const double tick_length = tick_length_ems * l.em;
    for (const double tick : l.ticks) {
        const double x = xForHazardRatio(tick, l.plot);
        painter->drawLine(QPointF(x, l.axis_y), QPointF(x, l.axis_y + tick_length));
    }

    // Every text, over the plot's lines.
    for (const TextItem& item : texts(l, painter->device())) {
        if (item.backdrop.isValid()) {
            const QRectF bounds = QFontMetricsF(item.font, painter->device())
                                      .boundingRect(item.box, item.flags, item.text);
            painter->fillRect(bounds.adjusted(-0.2 * l.em, 0, 0.2 * l.em, 0), item.backdrop);
        }
        painter->setFont(item.font);
        painter->setPen(item.colour);
        painter->drawText(item.box, item.flags, item.text);
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

double ForestView::contentHeight(double width, const QPaintDevice* device) const {
    return layout(QRectF(0, 0, width, 0), device ? device : this).bottom;
}

std::array<bool, ForestModel::ColumnCount>
ForestView::shownColumns(double width, const QPaintDevice* device) const {
    return layout(QRectF(0, 0, width, 0), device ? device : this).shown;
}

QSize ForestView::sizeHint() const {
    const Layout l = layout(QRectF(0, 0, 0, 0), this);
    return QSizeF(l.plot.right() + 1.2 * l.em + l.margin, l.bottom).toSize();
}

QSize ForestView::minimumSizeHint() const {
    // Laid out in no width at all, every column that can leave has left.
    const Layout l = layout(QRectF(0, 0, 1, 0), this);
    const double three_rows = l.rows_top + 3 * l.row_height + (l.bottom - l.plot.bottom());
    return QSizeF(l.plot.right() + 1.2 * l.em + l.margin, three_rows).toSize();
}

int ForestView::heightForWidth(int width) const {
    return static_cast<int>(std::ceil(contentHeight(width)));
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
