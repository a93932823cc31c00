#include "views/grouped_header_view.h"

#include <QColor>
#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionHeader>

#include <algorithm>

namespace triallens::ui {

namespace {

constexpr int colour_bar = 3; // the arm's colour under its group heading

} // namespace

GroupedHeaderView::GroupedHeaderView(int group_role, int colour_role, QWidget* parent)
    : QHeaderView(Qt::Horizontal, parent), group_role_(group_role), colour_role_(colour_role) {
    // A group's band wraps to its width: a new width may need a new height,
    // and the view lays its header out again on geometriesChanged.
    // Queued: laying the view out again from inside a section's resize left
    // QHeaderView::length() counting hidden sections' old sizes (Qt 6.4).
    connect(
        this, &QHeaderView::sectionResized, this,
        [this] {
            if (bandHeight() != band_height_) {
                band_height_ = bandHeight();
                updateGeometry();
                emit geometriesChanged();
            }
            viewport()->update();
        },
        Qt::QueuedConnection);
}

void GroupedHeaderView::setHeightSource(const QHeaderView* source) {
    height_source_ = source;
    if (source != nullptr) {
        connect(source, &QHeaderView::geometriesChanged, this, [this] {
            updateGeometry();
            emit geometriesChanged();
        });
    }
}

QString GroupedHeaderView::groupText(int logical_index) const {
    return model() == nullptr
               ? QString()
               : model()->headerData(logical_index, orientation(), group_role_).toString();
}

GroupedHeaderView::Group GroupedHeaderView::groupAt(int logical_index) const {
    const QString text = groupText(logical_index);
    const int visual = visualIndex(logical_index);
    Group group{visual, visual, 0};
    if (text.isEmpty() || visual < 0) {
        return group;
    }
    // Hidden sections neither break a group nor widen it.
    for (int v = visual - 1; v >= 0; --v) {
        const int logical = logicalIndex(v);
        if (isSectionHidden(logical)) {
            continue;
        }
        if (groupText(logical) != text) {
            break;
        }
        group.first_visual = v;
    }
    for (int v = visual + 1; v < count(); ++v) {
        const int logical = logicalIndex(v);
        if (isSectionHidden(logical)) {
            continue;
        }
        if (groupText(logical) != text) {
            break;
        }
        group.last_visual = v;
    }
    for (int v = group.first_visual; v <= group.last_visual; ++v) {
        if (!isSectionHidden(logicalIndex(v))) {
            group.width += sectionSize(logicalIndex(v));
        }
    }
    return group;
}

int GroupedHeaderView::bandHeight() const {
    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
    const QFontMetrics metrics(font());
    int height = 0;
    for (int visual = 0; visual < count(); ++visual) {
        const int logical = logicalIndex(visual);
        if (isSectionHidden(logical) || groupText(logical).isEmpty() ||
            groupAt(logical).first_visual != visual) {
            continue;
        }
        const int width = std::max(1, groupAt(logical).width - 2 * margin);
        const QRect text = metrics.boundingRect(
            QRect(0, 0, width, 10000), Qt::AlignHCenter | Qt::TextWordWrap, groupText(logical));
        height = std::max(height, text.height() + 2 * margin + colour_bar);
    }
    return height;
}

void GroupedHeaderView::widenGroupsToWords() {
    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
    const QFontMetrics metrics(font());
    for (int visual = 0; visual < count(); ++visual) {
        const int logical = logicalIndex(visual);
        if (isSectionHidden(logical) || groupText(logical).isEmpty()) {
            continue;
        }
        const Group group = groupAt(logical);
        if (group.first_visual != visual) {
            continue;
        }
        int longest = 0;
        for (const QString& word : groupText(logical).split(u' ', Qt::SkipEmptyParts)) {
            longest = std::max(longest, metrics.horizontalAdvance(word));
        }
        const int missing = longest + 2 * margin + 2 - group.width;
        if (missing > 0) {
            const int last = logicalIndex(group.last_visual);
            resizeSection(last, sectionSize(last) + missing);
        }
    }
}

int GroupedHeaderView::ownHeight() const {
    int sections = 0;
    int term = 0;
    for (int logical = 0; logical < count(); ++logical) {
        if (isSectionHidden(logical)) {
            continue;
        }
        const int height = QHeaderView::sectionSizeFromContents(logical).height();
        (groupText(logical).isEmpty() ? term : sections) =
            std::max(groupText(logical).isEmpty() ? term : sections, height);
    }
    return std::max(term, sections > 0 ? bandHeight() + sections : 0);
}

QSize GroupedHeaderView::sizeHint() const {
    QSize size = QHeaderView::sizeHint();
    size.setHeight(height_source_ ? height_source_->sizeHint().height() : ownHeight());
    return size;
}

// QCommonStyle widens a sortable section by the heading's full height for
// the sort arrow, which for a heading of several lines nearly doubles a
// count column; the arrow's box is only half the header's height wide
// (SE_HeaderLabel, SE_HeaderArrow), so reserve that and its margins.
QSize GroupedHeaderView::sectionSizeFromContents(int logical_index) const {
    QSize size = QHeaderView::sectionSizeFromContents(logical_index);
    if (isSortIndicatorShown()) {
        const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
        int height = size.height();
        for (int section = 0; section < count(); ++section) {
            height = std::max(height, QHeaderView::sectionSizeFromContents(section).height());
        }
        size.rwidth() += height / 2 + 2 * margin - (size.height() + margin);
    }
    return size;
}

void GroupedHeaderView::paintSection(QPainter* painter, const QRect& rect,
                                     int logical_index) const {
    const QString text = groupText(logical_index);
    const int band = text.isEmpty() ? 0 : bandHeight();
    if (band == 0) {
        QHeaderView::paintSection(painter, rect, logical_index);
        return;
    }
    QHeaderView::paintSection(painter, rect.adjusted(0, band, 0, 0), logical_index);

    // Each section paints its share of the group's band; together they read
    // as one cell spanning the group.
    const Group group = groupAt(logical_index);
    const int left = sectionViewportPosition(logicalIndex(group.first_visual));
    const QRect band_rect(left, rect.top(), group.width, band);
    painter->save();
    painter->setClipRect(QRect(rect.left(), rect.top(), rect.width(), band));
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.rect = band_rect;
    option.section = logical_index;
    option.position = QStyleOptionHeader::Middle;
    option.state |= QStyle::State_Enabled;
    style()->drawControl(QStyle::CE_HeaderSection, &option, painter, this);

    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, this);
    painter->setPen(palette().color(QPalette::ButtonText));
    painter->setFont(font());
    painter->drawText(band_rect.adjusted(margin, margin, -margin, -margin - colour_bar),
                      Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, text);
    const QVariant colour = model()->headerData(logical_index, orientation(), colour_role_);
    if (colour.canConvert<QColor>() && colour.value<QColor>().isValid()) {
        painter->fillRect(QRect(band_rect.left() + margin, band_rect.bottom() - colour_bar,
                                band_rect.width() - 2 * margin, colour_bar),
                          colour.value<QColor>());
    }
    painter->restore();
}

} // namespace triallens::ui
